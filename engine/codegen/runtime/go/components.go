package rt

// The built-in components' behaviour, shared by every generated node (one helper per component). Helpers panic
// with *WorkflowError; the scheduler recovers per node.

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

func cfg(c *Object, key string) any {
	value, _ := c.Get(key)
	return value
}

func cfgString(c *Object, key string) string {
	s, _ := cfg(c, key).(string)
	return s
}

func cfgBool(c *Object, key string) bool {
	b, _ := cfg(c, key).(bool)
	return b
}

func cfgNumber(c *Object, key string) float64 {
	n, _ := cfg(c, key).(float64)
	return n
}

var arrayType = regexp.MustCompile(`^array<(.+)>$`)

func typeMismatch(value any, portType string) string {
	if portType == "any" {
		return ""
	}
	if element := arrayType.FindStringSubmatch(portType); element != nil {
		items, ok := value.([]any)
		if !ok {
			return "expected " + portType + ", got " + KindOf(value)
		}
		for i, item := range items {
			if inner := typeMismatch(item, element[1]); inner != "" {
				return "expected " + portType + ", element " + strconv.Itoa(i) + ": " + inner
			}
		}
		return ""
	}
	if KindOf(value) == portType {
		return ""
	}
	return "expected " + portType + ", got " + KindOf(value)
}

func read(ctx *Ctx, port, portType string, required bool) (any, bool) {
	value, ok := ctx.Inputs.Get(port)
	if !ok {
		if required {
			ComponentFail("MISSING_INPUT", "input \""+port+"\" has no value", ctx.NodeID)
		}
		return nil, false
	}
	if mismatch := typeMismatch(value, portType); mismatch != "" {
		ComponentFail("INVALID_INPUT", "input \""+port+"\": "+mismatch, ctx.NodeID)
	}
	return value, true
}

func readValue(ctx *Ctx, port, portType string) any {
	value, _ := read(ctx, port, portType, true)
	return value
}

// Expr is a compiled expression as generated code passes it: []any{field, source, func(Scope) any}.
func evaluate(ctx *Ctx, config *Object, expression any, extra Scope) (result any) {
	parts := expression.([]any)
	field, source, compiled := parts[0].(string), parts[1].(string), parts[2].(func(Scope) any)
	value, _ := ctx.Inputs.Get("value")
	scope := Scope{"inputs": ctx.Inputs, "config": config, "value": value}
	for k, v := range extra {
		scope[k] = v
	}
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(*ExpressionError); ok {
				ComponentFail("EXPRESSION_ERROR", "config."+field+" "+Quote(source)+": "+e.Error(), ctx.NodeID)
			}
			panic(r)
		}
	}()
	return compiled(scope)
}

func test(ctx *Ctx, config *Object, expression any, extra Scope, what string) bool {
	result := evaluate(ctx, config, expression, extra)
	b, ok := result.(bool)
	if !ok {
		parts := expression.([]any)
		ComponentFail("EXPRESSION_ERROR", "config."+parts[0].(string)+" "+Quote(parts[1].(string))+" must produce a boolean"+what+", got "+KindOf(result), ctx.NodeID)
	}
	return b
}

// CInput reads a run input (default, required, type).
func CInput(ctx *Ctx, c *Object) Ports {
	name := cfgString(c, "name")
	value, ok := ctx.RunInputs.Get(name)
	if !ok {
		value, ok = c.Get("default")
	}
	if !ok {
		if cfgBool(c, "required") {
			ComponentFail("MISSING_INPUT", "run input \""+name+"\" is required", ctx.NodeID)
		}
		return Ports{}
	}
	if mismatch := typeMismatch(value, cfgString(c, "type")); mismatch != "" {
		ComponentFail("INVALID_INPUT", "run input \""+name+"\": "+mismatch, ctx.NodeID)
	}
	if hasNonFinite(value) {
		ComponentFail("INVALID_INPUT", "run input \""+name+"\": a number is out of range", ctx.NodeID)
	}
	return Ports{"value": value}
}

// hasNonFinite: JSON numbers are finite; a literal that overflowed (1e400 reads as +Inf) is refused (SPEC §4).
func hasNonFinite(value any) bool {
	stack := []any{value}
	for len(stack) > 0 {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch x := v.(type) {
		case float64:
			if math.IsInf(x, 0) || math.IsNaN(x) {
				return true
			}
		case []any:
			stack = append(stack, x...)
		case *Object:
			for _, k := range x.Keys() {
				item, _ := x.Get(k)
				stack = append(stack, item)
			}
		}
	}
	return false
}

// COutput marks its input as a run output (the scheduler collects it).
func COutput(ctx *Ctx, c *Object) Ports {
	readValue(ctx, "value", "any")
	return Ports{}
}

// CConstant emits config.value.
func CConstant(ctx *Ctx, c *Object) Ports { return Ports{"value": cfg(c, "value")} }

// CTransform evaluates an expression over `value`.
func CTransform(ctx *Ctx, c *Object, expression any) Ports {
	readValue(ctx, "value", "any")
	return Ports{"value": evaluate(ctx, c, expression, nil)}
}

// CCondition routes `value` to `true` or `false`.
func CCondition(ctx *Ctx, c *Object, expression any) Ports {
	value := readValue(ctx, "value", "any")
	if test(ctx, c, expression, nil, "") {
		return Ports{"true": value}
	}
	return Ports{"false": value}
}

// CSwitch routes `value` to the first case that holds, else to the default port.
func CSwitch(ctx *Ctx, c *Object, cases any) Ports {
	value := readValue(ctx, "value", "any")
	defaultPort := cfgString(c, "defaultPort")
	seen := map[string]bool{}
	var names []string
	for _, entry := range cfg(c, "cases").([]any) {
		names = append(names, cfgString(entry.(*Object), "name"))
	}
	for _, name := range append(names, defaultPort) {
		if seen[name] {
			ComponentFail("INVALID_INPUT", "config: port name \""+name+"\" is used twice", ctx.NodeID)
		}
		seen[name] = true
	}
	for _, entry := range cases.([]any) {
		pair := entry.([]any)
		if test(ctx, c, pair[1], nil, "") {
			return Ports{pair[0].(string): value}
		}
	}
	return Ports{defaultPort: value}
}

// CMerge emits the first value that arrived, in connection order.
func CMerge(ctx *Ctx, c *Object) Ports {
	if values, ok := ctx.Inputs.Get("values"); ok {
		if items, _ := values.([]any); len(items) > 0 {
			return Ports{"value": items[0]}
		}
	}
	return Ports{}
}

// CFilter keeps the items for which the expression holds.
func CFilter(ctx *Ctx, c *Object, expression any) Ports {
	kept := []any{}
	for i, item := range readValue(ctx, "items", "array").([]any) {
		if test(ctx, c, expression, Scope{"item": item, "index": float64(i)}, " (item "+strconv.Itoa(i)+")") {
			kept = append(kept, item)
		}
	}
	return Ports{"items": kept}
}

// CReduce folds the items with the expression (acc, item, index).
func CReduce(ctx *Ctx, c *Object, expression any) Ports {
	acc := cfg(c, "initial")
	for i, item := range readValue(ctx, "items", "array").([]any) {
		acc = evaluate(ctx, c, expression, Scope{"acc": acc, "item": item, "index": float64(i)})
	}
	return Ports{"value": acc}
}

// CMap runs an expression or a sub-graph per item (sub-graphs up to config.concurrency at once).
func CMap(ctx *Ctx, c *Object, expression any, subgraph []Node) Ports {
	items := readValue(ctx, "items", "array").([]any)
	if len(items) > 10000 {
		panic(&WorkflowError{Code: "LIMIT_MAP_ITEMS", Message: "map over " + strconv.Itoa(len(items)) + " items exceeds the limit of 10000 items per map", Retryable: false})
	}
	results := make([]any, len(items))
	if subgraph == nil {
		for i, item := range items {
			results[i] = evaluate(ctx, c, expression, Scope{"item": item, "index": float64(i)})
		}
		return Ports{"items": results}
	}
	output := cfgString(c, "output")
	failures := make([]string, len(items))
	codes := make([]string, len(items))
	limit := int(cfgNumber(c, "concurrency"))
	if limit < 1 {
		limit = 1
	}
	slots := make(chan struct{}, limit)
	var wait sync.WaitGroup
	for i, item := range items {
		wait.Add(1)
		slots <- struct{}{}
		go func(i int, item any) {
			defer func() { <-slots; wait.Done() }()
			outputs, err := RunGraph(subgraph, ObjectOf("item", item, "index", float64(i)).(*Object), ctx.World)
			if err != nil {
				codes[i], failures[i] = "SUBGRAPH_ERROR", "item "+strconv.Itoa(i)+": iteration "+strconv.Itoa(i)+" of \""+ctx.NodeID+"\" failed: "+err.Message
				return
			}
			value, ok := outputs.Get(output)
			if !ok {
				produced := strings.Join(outputs.Keys(), ", ")
				if produced == "" {
					produced = "nothing"
				}
				codes[i], failures[i] = "SUBGRAPH_ERROR", "item "+strconv.Itoa(i)+": the sub-graph produced no output \""+output+"\" (it produced: "+produced+")"
				return
			}
			results[i] = value
		}(i, item)
	}
	wait.Wait()
	for i := range items {
		if codes[i] != "" {
			ComponentFail(codes[i], failures[i], ctx.NodeID)
		}
	}
	return Ports{"items": results}
}

// CTemplate fills {{path}} placeholders from `values` (and `value`).
func CTemplate(ctx *Ctx, c *Object) Ports {
	scope := NewObject()
	if values, ok := read(ctx, "values", "object", false); ok {
		scope = values.(*Object).Copy()
	}
	if value, ok := ctx.Inputs.Get("value"); ok {
		scope.Set("value", value)
	}
	return Ports{"text": renderTemplate(ctx, cfgString(c, "template"), scope)}
}

var fenced = regexp.MustCompile("^" + jsSpace + "*```(?:json)?" + jsSpace + "*\\n([\\s\\S]*?)\\n" + jsSpace + "*```" + jsSpace + "*$")

// CJSONParse parses `text` (optionally inside a ```json fence).
func CJSONParse(ctx *Ctx, c *Object) Ports {
	text := readValue(ctx, "text", "string").(string)
	source := text
	if cfgBool(c, "allowCodeFence") {
		if m := fenced.FindStringSubmatch(text); m != nil {
			source = m[1]
		}
	}
	value, err := ParseJSON(source)
	if err != nil {
		preview := text
		if units := toUTF16(text); len(units) > 80 {
			preview = fromUTF16(units[:80]) + "…"
		}
		ComponentFail("INVALID_JSON", "input \"text\" is not JSON ("+err.Error()+"): "+Quote(preview), ctx.NodeID)
	}
	return Ports{"value": value}
}

// CGet reads a path of `value`, or config.default.
func CGet(ctx *Ctx, c *Object) Ports {
	value := readValue(ctx, "value", "any")
	path := cfgString(c, "path")
	segments, err := parsePath(path)
	if err != "" {
		ComponentFail("INVALID_INPUT", "config.path: "+err, ctx.NodeID)
	}
	found, result, missingAt := lookupPath(value, segments)
	if found {
		return Ports{"value": result}
	}
	if fallback, ok := c.Get("default"); ok {
		return Ports{"value": fallback}
	}
	ComponentFail("PATH_NOT_FOUND", "path \""+path+"\" not found: \""+missingAt+"\" does not exist", ctx.NodeID)
	return nil
}

// CSet returns a copy of `object` with `value` at config.path.
func CSet(ctx *Ctx, c *Object) Ports {
	target := readValue(ctx, "object", "object")
	value := readValue(ctx, "value", "any")
	path := cfgString(c, "path")
	segments, err := parsePath(path)
	var result any
	if err == "" {
		result, err = setAtPath(target, segments, value)
	}
	if err != "" {
		ComponentFail("INVALID_INPUT", "cannot set \""+path+"\": "+err, ctx.NodeID)
	}
	return Ports{"value": result}
}

// CObject zips config.keys with the connected values.
func CObject(ctx *Ctx, c *Object) Ports {
	values := readValue(ctx, "values", "array").([]any)
	var keys []string
	for _, k := range cfg(c, "keys").([]any) {
		keys = append(keys, k.(string))
	}
	if len(values) != len(keys) {
		ComponentFail("INVALID_INPUT", "config.keys names "+strconv.Itoa(len(keys))+" value(s) ("+strings.Join(keys, ", ")+") but "+strconv.Itoa(len(values))+" are connected to \"values\"", ctx.NodeID)
	}
	result := NewObject()
	for i, k := range keys {
		result.Set(k, values[i])
	}
	return Ports{"value": result}
}

// CLength counts code units, elements or keys.
func CLength(ctx *Ctx, c *Object) Ports {
	switch x := readValue(ctx, "value", "any").(type) {
	case string:
		return Ports{"length": float64(utf16Len(x))}
	case []any:
		return Ports{"length": float64(len(x))}
	case *Object:
		return Ports{"length": float64(x.Len())}
	case nil:
		ComponentFail("INVALID_INPUT", "input \"value\": expected an array, string or object, got null", ctx.NodeID)
	default:
		ComponentFail("INVALID_INPUT", "input \"value\": expected an array, string or object, got "+KindOf(x), ctx.NodeID)
	}
	return nil
}

// CJoin joins strings, numbers and booleans with config.separator.
func CJoin(ctx *Ctx, c *Object) Ports {
	var parts []string
	for i, item := range readValue(ctx, "items", "array").([]any) {
		switch item.(type) {
		case string, float64, bool:
			parts = append(parts, ToText(item))
		default:
			ComponentFail("INVALID_INPUT", "input \"items\"["+strconv.Itoa(i)+"]: expected a string, number or boolean, got "+KindOf(item), ctx.NodeID)
		}
	}
	return Ports{"text": normalText(strings.Join(parts, cfgString(c, "separator")))}
}

// CSplit splits text on config.separator, optionally trimming and dropping empty items.
func CSplit(ctx *Ctx, c *Object) Ports {
	items := split(readValue(ctx, "text", "string").(string), cfgString(c, "separator"))
	kept := []any{}
	for _, item := range items {
		text := item.(string)
		if cfgBool(c, "trim") {
			text = trimJS(text)
		}
		if !cfgBool(c, "removeEmpty") || text != "" {
			kept = append(kept, text)
		}
	}
	return Ports{"items": kept}
}

// CDelay waits config.ms and passes its input on.
func CDelay(ctx *Ctx, c *Object) Ports {
	time.Sleep(time.Duration(cfgNumber(c, "ms") * float64(time.Millisecond)))
	value, _ := ctx.Inputs.Get("value")
	return Ports{"value": value}
}

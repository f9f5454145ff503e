package rt

// The expression language's function table (SPEC §7). Arity was checked when the workflow was generated.

import (
	"math"
	"sort"
	"strconv"
)

func concatArrays(parts []any) []any {
	total := 0
	for _, p := range parts {
		if items, ok := p.([]any); ok {
			total += len(items)
		} else {
			total++
		}
	}
	checkArray(total)
	result := make([]any, 0, total)
	for _, p := range parts {
		if items, ok := p.([]any); ok {
			result = append(result, items...)
		} else {
			result = append(result, p)
		}
	}
	return result
}

// indexOfUnits finds needle in hay by UTF-16 code units.
func extreme(a []any, better func(x, y float64) bool) any {
	var items []float64
	if _, ok := a[0].([]any); ok && len(a) == 1 {
		items = argNumbers(a, 0)
	} else {
		for i := range a {
			items = append(items, argNumber(a, i))
		}
	}
	if len(items) == 0 {
		typeError(a, 0, "a non-empty array of numbers")
	}
	best := items[0]
	for _, x := range items {
		if better(x, best) {
			best = x
		}
	}
	return best
}

func total(items []float64) float64 {
	s := 0.0
	for _, x := range items {
		s += x
	}
	return s
}

func roundHalfAway(x float64) float64 {
	m := math.Abs(x)
	w := math.Floor(m)
	r := w
	if m-w >= 0.5 {
		r = w + 1
	}
	if x < 0 {
		return -r
	}
	return r
}

func unique(a []any) any {
	seen := map[string]bool{}
	result := []any{}
	for _, e := range argArray(a, 0) {
		key := ToJSON(e)
		if !seen[key] {
			seen[key] = true
			result = append(result, e)
		}
	}
	return result
}

func sortValues(a []any) any {
	items := append([]any{}, argArray(a, 0)...)
	if len(items) == 0 {
		return items
	}
	kind := KindOf(items[0])
	for _, e := range items {
		if (kind != "number" && kind != "string") || KindOf(e) != kind {
			typeError(a, 0, "an array of numbers or an array of strings")
		}
	}
	if kind == "number" {
		sort.SliceStable(items, func(i, j int) bool { return items[i].(float64) < items[j].(float64) })
	} else {
		sort.SliceStable(items, func(i, j int) bool { return compareText(items[i].(string), items[j].(string)) < 0 })
	}
	return items
}

func rangeOf(a []any) any {
	start, end := 0.0, 0.0
	if len(a) > 1 {
		start, end = argInteger(a, 0), argInteger(a, 1)
	} else {
		end = argInteger(a, 0)
	}
	count := math.Max(0, end-start)
	if count > maxRange {
		problem("EXPRESSION_LIMIT", "range of "+FormatNumber(count)+" elements exceeds "+strconv.Itoa(maxRange), -1)
	}
	out := make([]any, int(count))
	for i := range out {
		out[i] = start + float64(i)
	}
	return out
}

func has(a []any) any {
	switch x := a[0].(type) {
	case []any:
		i, ok := a[1].(float64)
		return ok && i == math.Trunc(i) && i >= 0 && i < float64(len(x))
	case *Object:
		k, ok := a[1].(string)
		return ok && x.Has(k)
	}
	return false
}

func merge(a []any) any {
	result := NewObject()
	for i, o := range a {
		if o == nil {
			continue
		}
		object, ok := o.(*Object)
		if !ok {
			typeError(a, i, "an object or null")
		}
		for _, k := range object.keys {
			result.Set(k, object.values[k])
		}
	}
	return result
}

func pick(a []any, keep bool) any {
	o := argObject(a, 0)
	listed := map[string]bool{}
	names := argStrings(a, 1)
	for _, k := range names {
		listed[k] = true
	}
	result := NewObject()
	if keep {
		for _, k := range names {
			if v, ok := o.Get(k); ok {
				result.Set(k, v)
			}
		}
		return result
	}
	for _, k := range o.keys {
		if !listed[k] {
			result.Set(k, o.values[k])
		}
	}
	return result
}

func lengthOf(a []any) any {
	switch x := a[0].(type) {
	case string:
		return float64(utf16Len(x))
	case []any:
		return float64(len(x))
	case *Object:
		return float64(x.Len())
	}
	typeError(a, 0, "a string, array or object")
	return nil
}

func sortedValues(o *Object) []any {
	keys := sortedKeys(o)
	out := make([]any, len(keys))
	for i, k := range keys {
		out[i] = o.values[k]
	}
	return out
}

func stringsToValues(keys []string) []any {
	out := make([]any, len(keys))
	for i, k := range keys {
		out[i] = k
	}
	return out
}

var functions map[string]func(a []any) any

func init() {
	functions = map[string]func(a []any) any{
		"lower":      func(a []any) any { return lowerJS(argString(a, 0)) },
		"upper":      func(a []any) any { return upperJS(argString(a, 0)) },
		"trim":       func(a []any) any { return trimJS(argString(a, 0)) },
		"startsWith": func(a []any) any { return hasPrefixText(argString(a, 0), argString(a, 1)) },
		"endsWith":   func(a []any) any { return hasSuffixText(argString(a, 0), argString(a, 1)) },
		"replace":    replace,
		"split":      func(a []any) any { return split(argString(a, 0), argString(a, 1)) },
		"join":       join,
		"len":        lengthOf,
		"contains":   func(a []any) any { return indexOf(a) >= 0 },
		"indexOf":    func(a []any) any { return indexOf(a) },
		"slice":      slice,
		"first":      func(a []any) any { return Index(argArray(a, 0), float64(0)) },
		"last":       func(a []any) any { return Index(argArray(a, 0), float64(len(a[0].([]any))-1)) },
		"reverse": func(a []any) any {
			items := argArray(a, 0)
			out := make([]any, len(items))
			for i, e := range items {
				out[len(items)-1-i] = e
			}
			return out
		},
		"flatten": func(a []any) any { return concatArrays(argArray(a, 0)) },
		"concat": func(a []any) any {
			for i := range a {
				argArray(a, i)
			}
			return concatArrays(a)
		},
		"unique": unique,
		"sort":   sortValues,
		"range":  rangeOf,
		"keys":   func(a []any) any { return stringsToValues(sortedKeys(argObject(a, 0))) },
		"values": func(a []any) any { return sortedValues(argObject(a, 0)) },
		"has":    has,
		"merge":  merge,
		"pick":   func(a []any) any { return pick(a, true) },
		"omit":   func(a []any) any { return pick(a, false) },
		"abs":    func(a []any) any { return math.Abs(argNumber(a, 0)) },
		"floor":  func(a []any) any { return checked(math.Floor(argNumber(a, 0)), "floor") },
		"ceil":   func(a []any) any { return checked(math.Ceil(argNumber(a, 0)), "ceil") },
		"round":  func(a []any) any { return checked(roundHalfAway(argNumber(a, 0)), "round") },
		"min":    func(a []any) any { return extreme(a, func(x, y float64) bool { return x < y }) },
		"max":    func(a []any) any { return extreme(a, func(x, y float64) bool { return x > y }) },
		"sum":    func(a []any) any { return checked(total(argNumbers(a, 0)), "sum") },
		"avg": func(a []any) any {
			items := argNumbers(a, 0)
			if len(items) == 0 {
				typeError(a, 0, "a non-empty array of numbers")
			}
			return checked(total(items)/float64(len(items)), "avg")
		},
		"number":    toNumber,
		"string":    func(a []any) any { return ToText(a[0]) },
		"boolean":   func(a []any) any { return Truthy(a[0]) },
		"typeOf":    func(a []any) any { return KindOf(a[0]) },
		"isNull":    func(a []any) any { return a[0] == nil },
		"default":   func(a []any) any { return Nullish(a[0], func() any { return a[1] }) },
		"toJson":    func(a []any) any { return ToJSON(a[0]) },
		"parseJson": parseJSONFunction,
	}
}

// Call runs function `name` on evaluated `args`; errors point at the argument (argPositions) or the call.
func Call(name string, args []any, position int, argPositions []int) (result any) {
	defer func() {
		if r := recover(); r != nil {
			p, ok := r.(*valueProblem)
			if !ok {
				panic(r)
			}
			at := position
			if p.arg >= 0 && p.arg < len(argPositions) {
				at = argPositions[p.arg]
			}
			exprFail(p.code, name+"(): "+p.message, at)
		}
	}()
	result = functions[name](args)
	switch x := result.(type) {
	case string:
		if len(x) > maxString && utf16Len(x) > maxString {
			exprFail("EXPRESSION_LIMIT", name+"(): result larger than the limit", position)
		}
	case []any:
		if len(x) > maxArray {
			exprFail("EXPRESSION_LIMIT", name+"(): result larger than the limit", position)
		}
	}
	return result
}

package rt

// Paths (`user.tags[0]`) for get, set and template placeholders, as the builder's engine parses them.

import (
	"regexp"
	"strconv"
	"strings"
)

// jsSpace is ECMAScript's \s (Go's \s is ASCII only): the engine's regexes are JavaScript ones.
const jsSpace = `[\t\n\v\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]`

var (
	bracketIndex = regexp.MustCompile(`\[(\d+)\]`)
	pathSegment  = regexp.MustCompile(`^(?:[A-Za-z_$][\w$-]*|\d+)$`)
	placeholder  = regexp.MustCompile(`\{\{` + jsSpace + `*([^{}]*?)` + jsSpace + `*\}\}`)
	digitsOnly   = regexp.MustCompile(`^\d+$`)
)

// segment is a property name or (isIndex) an array index.
type segment struct {
	name    string
	index   int
	isIndex bool
}

func parsePath(path string) ([]segment, string) {
	normalised := bracketIndex.ReplaceAllString(trimJS(path), ".$1")
	if normalised == "" {
		return nil, "path is empty"
	}
	var segments []segment
	for _, part := range strings.Split(normalised, ".") {
		if !pathSegment.MatchString(part) {
			return nil, "invalid path segment \"" + part + "\" in \"" + path + "\""
		}
		if digitsOnly.MatchString(part) {
			n, _ := strconv.ParseFloat(part, 64)
			index := int(n)
			if n > 1e15 {
				index = 1 << 53
			}
			segments = append(segments, segment{name: FormatNumber(n), index: index, isIndex: true})
		} else {
			segments = append(segments, segment{name: part})
		}
	}
	return segments, ""
}

func formatPath(segments []segment) string {
	var b strings.Builder
	for i, s := range segments {
		switch {
		case s.isIndex:
			b.WriteString("[" + strconv.Itoa(s.index) + "]")
		case i == 0:
			b.WriteString(s.name)
		default:
			b.WriteString("." + s.name)
		}
	}
	return b.String()
}

// lookupPath follows own properties and array indexes; on a miss it names the missing prefix.
func lookupPath(root any, segments []segment) (bool, any, string) {
	current := root
	for i, s := range segments {
		var next any
		has := false
		switch x := current.(type) {
		case []any:
			if s.isIndex && s.index < len(x) {
				next, has = x[s.index], true
			}
		case *Object:
			next, has = x.Get(s.name)
		}
		if !has {
			return false, nil, formatPath(segments[:i+1])
		}
		current = next
	}
	return true, current, ""
}

// setAtPath returns a copy of root with value at the path (missing containers are created; arrays padded with null).
func setAtPath(root any, segments []segment, value any) (any, string) {
	if len(segments) == 0 {
		return value, ""
	}
	head, rest := segments[0], segments[1:]
	switch x := root.(type) {
	case []any:
		if !head.isIndex {
			return nil, "cannot set property \"" + head.name + "\" on an array"
		}
		size := len(x)
		if head.index+1 > size {
			size = head.index + 1
		}
		copied := make([]any, size)
		copy(copied, x)
		var inner any
		if head.index < len(x) {
			inner = x[head.index]
		}
		result, err := setAtPath(inner, rest, value)
		copied[head.index] = result
		return copied, err
	case nil:
		if head.isIndex {
			return setAtPath([]any{}, segments, value)
		}
		return setAtPath(NewObject(), segments, value)
	case *Object:
		copied := x.Copy()
		inner, _ := x.Get(head.name)
		result, err := setAtPath(inner, rest, value)
		copied.Set(head.name, result)
		return copied, err
	}
	return nil, "cannot set \"" + head.name + "\" inside a " + KindOf(root)
}

func renderTemplate(ctx *Ctx, template string, scope *Object) string {
	var missing []string
	var failure string
	text := placeholder.ReplaceAllStringFunc(template, func(whole string) string {
		path := placeholder.FindStringSubmatch(whole)[1]
		segments, err := parsePath(path)
		if err != "" {
			if failure == "" {
				failure = "placeholder " + whole + ": " + err
			}
			return whole
		}
		found, value, _ := lookupPath(scope, segments)
		if !found {
			for _, m := range missing {
				if m == path {
					return whole
				}
			}
			missing = append(missing, path)
			return whole
		}
		if s, ok := value.(string); ok {
			return s
		}
		return JSJSON(value)
	})
	if failure != "" {
		ComponentFail("TEMPLATE_ERROR", failure, ctx.NodeID)
	}
	if len(missing) > 0 {
		quoted := make([]string, len(missing))
		for i, m := range missing {
			quoted[i] = "\"" + m + "\""
		}
		available := strings.Join(scope.Keys(), ", ")
		if available == "" {
			available = "none"
		}
		plural := ""
		if len(missing) > 1 {
			plural = "s"
		}
		ComponentFail("TEMPLATE_ERROR", "missing template variable"+plural+" "+strings.Join(quoted, ", ")+" (available: "+available+")", ctx.NodeID)
	}
	return normalText(text)
}

package rt

// The expression functions on strings (UTF-16 offsets and lengths) and on JSON text.

import (
	"regexp"
	"strconv"
	"strings"
)

func indexOfUnits(hay, needle []uint16) int {
	for i := 0; i+len(needle) <= len(hay); i++ {
		match := true
		for j := range needle {
			if hay[i+j] != needle[j] {
				match = false
				break
			}
		}
		if match {
			return i
		}
	}
	return -1
}

func indexOf(a []any) float64 {
	switch x := a[0].(type) {
	case string:
		needle := argString(a, 1)
		if isASCII(x) && isASCII(needle) {
			return float64(strings.Index(x, needle))
		}
		return float64(indexOfUnits(toUTF16(x), toUTF16(needle)))
	case []any:
		for i, e := range x {
			if DeepEqual(e, a[1]) {
				return float64(i)
			}
		}
		return -1
	}
	typeError(a, 0, "a string or an array")
	return -1
}

func slice(a []any) any {
	var length int
	var units []uint16
	switch x := a[0].(type) {
	case string:
		units = toUTF16(x)
		length = len(units)
	case []any:
		length = len(x)
	default:
		typeError(a, 0, "a string or an array")
	}
	clamp := func(n int) int {
		if n < 0 {
			return max0(length + n)
		}
		if n > length {
			return length
		}
		return n
	}
	start := clamp(argInt(a, 1))
	end := length
	if len(a) > 2 {
		end = clamp(argInt(a, 2))
	}
	if items, ok := a[0].([]any); ok {
		if start >= end {
			return []any{}
		}
		return append([]any{}, items[start:end]...)
	}
	if start >= end {
		return ""
	}
	return fromUTF16(units[start:end])
}

func max0(n int) int {
	if n < 0 {
		return 0
	}
	return n
}

func split(s, sep string) []any {
	if sep == "" {
		units := toUTF16(s)
		out := make([]any, len(units))
		for i, u := range units {
			out[i] = fromUTF16([]uint16{u})
		}
		return out
	}
	if strings.IndexByte(sep, 0xED) >= 0 {
		// A separator holding a surrogate can match half of an astral character: work on code units.
		pieces := splitUnits(toUTF16(s), toUTF16(sep))
		out := make([]any, len(pieces))
		for i, p := range pieces {
			out[i] = fromUTF16(p)
		}
		return out
	}
	parts := strings.Split(s, sep)
	out := make([]any, len(parts))
	for i, p := range parts {
		out[i] = p
	}
	return out
}

func join(a []any) any {
	items := argArray(a, 0)
	sep := ","
	if len(a) > 1 {
		sep = argString(a, 1)
	}
	texts := make([]string, len(items))
	length := 0
	for i, item := range items {
		texts[i] = ToText(item)
		length += utf16Len(texts[i])
		if i > 0 {
			length += utf16Len(sep)
		}
		checkString(length)
	}
	return normalText(strings.Join(texts, sep))
}

func replace(a []any) any {
	s, find, repl := argString(a, 0), argString(a, 1), argString(a, 2)
	if find == "" {
		return s
	}
	if strings.IndexByte(find, 0xED) >= 0 {
		pieces := splitUnits(toUTF16(s), toUTF16(find))
		checkString(utf16Len(s) + (len(pieces)-1)*(utf16Len(repl)-utf16Len(find)))
		texts := make([]string, len(pieces))
		for i, p := range pieces {
			texts[i] = fromUTF16(p)
		}
		return normalText(strings.Join(texts, repl))
	}
	count := strings.Count(s, find)
	checkString(utf16Len(s) + count*(utf16Len(repl)-utf16Len(find)))
	return normalText(strings.ReplaceAll(s, find, repl))
}

// splitUnits cuts hay at every non-overlapping occurrence of needle (non-empty), left to right, by code units.
func splitUnits(hay, needle []uint16) [][]uint16 {
	var out [][]uint16
	for {
		at := indexOfUnits(hay, needle)
		if at < 0 {
			return append(out, hay)
		}
		out = append(out, hay[:at])
		hay = hay[at+len(needle):]
	}
}

// hasPrefixText and hasSuffixText compare code units when the affix holds a surrogate (it may match half a pair).
func hasPrefixText(s, prefix string) bool {
	if strings.IndexByte(prefix, 0xED) < 0 {
		return strings.HasPrefix(s, prefix)
	}
	hay, p := toUTF16(s), toUTF16(prefix)
	return len(p) <= len(hay) && indexOfUnits(hay[:len(p)], p) == 0
}

func hasSuffixText(s, suffix string) bool {
	if strings.IndexByte(suffix, 0xED) < 0 {
		return strings.HasSuffix(s, suffix)
	}
	hay, p := toUTF16(s), toUTF16(suffix)
	return len(p) <= len(hay) && indexOfUnits(hay[len(hay)-len(p):], p) == 0
}

var numberText = regexp.MustCompile(`^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$`)

func preview(text string) string {
	units := toUTF16(text)
	if len(units) > 40 {
		text = fromUTF16(units[:40]) + "…"
	}
	return Quote(text)
}

func toNumber(a []any) any {
	switch v := a[0].(type) {
	case float64:
		return v
	case bool:
		if v {
			return float64(1)
		}
		return float64(0)
	case string:
		text := trimJS(v)
		if !numberText.MatchString(text) {
			problem("EXPRESSION_TYPE", "cannot convert "+preview(v)+" to number", 0)
		}
		n, _ := strconv.ParseFloat(text, 64)
		return checked(n, "number("+preview(v)+")")
	}
	typeError(a, 0, "a number, string or boolean")
	return nil
}

func jsonDepth(text string) int {
	depth, deepest, inString := 0, 0, false
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case inString && c == '\\':
			i++
		case inString && c == '"':
			inString = false
		case inString:
		case c == '"':
			inString = true
		case c == '[' || c == '{':
			depth++
			if depth > deepest {
				deepest = depth
			}
		case c == ']' || c == '}':
			depth--
		}
	}
	return deepest
}

func checkFinite(v any) {
	switch x := v.(type) {
	case float64:
		checked(x, "JSON number")
	case []any:
		for _, e := range x {
			checkFinite(e)
		}
	case *Object:
		for _, e := range x.values {
			checkFinite(e)
		}
	}
}

func parseJSONFunction(a []any) any {
	text := argString(a, 0)
	if jsonDepth(text) > maxJSONDepth {
		problem("EXPRESSION_LIMIT", "JSON nested deeper than "+strconv.Itoa(maxJSONDepth)+" levels", 0)
	}
	value, err := ParseJSON(text)
	if err != nil {
		problem("EXPRESSION_TYPE", "invalid JSON: "+err.Error(), 0)
	}
	checkFinite(value)
	return value
}

package rt

// JSON read and written as JavaScript does: objects keep their key order (encoding/json's maps would lose it),
// lone surrogates in \u escapes survive (as WTF-8), every number is a float64, and numbers print per SPEC §4.1.

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
)

type jsonReader struct {
	text string
	pos  int
}

// ParseJSON reads RFC 8259 JSON (as JSON.parse: duplicate keys keep the last value; numbers may overflow to ±Inf).
func ParseJSON(text string) (any, error) {
	r := &jsonReader{text: text}
	value, err := r.value(0)
	if err == nil {
		r.space()
		if r.pos < len(r.text) {
			err = r.fail("unexpected character after the JSON value")
		}
	}
	return value, err
}

// MustParse reads JSON the generator wrote (configs and settings); a failure is a bug.
func MustParse(text string) any {
	value, err := ParseJSON(text)
	if err != nil {
		panic(err)
	}
	return value
}

var literals sync.Map

// Lit is a constant JSON value of generated code, parsed once (values are never mutated).
func Lit(text string) any {
	if value, ok := literals.Load(text); ok {
		return value
	}
	value := MustParse(text)
	literals.Store(text, value)
	return value
}

// Obj is a constant object of generated code (configs, settings).
func Obj(text string) *Object {
	object, _ := Lit(text).(*Object)
	return object
}

func (r *jsonReader) fail(message string) error {
	return fmt.Errorf("%s at position %d", message, r.pos)
}

func (r *jsonReader) space() {
	for r.pos < len(r.text) {
		switch r.text[r.pos] {
		case ' ', '\t', '\n', '\r':
			r.pos++
		default:
			return
		}
	}
}

func (r *jsonReader) value(depth int) (any, error) {
	r.space()
	if r.pos >= len(r.text) {
		return nil, r.fail("unexpected end of JSON input")
	}
	if depth > 100000 {
		return nil, r.fail("JSON nested too deeply")
	}
	switch c := r.text[r.pos]; {
	case c == '{':
		return r.object(depth)
	case c == '[':
		return r.array(depth)
	case c == '"':
		return r.str()
	case c == '-' || (c >= '0' && c <= '9'):
		return r.number()
	}
	for word, value := range map[string]any{"true": true, "false": false, "null": nil} {
		if strings.HasPrefix(r.text[r.pos:], word) {
			r.pos += len(word)
			return value, nil
		}
	}
	return nil, r.fail(fmt.Sprintf("unexpected token %q", r.text[r.pos:r.pos+1]))
}

func (r *jsonReader) object(depth int) (any, error) {
	r.pos++
	object := NewObject()
	r.space()
	if r.pos < len(r.text) && r.text[r.pos] == '}' {
		r.pos++
		return object, nil
	}
	for {
		r.space()
		if r.pos >= len(r.text) || r.text[r.pos] != '"' {
			return nil, r.fail("expected a property name")
		}
		key, err := r.str()
		if err != nil {
			return nil, err
		}
		r.space()
		if r.pos >= len(r.text) || r.text[r.pos] != ':' {
			return nil, r.fail("expected ':'")
		}
		r.pos++
		value, err := r.value(depth + 1)
		if err != nil {
			return nil, err
		}
		object.Set(key, value)
		r.space()
		if r.pos < len(r.text) && r.text[r.pos] == ',' {
			r.pos++
			continue
		}
		if r.pos < len(r.text) && r.text[r.pos] == '}' {
			r.pos++
			return object, nil
		}
		return nil, r.fail("expected ',' or '}'")
	}
}

func (r *jsonReader) array(depth int) (any, error) {
	r.pos++
	items := []any{}
	r.space()
	if r.pos < len(r.text) && r.text[r.pos] == ']' {
		r.pos++
		return items, nil
	}
	for {
		value, err := r.value(depth + 1)
		if err != nil {
			return nil, err
		}
		items = append(items, value)
		r.space()
		if r.pos < len(r.text) && r.text[r.pos] == ',' {
			r.pos++
			continue
		}
		if r.pos < len(r.text) && r.text[r.pos] == ']' {
			r.pos++
			return items, nil
		}
		return nil, r.fail("expected ',' or ']'")
	}
}

func (r *jsonReader) number() (any, error) {
	start := r.pos
	digits := func() int {
		from := r.pos
		for r.pos < len(r.text) && r.text[r.pos] >= '0' && r.text[r.pos] <= '9' {
			r.pos++
		}
		return r.pos - from
	}
	if r.text[r.pos] == '-' {
		r.pos++
	}
	intStart := r.pos
	if n := digits(); n == 0 || (n > 1 && r.text[intStart] == '0') {
		return nil, r.fail("invalid number")
	}
	if r.pos < len(r.text) && r.text[r.pos] == '.' {
		r.pos++
		if digits() == 0 {
			return nil, r.fail("invalid number")
		}
	}
	if r.pos < len(r.text) && (r.text[r.pos] == 'e' || r.text[r.pos] == 'E') {
		r.pos++
		if r.pos < len(r.text) && (r.text[r.pos] == '+' || r.text[r.pos] == '-') {
			r.pos++
		}
		if digits() == 0 {
			return nil, r.fail("invalid number")
		}
	}
	n, err := strconv.ParseFloat(r.text[start:r.pos], 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return nil, r.fail("invalid number")
	}
	if n == 0 {
		n = 0 // -0 reads as 0
	}
	return n, nil
}

func (r *jsonReader) hex4() (uint16, bool) {
	if r.pos+4 > len(r.text) {
		return 0, false
	}
	n, err := strconv.ParseUint(r.text[r.pos:r.pos+4], 16, 16)
	if err != nil {
		return 0, false
	}
	r.pos += 4
	return uint16(n), true
}

func (r *jsonReader) str() (string, error) {
	r.pos++
	var units []uint16
	var b strings.Builder
	flush := func() {
		if units != nil {
			b.WriteString(fromUTF16(units))
			units = nil
		}
	}
	for r.pos < len(r.text) {
		c := r.text[r.pos]
		switch {
		case c == '"':
			r.pos++
			flush()
			return b.String(), nil
		case c < 0x20:
			return "", r.fail("bad control character in string literal")
		case c == '\\':
			r.pos++
			if r.pos >= len(r.text) {
				return "", r.fail("unterminated string")
			}
			e := r.text[r.pos]
			r.pos++
			if e == 'u' {
				unit, ok := r.hex4()
				if !ok {
					return "", r.fail("bad Unicode escape")
				}
				units = append(units, unit)
				continue
			}
			flush()
			simple := map[byte]string{'"': "\"", '\\': "\\", '/': "/", 'b': "\b", 'f': "\f", 'n': "\n", 'r': "\r", 't': "\t"}[e]
			if simple == "" {
				return "", r.fail("bad escaped character")
			}
			b.WriteString(simple)
		default:
			flush()
			b.WriteByte(c)
			r.pos++
		}
	}
	return "", r.fail("unterminated string")
}

// jsonWriter writes compact JSON; canonical mode sorts keys by UTF-16 code units and enforces the limits.
type jsonWriter struct {
	b         strings.Builder
	canonical bool
}

func (w *jsonWriter) write(v any, depth int) {
	if w.canonical {
		if depth > maxJSONDepth {
			problem("EXPRESSION_LIMIT", "value nested deeper than "+strconv.Itoa(maxJSONDepth)+" levels", -1)
		}
		if w.b.Len() > maxString { // bytes ≥ code units: count exactly only when it may matter
			checkString(utf16Len(w.b.String()))
		}
	}
	switch x := v.(type) {
	case string:
		quoteJSON(&w.b, x)
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			w.b.WriteString("null")
		} else {
			w.b.WriteString(FormatNumber(x))
		}
	case []any:
		w.b.WriteByte('[')
		for i, item := range x {
			if i > 0 {
				w.b.WriteByte(',')
			}
			w.write(item, depth+1)
		}
		w.b.WriteByte(']')
	case *Object:
		keys := x.keys
		if w.canonical {
			keys = sortedKeys(x)
		}
		w.b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				w.b.WriteByte(',')
			}
			quoteJSON(&w.b, k)
			w.b.WriteByte(':')
			w.write(x.values[k], depth+1)
		}
		w.b.WriteByte('}')
	default:
		w.b.WriteString(ToText(v))
	}
}

// ToJSON is canonical JSON (SPEC §4.3): compact, keys sorted by UTF-16 code units, bounded.
func ToJSON(v any) string {
	w := &jsonWriter{canonical: true}
	w.write(v, 0)
	checkString(utf16Len(w.b.String()))
	return w.b.String()
}

// JSJSON is JSON.stringify(v): keys in JavaScript order (outputs, template placeholders, request bodies).
func JSJSON(v any) string {
	w := &jsonWriter{}
	w.write(v, 0)
	return w.b.String()
}

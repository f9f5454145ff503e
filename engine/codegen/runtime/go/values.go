// Package rt is the runtime of a generated workflow (standard library only): the expression language's values and
// operators (the visual builder's SPEC §4–§6), the scheduler, the components, the command line and the server.
//
// Values are JSON: nil, bool, float64, string, []any and *Object (an object that keeps JavaScript's key order).
// Strings hold WTF-8 (UTF-8 that may also carry lone surrogates, as JavaScript strings can); lengths, offsets and
// ordering use UTF-16 code units, as the builder's engine does. Failures inside expressions and components are
// panics carrying *ExpressionError / *WorkflowError, recovered per node by the scheduler.
package rt

import (
	"math"
	"strconv"
)

// Limits of the expression language (SPEC §9).
const (
	maxRange     = 100000
	maxString    = 1000000
	maxArray     = 1000000
	maxJSONDepth = 1000
)

// Object is a JSON object with JavaScript's property order: array-index keys ascending, then insertion order.
type Object struct {
	keys   []string
	values map[string]any
}

// NewObject returns an empty object.
func NewObject() *Object { return &Object{values: map[string]any{}} }

// Get returns the own property `key`.
func (o *Object) Get(key string) (any, bool) {
	v, ok := o.values[key]
	return v, ok
}

// Has tells whether `key` is an own property.
func (o *Object) Has(key string) bool {
	_, ok := o.values[key]
	return ok
}

// Set adds or replaces a property (a replaced key keeps its place).
func (o *Object) Set(key string, value any) {
	if _, ok := o.values[key]; !ok {
		o.insertKey(key)
	}
	o.values[key] = value
}

func (o *Object) insertKey(key string) {
	index, isIndex := arrayIndex(key)
	if !isIndex {
		o.keys = append(o.keys, key)
		return
	}
	at := 0
	for at < len(o.keys) {
		other, ok := arrayIndex(o.keys[at])
		if !ok || other > index {
			break
		}
		at++
	}
	o.keys = append(o.keys, "")
	copy(o.keys[at+1:], o.keys[at:])
	o.keys[at] = key
}

// arrayIndex reports whether JavaScript treats `key` as an array index (ordered before other keys).
func arrayIndex(key string) (uint64, bool) {
	if key == "" || len(key) > 10 || (len(key) > 1 && key[0] == '0') {
		return 0, false
	}
	n, err := strconv.ParseUint(key, 10, 64)
	return n, err == nil && n < 4294967295
}

// Keys returns the keys in JavaScript's order.
func (o *Object) Keys() []string { return o.keys }

// Len is the number of own properties.
func (o *Object) Len() int { return len(o.keys) }

// Copy is a shallow copy.
func (o *Object) Copy() *Object {
	c := &Object{keys: append([]string(nil), o.keys...), values: make(map[string]any, len(o.values))}
	for k, v := range o.values {
		c.values[k] = v
	}
	return c
}

// WorkflowError fails a node or a run with a code; Retryable false means retries are pointless (limits).
type WorkflowError struct {
	Code      string
	Message   string
	Retryable bool
}

func (e *WorkflowError) Error() string { return e.Message }

// Fail panics with a WorkflowError.
func Fail(code, message string) { panic(&WorkflowError{Code: code, Message: message, Retryable: true}) }

// ComponentFail panics with a component's own failure; the message names the node, as the engine's do.
func ComponentFail(code, message, nodeID string) {
	if nodeID != "" {
		message = "node \"" + nodeID + "\": " + message
	}
	Fail(code, message)
}

// ExpressionError is a failure inside an expression: "<reason> at <position>".
type ExpressionError struct {
	Code     string
	Reason   string
	Position int
}

func (e *ExpressionError) Error() string { return e.Reason + " at " + strconv.Itoa(e.Position) }

func exprFail(code, reason string, position int) {
	panic(&ExpressionError{Code: code, Reason: reason, Position: position})
}

// valueProblem is a failure below the operators; Call re-raises it at the offending argument (arg < 0: the call).
type valueProblem struct {
	code, message string
	arg           int
}

func problem(code, message string, arg int) { panic(&valueProblem{code, message, arg}) }

// KindOf names a value's JSON type.
func KindOf(v any) string {
	switch v.(type) {
	case bool:
		return "boolean"
	case float64:
		return "number"
	case string:
		return "string"
	case []any:
		return "array"
	case *Object:
		return "object"
	}
	return "null"
}

// Truthy: false, null, 0 and "" are falsy; everything else (including [] and {}) is truthy.
func Truthy(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case float64:
		return x != 0
	case string:
		return x != ""
	case *Object:
		return x != nil
	}
	return true
}

func checkString(length int) {
	if length > maxString {
		problem("EXPRESSION_LIMIT", "string result longer than "+strconv.Itoa(maxString)+" characters", -1)
	}
}

// checked refuses NaN and ±Infinity and normalises -0.
func checked(n float64, what string) float64 {
	if math.IsNaN(n) || math.IsInf(n, 0) {
		problem("EXPRESSION_LIMIT", what+" is out of range (not a finite number)", -1)
	}
	if n == 0 {
		return 0
	}
	return n
}

// ToText is the string conversion of SPEC §4.2.
func ToText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case float64:
		return FormatNumber(x)
	case bool:
		if x {
			return "true"
		}
		return "false"
	case []any, *Object:
		return ToJSON(v)
	}
	return "null"
}

// DeepEqual is structural equality without coercion (key order irrelevant).
func DeepEqual(a, b any) bool {
	switch x := a.(type) {
	case nil:
		return b == nil
	case bool:
		y, ok := b.(bool)
		return ok && x == y
	case float64:
		y, ok := b.(float64)
		return ok && x == y
	case string:
		y, ok := b.(string)
		return ok && x == y
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !DeepEqual(x[i], y[i]) {
				return false
			}
		}
		return true
	case *Object:
		y, ok := b.(*Object)
		if !ok || x.Len() != y.Len() {
			return false
		}
		for _, k := range x.keys {
			other, has := y.values[k]
			if !has || !DeepEqual(x.values[k], other) {
				return false
			}
		}
		return true
	}
	return false
}

package rt

// Argument checks of the expression functions: a wrong type is EXPRESSION_TYPE at the offending argument.

import (
	"math"
	"strconv"
)

func typeError(args []any, i int, expected string) {
	problem("EXPRESSION_TYPE", "argument "+strconv.Itoa(i+1)+" must be "+expected+", got "+KindOf(args[i]), i)
}

func argString(a []any, i int) string {
	s, ok := a[i].(string)
	if !ok {
		typeError(a, i, "a string")
	}
	return s
}

func argNumber(a []any, i int) float64 {
	n, ok := a[i].(float64)
	if !ok {
		typeError(a, i, "a number")
	}
	return n
}

// argInteger is an integer argument as the double it is (any magnitude: range() computes in doubles, as the engine).
func argInteger(a []any, i int) float64 {
	n, ok := a[i].(float64)
	if !ok || n != math.Trunc(n) {
		typeError(a, i, "an integer")
	}
	return n
}

// argInt is an integer argument used as an offset; clamping beyond any string or array length changes nothing.
func argInt(a []any, i int) int {
	n := argInteger(a, i)
	if n > 1e15 {
		return 1e15
	}
	if n < -1e15 {
		return -1e15
	}
	return int(n)
}

func argArray(a []any, i int) []any {
	items, ok := a[i].([]any)
	if !ok {
		typeError(a, i, "an array")
	}
	return items
}

func argObject(a []any, i int) *Object {
	o, ok := a[i].(*Object)
	if !ok || o == nil {
		typeError(a, i, "an object")
	}
	return o
}

func argStrings(a []any, i int) []string { return argElements[string](a, i, "an array of strings") }

func argNumbers(a []any, i int) []float64 { return argElements[float64](a, i, "an array of numbers") }

// argElements is argument i as an array whose elements are all of type T.
func argElements[T any](a []any, i int, expected string) []T {
	items := argArray(a, i)
	out := make([]T, len(items))
	for j, item := range items {
		e, ok := item.(T)
		if !ok {
			typeError(a, i, expected)
		}
		out[j] = e
	}
	return out
}

func checkArray(length int) {
	if length > maxArray {
		problem("EXPRESSION_LIMIT", "array result longer than "+strconv.Itoa(maxArray)+" elements", -1)
	}
}

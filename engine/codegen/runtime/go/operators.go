package rt

// Scope, member access and operators (SPEC §5–§6), called by the generated expression code.

import (
	"math"
	"sort"
)

// Scope holds an expression's variables (inputs, config, value, item, index, acc…).
type Scope map[string]any

// Variable reads an own variable of the scope.
func Variable(s Scope, name string, position int) any {
	value, ok := s[name]
	if !ok {
		exprFail("EXPRESSION_UNKNOWN_NAME", "unknown variable '"+name+"'", position)
	}
	return value
}

// Member is `o.key`: an own property of an object, else null.
func Member(o any, key string) any {
	if object, ok := o.(*Object); ok && object != nil {
		value, _ := object.Get(key)
		return value
	}
	return nil
}

// Index is `o[i]`: an array element at an integer index in range, an object property by string, else null.
func Index(o, key any) any {
	if items, ok := o.([]any); ok {
		i, isNumber := key.(float64)
		if isNumber && i == math.Trunc(i) && i >= 0 && i < float64(len(items)) {
			return items[int(i)]
		}
		return nil
	}
	if k, ok := key.(string); ok {
		return Member(o, k)
	}
	return nil
}

// ObjectOf builds an object literal from key, value, key, value….
func ObjectOf(entries ...any) any {
	object := NewObject()
	for i := 0; i+1 < len(entries); i += 2 {
		object.Set(entries[i].(string), entries[i+1])
	}
	return object
}

// Negate is unary minus.
func Negate(v any, position int) any {
	n, ok := v.(float64)
	if !ok {
		exprFail("EXPRESSION_TYPE", "cannot negate "+KindOf(v), position)
	}
	if n == 0 {
		return float64(0)
	}
	return -n
}

func finite(n float64, operator string, position int) any {
	if math.IsNaN(n) || math.IsInf(n, 0) {
		exprFail("EXPRESSION_LIMIT", "result of \""+operator+"\" is out of range (not a finite number)", position)
	}
	if n == 0 {
		return float64(0)
	}
	return n
}

// atPosition re-raises a value problem (a limit while converting to text) as an expression error.
func atPosition(position int) {
	if r := recover(); r != nil {
		if p, ok := r.(*valueProblem); ok {
			exprFail(p.code, p.message, position)
		}
		panic(r)
	}
}

// Add is `+`: numbers add, a string on either side concatenates string(a) + string(b).
func Add(a, b any, position int) any {
	x, aNumber := a.(float64)
	y, bNumber := b.(float64)
	if aNumber && bNumber {
		return finite(x+y, "+", position)
	}
	_, aString := a.(string)
	_, bString := b.(string)
	if !aString && !bString {
		exprFail("EXPRESSION_TYPE", "cannot add "+KindOf(a)+" and "+KindOf(b), position)
	}
	defer atPosition(position)
	left, right := ToText(a), ToText(b)
	checkString(utf16Len(left) + utf16Len(right))
	return concatText(left, right)
}

var verbs = map[string]string{"-": "subtract", "*": "multiply", "/": "divide", "%": "take the remainder of"}

// Arithmetic is `-`, `*`, `/` and `%` (remainder with the sign of the dividend).
func Arithmetic(operator string, a, b any, position int) any {
	x, aNumber := a.(float64)
	y, bNumber := b.(float64)
	if !aNumber || !bNumber {
		exprFail("EXPRESSION_TYPE", "cannot "+verbs[operator]+" "+KindOf(a)+" and "+KindOf(b), position)
	}
	switch operator {
	case "-":
		return finite(x-y, operator, position)
	case "*":
		return finite(x*y, operator, position)
	}
	if y == 0 {
		reason := "remainder by zero"
		if operator == "/" {
			reason = "division by zero"
		}
		exprFail("EXPRESSION_TYPE", reason, position)
	}
	if operator == "/" {
		return finite(x/y, operator, position)
	}
	return finite(math.Mod(x, y), operator, position)
}

// Compare is `<`, `<=`, `>`, `>=` on two numbers or two strings (UTF-16 order).
func Compare(operator string, a, b any, position int) any {
	var order int
	switch x := a.(type) {
	case float64:
		y, ok := b.(float64)
		if !ok {
			exprFail("EXPRESSION_TYPE", "cannot compare "+KindOf(a)+" and "+KindOf(b), position)
		}
		switch {
		case x < y:
			order = -1
		case x > y:
			order = 1
		}
	case string:
		y, ok := b.(string)
		if !ok {
			exprFail("EXPRESSION_TYPE", "cannot compare "+KindOf(a)+" and "+KindOf(b), position)
		}
		order = compareText(x, y)
	default:
		exprFail("EXPRESSION_TYPE", "cannot compare "+KindOf(a)+" and "+KindOf(b), position)
	}
	switch operator {
	case "<":
		return order < 0
	case "<=":
		return order <= 0
	case ">":
		return order > 0
	}
	return order >= 0
}

// And is `a && b` (b evaluated only when a is truthy).
func And(a any, right func() any) any {
	if Truthy(a) {
		return right()
	}
	return a
}

// Or is `a || b`.
func Or(a any, right func() any) any {
	if Truthy(a) {
		return a
	}
	return right()
}

// Nullish is `a ?? b`.
func Nullish(a any, right func() any) any {
	if a == nil {
		return right()
	}
	return a
}

// Cond is `c ? a : b` (only one branch evaluated).
func Cond(test any, consequent, alternate func() any) any {
	if Truthy(test) {
		return consequent()
	}
	return alternate()
}

// Not is `!a`.
func Not(a any) any { return !Truthy(a) }

// Equal is `==` / `!=` (deep equality).
func Equal(a, b any, negated bool) any { return DeepEqual(a, b) != negated }

// sortedKeys lists an object's keys by UTF-16 code units.
func sortedKeys(o *Object) []string {
	keys := append([]string(nil), o.keys...)
	sort.SliceStable(keys, func(i, j int) bool { return compareText(keys[i], keys[j]) < 0 })
	return keys
}

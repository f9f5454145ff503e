package rt

// `code` nodes: the user's Go body runs as `func(inputs, config map[string]any) (any, error)` on plain Go values
// (objects as map[string]any, numbers as float64); what it returns must be JSON-like.

import (
	"fmt"
	"math"
	"reflect"
	"sort"
)

// ToPlain turns a runtime value into plain Go values for user code (a private deep copy).
func ToPlain(v any) any {
	switch x := v.(type) {
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = ToPlain(e)
		}
		return out
	case *Object:
		out := make(map[string]any, x.Len())
		for _, k := range x.keys {
			out[k] = ToPlain(x.values[k])
		}
		return out
	}
	return v
}

// FromPlain turns what user code returned into a runtime value (map keys sorted, as Go maps have no order).
func FromPlain(v any) (any, error) {
	switch x := v.(type) {
	case nil, bool, string, *Object:
		return x, nil
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil, fmt.Errorf("the number %v cannot be represented as JSON", x)
		}
		if x == 0 {
			return float64(0), nil
		}
		return x, nil
	}
	value := reflect.ValueOf(v)
	switch value.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return float64(value.Int()), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return float64(value.Uint()), nil
	case reflect.Float32:
		return FromPlain(value.Float())
	case reflect.String:
		return value.String(), nil
	case reflect.Bool:
		return value.Bool(), nil
	case reflect.Slice, reflect.Array:
		out := make([]any, value.Len())
		for i := range out {
			e, err := FromPlain(value.Index(i).Interface())
			if err != nil {
				return nil, err
			}
			out[i] = e
		}
		return out, nil
	case reflect.Map:
		if value.Type().Key().Kind() != reflect.String {
			return nil, fmt.Errorf("a map with %s keys cannot be represented as JSON", value.Type().Key())
		}
		keys := make([]string, 0, value.Len())
		for _, k := range value.MapKeys() {
			keys = append(keys, k.String())
		}
		sort.Strings(keys)
		out := NewObject()
		for _, k := range keys {
			e, err := FromPlain(value.MapIndex(reflect.ValueOf(k).Convert(value.Type().Key())).Interface())
			if err != nil {
				return nil, err
			}
			out.Set(k, e)
		}
		return out, nil
	case reflect.Ptr, reflect.Interface:
		if value.IsNil() {
			return nil, nil
		}
		return FromPlain(value.Elem().Interface())
	}
	return nil, fmt.Errorf("a %T cannot be represented as JSON", v)
}

// CCode runs the user's function; any failure (error, panic, non-JSON result) is CODE_ERROR.
func CCode(ctx *Ctx, c *Object, user func(inputs, config map[string]any) (any, error)) Ports {
	params, _ := cfg(c, "params").(*Object)
	if params == nil {
		params = NewObject()
	}
	result, err := callUser(user, ToPlain(ctx.Inputs).(map[string]any), ToPlain(params).(map[string]any))
	if err == nil {
		result, err = FromPlain(result)
	}
	if err != nil {
		Fail("CODE_ERROR", "Error: "+err.Error())
	}
	return Ports{"value": result}
}

func callUser(user func(inputs, config map[string]any) (any, error), inputs, config map[string]any) (result any, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return user(inputs, config)
}

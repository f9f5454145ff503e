"""The expression language's function table (SPEC §7). Arity was checked when the workflow was generated."""
import math
import re

from . import values as V
from .values import LIMITS, ValueProblem, kind_of, is_number, checked, utf16, from_utf16, utf16_len, utf16_key


def _fail(error):
    raise error


def _type_error(args, i, expected):
    return ValueProblem("EXPRESSION_TYPE", "argument %d must be %s, got %s" % (i + 1, expected, kind_of(args[i])), i)


def _str(a, i):
    if not isinstance(a[i], str):
        raise _type_error(a, i, "a string")
    return a[i]


def _num(a, i):
    if not is_number(a[i]):
        raise _type_error(a, i, "a number")
    return float(a[i])


def _int(a, i):
    if not is_number(a[i]) or not float(a[i]).is_integer():
        raise _type_error(a, i, "an integer")
    return int(a[i])


def _arr(a, i):
    if not isinstance(a[i], list):
        raise _type_error(a, i, "an array")
    return a[i]


def _obj(a, i):
    if not isinstance(a[i], dict):
        raise _type_error(a, i, "an object")
    return a[i]


def _strs(a, i):
    if not all(isinstance(e, str) for e in _arr(a, i)):
        raise _type_error(a, i, "an array of strings")
    return a[i]


def _nums(a, i):
    if not all(is_number(e) for e in _arr(a, i)):
        raise _type_error(a, i, "an array of numbers")
    return [float(e) for e in a[i]]


def _check_array(length):
    if length > LIMITS["array"]:
        raise ValueProblem("EXPRESSION_LIMIT", "array result longer than %d elements" % LIMITS["array"])


def _concat(parts):
    _check_array(sum(len(p) if isinstance(p, list) else 1 for p in parts))
    result = []
    for p in parts:
        if isinstance(p, list):
            result.extend(p)
        else:
            result.append(p)
    return result


def _index_of(a):
    if isinstance(a[0], str):
        hay, needle = utf16(a[0]), utf16(_str(a, 1))
        at = hay.find(needle)
        while at != -1 and at % 2:
            at = hay.find(needle, at + 1)
        return float(at // 2) if at != -1 else -1.0
    if isinstance(a[0], list):
        return float(next((i for i, e in enumerate(a[0]) if V.deep_equal(e, a[1])), -1))
    raise _type_error(a, 0, "a string or an array")


def _slice(a):
    subject = a[0]
    if not isinstance(subject, (str, list)):
        raise _type_error(a, 0, "a string or an array")
    length = utf16_len(subject) if isinstance(subject, str) else len(subject)
    start = _int(a, 1)
    end = _int(a, 2) if len(a) > 2 else length
    start = max(0, length + start) if start < 0 else min(start, length)
    end = max(0, length + end) if end < 0 else min(end, length)
    if start >= end:
        return "" if isinstance(subject, str) else []
    if isinstance(subject, str):
        return from_utf16(utf16(subject)[2 * start:2 * end])
    return subject[start:end]


def _split(a):
    s, sep = _str(a, 0), _str(a, 1)
    if sep == "":
        units = utf16(s)
        return [from_utf16(units[i:i + 2]) for i in range(0, len(units), 2)]
    if V.has_surrogate(sep):
        return [from_utf16(p) for p in _split_units(utf16(s), utf16(sep))]
    return s.split(sep)


def _split_units(hay, needle):
    """Cuts UTF-16LE bytes at every non-overlapping, code-unit-aligned occurrence of needle (a separator holding a
    surrogate can match half of an astral character, which str.split cannot see)."""
    out, start, at = [], 0, hay.find(needle)
    while at != -1:
        if at % 2:
            at = hay.find(needle, at + 1)
            continue
        out.append(hay[start:at])
        start = at + len(needle)
        at = hay.find(needle, start)
    out.append(hay[start:])
    return out


def _affix(a, at_end):
    s, affix = _str(a, 0), _str(a, 1)
    if not V.has_surrogate(affix):
        return s.endswith(affix) if at_end else s.startswith(affix)
    hay, units = utf16(s), utf16(affix)
    return hay.endswith(units) if at_end else hay.startswith(units)


def _join(a):
    items = _arr(a, 0)
    sep = _str(a, 1) if len(a) > 1 else ","
    texts, length = [], 0
    for i, item in enumerate(items):
        text = V.to_text(item)
        length += utf16_len(text) + (utf16_len(sep) if i else 0)
        V.check_string(length)
        texts.append(text)
    return V.normal_text(sep.join(texts))


def _replace(a):
    s, find, repl = _str(a, 0), _str(a, 1), _str(a, 2)
    if find == "":
        return s
    if V.has_surrogate(find):
        pieces = [from_utf16(p) for p in _split_units(utf16(s), utf16(find))]
        V.check_string(utf16_len(s) + (len(pieces) - 1) * (utf16_len(repl) - utf16_len(find)))
        return V.normal_text(repl.join(pieces))
    count = s.count(find)
    V.check_string(utf16_len(s) + count * (utf16_len(repl) - utf16_len(find)))
    return V.normal_text(s.replace(find, repl))


def _extreme(a, better):
    items = _nums(a, 0) if len(a) == 1 and isinstance(a[0], list) else [_num(a, i) for i in range(len(a))]
    if not items:
        raise _type_error(a, 0, "a non-empty array of numbers")
    best = items[0]
    for x in items:
        if better(x, best):
            best = x
    return best


def _total(items):
    s = 0.0
    for x in items:
        s += x
    return s


def _round(x):
    m = abs(x)
    w = math.floor(m)
    r = w + 1 if m - w >= 0.5 else w
    return -r if x < 0 else r


def _unique(a):
    seen, result = set(), []
    for e in _arr(a, 0):
        key = V.to_json(e)
        if key not in seen:
            seen.add(key)
            result.append(e)
    return result


def _sort(a):
    items = _arr(a, 0)
    if not items:
        return []
    kind = kind_of(items[0])
    if kind not in ("number", "string") or any(kind_of(e) != kind for e in items):
        raise _type_error(a, 0, "an array of numbers or an array of strings")
    return sorted(items) if kind == "number" else sorted(items, key=utf16_key)


def _range(a):
    start = _int(a, 0) if len(a) > 1 else 0
    end = _int(a, 1 if len(a) > 1 else 0)
    count = max(0, end - start)
    if count > LIMITS["range"]:
        raise ValueProblem("EXPRESSION_LIMIT", "range of %d elements exceeds %d" % (count, LIMITS["range"]))
    return [float(start + i) for i in range(count)]


def _pick(a, keep):
    # Arguments are checked in order (the first bad one is the error), before any work.
    o, names = _obj(a, 0), _strs(a, 1)
    if keep:
        return {k: o[k] for k in names if k in o}
    dropped = set(names)
    return {k: v for k, v in o.items() if k not in dropped}


def _merge(a):
    result = {}
    for i, o in enumerate(a):
        if o is None:
            continue
        if not isinstance(o, dict):
            raise _type_error(a, i, "an object or null")
        result.update(o)
    return result


def _has(a):
    if isinstance(a[0], list):
        return is_number(a[1]) and float(a[1]).is_integer() and 0 <= a[1] < len(a[0])
    return isinstance(a[0], dict) and isinstance(a[1], str) and a[1] in a[0]


_NUMBER_TEXT = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?", re.ASCII)
# ECMAScript WhiteSpace and LineTerminator (what JavaScript's trim removes).
JS_SPACE = V.JS_SPACE


def _preview(text):
    return V.quote(text[:40] + "…" if utf16_len(text) > 40 else text)


def _number(a):
    v = a[0]
    if v is True or v is False:
        return 1.0 if v else 0.0
    if is_number(v):
        return float(v)
    if not isinstance(v, str):
        raise _type_error(a, 0, "a number, string or boolean")
    text = v.strip(JS_SPACE)
    if not _NUMBER_TEXT.fullmatch(text):
        raise ValueProblem("EXPRESSION_TYPE", "cannot convert %s to number" % _preview(v), 0)
    return checked(float(text), "number(%s)" % _preview(v))


def _json_depth(text):
    depth = deepest = 0
    in_string = False
    i = 0
    while i < len(text):
        c = text[i]
        if in_string:
            if c == "\\":
                i += 1
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
        elif c in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif c in "]}":
            depth -= 1
        i += 1
    return deepest


def _parse_json(a):
    text = _str(a, 0)
    if _json_depth(text) > LIMITS["json_depth"]:
        raise ValueProblem("EXPRESSION_LIMIT", "JSON nested deeper than %d levels" % LIMITS["json_depth"], 0)
    try:
        value = V.parse_json(text)
    except (ValueError, RecursionError) as error:
        raise ValueProblem("EXPRESSION_TYPE", "invalid JSON: %s" % error, 0)
    _check_finite(value)
    return value


def _check_finite(v):
    if isinstance(v, float):
        checked(v, "JSON number")
    elif isinstance(v, list):
        for x in v:
            _check_finite(x)
    elif isinstance(v, dict):
        for x in v.values():
            _check_finite(x)


FUNCTIONS = {
    "lower": lambda a: _str(a, 0).lower(),
    "upper": lambda a: _str(a, 0).upper(),
    "trim": lambda a: _str(a, 0).strip(JS_SPACE),
    "startsWith": lambda a: _affix(a, False),
    "endsWith": lambda a: _affix(a, True),
    "replace": _replace,
    "split": _split,
    "join": _join,
    "len": lambda a: float(utf16_len(a[0]) if isinstance(a[0], str) else len(a[0])) if isinstance(a[0], (str, list, dict)) else _fail(_type_error(a, 0, "a string, array or object")),
    "contains": lambda a: _index_of(a) >= 0,
    "indexOf": _index_of,
    "slice": _slice,
    "first": lambda a: _arr(a, 0)[0] if _arr(a, 0) else None,
    "last": lambda a: _arr(a, 0)[-1] if _arr(a, 0) else None,
    "reverse": lambda a: list(reversed(_arr(a, 0))),
    "flatten": lambda a: _concat(_arr(a, 0)),
    "concat": lambda a: _concat([_arr(a, i) for i in range(len(a))]),
    "unique": _unique,
    "sort": _sort,
    "range": _range,
    "keys": lambda a: sorted(_obj(a, 0).keys(), key=utf16_key),
    "values": lambda a: [a[0][k] for k in sorted(_obj(a, 0).keys(), key=utf16_key)],
    "has": _has,
    "merge": _merge,
    "pick": lambda a: _pick(a, True),
    "omit": lambda a: _pick(a, False),
    "abs": lambda a: abs(_num(a, 0)),
    "floor": lambda a: checked(math.floor(_num(a, 0)), "floor"),
    "ceil": lambda a: checked(math.ceil(_num(a, 0)), "ceil"),
    "round": lambda a: checked(_round(_num(a, 0)), "round"),
    "min": lambda a: _extreme(a, lambda x, y: x < y),
    "max": lambda a: _extreme(a, lambda x, y: x > y),
    "sum": lambda a: checked(_total(_nums(a, 0)), "sum"),
    "avg": lambda a: checked(_total(_nums(a, 0)) / len(a[0]), "avg") if _nums(a, 0) else _fail(_type_error(a, 0, "a non-empty array of numbers")),
    "number": _number,
    "string": lambda a: V.to_text(a[0]),
    "boolean": lambda a: V.truthy(a[0]),
    "typeOf": lambda a: kind_of(a[0]),
    "isNull": lambda a: a[0] is None,
    "default": lambda a: a[1] if a[0] is None else a[0],
    "toJson": lambda a: V.to_json(a[0]),
    "parseJson": _parse_json,
}


def call(name, args, position, arg_positions):
    """Calls function `name` on evaluated `args`; errors point at the argument or the call."""
    try:
        result = FUNCTIONS[name](args)
    except ValueProblem as problem:
        at = arg_positions[problem.arg_index] if problem.arg_index is not None and problem.arg_index < len(arg_positions) else position
        raise V.ExpressionError(problem.code, "%s(): %s" % (name, problem), at)
    except RecursionError:
        raise V.ExpressionError("EXPRESSION_LIMIT", "%s(): value too deeply nested" % name, position)
    if (isinstance(result, str) and utf16_len(result) > LIMITS["string"]) or (isinstance(result, list) and len(result) > LIMITS["array"]):
        raise V.ExpressionError("EXPRESSION_LIMIT", "%s(): result larger than the limit" % name, position)
    return result

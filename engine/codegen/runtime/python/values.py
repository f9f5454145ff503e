"""The expression language's value model and operators (the visual builder's SPEC §4-§6), standard library only.

Numbers are always Python floats (JSON is read with parse_int=float); strings are measured, sliced and ordered by
UTF-16 code units, as the builder's engine does.
"""
import json
import math
import re

LIMITS = {"range": 100000, "string": 1000000, "array": 1000000, "json_depth": 1000}


class ExpressionError(Exception):
    def __init__(self, code, reason, position):
        super().__init__("%s at %d" % (reason, position))
        self.code = code
        self.position = position


class ValueProblem(Exception):
    """A failure below the operators; `call` re-raises it at the offending argument."""

    def __init__(self, code, message, arg_index=None):
        super().__init__(message)
        self.code = code
        self.arg_index = arg_index


def kind_of(v):
    if v is None:
        return "null"
    if v is True or v is False:
        return "boolean"
    if isinstance(v, (int, float)):
        return "number"
    if isinstance(v, str):
        return "string"
    if isinstance(v, list):
        return "array"
    if isinstance(v, dict):
        return "object"
    return "null"


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def truthy(v):
    if v is None or v is False:
        return False
    if is_number(v):
        return v != 0
    if isinstance(v, str):
        return v != ""
    return True


def utf16(s):
    return s.encode("utf-16-le", "surrogatepass")


def from_utf16(b):
    return b.decode("utf-16-le", "surrogatepass")


# ECMAScript whitespace (trim, and the \s of the engine's regexes).
JS_SPACE = "\t\n\x0b\x0c\r \xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"

_SURROGATE = re.compile("[\ud800-\udfff]")


def has_surrogate(s):
    return _SURROGATE.search(s) is not None


def normal_text(s):
    """Rejoins surrogate halves that became adjacent ("\ud83d" + "\ude00" is "😀", as in UTF-16)."""
    return from_utf16(utf16(s)) if _SURROGATE.search(s) else s


def utf16_len(s):
    return len(s) + sum(1 for c in s if ord(c) > 0xFFFF) if not s.isascii() else len(s)


def utf16_key(s):
    """Sort key ordering strings by UTF-16 code units (as JavaScript and Java compare them)."""
    return s.encode("utf-16-be", "surrogatepass")


def check_string(length):
    if length > LIMITS["string"]:
        raise ValueProblem("EXPRESSION_LIMIT", "string result longer than %d characters" % LIMITS["string"])


def checked(n, what):
    n = float(n)
    if not math.isfinite(n):
        raise ValueProblem("EXPRESSION_LIMIT", "%s is out of range (not a finite number)" % what)
    return 0.0 if n == 0 else n


def format_number(x):
    """ECMAScript Number::toString (SPEC §4.1) from Python's shortest round-trip repr."""
    x = float(x)
    if x == 0:
        return "0"
    if x < 0:
        return "-" + format_number(-x)
    text = repr(x)
    mantissa, _, exponent = text.partition("e")
    whole, _, fraction = mantissa.partition(".")
    all_digits = whole + fraction
    lead = len(all_digits) - len(all_digits.lstrip("0"))
    n = len(whole) - lead + (int(exponent) if exponent else 0)
    digits = all_digits.lstrip("0").rstrip("0")
    k = len(digits)
    if k <= n <= 21:
        return digits + "0" * (n - k)
    if 0 < n <= 21:
        return digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return "0." + "0" * (-n) + digits
    e = n - 1
    return digits[0] + ("." + digits[1:] if k > 1 else "") + "e" + ("+" if e >= 0 else "-") + str(abs(e))


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def quote(s):
    """A JSON string literal exactly as ECMAScript JSON.stringify writes it."""
    text = json.dumps(s, ensure_ascii=False)
    return _LONE_SURROGATE.sub(lambda m: "\\u%04x" % ord(m.group(0)), text)


def to_text(v):
    kind = kind_of(v)
    if kind == "string":
        return v
    if kind == "number":
        return format_number(v)
    if kind == "boolean":
        return "true" if v else "false"
    if kind == "null":
        return "null"
    return to_json(v)


def js_key_order(keys):
    """JavaScript's own-key order: integer-like keys (array indexes) ascending first, then the rest as inserted."""
    indexes = [k for k in keys if _ARRAY_INDEX.match(k) and int(k) < 4294967295]
    if not indexes:
        return list(keys)
    chosen = set(indexes)
    return sorted(indexes, key=int) + [k for k in keys if k not in chosen]


_ARRAY_INDEX = re.compile(r"(?:0|[1-9][0-9]*)\Z")


def _write_json(v, parts, sort_keys, depth, counter):
    # The nesting limit belongs to the expression language's toJson only (SPEC §9), not to outputs.
    if sort_keys and depth > LIMITS["json_depth"]:
        raise ValueProblem("EXPRESSION_LIMIT", "value nested deeper than %d levels" % LIMITS["json_depth"])
    kind = kind_of(v)

    def emit(text):
        counter[0] += len(text)
        if sort_keys:
            check_string(counter[0])
        parts.append(text)

    if kind == "string":
        emit(quote(v))
    elif kind == "array":
        emit("[")
        for i, item in enumerate(v):
            if i:
                emit(",")
            _write_json(item, parts, sort_keys, depth + 1, counter)
        emit("]")
    elif kind == "object":
        emit("{")
        keys = sorted(v.keys(), key=utf16_key) if sort_keys else js_key_order(v.keys())
        for i, key in enumerate(keys):
            emit(("," if i else "") + quote(key) + ":")
            _write_json(v[key], parts, sort_keys, depth + 1, counter)
        emit("}")
    else:
        emit(to_text(v))


def to_json(v):
    """Canonical JSON (SPEC §4.3): compact, keys sorted by UTF-16 code units, numbers per §4.1."""
    parts = []
    _write_json(v, parts, True, 0, [0])
    return "".join(parts)


def js_json(v):
    """JSON.stringify(v): keys in insertion order, numbers per §4.1 (the engine's outputs and placeholders)."""
    parts = []
    _write_json(v, parts, False, 0, [0])
    return "".join(parts)


def _no_constants(name):
    raise ValueError("%s is not JSON" % name)


def _zero(v):
    if isinstance(v, float):
        return 0.0 if v == 0 else v
    if isinstance(v, list):
        return [_zero(x) for x in v]
    if isinstance(v, dict):
        return {k: _zero(x) for k, x in v.items()}
    return v


def parse_json(text):
    """RFC 8259 JSON with every number a float, as JavaScript's JSON.parse reads it; raises ValueError."""
    return _zero(json.loads(text, parse_int=float, parse_constant=_no_constants))


def deep_equal(a, b):
    ka, kb = kind_of(a), kind_of(b)
    if ka != kb:
        return False
    if ka == "array":
        return len(a) == len(b) and all(deep_equal(x, y) for x, y in zip(a, b))
    if ka == "object":
        return len(a) == len(b) and all(k in b and deep_equal(a[k], b[k]) for k in a)
    if ka == "null":
        return True
    return a == b


# ---- scope, members, operators ----

def variable(scope, name, position):
    if name not in scope:
        raise ExpressionError("EXPRESSION_UNKNOWN_NAME", "unknown variable '%s'" % name, position)
    return scope[name]


def member(obj, key):
    return obj.get(key) if isinstance(obj, dict) else None


def index(obj, key):
    if isinstance(obj, list):
        if is_number(key) and float(key).is_integer() and 0 <= key < len(obj):
            return obj[int(key)]
        return None
    return member(obj, key) if isinstance(key, str) else None


def object_of(entries):
    return {entries[i]: entries[i + 1] for i in range(0, len(entries), 2)}


def negate(v, position):
    if not is_number(v):
        raise ExpressionError("EXPRESSION_TYPE", "cannot negate %s" % kind_of(v), position)
    return 0.0 if v == 0 else -float(v)


def _finite(n, operator, position):
    if not math.isfinite(n):
        raise ExpressionError("EXPRESSION_LIMIT", 'result of "%s" is out of range (not a finite number)' % operator, position)
    return 0.0 if n == 0 else float(n)


_VERBS = {"-": "subtract", "*": "multiply", "/": "divide", "%": "take the remainder of"}


def add(a, b, position):
    if is_number(a) and is_number(b):
        return _finite(float(a) + float(b), "+", position)
    if isinstance(a, str) or isinstance(b, str):
        try:
            left, right = to_text(a), to_text(b)
            check_string(utf16_len(left) + utf16_len(right))
        except ValueProblem as problem:
            raise ExpressionError(problem.code, str(problem), position)
        return normal_text(left + right)
    raise ExpressionError("EXPRESSION_TYPE", "cannot add %s and %s" % (kind_of(a), kind_of(b)), position)


def arithmetic(operator, a, b, position):
    if not is_number(a) or not is_number(b):
        raise ExpressionError("EXPRESSION_TYPE", "cannot %s %s and %s" % (_VERBS[operator], kind_of(a), kind_of(b)), position)
    a, b = float(a), float(b)
    if operator == "-":
        return _finite(a - b, operator, position)
    if operator == "*":
        return _finite(a * b, operator, position)
    if b == 0:
        raise ExpressionError("EXPRESSION_TYPE", "division by zero" if operator == "/" else "remainder by zero", position)
    return _finite(a / b if operator == "/" else math.fmod(a, b), operator, position)


def compare(operator, a, b, position):
    kind = kind_of(a)
    if kind not in ("number", "string") or kind_of(b) != kind:
        raise ExpressionError("EXPRESSION_TYPE", "cannot compare %s and %s" % (kind_of(a), kind_of(b)), position)
    if kind == "string":
        a, b = utf16_key(a), utf16_key(b)
    if operator == "<":
        return a < b
    if operator == "<=":
        return a <= b
    if operator == ">":
        return a > b
    return a >= b


def and_(a, right):
    return right() if truthy(a) else a


def or_(a, right):
    return a if truthy(a) else right()


def nullish(a, right):
    return right() if a is None else a

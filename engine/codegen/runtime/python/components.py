"""The built-in components' behaviour, shared by every generated node (one helper per component)."""
import re
import time

from . import values as V
from .scheduler import ComponentError, WorkflowError, run_graph

# ECMAScript's \s (Python's also matches \x1c-\x1f and \x85): the engine's regexes are JavaScript ones.
_JS_WS = r"[\t\n\x0b\x0c\r \xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]"


def _kind(v):
    return V.kind_of(v)


def type_mismatch(value, port_type):
    if port_type == "any":
        return None
    element = re.fullmatch(r"array<(.+)>", port_type)
    if element:
        if not isinstance(value, list):
            return "expected %s, got %s" % (port_type, _kind(value))
        for i, item in enumerate(value):
            inner = type_mismatch(item, element.group(1))
            if inner:
                return "expected %s, element %d: %s" % (port_type, i, inner)
        return None
    return None if _kind(value) == port_type else "expected %s, got %s" % (port_type, _kind(value))


_MISSING = object()


def read(ctx, port, port_type, required=True):
    value = ctx["inputs"].get(port, _MISSING)
    if value is _MISSING:
        if required:
            raise ComponentError("MISSING_INPUT", 'input "%s" has no value' % port, ctx["node_id"])
        return None
    mismatch = type_mismatch(value, port_type)
    if mismatch:
        raise ComponentError("INVALID_INPUT", 'input "%s": %s' % (port, mismatch), ctx["node_id"])
    return value


def evaluate(ctx, config, expression, extra=None):
    field, source, compiled = expression
    scope = {"inputs": ctx["inputs"], "config": config, "value": ctx["inputs"].get("value")}
    if extra:
        scope.update(extra)
    try:
        return compiled(scope)
    except V.ExpressionError as error:
        raise ComponentError("EXPRESSION_ERROR", "config.%s %s: %s" % (field, V.quote(source), error), ctx["node_id"])
    except RecursionError:
        raise ComponentError("EXPRESSION_ERROR", "config.%s %s: value too large or too deeply nested to evaluate" % (field, V.quote(source)), ctx["node_id"])


def test(ctx, config, expression, extra=None, what=""):
    result = evaluate(ctx, config, expression, extra)
    if result is not True and result is not False:
        raise ComponentError("EXPRESSION_ERROR", "config.%s %s must produce a boolean%s, got %s" % (expression[0], V.quote(expression[1]), what, _kind(result)), ctx["node_id"])
    return result


# ---- paths (get, set, template placeholders) ----
_SEGMENT = re.compile(r"(?:[A-Za-z_$][\w$-]*|\d+)", re.ASCII)


def parse_path(path):
    normalised = re.sub(r"\[(\d+)\]", r".\1", path.strip(V.JS_SPACE), flags=re.ASCII)
    if normalised == "":
        raise ValueError("path is empty")
    segments = []
    for segment in normalised.split("."):
        if not _SEGMENT.fullmatch(segment):
            raise ValueError('invalid path segment "%s" in "%s"' % (segment, path))
        segments.append(int(segment) if segment.isdigit() else segment)
    return segments


def _format_path(segments):
    return "".join("[%d]" % s if isinstance(s, int) else (s if i == 0 else "." + s) for i, s in enumerate(segments))


def lookup_path(root, segments):
    current = root
    for i, s in enumerate(segments):
        if isinstance(current, list):
            has = isinstance(s, int) and s < len(current)
        else:
            has = isinstance(current, dict) and str(s) in current
            s = str(s)
        if not has:
            return False, _format_path(segments[: i + 1])
        current = current[s]
    return True, current


def set_at_path(root, segments, value):
    if not segments:
        return value
    head, rest = segments[0], segments[1:]
    if isinstance(root, list):
        if not isinstance(head, int):
            raise ValueError('cannot set property "%s" on an array' % head)
        copy = list(root) + [None] * max(0, head + 1 - len(root))
        copy[head] = set_at_path(root[head] if head < len(root) else None, rest, value)
        return copy
    if root is None:
        return set_at_path([] if isinstance(head, int) else {}, segments, value)
    if not isinstance(root, dict):
        raise ValueError('cannot set "%s" inside a %s' % (head, "boolean" if isinstance(root, bool) else _kind(root)))
    copy = dict(root)
    copy[str(head)] = set_at_path(root.get(str(head)), rest, value)
    return copy


_PLACEHOLDER = re.compile(r"\{\{%s*([^{}]*?)%s*\}\}" % (_JS_WS, _JS_WS))


def render_template(ctx, template, scope):
    missing = []

    def fill(match):
        whole, path = match.group(0), match.group(1)
        try:
            segments = parse_path(path)
        except ValueError as error:
            raise ComponentError("TEMPLATE_ERROR", "placeholder %s: %s" % (whole, error), ctx["node_id"])
        found, value = lookup_path(scope, segments)
        if not found:
            if path not in missing:
                missing.append(path)
            return whole
        return value if isinstance(value, str) else V.js_json(value)

    text = _PLACEHOLDER.sub(fill, template)
    if missing:
        names = ", ".join('"%s"' % m for m in missing)
        available = ", ".join(scope.keys()) or "none"
        raise ComponentError("TEMPLATE_ERROR", "missing template variable%s %s (available: %s)" % ("s" if len(missing) > 1 else "", names, available), ctx["node_id"])
    return V.normal_text(text)


_FENCED = re.compile(r"%s*```(?:json)?%s*\n([\s\S]*?)\n%s*```%s*\Z" % ((_JS_WS,) * 4))


def _split_text(text, separator):
    from .functions import call
    return call("split", [text, separator], 0, [])


def normalize(value):
    """A host value as a JSON value of this runtime (ints become floats), or TypeError."""
    if value is None or value is True or value is False or isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return V.checked(value, "number")
    if isinstance(value, (list, tuple)):
        return [normalize(v) for v in value]
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {k: normalize(v) for k, v in value.items()}
    raise TypeError("a %s cannot be represented as JSON" % type(value).__name__)


def c_input(ctx, c):
    value = ctx["run_inputs"].get(c["name"], c.get("default", _MISSING))
    if value is _MISSING:
        if c["required"]:
            raise ComponentError("MISSING_INPUT", 'run input "%s" is required' % c["name"], ctx["node_id"])
        return {}
    mismatch = type_mismatch(value, c["type"])
    if mismatch:
        raise ComponentError("INVALID_INPUT", 'run input "%s": %s' % (c["name"], mismatch), ctx["node_id"])
    if _has_non_finite(value):
        raise ComponentError("INVALID_INPUT", 'run input "%s": a number is out of range' % c["name"], ctx["node_id"])
    return {"value": value}


def _has_non_finite(value):
    """JSON numbers are finite: a literal that overflowed (1e400 reads as inf) is refused (SPEC §4)."""
    stack = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, float):
            if v != v or v in (float("inf"), float("-inf")):
                return True
        elif isinstance(v, list):
            stack.extend(v)
        elif isinstance(v, dict):
            stack.extend(v.values())
    return False


def c_output(ctx, c):
    read(ctx, "value", "any")
    return {}


def c_constant(ctx, c):
    return {"value": c.get("value")}


def c_transform(ctx, c, expression):
    read(ctx, "value", "any")
    return {"value": evaluate(ctx, c, expression)}


def c_condition(ctx, c, expression):
    value = read(ctx, "value", "any")
    return {"true" if test(ctx, c, expression) else "false": value}


def c_switch(ctx, c, cases):
    value = read(ctx, "value", "any")
    names = [entry["name"] for entry in c["cases"]] + [c["defaultPort"]]
    duplicate = next((n for i, n in enumerate(names) if names.index(n) != i), None)
    if duplicate is not None:
        raise ComponentError("INVALID_INPUT", 'config: port name "%s" is used twice' % duplicate, ctx["node_id"])
    for name, expression in cases:
        if test(ctx, c, expression):
            return {name: value}
    return {c["defaultPort"]: value}


def c_merge(ctx, c):
    values = ctx["inputs"].get("values", [])
    return {"value": values[0]} if values else {}


def c_filter(ctx, c, expression):
    items = read(ctx, "items", "array")
    return {"items": [item for i, item in enumerate(items) if test(ctx, c, expression, {"item": item, "index": float(i)}, " (item %d)" % i)]}


def c_reduce(ctx, c, expression):
    acc = c.get("initial")
    for i, item in enumerate(read(ctx, "items", "array")):
        acc = evaluate(ctx, c, expression, {"acc": acc, "item": item, "index": float(i)})
    return {"value": acc}


def c_map(ctx, c, expression, subgraph):
    items = read(ctx, "items", "array")
    if len(items) > 10000:
        raise WorkflowError("LIMIT_MAP_ITEMS", "map over %d items exceeds the limit of 10000 items per map" % len(items), False)
    if subgraph is None:
        return {"items": [evaluate(ctx, c, expression, {"item": item, "index": float(i)}) for i, item in enumerate(items)]}
    results = []
    for i, item in enumerate(items):
        try:
            outputs = run_graph(subgraph, {"item": item, "index": float(i)}, ctx["world"])
        except WorkflowError as error:
            detail = 'iteration %d of "%s" failed: %s' % (i, ctx["node_id"], error.message)
            raise ComponentError("SUBGRAPH_ERROR", "item %d: %s" % (i, detail), ctx["node_id"])
        if c["output"] not in outputs:
            produced = ", ".join(outputs.keys()) or "nothing"
            raise ComponentError("SUBGRAPH_ERROR", 'item %d: the sub-graph produced no output "%s" (it produced: %s)' % (i, c["output"], produced), ctx["node_id"])
        results.append(outputs[c["output"]])
    return {"items": results}


def c_template(ctx, c):
    values = read(ctx, "values", "object", False) or {}
    scope = values if "value" not in ctx["inputs"] else dict(values, value=ctx["inputs"]["value"])
    return {"text": render_template(ctx, c["template"], scope)}


def c_json_parse(ctx, c):
    text = read(ctx, "text", "string")
    fenced = _FENCED.match(text) if c["allowCodeFence"] else None
    try:
        return {"value": V.parse_json(fenced.group(1) if fenced else text)}
    except (ValueError, RecursionError) as error:
        preview = text[:80] + "…" if len(text) > 80 else text
        raise ComponentError("INVALID_JSON", 'input "text" is not JSON (%s): %s' % (error, V.quote(preview)), ctx["node_id"])


def c_get(ctx, c):
    value = read(ctx, "value", "any")
    try:
        segments = parse_path(c["path"])
    except ValueError as error:
        raise ComponentError("INVALID_INPUT", "config.path: %s" % error, ctx["node_id"])
    found, result = lookup_path(value, segments)
    if found:
        return {"value": result}
    if "default" in c:
        return {"value": c["default"]}
    raise ComponentError("PATH_NOT_FOUND", 'path "%s" not found: "%s" does not exist' % (c["path"], result), ctx["node_id"])


def c_set(ctx, c):
    target = read(ctx, "object", "object")
    value = read(ctx, "value", "any")
    try:
        return {"value": set_at_path(target, parse_path(c["path"]), value)}
    except ValueError as error:
        raise ComponentError("INVALID_INPUT", 'cannot set "%s": %s' % (c["path"], error), ctx["node_id"])


def c_object(ctx, c):
    values, keys = read(ctx, "values", "array"), c["keys"]
    if len(values) != len(keys):
        raise ComponentError("INVALID_INPUT", 'config.keys names %d value(s) (%s) but %d are connected to "values"' % (len(keys), ", ".join(keys), len(values)), ctx["node_id"])
    return {"value": dict(zip(keys, values))}


def c_length(ctx, c):
    value = read(ctx, "value", "any")
    if isinstance(value, str):
        return {"length": float(V.utf16_len(value))}
    if isinstance(value, (list, dict)):
        return {"length": float(len(value))}
    raise ComponentError("INVALID_INPUT", 'input "value": expected an array, string or object, got %s' % _kind(value), ctx["node_id"])


def c_join(ctx, c):
    parts = []
    for i, item in enumerate(read(ctx, "items", "array")):
        if _kind(item) not in ("string", "number", "boolean"):
            raise ComponentError("INVALID_INPUT", 'input "items"[%d]: expected a string, number or boolean, got %s' % (i, _kind(item)), ctx["node_id"])
        parts.append(V.to_text(item))
    return {"text": V.normal_text(c["separator"].join(parts))}


def c_split(ctx, c):
    from .functions import JS_SPACE
    items = _split_text(read(ctx, "text", "string"), c["separator"])
    if c["trim"]:
        items = [item.strip(JS_SPACE) for item in items]
    if c["removeEmpty"]:
        items = [item for item in items if item != ""]
    return {"items": items}


def c_delay(ctx, c):
    time.sleep(c["ms"] / 1000.0)
    return {"value": ctx["inputs"].get("value")}


def _for_user(value):
    """A private copy for user code, whole numbers as ints (so str(3) is "3", as in the builder's JavaScript)."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2 ** 53:
        return int(value)
    if isinstance(value, list):
        return [_for_user(v) for v in value]
    if isinstance(value, dict):
        return {k: _for_user(v) for k, v in value.items()}
    return value


def c_code(ctx, c, user_function):
    try:
        inputs = _for_user(ctx["inputs"])
        params = _for_user(c["params"])
        return {"value": normalize(user_function(inputs, params))}
    except Exception as error:
        raise WorkflowError("CODE_ERROR", "%s: %s" % (type(error).__name__, error))

package workflowruntime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import workflowruntime.Scheduler.Ctx;
import workflowruntime.Scheduler.WorkflowError;

/** The built-in components' behaviour, shared by every generated node (one helper per component). */
public final class Components {
  private Components() {}

  private static final Pattern ARRAY_TYPE = Pattern.compile("array<(.+)>");
  private static final Object ABSENT = new Object();

  static String typeMismatch(Object value, String type) {
    if (type.equals("any")) return null;
    Matcher element = ARRAY_TYPE.matcher(type);
    if (element.matches()) {
      if (!(value instanceof List)) return "expected " + type + ", got " + Rt.kindOf(value);
      List<?> items = (List<?>) value;
      for (int i = 0; i < items.size(); i++) {
        String inner = typeMismatch(items.get(i), element.group(1));
        if (inner != null) return "expected " + type + ", element " + i + ": " + inner;
      }
      return null;
    }
    return Rt.kindOf(value).equals(type) ? null : "expected " + type + ", got " + Rt.kindOf(value);
  }

  /** The input on `port` (ABSENT when optional and not connected), type-checked. */
  static Object read(Ctx ctx, String port, String type, boolean required) {
    if (!ctx.inputs.containsKey(port)) {
      if (required) throw Scheduler.componentError("MISSING_INPUT", "input \"" + port + "\" has no value", ctx.nodeId);
      return ABSENT;
    }
    Object value = ctx.inputs.get(port);
    String mismatch = typeMismatch(value, type);
    if (mismatch != null) throw Scheduler.componentError("INVALID_INPUT", "input \"" + port + "\": " + mismatch, ctx.nodeId);
    return value;
  }

  static Object read(Ctx ctx, String port, String type) {
    return read(ctx, port, type, true);
  }

  static Map<String, Object> ports(Object... entries) {
    Map<String, Object> out = new HashMap<>();
    for (int i = 0; i + 1 < entries.length; i += 2) out.put((String) entries[i], entries[i + 1]);
    return out;
  }

  /** Evaluates a compiled expression [field, source, Expr] with the node's scope plus `extra` (name, value…). */
  static Object evaluate(Ctx ctx, Map<String, Object> config, Object expression, Object... extra) {
    List<?> parts = (List<?>) expression;
    Map<String, Object> scope = new HashMap<>();
    scope.put("inputs", ctx.inputs);
    scope.put("config", config);
    scope.put("value", ctx.inputs.get("value"));
    for (int i = 0; i + 1 < extra.length; i += 2) scope.put((String) extra[i], extra[i + 1]);
    try {
      return ((Rt.Expr) parts.get(2)).eval(scope);
    } catch (Rt.ExpressionError error) {
      throw Scheduler.componentError("EXPRESSION_ERROR", "config." + parts.get(0) + " " + Json.quote((String) parts.get(1)) + ": " + error.getMessage(), ctx.nodeId);
    } catch (StackOverflowError error) {
      throw Scheduler.componentError("EXPRESSION_ERROR", "config." + parts.get(0) + " " + Json.quote((String) parts.get(1)) + ": value too large or too deeply nested to evaluate", ctx.nodeId);
    }
  }

  static boolean test(Ctx ctx, Map<String, Object> config, Object expression, String what, Object... extra) {
    Object result = evaluate(ctx, config, expression, extra);
    if (!(result instanceof Boolean)) {
      List<?> parts = (List<?>) expression;
      throw Scheduler.componentError("EXPRESSION_ERROR", "config." + parts.get(0) + " " + Json.quote((String) parts.get(1)) + " must produce a boolean" + what + ", got " + Rt.kindOf(result), ctx.nodeId);
    }
    return (Boolean) result;
  }

  public static Map<String, Object> cInput(Ctx ctx, Map<String, Object> c) {
    String name = (String) c.get("name");
    Object value = ctx.runInputs.containsKey(name) ? ctx.runInputs.get(name) : c.containsKey("default") ? c.get("default") : ABSENT;
    if (value == ABSENT) {
      if (Boolean.TRUE.equals(c.get("required"))) throw Scheduler.componentError("MISSING_INPUT", "run input \"" + name + "\" is required", ctx.nodeId);
      return ports();
    }
    String mismatch = typeMismatch(value, (String) c.get("type"));
    if (mismatch != null) throw Scheduler.componentError("INVALID_INPUT", "run input \"" + name + "\": " + mismatch, ctx.nodeId);
    if (hasNonFinite(value)) throw Scheduler.componentError("INVALID_INPUT", "run input \"" + name + "\": a number is out of range", ctx.nodeId);
    return ports("value", value);
  }

  /** JSON numbers are finite: a literal that overflowed (1e400 reads as Infinity) is refused (SPEC §4). */
  static boolean hasNonFinite(Object value) {
    Deque<Object> stack = new ArrayDeque<>();
    stack.push(value == null ? ABSENT : value);
    while (!stack.isEmpty()) {
      Object v = stack.pop();
      if (v instanceof Double d) {
        if (d.isInfinite() || d.isNaN()) return true;
      } else if (v instanceof List<?> list) {
        for (Object item : list) if (item != null) stack.push(item);
      } else if (v instanceof Map<?, ?> map) {
        for (Object item : map.values()) if (item != null) stack.push(item);
      }
    }
    return false;
  }

  public static Map<String, Object> cOutput(Ctx ctx, Map<String, Object> c) {
    read(ctx, "value", "any");
    return ports();
  }

  public static Map<String, Object> cConstant(Ctx ctx, Map<String, Object> c) {
    return ports("value", c.get("value"));
  }

  public static Map<String, Object> cTransform(Ctx ctx, Map<String, Object> c, Object expression) {
    read(ctx, "value", "any");
    return ports("value", evaluate(ctx, c, expression));
  }

  public static Map<String, Object> cCondition(Ctx ctx, Map<String, Object> c, Object expression) {
    Object value = read(ctx, "value", "any");
    return ports(test(ctx, c, expression, "") ? "true" : "false", value);
  }

  public static Map<String, Object> cSwitch(Ctx ctx, Map<String, Object> c, Object cases) {
    Object value = read(ctx, "value", "any");
    List<String> names = new ArrayList<>();
    for (Object entry : (List<?>) c.get("cases")) names.add((String) ((Map<?, ?>) entry).get("name"));
    names.add((String) c.get("defaultPort"));
    for (int i = 0; i < names.size(); i++) {
      if (names.indexOf(names.get(i)) != i) throw Scheduler.componentError("INVALID_INPUT", "config: port name \"" + names.get(i) + "\" is used twice", ctx.nodeId);
    }
    for (Object entry : (List<?>) cases) {
      List<?> pair = (List<?>) entry;
      if (test(ctx, c, pair.get(1), "")) return ports((String) pair.get(0), value);
    }
    return ports((String) c.get("defaultPort"), value);
  }

  public static Map<String, Object> cMerge(Ctx ctx, Map<String, Object> c) {
    Object values = ctx.inputs.get("values");
    return values instanceof List && !((List<?>) values).isEmpty() ? ports("value", ((List<?>) values).get(0)) : ports();
  }

  public static Map<String, Object> cFilter(Ctx ctx, Map<String, Object> c, Object expression) {
    List<?> items = (List<?>) read(ctx, "items", "array");
    List<Object> kept = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) if (test(ctx, c, expression, " (item " + i + ")", "item", items.get(i), "index", (double) i)) kept.add(items.get(i));
    return ports("items", kept);
  }

  public static Map<String, Object> cReduce(Ctx ctx, Map<String, Object> c, Object expression) {
    Object acc = c.get("initial");
    List<?> items = (List<?>) read(ctx, "items", "array");
    for (int i = 0; i < items.size(); i++) acc = evaluate(ctx, c, expression, "acc", acc, "item", items.get(i), "index", (double) i);
    return ports("value", acc);
  }

  public static Map<String, Object> cMap(Ctx ctx, Map<String, Object> c, Object expression, Object subgraphTable) throws Exception {
    Scheduler.Node[] subgraph = (Scheduler.Node[]) subgraphTable;
    List<?> items = (List<?>) read(ctx, "items", "array");
    if (items.size() > 10000) throw new WorkflowError("LIMIT_MAP_ITEMS", "map over " + items.size() + " items exceeds the limit of 10000 items per map", false);
    List<Object> results = new ArrayList<>();
    if (subgraph == null) {
      for (int i = 0; i < items.size(); i++) results.add(evaluate(ctx, c, expression, "item", items.get(i), "index", (double) i));
      return ports("items", results);
    }
    String output = (String) c.get("output");
    Semaphore slots = new Semaphore(Math.max(1, ((Double) c.getOrDefault("concurrency", 1.0)).intValue()));
    List<Future<Object>> pending = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      int index = i;
      slots.acquire();
      pending.add(Scheduler.THREADS.submit(() -> {
        try {
          Map<String, Object> outputs;
          try {
            Map<String, Object> runInputs = new LinkedHashMap<>();
            runInputs.put("item", items.get(index));
            runInputs.put("index", (double) index);
            outputs = Scheduler.runGraph(subgraph, runInputs, ctx.concurrent);
          } catch (WorkflowError error) {
            return Scheduler.componentError("SUBGRAPH_ERROR", "item " + index + ": iteration " + index + " of \"" + ctx.nodeId + "\" failed: " + error.getMessage(), ctx.nodeId);
          }
          if (!outputs.containsKey(output)) {
            String produced = outputs.isEmpty() ? "nothing" : String.join(", ", outputs.keySet());
            return Scheduler.componentError("SUBGRAPH_ERROR", "item " + index + ": the sub-graph produced no output \"" + output + "\" (it produced: " + produced + ")", ctx.nodeId);
          }
          return outputs.get(output);
        } finally {
          slots.release();
        }
      }));
    }
    for (Future<Object> result : pending) results.add(result.get());
    for (Object result : results) if (result instanceof WorkflowError) throw (WorkflowError) result;
    return ports("items", results);
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> cTemplate(Ctx ctx, Map<String, Object> c) {
    Object values = read(ctx, "values", "object", false);
    Map<String, Object> scope = values == ABSENT ? new LinkedHashMap<>() : new LinkedHashMap<>((Map<String, Object>) values);
    if (ctx.inputs.containsKey("value")) scope.put("value", ctx.inputs.get("value"));
    return ports("text", Paths.render(ctx.nodeId, (String) c.get("template"), scope));
  }

  private static final Pattern FENCED = Pattern.compile("^" + Paths.JS_SPACE + "*```(?:json)?" + Paths.JS_SPACE + "*\\n([\\s\\S]*?)\\n" + Paths.JS_SPACE + "*```" + Paths.JS_SPACE + "*$");

  public static Map<String, Object> cJsonParse(Ctx ctx, Map<String, Object> c) {
    String text = (String) read(ctx, "text", "string");
    Matcher fenced = FENCED.matcher(text);
    String source = Boolean.TRUE.equals(c.get("allowCodeFence")) && fenced.matches() ? fenced.group(1) : text;
    try {
      return ports("value", Json.parse(source));
    } catch (Json.JsonException error) {
      String preview = text.length() > 80 ? text.substring(0, 80) + "…" : text;
      throw Scheduler.componentError("INVALID_JSON", "input \"text\" is not JSON (" + error.getMessage() + "): " + Json.quote(preview), ctx.nodeId);
    }
  }

  public static Map<String, Object> cGet(Ctx ctx, Map<String, Object> c) {
    Object value = read(ctx, "value", "any");
    String path = (String) c.get("path");
    List<Object> segments;
    try {
      segments = Paths.parse(path);
    } catch (Paths.PathException error) {
      throw Scheduler.componentError("INVALID_INPUT", "config.path: " + error.getMessage(), ctx.nodeId);
    }
    Object[] found = Paths.lookup(value, segments);
    if ((Boolean) found[0]) return ports("value", found[1]);
    if (c.containsKey("default")) return ports("value", c.get("default"));
    throw Scheduler.componentError("PATH_NOT_FOUND", "path \"" + path + "\" not found: \"" + found[1] + "\" does not exist", ctx.nodeId);
  }

  public static Map<String, Object> cSet(Ctx ctx, Map<String, Object> c) {
    Object target = read(ctx, "object", "object");
    Object value = read(ctx, "value", "any");
    String path = (String) c.get("path");
    try {
      return ports("value", Paths.set(target, Paths.parse(path), value));
    } catch (Paths.PathException error) {
      throw Scheduler.componentError("INVALID_INPUT", "cannot set \"" + path + "\": " + error.getMessage(), ctx.nodeId);
    }
  }

  public static Map<String, Object> cObject(Ctx ctx, Map<String, Object> c) {
    List<?> values = (List<?>) read(ctx, "values", "array");
    List<String> keys = new ArrayList<>();
    for (Object k : (List<?>) c.get("keys")) keys.add((String) k);
    if (values.size() != keys.size()) {
      throw Scheduler.componentError("INVALID_INPUT", "config.keys names " + keys.size() + " value(s) (" + String.join(", ", keys) + ") but " + values.size() + " are connected to \"values\"", ctx.nodeId);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) out.put(keys.get(i), values.get(i));
    return ports("value", out);
  }

  public static Map<String, Object> cLength(Ctx ctx, Map<String, Object> c) {
    Object value = read(ctx, "value", "any");
    if (value instanceof String) return ports("length", (double) ((String) value).length());
    if (value instanceof List) return ports("length", (double) ((List<?>) value).size());
    if (value instanceof Map) return ports("length", (double) ((Map<?, ?>) value).size());
    throw Scheduler.componentError("INVALID_INPUT", "input \"value\": expected an array, string or object, got " + Rt.kindOf(value), ctx.nodeId);
  }

  public static Map<String, Object> cJoin(Ctx ctx, Map<String, Object> c) {
    List<?> items = (List<?>) read(ctx, "items", "array");
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      if (!(item instanceof String || item instanceof Double || item instanceof Boolean)) {
        throw Scheduler.componentError("INVALID_INPUT", "input \"items\"[" + i + "]: expected a string, number or boolean, got " + Rt.kindOf(item), ctx.nodeId);
      }
      parts.add(Rt.toText(item));
    }
    return ports("text", String.join((String) c.get("separator"), parts));
  }

  public static Map<String, Object> cSplit(Ctx ctx, Map<String, Object> c) {
    List<Object> kept = new ArrayList<>();
    for (Object item : Functions.split((String) read(ctx, "text", "string"), (String) c.get("separator"))) {
      String text = Boolean.TRUE.equals(c.get("trim")) ? Text.trim((String) item) : (String) item;
      if (!Boolean.TRUE.equals(c.get("removeEmpty")) || !text.isEmpty()) kept.add(text);
    }
    return ports("items", kept);
  }

  public static Map<String, Object> cDelay(Ctx ctx, Map<String, Object> c) throws InterruptedException {
    Thread.sleep(((Double) c.get("ms")).longValue());
    return ports("value", ctx.inputs.get("value"));
  }

  /** A `code` node's Java body: `Object apply(Map<String, Object> inputs, Map<String, Object> config)`. */
  @FunctionalInterface
  public interface UserFunction {
    Object apply(Map<String, Object> inputs, Map<String, Object> config) throws Exception;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> cCode(Ctx ctx, Map<String, Object> c, UserFunction user) {
    try {
      Map<String, Object> inputs = (Map<String, Object>) UserValues.copy(ctx.inputs);
      Map<String, Object> params = (Map<String, Object>) UserValues.copy(c.getOrDefault("params", new LinkedHashMap<>()));
      return ports("value", UserValues.normalize(user.apply(inputs, params)));
    } catch (Exception | StackOverflowError error) {
      throw new WorkflowError("CODE_ERROR", error.getClass().getSimpleName() + ": " + error.getMessage());
    }
  }
}

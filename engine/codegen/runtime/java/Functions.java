package workflowruntime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The expression language's function table (SPEC §7). Arity was checked when the workflow was generated. */
final class Functions {
  private Functions() {}

  static Rt.ValueProblem typeError(List<Object> a, int i, String expected) {
    return new Rt.ValueProblem("EXPRESSION_TYPE", "argument " + (i + 1) + " must be " + expected + ", got " + Rt.kindOf(a.get(i)), i);
  }

  static String str(List<Object> a, int i) {
    if (!(a.get(i) instanceof String)) throw typeError(a, i, "a string");
    return (String) a.get(i);
  }

  static double num(List<Object> a, int i) {
    if (!(a.get(i) instanceof Double)) throw typeError(a, i, "a number");
    return (Double) a.get(i);
  }

  /** An integer argument as the double it is (any magnitude: range() computes in doubles, as the engine). */
  static double integerValue(List<Object> a, int i) {
    if (!(a.get(i) instanceof Double) || (Double) a.get(i) != Math.floor((Double) a.get(i))) throw typeError(a, i, "an integer");
    return (Double) a.get(i);
  }

  /** An integer used as an offset; clamping beyond any string or array length changes nothing. */
  static int integer(List<Object> a, int i) {
    return (int) Math.max(-1e9, Math.min(1e9, integerValue(a, i)));
  }

  @SuppressWarnings("unchecked")
  static List<Object> arr(List<Object> a, int i) {
    if (!(a.get(i) instanceof List)) throw typeError(a, i, "an array");
    return (List<Object>) a.get(i);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> obj(List<Object> a, int i) {
    if (!(a.get(i) instanceof Map)) throw typeError(a, i, "an object");
    return (Map<String, Object>) a.get(i);
  }

  static List<String> strs(List<Object> a, int i) {
    List<String> out = new ArrayList<>();
    for (Object e : arr(a, i)) {
      if (!(e instanceof String)) throw typeError(a, i, "an array of strings");
      out.add((String) e);
    }
    return out;
  }

  static List<Double> nums(List<Object> a, int i) {
    List<Double> out = new ArrayList<>();
    for (Object e : arr(a, i)) {
      if (!(e instanceof Double)) throw typeError(a, i, "an array of numbers");
      out.add((Double) e);
    }
    return out;
  }

  static void checkArray(long length) {
    if (length > Rt.MAX_ARRAY) throw new Rt.ValueProblem("EXPRESSION_LIMIT", "array result longer than " + Rt.MAX_ARRAY + " elements", -1);
  }

  static List<Object> concat(List<Object> parts) {
    long total = 0;
    for (Object p : parts) total += p instanceof List ? ((List<?>) p).size() : 1;
    checkArray(total);
    List<Object> out = new ArrayList<>();
    for (Object p : parts) {
      if (p instanceof List) out.addAll((List<?>) p);
      else out.add(p);
    }
    return out;
  }

  static double indexOf(List<Object> a) {
    if (a.get(0) instanceof String) return ((String) a.get(0)).indexOf(str(a, 1));
    if (a.get(0) instanceof List) {
      List<?> items = (List<?>) a.get(0);
      for (int i = 0; i < items.size(); i++) if (Rt.deepEqual(items.get(i), a.get(1))) return i;
      return -1;
    }
    throw typeError(a, 0, "a string or an array");
  }

  static Object extreme(List<Object> a, BiPredicate<Double, Double> better) {
    List<Double> items = new ArrayList<>();
    if (a.size() == 1 && a.get(0) instanceof List) items = nums(a, 0);
    else for (int i = 0; i < a.size(); i++) items.add(num(a, i));
    if (items.isEmpty()) throw typeError(a, 0, "a non-empty array of numbers");
    double best = items.get(0);
    for (double x : items) if (better.test(x, best)) best = x;
    return best;
  }

  static double total(List<Double> items) {
    double s = 0;
    for (double x : items) s += x;
    return s;
  }

  static double roundHalfAway(double x) {
    double m = Math.abs(x), w = Math.floor(m), r = m - w >= 0.5 ? w + 1 : w;
    return x < 0 ? -r : r;
  }

  static Object slice(List<Object> a) {
    Object subject = a.get(0);
    if (!(subject instanceof String) && !(subject instanceof List)) throw typeError(a, 0, "a string or an array");
    int length = subject instanceof String ? ((String) subject).length() : ((List<?>) subject).size();
    int start = clamp(integer(a, 1), length);
    int end = a.size() > 2 ? clamp(integer(a, 2), length) : length;
    if (subject instanceof String) return start >= end ? "" : ((String) subject).substring(start, end);
    return start >= end ? new ArrayList<>() : new ArrayList<>(((List<?>) subject).subList(start, end));
  }

  static int clamp(int n, int length) {
    return n < 0 ? Math.max(0, length + n) : Math.min(n, length);
  }

  static List<Object> split(String s, String sep) {
    List<Object> out = new ArrayList<>();
    if (sep.isEmpty()) {
      for (int i = 0; i < s.length(); i++) out.add(String.valueOf(s.charAt(i)));
      return out;
    }
    int from = 0;
    for (int at; (at = s.indexOf(sep, from)) >= 0; from = at + sep.length()) out.add(s.substring(from, at));
    out.add(s.substring(from));
    return out;
  }

  static Object join(List<Object> a) {
    List<Object> items = arr(a, 0);
    String sep = a.size() > 1 ? str(a, 1) : ",";
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) b.append(sep);
      b.append(Rt.toText(items.get(i)));
      Rt.checkString(b.length());
    }
    return b.toString();
  }

  static Object replace(List<Object> a) {
    String s = str(a, 0), find = str(a, 1), repl = str(a, 2);
    if (find.isEmpty()) return s;
    long count = split(s, find).size() - 1;
    Rt.checkString((int) Math.min(Integer.MAX_VALUE, s.length() + count * (repl.length() - find.length())));
    return s.replace(find, repl);
  }

  static Object unique(List<Object> a) {
    Set<String> seen = new HashSet<>();
    List<Object> out = new ArrayList<>();
    for (Object e : arr(a, 0)) if (seen.add(Rt.toJson(e))) out.add(e);
    return out;
  }

  static Object sort(List<Object> a) {
    List<Object> items = new ArrayList<>(arr(a, 0));
    if (items.isEmpty()) return items;
    String kind = Rt.kindOf(items.get(0));
    for (Object e : items) if ((!kind.equals("number") && !kind.equals("string")) || !Rt.kindOf(e).equals(kind)) throw typeError(a, 0, "an array of numbers or an array of strings");
    if (kind.equals("number")) items.sort((x, y) -> Double.compare((Double) x, (Double) y));
    else items.sort((x, y) -> ((String) x).compareTo((String) y));
    return items;
  }

  static Object range(List<Object> a) {
    double start = a.size() > 1 ? integerValue(a, 0) : 0;
    double end = integerValue(a, a.size() > 1 ? 1 : 0);
    double count = Math.max(0, end - start);
    if (count > Rt.MAX_RANGE) throw new Rt.ValueProblem("EXPRESSION_LIMIT", "range of " + Rt.formatNumber(count) + " elements exceeds " + Rt.MAX_RANGE, -1);
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < count; i++) out.add(start + i);
    return out;
  }

  static Object has(List<Object> a) {
    if (a.get(0) instanceof List) {
      if (!(a.get(1) instanceof Double)) return false;
      double i = (Double) a.get(1);
      return i == Math.floor(i) && i >= 0 && i < ((List<?>) a.get(0)).size();
    }
    return a.get(0) instanceof Map && a.get(1) instanceof String && ((Map<?, ?>) a.get(0)).containsKey(a.get(1));
  }

  @SuppressWarnings("unchecked")
  static Object merge(List<Object> a) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i) == null) continue;
      if (!(a.get(i) instanceof Map)) throw typeError(a, i, "an object or null");
      out.putAll((Map<String, Object>) a.get(i));
    }
    return out;
  }

  static Object pick(List<Object> a, boolean keep) {
    Map<String, Object> o = obj(a, 0);
    List<String> names = strs(a, 1);
    Map<String, Object> out = new LinkedHashMap<>();
    if (keep) {
      for (String k : names) if (o.containsKey(k)) out.put(k, o.get(k));
    } else {
      for (Map.Entry<String, Object> e : o.entrySet()) if (!names.contains(e.getKey())) out.put(e.getKey(), e.getValue());
    }
    return out;
  }

  private static final Pattern NUMBER_TEXT = Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

  static String preview(String text) {
    return Json.quote(text.length() > 40 ? text.substring(0, 40) + "…" : text);
  }

  static Object number(List<Object> a) {
    Object v = a.get(0);
    if (v instanceof Double) return v;
    if (v instanceof Boolean) return (Boolean) v ? 1.0 : 0.0;
    if (!(v instanceof String)) throw typeError(a, 0, "a number, string or boolean");
    String text = Text.trim((String) v);
    if (!NUMBER_TEXT.matcher(text).matches()) throw new Rt.ValueProblem("EXPRESSION_TYPE", "cannot convert " + preview((String) v) + " to number", 0);
    return Rt.checked(Double.parseDouble(text), "number(" + preview((String) v) + ")");
  }

  static int jsonDepth(String text) {
    int depth = 0, deepest = 0;
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') i++;
        else if (c == '"') inString = false;
      } else if (c == '"') inString = true;
      else if (c == '[' || c == '{') deepest = Math.max(deepest, ++depth);
      else if (c == ']' || c == '}') depth--;
    }
    return deepest;
  }

  static void checkFinite(Object v) {
    if (v instanceof Double) Rt.checked((Double) v, "JSON number");
    else if (v instanceof List) for (Object e : (List<?>) v) checkFinite(e);
    else if (v instanceof Map) for (Object e : ((Map<?, ?>) v).values()) checkFinite(e);
  }

  static Object parseJson(List<Object> a) {
    String text = str(a, 0);
    if (jsonDepth(text) > Rt.MAX_JSON_DEPTH) throw new Rt.ValueProblem("EXPRESSION_LIMIT", "JSON nested deeper than " + Rt.MAX_JSON_DEPTH + " levels", 0);
    Object value;
    try {
      value = Json.parse(text);
    } catch (Json.JsonException error) {
      throw new Rt.ValueProblem("EXPRESSION_TYPE", "invalid JSON: " + error.getMessage(), 0);
    }
    checkFinite(value);
    return value;
  }

  static Object length(List<Object> a) {
    Object v = a.get(0);
    if (v instanceof String) return (double) ((String) v).length();
    if (v instanceof List) return (double) ((List<?>) v).size();
    if (v instanceof Map) return (double) ((Map<?, ?>) v).size();
    throw typeError(a, 0, "a string, array or object");
  }

  static final Map<String, Function<List<Object>, Object>> TABLE = new HashMap<>();

  static {
    TABLE.put("lower", a -> Text.lower(str(a, 0)));
    TABLE.put("upper", a -> Text.upper(str(a, 0)));
    TABLE.put("trim", a -> Text.trim(str(a, 0)));
    TABLE.put("startsWith", a -> str(a, 0).startsWith(str(a, 1)));
    TABLE.put("endsWith", a -> str(a, 0).endsWith(str(a, 1)));
    TABLE.put("replace", Functions::replace);
    TABLE.put("split", a -> split(str(a, 0), str(a, 1)));
    TABLE.put("join", Functions::join);
    TABLE.put("len", Functions::length);
    TABLE.put("contains", a -> indexOf(a) >= 0);
    TABLE.put("indexOf", Functions::indexOf);
    TABLE.put("slice", Functions::slice);
    TABLE.put("first", a -> Rt.index(arr(a, 0), 0.0));
    TABLE.put("last", a -> Rt.index(arr(a, 0), (double) (arr(a, 0).size() - 1)));
    TABLE.put("reverse", a -> {
      List<Object> out = new ArrayList<>(arr(a, 0));
      java.util.Collections.reverse(out);
      return out;
    });
    TABLE.put("flatten", a -> concat(arr(a, 0)));
    TABLE.put("concat", a -> {
      for (int i = 0; i < a.size(); i++) arr(a, i);
      return concat(a);
    });
    TABLE.put("unique", Functions::unique);
    TABLE.put("sort", Functions::sort);
    TABLE.put("range", Functions::range);
    TABLE.put("keys", a -> new ArrayList<Object>(Rt.sortedKeys(obj(a, 0))));
    TABLE.put("values", a -> {
      Map<String, Object> o = obj(a, 0);
      List<Object> out = new ArrayList<>();
      for (String k : Rt.sortedKeys(o)) out.add(o.get(k));
      return out;
    });
    TABLE.put("has", Functions::has);
    TABLE.put("merge", Functions::merge);
    TABLE.put("pick", a -> pick(a, true));
    TABLE.put("omit", a -> pick(a, false));
    TABLE.put("abs", a -> Math.abs(num(a, 0)));
    TABLE.put("floor", a -> Rt.checked(Math.floor(num(a, 0)), "floor"));
    TABLE.put("ceil", a -> Rt.checked(Math.ceil(num(a, 0)), "ceil"));
    TABLE.put("round", a -> Rt.checked(roundHalfAway(num(a, 0)), "round"));
    TABLE.put("min", a -> extreme(a, (x, y) -> x < y));
    TABLE.put("max", a -> extreme(a, (x, y) -> x > y));
    TABLE.put("sum", a -> Rt.checked(total(nums(a, 0)), "sum"));
    TABLE.put("avg", a -> {
      List<Double> items = nums(a, 0);
      if (items.isEmpty()) throw typeError(a, 0, "a non-empty array of numbers");
      return Rt.checked(total(items) / items.size(), "avg");
    });
    TABLE.put("number", Functions::number);
    TABLE.put("string", a -> Rt.toText(a.get(0)));
    TABLE.put("boolean", a -> Rt.truthy(a.get(0)));
    TABLE.put("typeOf", a -> Rt.kindOf(a.get(0)));
    TABLE.put("isNull", a -> a.get(0) == null);
    TABLE.put("default", a -> a.get(0) == null ? a.get(1) : a.get(0));
    TABLE.put("toJson", a -> Rt.toJson(a.get(0)));
    TABLE.put("parseJson", Functions::parseJson);
  }
}

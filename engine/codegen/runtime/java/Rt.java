package workflowruntime;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The expression language's values and operators (the visual builder's SPEC §4–§6), called by generated code.
 * Values are JSON: null, Boolean, Double, String (UTF-16, like JavaScript's), List and Map (insertion-ordered).
 */
public final class Rt {
  private Rt() {}

  public static final int MAX_RANGE = 100000, MAX_STRING = 1000000, MAX_ARRAY = 1000000, MAX_JSON_DEPTH = 1000;

  /** A compiled expression: the scope's variables → a value. */
  @FunctionalInterface
  public interface Expr {
    Object eval(Map<String, Object> s);
  }

  /** A failure inside an expression: "<reason> at <position>". */
  public static final class ExpressionError extends RuntimeException {
    public final String code;

    ExpressionError(String code, String reason, int position) {
      super(reason + " at " + position);
      this.code = code;
    }
  }

  /** A failure below the operators; `call` re-raises it at the offending argument (arg < 0: at the call). */
  static final class ValueProblem extends RuntimeException {
    final String code;
    final int arg;

    ValueProblem(String code, String message, int arg) {
      super(message);
      this.code = code;
      this.arg = arg;
    }
  }

  // ---- literals of generated code ----
  private static final Map<String, Object> LITERALS = new ConcurrentHashMap<>();

  /** A constant JSON value, parsed once from (chunks of) its text; values are never mutated. */
  public static Object lit(String... chunks) {
    String text = chunks.length == 1 ? chunks[0] : String.join("", chunks);
    return LITERALS.computeIfAbsent(text, t -> {
      try {
        return Json.parse(t);
      } catch (Json.JsonException error) {
        throw new IllegalStateException(error);
      }
    });
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> obj(String... chunks) {
    return (Map<String, Object>) lit(chunks);
  }

  /** An array value (or a list of generated fragments). */
  public static List<Object> arr(Object... items) {
    return new ArrayList<>(Arrays.asList(items));
  }

  // ---- the value model ----
  public static String kindOf(Object v) {
    if (v instanceof Boolean) return "boolean";
    if (v instanceof Double) return "number";
    if (v instanceof String) return "string";
    if (v instanceof List) return "array";
    if (v instanceof Map) return "object";
    return "null";
  }

  public static boolean truthy(Object v) {
    if (v == null) return false;
    if (v instanceof Boolean) return (Boolean) v;
    if (v instanceof Double) return (Double) v != 0;
    if (v instanceof String) return !((String) v).isEmpty();
    return true;
  }

  static void checkString(int length) {
    if (length > MAX_STRING) throw new ValueProblem("EXPRESSION_LIMIT", "string result longer than " + MAX_STRING + " characters", -1);
  }

  static double checked(double n, String what) {
    if (!Double.isFinite(n)) throw new ValueProblem("EXPRESSION_LIMIT", what + " is out of range (not a finite number)", -1);
    return n == 0 ? 0.0 : n;
  }

  /**
   * ECMAScript Number::toString (SPEC §4.1). Java 17's Double.toString is not always the shortest round-trip form
   * (4.9E-324 for 5e-324), so the digits come from the shortest BigDecimal rounding that reads back as x.
   */
  public static String formatNumber(double x) {
    if (x == 0) return "0";
    if (x < 0) return "-" + formatNumber(-x);
    BigDecimal exact = new BigDecimal(x);
    BigDecimal shortest = exact;
    for (int precision = 1; precision <= 17; precision++) {
      BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      if (rounded.doubleValue() == x) {
        shortest = rounded;
        break;
      }
    }
    shortest = shortest.stripTrailingZeros();
    String digits = shortest.unscaledValue().toString();
    int k = digits.length();
    int n = k - shortest.scale();
    if (k <= n && n <= 21) return digits + "0".repeat(n - k);
    if (0 < n && n <= 21) return digits.substring(0, n) + "." + digits.substring(n);
    if (-6 < n && n <= 0) return "0." + "0".repeat(-n) + digits;
    int e = n - 1;
    return digits.charAt(0) + (k > 1 ? "." + digits.substring(1) : "") + "e" + (e >= 0 ? "+" : "-") + Math.abs(e);
  }

  /** String conversion (SPEC §4.2). */
  public static String toText(Object v) {
    if (v instanceof String) return (String) v;
    if (v instanceof Double) return formatNumber((Double) v);
    if (v instanceof Boolean) return (Boolean) v ? "true" : "false";
    if (v instanceof List || v instanceof Map) return toJson(v);
    return "null";
  }

  /** Canonical JSON (SPEC §4.3): compact, keys sorted by UTF-16 code units, bounded. */
  public static String toJson(Object v) {
    StringBuilder b = new StringBuilder();
    Json.write(b, v, true, 0);
    checkString(b.length());
    return b.toString();
  }

  static List<String> sortedKeys(Map<String, Object> object) {
    List<String> keys = new ArrayList<>(object.keySet());
    keys.sort(String::compareTo); // String order is UTF-16 code-unit order
    return keys;
  }

  public static boolean deepEqual(Object a, Object b) {
    if (a == null || b == null) return a == b;
    if (a instanceof List && b instanceof List) {
      List<?> x = (List<?>) a, y = (List<?>) b;
      if (x.size() != y.size()) return false;
      for (int i = 0; i < x.size(); i++) if (!deepEqual(x.get(i), y.get(i))) return false;
      return true;
    }
    if (a instanceof Map && b instanceof Map) {
      Map<?, ?> x = (Map<?, ?>) a, y = (Map<?, ?>) b;
      if (x.size() != y.size()) return false;
      for (Map.Entry<?, ?> e : x.entrySet()) if (!y.containsKey(e.getKey()) || !deepEqual(e.getValue(), y.get(e.getKey()))) return false;
      return true;
    }
    if (a instanceof Double && b instanceof Double) return ((Double) a).doubleValue() == (Double) b;
    return (a instanceof String || a instanceof Boolean) && a.equals(b);
  }

  // ---- scope, members, operators ----
  public static Object variable(Map<String, Object> s, String name, int position) {
    if (!s.containsKey(name)) throw new ExpressionError("EXPRESSION_UNKNOWN_NAME", "unknown variable '" + name + "'", position);
    return s.get(name);
  }

  public static Object member(Object o, String key) {
    return o instanceof Map ? ((Map<?, ?>) o).get(key) : null;
  }

  public static Object index(Object o, Object key) {
    if (o instanceof List) {
      List<?> items = (List<?>) o;
      if (!(key instanceof Double)) return null;
      double i = (Double) key;
      return i == Math.floor(i) && i >= 0 && i < items.size() ? items.get((int) i) : null;
    }
    return key instanceof String ? member(o, (String) key) : null;
  }

  public static Object objectOf(Object... entries) {
    Map<String, Object> object = new LinkedHashMap<>();
    for (int i = 0; i + 1 < entries.length; i += 2) object.put((String) entries[i], entries[i + 1]);
    return object;
  }

  public static Object negate(Object v, int position) {
    if (!(v instanceof Double)) throw new ExpressionError("EXPRESSION_TYPE", "cannot negate " + kindOf(v), position);
    double n = (Double) v;
    return n == 0 ? 0.0 : -n;
  }

  private static Object finite(double n, String operator, int position) {
    if (!Double.isFinite(n)) throw new ExpressionError("EXPRESSION_LIMIT", "result of \"" + operator + "\" is out of range (not a finite number)", position);
    return n == 0 ? 0.0 : n;
  }

  public static Object add(Object a, Object b, int position) {
    if (a instanceof Double && b instanceof Double) return finite((Double) a + (Double) b, "+", position);
    if (!(a instanceof String) && !(b instanceof String)) throw new ExpressionError("EXPRESSION_TYPE", "cannot add " + kindOf(a) + " and " + kindOf(b), position);
    try {
      String left = toText(a), right = toText(b);
      checkString(left.length() + right.length());
      return left + right;
    } catch (ValueProblem problem) {
      throw new ExpressionError(problem.code, problem.getMessage(), position);
    }
  }

  private static final Map<String, String> VERBS = Map.of("-", "subtract", "*", "multiply", "/", "divide", "%", "take the remainder of");

  public static Object arithmetic(String operator, Object a, Object b, int position) {
    if (!(a instanceof Double) || !(b instanceof Double)) throw new ExpressionError("EXPRESSION_TYPE", "cannot " + VERBS.get(operator) + " " + kindOf(a) + " and " + kindOf(b), position);
    double x = (Double) a, y = (Double) b;
    if (operator.equals("-")) return finite(x - y, operator, position);
    if (operator.equals("*")) return finite(x * y, operator, position);
    if (y == 0) throw new ExpressionError("EXPRESSION_TYPE", operator.equals("/") ? "division by zero" : "remainder by zero", position);
    return finite(operator.equals("/") ? x / y : x % y, operator, position); // Java's % on doubles is C fmod
  }

  public static Object compare(String operator, Object a, Object b, int position) {
    int order;
    if (a instanceof Double && b instanceof Double) order = Double.compare((Double) a, (Double) b);
    else if (a instanceof String && b instanceof String) order = ((String) a).compareTo((String) b);
    else throw new ExpressionError("EXPRESSION_TYPE", "cannot compare " + kindOf(a) + " and " + kindOf(b), position);
    switch (operator) {
      case "<": return order < 0;
      case "<=": return order <= 0;
      case ">": return order > 0;
      default: return order >= 0;
    }
  }

  public static Object equal(Object a, Object b, boolean negated) {
    return deepEqual(a, b) != negated;
  }

  public static Object not(Object a) {
    return !truthy(a);
  }

  public static Object and(Object a, Supplier<Object> right) {
    return truthy(a) ? right.get() : a;
  }

  public static Object or(Object a, Supplier<Object> right) {
    return truthy(a) ? a : right.get();
  }

  public static Object nullish(Object a, Supplier<Object> right) {
    return a == null ? right.get() : a;
  }

  public static Object cond(Object test, Supplier<Object> consequent, Supplier<Object> alternate) {
    return truthy(test) ? consequent.get() : alternate.get();
  }

  /** Calls function `name` on evaluated `args`; errors point at the argument (argPositions) or the call. */
  public static Object call(String name, List<Object> args, int position, int[] argPositions) {
    Object result;
    try {
      result = Functions.TABLE.get(name).apply(args);
    } catch (ValueProblem problem) {
      int at = problem.arg >= 0 && problem.arg < argPositions.length ? argPositions[problem.arg] : position;
      throw new ExpressionError(problem.code, name + "(): " + problem.getMessage(), at);
    } catch (StackOverflowError error) {
      throw new ExpressionError("EXPRESSION_LIMIT", name + "(): value too deeply nested", position);
    }
    if ((result instanceof String && ((String) result).length() > MAX_STRING) || (result instanceof List && ((List<?>) result).size() > MAX_ARRAY)) {
      throw new ExpressionError("EXPRESSION_LIMIT", name + "(): result larger than the limit", position);
    }
    return result;
  }
}

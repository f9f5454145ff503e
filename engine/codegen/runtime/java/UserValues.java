package workflowruntime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Values crossing into and out of user `code` bodies: private deep copies in, any JSON-like Java value out. */
final class UserValues {
  private UserValues() {}

  static Object copy(Object v) {
    if (v instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object e : (List<?>) v) out.add(copy(e));
      return out;
    }
    if (v instanceof Map) {
      Map<String, Object> out = new LinkedHashMap<>();
      ((Map<?, ?>) v).forEach((k, e) -> out.put((String) k, copy(e)));
      return out;
    }
    return v;
  }

  /** Any Number becomes a Double (non-finite refused), arrays and collections lists, maps with String keys objects. */
  static Object normalize(Object v) {
    if (v == null || v instanceof String || v instanceof Boolean) return v;
    if (v instanceof Character) return String.valueOf(v);
    if (v instanceof Number) {
      double d = ((Number) v).doubleValue();
      if (!Double.isFinite(d)) throw new IllegalArgumentException("the number " + d + " cannot be represented as JSON");
      return d == 0 ? 0.0 : d;
    }
    if (v instanceof Iterable) {
      List<Object> out = new ArrayList<>();
      for (Object e : (Iterable<?>) v) out.add(normalize(e));
      return out;
    }
    if (v instanceof Object[]) {
      List<Object> out = new ArrayList<>();
      for (Object e : (Object[]) v) out.add(normalize(e));
      return out;
    }
    if (v instanceof Map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        if (!(e.getKey() instanceof String)) throw new IllegalArgumentException("a map with " + e.getKey().getClass().getSimpleName() + " keys cannot be represented as JSON");
        out.put((String) e.getKey(), normalize(e.getValue()));
      }
      return out;
    }
    throw new IllegalArgumentException("a " + v.getClass().getSimpleName() + " cannot be represented as JSON");
  }
}

package workflowruntime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON as JavaScript reads and writes it (Java has no JSON in its standard library): objects are LinkedHashMaps
 * keeping key order, arrays ArrayLists, every number a Double; strings are written as JSON.stringify writes them,
 * numbers per the expression language's SPEC §4.1.
 */
public final class Json {
  private Json() {}

  /** Invalid JSON. */
  public static final class JsonException extends Exception {
    JsonException(String message) {
      super(message);
    }
  }

  private static final class Reader {
    final String text;
    int pos;

    Reader(String text) {
      this.text = text;
    }

    JsonException fail(String message) {
      return new JsonException(message + " at position " + pos);
    }

    void space() {
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
        pos++;
      }
    }

    boolean at(char c) {
      return pos < text.length() && text.charAt(pos) == c;
    }

    Object value() throws JsonException {
      space();
      if (pos >= text.length()) throw fail("unexpected end of JSON input");
      char c = text.charAt(pos);
      if (c == '{') return object();
      if (c == '[') return array();
      if (c == '"') return string();
      if (c == '-' || (c >= '0' && c <= '9')) return number();
      for (String word : new String[] {"true", "false", "null"}) {
        if (text.startsWith(word, pos)) {
          pos += word.length();
          return word.equals("null") ? null : Boolean.valueOf(word.equals("true"));
        }
      }
      throw fail("unexpected token '" + c + "'");
    }

    Map<String, Object> object() throws JsonException {
      pos++;
      Map<String, Object> object = new LinkedHashMap<>();
      space();
      if (at('}')) {
        pos++;
        return object;
      }
      while (true) {
        space();
        if (!at('"')) throw fail("expected a property name");
        String key = string();
        space();
        if (!at(':')) throw fail("expected ':'");
        pos++;
        object.put(key, value());
        space();
        if (at(',')) {
          pos++;
          continue;
        }
        if (at('}')) {
          pos++;
          return object;
        }
        throw fail("expected ',' or '}'");
      }
    }

    List<Object> array() throws JsonException {
      pos++;
      List<Object> items = new ArrayList<>();
      space();
      if (at(']')) {
        pos++;
        return items;
      }
      while (true) {
        items.add(value());
        space();
        if (at(',')) {
          pos++;
          continue;
        }
        if (at(']')) {
          pos++;
          return items;
        }
        throw fail("expected ',' or ']'");
      }
    }

    int digits() {
      int from = pos;
      while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') pos++;
      return pos - from;
    }

    Double number() throws JsonException {
      int start = pos;
      if (at('-')) pos++;
      int intStart = pos;
      int n = digits();
      if (n == 0 || (n > 1 && text.charAt(intStart) == '0')) throw fail("invalid number");
      if (at('.')) {
        pos++;
        if (digits() == 0) throw fail("invalid number");
      }
      if (at('e') || at('E')) {
        pos++;
        if (at('+') || at('-')) pos++;
        if (digits() == 0) throw fail("invalid number");
      }
      double value = Double.parseDouble(text.substring(start, pos));
      return value == 0 ? 0.0 : value; // -0 reads as 0
    }

    String string() throws JsonException {
      pos++;
      StringBuilder b = new StringBuilder();
      while (pos < text.length()) {
        char c = text.charAt(pos++);
        if (c == '"') return b.toString();
        if (c < 0x20) throw fail("bad control character in string literal");
        if (c != '\\') {
          b.append(c);
          continue;
        }
        if (pos >= text.length()) break;
        char e = text.charAt(pos++);
        switch (e) {
          case '"': case '\\': case '/': b.append(e); break;
          case 'b': b.append('\b'); break;
          case 'f': b.append('\f'); break;
          case 'n': b.append('\n'); break;
          case 'r': b.append('\r'); break;
          case 't': b.append('\t'); break;
          case 'u':
            if (pos + 4 > text.length()) throw fail("bad Unicode escape");
            try {
              b.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
            } catch (NumberFormatException error) {
              throw fail("bad Unicode escape");
            }
            pos += 4;
            break;
          default: throw fail("bad escaped character");
        }
      }
      throw fail("unterminated string");
    }
  }

  /** RFC 8259 JSON (duplicate keys keep the last value; numbers may overflow to ±Infinity, as in JSON.parse). */
  public static Object parse(String text) throws JsonException {
    Reader reader = new Reader(text);
    Object value = reader.value();
    reader.space();
    if (reader.pos < text.length()) throw reader.fail("unexpected character after the JSON value");
    return value;
  }

  /** A JSON string literal exactly as ECMAScript JSON.stringify writes it (lone surrogates escaped). */
  public static void quote(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"': b.append("\\\""); break;
        case '\\': b.append("\\\\"); break;
        case '\b': b.append("\\b"); break;
        case '\f': b.append("\\f"); break;
        case '\n': b.append("\\n"); break;
        case '\r': b.append("\\r"); break;
        case '\t': b.append("\\t"); break;
        default:
          boolean lone = Character.isHighSurrogate(c) ? !(i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
              : Character.isLowSurrogate(c) && !(i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
          if (c < 0x20 || lone) b.append(String.format("\\u%04x", (int) c));
          else b.append(c);
      }
    }
    b.append('"');
  }

  public static String quote(String s) {
    StringBuilder b = new StringBuilder();
    quote(b, s);
    return b.toString();
  }

  /** Compact JSON; `canonical` sorts keys by UTF-16 code units and enforces the expression language's limits. */
  static void write(StringBuilder b, Object v, boolean canonical, int depth) {
    if (canonical) {
      if (depth > Rt.MAX_JSON_DEPTH) throw new Rt.ValueProblem("EXPRESSION_LIMIT", "value nested deeper than " + Rt.MAX_JSON_DEPTH + " levels", -1);
      Rt.checkString(b.length());
    }
    if (v instanceof String) quote(b, (String) v);
    else if (v instanceof Double) {
      double d = (Double) v;
      b.append(Double.isFinite(d) ? Rt.formatNumber(d) : "null");
    } else if (v instanceof List) {
      b.append('[');
      List<?> items = (List<?>) v;
      for (int i = 0; i < items.size(); i++) {
        if (i > 0) b.append(',');
        write(b, items.get(i), canonical, depth + 1);
      }
      b.append(']');
    } else if (v instanceof Map) {
      @SuppressWarnings("unchecked")
      Map<String, Object> object = (Map<String, Object>) v;
      b.append('{');
      int i = 0;
      for (String key : canonical ? Rt.sortedKeys(object) : jsKeyOrder(object.keySet())) {
        if (i++ > 0) b.append(',');
        quote(b, key);
        b.append(':');
        write(b, object.get(key), canonical, depth + 1);
      }
      b.append('}');
    } else b.append(Rt.toText(v));
  }

  /** JavaScript's own-key order: integer-like keys (array indexes) ascending first, then the rest as inserted. */
  static Iterable<String> jsKeyOrder(java.util.Set<String> keys) {
    List<String> indexes = new java.util.ArrayList<>();
    for (String key : keys) if (isArrayIndex(key)) indexes.add(key);
    if (indexes.isEmpty()) return keys;
    indexes.sort(java.util.Comparator.comparingLong(Long::parseLong));
    for (String key : keys) if (!isArrayIndex(key)) indexes.add(key);
    return indexes;
  }

  private static boolean isArrayIndex(String key) {
    int n = key.length();
    if (n == 0 || n > 10 || (n > 1 && key.charAt(0) == '0')) return false;
    for (int i = 0; i < n; i++) if (key.charAt(i) < '0' || key.charAt(i) > '9') return false;
    return Long.parseLong(key) < 4294967295L;
  }

  /** JSON.stringify(v): keys in JavaScript's order (outputs, template placeholders, request bodies). */
  public static String stringify(Object v) {
    StringBuilder b = new StringBuilder();
    write(b, v, false, 0);
    return b.toString();
  }
}

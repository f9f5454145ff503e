package workflowruntime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Paths (`user.tags[0]`) for get, set and template placeholders, as the builder's engine parses them. */
final class Paths {
  private Paths() {}

  /** A bad path or an impossible assignment. */
  static final class PathException extends Exception {
    PathException(String message) {
      super(message);
    }
  }

  private static final Pattern BRACKET = Pattern.compile("\\[(\\d+)\\]");
  private static final Pattern SEGMENT = Pattern.compile("(?:[A-Za-z_$][\\w$-]*|\\d+)");
  /** ECMAScript's \\s (Java's is ASCII only): the engine's regexes are JavaScript ones. */
  static final String JS_SPACE = "[\\t\\n\\x0B\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]";
  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{" + JS_SPACE + "*([^{}]*?)" + JS_SPACE + "*\\}\\}");

  /** Segments: String names or Integer indexes. */
  static List<Object> parse(String path) throws PathException {
    String normalised = BRACKET.matcher(Text.trim(path)).replaceAll(".$1");
    if (normalised.isEmpty()) throw new PathException("path is empty");
    List<Object> segments = new ArrayList<>();
    for (String part : normalised.split("\\.", -1)) {
      if (!SEGMENT.matcher(part).matches()) throw new PathException("invalid path segment \"" + part + "\" in \"" + path + "\"");
      if (part.chars().allMatch(Character::isDigit)) {
        double n = Double.parseDouble(part);
        segments.add(n > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) n);
      } else segments.add(part);
    }
    return segments;
  }

  static String format(List<Object> segments) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < segments.size(); i++) {
      Object s = segments.get(i);
      if (s instanceof Integer) b.append('[').append(s).append(']');
      else b.append(i == 0 ? "" : ".").append(s);
    }
    return b.toString();
  }

  /** Found value, or the missing prefix as a String inside a one-element Object[] marker. */
  static Object[] lookup(Object root, List<Object> segments) {
    Object current = root;
    for (int i = 0; i < segments.size(); i++) {
      Object s = segments.get(i);
      if (current instanceof List && s instanceof Integer && (Integer) s < ((List<?>) current).size()) current = ((List<?>) current).get((Integer) s);
      else if (current instanceof Map && ((Map<?, ?>) current).containsKey(String.valueOf(s))) current = ((Map<?, ?>) current).get(String.valueOf(s));
      else return new Object[] {false, format(segments.subList(0, i + 1))};
    }
    return new Object[] {true, current};
  }

  @SuppressWarnings("unchecked")
  static Object set(Object root, List<Object> segments, Object value) throws PathException {
    if (segments.isEmpty()) return value;
    Object head = segments.get(0);
    List<Object> rest = segments.subList(1, segments.size());
    if (root instanceof List) {
      if (!(head instanceof Integer)) throw new PathException("cannot set property \"" + head + "\" on an array");
      int index = (Integer) head;
      List<Object> copy = new ArrayList<>((List<Object>) root);
      while (copy.size() <= index) copy.add(null);
      copy.set(index, set(index < ((List<?>) root).size() ? ((List<?>) root).get(index) : null, rest, value));
      return copy;
    }
    if (root == null) return set(head instanceof Integer ? new ArrayList<>() : new LinkedHashMap<>(), segments, value);
    if (!(root instanceof Map)) throw new PathException("cannot set \"" + head + "\" inside a " + Rt.kindOf(root));
    Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) root);
    copy.put(String.valueOf(head), set(copy.get(String.valueOf(head)), rest, value));
    return copy;
  }

  static String render(String nodeId, String template, Map<String, Object> scope) {
    List<String> missing = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String whole = m.group(), path = m.group(1), replacement;
      List<Object> segments;
      try {
        segments = parse(path);
      } catch (PathException error) {
        throw Scheduler.componentError("TEMPLATE_ERROR", "placeholder " + whole + ": " + error.getMessage(), nodeId);
      }
      Object[] found = lookup(scope, segments);
      if (!(Boolean) found[0]) {
        if (!missing.contains(path)) missing.add(path);
        replacement = whole;
      } else replacement = found[1] instanceof String ? (String) found[1] : Json.stringify(found[1]);
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    if (!missing.isEmpty()) {
      List<String> quoted = new ArrayList<>();
      for (String name : missing) quoted.add("\"" + name + "\"");
      String available = scope.isEmpty() ? "none" : String.join(", ", scope.keySet());
      throw Scheduler.componentError("TEMPLATE_ERROR", "missing template variable" + (missing.size() > 1 ? "s " : " ") + String.join(", ", quoted) + " (available: " + available + ")", nodeId);
    }
    return out.toString();
  }
}

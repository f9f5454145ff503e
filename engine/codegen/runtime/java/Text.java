package workflowruntime;

import java.util.Locale;

/** JavaScript's text rules where Java's differ: whitespace for trim, locale-independent case mapping. */
final class Text {
  private Text() {}

  /** ECMAScript WhiteSpace and LineTerminator (Java's strip/trim use other sets). */
  static boolean isSpace(char c) {
    switch (c) {
      case '\t': case '\n': case 0x0B: case '\f': case '\r': case ' ': case 0xA0: case 0x1680:
      case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000: case 0xFEFF:
        return true;
      default:
        return c >= 0x2000 && c <= 0x200A;
    }
  }

  static String trim(String s) {
    int start = 0, end = s.length();
    while (start < end && isSpace(s.charAt(start))) start++;
    while (end > start && isSpace(s.charAt(end - 1))) end--;
    return s.substring(start, end);
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  static String upper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }
}

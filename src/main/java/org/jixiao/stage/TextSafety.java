package org.jixiao.stage;

import java.util.Optional;

/**
 * The one check every text a user hands in passes, wherever it enters (our {@code /api} bodies, task form
 * inputs, comments, attachment names, users, groups, districts, filters): text that would show differently
 * from what it is, or break what reads it later, is refused with a Chinese message naming the field.
 * Refused are
 * <ul>
 *   <li>control characters: C0 (U+0000–U+001F) except tab, line feed and carriage return, DEL (U+007F) and C1
 *       (U+0080–U+009F);</li>
 *   <li>bidirectional controls, which reorder what a reviewer sees (an amount or a file name read backwards):
 *       embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069, the marks U+200E, U+200F and U+061C;</li>
 *   <li>lone surrogates (half of a character, also from a JSON {@code \uD800} escape): no database or file
 *       keeps them intact;</li>
 *   <li>text that holds a zero-width character (U+200B–U+200D, U+2060, U+FEFF) and otherwise only white space:
 *       it looks empty but passes every "not blank" rule. Text of white space alone is left to those rules, and
 *       zero-width characters inside visible text (emoji joiners) are kept.</li>
 * </ul>
 */
public final class TextSafety {

  private TextSafety() {}

  /** What is wrong with {@code text}, in Chinese (e.g. "含有控制字符 U+0000"); empty if it may be stored. */
  public static Optional<String> problem(String text) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    boolean visible = false;
    boolean zeroWidth = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          visible = true;
          continue;
        }
        return Optional.of("含有不完整的字符（单独的代理项 " + code(c) + "）");
      }
      if (Character.isLowSurrogate(c)) {
        return Optional.of("含有不完整的字符（单独的代理项 " + code(c) + "）");
      }
      if (isControl(c)) {
        return Optional.of("含有控制字符 " + code(c));
      }
      if (isBidiControl(c)) {
        return Optional.of("含有改变文字显示方向的控制字符 " + code(c));
      }
      if (isZeroWidth(c)) {
        zeroWidth = true;
      } else if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
        visible = true;
      }
    }
    if (zeroWidth && !visible) {
      return Optional.of("只含有不可见的字符");
    }
    return Optional.empty();
  }

  /** The refusal of {@code text} in the field {@code field} (a name a user recognises), or empty. */
  public static Optional<String> refusal(String field, String text) {
    return problem(text).map(p -> field + " " + p + "，请删除后重新提交");
  }

  /** C0 except tab, line feed and carriage return; DEL; C1. */
  static boolean isControl(char c) {
    return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7F && c <= 0x9F;
  }

  static boolean isBidiControl(char c) {
    return c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069 || c == 0x200E || c == 0x200F || c == 0x061C;
  }

  static boolean isZeroWidth(char c) {
    return c >= 0x200B && c <= 0x200D || c == 0x2060 || c == 0xFEFF;
  }

  private static String code(char c) {
    return String.format("U+%04X", (int) c);
  }
}

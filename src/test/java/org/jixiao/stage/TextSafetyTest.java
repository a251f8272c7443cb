package org.jixiao.stage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The one text check, per character class and at its boundaries. */
class TextSafetyTest {

  @Test
  void ordinaryChineseTextWithTabsNewlinesAndEmojiIsKept() {
    assertThat(TextSafety.problem("学校食堂改造项目\t第一期\r\n（2027 年）")).isEmpty();
    assertThat(TextSafety.problem("教师 👩‍🏫 培训")).as("an emoji with a zero-width joiner, and a surrogate pair").isEmpty();
    assertThat(TextSafety.problem("")).isEmpty();
    assertThat(TextSafety.problem(null)).isEmpty();
    assertThat(TextSafety.problem("   ")).as("white space alone is for the not-blank rules").isEmpty();
    assertThat(TextSafety.problem("金额\u00A0100\u3000元")).as("no-break and ideographic spaces").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {0x0000, 0x0001, 0x0008, 0x000B, 0x000C, 0x000E, 0x001F, 0x007F, 0x0080, 0x0085, 0x009F})
  void controlCharactersAreRefused(int c) {
    assertThat(TextSafety.problem("项目" + (char) c + "名称")).hasValue("含有控制字符 " + String.format("U+%04X", c));
  }

  @ParameterizedTest
  @ValueSource(ints = {0x0009, 0x000A, 0x000D, 0x0020, 0x007E, 0x00A0, 0x00A9})
  void tabNewlineCarriageReturnAndTheCharactersAroundTheControlRangesAreKept(int c) {
    assertThat(TextSafety.problem("项目" + (char) c + "名称")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C})
  void bidirectionalControlsAreRefused(int c) {
    assertThat(TextSafety.problem("附件" + (char) c + "fdp.exe")).hasValue(
        "含有改变文字显示方向的控制字符 " + String.format("U+%04X", c));
  }

  @ParameterizedTest
  @ValueSource(ints = {0x2029, 0x202F, 0x2065, 0x206A, 0x2010, 0x061B})
  void theNeighboursOfTheBidiControlsAreKept(int c) {
    assertThat(TextSafety.problem("附件" + (char) c + "说明")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u200B", "\u200C\u200D", "\u2060", "\uFEFF", " \u200B ", "\u3000\u200B\n"})
  void textOfOnlyZeroWidthCharactersAndWhiteSpaceIsRefused(String text) {
    assertThat(TextSafety.problem(text)).hasValue("只含有不可见的字符");
  }

  @Test
  void zeroWidthCharactersInsideVisibleTextAreKept() {
    assertThat(TextSafety.problem("教育\u200B局")).isEmpty();
    assertThat(TextSafety.problem("\u200A")).as("U+200A hair space is white space, not zero-width").isEmpty();
    assertThat(TextSafety.problem("\u200E")).as("U+200E is a bidi mark").hasValue("含有改变文字显示方向的控制字符 U+200E");
  }

  @Test
  void loneSurrogatesAreRefusedAndPairsKept() {
    assertThat(TextSafety.problem("名称\uD800")).hasValue("含有不完整的字符（单独的代理项 U+D800）");
    assertThat(TextSafety.problem("\uDFFF名称")).hasValue("含有不完整的字符（单独的代理项 U+DFFF）");
    assertThat(TextSafety.problem("\uD800\uD800\uDC00")).hasValue("含有不完整的字符（单独的代理项 U+D800）");
    assertThat(TextSafety.problem("\uD83D\uDE00")).isEmpty();
    assertThat(TextSafety.problem("\uDBFF\uDFFF")).as("the last pair, U+10FFFF").isEmpty();
  }

  @Test
  void theRefusalNamesTheField() {
    assertThat(TextSafety.refusal("项目名称", "A\u0000")).hasValue("项目名称 含有控制字符 U+0000，请删除后重新提交");
    assertThat(TextSafety.refusal("项目名称", "A")).isEmpty();
  }
}

package org.jixiao.workplace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The approval record's page layout on its own: long cells continue on the next page, no input breaks it. */
class PdfSheetTest {

  @Test
  void aCellLongerThanAPageContinuesOnTheNextPagesWithTheHeaderAgainAndLosesNoCharacter() throws IOException {
    String comment = "审核意见第一句。".repeat(400) + "完";
    byte[] bytes;
    try (PdfSheet sheet = new PdfSheet("测试", "页脚")) {
      sheet.title("审批单");
      sheet.table(new float[] {1, 4}, List.of("环节", "办理意见"), List.of(List.of("主管部门初审", comment)));
      bytes = sheet.finish();
    }
    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(2);
      String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
      // the cell goes on after the page's footer and the header repeated on the next page
      assertThat(text).contains("页脚第1页共" + pdf.getNumberOfPages() + "页环节办理意见");
      assertThat(text.replaceAll("页脚第\\d+页共\\d+页(环节办理意见)?", "")).contains("主管部门初审" + comment);
      PDFTextStripper lastPage = new PDFTextStripper();
      lastPage.setStartPage(pdf.getNumberOfPages());
      lastPage.setEndPage(pdf.getNumberOfPages());
      assertThat(lastPage.getText(pdf).replaceAll("\\s+", "")).contains("环节办理意见", "第" + pdf.getNumberOfPages()
          + "页共" + pdf.getNumberOfPages() + "页");
    }
  }

  @Test
  void charactersTheFontLacksPrintAsABoxAndControlCharactersAreDropped() throws IOException {
    byte[] bytes;
    try (PdfSheet sheet = new PdfSheet("测试", "页脚")) {
      sheet.paragraph("同意\u0000\u0007\u200B😀 A long English sentence with words that should wrap at spaces.\tEnd");
      bytes = sheet.finish();
    }
    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text).contains("同意□ A long English sentence").contains("End").doesNotContain("\u0000");
    }
  }
}

package org.jixiao.workplace;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A small A4 page layout on PDFBox for the approval record: a title, headings, wrapped paragraphs and tables
 * whose rows wrap their cells and continue on the next page (with the header again). Text is set in WenQuanYi
 * Micro Hei from the jar (fonts/wqy-microhei.ttc), embedded as a subset; a character the font lacks is printed
 * as □ so no input can fail the document.
 */
final class PdfSheet implements AutoCloseable {

  static final String FONT_RESOURCE = "/fonts/wqy-microhei.ttc";
  static final String FONT_NAME = "WenQuanYiMicroHei";

  private static final float MARGIN = 50;
  private static final float BODY = 10;
  private static final float LEADING = 1.45f;
  private static final float PAD = 4;
  private static volatile byte[] fontBytes;

  private final PDDocument document = new PDDocument();
  private final TrueTypeCollection collection;
  private final TrueTypeFont ttf;
  private final PDType0Font font;
  private final String footer;
  private PDPageContentStream content;
  private float y;

  PdfSheet(String title, String footer) {
    this.footer = footer;
    try {
      collection = new TrueTypeCollection(new java.io.ByteArrayInputStream(fontBytes()));
      ttf = collection.getFontByName(FONT_NAME);
      if (ttf == null) {
        throw new IllegalStateException("font " + FONT_NAME + " not in " + FONT_RESOURCE);
      }
      font = PDType0Font.load(document, ttf, true);
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle(title);
      info.setCreator("jixiao 预算绩效管理");
      newPage();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] fontBytes() throws IOException {
    byte[] bytes = fontBytes;
    if (bytes == null) {
      try (InputStream in = PdfSheet.class.getResourceAsStream(FONT_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("the jar carries no " + FONT_RESOURCE);
        }
        bytes = in.readAllBytes();
      }
      fontBytes = bytes;
    }
    return bytes;
  }

  private float width() {
    return PDRectangle.A4.getWidth() - 2 * MARGIN;
  }

  void title(String text) {
    write(text, 18, true, true);
    y -= 6;
  }

  void subtitle(String text) {
    write(text, 12, false, true);
    y -= 8;
  }

  void heading(String text) {
    ensure(BODY * LEADING * 3 + 8);
    y -= 6;
    write(text, 13, true, false);
    y -= 2;
  }

  void paragraph(String text) {
    write(text, BODY, false, false);
  }

  /** A table of wrapped cells: widths are shares of the text width; each row continues on the next page if needed. */
  void table(float[] shares, List<String> header, List<List<String>> rows) {
    float total = 0;
    for (float s : shares) {
      total += s;
    }
    float[] widths = new float[shares.length];
    for (int i = 0; i < shares.length; i++) {
      widths[i] = width() * shares[i] / total;
    }
    if (header != null) {
      ensure(2 * (BODY * LEADING + 2 * PAD));
      row(widths, header, true, header);
    }
    for (List<String> r : rows) {
      row(widths, r, false, header);
    }
    y -= 6;
  }

  private void row(float[] widths, List<String> cells, boolean bold, List<String> header) {
    List<List<String>> lines = new ArrayList<>();
    int height = 1;
    for (int i = 0; i < widths.length; i++) {
      List<String> wrapped = wrap(i < cells.size() ? cells.get(i) : "", BODY, widths[i] - 2 * PAD);
      lines.add(wrapped);
      height = Math.max(height, wrapped.size());
    }
    float line = BODY * LEADING;
    int done = 0;
    while (done < height) {
      int fit = (int) Math.floor((y - MARGIN - 20 - 2 * PAD) / line);
      if (fit < 1 || (done == 0 && fit < Math.min(height, 3))) {
        newPage();
        if (header != null && !bold) {
          row(widths, header, true, null);
        }
        continue;
      }
      int take = Math.min(fit, height - done);
      float top = y;
      float rowHeight = take * line + 2 * PAD;
      try {
        if (bold) {
          content.setNonStrokingColor(0.90f, 0.93f, 0.97f);
          content.addRect(MARGIN, top - rowHeight, width(), rowHeight);
          content.fill();
          content.setNonStrokingColor(0f, 0f, 0f);
        }
        float x = MARGIN;
        for (int c = 0; c < widths.length; c++) {
          List<String> cell = lines.get(c);
          for (int l = done; l < Math.min(done + take, cell.size()); l++) {
            text(cell.get(l), BODY, x + PAD, top - PAD - (l - done + 1) * line + line * 0.25f);
          }
          content.setLineWidth(0.5f);
          content.addRect(x, top - rowHeight, widths[c], rowHeight);
          content.stroke();
          x += widths[c];
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      y = top - rowHeight;
      done += take;
    }
  }

  private void write(String text, float size, boolean bold, boolean centered) {
    float line = size * LEADING;
    for (String l : wrap(text, size, width())) {
      ensure(line);
      float x = centered ? MARGIN + (width() - width(l, size)) / 2 : MARGIN;
      y -= line;
      try {
        text(l, size, x, y + line * 0.25f);
        if (bold) {
          // a second pass slightly offset: the font has no bold face
          text(l, size, x + 0.35f, y + line * 0.25f);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private void text(String s, float size, float x, float baseline) throws IOException {
    if (s.isEmpty()) {
      return;
    }
    content.beginText();
    content.setFont(font, size);
    content.newLineAtOffset(x, baseline);
    content.showText(s);
    content.endText();
  }

  private void ensure(float height) {
    if (y - height < MARGIN + 20) {
      newPage();
    }
  }

  private void newPage() {
    try {
      if (content != null) {
        content.close();
      }
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      content = new PDPageContentStream(document, page);
      y = PDRectangle.A4.getHeight() - MARGIN;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text in lines no wider than the width: at line breaks, else between characters (Chinese has no spaces). */
  List<String> wrap(String text, float size, float max) {
    List<String> lines = new ArrayList<>();
    String clean = printable(text == null ? "" : text);
    for (String paragraph : clean.split("\n", -1)) {
      StringBuilder line = new StringBuilder();
      float used = 0;
      int i = 0;
      while (i < paragraph.length()) {
        int cp = paragraph.codePointAt(i);
        String ch = new String(Character.toChars(cp));
        float w = width(ch, size);
        if (used + w > max && line.length() > 0) {
          int space = line.lastIndexOf(" ");
          // a Latin word or a number is kept whole where the line has a space not too far back
          if (space > 0 && line.length() - space < 24 && !ch.equals(" ")) {
            String rest = line.substring(space + 1);
            lines.add(line.substring(0, space));
            line = new StringBuilder(rest);
            used = width(rest, size);
          } else {
            lines.add(line.toString());
            line = new StringBuilder();
            used = 0;
          }
          if (ch.equals(" ")) {
            i += Character.charCount(cp);
            continue;
          }
        }
        line.append(ch);
        used += w;
        i += Character.charCount(cp);
      }
      lines.add(line.toString());
    }
    return lines;
  }

  private float width(String s, float size) {
    try {
      return font.getStringWidth(s) / 1000 * size;
    } catch (IOException | IllegalArgumentException e) {
      return size;
    }
  }

  /** Tabs as spaces, other control characters dropped, characters without a glyph in the font as □. */
  private String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    String normalized = text.replace("\r\n", "\n").replace('\r', '\n').replace('\t', ' ');
    normalized.codePoints().forEach(cp -> {
      if (cp == '\n') {
        out.append('\n');
      } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
        // nothing to print
      } else if (hasGlyph(cp)) {
        out.appendCodePoint(cp);
      } else {
        out.append(hasGlyph('□') ? '□' : '?');
      }
    });
    return out.toString();
  }

  private boolean hasGlyph(int codePoint) {
    try {
      return ttf.getUnicodeCmapLookup().getGlyphId(codePoint) > 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** Numbers every page (第 n 页 共 m 页) with the footer, and returns the document's bytes. */
  byte[] finish() {
    try {
      content.close();
      content = null;
      int pages = document.getNumberOfPages();
      for (int i = 0; i < pages; i++) {
        PDPage page = document.getPage(i);
        try (PDPageContentStream foot = new PDPageContentStream(document, page,
            PDPageContentStream.AppendMode.APPEND, true, true)) {
          String text = printable(footer + "    第 " + (i + 1) + " 页 共 " + pages + " 页");
          float size = 8;
          foot.beginText();
          foot.setFont(font, size);
          foot.newLineAtOffset(MARGIN + (width() - width(text, size)) / 2, MARGIN - 10);
          foot.showText(text);
          foot.endText();
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      if (content != null) {
        content.close();
      }
      document.close();
      collection.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package org.jixiao.monitoring;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.jixiao.system.InvalidInputException;

/**
 * Reads the budget execution system's export (.xlsx, or CSV in UTF-8 with or without BOM, or GBK as Excel saves
 * it on a Chinese Windows) into lines of three raw cells: 项目编码, 累计支付金额（元）, 截至日期 (or the English
 * headers projectCode, paidToDate, asOfDate), in any order, other columns ignored. Row numbers are those the
 * user sees in Excel (the header is row 1 when it is the first row). Checking the values is
 * {@link ExecutionImports}' work; this class refuses only a file it cannot read at all.
 */
final class ExecutionImportReader {

  /** More rows than this in one file are refused (the 10 MB upload cap allows far more). */
  static final int MAX_ROWS = 20_000;

  static final String CODE = "projectCode";
  static final String PAID = "paidToDate";
  static final String AS_OF = "asOfDate";

  private static final Map<String, String> HEADERS = Map.of(
      "项目编码", CODE, "projectcode", CODE,
      "累计支付金额(元)", PAID, "累计支付金额", PAID, "paidtodate", PAID,
      "截至日期", AS_OF, "截止日期", AS_OF, "asofdate", AS_OF);

  private static final Map<String, String> LABELS = Map.of(CODE, "项目编码", PAID, "累计支付金额（元）", AS_OF, "截至日期");

  private static final Charset GBK = Charset.forName("GB18030");

  private ExecutionImportReader() {}

  /** One data row as read: its number, the code, and the amount and date either typed by the sheet or as text. */
  record Line(int rowNo, String code, Object paid, Object asOf) {}

  static List<Line> read(String fileName, byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new InvalidInputException("上传的文件为空");
    }
    if (ReadableWorkbook.isOOXMLZipHeader(bytes)) {
      return readXlsx(bytes);
    }
    if (ReadableWorkbook.isOLE2Header(bytes)) {
      throw new InvalidInputException("不支持旧版 Excel（.xls）文件，请另存为 .xlsx 或 CSV 后上传");
    }
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
      throw new InvalidInputException("文件不是有效的 .xlsx 工作簿：" + fileName);
    }
    return readCsv(decode(bytes));
  }

  // ------------------------------------------------------------------------------------------------- xlsx

  private static List<Line> readXlsx(byte[] bytes) {
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes),
        new org.dhatim.fastexcel.reader.ReadingOptions(true, false));
        Stream<Row> rows = workbook.getFirstSheet().openStream()) {
      List<Line> lines = new ArrayList<>();
      Map<String, Integer> columns = null;
      for (Iterator<Row> it = rows.iterator(); it.hasNext(); ) {
        Row row = it.next();
        if (columns == null) {
          List<String> texts = new ArrayList<>();
          for (int i = 0; i < row.getCellCount(); i++) {
            texts.add(text(row.getOptionalCell(i).orElse(null)));
          }
          if (texts.stream().allMatch(String::isEmpty)) {
            continue;
          }
          columns = columns(texts);
          continue;
        }
        Cell code = cell(row, columns.get(CODE));
        Cell paid = cell(row, columns.get(PAID));
        Cell asOf = cell(row, columns.get(AS_OF));
        if (blank(code) && blank(paid) && blank(asOf)) {
          continue;
        }
        if (lines.size() == MAX_ROWS) {
          throw tooMany();
        }
        lines.add(new Line(row.getRowNum(), text(code), value(paid, false), value(asOf, true)));
      }
      if (columns == null) {
        throw new InvalidInputException("工作簿的第一个工作表没有表头行（项目编码、累计支付金额（元）、截至日期）");
      }
      return lines;
    } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
      if (e instanceof InvalidInputException refused) {
        throw refused;
      }
      throw new InvalidInputException("无法读取 .xlsx 工作簿，文件可能已损坏：请用 Excel 打开后另存再上传");
    }
  }

  private static Cell cell(Row row, int index) {
    return row.getOptionalCell(index).orElse(null);
  }

  private static boolean blank(Cell cell) {
    return cell == null || cell.getType() == CellType.EMPTY || text(cell).isEmpty();
  }

  private static String text(Cell cell) {
    if (cell == null || cell.getType() == CellType.EMPTY) {
      return "";
    }
    String text = cell.getType() == CellType.NUMBER ? cell.getRawValue() : cell.getText();
    return text == null ? "" : text.strip();
  }

  /**
   * A number cell as its exact decimal (Excel writes the value it holds, e.g. 1234.5), a date-formatted number
   * cell as its date, anything else as its text.
   */
  private static Object value(Cell cell, boolean date) {
    if (cell == null || cell.getType() == CellType.EMPTY) {
      return "";
    }
    if (cell.getType() == CellType.NUMBER) {
      if (date) {
        String format = cell.getDataFormatString();
        if ((format != null && isDateFormat(format)) || isBuiltInDateFormat(cell.getDataFormatId())) {
          return cell.asDate().toLocalDate();
        }
      }
      return cell.asNumber();
    }
    if (cell.getType() == CellType.FORMULA || cell.getType() == CellType.ERROR) {
      String raw = cell.getRawValue();
      return raw == null ? "" : raw.strip();
    }
    return text(cell);
  }

  /** Excel's built-in date formats (14–22; 27–36 and 50–58 in Chinese, Japanese and Korean Excel; 45–47 times). */
  static boolean isBuiltInDateFormat(Integer id) {
    return id != null && ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58));
  }

  /** A number format that shows a date: y, m or d outside quotes and brackets (yyyy-mm-dd, m/d/yy, 14 …). */
  static boolean isDateFormat(String format) {
    String plain = format.replaceAll("\"[^\"]*\"", "").replaceAll("\\[[^]]*]", "").toLowerCase(Locale.ROOT);
    return plain.contains("y") || plain.contains("d") || (plain.contains("m") && !plain.contains("h"));
  }

  // -------------------------------------------------------------------------------------------------- csv

  /**
   * UTF-8 (a BOM is dropped) when the bytes are valid UTF-8, else GBK (read as GB18030, its superset) when they
   * are valid GBK; UTF-16 (Excel's "Unicode text") is refused with what to do instead.
   */
  static String decode(byte[] bytes) {
    if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
        || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
      throw new InvalidInputException("不支持 UTF-16 编码的文本文件，请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或 .xlsx");
    }
    int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
    ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
    try {
      return strict(StandardCharsets.UTF_8).decode(buffer).toString();
    } catch (CharacterCodingException notUtf8) {
      try {
        return strict(GBK).decode(ByteBuffer.wrap(bytes)).toString();
      } catch (CharacterCodingException notGbk) {
        throw new InvalidInputException("无法识别 CSV 文件的编码，请另存为 UTF-8 或 GBK 编码的 CSV，或上传 .xlsx");
      }
    }
  }

  private static java.nio.charset.CharsetDecoder strict(Charset charset) {
    return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  private static List<Line> readCsv(String text) {
    List<Line> lines = new ArrayList<>();
    Map<String, Integer> columns = null;
    CsvRecords records = new CsvRecords(text);
    for (List<String> record; (record = records.next()) != null; ) {
      if (record.stream().allMatch(s -> s.strip().isEmpty())) {
        continue;
      }
      if (columns == null) {
        columns = columns(record);
        continue;
      }
      String code = field(record, columns.get(CODE));
      String paid = field(record, columns.get(PAID));
      String asOf = field(record, columns.get(AS_OF));
      if (lines.size() == MAX_ROWS) {
        throw tooMany();
      }
      lines.add(new Line(records.recordNo(), code, paid, asOf));
    }
    if (columns == null) {
      throw new InvalidInputException("CSV 文件没有表头行（项目编码、累计支付金额（元）、截至日期）");
    }
    return lines;
  }

  private static String field(List<String> record, int index) {
    return index < record.size() ? record.get(index).strip() : "";
  }

  /** RFC 4180 records: comma separated, fields in double quotes may hold commas, quotes ("") and line breaks. */
  private static final class CsvRecords {
    private final String text;
    private int pos;
    private int recordNo;

    CsvRecords(String text) {
      this.text = text;
    }

    int recordNo() {
      return recordNo;
    }

    List<String> next() {
      if (pos >= text.length()) {
        return null;
      }
      recordNo++;
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      while (pos < text.length()) {
        char c = text.charAt(pos++);
        if (quoted) {
          if (c == '"') {
            if (pos < text.length() && text.charAt(pos) == '"') {
              field.append('"');
              pos++;
            } else {
              quoted = false;
            }
          } else {
            field.append(c);
          }
        } else if (c == '"' && field.toString().isBlank()) {
          field.setLength(0);
          quoted = true;
        } else if (c == ',') {
          fields.add(field.toString());
          field.setLength(0);
        } else if (c == '\n' || c == '\r') {
          if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
            pos++;
          }
          break;
        } else {
          field.append(c);
        }
      }
      fields.add(field.toString());
      return fields;
    }
  }

  // ---------------------------------------------------------------------------------------------- headers

  /** The column of each of the three headers; a missing one is refused, naming it. */
  private static Map<String, Integer> columns(List<String> headers) {
    Map<String, Integer> columns = new LinkedHashMap<>();
    for (int i = 0; i < headers.size(); i++) {
      String key = HEADERS.get(normalise(headers.get(i)));
      if (key != null) {
        if (columns.containsKey(key)) {
          throw new InvalidInputException("表头中“" + LABELS.get(key) + "”列出现了两次");
        }
        columns.put(key, i);
      }
    }
    List<String> missing = new ArrayList<>();
    for (String key : List.of(CODE, PAID, AS_OF)) {
      if (!columns.containsKey(key)) {
        missing.add(LABELS.get(key));
      }
    }
    if (!missing.isEmpty()) {
      throw new InvalidInputException("表头缺少列：" + String.join("、", missing)
          + "（第一行应为 项目编码、累计支付金额（元）、截至日期，或 projectCode、paidToDate、asOfDate）");
    }
    return columns;
  }

  /** Without spaces and BOM, full-width brackets as ASCII, English lower-case: "累计支付金额（元）" → "累计支付金额(元)". */
  static String normalise(String header) {
    return header.replace("\uFEFF", "").replaceAll("\\s+", "").replace('（', '(').replace('）', ')')
        .toLowerCase(Locale.ROOT);
  }

  private static InvalidInputException tooMany() {
    return new InvalidInputException("单次导入不超过 " + MAX_ROWS + " 行，请分批上传");
  }

  // ------------------------------------------------------------------------------------------------ values

  /** Digits with at most one point, or with thousands separators (1,234,567.89); a leading minus sign allowed. */
  private static final java.util.regex.Pattern AMOUNT =
      java.util.regex.Pattern.compile("-?(\\d+|\\d{1,3}(,\\d{3})+)(\\.\\d+)?");

  /** The amount a cell holds, or null when it is not a number. */
  static BigDecimal amount(Object value) {
    if (value instanceof BigDecimal number) {
      return number;
    }
    String text = value.toString().strip().replace("¥", "").replace("￥", "").strip();
    if (!AMOUNT.matcher(text).matches()) {
      return null;
    }
    return new BigDecimal(text.replace(",", ""));
  }

  private static final java.util.regex.Pattern DATE =
      java.util.regex.Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
  private static final java.util.regex.Pattern COMPACT_DATE = java.util.regex.Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

  /** The date a cell holds (2027-07-31, 2027/7/31, 2027.7.31, 2027年7月31日, 20270731, or a date cell), else null. */
  static LocalDate date(Object value) {
    if (value instanceof LocalDate date) {
      return date;
    }
    if (value instanceof BigDecimal) {
      return null; // a number that the sheet does not format as a date
    }
    String text = value.toString().strip();
    java.util.regex.Matcher m = DATE.matcher(text);
    if (!m.matches()) {
      m = COMPACT_DATE.matcher(text);
      if (!m.matches()) {
        return null;
      }
    }
    try {
      return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }
}

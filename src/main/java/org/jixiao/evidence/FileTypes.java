package org.jixiao.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The file types 佐证材料 may have, told by their first bytes (magic numbers), never by the name or the declared
 * type alone: PDF, PNG and JPEG images, Word, Excel and PowerPoint (97–2003 OLE files and the 2007+ OOXML zip
 * packages, told apart by the parts inside), WPS text (an OLE file), and OFD (the Chinese fixed-layout format,
 * GB/T 33190, a zip package with OFD.xml). The extension must agree with what the bytes are.
 */
final class FileTypes {

  /** A type as stored and served: its content type and the extensions that name it. */
  record Kind(String contentType, String label) {}

  static final Map<String, Kind> BY_EXTENSION = Map.ofEntries(
      Map.entry("pdf", new Kind("application/pdf", "PDF")),
      Map.entry("png", new Kind("image/png", "PNG 图片")),
      Map.entry("jpg", new Kind("image/jpeg", "JPEG 图片")),
      Map.entry("jpeg", new Kind("image/jpeg", "JPEG 图片")),
      Map.entry("doc", new Kind("application/msword", "Word 文档")),
      Map.entry("docx", new Kind("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word 文档")),
      Map.entry("xls", new Kind("application/vnd.ms-excel", "Excel 表格")),
      Map.entry("xlsx", new Kind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel 表格")),
      Map.entry("ppt", new Kind("application/vnd.ms-powerpoint", "PowerPoint 演示文稿")),
      Map.entry("pptx", new Kind("application/vnd.openxmlformats-officedocument.presentationml.presentation",
          "PowerPoint 演示文稿")),
      Map.entry("wps", new Kind("application/vnd.ms-works", "WPS 文字")),
      Map.entry("ofd", new Kind("application/ofd", "OFD 版式文件")));

  /** What the refusal lists as allowed. */
  static final String ALLOWED = "PDF、PNG/JPEG 图片、Word（doc/docx）、Excel（xls/xlsx）、PowerPoint（ppt/pptx）、WPS、OFD";

  private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] OLE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
      (byte) 0xE1};
  private static final byte[] ZIP = {'P', 'K', 0x03, 0x04};
  /** A zip package is recognised by its first entries; a real document names its parts early. */
  private static final int MAX_ZIP_ENTRIES = 200;

  private FileTypes() {}

  /** The extension of a file name, lower case, or empty. */
  static String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 || dot == fileName.length() - 1 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /**
   * The file's kind if its bytes are what its extension says; empty when the extension is not allowed or the bytes
   * are something else (a renamed executable, a text file called .pdf, a zip that is no Office document).
   */
  static Optional<Kind> check(String extension, byte[] bytes) {
    Kind kind = BY_EXTENSION.get(extension);
    if (kind == null) {
      return Optional.empty();
    }
    boolean matches = switch (extension) {
      case "pdf" -> startsWith(bytes, PDF);
      case "png" -> startsWith(bytes, PNG);
      case "jpg", "jpeg" -> startsWith(bytes, JPEG);
      case "doc", "xls", "ppt", "wps" -> startsWith(bytes, OLE);
      case "docx" -> startsWith(bytes, ZIP) && zipHas(bytes, "word/");
      case "xlsx" -> startsWith(bytes, ZIP) && zipHas(bytes, "xl/");
      case "pptx" -> startsWith(bytes, ZIP) && zipHas(bytes, "ppt/");
      case "ofd" -> startsWith(bytes, ZIP) && zipHas(bytes, "OFD.xml");
      default -> false;
    };
    return matches ? Optional.of(kind) : Optional.empty();
  }

  private static boolean startsWith(byte[] bytes, byte[] magic) {
    if (bytes.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (bytes[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }

  /** Whether the zip package has an entry named {@code part} or under it (OOXML: [Content_Types].xml and word/…). */
  private static boolean zipHas(byte[] bytes, String part) {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      ZipEntry entry;
      for (int i = 0; i < MAX_ZIP_ENTRIES && (entry = zip.getNextEntry()) != null; i++) {
        if (entry.getName().equals(part) || entry.getName().startsWith(part)) {
          return true;
        }
      }
      return false;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }
}

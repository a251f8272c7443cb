package org.jixiao.district;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Reads the keys a model file defines and the forms it refers to, without parsing it into the engine. */
final class ModelKeys {

  private static final Pattern EMBEDDED_FORM = Pattern.compile("embedded:deployment:([^\"'\\s<]+)");
  private static final XMLInputFactory XML = XMLInputFactory.newFactory();

  static {
    XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
  }

  private ModelKeys() {}

  /** Process ids of a BPMN file, decision ids of a DMN file. */
  static Set<String> definedKeys(String fileName, byte[] content) {
    String element;
    if (fileName.endsWith(".bpmn")) {
      element = "process";
    } else if (fileName.endsWith(".dmn")) {
      element = "decision";
    } else {
      return Set.of();
    }
    Set<String> keys = new LinkedHashSet<>();
    try {
      XMLStreamReader reader = XML.createXMLStreamReader(new ByteArrayInputStream(content));
      while (reader.hasNext()) {
        if (reader.next() == XMLStreamConstants.START_ELEMENT && element.equals(reader.getLocalName())) {
          String id = reader.getAttributeValue(null, "id");
          if (id != null) {
            keys.add(id);
          }
        }
      }
      reader.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("模型文件无法解析：" + fileName + "（" + e.getMessage() + "）", e);
    }
    return keys;
  }

  /** Form resource names a BPMN file loads with {@code embedded:deployment:NAME}. */
  static Set<String> referencedForms(byte[] content) {
    Set<String> forms = new LinkedHashSet<>();
    Matcher m = EMBEDDED_FORM.matcher(new String(content, java.nio.charset.StandardCharsets.UTF_8));
    while (m.find()) {
      forms.add(m.group(1));
    }
    return forms;
  }
}

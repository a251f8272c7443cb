package org.jixiao.system;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.List;
import org.jixiao.stage.TextSafety;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every String that JSON carries into the application through Spring's ObjectMapper ({@code /api/**} request
 * bodies, and the goal drafts read from task variables) passes {@link TextSafety}: a refused one stops the
 * reading with {@link InvalidInputException} naming the field by its path ({@code indicators[2].name}), which
 * {@code /api} answers with 400 before any service runs. Checked where JSON becomes a String, not by an
 * annotation on each field, so a new DTO is covered without anyone remembering it.
 */
@Configuration
class SafeTextJson {

  @Bean
  Module safeTextModule() {
    SimpleModule module = new SimpleModule("jixiao-safe-text");
    module.addDeserializer(String.class, new SafeString());
    module.addKeyDeserializer(String.class, new SafeKey());
    return module;
  }

  static final class SafeString extends StdScalarDeserializer<String> {

    SafeString() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String value = StringDeserializer.instance.deserialize(p, ctxt);
      check(path(p.getParsingContext()), value);
      return value;
    }

    @Override
    public String getEmptyValue(DeserializationContext ctxt) {
      return "";
    }

    @Override
    public boolean isCachable() {
      return true;
    }
  }

  static final class SafeKey extends KeyDeserializer {
    @Override
    public Object deserializeKey(String key, DeserializationContext ctxt) {
      JsonStreamContext context = ctxt.getParser() == null ? null : ctxt.getParser().getParsingContext();
      check(context == null ? "键" : path(context), key);
      return key;
    }
  }

  private static void check(String field, String value) {
    TextSafety.refusal("字段 " + field, value).ifPresent(message -> {
      throw new InvalidInputException(message, List.of(new ApiError.FieldError(field, message)));
    });
  }

  /** {@code indicators[2].name} for the value being read. */
  static String path(JsonStreamContext context) {
    java.util.LinkedList<String> segments = new java.util.LinkedList<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        segments.addFirst("[" + Math.max(c.getCurrentIndex(), 0) + "]");
      } else if (c.inObject() && c.getCurrentName() != null) {
        segments.addFirst(c.getCurrentName());
      }
    }
    StringBuilder path = new StringBuilder();
    for (String segment : segments) {
      if (path.length() > 0 && !segment.startsWith("[")) {
        path.append('.');
      }
      path.append(segment);
    }
    return path.length() == 0 ? "（请求内容）" : path.toString();
  }
}

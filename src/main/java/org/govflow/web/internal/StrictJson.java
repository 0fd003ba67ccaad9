package org.govflow.web.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What the API reads from a JSON body, strictly: a value of the wrong type is refused rather than
 * coerced ({@code {"text":123}} is no text, {@code {"delivery":1}} no delivery mode), and a text
 * holding a control character other than a tab or a line break, or a bidirectional override or
 * isolate, is refused, as in page forms ({@link ControlCharacters}). Only the HTTP converters read
 * this way; the application's own JSON (stored events) is left as it is.
 */
@Configuration
class StrictJson implements WebMvcConfigurer {

  @Override
  public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
    for (HttpMessageConverter<?> converter : converters) {
      if (converter instanceof MappingJackson2HttpMessageConverter json) {
        json.setObjectMapper(strict(json.getObjectMapper()));
      }
    }
  }

  @SuppressWarnings("deprecation") // MapperFeature on a copy: the builder would lose Boot's setup
  static ObjectMapper strict(ObjectMapper mapper) {
    ObjectMapper strict = mapper.copy();
    strict.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
    strict.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    strict.registerModule(new SimpleModule("strict-text").addDeserializer(String.class, TEXT));
    return strict;
  }

  /**
   * Whether a text holds a control character other than tab, line feed and carriage return, or a
   * bidirectional embedding, override or isolate (a comment "evil\u202etxt.exe" would read
   * "evilexe.txt").
   */
  static boolean hasControl(String text) {
    return ControlCharacters.unsafe(text);
  }

  private static final StdScalarDeserializer<String> TEXT =
      new StdScalarDeserializer<>(String.class) {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
          if (!p.hasToken(JsonToken.VALUE_STRING)) {
            return (String) ctxt.handleUnexpectedToken(String.class, p);
          }
          String text = p.getText();
          if (hasControl(text)) {
            throw InvalidFormatException.from(
                p, "a text with a control character", text, String.class);
          }
          return text;
        }
      };
}

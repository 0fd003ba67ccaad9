package org.govflow.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.govflow.forms.internal.FormRendering;
import org.govflow.forms.internal.FormSchemaReader;
import org.govflow.forms.internal.FormValidator;
import org.govflow.forms.internal.UnknownFormException;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * The forms of the processes: their schemas, their rendering in the reader's language and the
 * validation of what people submit. Labels, descriptions, texts and option labels are translated
 * through {@code forms.<formId>.<key>.label}, {@code .description}, {@code .option.<value>}, {@code
 * .value.<variable>.<value>} (a stored value a text shows) and {@code
 * forms.<formId>.<componentId>.text}; the schema's English is the fallback.
 */
@Service
public class Forms {

  /** Where the .form files are on the classpath: the same files deployed to the engine. */
  static final String LOCATION = "classpath*:forms/**/*.form";

  private final ObjectMapper json;
  private final FormValidator validator;
  private final MessageSource messages;
  private final Map<String, FormSchema> schemas = new TreeMap<>();
  private final Map<String, JsonNode> raw = new TreeMap<>();

  Forms(MessageSource messages, ObjectMapper json) {
    this.json = json;
    this.validator = new FormValidator(messages, json);
    this.messages = messages;
    load();
  }

  private void load() {
    FormSchemaReader reader = new FormSchemaReader(json);
    try {
      for (Resource resource :
          new PathMatchingResourcePatternResolver(Forms.class.getClassLoader())
              .getResources(LOCATION)) {
        byte[] content;
        try (InputStream in = resource.getInputStream()) {
          content = in.readAllBytes();
        }
        FormSchema schema = reader.read(resource.getFilename(), content);
        schemas.put(schema.id(), schema);
        raw.put(schema.id(), json.readTree(content));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the forms at " + LOCATION, e);
    }
  }

  /** The form with this id ({@code camunda:formRef}). */
  public FormSchema schema(String formId) {
    FormSchema schema = schemas.get(formId);
    if (schema == null) {
      throw new UnknownFormException(formId);
    }
    return schema;
  }

  /** The .form file itself, for API clients that render forms with Camunda's form-js. */
  public JsonNode schemaJson(String formId) {
    schema(formId);
    return raw.get(formId).deepCopy();
  }

  /** Checks submitted values against the form; errors are in the reader's language. */
  public FormSubmission validate(
      String formId, Map<String, ?> submitted, Locale locale, ZoneId zone) {
    return validator.validate(schema(formId), submitted, locale, zone);
  }

  /**
   * The form for a page.
   *
   * @param values the values to show: what was submitted, or the process variables
   * @param errors the errors to show beside their fields
   * @param variables what text components' {@code {{placeholders}}} are filled with
   */
  public FormView view(
      String formId,
      Map<String, ?> values,
      List<FieldError> errors,
      Map<String, ?> variables,
      Locale locale,
      ZoneId zone) {
    return new FormRendering(messages, locale, zone)
        .view(schema(formId), values, errors, variables);
  }
}

package org.govflow.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import org.govflow.forms.internal.FormSchemaReader;
import org.govflow.forms.internal.FormValidator;
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

  private final MessageSource messages;
  private final ObjectMapper json;
  private final FormValidator validator;
  private final Map<String, FormSchema> schemas = new TreeMap<>();
  private final Map<String, JsonNode> raw = new TreeMap<>();

  Forms(MessageSource messages, ObjectMapper json) {
    this.messages = messages;
    this.json = json;
    this.validator = new FormValidator(messages, json);
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
    FormSchema schema = schema(formId);
    Map<String, String> errorByField = new TreeMap<>();
    for (FieldError e : errors) {
      errorByField.putIfAbsent(e.field(), e.message());
    }
    List<FormView.Field> fields =
        fields(schema.id(), schema.components(), values, errorByField, variables, locale, zone);
    return new FormView(schema.id(), fields, !errors.isEmpty());
  }

  /** The label of a field in the reader's language (for messages that name a field). */
  public String label(String formId, String key, Locale locale) {
    return schema(formId).inputs().stream()
        .filter(c -> key.equals(c.key()))
        .findFirst()
        .map(c -> translate(formId, c.key(), "label", c.label(), locale))
        .orElse(key);
  }

  private List<FormView.Field> fields(
      String formId,
      List<FormComponent> components,
      Map<String, ?> values,
      Map<String, String> errors,
      Map<String, ?> variables,
      Locale locale,
      ZoneId zone) {
    List<FormView.Field> fields = new ArrayList<>();
    for (FormComponent c : components) {
      String name = c.key() != null ? c.key() : c.id();
      Object value = values.containsKey(name) ? values.get(name) : c.defaultValue();
      List<String> chosen = texts(value);
      List<FormView.Choice> options =
          c.options().stream()
              .map(
                  o ->
                      new FormView.Choice(
                          o.value(),
                          translate(formId, name, "option." + o.value(), o.label(), locale),
                          chosen.contains(o.value())))
              .toList();
      FormComponent.Validation rules = c.validation();
      String inputType =
          c.type() == FormComponentType.DATETIME
              ? switch (c.dateSubtype()) {
                case "time" -> "time";
                case "datetime" -> "datetime-local";
                default -> "date";
              }
              : null;
      String step =
          c.type() == FormComponentType.NUMBER
              ? c.decimalDigits() == null
                  ? "any"
                  : c.decimalDigits() == 0
                      ? "1"
                      : java.math.BigDecimal.ONE.movePointLeft(c.decimalDigits()).toPlainString()
              : null;
      fields.add(
          new FormView.Field(
              "field-" + formId + "-" + name,
              c.type().key(),
              c.key(),
              c.label() == null ? null : translate(formId, name, "label", c.label(), locale),
              c.description() == null
                  ? null
                  : translate(formId, name, "description", c.description(), locale),
              rules.required(),
              c.readonly(),
              chosen.isEmpty() ? null : chosen.get(0),
              chosen,
              options,
              c.key() == null ? null : errors.get(c.key()),
              rules.minLength(),
              rules.maxLength(),
              rules.min() == null ? null : rules.min().toPlainString(),
              rules.max() == null ? null : rules.max().toPlainString(),
              step,
              rules.pattern(),
              inputType,
              c.disallowPassedDates() ? LocalDate.now(zone).toString() : null,
              c.type() == FormComponentType.TEXT
                  ? blocks(
                      translate(formId, name, "text", c.text(), locale),
                      readable(formId, name, c.text(), variables, locale))
                  : List.of(),
              fields(formId, c.components(), values, errors, variables, locale, zone)));
    }
    return fields;
  }

  private static List<String> texts(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof Collection<?> c) {
      return c.stream().filter(Objects::nonNull).map(String::valueOf).toList();
    }
    return List.of(String.valueOf(value));
  }

  /** Markdown headings and paragraphs, placeholders filled; everything else stays plain text. */
  static List<FormView.TextBlock> blocks(String text, Map<String, ?> variables) {
    List<FormView.TextBlock> blocks = new ArrayList<>();
    if (text == null) {
      return blocks;
    }
    Matcher m = FormSchemaReader.PLACEHOLDER.matcher(text);
    StringBuilder filled = new StringBuilder();
    while (m.find()) {
      Object value = variables == null ? null : variables.get(m.group(1));
      m.appendReplacement(filled, Matcher.quoteReplacement(value == null ? "" : value.toString()));
    }
    m.appendTail(filled);
    for (String block : filled.toString().split("\\n\\s*\\n")) {
      String trimmed = block.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      int level = 0;
      while (level < trimmed.length() && level < 6 && trimmed.charAt(level) == '#') {
        level++;
      }
      if (level > 0 && level < trimmed.length() && trimmed.charAt(level) == ' ') {
        blocks.add(new FormView.TextBlock(level, trimmed.substring(level + 1).strip()));
      } else {
        blocks.add(new FormView.TextBlock(0, trimmed));
      }
    }
    return blocks;
  }

  /**
   * The variables a text shows, a stored value such as "two-thirds" in the reader's language where
   * {@code forms.<formId>.<componentId>.value.<variable>.<value>} names it.
   */
  private Map<String, ?> readable(
      String formId, String name, String text, Map<String, ?> variables, Locale locale) {
    if (text == null || variables == null || variables.isEmpty()) {
      return variables;
    }
    Map<String, Object> shown = new java.util.HashMap<>(variables);
    Matcher m = FormSchemaReader.PLACEHOLDER.matcher(text);
    while (m.find()) {
      String variable = m.group(1);
      if (variables.get(variable) instanceof String value && value.length() <= 100) {
        shown.put(
            variable, translate(formId, name, "value." + variable + "." + value, value, locale));
      }
    }
    return shown;
  }

  private String translate(
      String formId, String name, String what, String fallback, Locale locale) {
    return messages.getMessage("forms." + formId + "." + name + "." + what, null, fallback, locale);
  }
}

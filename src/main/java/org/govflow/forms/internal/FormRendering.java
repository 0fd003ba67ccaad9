package org.govflow.forms.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import org.govflow.forms.FieldError;
import org.govflow.forms.FormComponent;
import org.govflow.forms.FormComponentType;
import org.govflow.forms.FormSchema;
import org.govflow.forms.FormView;
import org.springframework.context.MessageSource;

/**
 * A form as a page shows it: fields with their labels, descriptions and options in the reader's
 * language, the values and errors to show, the HTML input types and limits, and text components as
 * headings and paragraphs with their {@code {{placeholders}}} filled.
 *
 * @param locale the reader's language
 * @param zone the reader's time zone (for "no passed dates")
 */
public record FormRendering(MessageSource messages, Locale locale, ZoneId zone) {

  /**
   * The form for a page.
   *
   * @param values the values to show: what was submitted, or the process variables
   * @param errors the errors to show beside their fields
   * @param variables what text components' {@code {{placeholders}}} are filled with
   */
  public FormView view(
      FormSchema schema, Map<String, ?> values, List<FieldError> errors, Map<String, ?> variables) {
    Map<String, String> errorByField = new TreeMap<>();
    for (FieldError e : errors) {
      errorByField.putIfAbsent(e.field(), e.message());
    }
    List<FormView.Field> fields =
        fields(schema.id(), schema.components(), values, errorByField, variables);
    return new FormView(schema.id(), fields, !errors.isEmpty());
  }

  private List<FormView.Field> fields(
      String formId,
      List<FormComponent> components,
      Map<String, ?> values,
      Map<String, String> errors,
      Map<String, ?> variables) {
    List<FormView.Field> fields = new ArrayList<>();
    for (FormComponent c : components) {
      String name = c.key() != null ? c.key() : c.id();
      Object value = values.containsKey(name) ? values.get(name) : c.defaultValue();
      List<String> chosen = texts(value);
      List<FormView.Choice> options =
          c.valuesKey() != null
              ? computed(variables, c.valuesKey(), chosen)
              : c.options().stream()
                  .map(
                      o ->
                          new FormView.Choice(
                              o.value(),
                              translate(formId, name, "option." + o.value(), o.label()),
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
              c.label() == null ? null : translate(formId, name, "label", c.label()),
              c.description() == null
                  ? null
                  : translate(formId, name, "description", c.description()),
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
                      translate(formId, name, "text", c.text()),
                      readable(formId, name, c.text(), variables))
                  : List.of(),
              fields(formId, c.components(), values, errors, variables)));
    }
    return fields;
  }

  /** The options the task computed (a list of {@code {value, label}} maps), in its order. */
  private static List<FormView.Choice> computed(
      Map<String, ?> variables, String valuesKey, List<String> chosen) {
    if (variables == null || !(variables.get(valuesKey) instanceof Collection<?> items)) {
      return List.of();
    }
    List<FormView.Choice> choices = new ArrayList<>();
    for (Object item : items) {
      if (item instanceof Map<?, ?> m && m.get("value") != null) {
        String value = String.valueOf(m.get("value"));
        Object label = m.get("label");
        choices.add(
            new FormView.Choice(
                value, label == null ? value : String.valueOf(label), chosen.contains(value)));
      }
    }
    return choices;
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
  private static List<FormView.TextBlock> blocks(String text, Map<String, ?> variables) {
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
   * The variables a text shows as the reader reads them: a variable with their language's suffix
   * ({@code partnerName_fr}) instead of the bare one; a day ({@code 2027-03-31}) in their language;
   * a point in time (a {@link java.util.Date}) in their language and time zone, the zone named; a
   * stored value such as "two-thirds" in their language where {@code
   * forms.<formId>.<componentId>.value.<variable>.<value>} names it.
   */
  private Map<String, ?> readable(
      String formId, String name, String text, Map<String, ?> variables) {
    if (text == null || variables == null || variables.isEmpty()) {
      return variables;
    }
    Map<String, Object> shown = new java.util.HashMap<>(variables);
    Matcher m = FormSchemaReader.PLACEHOLDER.matcher(text);
    while (m.find()) {
      String variable = m.group(1);
      Object value = variables.get(variable);
      if (variables.get(variable + "_" + locale.getLanguage()) instanceof String own
          && !own.isBlank()) {
        shown.put(variable, own);
      } else if (value instanceof String day && ISO_DAY.matcher(day).matches()) {
        shown.put(variable, day(day));
      } else if (value instanceof java.util.Date at) {
        ZoneId reader = zone == null ? ZoneId.of("UTC") : zone;
        shown.put(
            variable,
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                    .withLocale(locale)
                    .withZone(reader)
                    .format(at.toInstant())
                + " ("
                + reader.getId()
                + ")");
      } else if (value instanceof String stored && stored.length() <= 100) {
        shown.put(variable, translate(formId, name, "value." + variable + "." + stored, stored));
      }
    }
    return shown;
  }

  private static final java.util.regex.Pattern ISO_DAY =
      java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private String day(String iso) {
    try {
      return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
          .withLocale(locale)
          .format(LocalDate.parse(iso));
    } catch (java.time.format.DateTimeParseException notADay) {
      return iso;
    }
  }

  private String translate(String formId, String name, String what, String fallback) {
    return messages.getMessage("forms." + formId + "." + name + "." + what, null, fallback, locale);
  }
}

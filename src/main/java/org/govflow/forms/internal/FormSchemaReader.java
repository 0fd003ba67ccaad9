package org.govflow.forms.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import lombok.RequiredArgsConstructor;
import org.govflow.forms.FormComponent;
import org.govflow.forms.FormComponentType;
import org.govflow.forms.FormSchema;

/**
 * Reads a .form file into the typed model, refusing anything govflow could not render or validate
 * the way Tasklist would: unknown component types, FEEL expressions, conditions, options loaded
 * from variables, groups with a value path. A refused form fails a test, never a user.
 */
@RequiredArgsConstructor
public final class FormSchemaReader {

  /** The placeholders text components may use: a plain variable name. */
  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");

  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Set<String> DATE_SUBTYPES = Set.of("date", "time", "datetime");
  private static final Set<String> VALIDATION_TYPES = Set.of("email", "phone");
  private static final Set<String> UNSUPPORTED =
      Set.of("conditional", "valuesExpression", "expression", "source", "url");

  private final ObjectMapper json;

  public FormSchema read(String name, byte[] content) {
    JsonNode root;
    try {
      root = json.readTree(content);
    } catch (IOException e) {
      throw new UnsupportedFormException(name + " is not valid JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new UnsupportedFormException(name + " is not a form: no JSON object");
    }
    String id = root.path("id").asText(null);
    if (id == null || id.isBlank()) {
      throw new UnsupportedFormException(name + " has no id");
    }
    Set<String> keys = new HashSet<>();
    List<FormComponent> components = components(name, root.path("components"), keys);
    return new FormSchema(id, components);
  }

  private List<FormComponent> components(String name, JsonNode array, Set<String> keys) {
    List<FormComponent> components = new ArrayList<>();
    if (array.isMissingNode()) {
      return components;
    }
    if (!array.isArray()) {
      throw new UnsupportedFormException(name + ": components is not a list");
    }
    for (JsonNode node : array) {
      components.add(component(name, node, keys));
    }
    return List.copyOf(components);
  }

  private FormComponent component(String name, JsonNode node, Set<String> keys) {
    String typeKey = node.path("type").asText("");
    String where = name + ", component '" + node.path("id").asText(typeKey) + "'";
    FormComponentType type =
        FormComponentType.fromKey(typeKey)
            .orElseThrow(
                () ->
                    new UnsupportedFormException(
                        where + ": component type '" + typeKey + "' is not supported"));
    for (String property : UNSUPPORTED) {
      if (node.has(property)) {
        throw new UnsupportedFormException(where + ": '" + property + "' is not supported");
      }
    }
    Iterator<String> fields = node.fieldNames();
    while (fields.hasNext()) {
      String field = fields.next();
      JsonNode value = node.get(field);
      if (value.isTextual() && value.asText().startsWith("=") && !field.equals("text")) {
        throw new UnsupportedFormException(where + ": FEEL expression in '" + field + "'");
      }
    }
    String key = text(node, "key");
    if (type.input()) {
      if (key == null || key.isBlank()) {
        throw new UnsupportedFormException(where + ": an input component needs a key");
      }
      if (!VARIABLE.matcher(key).matches()) {
        throw new UnsupportedFormException(where + ": key '" + key + "' is not a variable name");
      }
      if (!keys.add(key)) {
        throw new UnsupportedFormException(where + ": key '" + key + "' is used twice");
      }
    }
    if (type == FormComponentType.GROUP
        && node.hasNonNull("path")
        && !node.path("path").asText().isEmpty()) {
      throw new UnsupportedFormException(where + ": groups with a path are not supported");
    }
    String subtype = text(node, "subtype");
    if (type == FormComponentType.DATETIME && subtype != null && !DATE_SUBTYPES.contains(subtype)) {
      throw new UnsupportedFormException(where + ": datetime subtype '" + subtype + "'");
    }
    String text = text(node, "text");
    if (type == FormComponentType.TEXT) {
      if (text != null && text.startsWith("=")) {
        throw new UnsupportedFormException(where + ": FEEL expression in 'text'");
      }
      Matcher m = PLACEHOLDER.matcher(text == null ? "" : text);
      while (m.find()) {
        if (!VARIABLE.matcher(m.group(1)).matches()) {
          throw new UnsupportedFormException(
              where + ": only {{variable}} placeholders are supported, not {{" + m.group(1) + "}}");
        }
      }
    }
    String valuesKey = text(node, "valuesKey");
    if (valuesKey != null
        && (!type.hasOptions() || !FormComponent.DYNAMIC_OPTIONS.contains(valuesKey))) {
      throw new UnsupportedFormException(
          where
              + ": valuesKey '"
              + valuesKey
              + "' is not supported (only "
              + new java.util.TreeSet<>(FormComponent.DYNAMIC_OPTIONS)
              + " on options)");
    }
    List<FormComponent.Option> options =
        valuesKey != null ? List.of() : options(where, type, node.path("values"));
    FormComponent.Validation validation = validation(where, type, node.path("validate"));
    String label = text(node, "label");
    if (type == FormComponentType.DATETIME && label == null) {
      label = "time".equals(subtype) ? text(node, "timeLabel") : text(node, "dateLabel");
    }
    Integer decimalDigits =
        node.hasNonNull("decimalDigits") ? node.get("decimalDigits").asInt() : null;
    Object defaultValue =
        node.hasNonNull("defaultValue")
            ? json.convertValue(node.get("defaultValue"), Object.class)
            : null;
    List<FormComponent> children =
        type == FormComponentType.GROUP
            ? components(name, node.path("components"), keys)
            : List.of();
    return new FormComponent(
        text(node, "id"),
        type,
        key,
        label,
        text(node, "description"),
        text,
        subtype,
        node.path("disallowPassedDates").asBoolean(false),
        options,
        valuesKey,
        validation,
        node.path("readonly").asBoolean(false) || node.path("disabled").asBoolean(false),
        decimalDigits,
        defaultValue,
        children);
  }

  private static List<FormComponent.Option> options(
      String where, FormComponentType type, JsonNode values) {
    if (!type.hasOptions()) {
      return List.of();
    }
    if (!values.isArray() || values.isEmpty()) {
      throw new UnsupportedFormException(where + ": " + type.key() + " needs static values");
    }
    List<FormComponent.Option> options = new ArrayList<>();
    for (JsonNode v : values) {
      if (!v.path("value").isValueNode()) {
        throw new UnsupportedFormException(where + ": every value needs a 'value'");
      }
      String value = v.path("value").asText();
      options.add(new FormComponent.Option(value, v.path("label").asText(value)));
    }
    return List.copyOf(options);
  }

  private static FormComponent.Validation validation(
      String where, FormComponentType type, JsonNode validate) {
    if (validate.isMissingNode() || validate.isNull()) {
      return FormComponent.Validation.NONE;
    }
    String pattern = text(validate, "pattern");
    if (pattern != null) {
      try {
        Pattern.compile(pattern);
      } catch (PatternSyntaxException e) {
        throw new UnsupportedFormException(where + ": pattern is not a valid regular expression");
      }
    }
    String validationType = text(validate, "validationType");
    if (validationType != null
        && !validationType.isEmpty()
        && !VALIDATION_TYPES.contains(validationType)) {
      throw new UnsupportedFormException(where + ": validationType '" + validationType + "'");
    }
    if (validationType != null && validationType.isEmpty()) {
      validationType = null;
    }
    return new FormComponent.Validation(
        validate.path("required").asBoolean(false),
        validate.hasNonNull("minLength") ? validate.get("minLength").asInt() : null,
        validate.hasNonNull("maxLength") ? validate.get("maxLength").asInt() : null,
        validate.hasNonNull("min") ? validate.get("min").decimalValue() : null,
        validate.hasNonNull("max") ? validate.get("max").decimalValue() : null,
        pattern,
        validationType);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}

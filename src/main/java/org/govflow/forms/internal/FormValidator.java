package org.govflow.forms.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.govflow.forms.FieldError;
import org.govflow.forms.FormComponent;
import org.govflow.forms.FormComponentType;
import org.govflow.forms.FormSchema;
import org.govflow.forms.FormSubmission;
import org.springframework.context.MessageSource;

/**
 * Checks submitted values against a form the way Camunda Forms does in the browser (required,
 * lengths, ranges, patterns, options, dates), so that the API and the pages hold to the same rules
 * as Tasklist. Values come from JSON (typed) or from an HTML form (text); both are converted to the
 * types Tasklist would store: text, numbers, booleans, ISO dates as text.
 */
@RequiredArgsConstructor
public final class FormValidator {

  private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");
  private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()./-]{6,}$");
  private static final Set<String> TRUE = Set.of("true", "on", "yes", "1");
  private static final Set<String> FALSE = Set.of("false", "off", "no", "0");

  private final MessageSource messages;
  private final ObjectMapper json;

  public FormSubmission validate(
      FormSchema schema, Map<String, ?> submitted, Locale locale, ZoneId zone) {
    Map<String, Object> values = new LinkedHashMap<>();
    List<FieldError> errors = new ArrayList<>();
    Map<String, ?> input = submitted == null ? Map.of() : submitted;
    for (FormComponent field : schema.inputs()) {
      if (field.readonly()) {
        continue;
      }
      try {
        Object value = convert(field, input.get(field.key()), zone);
        String problem = check(field, value, zone);
        if (problem != null) {
          throw new Refused(problem);
        }
        if (value != null) {
          values.put(field.key(), store(field, value));
        }
      } catch (Refused refused) {
        errors.add(new FieldError(field.key(), message(refused.key, refused.args, locale)));
      }
    }
    return new FormSubmission(values, List.copyOf(errors));
  }

  /** The value in its Java type, or null when nothing was entered. */
  private Object convert(FormComponent field, Object raw, ZoneId zone) {
    raw = single(field, raw);
    if (raw == null || (raw instanceof String s && s.isEmpty())) {
      return field.type() == FormComponentType.CHECKBOX ? Boolean.FALSE : null;
    }
    return switch (field.type()) {
      case TEXTFIELD, TEXTAREA, RADIO, SELECT -> {
        if (!(raw instanceof String s)) {
          throw new Refused(field.type().hasOptions() ? "forms.error.option" : "forms.error.text");
        }
        yield s;
      }
      case NUMBER -> number(raw);
      case CHECKBOX -> {
        if (raw instanceof Boolean b) {
          yield b;
        }
        String s = String.valueOf(raw).toLowerCase(Locale.ROOT);
        if (raw instanceof String && TRUE.contains(s)) {
          yield Boolean.TRUE;
        }
        if (raw instanceof String && FALSE.contains(s)) {
          yield Boolean.FALSE;
        }
        throw new Refused("forms.error.boolean");
      }
      case CHECKLIST, TAGLIST -> {
        Collection<?> items = raw instanceof Collection<?> c ? c : List.of(raw);
        List<String> list = new ArrayList<>();
        for (Object item : items) {
          if (!(item instanceof String s)) {
            throw new Refused("forms.error.option");
          }
          if (!s.isEmpty() && !list.contains(s)) {
            list.add(s);
          }
        }
        yield list.isEmpty() ? null : List.copyOf(list);
      }
      case DATETIME -> date(field, raw, zone);
      default -> null;
    };
  }

  /**
   * A list where one value is expected is refused, whatever its length (an API client's {@code
   * ["a"]} is not the text "a"); only a checkbox takes one, since a page sends a checked box's
   * value behind its hidden "false".
   */
  private static Object single(FormComponent field, Object raw) {
    if (!field.type().multiple() && raw instanceof List<?> list) {
      if (field.type() == FormComponentType.CHECKBOX && list.size() > 1) {
        // a checked box behind a hidden "false" field sends both
        return list.stream().map(String::valueOf).anyMatch(TRUE::contains);
      }
      throw new Refused(
          field.type() == FormComponentType.CHECKBOX
              ? "forms.error.boolean"
              : field.type().hasOptions() ? "forms.error.option" : "forms.error.text");
    }
    return raw;
  }

  private static BigDecimal number(Object raw) {
    if (raw instanceof Boolean) {
      throw new Refused("forms.error.number");
    }
    BigDecimal n;
    try {
      if (raw instanceof Number number) {
        // a JSON number beyond a double's range arrives as Infinity, which no BigDecimal holds
        n = new BigDecimal(number.toString());
      } else if (raw instanceof String s) {
        n = new BigDecimal(s.trim());
      } else {
        throw new Refused("forms.error.number");
      }
    } catch (NumberFormatException e) {
      throw new Refused("forms.error.number");
    }
    if (n.abs().compareTo(LARGEST) > 0) {
      throw new Refused("forms.error.number");
    }
    return n;
  }

  /** The largest number a form field holds: the engine stores numbers as longs or doubles. */
  private static final BigDecimal LARGEST = new BigDecimal(Double.MAX_VALUE);

  private static Object date(FormComponent field, Object raw, ZoneId zone) {
    if (!(raw instanceof String s)) {
      throw new Refused("forms.error." + field.dateSubtype());
    }
    String text = s.trim();
    try {
      return switch (field.dateSubtype()) {
        case "time" -> LocalTime.parse(text);
        case "datetime" -> {
          try {
            yield OffsetDateTime.parse(text);
          } catch (DateTimeParseException local) {
            // what an HTML datetime-local field sends: a time in the reader's own zone
            yield LocalDateTime.parse(text).atZone(zone).toOffsetDateTime();
          }
        }
        default -> LocalDate.parse(text);
      };
    } catch (DateTimeParseException e) {
      throw new Refused("forms.error." + field.dateSubtype());
    }
  }

  /** The first rule the value breaks, as a message key, or null. */
  private static String check(FormComponent field, Object value, ZoneId zone) {
    FormComponent.Validation rules = field.validation();
    boolean empty =
        value == null
            || (value instanceof String s && s.isBlank())
            || (value instanceof Boolean b && !b && field.type() == FormComponentType.CHECKBOX);
    if (empty) {
      if (rules.required()) {
        throw new Refused("forms.error.required");
      }
      return null;
    }
    if (value instanceof String s && !field.type().hasOptions()) {
      int length = s.codePointCount(0, s.length());
      if (rules.minLength() != null && length < rules.minLength()) {
        throw new Refused("forms.error.minLength", rules.minLength());
      }
      if (rules.maxLength() != null && length > rules.maxLength()) {
        throw new Refused("forms.error.maxLength", rules.maxLength());
      }
      // like Camunda Forms (RegExp.test): the pattern must be found in the value
      if (rules.pattern() != null && !Pattern.compile(rules.pattern()).matcher(s).find()) {
        throw new Refused("forms.error.pattern");
      }
      if ("email".equals(rules.validationType()) && !EMAIL.matcher(s).matches()) {
        throw new Refused("forms.error.email");
      }
      if ("phone".equals(rules.validationType()) && !PHONE.matcher(s).matches()) {
        throw new Refused("forms.error.phone");
      }
    }
    // options computed for the task (valuesKey) are checked by the step's own rules
    if (field.type().hasOptions() && field.valuesKey() == null) {
      Set<String> allowed =
          field.options().stream().map(FormComponent.Option::value).collect(Collectors.toSet());
      Collection<?> chosen = value instanceof Collection<?> c ? c : List.of(value);
      if (!allowed.containsAll(chosen)) {
        throw new Refused("forms.error.option");
      }
    }
    if (value instanceof BigDecimal n) {
      if (rules.min() != null && n.compareTo(rules.min()) < 0) {
        throw new Refused("forms.error.min", rules.min().toPlainString());
      }
      if (rules.max() != null && n.compareTo(rules.max()) > 0) {
        throw new Refused("forms.error.max", rules.max().toPlainString());
      }
      if (field.decimalDigits() != null
          && Math.max(n.stripTrailingZeros().scale(), 0) > field.decimalDigits()) {
        throw new Refused("forms.error.decimalDigits", field.decimalDigits());
      }
    }
    if (field.disallowPassedDates()) {
      LocalDate today = LocalDate.now(zone);
      LocalDate day =
          value instanceof LocalDate d
              ? d
              : value instanceof OffsetDateTime t ? t.atZoneSameInstant(zone).toLocalDate() : null;
      if (day != null && day.isBefore(today)) {
        throw new Refused("forms.error.pastDate");
      }
    }
    return null;
  }

  /** The value as Tasklist would store it. */
  private Object store(FormComponent field, Object value) {
    if (value instanceof BigDecimal n) {
      BigDecimal stripped = n.stripTrailingZeros();
      if (stripped.scale() <= 0
          && stripped.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
        return stripped.longValueExact();
      }
      return n.doubleValue();
    }
    if (value instanceof LocalDate d) {
      return d.toString();
    }
    if (value instanceof LocalTime t) {
      return t.format(DateTimeFormatter.ofPattern("HH:mm"));
    }
    if (value instanceof OffsetDateTime t) {
      return t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
    if (value instanceof List<?> list) {
      // without Camunda Spin a list cannot be a JSON variable; its JSON text is the next best thing
      try {
        return json.writeValueAsString(list);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    return value;
  }

  private String message(String key, Object[] args, Locale locale) {
    return messages.getMessage(key, args, key, locale);
  }

  /** A value the form refuses; the key names the message. */
  private static final class Refused extends RuntimeException {
    final String key;
    final Object[] args;

    Refused(String key, Object... args) {
      super(key, null, false, false);
      this.key = key;
      this.args = args;
    }
  }
}

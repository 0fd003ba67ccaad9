package org.govflow.forms;

import java.math.BigDecimal;
import java.util.List;

/**
 * One component of a form, as the .form file describes it.
 *
 * @param id the component's id in the schema
 * @param type what it is
 * @param key the variable it binds to (input components only)
 * @param label the English label (for datetime: the date or time label)
 * @param description the English help text
 * @param text the markdown of a text component, with {@code {{variable}}} placeholders
 * @param subtype for datetime: {@code date}, {@code time} or {@code datetime}
 * @param disallowPassedDates for datetime: only today or later
 * @param options the allowed values of radio, select, checklist and taglist
 * @param valuesKey where the options come from when the task computes them (form-js {@code
 *     valuesKey}): one of {@link #DYNAMIC_OPTIONS}, a list of {@code {value, label}} in the task's
 *     variables; null for static options
 * @param validation the rules for the submitted value
 * @param readonly shown but never taken from a submission
 * @param decimalDigits for number: the most decimal places allowed
 * @param defaultValue the value before the user changes it
 * @param components the components inside a group
 */
public record FormComponent(
    String id,
    FormComponentType type,
    String key,
    String label,
    String description,
    String text,
    String subtype,
    boolean disallowPassedDates,
    List<Option> options,
    String valuesKey,
    Validation validation,
    boolean readonly,
    Integer decimalDigits,
    Object defaultValue,
    List<FormComponent> components) {

  /**
   * The {@code valuesKey}s a form may use, each filled for the task by the inbox: the members of
   * the task's body by name (value: the person's id), with or without the person acting.
   */
  public static final java.util.Set<String> DYNAMIC_OPTIONS =
      java.util.Set.of("bodyMembers", "otherBodyMembers");

  /** A value the user may choose, with its English label. */
  public record Option(String value, String label) {}

  /**
   * The {@code validate} block of a component.
   *
   * @param validationType {@code email} or {@code phone} for text fields, else null
   */
  public record Validation(
      boolean required,
      Integer minLength,
      Integer maxLength,
      BigDecimal min,
      BigDecimal max,
      String pattern,
      String validationType) {

    public static final Validation NONE = new Validation(false, null, null, null, null, null, null);
  }

  /** The datetime subtype, {@code date} when the schema does not say. */
  public String dateSubtype() {
    return subtype == null ? "date" : subtype;
  }
}

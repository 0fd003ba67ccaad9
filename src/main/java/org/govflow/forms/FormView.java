package org.govflow.forms;

import java.util.List;

/**
 * A form ready for the page, in the reader's language: what the Thymeleaf fragment {@code
 * forms/fields :: fields(form)} renders.
 */
public record FormView(String formId, List<Field> fields, boolean hasErrors) {

  /** The fields in error, groups' included, in page order: for the error summary. */
  public List<Field> errors() {
    List<Field> found = new java.util.ArrayList<>();
    collect(fields, found);
    return found;
  }

  private static void collect(List<Field> fields, List<Field> found) {
    for (Field f : fields) {
      if (f.error() != null) {
        found.add(f);
      }
      if (f.children() != null) {
        collect(f.children(), found);
      }
    }
  }

  /**
   * One component on the page.
   *
   * @param htmlId the element id, unique on the page
   * @param type the component type's key ({@code textfield}, {@code group}...)
   * @param key the field name submitted
   * @param value the current value of a single-valued field, as text
   * @param values the current values of a checklist or taglist
   * @param inputType for datetime: {@code date}, {@code time} or {@code datetime-local}
   * @param minDate for datetime with disallowPassedDates: today in the reader's zone
   * @param text the blocks of a text component
   */
  public record Field(
      String htmlId,
      String type,
      String key,
      String label,
      String description,
      boolean required,
      boolean readonly,
      String value,
      List<String> values,
      List<Choice> options,
      String error,
      Integer minLength,
      Integer maxLength,
      String min,
      String max,
      String step,
      String pattern,
      String inputType,
      String minDate,
      List<TextBlock> text,
      List<Field> children) {}

  /** An option, with its translated label and whether it is chosen. */
  public record Choice(String value, String label, boolean selected) {}

  /** A heading (level 1 to 6) or a paragraph (level 0) of a text component. */
  public record TextBlock(int level, String text) {}
}

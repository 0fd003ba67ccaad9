package org.govflow.forms;

import java.util.Arrays;
import java.util.Optional;

/** The components of Camunda 7.24's Tasklist forms that govflow renders and validates. */
public enum FormComponentType {
  TEXT("text", false),
  TEXTFIELD("textfield", true),
  TEXTAREA("textarea", true),
  NUMBER("number", true),
  CHECKBOX("checkbox", true),
  CHECKLIST("checklist", true),
  RADIO("radio", true),
  SELECT("select", true),
  TAGLIST("taglist", true),
  DATETIME("datetime", true),
  GROUP("group", false),
  SEPARATOR("separator", false),
  SPACER("spacer", false);

  private final String key;
  private final boolean input;

  FormComponentType(String key, boolean input) {
    this.key = key;
    this.input = input;
  }

  /** The {@code type} in the .form file. */
  public String key() {
    return key;
  }

  /** Whether the component holds a value the user submits. */
  public boolean input() {
    return input;
  }

  /** Whether the value is one or more of the component's listed options. */
  public boolean hasOptions() {
    return this == RADIO || this == SELECT || this == CHECKLIST || this == TAGLIST;
  }

  /** Whether the value is a list. */
  public boolean multiple() {
    return this == CHECKLIST || this == TAGLIST;
  }

  public static Optional<FormComponentType> fromKey(String key) {
    return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
  }
}

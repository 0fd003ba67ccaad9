package org.govflow.forms;

import java.util.ArrayList;
import java.util.List;

/** A form read from a .form file: its id (what {@code camunda:formRef} names) and components. */
public record FormSchema(String id, List<FormComponent> components) {

  /** Every component that takes a value, groups flattened, in the order of the form. */
  public List<FormComponent> inputs() {
    List<FormComponent> inputs = new ArrayList<>();
    collect(components, inputs);
    return inputs;
  }

  private static void collect(List<FormComponent> components, List<FormComponent> into) {
    for (FormComponent c : components) {
      if (c.type().input()) {
        into.add(c);
      } else if (c.type() == FormComponentType.GROUP) {
        collect(c.components(), into);
      }
    }
  }
}

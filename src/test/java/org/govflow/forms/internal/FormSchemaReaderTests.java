package org.govflow.forms.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.govflow.forms.FormComponent;
import org.govflow.forms.FormComponentType;
import org.govflow.forms.FormSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every form in forms/ is one govflow can render and validate; anything else fails here. */
class FormSchemaReaderTests {

  private final FormSchemaReader reader = new FormSchemaReader(new ObjectMapper());

  static Stream<Path> formFiles() throws IOException {
    return Files.list(Path.of("forms")).filter(p -> p.toString().endsWith(".form")).sorted();
  }

  @ParameterizedTest
  @MethodSource("formFiles")
  void everyFormInTheRepositoryUsesOnlySupportedComponents(Path file) throws IOException {
    FormSchema schema = reader.read(file.toString(), Files.readAllBytes(file));

    assertThat(schema.id()).isEqualTo(file.getFileName().toString().replace(".form", ""));
    assertThat(schema.inputs()).isNotEmpty().allSatisfy(c -> assertThat(c.key()).isNotBlank());
  }

  @Test
  void thereAreFormsToCheck() throws IOException {
    assertThat(formFiles()).isNotEmpty();
  }

  @Test
  void readsTheStartFormOfDocumentApproval() throws IOException {
    FormSchema schema =
        reader.read("start", Files.readAllBytes(Path.of("forms/document-approval-start.form")));

    assertThat(schema.inputs())
        .extracting(FormComponent::key)
        .containsExactly("title", "summary", "approvingBody", "respondBy");
    FormComponent title = schema.inputs().get(0);
    assertThat(title.validation().required()).isTrue();
    assertThat(title.validation().minLength()).isEqualTo(3);
    assertThat(title.validation().maxLength()).isEqualTo(200);
    FormComponent respondBy = schema.inputs().get(3);
    assertThat(respondBy.type()).isEqualTo(FormComponentType.DATETIME);
    assertThat(respondBy.label()).isEqualTo("Respond by");
    assertThat(respondBy.disallowPassedDates()).isTrue();
    assertThat(schema.inputs().get(2).options()).hasSize(7);
  }

  @Test
  void readsEveryComponentTypeTasklistKnows() {
    String form =
        """
        {"id": "all", "components": [
          {"type": "text", "id": "t", "text": "# Hello {{name}}"},
          {"type": "textfield", "key": "a", "validate": {"pattern": "^[A-Z]+$", "validationType": "email"}},
          {"type": "textarea", "key": "b"},
          {"type": "number", "key": "c", "decimalDigits": 2, "validate": {"min": 1, "max": 10}},
          {"type": "checkbox", "key": "d"},
          {"type": "checklist", "key": "e", "values": [{"label": "X", "value": "x"}]},
          {"type": "radio", "key": "f", "values": [{"label": "X", "value": "x"}]},
          {"type": "select", "key": "g", "values": [{"label": "X", "value": "x"}]},
          {"type": "taglist", "key": "h", "values": [{"label": "X", "value": "x"}]},
          {"type": "datetime", "key": "i", "subtype": "datetime", "dateLabel": "When"},
          {"type": "group", "id": "grp", "label": "G", "components": [{"type": "textfield", "key": "j"}]},
          {"type": "separator"},
          {"type": "spacer"}
        ]}
        """;

    FormSchema schema = reader.read("all", form.getBytes(StandardCharsets.UTF_8));

    assertThat(schema.components())
        .extracting(FormComponent::type)
        .containsExactly(FormComponentType.values());
    assertThat(schema.inputs())
        .extracting(FormComponent::key)
        .containsExactly("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"id\": \"x\", \"components\": [{\"type\": \"filepicker\", \"key\": \"f\"}]}",
        "{\"id\": \"x\", \"components\": [{\"type\": \"dynamiclist\", \"key\": \"f\"}]}",
        "{\"id\": \"x\", \"components\": [{\"type\": \"textfield\", \"key\": \"a\", \"conditional\": {\"hide\": \"=true\"}}]}",
        "{\"id\": \"x\", \"components\": [{\"type\": \"textfield\", \"key\": \"a\", \"label\": \"=name\"}]}",
        "{\"id\": \"x\", \"components\": [{\"type\": \"select\", \"key\": \"a\", \"valuesKey\": \"opts\"}]}",
        "{\"id\": \"x\", \"components\": [{\"type\": \"select\", \"key\": \"a\"}]}",
        "{\"id\": \"x\", \"components\": [{\"type\": \"textfield\"}]}",
        "{\"id\": \"x\", \"components\": [{\"type\": \"textfield\", \"key\": \"a\"}, {\"type\": \"textarea\", \"key\": \"a\"}]}",
        "{\"id\": \"x\", \"components\": [{\"type\": \"text\", \"text\": \"{{ a + b }}\"}]}",
        "{\"id\": \"x\", \"components\": [{\"type\": \"group\", \"path\": \"p\", \"components\": []}]}",
        "{\"id\": \"x\", \"components\": [{\"type\": \"textfield\", \"key\": \"a\", \"validate\": {\"pattern\": \"(\"}}]}",
        "{\"components\": []}",
        "not json"
      })
  void refusesWhatItCannotRenderOrValidate(String form) {
    assertThatThrownBy(() -> reader.read("bad.form", form.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(UnsupportedFormException.class)
        .hasMessageContaining("bad.form");
  }

  @Test
  void readsAPersonPickerWhoseOptionsTheTaskComputes() {
    String form =
        "{\"id\": \"x\", \"components\": [{\"type\": \"select\", \"key\": \"holder\","
            + " \"valuesKey\": \"otherBodyMembers\"}]}";

    FormComponent picker =
        reader.read("x.form", form.getBytes(StandardCharsets.UTF_8)).inputs().get(0);

    assertThat(picker.valuesKey()).isEqualTo("otherBodyMembers");
    assertThat(picker.options()).isEmpty();
  }

  @Test
  void namesTheUnknownComponent() {
    String form =
        "{\"id\": \"x\", \"components\": [{\"id\": \"upload\", \"type\": \"filepicker\"}]}";

    assertThatThrownBy(() -> reader.read("x.form", form.getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("'upload'")
        .hasMessageContaining("'filepicker' is not supported");
    assertThat(List.of(FormComponentType.values())).hasSize(13);
  }
}

package org.govflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The structural promises every model keeps, checked wherever {@code ./mvnw verify} runs (CI adds
 * bpmnlint and form-js rendering): a diagram layout for every element, a history time to live, a
 * form for every start event and user task that resolves to a file in forms/, and every user task
 * routed to a body or a named person with a due date.
 */
class ModelStructureTests {

  private static final Path BPMN = Path.of("bpmn");
  private static final Path FORMS = Path.of("forms");
  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

  @TestFactory
  Stream<DynamicTest> everyModelKeepsItsPromises() throws IOException {
    Map<String, Path> forms = forms();
    return bpmnFiles().stream()
        .map(
            file ->
                DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file, forms)));
  }

  @Test
  void thereAreModelsAndForms() throws IOException {
    assertThat(bpmnFiles()).isNotEmpty();
    assertThat(forms()).isNotEmpty();
  }

  @TestFactory
  Stream<DynamicTest> everyFormIsValidAndReferenced() throws IOException {
    Set<String> referenced = new HashSet<>();
    for (Path file : bpmnFiles()) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (BaseElement el : formElements(model)) {
        referenced.add(el.getAttributeValueNs(CAMUNDA, "formRef"));
      }
    }
    return forms().entrySet().stream()
        .map(
            form ->
                DynamicTest.dynamicTest(
                    form.getValue().getFileName().toString(),
                    () -> {
                      JsonNode schema = new ObjectMapper().readTree(form.getValue().toFile());
                      assertThat(schema.path("components").isArray())
                          .as("%s has components", form.getValue())
                          .isTrue();
                      assertThat(referenced)
                          .as("%s is referenced by a camunda:formRef", form.getValue())
                          .contains(form.getKey());
                    }));
  }

  private static void check(Path file, Map<String, Path> forms) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    Bpmn.validateModel(model);
    List<String> problems = new ArrayList<>();

    Set<String> drawn = new HashSet<>();
    model
        .getModelElementsByType(BpmnShape.class)
        .forEach(s -> drawn.add(s.getBpmnElement().getId()));
    model
        .getModelElementsByType(BpmnEdge.class)
        .forEach(e -> drawn.add(e.getBpmnElement().getId()));
    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      if (!drawn.contains(element.getId())) {
        problems.add(element.getId() + " has no diagram layout (BPMNDI)");
      }
    }

    for (Process process : model.getModelElementsByType(Process.class)) {
      if (process.isExecutable() && process.getCamundaHistoryTimeToLiveString() == null) {
        problems.add("process " + process.getId() + " has no camunda:historyTimeToLive");
      }
    }

    for (BaseElement el : formElements(model)) {
      String ref = el.getAttributeValueNs(CAMUNDA, "formRef");
      if (ref == null) {
        problems.add(el.getId() + " has no camunda:formRef");
      } else if (!forms.containsKey(ref)) {
        problems.add(el.getId() + " refers to form '" + ref + "', which no file in forms/ defines");
      } else if (el.getAttributeValueNs(CAMUNDA, "formRefBinding") == null) {
        problems.add(
            el.getId() + " has a formRef without camunda:formRefBinding (the engine refuses it)");
      }
    }

    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      if (task.getCamundaAssignee() == null
          && task.getCamundaCandidateGroups() == null
          && task.getCamundaCandidateUsers() == null) {
        problems.add("user task " + task.getId() + " is routed to nobody");
      }
      if (task.getName() == null || task.getName().isBlank()) {
        problems.add("user task " + task.getId() + " has no name");
      }
    }
    assertThat(problems).as(file.toString()).isEmpty();
  }

  /** User tasks, and the plain start events of processes (event sub-process starts have none). */
  private static List<BaseElement> formElements(BpmnModelInstance model) {
    List<BaseElement> elements = new ArrayList<>(model.getModelElementsByType(UserTask.class));
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      if (start.getParentElement() instanceof Process && start.getEventDefinitions().isEmpty()) {
        elements.add(start);
      }
    }
    return elements;
  }

  private static List<Path> bpmnFiles() throws IOException {
    try (Stream<Path> files = Files.list(BPMN)) {
      return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
    }
  }

  private static Map<String, Path> forms() throws IOException {
    Map<String, Path> forms = new HashMap<>();
    try (Stream<Path> files = Files.list(FORMS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        String id = new ObjectMapper().readTree(file.toFile()).path("id").asText(null);
        assertThat(id).as("%s has an id", file).isNotBlank();
        assertThat(forms.put(id, file)).as("form id %s is used once", id).isNull();
      }
    }
    return forms;
  }
}

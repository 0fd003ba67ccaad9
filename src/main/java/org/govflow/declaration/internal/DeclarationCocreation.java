package org.govflow.declaration.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The names of declaration-cocreation in one place: the process, its bodies and variables. */
final class DeclarationCocreation {

  static final String PROCESS = "declaration-cocreation";

  static final String SECRETARIAT = "secretariat";
  static final String PRESIDENCY = "presidency";
  static final String GENERAL_ASSEMBLY = "general-assembly";

  /** Who records what the process does alone. */
  static final String SYSTEM = "system";

  /** The languages every declaration is published in. */
  static final List<String> LANGUAGES = List.of("en", "fr", "es");

  // from the start form
  static final String TITLE = "title";
  static final String DRAFT = "draft";
  static final String ROUNDS = "rounds";
  static final String GROUPS = "groups";
  static final String ROUND_DAYS = "roundDays";
  static final String LANGUAGE = "language";
  static final String INITIATOR = "initiator";

  // set by the process
  static final String HOST_CITY = "hostCity";
  static final String ROUND = "round";
  static final String ROUND_ENDS = "roundEnds";
  static final String GROUP = "group";
  static final String VERSION_NUMBER = "versionNumber";
  static final String VERSION_SHA256 = "versionSha256";
  static final String VALIDATION = "validation";
  static final String VALIDATION_COMMENT = "validationComment";
  static final String VALIDATING_BODY = "validatingBody";
  static final String VALIDATION_RETURNED = "validationReturned";
  static final String TARGET_LANGUAGE = "targetLanguage";
  static final String TRANSLATION = "translation";
  static final String ESCALATION = "generalAssemblyEscalation";

  private static final ObjectMapper JSON = new ObjectMapper();

  private DeclarationCocreation() {}

  static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString();
  }

  static int number(VariableScope scope, String name, int otherwise) {
    return scope.getVariable(name) instanceof Number n ? n.intValue() : otherwise;
  }

  /** A checklist's values: the inbox keeps them as a JSON array in a string; tests give a list. */
  static List<String> list(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof Collection<?> c) {
      return c.stream().map(String::valueOf).toList();
    }
    try {
      return List.of(JSON.readValue(value.toString(), String[].class));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not a list of ids: " + value, e);
    }
  }
}

package org.govflow.declaration.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.declaration.DeclarationConcluded;
import org.govflow.declaration.DeclarationConcluded.GroupAmendment;
import org.govflow.declaration.internal.DeclarationRepository.Filed;
import org.govflow.declaration.internal.DeclarationRepository.Row;
import org.govflow.declaration.internal.DeclarationRepository.StoredVersion;
import org.springframework.stereotype.Component;

/**
 * What the contributor groups are told when the declaration's process ends: the outcome, where to
 * read the text, and every amendment not withdrawn with its disposition and the committee's reason,
 * each amendment's paragraph numbered as in the version its group amended.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DeclarationConclusions {

  private final DeclarationRepository repository;
  private final DeclarationTexts texts;

  DeclarationConcluded of(String processInstanceId, String outcome) {
    Row row = texts.declaration(processInstanceId);
    // version number -> paragraph id -> number, in the authentic language
    Map<Integer, Map<String, String>> numbers = new HashMap<>();
    for (StoredVersion v : repository.versions(processInstanceId)) {
      if (v.text().language().equals(row.authenticLanguage())) {
        Map<String, String> byId = numbers.computeIfAbsent(v.number(), k -> new HashMap<>());
        v.text().paragraphs().forEach(p -> byId.put(p.id(), p.number()));
      }
    }
    List<GroupAmendment> amendments = new ArrayList<>();
    for (Filed f : repository.amendments(processInstanceId)) {
      if (f.withdrawn()) {
        continue;
      }
      Amendment a = f.amendment();
      Disposition d = f.disposition();
      amendments.add(
          new GroupAmendment(
              a.group(),
              f.round(),
              a.kind().wire(),
              a.paragraphId() == null
                  ? null
                  : numbers
                      .getOrDefault(f.versionNumber(), Map.of())
                      .getOrDefault(a.paragraphId(), a.paragraphId()),
              a.text(),
              d == null ? null : d.outcome().wire(),
              d == null || d.committeeText().isEmpty() ? null : d.committeeText(),
              d == null || d.reason().isEmpty() ? null : d.reason()));
    }
    return new DeclarationConcluded(
        processInstanceId,
        row.businessKey(),
        row.title(),
        outcome,
        "/declarations/" + row.businessKey(),
        row.groups(),
        amendments);
  }
}

package org.govflow.declaration;

import java.util.List;

/**
 * A declaration's process ended (adopted by the General Assembly, or not): every member of each
 * contributor group is to be told the outcome, where to read the text, and what became of their
 * group's amendments.
 *
 * @param outcome the General Assembly's outcome, e.g. adopted or rejected
 * @param path where the text is read in govflow, e.g. /declarations/DECL-2026-001
 * @param groups the contributor groups' body ids
 * @param amendments every amendment filed and not withdrawn, with its disposition
 */
public record DeclarationConcluded(
    String processInstanceId,
    String businessKey,
    String title,
    String outcome,
    String path,
    List<String> groups,
    List<GroupAmendment> amendments) {

  public DeclarationConcluded {
    groups = List.copyOf(groups);
    amendments = List.copyOf(amendments);
  }

  /**
   * An amendment of a contributor group as the committee disposed of it.
   *
   * @param kind modify, insert-after, delete or comment
   * @param paragraphNumber the number of the paragraph amended as the group saw it, or null for a
   *     comment
   * @param disposition accepted, accepted-as-modified or rejected; null for a comment
   * @param committeeText the committee's text when accepted as modified, else null
   * @param reason the committee's reason, or null
   */
  public record GroupAmendment(
      String group,
      int round,
      String kind,
      String paragraphNumber,
      String text,
      String disposition,
      String committeeText,
      String reason) {}
}

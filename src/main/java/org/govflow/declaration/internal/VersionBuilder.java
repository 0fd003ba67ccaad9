package org.govflow.declaration.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.govflow.web.Refusal;

/**
 * Builds the next version of a declaration from a version and the dispositions of the amendments to
 * it, deterministically: the same version, amendments and dispositions give the same paragraphs and
 * so the same SHA-256, whatever order they are handed in.
 *
 * <ul>
 *   <li>An accepted modify replaces the paragraph's text (the committee's text when accepted as
 *       modified); an accepted delete removes it.
 *   <li>Accepted insertions after one paragraph follow it in the order they were filed (amendment
 *       id); a new paragraph's id is {@code a<amendment id>}. Insertions after a deleted paragraph
 *       take its place.
 *   <li>Two accepted amendments changing one paragraph are a conflict: the build is refused until
 *       the committee resolves it with the paragraph's text.
 *   <li>Numbers: plain numbers (1, 2, 3) stay as they are; the paragraphs after one of them that
 *       are not plain are numbered after it in order: 2bis, 2ter, 2quater...
 * </ul>
 */
final class VersionBuilder {

  private static final List<String> SUFFIXES =
      List.of(
          "bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies");

  private VersionBuilder() {}

  /**
   * The paragraphs changed by more than one accepted amendment, each with those amendments' ids in
   * filing order.
   */
  static Map<String, List<Long>> conflicts(
      List<Amendment> amendments, Map<Long, Disposition> dispositions) {
    Map<String, List<Long>> byParagraph = new TreeMap<>();
    amendments.stream()
        .sorted(Comparator.comparingLong(Amendment::id))
        .filter(a -> a.kind().changesParagraph())
        .filter(a -> accepted(a, dispositions))
        .forEach(
            a -> byParagraph.computeIfAbsent(a.paragraphId(), k -> new ArrayList<>()).add(a.id()));
    byParagraph.values().removeIf(ids -> ids.size() < 2);
    return byParagraph;
  }

  /** The conflicts without a resolution. */
  static List<String> unresolved(
      List<Amendment> amendments,
      Map<Long, Disposition> dispositions,
      Map<String, ConflictResolution> resolutions) {
    return conflicts(amendments, dispositions).keySet().stream()
        .filter(p -> !resolutions.containsKey(p))
        .toList();
  }

  /** The amendments (not comments) that have no disposition yet, in filing order. */
  static List<Long> undisposed(List<Amendment> amendments, Map<Long, Disposition> dispositions) {
    return amendments.stream()
        .filter(a -> a.kind() != Amendment.Kind.COMMENT)
        .map(Amendment::id)
        .filter(id -> !dispositions.containsKey(id))
        .sorted()
        .toList();
  }

  static TextVersion build(
      TextVersion base,
      List<Amendment> amendments,
      Map<Long, Disposition> dispositions,
      Map<String, ConflictResolution> resolutions) {
    List<Long> open = undisposed(amendments, dispositions);
    if (!open.isEmpty()) {
      throw Refusal.conflict("declaration.build.undisposed", open.size());
    }
    List<String> unresolved = unresolved(amendments, dispositions, resolutions);
    if (!unresolved.isEmpty()) {
      throw Refusal.conflict("declaration.build.conflicts", numbers(base, unresolved));
    }
    Map<String, List<Long>> conflicts = conflicts(amendments, dispositions);
    Map<String, Amendment> changes = new LinkedHashMap<>();
    Map<String, List<Amendment>> insertions = new TreeMap<>();
    for (Amendment amendment :
        amendments.stream().sorted(Comparator.comparingLong(Amendment::id)).toList()) {
      if (!accepted(amendment, dispositions)) {
        continue;
      }
      if (base.paragraph(amendment.paragraphId()).isEmpty()) {
        throw Refusal.conflict("declaration.amendment.paragraphUnknown", amendment.paragraphId());
      }
      if (amendment.kind() == Amendment.Kind.INSERT_AFTER) {
        insertions.computeIfAbsent(amendment.paragraphId(), k -> new ArrayList<>()).add(amendment);
      } else if (!conflicts.containsKey(amendment.paragraphId())) {
        changes.put(amendment.paragraphId(), amendment);
      }
    }
    List<Paragraph> next = new ArrayList<>();
    String plain = "0";
    int after = 0;
    for (Paragraph paragraph : base.paragraphs()) {
      String text = paragraph.text();
      boolean deleted = false;
      ConflictResolution resolution =
          conflicts.containsKey(paragraph.id()) ? resolutions.get(paragraph.id()) : null;
      Amendment change = changes.get(paragraph.id());
      if (resolution != null) {
        deleted = resolution.deletes();
        text = resolution.text();
      } else if (change != null) {
        deleted = change.kind() == Amendment.Kind.DELETE;
        text = dispositions.get(change.id()).effectiveText(change);
      }
      if (paragraph.plainNumber()) {
        plain = paragraph.number();
        after = 0;
        if (!deleted) {
          next.add(new Paragraph(paragraph.id(), paragraph.number(), text));
        }
      } else if (!deleted) {
        after++;
        next.add(new Paragraph(paragraph.id(), suffixed(plain, after), text));
      }
      for (Amendment insertion : insertions.getOrDefault(paragraph.id(), List.of())) {
        after++;
        next.add(
            new Paragraph(
                "a" + insertion.id(),
                suffixed(plain, after),
                dispositions.get(insertion.id()).effectiveText(insertion)));
      }
    }
    return TextVersion.of(base.language(), next);
  }

  static String suffixed(String plain, int after) {
    return after <= SUFFIXES.size() ? plain + SUFFIXES.get(after - 1) : plain + "." + after;
  }

  private static boolean accepted(Amendment amendment, Map<Long, Disposition> dispositions) {
    Disposition disposition = dispositions.get(amendment.id());
    return amendment.kind() != Amendment.Kind.COMMENT
        && disposition != null
        && disposition.outcome().accepts();
  }

  private static String numbers(TextVersion base, List<String> ids) {
    return String.join(
        ", ",
        ids.stream().map(id -> base.paragraph(id).map(Paragraph::number).orElse(id)).toList());
  }
}

package org.govflow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.govflow.declaration.internal.Amendment.Kind;
import org.govflow.declaration.internal.Disposition.Outcome;
import org.govflow.declaration.internal.WordDiff.Change;
import org.govflow.declaration.internal.WordDiff.Segment;
import org.govflow.web.Refusal;
import org.junit.jupiter.api.Test;

/** Parsing a zero draft, amendments, dispositions, building the next version, the word diff. */
class DeclarationTextTests {

  private static final String DRAFT =
      """
      # The Daejeon Declaration

      1. We, local and regional governments, gather in Daejeon.
      2. Cities are where the future is made.
      Continued on a second line.
      3. We commit to act together.
      """;

  private static TextVersion zero() {
    return TextVersion.of("en", ZeroDraft.parse(DRAFT));
  }

  @Test
  void aZeroDraftSplitsIntoNumberedParagraphsWithStableIds() {
    List<Paragraph> paragraphs = ZeroDraft.parse(DRAFT);
    assertThat(paragraphs)
        .extracting(Paragraph::id, Paragraph::number)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("p1", "1"),
            org.assertj.core.groups.Tuple.tuple("p2", "2"),
            org.assertj.core.groups.Tuple.tuple("p3", "3"));
    assertThat(paragraphs.get(1).text())
        .isEqualTo("Cities are where the future is made.\nContinued on a second line.");
  }

  @Test
  void aDraftThatDoesNotSplitIsRefusedSayingWhy() {
    assertRefused(() -> ZeroDraft.parse("Just some prose\nwithout numbers."), "textBeforeFirst");
    assertRefused(() -> ZeroDraft.parse("# Title only\n\n"), "noParagraphs");
    assertRefused(() -> ZeroDraft.parse("1. Only one paragraph."), "single");
    assertRefused(() -> ZeroDraft.parse("1. One.\n1. Again."), "duplicateNumber");
    assertRefused(() -> ZeroDraft.parse("1. One.\n2.\n3. Three."), "emptyParagraph");
    assertRefused(() -> ZeroDraft.parse("  "), "empty");
  }

  @Test
  void theHashIsOverTheCanonicalFormAndChangesWithAnyWord() {
    TextVersion a = zero();
    TextVersion b = TextVersion.of("en", ZeroDraft.parse(DRAFT.replace("\n", "\r\n")));
    assertThat(a.sha256()).hasSize(64).isEqualTo(b.sha256());
    TextVersion c = TextVersion.of("en", ZeroDraft.parse(DRAFT.replace("together", "alone")));
    assertThat(c.sha256()).isNotEqualTo(a.sha256());
    assertThat(TextVersion.of("fr", a.paragraphs()).sha256()).isNotEqualTo(a.sha256());
    assertThatThrownBy(() -> new TextVersion("en", a.paragraphs(), c.sha256()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void amendmentsAreCheckedAgainstTheVersion() {
    TextVersion zero = zero();
    assertRefused(() -> Amendment.check(Kind.MODIFY, "p9", "x", zero), "paragraphUnknown");
    assertRefused(() -> Amendment.check(Kind.MODIFY, "p1", " ", zero), "textRequired");
    assertRefused(() -> Amendment.check(Kind.INSERT_AFTER, "p1", "", zero), "textRequired");
    assertRefused(() -> Amendment.check(Kind.DELETE, "p1", "some text", zero), "deleteHasText");
    assertRefused(
        () ->
            Amendment.check(
                Kind.MODIFY, "p1", "We, local and regional governments, gather in Daejeon.", zero),
        "unchanged");
    assertRefused(() -> Amendment.check(Kind.COMMENT, null, "", zero), "textRequired");
    assertRefused(() -> Kind.parse("rewrite"), "kindUnknown");
    assertThat(Kind.parse("insert-after")).isEqualTo(Kind.INSERT_AFTER);
    Amendment.check(Kind.DELETE, "p1", null, zero);
    Amendment.check(Kind.COMMENT, null, "A general remark.", zero);
  }

  @Test
  void dispositionsNeedAReasonAndTheCommitteeTextWhenModified() {
    Amendment modify = new Amendment(1, "africa", Kind.MODIFY, "p1", "New text.", "Why");
    Amendment delete = new Amendment(2, "africa", Kind.DELETE, "p2", null, "Why");
    Amendment comment = new Amendment(3, "africa", Kind.COMMENT, null, "Remark", "");
    assertRefused(() -> Disposition.checked(modify, Outcome.ACCEPTED, null, " "), "reasonRequired");
    assertRefused(
        () -> Disposition.checked(modify, Outcome.ACCEPTED_AS_MODIFIED, "", "ok"), "textRequired");
    assertRefused(
        () -> Disposition.checked(delete, Outcome.ACCEPTED_AS_MODIFIED, "x", "ok"),
        "deleteNotModifiable");
    assertRefused(
        () -> Disposition.checked(modify, Outcome.REJECTED, "x", "no"), "textOnlyWhenModified");
    assertRefused(() -> Disposition.checked(comment, Outcome.ACCEPTED, null, "ok"), "comment");
    assertRefused(() -> Outcome.parse("maybe"), "outcomeUnknown");
    assertThat(Disposition.checked(modify, Outcome.ACCEPTED_AS_MODIFIED, "Theirs.", "clearer"))
        .extracting(d -> d.effectiveText(modify))
        .isEqualTo("Theirs.");
  }

  @Test
  void everyKindBuildsTheNextVersion() {
    TextVersion zero = zero();
    List<Amendment> amendments =
        List.of(
            new Amendment(10, "africa", Kind.MODIFY, "p1", "We gather in Daejeon.", "shorter"),
            new Amendment(11, "europe", Kind.INSERT_AFTER, "p1", "We remember Durban.", "history"),
            new Amendment(12, "asia", Kind.DELETE, "p3", null, "redundant"),
            new Amendment(13, "asia", Kind.MODIFY, "p2", "Cities make the future.", "style"),
            new Amendment(14, "asia", Kind.COMMENT, null, "Good draft.", ""));
    Map<Long, Disposition> dispositions =
        Map.of(
            10L, new Disposition(Outcome.ACCEPTED, null, "agreed"),
            11L, new Disposition(Outcome.ACCEPTED_AS_MODIFIED, "We recall Durban.", "tone"),
            12L, new Disposition(Outcome.ACCEPTED, null, "agreed"),
            13L, new Disposition(Outcome.REJECTED, null, "the draft says it better"));
    TextVersion next = VersionBuilder.build(zero, amendments, dispositions, Map.of());
    assertThat(next.paragraphs())
        .containsExactly(
            new Paragraph("p1", "1", "We gather in Daejeon."),
            new Paragraph("a11", "1bis", "We recall Durban."),
            zero.paragraph("p2").orElseThrow());
    assertThat(next.language()).isEqualTo("en");
  }

  @Test
  void buildingIsDeterministicWhateverTheOrderGiven() {
    TextVersion zero = zero();
    List<Amendment> amendments = new ArrayList<>();
    Map<Long, Disposition> dispositions = new HashMap<>();
    for (long id = 20; id < 26; id++) {
      amendments.add(new Amendment(id, "g" + id, Kind.INSERT_AFTER, "p2", "Inserted " + id, ""));
      dispositions.put(id, new Disposition(Outcome.ACCEPTED, null, "ok"));
    }
    TextVersion once = VersionBuilder.build(zero, amendments, dispositions, Map.of());
    Collections.reverse(amendments);
    TextVersion twice = VersionBuilder.build(zero, amendments, dispositions, Map.of());
    assertThat(twice).isEqualTo(once);
    assertThat(twice.sha256()).isEqualTo(once.sha256());
    assertThat(once.paragraphs())
        .extracting(Paragraph::number)
        .containsExactly(
            "1", "2", "2bis", "2ter", "2quater", "2quinquies", "2sexies", "2septies", "3");
    assertThat(once.paragraphs().get(2).text()).isEqualTo("Inserted 20");
    assertThat(once.paragraphs().get(7).text()).isEqualTo("Inserted 25");
  }

  @Test
  void insertionsAfterADeletedParagraphTakeItsPlaceAndLaterOnesRenumber() {
    TextVersion zero = zero();
    TextVersion v2 =
        VersionBuilder.build(
            zero,
            List.of(new Amendment(1, "a", Kind.INSERT_AFTER, "p2", "Two bis.", "")),
            Map.of(1L, new Disposition(Outcome.ACCEPTED, null, "ok")),
            Map.of());
    assertThat(v2.ids()).containsExactly("p1", "p2", "a1", "p3");
    TextVersion v3 =
        VersionBuilder.build(
            v2,
            List.of(
                new Amendment(5, "b", Kind.DELETE, "p2", null, ""),
                new Amendment(6, "c", Kind.INSERT_AFTER, "p2", "New two.", "")),
            Map.of(
                5L, new Disposition(Outcome.ACCEPTED, null, "ok"),
                6L, new Disposition(Outcome.ACCEPTED, null, "ok")),
            Map.of());
    assertThat(v3.paragraphs())
        .extracting(Paragraph::id, Paragraph::number)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("p1", "1"),
            org.assertj.core.groups.Tuple.tuple("a6", "2bis"),
            org.assertj.core.groups.Tuple.tuple("a1", "2ter"),
            org.assertj.core.groups.Tuple.tuple("p3", "3"));
  }

  @Test
  void twoAcceptedChangesToOneParagraphAreAConflictTheCommitteeResolves() {
    TextVersion zero = zero();
    List<Amendment> amendments =
        List.of(
            new Amendment(1, "a", Kind.MODIFY, "p3", "We commit to act now.", ""),
            new Amendment(2, "b", Kind.DELETE, "p3", null, ""),
            new Amendment(3, "c", Kind.INSERT_AFTER, "p3", "Four.", ""));
    Map<Long, Disposition> dispositions = new HashMap<>();
    assertThat(VersionBuilder.undisposed(amendments, dispositions)).containsExactly(1L, 2L, 3L);
    assertRefused(
        () -> VersionBuilder.build(zero, amendments, dispositions, Map.of()), "undisposed");
    dispositions.put(1L, new Disposition(Outcome.ACCEPTED, null, "ok"));
    dispositions.put(2L, new Disposition(Outcome.ACCEPTED, null, "ok"));
    dispositions.put(3L, new Disposition(Outcome.ACCEPTED, null, "ok"));
    assertThat(VersionBuilder.conflicts(amendments, dispositions))
        .isEqualTo(Map.of("p3", List.of(1L, 2L)));
    assertRefused(
        () -> VersionBuilder.build(zero, amendments, dispositions, Map.of()), "conflicts");
    TextVersion resolved =
        VersionBuilder.build(
            zero,
            amendments,
            dispositions,
            Map.of(
                "p3", new ConflictResolution("p3", "We commit to act now, together.", "merged")));
    assertThat(resolved.paragraphs())
        .extracting(Paragraph::number, Paragraph::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("1", zero.paragraphs().get(0).text()),
            org.assertj.core.groups.Tuple.tuple("2", zero.paragraphs().get(1).text()),
            org.assertj.core.groups.Tuple.tuple("3", "We commit to act now, together."),
            org.assertj.core.groups.Tuple.tuple("3bis", "Four."));
    dispositions.put(2L, new Disposition(Outcome.REJECTED, null, "no"));
    assertThat(VersionBuilder.conflicts(amendments, dispositions)).isEmpty();
  }

  @Test
  void theDiffGoesParagraphByParagraphAndWordByWord() {
    TextVersion zero = zero();
    TextVersion next =
        VersionBuilder.build(
            zero,
            List.of(
                new Amendment(1, "a", Kind.MODIFY, "p1", "We, cities, gather in Daejeon.", ""),
                new Amendment(2, "a", Kind.DELETE, "p2", null, ""),
                new Amendment(3, "a", Kind.INSERT_AFTER, "p3", "We will meet again.", "")),
            Map.of(
                1L, new Disposition(Outcome.ACCEPTED, null, "ok"),
                2L, new Disposition(Outcome.ACCEPTED, null, "ok"),
                3L, new Disposition(Outcome.ACCEPTED, null, "ok")),
            Map.of());
    List<WordDiff.ParagraphChange> diff = WordDiff.between(zero, next);
    assertThat(diff)
        .extracting(WordDiff.ParagraphChange::id, WordDiff.ParagraphChange::change)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("p1", Change.MODIFIED),
            org.assertj.core.groups.Tuple.tuple("p2", Change.REMOVED),
            org.assertj.core.groups.Tuple.tuple("p3", Change.UNCHANGED),
            org.assertj.core.groups.Tuple.tuple("a3", Change.ADDED));
    assertThat(diff.get(0).segments())
        .containsExactly(
            new Segment(WordDiff.Kind.SAME, "We, "),
            new Segment(WordDiff.Kind.REMOVED, "local and regional governments, "),
            new Segment(WordDiff.Kind.ADDED, "cities, "),
            new Segment(WordDiff.Kind.SAME, "gather in Daejeon."));
    assertThat(WordDiff.words("a b c", "a b c"))
        .containsExactly(new Segment(WordDiff.Kind.SAME, "a b c"));
    assertThat(WordDiff.words("a b c", "a x c"))
        .containsExactly(
            new Segment(WordDiff.Kind.SAME, "a "),
            new Segment(WordDiff.Kind.REMOVED, "b"),
            new Segment(WordDiff.Kind.ADDED, "x"),
            new Segment(WordDiff.Kind.SAME, " c"));
    assertThat(diff.get(3).toNumber()).isEqualTo("3bis");
    assertThat(WordDiff.between(next, zero))
        .extracting(WordDiff.ParagraphChange::id, WordDiff.ParagraphChange::change)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("p1", Change.MODIFIED),
            org.assertj.core.groups.Tuple.tuple("p2", Change.ADDED),
            org.assertj.core.groups.Tuple.tuple("p3", Change.UNCHANGED),
            org.assertj.core.groups.Tuple.tuple("a3", Change.REMOVED));
  }

  @Test
  void aTranslationKeepsTheAuthenticParagraphs() {
    TextVersion zero = zero();
    TextVersion fr =
        Translation.of(
            zero,
            "fr",
            "1. Nous nous réunissons à Daejeon.\n2. Les villes font l'avenir.\n3. Agir.");
    assertThat(fr.ids()).isEqualTo(zero.ids());
    assertThat(fr.language()).isEqualTo("fr");
    assertRefused(() -> Translation.of(zero, "fr", "1. Un.\n3. Trois."), "missing");
    assertRefused(
        () -> Translation.of(zero, "fr", "1. Un.\n2. Deux.\n3. Trois.\n4. Quatre."), "extra");
    assertRefused(() -> Translation.of(zero, "en", "1. One.\n2. Two.\n3. Three."), "sameLanguage");
    assertRefused(
        () -> Translation.of(zero, "es", Map.of("p1", "Uno", "p2", "Dos", "p9", "Nueve")),
        "missing");
  }

  private static void assertRefused(Runnable action, String code) {
    assertThatThrownBy(action::run)
        .isInstanceOf(Refusal.class)
        .extracting(e -> ((Refusal) e).messageKey())
        .asString()
        .endsWith("." + code);
  }
}

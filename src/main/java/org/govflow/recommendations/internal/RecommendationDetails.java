package org.govflow.recommendations.internal;

import java.time.Instant;
import java.util.List;
import org.govflow.decisions.Decision;

/**
 * A recommendation as its page shows it: where it stands, its versions with the changes between
 * them, the co-chairs' reviews, the Sections' answers with their dispositions, the votes and the
 * decisions taken on it.
 *
 * @param stage the steps it is at now (activity ids of policy-recommendation); empty once ended
 * @param outcome adopted, rejected or withdrawn once ended there
 * @param mayDispose whether the reader may give dispositions now (the secretariat, while it
 *     consolidates)
 */
public record RecommendationDetails(
    String processInstanceId,
    String businessKey,
    String councilId,
    String title,
    String summary,
    String rapporteur,
    Instant launchedAt,
    boolean running,
    List<String> stage,
    Outcome outcome,
    List<Version> versions,
    List<Review> reviews,
    List<Answer> answers,
    List<Vote> votes,
    List<Decision> decisions,
    boolean mayDispose) {

  /** A version of the recommendation's text, with the diff to the one before. */
  public record Version(
      String documentId,
      int version,
      String sha256,
      Instant createdAt,
      String createdBy,
      List<String> diff) {}

  /** A co-chair's review of a version: approve or changes. */
  public record Review(
      String personId, int documentVersion, String decision, String comment, Instant at) {}

  /**
   * A Section's answer: no-objection, comments, or silence (recorded as no objection at the
   * deadline); comments carry the secretariat's disposition.
   */
  public record Answer(
      long id,
      int round,
      String sectionId,
      SectionAnswer answer,
      String personId,
      String comment,
      Instant at,
      Disposition disposition,
      String dispositionReason,
      String disposedBy) {

    public boolean needsDisposition() {
      return answer == SectionAnswer.COMMENTS && disposition == null;
    }
  }

  /** A member's vote in a voting round. */
  public record Vote(int round, String personId, String vote, String statement, Instant at) {}
}

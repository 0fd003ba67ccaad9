package org.govflow.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.govflow.documents.Document;

/**
 * A task with what the person needs to act on it.
 *
 * @param description what is asked and why (the task's documentation)
 * @param formId the task form's id
 * @param values the current values of the form's fields
 * @param variables the process variables, for the form's texts
 * @param mayAct whether the caller may complete it now
 */
public record TaskDetails(
    InboxTask task,
    String description,
    String formId,
    Map<String, Object> values,
    Map<String, Object> variables,
    List<Comment> comments,
    List<Step> timeline,
    List<Document> documents,
    boolean mayAct,
    boolean mayClaim,
    boolean mayUnclaim,
    List<Member> delegates) {

  /** A comment on the task. */
  public record Comment(String id, String author, String authorName, Instant time, String text) {}

  /** A step of the process so far, from the engine's history. */
  public record Step(
      String activityId,
      String name,
      String type,
      String assignee,
      String assigneeName,
      Instant started,
      Instant ended) {}

  /** Someone the task can be handed to. */
  public record Member(String id, String name) {}
}

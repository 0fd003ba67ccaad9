package org.govflow.inbox;

import java.time.Instant;
import java.util.List;
import org.govflow.decisions.Decision;
import org.govflow.documents.Document;

/** A process instance: its state, the steps open now, what happened so far, what was decided. */
public record ProcessDetails(
    ProcessSummary process,
    List<CurrentStep> currentSteps,
    List<TaskDetails.Step> timeline,
    List<TaskDetails.Comment> comments,
    List<Document> documents,
    List<Decision> decisions) {

  /** An open task: who has it and when it is due. */
  public record CurrentStep(
      String taskId,
      String name,
      String body,
      String bodyName,
      String assignee,
      String assigneeName,
      Instant due,
      boolean overdue) {}
}

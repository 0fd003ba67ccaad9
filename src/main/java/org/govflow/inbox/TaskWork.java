package org.govflow.inbox;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.inbox.internal.Names;
import org.govflow.inbox.internal.SubmissionCheck;
import org.govflow.inbox.internal.TaskAccess;
import org.govflow.web.Caller;
import org.govflow.web.Refusal;
import org.govflow.web.Refusal.Reason;
import org.govflow.workflow.Tasks;
import org.govflow.workflow.Tasks.OpenTask;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Acting on a task: claiming it, handing it back or to another member of its body, completing it
 * with the values of its form, commenting on it. Only the assignee, or a member of the candidate
 * body while nobody holds it, acts on a task.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class TaskWork {

  private final TaskAccess access;
  private final Tasks tasks;
  private final SubmissionCheck check;
  private final Names names;
  private final InboxSettings settings;

  @Transactional
  public void claim(Caller caller, String taskId) {
    TaskAccess.Access standing = access.of(caller, taskId);
    String assignee = standing.task().assignee();
    if (caller.personId().equals(assignee)) {
      return;
    }
    if (assignee != null) {
      throw new Refusal(Reason.CONFLICT, "inbox.problem.claimedBy", access.name(assignee));
    }
    if (!standing.member()) {
      throw new Refusal(Reason.FORBIDDEN, "inbox.problem.notYourTask");
    }
    access.as(caller, who -> tasks.claim(who, taskId));
  }

  /** Gives the task back to its body. */
  @Transactional
  public void unclaim(Caller caller, String taskId) {
    TaskAccess.Access standing = access.of(caller, taskId);
    if (!standing.assignee()) {
      boolean unclaimed = standing.task().assignee() == null;
      throw new Refusal(
          unclaimed ? Reason.CONFLICT : Reason.FORBIDDEN,
          unclaimed ? "inbox.problem.notClaimed" : "inbox.problem.notYourTask");
    }
    if (standing.groups().isEmpty()) {
      throw new Refusal(Reason.CONFLICT, "inbox.problem.personalTask");
    }
    access.as(caller, who -> tasks.assign(who, taskId, null));
  }

  /** Hands the task to another member of its body. */
  @Transactional
  public void delegate(Caller caller, String taskId, String userId, Locale locale) {
    TaskAccess.Access standing = access.toAct(caller, taskId);
    String problem = null;
    if (userId == null || userId.isBlank()) {
      problem = "inbox.problem.delegateMissing";
    } else if (!access.members(standing).contains(userId)) {
      problem = "inbox.problem.delegateNotMember";
    }
    if (problem != null) {
      throw SubmissionCheck.invalid("userId", names.message(problem, locale));
    }
    access.as(caller, who -> tasks.assign(who, taskId, userId));
  }

  /**
   * Completes the task with the values of its form, checked against that form first. The task is
   * held as it is read: a second submission waits for the first, then finds the task done (409)
   * instead of reading it half-gone (its candidate bodies, its variables) and being refused as not
   * routed to it.
   */
  @Transactional
  public void complete(
      Caller caller, String taskId, Map<String, ?> values, Locale locale, ZoneId zone) {
    OpenTask t = access.toComplete(caller, taskId).task();
    Map<String, Object> checked =
        t.formId() == null
            ? Map.of()
            : check.check(
                t.formId(), t.processInstanceId(), taskId, caller.personId(), values, locale, zone);
    access.as(caller, who -> tasks.complete(who, t, checked));
  }

  @Transactional
  public TaskDetails.Comment comment(Caller caller, String taskId, String text, Locale locale) {
    OpenTask t = access.of(caller, taskId).task();
    String problem = null;
    if (text == null || text.isBlank()) {
      problem = "inbox.problem.commentMissing";
    } else if (text.codePointCount(0, text.length()) > settings.commentMaxLength()) {
      problem = "inbox.problem.commentTooLong";
    }
    if (problem != null) {
      throw SubmissionCheck.invalid(
          "text", names.message(problem, locale, settings.commentMaxLength()));
    }
    Tasks.Comment[] created = new Tasks.Comment[1];
    access.as(caller, who -> created[0] = tasks.comment(who, t, text.strip()));
    return names.lookup().comment(created[0]);
  }

  /** The process of a task, open or done; null for an unknown task. */
  public String processOf(String taskId) {
    return access.processOf(taskId);
  }
}

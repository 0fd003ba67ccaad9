package org.govflow.inbox.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.directory.Directory;
import org.govflow.directory.Membership;
import org.govflow.directory.Person;
import org.govflow.web.Caller;
import org.govflow.web.Refusal;
import org.govflow.web.Refusal.Reason;
import org.govflow.workflow.Participant;
import org.govflow.workflow.ProcessHistory;
import org.govflow.workflow.TaskIndex;
import org.govflow.workflow.Tasks;
import org.govflow.workflow.Tasks.OpenTask;
import org.springframework.stereotype.Component;

/**
 * Who may see a process: its participants, the secretariat and leadership. Who may see and act on a
 * task: only its assignee, its owner or a member of a candidate body sees it; the assignee acts on
 * it, or any member while nobody holds it. Refusals say why not.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class TaskAccess {

  /** The caller's standing on an open task. */
  public record Access(OpenTask task, List<String> groups, boolean assignee, boolean member) {

    public boolean mayAct() {
      return assignee || (task.assignee() == null && member);
    }

    public boolean mayClaim() {
      return member && task.assignee() == null;
    }

    public boolean mayUnclaim() {
      return assignee && !groups.isEmpty();
    }
  }

  private final Tasks tasks;
  private final ProcessHistory history;
  private final TaskIndex index;
  private final Directory directory;

  /** The open task, if the caller may see it; a refusal saying why not otherwise. */
  public Access of(Caller caller, String taskId) {
    known(taskId);
    // the bodies before the task: a task completed between the two reads is then found gone
    // (done, 409), never open without its bodies (not routed to the caller, 403)
    List<String> groups = index.candidateGroups(List.of(taskId)).getOrDefault(taskId, List.of());
    return standing(caller, taskId, tasks.open(taskId).orElse(null), groups);
  }

  /**
   * The open task the caller submits, held until the transaction ends (a second submission waits,
   * then finds it done), if the caller may act on it now; a refusal saying why not otherwise.
   */
  public Access toComplete(Caller caller, String taskId) {
    known(taskId);
    Optional<Tasks.Held> held = tasks.hold(taskId);
    return acting(
        standing(
            caller,
            taskId,
            held.map(Tasks.Held::task).orElse(null),
            held.map(Tasks.Held::groups).orElse(List.of())));
  }

  private static void known(String taskId) {
    if (taskId == null || taskId.isBlank() || taskId.length() > 64) {
      throw new Refusal(Reason.NOT_FOUND, "inbox.problem.unknownTask");
    }
  }

  private Access standing(Caller caller, String taskId, OpenTask t, List<String> groups) {
    if (t == null) {
      ProcessHistory.PastTask done =
          history
              .task(taskId)
              .orElseThrow(() -> new Refusal(Reason.NOT_FOUND, "inbox.problem.unknownTask"));
      if (!history.involved(taskId, caller.participant())) {
        throw new Refusal(Reason.FORBIDDEN, "inbox.problem.notYourTask");
      }
      if (!done.completed()) {
        // the process closed it (a vote closed early): nobody completed it
        throw new Refusal(Reason.CONFLICT, "inbox.problem.taskClosed");
      }
      throw new Refusal(Reason.CONFLICT, "inbox.problem.taskDone", name(done.assignee()));
    }
    boolean assignee = caller.personId().equals(t.assignee());
    boolean member = groups.stream().anyMatch(caller.bodies()::contains);
    if (!assignee && !member && !caller.personId().equals(t.owner())) {
      throw new Refusal(Reason.FORBIDDEN, "inbox.problem.notYourTask");
    }
    return new Access(t, groups, assignee, member);
  }

  /** The same, refused unless the caller may act on it now. */
  public Access toAct(Caller caller, String taskId) {
    return acting(of(caller, taskId));
  }

  private Access acting(Access access) {
    if (!access.mayAct()) {
      throw new Refusal(
          Reason.FORBIDDEN, "inbox.problem.claimedBy", name(access.task().assignee()));
    }
    return access;
  }

  /** The members of the task's bodies, whom it may be handed to. */
  public List<String> members(Access access) {
    return access.groups().stream()
        .flatMap(g -> directory.membersOf(g).stream())
        .map(Membership::personId)
        .distinct()
        .toList();
  }

  /** The process, if the caller may see it: its participants, the secretariat and leadership. */
  public ProcessHistory.Instance process(Caller caller, String processInstanceId) {
    ProcessHistory.Instance pi =
        history
            .instance(processInstanceId)
            .orElseThrow(
                () -> new Refusal(Reason.NOT_FOUND, "inbox.problem.unknownProcessInstance"));
    if (!history.participates(caller.participant(), pi.id())) {
      throw new Refusal(Reason.FORBIDDEN, "inbox.problem.notYourProcess");
    }
    return pi;
  }

  /**
   * Whether the caller takes part in the process (not only holds a call for contributions in it).
   */
  public boolean participates(Caller caller, String processInstanceId) {
    return history.participates(caller.participant(), processInstanceId);
  }

  /** The process of a task, open or done; null for an unknown task. */
  public String processOf(String taskId) {
    return history.task(taskId).map(ProcessHistory.PastTask::processInstanceId).orElse(null);
  }

  /** Runs task work as the caller; a task taken or changed meanwhile is refused as a conflict. */
  public void as(Caller caller, Consumer<Participant> work) {
    try {
      work.accept(caller.participant());
    } catch (Tasks.Conflict e) {
      throw e.claimed()
          ? new Refusal(Reason.CONFLICT, "inbox.problem.claimedBy", name(e.claimedBy()))
          : new Refusal(Reason.CONFLICT, "inbox.problem.changedMeanwhile");
    }
  }

  /** A person's name for a refusal; {@code ?} for nobody. */
  public String name(String personId) {
    return personId == null ? "?" : directory.person(personId).map(Person::name).orElse(personId);
  }
}

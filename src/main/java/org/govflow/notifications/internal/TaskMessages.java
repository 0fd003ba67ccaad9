package org.govflow.notifications.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.deadlines.DeadlineSettings;
import org.govflow.deadlines.EscalationBecameDue;
import org.govflow.deadlines.ReminderBecameDue;
import org.govflow.deadlines.TaskCreated;
import org.govflow.directory.Directory;
import org.govflow.directory.Membership;
import org.govflow.directory.Person;
import org.govflow.directory.Role;
import org.govflow.notifications.Delivery;
import org.govflow.workflow.DueTask;
import org.govflow.workflow.TaskIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Messages about tasks: to act on, reminders, escalations. Listens once whatever caused the message
 * (the engine's step for a new task, the sweep for a reminder) has committed, in a transaction of
 * its own; the event publication registry recorded the event in the causing transaction, so a node
 * that stops in between writes the messages at its next start. The dedupe key makes a repeated
 * announcement (two nodes, a sweep after downtime, a re-publication) a no-op.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class TaskMessages {

  static final String TASK = "TASK";
  static final String REMINDER = "REMINDER";
  static final String ESCALATION = "ESCALATION";

  private static final Logger log = LoggerFactory.getLogger(TaskMessages.class);
  private static final Set<Role> CHAIRS = EnumSet.of(Role.CHAIR, Role.CO_CHAIR, Role.PRESIDENT);

  private final Directory directory;
  private final Letters letters;
  private final Outbox outbox;
  private final MessageSource messages;
  private final TaskIndex index;

  @ApplicationModuleListener
  void on(TaskCreated created) {
    write(created.task(), TASK, TASK, 0, actors(created.task()));
  }

  @ApplicationModuleListener
  void on(ReminderBecameDue reminder) {
    DueTask task = reminder.task();
    int left = reminder.workingDaysLeft();
    write(task, REMINDER, REMINDER + "-" + left, left, actors(task));
  }

  @ApplicationModuleListener
  void on(EscalationBecameDue escalation) {
    DueTask task = escalation.task();
    Set<String> people = new LinkedHashSet<>();
    for (String target : escalation.to()) {
      if (DeadlineSettings.BODY_CHAIRS.equals(target)) {
        for (String body : task.candidateGroups()) {
          directory.membersOf(body).stream()
              .filter(m -> CHAIRS.contains(m.role()))
              .map(Membership::personId)
              .forEach(people::add);
        }
      } else {
        directory.membersOf(target).stream().map(Membership::personId).forEach(people::add);
      }
    }
    int late = escalation.workingDaysLate();
    write(task, ESCALATION, ESCALATION + "-" + late, late, people);
  }

  /** Whoever must act: the assignee, or every member of the bodies the task is routed to. */
  private Set<String> actors(DueTask task) {
    Set<String> people = new LinkedHashSet<>();
    if (task.assignee() != null) {
      people.add(task.assignee());
      return people;
    }
    for (String body : task.candidateGroups()) {
      directory.membersOf(body).stream().map(Membership::personId).forEach(people::add);
    }
    return people;
  }

  private void write(DueTask task, String kind, String step, int days, Set<String> recipients) {
    // the task's name in each reader's language, as the inbox shows it
    String nameKey = "inbox.task." + task.processKey() + "." + task.taskKey();
    String link = letters.link("/tasks/" + task.taskId());
    // what the task is about (the recommendation's, meeting's or document's title)
    TaskIndex.Subject about =
        task.processInstanceId() == null
            ? null
            : index.subjects(List.of(task.processInstanceId())).get(task.processInstanceId());
    String title = about == null ? null : about.title();
    Map<String, Person> people = directory.people(recipients);
    for (String personId : recipients) {
      if (!people.containsKey(personId)) {
        log.warn("Task {}: {} is not in the directory, not told", task.taskId(), personId);
      }
    }
    // escalations are not for later; the rest follows each person's choice
    Map<String, Delivery> choices =
        ESCALATION.equals(kind) ? Map.of() : outbox.deliveries(people.keySet());
    List<Letters.Addressee> to = new ArrayList<>(people.size());
    for (Person person : people.values()) {
      to.add(
          new Letters.Addressee(
              person,
              new Letters.Envelope(
                  task.taskId() + ":" + step + ":" + person.id(), kind, task.taskId(), link),
              choices.get(person.id()) == Delivery.DAILY ? Outbox.DIGEST : Outbox.PENDING));
    }
    letters.writeAll(
        to,
        "task",
        "notifications." + kind.toLowerCase() + ".subject",
        reader -> {
          Map<String, Object> model = new LinkedHashMap<>();
          model.put("introKey", "notifications." + kind.toLowerCase() + ".intro");
          model.put("days", days);
          String taskName = messages.getMessage(nameKey, null, task.taskName(), reader.language());
          model.put("taskName", taskName);
          model.put("businessKey", task.businessKey());
          model.put("due", MessageRenderer.dateTime(task.due(), reader));
          model.put("link", link);
          model.put("title", title);
          model.put(
              "subjectArgs", new Object[] {title == null ? taskName : taskName + " · " + title});
          return model;
        });
  }

  static List<String> kinds() {
    return List.of(TASK, REMINDER, ESCALATION);
  }
}

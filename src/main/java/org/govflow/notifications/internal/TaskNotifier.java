package org.govflow.notifications.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.govflow.deadlines.TaskCreated;
import org.govflow.directory.Directory;
import org.govflow.directory.Membership;
import org.govflow.directory.Person;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells whoever must act on a new task: its assignee, or every member of the bodies it is routed
 * to. Runs synchronously inside the engine's transaction: the outbox rows commit with the task.
 */
@Component
class TaskNotifier {

  static final String TASK = "TASK";

  private static final Logger log = LoggerFactory.getLogger(TaskNotifier.class);

  private final Directory directory;
  private final MessageRenderer renderer;
  private final Outbox outbox;
  private final Clock clock;
  private final String baseUrl;

  TaskNotifier(
      Directory directory,
      MessageRenderer renderer,
      Outbox outbox,
      Clock clock,
      @Value("${govflow.base-url:http://localhost:8080}") String baseUrl) {
    this.directory = directory;
    this.renderer = renderer;
    this.outbox = outbox;
    this.clock = clock;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  @EventListener
  void on(TaskCreated task) {
    Instant now = clock.instant();
    for (String personId : recipients(task)) {
      Person person = directory.person(personId).orElse(null);
      if (person == null) {
        log.warn("Task {} is routed to {}, who is not in the directory", task.taskId(), personId);
        continue;
      }
      String link = link(task.taskId());
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("kind", TASK);
      model.put("taskName", task.taskName());
      model.put("businessKey", task.businessKey());
      model.put("due", MessageRenderer.dateTime(task.due(), person));
      model.put("link", link);
      model.put("subjectArgs", new Object[] {task.taskName()});
      MessageRenderer.Rendered message =
          renderer.render("task", person, "notifications.task.subject", model);
      outbox.add(
          new OutboxMessage(
              task.taskId() + ":" + TASK + ":" + personId,
              TASK,
              personId,
              person.email(),
              task.taskId(),
              link,
              message.subject(),
              message.text(),
              message.html()),
          now);
    }
  }

  private Set<String> recipients(TaskCreated task) {
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

  String link(String taskId) {
    return baseUrl + "/tasks/" + taskId;
  }
}

package org.govflow.inbox.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.directory.Body;
import org.govflow.directory.Directory;
import org.govflow.directory.Person;
import org.govflow.inbox.ProcessSummary;
import org.govflow.inbox.TaskDetails;
import org.govflow.workflow.ProcessHistory;
import org.govflow.workflow.StepNames;
import org.govflow.workflow.TaskIndex;
import org.govflow.workflow.Tasks;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** People, bodies, processes, steps and messages as the inbox's reader reads them. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Names {

  private final Directory directory;
  private final StepNames steps;
  private final MessageSource messages;
  private final TaskIndex index;

  public StepNames steps() {
    return steps;
  }

  public String message(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, key, locale);
  }

  /** Every person and body at once, for a page that names many. */
  public Lookup lookup() {
    return new Lookup(
        directory.people().stream()
            .collect(Collectors.toMap(Person::id, Function.identity(), (a, b) -> a)),
        bodies().bodies());
  }

  /** Every body, for rows that name no person. */
  public Lookup bodies() {
    return new Lookup(
        Map.of(),
        directory.bodies().stream()
            .collect(Collectors.toMap(Body::id, Function.identity(), (a, b) -> a)));
  }

  /** A process as a list shows it, with what it is about and who started it by name. */
  public ProcessSummary summary(ProcessHistory.Instance pi, Locale locale) {
    return summaries(List.of(pi), locale).get(0);
  }

  /** Processes as a list shows them: their subjects in one query. */
  public List<ProcessSummary> summaries(List<ProcessHistory.Instance> instances, Locale locale) {
    Map<String, TaskIndex.Subject> subjects =
        index.subjects(instances.stream().map(ProcessHistory.Instance::id).toList());
    Lookup people = lookup();
    return instances.stream()
        .map(
            pi -> {
              TaskIndex.Subject subject = subjects.get(pi.id());
              return new ProcessSummary(
                  pi.id(),
                  pi.processKey(),
                  steps.process(pi.processKey(), pi.modelName(), locale),
                  pi.businessKey(),
                  pi.state(),
                  pi.startedBy(),
                  pi.started(),
                  pi.ended(),
                  subject == null ? null : subject.title(),
                  people.person(pi.startedBy()));
            })
        .toList();
  }

  /** People and bodies by id; an id not found stands for its name. */
  public record Lookup(Map<String, Person> people, Map<String, Body> bodies) {

    /** The person's name, or null for nobody. */
    public String person(String id) {
      if (id == null) {
        return null;
      }
      Person p = people.get(id);
      return p == null ? id : p.name();
    }

    /** The body's name in the reader's language, or null for none. */
    public String body(String id, Locale locale) {
      if (id == null) {
        return null;
      }
      Body body = bodies.get(id);
      return body == null ? id : body.name().in(locale);
    }

    public TaskDetails.Comment comment(Tasks.Comment c) {
      return new TaskDetails.Comment(c.id(), c.author(), person(c.author()), c.time(), c.text());
    }
  }
}

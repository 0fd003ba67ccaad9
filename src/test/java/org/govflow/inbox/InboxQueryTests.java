package org.govflow.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.govflow.directory.AccessRole;
import org.govflow.support.IntegrationTest;
import org.govflow.web.Caller;
import org.govflow.workflow.TaskIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The inbox's counts come from one grouped query and its rows from one native query; they must
 * equal, for every filter, the counts and the rows in order of the TaskQuery the inbox used before
 * (kept here as the reference), on varied data: several bodies, tasks with two candidate bodies,
 * tasks claimed by the caller and by others, overdue, due this week, due later, without a due date,
 * and two processes for the process filter.
 */
@IntegrationTest
class InboxQueryTests {

  static final String ME = "counts-me";
  static final String OTHER = "counts-other";
  static final String A = "counts-body-a";
  static final String B = "counts-body-b";
  static final String C = "counts-body-c";
  static final String SECOND = "counts-second-process";

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired RepositoryService repository;
  @Autowired TaskIndex index;
  @Autowired TaskList inbox;

  String deployment;
  final List<String> instances = new ArrayList<>();

  @BeforeEach
  void seed() {
    BpmnModelInstance second =
        Bpmn.createExecutableProcess(SECOND)
            .name("Counts test")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("Look")
            .camundaCandidateGroups("${groups}")
            .endEvent()
            .done();
    deployment =
        repository.createDeployment().addModelInstance(SECOND + ".bpmn", second).deploy().getId();
    Instant now = Instant.now();
    // due: overdue, this week (two), later, none; bodies: A, B, C, A+B; assignee: none, me, other
    Instant[] dues = {
      now.minus(Duration.ofDays(3)),
      now.plus(Duration.ofDays(2)),
      now.plus(Duration.ofHours(150)),
      now.plus(Duration.ofDays(20)),
      null
    };
    String[] groups = {A, B, C, A + "," + B};
    String[] assignees = {null, ME, OTHER};
    int n = 0;
    for (Instant due : dues) {
      for (String group : groups) {
        for (String assignee : assignees) {
          String id = n % 3 == 0 ? startSecond(group) : startApproval(group);
          instances.add(id);
          Task task = tasks.createTaskQuery().processInstanceId(id).singleResult();
          task.setDueDate(due == null ? null : Date.from(due));
          task.setAssignee(assignee);
          tasks.saveTask(task);
          n++;
        }
      }
    }
  }

  private String startApproval(String group) {
    Map<String, Object> v = new HashMap<>();
    v.put("title", "Counts");
    v.put("summary", "s");
    v.put("approvingBody", group);
    v.put("respondBy", LocalDate.now(ZoneOffset.UTC).plusDays(5).toString());
    return runtime.startProcessInstanceByKey("document-approval", v).getId();
  }

  private String startSecond(String group) {
    return runtime.startProcessInstanceByKey(SECOND, Map.of("groups", group)).getId();
  }

  @AfterEach
  void clean() {
    instances.forEach(
        id -> {
          if (runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
            runtime.deleteProcessInstance(id, "test over");
          }
        });
    repository.deleteDeployment(deployment, true);
  }

  @Test
  void theGroupedCountsEqualTheTaskQueryCountsForEveryCallerAndFilter() {
    List<Caller> callers =
        List.of(
            caller(ME, A, B),
            caller(ME, C),
            caller(ME),
            caller(OTHER, A),
            caller("counts-nobody", C));
    List<String> keys = new ArrayList<>();
    keys.add(null);
    keys.add("document-approval");
    keys.add(SECOND);
    keys.add("no-such-process");
    String[] dueFilters = {null, "overdue", "week"};
    String[] assignedFilters = {null, "me", "group"};
    Instant now = Instant.now();
    for (Caller c : callers) {
      for (String key : keys) {
        for (String due : dueFilters) {
          for (String assigned : assignedFilters) {
            TaskIndex.Counts r =
                index.counts(
                    new TaskIndex.Query(c.personId(), c.bodies(), key, due, assigned, now));
            String what = c + " " + key + " " + due + " " + assigned;
            assertThat(r.total())
                .as(what)
                .isEqualTo(reference(c, new InboxFilter(key, due, assigned), now).count());
            assertThat(r.all()).as(what).isEqualTo(count(c, key, null, null, now));
            assertThat(r.mine()).as(what).isEqualTo(count(c, key, null, "me", now));
            assertThat(r.group()).as(what).isEqualTo(count(c, key, null, "group", now));
            assertThat(r.overdue()).as(what).isEqualTo(count(c, key, "overdue", null, now));
            assertThat(r.week()).as(what).isEqualTo(count(c, key, "week", null, now));
          }
        }
      }
    }
    // the data is varied enough that the filters differ for the main caller
    TaskIndex.Counts r = index.counts(new TaskIndex.Query(ME, Set.of(A, B), null, null, null, now));
    assertThat(r.all()).isEqualTo(50); // A, B or A+B: 45; plus C assigned to me: 5
    assertThat(r.mine()).isEqualTo(20);
    assertThat(r.group()).isEqualTo(45);
    assertThat(r.overdue()).isEqualTo(10);
    assertThat(r.week()).isEqualTo(20);
  }

  @Test
  void theInboxPageShowsTheGroupedCountsWhenAskedFor() {
    Caller c = caller(ME, A, B);
    InboxFilter filter = new InboxFilter(SECOND, "week", "group");
    InboxPage page = inbox.inbox(c, filter, 0, 5, true, Locale.ENGLISH);
    Instant now = Instant.now();
    long total = count(c, SECOND, "week", "group", now);
    assertThat(total).isPositive();
    assertThat(page.total()).isEqualTo(total);
    assertThat(page.tasks()).hasSize((int) Math.min(5, total));
    assertThat(page.hasNext()).isEqualTo(total > 5);
    InboxPage.Counts expected =
        new InboxPage.Counts(
            count(c, SECOND, null, null, now),
            count(c, SECOND, null, "me", now),
            count(c, SECOND, null, "group", now),
            count(c, SECOND, "overdue", null, now),
            count(c, SECOND, "week", null, now));
    assertThat(page.counts()).isEqualTo(expected);
    assertThat(inbox.counts(c, filter)).isEqualTo(new InboxPage.Counted(total, expected));

    InboxPage uncounted = inbox.inbox(c, filter, 0, 5, false, Locale.ENGLISH);
    assertThat(uncounted.total()).isNull();
    assertThat(uncounted.counts()).isNull();
    assertThat(uncounted.tasks()).isEqualTo(page.tasks());
  }

  @Test
  void hasNextSaysWhetherAnotherPageFollowsExactlyAtThePageBoundary() {
    // 50 tasks for the caller (see the grouped counts test): two full pages of 25
    Caller c = caller(ME, A, B);
    List<String> expected =
        reference(c, InboxFilter.ALL, Instant.now()).list().stream().map(Task::getId).toList();
    assertThat(expected).hasSize(50);

    InboxPage first = inbox.inbox(c, InboxFilter.ALL, 0, 25, false, Locale.ENGLISH);
    assertThat(first.tasks()).hasSize(25);
    assertThat(first.hasNext()).isTrue();
    InboxPage last = inbox.inbox(c, InboxFilter.ALL, 1, 25, false, Locale.ENGLISH);
    assertThat(last.tasks()).hasSize(25);
    assertThat(last.hasNext()).isFalse();
    InboxPage beyond = inbox.inbox(c, InboxFilter.ALL, 2, 25, false, Locale.ENGLISH);
    assertThat(beyond.tasks()).isEmpty();
    assertThat(beyond.hasNext()).isFalse();
    // one task short of a page boundary, and one over it
    assertThat(inbox.inbox(c, InboxFilter.ALL, 0, 49, false, Locale.ENGLISH).hasNext()).isTrue();
    assertThat(inbox.inbox(c, InboxFilter.ALL, 0, 50, false, Locale.ENGLISH).hasNext()).isFalse();
    // the two pages are the whole inbox, no task twice or missing
    List<String> shown = new ArrayList<>();
    first.tasks().forEach(t -> shown.add(t.id()));
    last.tasks().forEach(t -> shown.add(t.id()));
    assertThat(shown).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void theNativeRowsAreTheTaskQueryRowsInTheSameOrder() {
    List<Caller> callers = List.of(caller(ME, A, B), caller(ME, C), caller(ME), caller(OTHER, A));
    String[] keys = {null, SECOND};
    String[] dueFilters = {null, "overdue", "week"};
    String[] assignedFilters = {null, "me", "group"};
    Instant now = Instant.now();
    int compared = 0;
    for (Caller c : callers) {
      for (String key : keys) {
        for (String due : dueFilters) {
          for (String assigned : assignedFilters) {
            TaskQuery reference =
                reference(c, new InboxFilter(key, due, assigned), now)
                    .orderByDueDate()
                    .asc()
                    .orderByTaskCreateTime()
                    .asc();
            List<Task> expected = reference.listPage(0, 10_000);
            List<TaskIndex.Row> actual =
                index.page(
                    new TaskIndex.Query(c.personId(), c.bodies(), key, due, assigned, now),
                    0,
                    10_000);
            String what = c + " " + key + " " + due + " " + assigned;
            // same tasks, same order of (due, created); tasks created in the same millisecond
            // with the same due date may come in either order in both queries
            assertThat(actual.stream().map(TaskIndex.Row::id))
                .as(what)
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(Task::getId).toList());
            assertThat(actual.stream().map(r -> r.dueDate() + " " + r.createTime()).toList())
                .as(what)
                .isEqualTo(expected.stream().map(InboxQueryTests::sortKey).toList());
            // a page in the middle
            List<Task> expectedPage = reference.listPage(3, 4);
            List<TaskIndex.Row> actualPage =
                index.page(
                    new TaskIndex.Query(c.personId(), c.bodies(), key, due, assigned, now), 3, 4);
            assertThat(actualPage.stream().map(r -> r.dueDate() + " " + r.createTime()).toList())
                .as(what)
                .isEqualTo(expectedPage.stream().map(InboxQueryTests::sortKey).toList());
            compared += expected.size();
          }
        }
      }
    }
    assertThat(compared).isGreaterThan(100);
    // the task rows the inbox shows, with the soonest due first, from the same query
    List<InboxTask> shown = inbox.rows(caller(ME, A, B), InboxFilter.ALL, 0, 20, Locale.ENGLISH);
    List<Task> expected =
        reference(caller(ME, A, B), InboxFilter.ALL, now)
            .orderByDueDate()
            .asc()
            .orderByTaskCreateTime()
            .asc()
            .listPage(0, 20);
    assertThat(shown.stream().map(t -> t.due() + " " + t.created()).toList())
        .isEqualTo(expected.stream().map(InboxQueryTests::sortKey).toList());
  }

  private static String sortKey(Task t) {
    return (t.getDueDate() == null ? null : t.getDueDate().toInstant())
        + " "
        + t.getCreateTime().toInstant();
  }

  private static Caller caller(String person, String... bodies) {
    return new Caller(person, Set.of(bodies), Set.of(AccessRole.MEMBER));
  }

  private long count(Caller c, String key, String due, String assigned, Instant now) {
    return reference(c, new InboxFilter(key, due, assigned), now).count();
  }

  /** The TaskQuery the inbox counted with before (Inbox.query), as the reference. */
  private TaskQuery reference(Caller caller, InboxFilter filter, Instant now) {
    TaskQuery query = tasks.createTaskQuery();
    List<String> bodies = List.copyOf(caller.bodies());
    String assigned = filter.assigned();
    if ("me".equals(assigned) || bodies.isEmpty()) {
      query.taskAssignee(caller.personId());
      if ("group".equals(assigned)) {
        query.taskId("-");
      }
    } else if ("group".equals(assigned)) {
      query.taskCandidateGroupIn(bodies).includeAssignedTasks();
    } else {
      query
          .or()
          .taskCandidateGroupIn(bodies)
          .includeAssignedTasks()
          .taskAssignee(caller.personId())
          .endOr();
    }
    if (filter.processKey() != null && !filter.processKey().isBlank()) {
      query.processDefinitionKey(filter.processKey());
    }
    if ("overdue".equals(filter.due())) {
      query.dueBefore(Date.from(now));
    } else if ("week".equals(filter.due())) {
      query.dueAfter(Date.from(now)).dueBefore(Date.from(now.plus(Duration.ofDays(7))));
    }
    return query;
  }
}

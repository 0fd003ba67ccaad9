package org.govflow.inbox;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.govflow.decisions.DecisionRegister;
import org.govflow.directory.Body;
import org.govflow.directory.Directory;
import org.govflow.directory.Membership;
import org.govflow.directory.Person;
import org.govflow.documents.Documents;
import org.govflow.forms.FieldError;
import org.govflow.forms.FormSchema;
import org.govflow.forms.FormSubmission;
import org.govflow.forms.Forms;
import org.govflow.forms.SubmissionRule;
import org.govflow.inbox.internal.BusinessKeyLookup;
import org.govflow.inbox.internal.CandidateGroups;
import org.govflow.inbox.internal.InboxCounts;
import org.govflow.inbox.internal.InboxRows;
import org.govflow.web.Caller;
import org.govflow.web.Refusal;
import org.govflow.web.Refusal.Reason;
import org.govflow.workflow.ProcessType;
import org.govflow.workflow.Processes;
import org.govflow.workflow.StartedProcess;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbox: what a person may launch, their tasks and their bodies' tasks, and acting on them.
 * Every call checks the caller first: only the assignee or a member of the candidate body sees a
 * task or acts on it; a process is seen by its participants, the secretariat and leadership.
 */
@Service
public class Inbox {

  private static final Set<String> TIMELINE_SKIPS =
      Set.of(
          "exclusiveGateway",
          "parallelGateway",
          "inclusiveGateway",
          "eventBasedGateway",
          "multiInstanceBody");

  private final List<SubmissionRule> rules;
  private final TaskService tasks;
  private final HistoryService history;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final IdentityService identity;
  private final Processes processes;
  private final Forms forms;
  private final Directory directory;
  private final MessageSource messages;
  private final InboxSettings settings;
  private final CandidateGroups candidateGroups;
  private final Documents documents;
  private final DecisionRegister decisions;
  private final BusinessKeyLookup businessKeyLookup;
  private final InboxCounts inboxCounts;
  private final InboxRows inboxRows;
  private final Clock clock = Clock.systemUTC();
  private final Map<String, ProcessDefinition> definitionCache =
      new java.util.concurrent.ConcurrentHashMap<>();

  Inbox(
      TaskService tasks,
      HistoryService history,
      RuntimeService runtime,
      RepositoryService repository,
      IdentityService identity,
      Processes processes,
      Forms forms,
      Directory directory,
      MessageSource messages,
      InboxSettings settings,
      CandidateGroups candidateGroups,
      Documents documents,
      DecisionRegister decisions,
      BusinessKeyLookup businessKeyLookup,
      InboxCounts inboxCounts,
      InboxRows inboxRows,
      List<SubmissionRule> rules) {
    this.rules = List.copyOf(rules);
    this.tasks = tasks;
    this.history = history;
    this.runtime = runtime;
    this.repository = repository;
    this.identity = identity;
    this.processes = processes;
    this.forms = forms;
    this.directory = directory;
    this.messages = messages;
    this.settings = settings;
    this.candidateGroups = candidateGroups;
    this.documents = documents;
    this.decisions = decisions;
    this.businessKeyLookup = businessKeyLookup;
    this.inboxCounts = inboxCounts;
    this.inboxRows = inboxRows;
  }

  public InboxSettings settings() {
    return settings;
  }

  // ---------------------------------------------------------------------------------- launching

  /**
   * The processes the caller may start: every one for the secretariat and leadership, and those
   * that settings open to a role the caller holds (a council's co-chair launches recommendations).
   */
  public List<LaunchableProcess> launchable(Caller caller, Locale locale) {
    Set<String> roles = launchRoles(caller);
    if (!caller.overseesAll() && roles.isEmpty()) {
      return List.of();
    }
    return processes.types().stream()
        .filter(t -> mayLaunch(caller, roles, t.key()))
        .map(
            t ->
                new LaunchableProcess(
                    t.key(), processName(t.key(), t.name(), locale), t.startFormId()))
        .toList();
  }

  private boolean mayLaunch(Caller caller, Set<String> roles, String processKey) {
    if (caller.overseesAll()) {
      return true;
    }
    Set<String> allowed = settings.launchRoles().getOrDefault(processKey, Set.of());
    return roles.stream().anyMatch(allowed::contains);
  }

  /** The caller's roles in their bodies, where any process is open to a role; else none. */
  private Set<String> launchRoles(Caller caller) {
    if (caller.overseesAll() || settings.launchRoles().isEmpty()) {
      return Set.of();
    }
    return directory.membershipsOf(caller.personId()).stream()
        .map(m -> m.role().key())
        .collect(Collectors.toSet());
  }

  /** Every process type by key and name in the reader's language, for filters. */
  public Map<String, String> processTypes(Locale locale) {
    Map<String, String> types = new LinkedHashMap<>();
    for (ProcessType t : processes.types()) {
      types.put(t.key(), processName(t.key(), t.name(), locale));
    }
    return types;
  }

  /** One process the caller may start. */
  public LaunchableProcess launchable(Caller caller, String processKey, Locale locale) {
    if (!mayLaunch(caller, launchRoles(caller), processKey)) {
      throw new Refusal(Reason.FORBIDDEN, "inbox.problem.mayNotLaunch");
    }
    ProcessType type =
        processes
            .type(processKey)
            .orElseThrow(
                () -> new Refusal(Reason.NOT_FOUND, "inbox.problem.unknownProcess", processKey));
    return new LaunchableProcess(
        type.key(), processName(type.key(), type.name(), locale), type.startFormId());
  }

  /** Starts a process with the values of its start form, checked against that form first. */
  @Transactional
  public StartedProcess launch(
      Caller caller, String processKey, Map<String, ?> values, Locale locale, ZoneId zone) {
    if (processKey == null || processKey.isBlank()) {
      throw new Refusal(
          Reason.INVALID,
          List.of(new FieldError("processKey", message("inbox.problem.processKeyMissing", locale))),
          "inbox.problem.invalid");
    }
    LaunchableProcess type = launchable(caller, processKey, locale);
    FormSubmission submission = forms.validate(type.startFormId(), values, locale, zone);
    if (!submission.valid()) {
      throw new Refusal(Reason.INVALID, submission.errors(), "inbox.problem.invalid");
    }
    applyRules(
        new SubmissionRule.Submission(
            type.startFormId(), null, null, caller.personId(), submission.values(), locale));
    return processes.start(type.key(), submission.values(), caller.personId());
  }

  // -------------------------------------------------------------------------------------- inbox

  /**
   * One page of the caller's tasks and their bodies' tasks, soonest due first: one row more than
   * the page is read to know whether a next page exists, so no count is needed to page.
   *
   * @param withCounts whether to count the tasks of every filter as well (one more query, which
   *     costs several times the rows at scale: docs/benchmarks.md)
   */
  @Transactional(readOnly = true)
  public InboxPage inbox(
      Caller caller, InboxFilter filter, int page, int size, boolean withCounts, Locale locale) {
    int pageSize = pageSize(size);
    int pageNumber = Math.max(page, 0);
    Instant now = clock.instant();
    List<InboxRows.Row> found = found(caller, filter, pageNumber * pageSize, pageSize + 1, now);
    boolean hasNext = found.size() > pageSize;
    List<InboxTask> rows =
        describe(caller, hasNext ? found.subList(0, pageSize) : found, locale, now);
    if (!withCounts) {
      return new InboxPage(rows, pageNumber, pageSize, hasNext, null, null);
    }
    InboxPage.Counted counted = counted(caller, filter, now);
    return new InboxPage(rows, pageNumber, pageSize, hasNext, counted.total(), counted.counts());
  }

  /** How many tasks the filter shows, and each filter would show, in one grouped query. */
  @Transactional(readOnly = true)
  public InboxPage.Counted counts(Caller caller, InboxFilter filter) {
    return counted(caller, filter, clock.instant());
  }

  private InboxPage.Counted counted(Caller caller, InboxFilter filter, Instant now) {
    InboxCounts.Result counted =
        inboxCounts.of(
            caller.personId(),
            caller.bodies(),
            filter.processKey(),
            filter.due(),
            filter.assigned(),
            now);
    return new InboxPage.Counted(
        counted.total(),
        new InboxPage.Counts(
            counted.all(), counted.mine(), counted.group(), counted.overdue(), counted.week()));
  }

  /** One page of the inbox's rows, without counts: one task query and three batch look-ups. */
  @Transactional(readOnly = true)
  public List<InboxTask> rows(
      Caller caller, InboxFilter filter, int page, int size, Locale locale) {
    int pageSize = pageSize(size);
    Instant now = clock.instant();
    return describe(
        caller, found(caller, filter, Math.max(page, 0) * pageSize, pageSize, now), locale, now);
  }

  private List<InboxRows.Row> found(
      Caller caller, InboxFilter filter, int first, int max, Instant now) {
    // a native query walking the due-date index: faster than the TaskQuery for the same tasks in
    // the same benchmark run (docs/benchmarks.md); InboxQueryTests proves the same rows and order
    return inboxRows.page(
        caller.personId(),
        caller.bodies(),
        filter.processKey(),
        filter.due(),
        filter.assigned(),
        now,
        first,
        max);
  }

  private int pageSize(int size) {
    return size <= 0 ? settings.pageSize() : Math.min(size, settings.maxPageSize());
  }

  /** Inbox rows for tasks, with a fixed number of queries whatever the number of tasks. */
  private List<InboxTask> describe(
      Caller caller, List<InboxRows.Row> found, Locale locale, Instant now) {
    if (found.isEmpty()) {
      return List.of();
    }
    Map<String, ProcessDefinition> definitions = definitions(found);
    Set<String> instanceIds =
        found.stream()
            .map(InboxRows.Row::processInstanceId)
            .filter(Objects::nonNull)
            .collect(Collectors.toSet());
    Map<String, String> businessKeys = businessKeyLookup.of(instanceIds);
    Map<String, List<String>> groups =
        candidateGroups.of(found.stream().map(InboxRows.Row::id).toList());
    Map<String, Body> bodies = bodiesById();
    List<InboxTask> rows = new ArrayList<>();
    for (InboxRows.Row t : found) {
      ProcessDefinition definition = definitions.get(t.processDefinitionId());
      String processKey = definition == null ? null : definition.getKey();
      String body = bodyOf(caller, groups.getOrDefault(t.id(), List.of()));
      rows.add(
          new InboxTask(
              t.id(),
              taskName(processKey, t.taskDefinitionKey(), t.name(), locale),
              processKey,
              definition == null ? null : processName(processKey, definition.getName(), locale),
              t.processInstanceId(),
              businessKeys.get(t.processInstanceId()),
              body,
              body == null ? null : bodyName(bodies, body, locale),
              t.assignee(),
              t.createTime(),
              t.dueDate(),
              t.dueDate() != null && t.dueDate().isBefore(now)));
    }
    return rows;
  }

  /**
   * The process definitions of the tasks, from a cache: a deployed definition never changes, so
   * every node may keep its own copy; only ids not seen yet are queried, in one query.
   */
  private Map<String, ProcessDefinition> definitions(List<InboxRows.Row> found) {
    Set<String> missing =
        found.stream()
            .map(InboxRows.Row::processDefinitionId)
            .filter(Objects::nonNull)
            .filter(id -> !definitionCache.containsKey(id))
            .collect(Collectors.toSet());
    if (!missing.isEmpty()) {
      repository
          .createProcessDefinitionQuery()
          .processDefinitionIdIn(missing.toArray(String[]::new))
          .list()
          .forEach(d -> definitionCache.put(d.getId(), d));
    }
    return definitionCache;
  }

  private static InboxRows.Row row(Task t) {
    return new InboxRows.Row(
        t.getId(),
        t.getName(),
        t.getTaskDefinitionKey(),
        t.getProcessDefinitionId(),
        t.getProcessInstanceId(),
        t.getAssignee(),
        t.getCreateTime() == null ? null : t.getCreateTime().toInstant(),
        t.getDueDate() == null ? null : t.getDueDate().toInstant());
  }

  private static String bodyOf(Caller caller, List<String> groups) {
    return groups.stream()
        .filter(caller.bodies()::contains)
        .findFirst()
        .orElse(groups.isEmpty() ? null : groups.get(0));
  }

  // -------------------------------------------------------------------------------------- tasks

  /** A task with its form, comments and the process's history so far. */
  @Transactional(readOnly = true)
  public TaskDetails task(Caller caller, String taskId, Locale locale) {
    Access access = access(caller, taskId);
    Task t = access.task();
    Instant now = clock.instant();
    InboxTask row = describe(caller, List.of(row(t)), locale, now).get(0);
    String formId = t.getCamundaFormRef() == null ? null : t.getCamundaFormRef().getKey();
    Map<String, Object> variables = new LinkedHashMap<>(tasks.getVariables(t.getId()));
    Map<String, Object> values = new LinkedHashMap<>();
    if (formId != null) {
      FormSchema schema = forms.schema(formId);
      schema
          .inputs()
          .forEach(
              c -> {
                if (variables.get(c.key()) != null) {
                  values.put(c.key(), variables.get(c.key()));
                }
              });
    }
    Map<String, Person> people = peopleById();
    List<TaskDetails.Comment> comments =
        tasks.getTaskComments(t.getId()).stream().map(c -> comment(c, people)).toList();
    List<TaskDetails.Member> delegates =
        access.mayAct()
            ? access.groups().stream()
                .flatMap(g -> directory.membersOf(g).stream())
                .map(Membership::personId)
                .distinct()
                .filter(id -> !id.equals(caller.personId()))
                .map(
                    id ->
                        new TaskDetails.Member(
                            id, people.containsKey(id) ? people.get(id).name() : id))
                .sorted((a, b) -> a.name().compareToIgnoreCase(b.name()))
                .toList()
            : List.of();
    String description =
        messages.getMessage(
            "inbox.task." + row.processKey() + "." + t.getTaskDefinitionKey() + ".description",
            null,
            t.getDescription() != null ? t.getDescription() : documentation(t),
            locale);
    return new TaskDetails(
        row,
        description,
        formId,
        values,
        variables,
        comments,
        timeline(t.getProcessInstanceId(), people, locale),
        documents.of(caller.participant(), t.getProcessInstanceId()),
        access.mayAct(),
        access.mayClaim(),
        access.mayUnclaim(),
        delegates);
  }

  private String documentation(Task t) {
    try {
      var model = repository.getBpmnModelInstance(t.getProcessDefinitionId());
      var element = model.getModelElementById(t.getTaskDefinitionKey());
      if (element instanceof org.camunda.bpm.model.bpmn.instance.BaseElement base
          && !base.getDocumentations().isEmpty()) {
        return base.getDocumentations().iterator().next().getTextContent();
      }
    } catch (ProcessEngineException e) {
      // no documentation to show
    }
    return null;
  }

  @Transactional
  public void claim(Caller caller, String taskId) {
    Access access = access(caller, taskId);
    String assignee = access.task().getAssignee();
    if (caller.personId().equals(assignee)) {
      return;
    }
    if (assignee != null) {
      throw new Refusal(Reason.CONFLICT, "inbox.problem.claimedBy", nameOf(assignee));
    }
    if (!access.member()) {
      throw new Refusal(Reason.FORBIDDEN, "inbox.problem.notYourTask");
    }
    as(caller, () -> tasks.claim(taskId, caller.personId()));
  }

  @Transactional
  public void unclaim(Caller caller, String taskId) {
    Access access = access(caller, taskId);
    if (!access.assignee()) {
      throw new Refusal(
          access.task().getAssignee() == null ? Reason.CONFLICT : Reason.FORBIDDEN,
          access.task().getAssignee() == null
              ? "inbox.problem.notClaimed"
              : "inbox.problem.notYourTask");
    }
    if (access.groups().isEmpty()) {
      throw new Refusal(Reason.CONFLICT, "inbox.problem.personalTask");
    }
    as(caller, () -> tasks.setAssignee(taskId, null));
  }

  /** Hands the task to another member of its body. */
  @Transactional
  public void delegate(Caller caller, String taskId, String userId, Locale locale) {
    Access access = access(caller, taskId);
    mustAct(access);
    String problem = null;
    if (userId == null || userId.isBlank()) {
      problem = "inbox.problem.delegateMissing";
    } else if (access.groups().stream()
        .flatMap(g -> directory.membersOf(g).stream())
        .noneMatch(m -> m.personId().equals(userId))) {
      problem = "inbox.problem.delegateNotMember";
    }
    if (problem != null) {
      throw new Refusal(
          Reason.INVALID,
          List.of(new FieldError("userId", message(problem, locale))),
          "inbox.problem.invalid");
    }
    as(caller, () -> tasks.setAssignee(taskId, userId));
  }

  /** Completes the task with the values of its form, checked against that form first. */
  @Transactional
  public void complete(
      Caller caller, String taskId, Map<String, ?> values, Locale locale, ZoneId zone) {
    Access access = access(caller, taskId);
    mustAct(access);
    Task t = access.task();
    Map<String, Object> variables = Map.of();
    if (t.getCamundaFormRef() != null) {
      FormSubmission submission =
          forms.validate(t.getCamundaFormRef().getKey(), values, locale, zone);
      if (!submission.valid()) {
        throw new Refusal(Reason.INVALID, submission.errors(), "inbox.problem.invalid");
      }
      variables = submission.values();
      applyRules(
          new SubmissionRule.Submission(
              t.getCamundaFormRef().getKey(),
              t.getProcessInstanceId(),
              taskId,
              caller.personId(),
              variables,
              locale));
    }
    Map<String, Object> submitted = variables;
    as(
        caller,
        () -> {
          if (t.getAssignee() == null) {
            // the history then says who completed it
            tasks.claim(taskId, caller.personId());
          }
          tasks.complete(taskId, submitted);
        });
  }

  /** The rules of the module that owns the step, after the schema's: their errors refuse it. */
  private void applyRules(SubmissionRule.Submission submission) {
    List<FieldError> errors = new ArrayList<>();
    for (SubmissionRule rule : rules) {
      if (rule.appliesTo(submission.formId())) {
        errors.addAll(rule.check(submission));
      }
    }
    if (!errors.isEmpty()) {
      throw new Refusal(Reason.INVALID, errors, "inbox.problem.invalid");
    }
  }

  /** The process of a task, open or done; null for an unknown task. */
  public String processOfCompletedTask(String taskId) {
    HistoricTaskInstance task =
        history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
    return task == null ? null : task.getProcessInstanceId();
  }

  @Transactional
  public TaskDetails.Comment comment(Caller caller, String taskId, String text, Locale locale) {
    Access access = access(caller, taskId);
    String problem = null;
    if (text == null || text.isBlank()) {
      problem = "inbox.problem.commentMissing";
    } else if (text.codePointCount(0, text.length()) > settings.commentMaxLength()) {
      problem = "inbox.problem.commentTooLong";
    }
    if (problem != null) {
      throw new Refusal(
          Reason.INVALID,
          List.of(new FieldError("text", message(problem, locale, settings.commentMaxLength()))),
          "inbox.problem.invalid");
    }
    org.camunda.bpm.engine.task.Comment[] created = new org.camunda.bpm.engine.task.Comment[1];
    as(
        caller,
        () ->
            created[0] =
                tasks.createComment(taskId, access.task().getProcessInstanceId(), text.strip()));
    return comment(created[0], peopleById());
  }

  private void mustAct(Access access) {
    if (!access.mayAct()) {
      throw new Refusal(
          Reason.FORBIDDEN, "inbox.problem.claimedBy", nameOf(access.task().getAssignee()));
    }
  }

  /** The open task, if the caller may see it; a refusal saying why not otherwise. */
  private Access access(Caller caller, String taskId) {
    if (taskId == null || taskId.isBlank() || taskId.length() > 64) {
      throw new Refusal(Reason.NOT_FOUND, "inbox.problem.unknownTask");
    }
    Task t = tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
    if (t == null) {
      HistoricTaskInstance done =
          history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
      if (done == null) {
        throw new Refusal(Reason.NOT_FOUND, "inbox.problem.unknownTask");
      }
      if (!wasInvolved(caller, taskId)) {
        throw new Refusal(Reason.FORBIDDEN, "inbox.problem.notYourTask");
      }
      throw new Refusal(Reason.CONFLICT, "inbox.problem.taskDone", nameOf(done.getAssignee()));
    }
    List<String> groups = candidateGroups.of(List.of(taskId)).getOrDefault(taskId, List.of());
    boolean assignee = caller.personId().equals(t.getAssignee());
    boolean member = groups.stream().anyMatch(caller.bodies()::contains);
    if (!assignee && !member && !caller.personId().equals(t.getOwner())) {
      throw new Refusal(Reason.FORBIDDEN, "inbox.problem.notYourTask");
    }
    return new Access(t, groups, assignee, member);
  }

  private boolean wasInvolved(Caller caller, String taskId) {
    if (history
            .createHistoricTaskInstanceQuery()
            .taskId(taskId)
            .taskInvolvedUser(caller.personId())
            .count()
        > 0) {
      return true;
    }
    for (String body : caller.bodies()) {
      if (history.createHistoricTaskInstanceQuery().taskId(taskId).taskInvolvedGroup(body).count()
          > 0) {
        return true;
      }
    }
    return false;
  }

  private record Access(Task task, List<String> groups, boolean assignee, boolean member) {
    boolean mayAct() {
      return assignee || (task.getAssignee() == null && member);
    }

    boolean mayClaim() {
      return member && task.getAssignee() == null;
    }

    boolean mayUnclaim() {
      return assignee && !groups.isEmpty();
    }
  }

  /** Runs an engine call as the caller, so history and comments name them. */
  private void as(Caller caller, Runnable call) {
    identity.setAuthentication(caller.personId(), List.copyOf(caller.bodies()));
    try {
      call.run();
    } catch (TaskAlreadyClaimedException e) {
      throw new Refusal(Reason.CONFLICT, "inbox.problem.claimedBy", nameOf(e.getTaskAssignee()));
    } catch (OptimisticLockingException e) {
      throw new Refusal(Reason.CONFLICT, "inbox.problem.changedMeanwhile");
    } catch (org.camunda.bpm.engine.exception.NullValueException
        | org.camunda.bpm.engine.exception.NotFoundException e) {
      throw new Refusal(Reason.CONFLICT, "inbox.problem.changedMeanwhile");
    } finally {
      identity.clearAuthentication();
    }
  }

  // ---------------------------------------------------------------------------------- processes

  /** The processes the caller may see: all for the secretariat and leadership. */
  @Transactional(readOnly = true)
  public List<ProcessSummary> processes(
      Caller caller, String processKey, String state, Locale locale) {
    HistoricProcessInstanceQuery query = history.createHistoricProcessInstanceQuery();
    if (processKey != null && !processKey.isBlank()) {
      query.processDefinitionKey(processKey);
    }
    if (state != null && !state.isBlank()) {
      switch (state) {
        case "active" -> query.unfinished();
        case "completed" -> query.finished();
        default ->
            throw new Refusal(
                Reason.INVALID,
                List.of(new FieldError("state", message("inbox.problem.state", locale))),
                "inbox.problem.invalid");
      }
    }
    if (!caller.overseesAll()) {
      Set<String> ids = involvedProcesses(caller);
      if (ids.isEmpty()) {
        return List.of();
      }
      query.processInstanceIds(ids);
    }
    return query.orderByProcessInstanceStartTime().desc().listPage(0, 500).stream()
        .map(pi -> summary(pi, locale))
        .toList();
  }

  @Transactional(readOnly = true)
  public ProcessDetails process(Caller caller, String processInstanceId, Locale locale) {
    HistoricProcessInstance pi = visibleProcess(caller, processInstanceId);
    Map<String, Person> people = peopleById();
    Map<String, Body> bodies = bodiesById();
    Instant now = clock.instant();
    List<Task> open =
        tasks.createTaskQuery().processInstanceId(pi.getId()).orderByDueDate().asc().list();
    Map<String, List<String>> groups = candidateGroups.of(open.stream().map(Task::getId).toList());
    List<ProcessDetails.CurrentStep> steps =
        open.stream()
            .map(
                t -> {
                  String body = bodyOf(caller, groups.getOrDefault(t.getId(), List.of()));
                  return new ProcessDetails.CurrentStep(
                      t.getId(),
                      taskName(
                          pi.getProcessDefinitionKey(),
                          t.getTaskDefinitionKey(),
                          t.getName(),
                          locale),
                      body,
                      body == null ? null : bodyName(bodies, body, locale),
                      t.getAssignee(),
                      t.getAssignee() == null ? null : personName(people, t.getAssignee()),
                      t.getDueDate() == null ? null : t.getDueDate().toInstant(),
                      t.getDueDate() != null && t.getDueDate().toInstant().isBefore(now));
                })
            .toList();
    List<TaskDetails.Comment> comments =
        tasks.getProcessInstanceComments(pi.getId()).stream().map(c -> comment(c, people)).toList();
    return new ProcessDetails(
        summary(pi, locale),
        steps,
        timeline(pi.getId(), people, locale),
        comments,
        documents.of(caller.participant(), pi.getId()),
        decisions.ofProcess(pi.getId()));
  }

  /** Whether the caller may see this process and what is attached to it. */
  @Transactional(readOnly = true)
  public boolean participates(Caller caller, String processInstanceId) {
    try {
      visibleProcess(caller, processInstanceId);
      return true;
    } catch (Refusal refusal) {
      return false;
    }
  }

  private HistoricProcessInstance visibleProcess(Caller caller, String processInstanceId) {
    HistoricProcessInstance pi =
        processInstanceId == null || processInstanceId.length() > 64
            ? null
            : history
                .createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId)
                .singleResult();
    if (pi == null) {
      throw new Refusal(Reason.NOT_FOUND, "inbox.problem.unknownProcessInstance");
    }
    if (processes.participates(caller.participant(), pi.getId())) {
      return pi;
    }
    throw new Refusal(Reason.FORBIDDEN, "inbox.problem.notYourProcess");
  }

  private Set<String> involvedProcesses(Caller caller) {
    Set<String> ids = new HashSet<>();
    history.createHistoricTaskInstanceQuery().taskInvolvedUser(caller.personId()).list().stream()
        .map(HistoricTaskInstance::getProcessInstanceId)
        .filter(Objects::nonNull)
        .forEach(ids::add);
    for (String body : caller.bodies()) {
      history.createHistoricTaskInstanceQuery().taskInvolvedGroup(body).list().stream()
          .map(HistoricTaskInstance::getProcessInstanceId)
          .filter(Objects::nonNull)
          .forEach(ids::add);
    }
    history.createHistoricProcessInstanceQuery().startedBy(caller.personId()).list().stream()
        .map(HistoricProcessInstance::getId)
        .forEach(ids::add);
    return ids;
  }

  private ProcessSummary summary(HistoricProcessInstance pi, Locale locale) {
    return new ProcessSummary(
        pi.getId(),
        pi.getProcessDefinitionKey(),
        processName(pi.getProcessDefinitionKey(), pi.getProcessDefinitionName(), locale),
        pi.getBusinessKey(),
        pi.getState() == null ? null : pi.getState().toLowerCase(Locale.ROOT),
        pi.getStartUserId(),
        pi.getStartTime() == null ? null : pi.getStartTime().toInstant(),
        pi.getEndTime() == null ? null : pi.getEndTime().toInstant());
  }

  /** What happened so far, each step named in the reader's language where the bundles say how. */
  private List<TaskDetails.Step> timeline(
      String processInstanceId, Map<String, Person> people, Locale locale) {
    List<TaskDetails.Step> steps = new ArrayList<>();
    for (HistoricActivityInstance a :
        history
            .createHistoricActivityInstanceQuery()
            .processInstanceId(processInstanceId)
            .orderByHistoricActivityInstanceStartTime()
            .asc()
            .orderPartiallyByOccurrence()
            .asc()
            .list()) {
      if (TIMELINE_SKIPS.contains(a.getActivityType())) {
        continue;
      }
      steps.add(
          new TaskDetails.Step(
              a.getActivityId(),
              taskName(a.getProcessDefinitionKey(), a.getActivityId(), a.getActivityName(), locale),
              a.getActivityType(),
              a.getAssignee(),
              a.getAssignee() == null ? null : personName(people, a.getAssignee()),
              a.getStartTime() == null ? null : a.getStartTime().toInstant(),
              a.getEndTime() == null ? null : a.getEndTime().toInstant()));
    }
    return steps;
  }

  // ------------------------------------------------------------------------------------ helpers

  private TaskDetails.Comment comment(
      org.camunda.bpm.engine.task.Comment c, Map<String, Person> people) {
    return new TaskDetails.Comment(
        c.getId(),
        c.getUserId(),
        c.getUserId() == null ? null : personName(people, c.getUserId()),
        c.getTime() == null ? null : c.getTime().toInstant(),
        c.getFullMessage());
  }

  private String processName(String key, String fallback, Locale locale) {
    return messages.getMessage(
        "inbox.process." + key, null, fallback == null ? key : fallback, locale);
  }

  private String taskName(String processKey, String taskKey, String fallback, Locale locale) {
    return messages.getMessage(
        "inbox.task." + processKey + "." + taskKey,
        null,
        fallback == null ? taskKey : fallback,
        locale);
  }

  private String message(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, key, locale);
  }

  private Map<String, Body> bodiesById() {
    return directory.bodies().stream()
        .collect(Collectors.toMap(Body::id, Function.identity(), (a, b) -> a));
  }

  private Map<String, Person> peopleById() {
    return directory.people().stream()
        .collect(Collectors.toMap(Person::id, Function.identity(), (a, b) -> a));
  }

  private static String bodyName(Map<String, Body> bodies, String id, Locale locale) {
    Body body = bodies.get(id);
    return body == null ? id : body.name().in(locale);
  }

  private static String personName(Map<String, Person> people, String id) {
    Person p = people.get(id);
    return p == null ? id : p.name();
  }

  private String nameOf(String personId) {
    return personId == null ? "?" : directory.person(personId).map(Person::name).orElse(personId);
  }
}

package org.govflow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.flywaydb.core.Flyway;
import org.govflow.declaration.DeclarationConcluded;
import org.govflow.support.PostgresTestDatabase;
import org.govflow.support.ProcessEngines;
import org.govflow.web.Refusal;
import org.govflow.workflow.AwaitedDecisions;
import org.govflow.workflow.Participant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * bpmn/declaration-cocreation.bpmn on a real engine with the clock driven by the test, every path.
 * The delegates and listeners are the real ones, and so is the text: DeclarationTexts works on the
 * module's tables in a PostgreSQL database of its own. Only the decision register (which needs the
 * application) is a test double; the integration test runs it for real.
 */
@Tag("process")
@Deployment(
    resources = {
      "bpmn/declaration-cocreation.bpmn",
      "forms/declaration-cocreation-start.form",
      "forms/declaration-cocreation-amend.form",
      "forms/declaration-cocreation-dispose.form",
      "forms/declaration-cocreation-validate.form",
      "forms/declaration-cocreation-translate.form",
      "forms/declaration-cocreation-follow-up.form"
    })
class DeclarationCocreationProcessTests {

  private static final String DRAFT =
      """
      # The Daejeon Declaration

      1. We, local and regional governments, gather in Daejeon.
      2. Cities are where the future is made.
      3. We commit to act together.
      """;

  private static final List<String> GROUPS =
      List.of("section-africa", "section-europe", "cities-are-listening");
  // a Monday, 09:00 in Madrid
  private static final Instant START = Instant.parse("2030-03-04T08:00:00Z");

  private static final Participant AFRICA =
      new Participant("ibrahima.sarr", Set.of("section-africa"), false);
  private static final Participant EUROPE =
      new Participant("elise.vandamme", Set.of("section-europe"), false);
  private static final Participant OFFICER =
      new Participant("officer", Set.of("secretariat"), true);

  private static final DeclarationDecisions decisions = mock(DeclarationDecisions.class);
  private static final DeclarationPublications publications = mock(DeclarationPublications.class);
  private static final List<Object> events = new java.util.concurrent.CopyOnWriteArrayList<>();
  private static final DeclarationSettings settings =
      new DeclarationSettings(
          "host-city-daejeon",
          Duration.ofDays(90),
          org.springframework.util.unit.DataSize.ofMegabytes(2));
  private static DeclarationTexts texts;
  private static final AtomicInteger keys = new AtomicInteger();

  @RegisterExtension
  static ProcessEngineExtension engine =
      ProcessEngineExtension.builder().useProcessEngine(ProcessEngines.postgres()).build();

  private String key;

  @BeforeAll
  static void beans() {
    DriverManagerDataSource data =
        new DriverManagerDataSource(
            PostgresTestDatabase.url("declaration_process"),
            PostgresTestDatabase.user(),
            PostgresTestDatabase.password());
    Flyway.configure().dataSource(data).load().migrate();
    DeclarationRepository repository = new DeclarationRepository(new JdbcTemplate(data));
    texts = new DeclarationTexts(repository);
    ProcessEngines.register("declarationLaunched", new DeclarationLaunched(texts, settings));
    ProcessEngines.register("declarationLists", new DeclarationLists());
    ProcessEngines.register("roundOpened", new RoundOpened(texts, ProcessEngines.CALENDAR));
    ProcessEngines.register("roundAnswered", new RoundAnswered(texts));
    ProcessEngines.register("roundClosed", new RoundClosed(texts));
    ProcessEngines.register("dispositionsChecked", new DispositionsChecked(texts));
    ProcessEngines.register("versionBuilt", new VersionBuilt(texts, decisions));
    ProcessEngines.register("validationOpened", new ValidationOpened(texts));
    ProcessEngines.register("validationGiven", new ValidationGiven(decisions));
    ProcessEngines.register("furtherRoundGranted", new FurtherRoundGranted());
    ProcessEngines.register("translationOpened", new TranslationOpened(texts));
    ProcessEngines.register("translationGiven", new TranslationGiven(texts));
    ProcessEngines.register(
        "generalAssemblySubmitted", new GeneralAssemblySubmitted(texts, settings));
    ProcessEngines.register(
        "adoptionRecorded",
        new AdoptionRecorded(
            texts,
            decisions,
            publications,
            new DeclarationConclusions(repository, texts),
            events::add));
  }

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine.getProcessEngine());
    ClockUtil.setCurrentTime(Date.from(START));
    reset(decisions, publications);
    events.clear();
    key = "DECL-2030-" + (100 + keys.incrementAndGet()) + "-" + System.nanoTime();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void twoRoundsASilentGroupAReturnedValidationTranslationsAndAdoption() {
    ProcessInstance pi = launch(2);
    assertThat(pi).hasPassed("StoreZeroDraft").isWaitingAt("FileAmendments");
    assertThat(runtimeService().getVariables(pi.getId()))
        .doesNotContainKey("draft")
        .containsEntry("versionNumber", 1)
        .containsEntry("round", 1);
    List<Task> round1 = tasksAt(pi, "FileAmendments");
    assertThat(
            round1.stream()
                .flatMap(t -> taskService().getIdentityLinksForTask(t.getId()).stream())
                .map(l -> l.getGroupId()))
        .containsExactlyInAnyOrderElementsOf(GROUPS);
    // 21 calendar days from launch, at 18:00 in Madrid
    assertThat(round1)
        .allSatisfy(
            t ->
                assertThat(t.getDueDate())
                    .isEqualTo(Date.from(Instant.parse("2030-03-25T17:00:00Z"))));

    // round 1: Africa and Europe file, the civil society group stays silent until the deadline
    long africa =
        texts.file(
            pi.getId(), AFRICA, "section-africa", "modify", "p2", "Cities make the future.", "");
    long europe =
        texts.file(
            pi.getId(), EUROPE, "section-europe", "insert-after", "p3", "We meet again.", "");
    answerRound(pi, "section-africa", "ibrahima.sarr");
    answerRound(pi, "section-europe", "elise.vandamme");
    assertThat(pi).isWaitingAt("FileAmendments");
    Job deadline = job("RoundDeadline", pi);
    assertThat(deadline.getDuedate()).isEqualTo(Date.from(Instant.parse("2030-03-25T17:00:00Z")));
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2030-03-25T17:01:00Z")));
    execute(deadline);
    assertThat(pi).hasPassed("CloseRound").isWaitingAt("DisposeAmendments");
    assertThat(BpmnAwareTests.task(pi)).hasCandidateGroup("secretariat");
    assertThat(answers(pi, 1))
        .containsEntry("cities-are-listening", DeclarationTexts.SILENT)
        .containsEntry("section-africa", DeclarationTexts.FILED);

    // the committee's task cannot complete with an amendment left open
    texts.dispose(pi.getId(), OFFICER, africa, "accepted", null, "Clearer.");
    assertThatThrownBy(() -> complete(BpmnAwareTests.task(pi), Map.of()))
        .hasRootCauseInstanceOf(Refusal.class)
        .hasMessageContaining("declaration.build.undisposed");
    texts.dispose(
        pi.getId(), OFFICER, europe, "accepted-as-modified", "We will meet again.", "Tone.");
    complete(BpmnAwareTests.task(pi), Map.of());
    assertThat(pi).hasPassed("BuildVersion").isWaitingAt("FileAmendments");
    assertThat(runtimeService().getVariable(pi.getId(), "versionNumber")).isEqualTo(2);
    String v2 = texts.current(pi.getId()).text().sha256();
    verify(decisions).recordDispositions(pi.getId(), 1, v2);
    assertThat(texts.current(pi.getId()).text().paragraphs())
        .extracting(Paragraph::number)
        .containsExactly("1", "2", "3", "3bis");

    // round 2: every group answers with nothing; the version stays the same
    for (String group : GROUPS) {
      answerRound(pi, group, "someone");
    }
    assertThat(pi).isWaitingAt("DisposeAmendments");
    complete(BpmnAwareTests.task(pi), Map.of());
    assertThat(pi).isWaitingAt("ValidateHostCity", "ValidatePresidency");
    assertThat(BpmnAwareTests.task("ValidateHostCity", pi)).hasCandidateGroup("host-city-daejeon");
    assertThat(BpmnAwareTests.task("ValidatePresidency", pi)).hasCandidateGroup("presidency");

    // the Presidency returns it: a third round
    validate(pi, "ValidateHostCity", "approve");
    validate(pi, "ValidatePresidency", "return");
    verify(decisions).recordValidation(pi.getId(), "host-city-daejeon", true, null, v2);
    verify(decisions).recordValidation(pi.getId(), "presidency", false, null, v2);
    assertThat(pi).hasPassed("FurtherRound").isWaitingAt("FileAmendments");
    assertThat(runtimeService().getVariable(pi.getId(), "round")).isEqualTo(3);
    for (String group : GROUPS) {
      answerRound(pi, group, "someone");
    }
    complete(BpmnAwareTests.task(pi), Map.of());
    validate(pi, "ValidateHostCity", "approve");
    validate(pi, "ValidatePresidency", "approve");

    // translations into the two other languages; one missing a paragraph is refused
    assertThat(pi).isWaitingAt("Translate");
    List<Task> translations = tasksAt(pi, "Translate");
    assertThat(translations)
        .extracting(t -> taskService().getVariable(t.getId(), "targetLanguage"))
        .containsExactlyInAnyOrder("fr", "es");
    Task fr = translationTask(pi, "fr");
    assertThatThrownBy(() -> complete(fr, Map.of("translation", "1. Un.\n2. Deux.\n3. Trois.")))
        .hasRootCauseInstanceOf(Refusal.class)
        .hasMessageContaining("declaration.translation.missing");
    complete(fr, Map.of("translation", "1. Un.\n2. Deux.\n3. Trois.\n3bis. Trois bis."));
    complete(
        translationTask(pi, "es"),
        Map.of("translation", "1. Uno.\n2. Dos.\n3. Tres.\n3bis. Tres bis."));

    assertThat(pi).isWaitingAt("AwaitGeneralAssembly");
    assertThat(runtimeService().getVariables(pi.getId()))
        .containsEntry(AwaitedDecisions.AWAITED_BODY, "general-assembly")
        .containsEntry(AwaitedDecisions.AWAITED_SUBJECT, "The Daejeon Declaration")
        .containsEntry(AwaitedDecisions.AWAITED_DOCUMENT_SHA256, v2);
    generalAssemblyDecides("adopted", 41L);
    assertThat(pi)
        .hasPassed("RecordAdoption", "DeclarationAdopted")
        .hasNotPassed("FollowUpGeneralAssembly")
        .isEnded();
    verify(decisions).recordAdoption(pi.getId(), "adopted", 41L, v2);
    verify(publications).publish(eq(pi.getId()), any());
    assertThat(texts.declaration(pi.getId()).stage()).isEqualTo(Stage.ADOPTED);
    // the contributor groups are told, with their amendments and dispositions
    DeclarationConcluded concluded = (DeclarationConcluded) events.get(0);
    assertThat(concluded.outcome()).isEqualTo("adopted");
    assertThat(concluded.path()).isEqualTo("/declarations/" + key);
    assertThat(concluded.groups()).containsExactlyElementsOf(GROUPS);
    assertThat(concluded.amendments())
        .extracting(
            a ->
                String.join(
                    "|",
                    a.group(),
                    a.paragraphNumber(),
                    a.disposition(),
                    String.valueOf(a.committeeText()),
                    a.reason()))
        .containsExactly(
            "section-africa|2|accepted|null|Clearer.",
            "section-europe|3|accepted-as-modified|We will meet again.|Tone.");
  }

  @Test
  void rejectionAtTheGeneralAssemblyAfterAnEscalation() {
    ProcessInstance pi = launch(1);
    for (String group : GROUPS) {
      answerRound(pi, group, "someone");
    }
    complete(BpmnAwareTests.task(pi), Map.of());
    validate(pi, "ValidateHostCity", "approve");
    validate(pi, "ValidatePresidency", "approve");
    complete(translationTask(pi, "fr"), Map.of("translation", "1. Un.\n2. Deux.\n3. Trois."));
    complete(translationTask(pi, "es"), Map.of("translation", "1. Uno.\n2. Dos.\n3. Tres."));
    assertThat(pi).isWaitingAt("AwaitGeneralAssembly");
    verify(decisions, never()).recordDispositions(anyString(), anyInt(), anyString());

    Job overdue = job("GeneralAssemblyOverdue", pi);
    assertThat(overdue.getDuedate())
        .isEqualTo(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(90))));
    ClockUtil.setCurrentTime(
        Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(91))));
    execute(overdue);
    assertThat(pi).isWaitingAt("AwaitGeneralAssembly", "FollowUpGeneralAssembly");
    assertThat(BpmnAwareTests.task(pi)).hasCandidateGroup("secretariat");
    complete(BpmnAwareTests.task(pi), Map.of("followUpNote", "On the agenda of GA-2030-01."));
    assertThat(pi).hasPassed("FollowedUp").isWaitingAt("AwaitGeneralAssembly");

    generalAssemblyDecides("rejected", null);
    assertThat(pi).hasPassed("DeclarationRejected").isEnded();
    verify(decisions).recordAdoption(eq(pi.getId()), eq("rejected"), eq(null), any());
    verify(publications, never()).publish(anyString(), any());
    assertThat(texts.declaration(pi.getId()).stage()).isEqualTo(Stage.REJECTED);
    assertThat(events)
        .singleElement()
        .isInstanceOfSatisfying(
            DeclarationConcluded.class,
            c -> {
              assertThat(c.outcome()).isEqualTo("rejected");
              assertThat(c.amendments()).isEmpty();
            });
  }

  @Test
  void aConflictMustBeResolvedBeforeTheCommitteeCompletes() {
    ProcessInstance pi = launch(1);
    long a = texts.file(pi.getId(), AFRICA, "section-africa", "modify", "p1", "We gather.", "");
    long b = texts.file(pi.getId(), EUROPE, "section-europe", "delete", "p1", null, "");
    Job deadline = job("RoundDeadline", pi);
    ClockUtil.setCurrentTime(Date.from(deadline.getDuedate().toInstant().plusSeconds(60)));
    execute(deadline);
    assertThat(answers(pi, 1)).containsEntry("section-africa", DeclarationTexts.SILENT).hasSize(3);
    texts.dispose(pi.getId(), OFFICER, a, "accepted", null, "ok");
    texts.dispose(pi.getId(), OFFICER, b, "accepted", null, "ok");
    assertThatThrownBy(() -> complete(BpmnAwareTests.task(pi), Map.of()))
        .hasRootCauseInstanceOf(Refusal.class)
        .hasMessageContaining("declaration.build.conflicts");
    texts.resolve(pi.getId(), OFFICER, "p1", "We, cities, gather.", "Merged.");
    complete(BpmnAwareTests.task(pi), Map.of());
    assertThat(pi).isWaitingAt("ValidateHostCity", "ValidatePresidency");
    assertThat(texts.current(pi.getId()).text().paragraph("p1").orElseThrow().text())
        .isEqualTo("We, cities, gather.");
  }

  // ------------------------------------------------------------------------------------ helpers

  private ProcessInstance launch(int rounds) {
    Map<String, Object> values = new HashMap<>();
    values.put("title", "The Daejeon Declaration");
    values.put("draft", DRAFT);
    values.put("language", "en");
    values.put("groups", "[\"section-africa\",\"section-europe\",\"cities-are-listening\"]");
    values.put("rounds", rounds);
    values.put("roundDays", 21);
    values.put("initiator", "officer");
    return runtimeService().startProcessInstanceByKey("declaration-cocreation", key, values);
  }

  private void answerRound(ProcessInstance pi, String group, String person) {
    Task task =
        taskService()
            .createTaskQuery()
            .processInstanceId(pi.getId())
            .taskDefinitionKey("FileAmendments")
            .taskCandidateGroup(group)
            .singleResult();
    taskService().claim(task.getId(), person);
    taskService().complete(task.getId());
  }

  private Map<String, String> answers(ProcessInstance pi, int round) {
    Map<String, String> out = new HashMap<>();
    new DeclarationRepository(
            new JdbcTemplate(
                new DriverManagerDataSource(
                    PostgresTestDatabase.url("declaration_process"),
                    PostgresTestDatabase.user(),
                    PostgresTestDatabase.password())))
        .answers(pi.getId()).stream()
            .filter(a -> a.round() == round)
            .forEach(a -> out.put(a.groupId(), a.answer()));
    return out;
  }

  private static void validate(ProcessInstance pi, String activity, String validation) {
    complete(
        BpmnAwareTests.task(activity, pi),
        Map.of("validation", validation, "validationComment", "Seen."));
  }

  /** The translation task into a language, claimed by the secretariat's translator. */
  private static Task translationTask(ProcessInstance pi, String language) {
    Task task =
        tasksAt(pi, "Translate").stream()
            .filter(t -> language.equals(taskService().getVariable(t.getId(), "targetLanguage")))
            .findFirst()
            .orElseThrow();
    if (task.getAssignee() == null) {
      taskService().claim(task.getId(), "officer");
    }
    return task;
  }

  private void generalAssemblyDecides(String outcome, Long decisionId) {
    HashMap<String, Object> values = new HashMap<>();
    values.put(AwaitedDecisions.OUTCOME, outcome);
    values.put(AwaitedDecisions.DECISION_ID, decisionId);
    values.put(AwaitedDecisions.MEETING, "GA-2030-01");
    runtimeService()
        .createMessageCorrelation(AwaitedDecisions.MESSAGE)
        .processInstanceBusinessKey(key)
        .setVariables(values)
        .correlateWithResult();
  }

  private static void complete(Task task, Map<String, Object> values) {
    taskService().complete(task.getId(), values);
  }

  private static List<Task> tasksAt(ProcessInstance pi, String activity) {
    return taskService()
        .createTaskQuery()
        .processInstanceId(pi.getId())
        .taskDefinitionKey(activity)
        .list();
  }
}

package org.govflow.recommendations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.govflow.documents.DocumentVersion;
import org.govflow.recommendations.internal.RecommendationDecisions.CouncilVoteCounted;
import org.govflow.recommendations.internal.RecommendationRecords.Launched;
import org.govflow.support.ProcessEngines;
import org.govflow.workflow.AwaitedDecisions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/**
 * bpmn/policy-recommendation.bpmn on a real engine and the real DMN tables, every path, with the
 * clock driven by the test. The module's records (documents, register, tables) need Spring, so
 * RecommendationRecords, RecommendationDecisions and the directory routing are test doubles here;
 * the delegates, the listeners and the vote count are the real ones. The integration test runs it
 * all for real.
 */
@Tag("process")
@Deployment(
    resources = {
      "bpmn/policy-recommendation.bpmn",
      "bpmn/recommendation-vote.dmn",
      "forms/policy-recommendation-start.form",
      "forms/policy-recommendation-review.form",
      "forms/policy-recommendation-revise.form",
      "forms/policy-recommendation-consult.form",
      "forms/policy-recommendation-consolidate.form",
      "forms/policy-recommendation-vote.form",
      "forms/policy-recommendation-after-vote.form",
      "forms/policy-recommendation-endorse.form",
      "forms/policy-recommendation-follow-up.form"
    })
class PolicyRecommendationProcessTests {

  private static final String COUNCIL = "council-right-to-city";
  private static final List<String> CO_CHAIRS = List.of("ana.belmonte", "thandiwe.nkosi");
  private static final List<String> MEMBERS =
      List.of(
          "ana.belmonte",
          "claire.dumont",
          "diego.fuentes",
          "layla.haddad",
          "marcus.whitfield",
          "priya.raghavan",
          "thandiwe.nkosi");
  private static final List<String> SECTIONS = List.of("section-africa", "section-europe");
  // a Monday, 09:00 in Madrid
  private static final Instant START = Instant.parse("2030-03-04T08:00:00Z");

  private static final RecommendationRecords records = mock(RecommendationRecords.class);
  private static final RecommendationDecisions decisions = mock(RecommendationDecisions.class);
  private static final RecommendationRouting routing = mock(RecommendationRouting.class);
  private static final RecommendationSettings settings =
      new RecommendationSettings(14, Duration.ofDays(90));

  @RegisterExtension
  static ProcessEngineExtension engine =
      ProcessEngineExtension.builder().useProcessEngine(ProcessEngines.postgres()).build();

  private final AtomicInteger versions = new AtomicInteger();

  @BeforeAll
  static void beans() {
    ProcessEngines.register("recommendationRouting", routing);
    ProcessEngines.register("recommendationLists", new RecommendationLists());
    ProcessEngines.register("versionStored", new VersionStored(records));
    ProcessEngines.register("currentVersionOffered", new CurrentVersionOffered(records));
    ProcessEngines.register("reviewGiven", new ReviewGiven(records));
    ProcessEngines.register("consultationOpened", new ConsultationOpened(ProcessEngines.CALENDAR));
    ProcessEngines.register("sectionAnswered", new SectionAnswered(records));
    ProcessEngines.register("silenceRecorded", new SilenceRecorded(records));
    ProcessEngines.register(
        "voteOpened", new VoteOpened(routing, ProcessEngines.CALENDAR, settings));
    ProcessEngines.register("voteCast", new VoteCast(records));
    ProcessEngines.register("voteCount", new VoteCount());
    ProcessEngines.register("voteRecorded", new VoteRecorded(decisions));
    ProcessEngines.register("endorsementRecorded", new EndorsementRecorded(decisions));
    ProcessEngines.register("withdrawalRecorded", new WithdrawalRecorded(decisions));
    ProcessEngines.register("worldCouncilSubmitted", new WorldCouncilSubmitted(settings));
    ProcessEngines.register(
        "worldCouncilDecisionRecorded", new WorldCouncilDecisionRecorded(decisions));
  }

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine.getProcessEngine());
    ClockUtil.setCurrentTime(Date.from(START));
    reset(records, decisions, routing);
    when(routing.coChairs(COUNCIL)).thenReturn(CO_CHAIRS);
    when(routing.members(COUNCIL)).thenReturn(MEMBERS);
    when(records.text(eq("doc-1"), anyInt()))
        .thenAnswer(call -> "text of version " + call.getArgument(1));
    when(records.storeVersion(any(), anyString(), anyString()))
        .thenAnswer(
            call -> {
              String text = call.getArgument(2);
              return new DocumentVersion(
                  "doc-1",
                  versions.incrementAndGet(),
                  "REC.md",
                  "text/markdown",
                  text.length(),
                  sha256(text),
                  Instant.now(),
                  call.getArgument(1),
                  null,
                  null);
            });
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void approvedFirstTimeThenAdoptedByTheWorldCouncil() {
    ProcessInstance pi = launch();
    assertThat(pi).isWaitingAt("ReviewByCoChairs");
    assertThat(tasksAt(pi, "ReviewByCoChairs"))
        .extracting(Task::getAssignee)
        .containsExactlyInAnyOrderElementsOf(CO_CHAIRS);
    Task review = tasksAt(pi, "ReviewByCoChairs").get(0);
    Task withForm =
        taskService().createTaskQuery().taskId(review.getId()).initializeFormKeys().singleResult();
    assertThat(withForm.getCamundaFormRef().getKey()).isEqualTo("policy-recommendation-review");
    verify(records)
        .storeVersion(
            eq(new Launched(pi.getId(), "REC-1", COUNCIL, "Housing is a right", "Summary")),
            eq("officer"),
            eq("# Draft\n\nCities recommend..."));

    approveDraft(pi);

    assertThat(pi).hasPassed("OpenConsultation").isWaitingAt("ConsultSections");
    List<Task> consultation = tasksAt(pi, "ConsultSections");
    assertThat(consultation).hasSize(2);
    assertThat(consultation)
        .allSatisfy(
            t ->
                // ten calendar days from launch, at 18:00 in Madrid
                assertThat(t.getDueDate())
                    .isEqualTo(Date.from(Instant.parse("2030-03-14T17:00:00Z"))));
    assertThat(
            consultation.stream()
                .flatMap(t -> taskService().getIdentityLinksForTask(t.getId()).stream())
                .map(l -> l.getGroupId()))
        .containsExactlyInAnyOrderElementsOf(SECTIONS);
    answer(pi, "section-africa", "comments", "Mention informal settlements.");
    answer(pi, "section-europe", "no-objection", null);
    verify(records)
        .recordAnswer(
            pi.getId(),
            1,
            "section-africa",
            "ibrahima.sarr",
            SectionAnswer.COMMENTS,
            "Mention informal settlements.");

    assertThat(pi).hasNotPassed("RecordSilence").isWaitingAt("Consolidate");
    assertThat(BpmnAwareTests.task(pi)).hasCandidateGroup("secretariat");
    // the form is offered the current version's text; the process keeps only the version's id
    assertThat(taskService().getVariable(BpmnAwareTests.task(pi).getId(), "document"))
        .isEqualTo("text of version 1");
    assertThat(runtimeService().getVariables(pi.getId()))
        .doesNotContainKey("document")
        .containsEntry("documentId", "doc-1");
    consolidate(pi);

    assertThat(pi).isWaitingAt("CouncilVote");
    assertThat(tasksAt(pi, "CouncilVote"))
        .extracting(Task::getAssignee)
        .containsExactlyInAnyOrderElementsOf(MEMBERS);
    vote(pi, "yes", "yes", "yes", "yes");
    assertThat(pi).hasPassed("CountVotes").isWaitingAt("EndorseRecommendation");
    assertThat(BpmnAwareTests.task(pi)).hasCandidateGroup("presidency");

    endorse(pi, "endorse");
    assertThat(pi).isWaitingAt("AwaitWorldCouncil");
    assertThat(runtimeService().getVariables(pi.getId()))
        .containsEntry(AwaitedDecisions.AWAITED_BODY, "world-council")
        .containsEntry(AwaitedDecisions.AWAITED_SUBJECT, "Housing is a right")
        .containsEntry(AwaitedDecisions.AWAITED_DOCUMENT_SHA256, sha256("consolidated"));

    worldCouncilDecides("adopted", null);

    assertThat(pi)
        .hasPassedInOrder(
            "RecommendationLaunched",
            "StoreDraft",
            "ReviewByCoChairs",
            "OpenConsultation",
            "ConsultSections",
            "Consolidate",
            "StoreConsolidated",
            "OpenVote",
            "CouncilVote",
            "CountVotes",
            "RecordVote",
            "EndorseRecommendation",
            "RecordEndorsement",
            "SubmitToWorldCouncil",
            "AwaitWorldCouncil",
            "RecordWorldCouncilDecision",
            "RecommendationAdopted")
        .hasNotPassed("ReviseDraft", "RecordSilence", "DecideAfterVote")
        .isEnded();
    verify(decisions)
        .recordWorldCouncilDecision(pi.getId(), Outcome.ADOPTED, null, sha256("consolidated"));
    verify(decisions).recordEndorsement(pi.getId(), true, null, sha256("consolidated"));
  }

  @Test
  void changesRequestedTwiceGoBackToTheRapporteur() {
    ProcessInstance pi = launch();

    review(pi, "ana.belmonte", "changes", "Shorter, please.");
    review(pi, "thandiwe.nkosi", "approve", null);
    assertThat(pi).isWaitingAt("ReviseDraft");
    assertThat(BpmnAwareTests.task(pi)).isAssignedTo("officer");
    verify(records).recordReview(pi.getId(), "ana.belmonte", 1, "changes", "Shorter, please.");
    revise(pi, "# Draft, shorter");

    assertThat(pi).isWaitingAt("ReviewByCoChairs");
    // each co-chair's form starts empty: their answers are their own
    assertThat(taskService().getVariables(tasksAt(pi, "ReviewByCoChairs").get(0).getId()))
        .containsEntry("review", null);
    review(pi, "ana.belmonte", "approve", null);
    review(pi, "thandiwe.nkosi", "changes", "Add the data annex.");
    revise(pi, "# Draft, shorter, with annex");

    approveDraft(pi);
    assertThat(pi).isWaitingAt("ConsultSections");
    verify(records, times(3)).storeVersion(any(), anyString(), anyString());
    verify(records).recordReview(pi.getId(), "ana.belmonte", 3, "approve", null);
    assertThat(runtimeService().getVariable(pi.getId(), "documentVersion")).isEqualTo(3);
  }

  @Test
  void sectionsSilentAtTheDeadlineHaveNoObjection() {
    ProcessInstance pi = launch();
    approveDraft(pi);
    answer(pi, "section-europe", "no-objection", null);
    assertThat(pi).isWaitingAt("ConsultSections");

    ClockUtil.setCurrentTime(Date.from(Instant.parse("2030-03-14T17:00:01Z")));
    execute(job(pi));

    assertThat(pi).hasPassed("ConsultationDeadline", "RecordSilence").isWaitingAt("Consolidate");
    assertThat(tasksAt(pi, "ConsultSections")).isEmpty();
    verify(records).recordSilence(pi.getId(), 1, SECTIONS);
  }

  @Test
  void voteClosesAsSoonAsTheMajorityIsCertain() {
    ProcessInstance pi = toVote();

    vote(pi, "yes", "yes", "yes");
    assertThat(pi).isWaitingAt("CouncilVote");
    vote(pi, "yes");

    // 4 of 7 for: whatever the other three do, it is adopted
    assertThat(pi).hasPassed("CountVotes").isWaitingAt("EndorseRecommendation");
    assertThat(tasksAt(pi, "CouncilVote")).isEmpty();
    verify(decisions)
        .recordCouncilVote(
            new CouncilVoteCounted(pi.getId(), 1, "adopted", 7, 4, 0, 0, sha256("consolidated")));
    verify(records, times(4)).castVote(eq(pi.getId()), eq(1), anyString(), eq("yes"), any());
  }

  @Test
  void notAdoptedGoesBackToDrafting() {
    ProcessInstance pi = toVote();
    vote(pi, "no", "no", "yes", "abstain");
    assertThat(pi).isWaitingAt("CouncilVote");
    // 3 against 1 with two still out could still be a tie or worse, never a majority for
    vote(pi, "no");

    assertThat(pi).isWaitingAt("DecideAfterVote");
    assertThat(BpmnAwareTests.task(pi)).hasCandidateGroup("secretariat");
    ArgumentCaptor<CouncilVoteCounted> counted = ArgumentCaptor.forClass(CouncilVoteCounted.class);
    verify(decisions).recordCouncilVote(counted.capture());
    assertThat(counted.getValue().outcome()).isEqualTo("not-adopted");
    assertThat(counted.getValue())
        .isEqualTo(
            new CouncilVoteCounted(
                pi.getId(), 1, "not-adopted", 7, 1, 3, 1, sha256("consolidated")));

    complete(
        BpmnAwareTests.task(pi),
        Map.of("nextStep", "redraft", "nextStepReason", "Rework the finance part."));
    assertThat(pi).isWaitingAt("ReviseDraft");
    revise(pi, "# Draft 3");
    assertThat(pi).isWaitingAt("ReviewByCoChairs");
  }

  @Test
  void notAdoptedAndWithdrawn() {
    ProcessInstance pi = toVote();
    vote(pi, "no", "no", "no", "no");

    complete(
        BpmnAwareTests.task(pi),
        Map.of("nextStep", "withdraw", "nextStepReason", "No support in the council."));

    assertThat(pi).hasPassed("RecordWithdrawal").isEnded();
    assertThat(pi).hasPassed("RecommendationWithdrawn");
    verify(decisions).withdraw(pi.getId(), null, sha256("consolidated"));
  }

  @Test
  void quorumMissedAtTheDeadline() {
    ProcessInstance pi = toVote();
    vote(pi, "yes", "yes", "abstain");
    assertThat(tasksAt(pi, "CouncilVote")).hasSize(4);
    assertThat(tasksAt(pi, "CouncilVote").get(0).getDueDate())
        // fourteen days after the vote opened, 18:00 in Madrid
        .isEqualTo(Date.from(Instant.parse("2030-03-18T17:00:00Z")));

    ClockUtil.setCurrentTime(Date.from(Instant.parse("2030-03-18T17:00:01Z")));
    execute(job(pi));

    assertThat(pi).hasPassed("VoteDeadline", "CountVotes").isWaitingAt("DecideAfterVote");
    verify(decisions)
        .recordCouncilVote(
            new CouncilVoteCounted(
                pi.getId(), 1, "quorum-missed", 7, 2, 0, 1, sha256("consolidated")));
  }

  @Test
  void presidencyReturnsItToConsolidation() {
    ProcessInstance pi = toVote();
    vote(pi, "yes", "yes", "yes", "yes");

    endorse(pi, "return");

    assertThat(pi).hasPassed("RecordEndorsement").isWaitingAt("Consolidate");
    verify(decisions).recordEndorsement(pi.getId(), false, null, sha256("consolidated"));
    consolidate(pi);
    // a second vote on the new version, counted from zero
    assertThat(pi).isWaitingAt("CouncilVote");
    assertThat(runtimeService().getVariable(pi.getId(), "voteRound")).isEqualTo(2);
    assertThat(runtimeService().getVariable(pi.getId(), "inFavour")).isEqualTo(0);
  }

  @Test
  void worldCouncilRejectsWithTheMeetingsOwnRegisterEntry() {
    ProcessInstance pi = toWorldCouncil();

    worldCouncilDecides("rejected", 42L);

    assertThat(pi).hasPassed("RecommendationRejected").isEnded();
    verify(decisions)
        .recordWorldCouncilDecision(pi.getId(), Outcome.REJECTED, 42L, sha256("consolidated"));
  }

  @Test
  void noMeetingInTimeEscalatesToTheSecretariatAndTheWaitGoesOn() {
    ProcessInstance pi = toWorldCouncil();
    assertThat(job(pi)).isNotNull();
    assertThat(job(pi).getDuedate())
        .isEqualTo(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(90))));

    ClockUtil.setCurrentTime(
        Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(91))));
    execute(job(pi));

    assertThat(pi).isWaitingAt("AwaitWorldCouncil", "FollowUpWorldCouncil");
    assertThat(BpmnAwareTests.task(pi)).hasCandidateGroup("secretariat");
    complete(BpmnAwareTests.task(pi), Map.of("followUpNote", "On the agenda of WC-2030-02."));
    assertThat(pi).hasPassed("FollowedUp").isWaitingAt("AwaitWorldCouncil");

    worldCouncilDecides("adopted", 7L);
    assertThat(pi).hasPassed("RecommendationAdopted").isEnded();
    verify(decisions, never())
        .recordWorldCouncilDecision(anyString(), eq(Outcome.REJECTED), any(), anyString());
  }

  // ------------------------------------------------------------------------------------ helpers

  private ProcessInstance launch() {
    ProcessInstance pi =
        runtimeService()
            .startProcessInstanceByKey(
                "policy-recommendation",
                "REC-1",
                withVariables(
                    "council",
                    COUNCIL,
                    "title",
                    "Housing is a right",
                    "summary",
                    "Summary",
                    "document",
                    "# Draft\n\nCities recommend...",
                    "sections",
                    SECTIONS,
                    "consultationDays",
                    new java.math.BigDecimal(10),
                    "initiator",
                    "officer"));
    // the draft is stored once the launch has committed
    assertThat(pi).isWaitingAt("StoreDraft");
    execute(job(pi));
    return pi;
  }

  private ProcessInstance toVote() {
    ProcessInstance pi = launch();
    approveDraft(pi);
    answer(pi, "section-africa", "no-objection", null);
    answer(pi, "section-europe", "no-objection", null);
    consolidate(pi);
    assertThat(pi).isWaitingAt("CouncilVote");
    return pi;
  }

  private ProcessInstance toWorldCouncil() {
    ProcessInstance pi = toVote();
    vote(pi, "yes", "yes", "yes", "yes");
    endorse(pi, "endorse");
    assertThat(pi).isWaitingAt("AwaitWorldCouncil");
    return pi;
  }

  private void approveDraft(ProcessInstance pi) {
    for (String coChair : CO_CHAIRS) {
      review(pi, coChair, "approve", null);
    }
  }

  private void review(ProcessInstance pi, String coChair, String review, String comment) {
    Task task =
        taskService()
            .createTaskQuery()
            .processInstanceId(pi.getId())
            .taskDefinitionKey("ReviewByCoChairs")
            .taskAssignee(coChair)
            .singleResult();
    java.util.HashMap<String, Object> values = new java.util.HashMap<>();
    values.put("review", review);
    values.put("reviewComment", comment);
    taskService().complete(task.getId(), values);
  }

  private void revise(ProcessInstance pi, String text) {
    complete(BpmnAwareTests.task("ReviseDraft", pi), Map.of("document", text));
  }

  private void answer(ProcessInstance pi, String section, String response, String comments) {
    Task task =
        taskService()
            .createTaskQuery()
            .processInstanceId(pi.getId())
            .taskDefinitionKey("ConsultSections")
            .taskCandidateGroup(section)
            .singleResult();
    String focalPoint = "section-africa".equals(section) ? "ibrahima.sarr" : "elise.vandamme";
    taskService().claim(task.getId(), focalPoint);
    java.util.HashMap<String, Object> values = new java.util.HashMap<>();
    values.put("response", response);
    values.put("comments", comments);
    taskService().complete(task.getId(), values);
  }

  private void consolidate(ProcessInstance pi) {
    complete(BpmnAwareTests.task("Consolidate", pi), Map.of("document", "consolidated"));
  }

  /** Members vote in alphabetical order, one vote each. */
  private void vote(ProcessInstance pi, String... votes) {
    for (String vote : votes) {
      Task next =
          taskService()
              .createTaskQuery()
              .processInstanceId(pi.getId())
              .taskDefinitionKey("CouncilVote")
              .orderByTaskAssignee()
              .asc()
              .list()
              .get(0);
      taskService().complete(next.getId(), Map.of("vote", vote, "statement", ""));
    }
  }

  private void endorse(ProcessInstance pi, String endorsement) {
    complete(
        BpmnAwareTests.task("EndorseRecommendation", pi),
        Map.of("endorsement", endorsement, "presidencyComment", "Noted."));
  }

  private static void worldCouncilDecides(String outcome, Long decisionId) {
    java.util.HashMap<String, Object> values = new java.util.HashMap<>();
    values.put(AwaitedDecisions.OUTCOME, outcome);
    values.put(AwaitedDecisions.DECISION_ID, decisionId);
    values.put(AwaitedDecisions.MEETING, "WC-2030-02");
    runtimeService()
        .createMessageCorrelation(AwaitedDecisions.MESSAGE)
        .processInstanceBusinessKey("REC-1")
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

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

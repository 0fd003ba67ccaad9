package org.govflow.partnerships.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.govflow.documents.DocumentVersion;
import org.govflow.support.ProcessEngines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * bpmn/mou-renewal.bpmn on a real engine, every path, with the clock driven by the test: the
 * delegates and listeners are the real ones; what they record (the register, documents, the MoU's
 * rows) is RenewalRecords, a test double here and real in the integration test.
 */
@Tag("process")
@Deployment(
    resources = {
      "bpmn/mou-renewal.bpmn",
      "forms/mou-renewal-assess.form",
      "forms/mou-renewal-decide.form",
      "forms/mou-renewal-escalation.form",
      "forms/mou-renewal-draft.form",
      "forms/mou-renewal-legal.form",
      "forms/mou-renewal-negotiate.form",
      "forms/mou-renewal-approve.form",
      "forms/mou-renewal-sign.form"
    })
class MouRenewalProcessTests {

  // a Monday, 09:00 in Madrid
  private static final Instant START = Instant.parse("2030-03-04T08:00:00Z");
  private static final Instant NOTICE = START.plus(Duration.ofDays(60));
  private static final Instant EXPIRY = START.plus(Duration.ofDays(150));

  private static final RenewalRecords records = mock(RenewalRecords.class);

  @RegisterExtension
  static ProcessEngineExtension engine =
      ProcessEngineExtension.builder().useProcessEngine(ProcessEngines.postgres()).build();

  private final AtomicInteger versions = new AtomicInteger();

  @BeforeAll
  static void beans() {
    ProcessEngines.register("renewalStage", new RenewalStage(records));
    ProcessEngines.register("assessmentRecorded", new AssessmentRecorded(records));
    ProcessEngines.register("renewalDecided", new RenewalDecided(records));
    ProcessEngines.register("noticePassed", new NoticePassed(records));
    ProcessEngines.register("renewalDrafted", new RenewalDrafted(records));
    ProcessEngines.register("legalOpinionRecorded", new LegalOpinionRecorded(records));
    ProcessEngines.register("partnerAnswerRecorded", new PartnerAnswerRecorded(records));
    ProcessEngines.register("approvalRecorded", new ApprovalRecorded(records));
    ProcessEngines.register("signatureRecorded", new SignatureRecorded(records));
    ProcessEngines.register("newTermRecorded", new NewTermRecorded(records));
    ProcessEngines.register("lapseNotified", new LapseNotified(records));
    ProcessEngines.register("lapseRecorded", new LapseRecorded(records));
    ProcessEngines.register("expiredUnsigned", new ExpiredUnsigned(records));
  }

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine.getProcessEngine());
    ClockUtil.setCurrentTime(Date.from(START));
    reset(records);
    when(records.storeText(anyString(), anyString(), any(), anyString(), anyString()))
        .thenAnswer(
            call ->
                new DocumentVersion(
                    "doc-" + call.getArgument(3),
                    versions.incrementAndGet(),
                    call.getArgument(3),
                    "text/markdown",
                    10,
                    "sha-" + call.getArgument(4),
                    Instant.now(),
                    call.getArgument(1),
                    null,
                    null));
    when(records.signed(anyString(), anyString(), anyString(), anyString()))
        .thenReturn("sha-signed");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void renewedAsIs() {
    ProcessInstance pi = start("express", 3);
    assertThat(pi).isWaitingAt("Assess");
    assertThat(task(pi)).isAssignedTo("hannah.lindqvist");
    complete(
        task(pi),
        withVariables("assessment", "Two joint reports.", "recommendation", "renew-as-is"));
    verify(records)
        .assessed(pi.getId(), "hannah.lindqvist", "renew-as-is", "sha-Two joint reports.");

    assertThat(pi).isWaitingAt("Decide");
    assertThat(task(pi)).isAssignedTo("sg").hasDueDate(Date.from(NOTICE));
    decide(pi, "renew");
    verify(records)
        .decided(pi.getId(), "MOU-UNHABITAT-2031", "sg", "renew", "sha-Two joint reports.");

    draft(pi, "The MoU is renewed for two years.");
    assertThat(pi).isWaitingAt("LegalReview");
    assertThat(task(pi)).hasCandidateGroup("secretariat-legal");
    legal(pi, "approve");
    verify(records)
        .legalOpinion(
            eq(pi.getId()),
            eq("MOU-UNHABITAT-2031"),
            any(),
            eq("approve"),
            eq("sha-The MoU is renewed for two years."));

    assertThat(pi).isWaitingAt("RecordPartnerAnswer");
    assertThat(task(pi)).isAssignedTo("hannah.lindqvist");
    assertThat(groups(pi)).containsExactly("secretariat");
    answer(pi, "agreed", null);
    approve(pi, "approve");
    assertThat(pi).isWaitingAt("SignRenewal");
    complete(task(pi), withVariables("signedDocumentId", "doc-signed"));

    assertThat(pi)
        .hasPassedInOrder(
            "Assess",
            "Decide",
            "DraftRenewal",
            "LegalReview",
            "RecordPartnerAnswer",
            "ApproveRenewal",
            "SignRenewal",
            "RecordNewTerm",
            "Renewed")
        .hasNotPassed("NotifyLapse", "RecordNoticePassed", "RecordExpiredUnsigned")
        .isEnded();
    verify(records, never()).escalated(anyString(), anyString(), anyString(), anyString());
    verify(records).renewed(eq(pi.getId()), eq("sha-signed"), anyString());
    verify(records).approval(eq(pi.getId()), anyString(), any(), eq("approved"), anyString());
    verify(records).stage(pi.getId(), "SignRenewal");
  }

  @Test
  void renewedWithAmendmentsAfterTwoNegotiationRounds() {
    ProcessInstance pi = start("express", 3);
    complete(
        task(pi),
        withVariables("assessment", "Scope to widen.", "recommendation", "renew-with-amendments"));
    decide(pi, "renew");
    draft(pi, "Renewal with a wider scope.");
    legal(pi, "return");
    assertThat(pi).isWaitingAt("DraftRenewal");
    draft(pi, "Renewal with a wider scope, clause 4 fixed.");
    legal(pi, "approve");

    answer(pi, "counter-proposal", "Renewal with a wider scope and a budget annex.");
    assertThat(pi).isWaitingAt("RecordPartnerAnswer");
    assertThat(runtimeService().getVariable(pi.getId(), "negotiationRound")).isEqualTo(1);
    assertThat(runtimeService().getVariable(pi.getId(), "renewalText"))
        .isEqualTo("Renewal with a wider scope and a budget annex.");
    verify(records)
        .storeText(
            eq(pi.getId()),
            anyString(),
            eq("doc-renewal.md"),
            eq("renewal.md"),
            eq("Renewal with a wider scope and a budget annex."));
    answer(pi, "agreed", null);
    assertThat(runtimeService().getVariable(pi.getId(), "negotiationRound")).isEqualTo(2);
    approve(pi, "approve");
    complete(task(pi), withVariables("signedDocumentId", "doc-signed"));
    assertThat(pi).hasPassed("Renewed").isEnded();
    verify(records).partnerAnswered(eq(pi.getId()), anyString(), eq("counter-proposal"), eq(1));
    verify(records).partnerAnswered(eq(pi.getId()), anyString(), eq("agreed"), eq(2));
  }

  @Test
  void negotiationExhaustedLetsTheMouLapse() {
    ProcessInstance pi = start("express", 2);
    complete(
        task(pi),
        withVariables("assessment", "Useful.", "recommendation", "renew-with-amendments"));
    decide(pi, "renew");
    draft(pi, "Draft.");
    legal(pi, "approve");
    answer(pi, "counter-proposal", "Theirs, 1.");
    answer(pi, "counter-proposal", "Theirs, 2.");
    assertThat(pi).hasPassed("NotRenewed", "NotifyLapse").isWaitingAt("AtExpiry");
    verify(records).lapseNotified(pi.getId());
    verify(records, never()).lapsed(anyString());
    atExpiry(pi);
    assertThat(pi).hasPassed("RecordLapse", "Lapsed").hasNotPassed("ApproveRenewal").isEnded();
    verify(records).lapsed(pi.getId());
  }

  @Test
  void declinedByThePartner() {
    ProcessInstance pi = start("express", 3);
    complete(task(pi), withVariables("assessment", "Useful.", "recommendation", "renew-as-is"));
    decide(pi, "renew");
    draft(pi, "Draft.");
    legal(pi, "approve");
    answer(pi, "declined", null);
    assertThat(pi).hasPassed("NotRenewed", "NotifyLapse").isWaitingAt("AtExpiry");
  }

  @Test
  void lapseDecidedTellsThePartnerThenLapsesAtExpiry() {
    ProcessInstance pi = start("tacit", 3);
    complete(task(pi), withVariables("assessment", "Inactive.", "recommendation", "let-lapse"));
    decide(pi, "lapse");
    assertThat(pi).hasPassed("NotifyLapse").isWaitingAt("AtExpiry");
    verify(records).lapseNotified(pi.getId());
    // the notice date's timer went with the decision
    ClockUtil.setCurrentTime(Date.from(NOTICE.plusSeconds(60)));
    assertThat(pi).isWaitingAt("AtExpiry");
    atExpiry(pi);
    assertThat(pi).hasPassed("Lapsed").hasNotPassed("RecordNoticePassed").isEnded();
    verify(records).lapsed(pi.getId());
    verify(records, never()).escalated(anyString(), anyString(), anyString(), anyString());
  }

  @Test
  void noticeDatePassedUndecidedRenewsATacitMou() {
    ProcessInstance pi = start("tacit", 3);
    complete(task(pi), withVariables("assessment", "Fine.", "recommendation", "renew-as-is"));
    assertThat(pi).isWaitingAt("Decide");
    ClockUtil.setCurrentTime(Date.from(NOTICE.plusSeconds(60)));
    execute(job("NoticeDatePassed", pi));
    verify(records).escalated(pi.getId(), "MOU-UNHABITAT-2031", "notice-passed-tacit", "sg");
    verify(records).noticePassed(pi.getId(), "MOU-UNHABITAT-2031", true);
    assertThat(pi).isWaitingAt("NoteTacitRenewal");
    assertThat(task(pi)).isAssignedTo("sg");
    assertThat(groups(pi)).containsExactly("presidency");
    assertThat(runtimeService().getVariable(pi.getId(), "escalation"))
        .isEqualTo("notice-passed-tacit");
    complete(task(pi), withVariables("escalationNote", "Noted."));
    assertThat(pi).hasPassed("RenewedTacitly").hasNotPassed("Decided", "DecideLate").isEnded();
  }

  @Test
  void noticeDatePassedUndecidedEscalatesAnExpressMou() {
    ProcessInstance pi = start("express", 3);
    assertThat(pi).isWaitingAt("Assess");
    ClockUtil.setCurrentTime(Date.from(NOTICE.plusSeconds(60)));
    execute(job("NoticeDatePassed", pi));
    verify(records).escalated(pi.getId(), "MOU-UNHABITAT-2031", "notice-passed-express", "sg");
    verify(records).noticePassed(pi.getId(), "MOU-UNHABITAT-2031", false);
    assertThat(pi).isWaitingAt("DecideLate");
    assertThat(task(pi)).isAssignedTo("sg");
    assertThat(groups(pi)).containsExactly("presidency");
    decide(pi, "renew");
    verify(records).decided(eq(pi.getId()), anyString(), eq("sg"), eq("renew"), isNull());
    assertThat(pi).isWaitingAt("DraftRenewal");
  }

  @Test
  void expiryWithoutSignatureEscalates() {
    ProcessInstance pi = start("express", 3);
    complete(task(pi), withVariables("assessment", "Fine.", "recommendation", "renew-as-is"));
    decide(pi, "renew");
    draft(pi, "Draft.");
    legal(pi, "approve");
    answer(pi, "agreed", null);
    approve(pi, "approve");
    assertThat(pi).isWaitingAt("SignRenewal");
    ClockUtil.setCurrentTime(Date.from(EXPIRY.plusSeconds(60)));
    execute(job("ExpiryReached", pi));
    verify(records).escalated(pi.getId(), "MOU-UNHABITAT-2031", "expired-unsigned", "sg");
    verify(records).expiredUnsigned(pi.getId());
    assertThat(pi).isWaitingAt("ResolveExpired");
    assertThat(task(pi)).isAssignedTo("sg");
    assertThat(groups(pi)).containsExactly("presidency");
    complete(task(pi), withVariables("escalationNote", "Signature next week."));
    assertThat(pi).hasPassed("ExpiredUnsigned").hasNotPassed("RecordNewTerm").isEnded();
    verify(records, never()).renewed(anyString(), anyString(), anyString());
    verify(records, never()).noticePassed(anyString(), anyString(), anyBoolean());
  }

  private static ProcessInstance start(String kind, int maxRounds) {
    Map<String, Object> v = new HashMap<>();
    v.put("mouId", 7L);
    v.put("termNo", 1);
    v.put("title", "MoU on urban planning");
    v.put("partner", "partner-un-habitat");
    v.put("partnerName", "UN-Habitat");
    v.put("focalPoint", "hannah.lindqvist");
    v.put("secretaryGeneral", "sg");
    v.put("renewalKind", kind);
    v.put("termEnd", "2030-08-01");
    v.put("noticeDate", "2030-05-03");
    v.put("newTermEnd", "2032-08-01");
    v.put("noticeAt", Date.from(NOTICE));
    v.put("expiryAt", Date.from(EXPIRY));
    v.put("maxRounds", maxRounds);
    v.put("renewalSigned", false);
    v.put("negotiationRound", 0);
    v.put("nextRound", 1);
    return runtimeService().startProcessInstanceByKey("mou-renewal", "MOU-UNHABITAT-2031", v);
  }

  private static java.util.List<String> groups(ProcessInstance pi) {
    return BpmnAwareTests.taskService().getIdentityLinksForTask(task(pi).getId()).stream()
        .map(l -> l.getGroupId())
        .filter(java.util.Objects::nonNull)
        .toList();
  }

  private static void decide(ProcessInstance pi, String decision) {
    complete(task(pi), withVariables("decision", decision));
  }

  private static void draft(ProcessInstance pi, String text) {
    assertThat(pi).isWaitingAt("DraftRenewal");
    assertThat(task(pi)).hasCandidateGroup("secretariat");
    complete(task(pi), withVariables("renewalText", text));
  }

  private static void legal(ProcessInstance pi, String opinion) {
    complete(task(pi), withVariables("legalOpinion", opinion));
  }

  private static void answer(ProcessInstance pi, String answer, String counter) {
    assertThat(pi).isWaitingAt("RecordPartnerAnswer");
    Map<String, Object> v = new HashMap<>();
    v.put("partnerAnswer", answer);
    v.put("counterProposal", counter);
    complete(task(pi), v);
  }

  private static void approve(ProcessInstance pi, String approval) {
    assertThat(pi).isWaitingAt("ApproveRenewal");
    assertThat(task(pi)).hasCandidateGroup("presidency");
    complete(task(pi), withVariables("approval", approval));
  }

  private static void atExpiry(ProcessInstance pi) {
    ClockUtil.setCurrentTime(Date.from(EXPIRY.plusSeconds(60)));
    execute(job("AtExpiry", pi));
  }
}

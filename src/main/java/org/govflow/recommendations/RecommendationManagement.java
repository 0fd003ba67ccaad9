package org.govflow.recommendations;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.govflow.decisions.Decision;
import org.govflow.decisions.DecisionRegister;
import org.govflow.decisions.NamedVote;
import org.govflow.decisions.NewDecision;
import org.govflow.decisions.Quorum;
import org.govflow.decisions.RuleApplied;
import org.govflow.decisions.Votes;
import org.govflow.documents.Document;
import org.govflow.documents.DocumentVersion;
import org.govflow.documents.Documents;
import org.govflow.forms.FieldError;
import org.govflow.recommendations.internal.RecommendationRepository;
import org.govflow.recommendations.internal.RecommendationRepository.Row;
import org.govflow.web.Refusal;
import org.govflow.web.Refusal.Reason;
import org.govflow.workflow.Participant;
import org.govflow.workflow.Processes;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Policy Council recommendations: what the process records at each step (versions, reviews, Section
 * answers, silence, votes, decisions), the secretariat's dispositions, and what a recommendation's
 * page shows. The process's delegates call it; people reach it through the recommendation's page
 * and the API.
 */
@Service
public class RecommendationManagement {

  /** The process key. */
  public static final String PROCESS = "policy-recommendation";

  /** The DMN decision that gives the council vote's result (with quorum and majority). */
  public static final String VOTE_RULE = "recommendation-vote";

  /** The DMN decision that says whether quorum is met. */
  public static final String QUORUM_RULE = "recommendation-quorum";

  /** The body that consolidates, disposes of comments and decides after a failed vote. */
  public static final String SECRETARIAT = "secretariat";

  /** The dispositions the secretariat may give a comment. */
  public static final Set<String> DISPOSITIONS = Set.of("accepted", "partly", "not-accepted");

  private static final String SYSTEM = "system";

  private final RecommendationRepository repository;
  private final Documents documents;
  private final DecisionRegister register;
  private final Processes processes;
  private final RuntimeService runtime;
  private final RepositoryService engineRepository;
  private final DecisionService rules;
  private final ApplicationEventPublisher events;
  private final MessageSource messages;

  RecommendationManagement(
      RecommendationRepository repository,
      Documents documents,
      DecisionRegister register,
      Processes processes,
      RuntimeService runtime,
      RepositoryService engineRepository,
      DecisionService rules,
      ApplicationEventPublisher events,
      MessageSource messages) {
    this.repository = repository;
    this.documents = documents;
    this.register = register;
    this.processes = processes;
    this.runtime = runtime;
    this.engineRepository = engineRepository;
    this.rules = rules;
    this.events = events;
    this.messages = messages;
  }

  // ------------------------------------------------------------------ what the process records

  /**
   * Stores a version of the recommendation's text: version 1 at launch (which opens the
   * recommendation's record), a new version after a revision or the consolidation.
   */
  @Transactional
  public DocumentVersion storeVersion(Launched launched, String personId, String text) {
    Optional<Row> existing = repository.byProcess(launched.processInstanceId());
    // the person acts through a step of this process, so they take part in it
    Participant author = new Participant(personId, Set.of(), true);
    DocumentVersion version =
        documents.upload(
            author,
            launched.processInstanceId(),
            existing.map(Row::documentId).orElse(null),
            launched.businessKey() + ".md",
            text.getBytes(StandardCharsets.UTF_8));
    if (existing.isEmpty()) {
      repository.insert(
          new Row(
              launched.processInstanceId(),
              launched.businessKey(),
              launched.councilId(),
              launched.title(),
              launched.summary(),
              version.documentId(),
              personId,
              null,
              now()));
    }
    return version;
  }

  /** A co-chair's review of the current version. */
  @Transactional
  public void recordReview(
      String processInstanceId,
      String personId,
      int documentVersion,
      String decision,
      String comment) {
    repository.review(
        processInstanceId,
        new RecommendationDetails.Review(personId, documentVersion, decision, comment, now()));
  }

  /** A Section's answer in a consultation round. */
  @Transactional
  public void recordAnswer(
      String processInstanceId,
      int round,
      String sectionId,
      String personId,
      String answer,
      String comments) {
    repository.answer(
        processInstanceId,
        round,
        sectionId,
        answer,
        personId,
        "comments".equals(answer) ? comments : null,
        now());
  }

  /**
   * The silence procedure: every consulted Section that has not answered in this round by the
   * deadline is recorded as having no objection.
   *
   * @return the silent Sections
   */
  @Transactional
  public List<String> recordSilence(
      String processInstanceId, int round, Collection<String> consulted) {
    Set<String> answered = new LinkedHashSet<>();
    repository.answers(processInstanceId).stream()
        .filter(a -> a.round() == round)
        .forEach(a -> answered.add(a.sectionId()));
    List<String> silent = new ArrayList<>();
    Instant now = now();
    for (String section : consulted) {
      if (!answered.contains(section)) {
        repository.answer(processInstanceId, round, section, "silence", null, null, now);
        silent.add(section);
      }
    }
    return silent;
  }

  /** A council member's vote in a voting round. */
  @Transactional
  public void castVote(
      String processInstanceId, int round, String personId, String vote, String statement) {
    repository.vote(
        processInstanceId, new RecommendationDetails.Vote(round, personId, vote, statement, now()));
  }

  /**
   * Records the council's vote in the decision register: the count, each member's vote, quorum and
   * the rule applied (the DMN decision and its deployed version).
   */
  @Transactional
  public Decision recordCouncilVote(CouncilVoteCounted vote) {
    Row row = row(vote.processInstanceId());
    List<NamedVote> named =
        repository.votes(vote.processInstanceId()).stream()
            .filter(v -> v.round() == vote.round())
            .map(v -> new NamedVote(v.personId(), v.vote()))
            .toList();
    int cast = vote.inFavour() + vote.against() + vote.abstentions();
    int absent = Math.max(0, vote.councilSize() - cast);
    return register.record(
        new NewDecision(
            row.councilId(),
            PROCESS,
            row.processInstanceId(),
            row.businessKey(),
            row.title(),
            vote.outcome(),
            new Votes(vote.inFavour(), vote.against(), vote.abstentions(), absent),
            named,
            new Quorum(
                cast, quorumRequired(vote.councilSize()), !"quorum-missed".equals(vote.outcome())),
            new RuleApplied(VOTE_RULE, latestVersion(VOTE_RULE)),
            vote.documentSha256(),
            now(),
            SYSTEM));
  }

  /** Records the Presidency's endorsement, or its return of the recommendation. */
  @Transactional
  public Decision recordEndorsement(
      String processInstanceId, boolean endorsed, String personId, String documentSha256) {
    Row row = row(processInstanceId);
    return register.record(
        withoutVote(
            "presidency",
            row,
            endorsed ? "endorsed" : "returned",
            documentSha256,
            personId == null ? SYSTEM : personId));
  }

  /** Withdraws the recommendation after a vote that did not adopt it: recorded and published. */
  @Transactional
  public Decision withdraw(String processInstanceId, String personId, String documentSha256) {
    Row row = row(processInstanceId);
    String by = personId == null ? SYSTEM : personId;
    Decision decision =
        register.record(withoutVote(SECRETARIAT, row, "withdrawn", documentSha256, by));
    conclude(row, "withdrawn", decision, by);
    return decision;
  }

  /**
   * The World Council's decision on the recommendation: recorded in the register unless the meeting
   * that decided has recorded it already, then published, and the outcome kept on the
   * recommendation.
   *
   * @param decisionId the meeting's register entry, or null when nobody recorded it yet
   */
  @Transactional
  public Decision recordWorldCouncilDecision(
      String processInstanceId, String outcome, Long decisionId, String documentSha256) {
    Row row = row(processInstanceId);
    Decision decision =
        decisionId != null
            ? register
                .find(decisionId)
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "The World Council's decision #" + decisionId + " is not registered"))
            : register.record(withoutVote("world-council", row, outcome, documentSha256, SYSTEM));
    conclude(row, outcome, decision, SYSTEM);
    return decision;
  }

  private void conclude(Row row, String outcome, Decision decision, String by) {
    repository.outcome(row.processInstanceId(), outcome);
    register.publish(decision.id(), by);
    events.publishEvent(
        new RecommendationDecided(
            row.processInstanceId(), row.businessKey(), outcome, decision.id()));
  }

  // --------------------------------------------------------------------- what people do and see

  /**
   * The secretariat's disposition of a Section's comment, while it consolidates.
   *
   * @param reason required unless the comment is accepted
   */
  @Transactional
  public void dispose(
      Participant who, String businessKey, long answerId, String disposition, String reason) {
    Row row =
        repository
            .byBusinessKey(businessKey)
            .orElseThrow(() -> new Refusal(Reason.NOT_FOUND, "recommendations.unknown"));
    if (!processes.participates(who, row.processInstanceId())) {
      throw new Refusal(Reason.NOT_FOUND, "recommendations.unknown");
    }
    if (!who.bodies().contains(SECRETARIAT)) {
      throw new Refusal(Reason.FORBIDDEN, "recommendations.dispose.notSecretariat");
    }
    if (!consolidating(row.processInstanceId())) {
      throw new Refusal(Reason.CONFLICT, "recommendations.dispose.notNow");
    }
    RecommendationDetails.Answer answer =
        repository
            .answer(row.processInstanceId(), answerId)
            .filter(a -> "comments".equals(a.answer()))
            .orElseThrow(() -> new Refusal(Reason.NOT_FOUND, "recommendations.dispose.unknown"));
    List<FieldError> errors = new ArrayList<>();
    if (disposition == null || !DISPOSITIONS.contains(disposition)) {
      errors.add(new FieldError("disposition", "recommendations.dispose.choose"));
    }
    String why = reason == null ? "" : reason.strip();
    if (!"accepted".equals(disposition) && why.isEmpty()) {
      errors.add(new FieldError("reason", "recommendations.dispose.reasonRequired"));
    }
    if (why.length() > 4000) {
      errors.add(new FieldError("reason", "recommendations.dispose.reasonTooLong"));
    }
    if (!errors.isEmpty()) {
      throw new Refusal(Reason.INVALID, errors, "recommendations.invalid");
    }
    repository.dispose(answer.id(), disposition, why.isEmpty() ? null : why, who.personId(), now());
  }

  /** How many Section comments of the process still lack a disposition. */
  @Transactional(readOnly = true)
  public long commentsWithoutDisposition(String processInstanceId) {
    return repository.answers(processInstanceId).stream()
        .filter(RecommendationDetails.Answer::needsDisposition)
        .count();
  }

  /** Whether the process is a recommendation. */
  public boolean isRecommendation(String processInstanceId) {
    return repository.byProcess(processInstanceId).isPresent();
  }

  /** The council a recommendation belongs to, if it is one. */
  public Optional<String> councilOf(String processInstanceId) {
    return repository.byProcess(processInstanceId).map(Row::councilId);
  }

  /** The recommendations the reader takes part in (all of them for the secretariat). */
  @Transactional(readOnly = true)
  public List<RecommendationSummary> list(Participant who) {
    return repository.all().stream()
        .filter(r -> processes.participates(who, r.processInstanceId()))
        .map(
            r ->
                new RecommendationSummary(
                    r.processInstanceId(),
                    r.businessKey(),
                    r.councilId(),
                    r.title(),
                    r.createdAt(),
                    processes.running(r.processInstanceId()),
                    r.outcome()))
        .toList();
  }

  /** One recommendation, for someone who takes part in it. */
  @Transactional(readOnly = true)
  public RecommendationDetails details(Participant who, String businessKey) {
    Row row =
        repository
            .byBusinessKey(businessKey)
            .filter(r -> processes.participates(who, r.processInstanceId()))
            .orElseThrow(() -> new Refusal(Reason.NOT_FOUND, "recommendations.unknown"));
    String pid = row.processInstanceId();
    boolean running = processes.running(pid);
    List<String> stage =
        running
            ? runtime.getActiveActivityIds(pid).stream()
                .map(id -> id.replace("#multiInstanceBody", ""))
                .distinct()
                .toList()
            : List.of();
    List<RecommendationDetails.Version> versions = new ArrayList<>();
    for (Document document : documents.of(who, pid)) {
      if (!document.id().equals(row.documentId())) {
        continue;
      }
      for (DocumentVersion v : document.versions()) {
        versions.add(
            new RecommendationDetails.Version(
                v.documentId(),
                v.version(),
                v.sha256(),
                v.createdAt(),
                v.createdBy(),
                documents.diff(who, v.documentId(), v.version())));
      }
    }
    return new RecommendationDetails(
        pid,
        row.businessKey(),
        row.councilId(),
        row.title(),
        row.summary(),
        row.rapporteur(),
        row.createdAt(),
        running,
        stage,
        row.outcome(),
        versions,
        repository.reviews(pid),
        repository.answers(pid),
        repository.votes(pid),
        register.ofProcess(pid),
        running && who.bodies().contains(SECRETARIAT) && stage.contains("Consolidate"));
  }

  /** The reader's message for a refusal's key. */
  public String message(String key, java.util.Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }

  // ------------------------------------------------------------------------------------ helpers

  private boolean consolidating(String processInstanceId) {
    return processes.running(processInstanceId)
        && runtime.getActiveActivityIds(processInstanceId).contains("Consolidate");
  }

  /**
   * A decision on the recommendation that is not a counted vote here (an endorsement, a withdrawal,
   * the World Council's outcome as the meeting reports it): no votes, quorum or rule.
   */
  private NewDecision withoutVote(
      String bodyId, Row row, String outcome, String documentSha256, String recordedBy) {
    return new NewDecision(
        bodyId,
        PROCESS,
        row.processInstanceId(),
        row.businessKey(),
        row.title(),
        outcome,
        null,
        List.of(),
        null,
        null,
        documentSha256,
        now(),
        recordedBy);
  }

  private Row row(String processInstanceId) {
    return repository
        .byProcess(processInstanceId)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "No recommendation for process instance " + processInstanceId));
  }

  /**
   * The fewest votes cast that meet quorum, as the quorum table says for this council size: the
   * register shows it beside the votes cast, and no rule is repeated here.
   */
  private int quorumRequired(int councilSize) {
    for (int cast = 0; cast <= councilSize; cast++) {
      Object met =
          rules
              .evaluateDecisionTableByKey(
                  QUORUM_RULE,
                  Map.of(
                      "councilSize", councilSize, "inFavour", cast, "against", 0, "abstentions", 0))
              .getSingleResult()
              .getSingleEntry();
      if (Boolean.TRUE.equals(met)) {
        return cast;
      }
    }
    return councilSize;
  }

  private int latestVersion(String decisionKey) {
    DecisionDefinition definition =
        engineRepository
            .createDecisionDefinitionQuery()
            .decisionDefinitionKey(decisionKey)
            .latestVersion()
            .singleResult();
    return definition == null ? 0 : definition.getVersion();
  }

  /** The engine's time, so that process tests driving the clock see consistent records. */
  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** What the process knows of a recommendation when it stores a version. */
  public record Launched(
      String processInstanceId,
      String businessKey,
      String councilId,
      String title,
      String summary) {}

  /** The council's vote as counted by the rules. */
  public record CouncilVoteCounted(
      String processInstanceId,
      int round,
      String outcome,
      int councilSize,
      int inFavour,
      int against,
      int abstentions,
      String documentSha256) {}
}

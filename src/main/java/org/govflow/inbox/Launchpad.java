package org.govflow.inbox;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.directory.Directory;
import org.govflow.documents.Documents;
import org.govflow.forms.FieldError;
import org.govflow.inbox.internal.Names;
import org.govflow.inbox.internal.SubmissionCheck;
import org.govflow.web.Caller;
import org.govflow.web.Refusal;
import org.govflow.web.Refusal.Reason;
import org.govflow.workflow.ProcessType;
import org.govflow.workflow.Processes;
import org.govflow.workflow.StartedProcess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a caller may start, and starting it: every process for the secretariat and leadership, and
 * those that settings open to a role the caller holds (a council's co-chair launches
 * recommendations); the process's module checks the rest with a SubmissionRule.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Launchpad {

  private final Processes processes;
  private final InboxSettings settings;
  private final Directory directory;
  private final Names names;
  private final SubmissionCheck check;
  private final Documents documents;

  /** The processes that start only with their document, uploaded with the start form. */
  static final Set<String> DOCUMENT_FIRST = Set.of("document-approval");

  /** The name of the file's field, as in the upload forms and the API's upload. */
  public static final String FILE = "file";

  /** The file that comes with a launch: the document a document approval puts to the body. */
  public record Attachment(String fileName, byte[] content) {

    boolean empty() {
      return content == null || content.length == 0;
    }
  }

  /** The processes the caller may start, named in their language. */
  public List<LaunchableProcess> launchable(Caller caller, Locale locale) {
    Set<String> roles = launchRoles(caller);
    if (!caller.overseesAll() && roles.isEmpty()) {
      return List.of();
    }
    return processes.types().stream()
        .filter(t -> mayLaunch(caller, roles, t.key()))
        .map(t -> launchable(t, locale))
        .toList();
  }

  /** One process the caller may start; refused when they may not or it does not exist. */
  public LaunchableProcess launchable(Caller caller, String processKey, Locale locale) {
    if (!mayLaunch(caller, launchRoles(caller), processKey)) {
      throw new Refusal(Reason.FORBIDDEN, "inbox.problem.mayNotLaunch");
    }
    return launchable(
        processes
            .type(processKey)
            .orElseThrow(
                () -> new Refusal(Reason.NOT_FOUND, "inbox.problem.unknownProcess", processKey)),
        locale);
  }

  /** Every process type by key and name in the reader's language, for filters. */
  public Map<String, String> processTypes(Locale locale) {
    Map<String, String> types = new LinkedHashMap<>();
    for (ProcessType t : processes.types()) {
      types.put(t.key(), names.steps().process(t.key(), t.name(), locale));
    }
    return types;
  }

  /** Starts a process with the values of its start form, checked against that form first. */
  @Transactional
  public StartedProcess launch(
      Caller caller, String processKey, Map<String, ?> values, Locale locale, ZoneId zone) {
    // JSON carries no file: a process that needs one is refused with how to send it
    return launch(
        caller, processKey, values, null, "inbox.problem.documentRequiredApi", locale, zone);
  }

  /**
   * The same with a document, stored as the process's first document in the same transaction: a
   * process of {@link #DOCUMENT_FIRST} is refused without one (beside the field {@code file}), and
   * nothing is started when the file is refused.
   */
  @Transactional
  public StartedProcess launch(
      Caller caller,
      String processKey,
      Map<String, ?> values,
      Attachment document,
      Locale locale,
      ZoneId zone) {
    return launch(
        caller, processKey, values, document, "inbox.problem.documentRequired", locale, zone);
  }

  private StartedProcess launch(
      Caller caller,
      String processKey,
      Map<String, ?> values,
      Attachment document,
      String missingKey,
      Locale locale,
      ZoneId zone) {
    if (processKey == null || processKey.isBlank()) {
      throw SubmissionCheck.invalid(
          "processKey", names.message("inbox.problem.processKeyMissing", locale));
    }
    LaunchableProcess type = launchable(caller, processKey, locale);
    boolean missing = type.needsDocument() && (document == null || document.empty());
    Map<String, Object> checked;
    try {
      checked =
          check.check(type.startFormId(), null, null, caller.personId(), values, locale, zone);
    } catch (Refusal refusal) {
      if (!missing || refusal.errors().isEmpty()) {
        throw refusal;
      }
      // every field to fix at once, the missing document with the others
      List<FieldError> errors = new ArrayList<>(refusal.errors());
      errors.add(new FieldError(FILE, names.message(missingKey, locale)));
      throw SubmissionCheck.invalid(errors);
    }
    if (missing) {
      throw SubmissionCheck.invalid(FILE, names.message(missingKey, locale));
    }
    StartedProcess started = processes.start(type.key(), checked, caller.personId());
    if (document != null && !document.empty()) {
      try {
        documents.upload(
            caller.participant(), started.id(), null, document.fileName(), document.content());
      } catch (Refusal refusal) {
        // too large, or a type not accepted: said beside the file field, nothing started
        throw SubmissionCheck.invalid(
            FILE, names.message(refusal.messageKey(), locale, refusal.args()));
      }
    }
    return started;
  }

  private LaunchableProcess launchable(ProcessType type, Locale locale) {
    return new LaunchableProcess(
        type.key(),
        names.steps().process(type.key(), type.name(), locale),
        type.startFormId(),
        DOCUMENT_FIRST.contains(type.key()));
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
}

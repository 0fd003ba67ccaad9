package org.govflow.declaration.internal;

import static org.govflow.declaration.internal.DeclarationCocreation.*;

import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.declaration.internal.DraftFiles.DraftFile;
import org.govflow.documents.Documents;
import org.govflow.forms.FieldError;
import org.govflow.inbox.Launchpad;
import org.govflow.web.Caller;
import org.govflow.web.Refusal;
import org.govflow.workflow.StartedProcess;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Launching a declaration with its zero draft pasted or given as a file (page and API). A file is
 * read by {@link DraftFiles}; its text becomes the start form's draft, checked as a pasted one is,
 * and the file itself is kept as a document of the process. One transaction: on any refusal nothing
 * is created.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DeclarationLaunches {

  private final Launchpad launchpad;
  private final DraftFiles drafts;
  private final Documents documents;
  private final MessageSource messages;

  /**
   * @param values the start form's values (title, language, groups, rounds, roundDays, draft)
   * @param fileName the uploaded file's name, or null when none was sent
   * @param content the uploaded file, or null when none was sent
   */
  @Transactional
  StartedProcess launch(
      Caller caller,
      Map<String, ?> values,
      String fileName,
      byte[] content,
      Locale locale,
      ZoneId zone) {
    // who may launch is checked before anything they sent is read
    launchpad.launchable(caller, PROCESS, locale);
    Map<String, Object> checked = new LinkedHashMap<>(values);
    DraftFile file = null;
    boolean sent = content != null && (content.length > 0 || !isBlank(fileName));
    if (sent) {
      if (!isBlank(first(values.get(DRAFT)))) {
        throw Refusal.invalid(
            List.of(
                new FieldError(
                    DraftFiles.FIELD,
                    messages.getMessage("declaration.draft.file.both", null, locale))),
            "declaration.draft.file.both");
      }
      file = drafts.read(fileName, content, locale);
      checked.put(DRAFT, file.text());
    }
    StartedProcess started;
    try {
      started = launchpad.launch(caller, PROCESS, checked, locale, zone);
    } catch (Refusal refused) {
      throw file == null ? refused : onTheFile(refused);
    }
    if (file != null) {
      documents.upload(caller.participant(), started.id(), null, file.name(), file.content());
    }
    return started;
  }

  /** A refusal of the draft read from a file, said of the file: that is what the caller gave. */
  private static Refusal onTheFile(Refusal refused) {
    List<FieldError> errors =
        refused.errors().stream()
            .map(e -> DRAFT.equals(e.field()) ? new FieldError(DraftFiles.FIELD, e.message()) : e)
            .toList();
    return new Refusal(refused.reason(), errors, refused.messageKey(), refused.args());
  }

  /** A form value as sent: a page and multipart send lists, JSON a string. */
  static String first(Object value) {
    if (value instanceof Collection<?> c) {
      return c.isEmpty() ? null : String.valueOf(c.iterator().next());
    }
    return value == null ? null : value.toString();
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}

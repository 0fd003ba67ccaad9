package org.govflow.declaration.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.forms.FieldError;
import org.govflow.web.Refusal;
import org.govflow.workflow.Participant;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * What people do to a declaration from its page or the API, by business key: file, change and
 * withdraw amendments, dispose of them. An invalid value is refused naming the field to fix.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DeclarationActions {

  /** The field each refusal of a value is about. */
  private static final Map<String, String> FIELDS =
      Map.ofEntries(
          Map.entry("declaration.amendment.kindUnknown", "kind"),
          Map.entry("declaration.amendment.textRequired", "text"),
          Map.entry("declaration.amendment.deleteHasText", "text"),
          Map.entry("declaration.amendment.unchanged", "text"),
          Map.entry("declaration.amendment.paragraphRequired", "paragraphId"),
          Map.entry("declaration.amendment.paragraphUnknown", "paragraphId"),
          Map.entry("declaration.amendment.notContributor", "group"),
          Map.entry("declaration.disposition.outcomeUnknown", "outcome"),
          Map.entry("declaration.disposition.reasonRequired", "reason"),
          Map.entry("declaration.disposition.textRequired", "text"),
          Map.entry("declaration.disposition.textOnlyWhenModified", "text"),
          Map.entry("declaration.disposition.deleteNotModifiable", "outcome"));

  private final DeclarationViews views;
  private final DeclarationTexts texts;
  private final MessageSource messages;

  long file(
      Participant who,
      String businessKey,
      String group,
      String kind,
      String paragraphId,
      String text,
      String justification,
      Locale locale) {
    String pid = views.row(who, businessKey).processInstanceId();
    return fielded(
        () -> texts.file(pid, who, group, kind, paragraphId, text, justification), locale);
  }

  void edit(
      Participant who,
      String businessKey,
      long id,
      String kind,
      String paragraphId,
      String text,
      String justification,
      Locale locale) {
    String pid = views.row(who, businessKey).processInstanceId();
    fielded(
        () -> {
          texts.edit(pid, who, id, kind, paragraphId, text, justification);
          return 0L;
        },
        locale);
  }

  void withdraw(Participant who, String businessKey, long id) {
    texts.withdraw(views.row(who, businessKey).processInstanceId(), who, id);
  }

  void dispose(
      Participant who,
      String businessKey,
      long id,
      String outcome,
      String text,
      String reason,
      Locale locale) {
    String pid = views.row(who, businessKey).processInstanceId();
    fielded(
        () -> {
          texts.dispose(pid, who, id, outcome, text, reason);
          return 0L;
        },
        locale);
  }

  void resolve(
      Participant who,
      String businessKey,
      String paragraphId,
      String text,
      String reason,
      Locale locale) {
    String pid = views.row(who, businessKey).processInstanceId();
    fielded(
        () -> {
          texts.resolve(pid, who, paragraphId, text, reason);
          return 0L;
        },
        locale);
  }

  private long fielded(java.util.function.LongSupplier action, Locale locale) {
    try {
      return action.getAsLong();
    } catch (Refusal refused) {
      String field = FIELDS.get(refused.messageKey());
      if (field == null || !refused.errors().isEmpty()) {
        throw refused;
      }
      String message = messages.getMessage(refused.messageKey(), refused.args(), locale);
      throw new Refusal(
          refused.reason(),
          List.of(new FieldError(field, message)),
          refused.messageKey(),
          refused.args());
    }
  }
}

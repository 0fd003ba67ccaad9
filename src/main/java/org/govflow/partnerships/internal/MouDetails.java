package org.govflow.partnerships.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An MoU with its terms, renewals, documents and timeline, and what each renewal's assessment cites
 * (by process instance).
 */
record MouDetails(
    MouSummary summary,
    String partnerKind,
    LocalDate signedOn,
    String noticePeriod,
    String contactName,
    String contactEmail,
    String contactLanguage,
    LocalDate endedOn,
    String endReason,
    List<MouTerm> terms,
    List<RenewalView> renewals,
    List<DocumentRef> documents,
    List<MouEvent> timeline,
    Map<String, List<AssessmentLink>> cited) {

  /** A document of one of the MoU's renewals (assessment, drafts, signed copies). */
  record DocumentRef(
      String processInstanceId,
      String documentId,
      String name,
      int version,
      String sha256,
      Instant createdAt) {}
}

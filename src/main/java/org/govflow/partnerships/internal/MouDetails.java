package org.govflow.partnerships.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An MoU with its terms, renewals, documents and timeline. */
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
    List<MouEvent> timeline) {

  /** A document of one of the MoU's renewals (assessment, drafts, signed copies). */
  record DocumentRef(
      String processInstanceId,
      String documentId,
      String name,
      int version,
      String sha256,
      Instant createdAt) {}
}

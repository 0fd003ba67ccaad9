package org.govflow.partnerships.internal;

import java.time.LocalDate;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.govflow.workflow.RuleTables;
import org.springframework.stereotype.Component;

/** The last day to decide on a term's renewal, as the table bpmn/mou-notice.dmn says. */
@Component
@RequiredArgsConstructor
class NoticeDates {

  static final String RULE = "mou-notice";

  private final RuleTables rules;

  LocalDate of(RenewalKind kind, String noticePeriod, String partnerKind, LocalDate termEnd) {
    Object date =
        rules.single(
            RULE,
            Map.of(
                "renewalKind",
                kind.key(),
                "noticePeriod",
                noticePeriod,
                "partnerKind",
                partnerKind,
                "termEnd",
                termEnd.toString()));
    return LocalDate.parse(date.toString());
  }
}

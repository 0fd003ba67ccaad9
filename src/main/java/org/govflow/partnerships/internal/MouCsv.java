package org.govflow.partnerships.internal;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/** The register as CSV (RFC 4180), headers and statuses in the reader's language. */
final class MouCsv {

  private MouCsv() {}

  static String of(List<MouSummary> rows, MessageSource messages, Locale locale) {
    StringBuilder csv = new StringBuilder();
    line(
        csv,
        List.of(
            t(messages, "partnerships.col.partner", locale),
            t(messages, "partnerships.col.title", locale),
            t(messages, "partnerships.col.status", locale),
            t(messages, "partnerships.col.renewalKind", locale),
            t(messages, "partnerships.next.notice", locale),
            t(messages, "partnerships.next.expiry", locale),
            t(messages, "partnerships.col.daysLeft", locale),
            t(messages, "partnerships.col.focalPoint", locale),
            t(messages, "partnerships.col.renewal", locale),
            t(messages, "partnerships.col.stage", locale)));
    for (MouSummary r : rows) {
      line(
          csv,
          List.of(
              r.partnerName(),
              r.title(),
              t(messages, "partnerships.status." + r.status(), locale),
              t(messages, "partnerships.kind." + r.renewalKind(), locale),
              r.noticeDate().toString(),
              r.expiresOn().toString(),
              Long.toString(r.daysLeft()),
              r.focalPointName(),
              r.renewalKey() == null ? "" : r.renewalKey(),
              r.renewalStage() == null
                  ? ""
                  : t(messages, "partnerships.stage." + r.renewalStage(), locale)));
    }
    return csv.toString();
  }

  private static String t(MessageSource messages, String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }

  private static void line(StringBuilder csv, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      String c = cells.get(i);
      if (c.contains(",") || c.contains("\"") || c.contains("\n")) {
        c = '"' + c.replace("\"", "\"\"") + '"';
      }
      csv.append(c);
    }
    csv.append("\r\n");
  }
}

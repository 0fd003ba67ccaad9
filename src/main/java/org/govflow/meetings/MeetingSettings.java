package org.govflow.meetings;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How meetings are prepared. The notice, quorum and majority rules are DMN tables in bpmn/; these
 * are the secretariat's working periods around them.
 *
 * @param contributors the bodies called for agenda items (the Sections and the Policy Councils)
 * @param callDaysBefore the call for agenda items closes this many days before the meeting
 * @param documentsDaysBefore agenda and documents are due this many days before the meeting
 * @param attendanceDaysBefore members confirm attendance until this many days before
 * @param minutesReview how long members have to comment on the draft minutes
 * @param proxies the proxy rules
 */
@ConfigurationProperties("govflow.meetings")
public record MeetingSettings(
    @DefaultValue({
          "section-africa",
          "section-aspac",
          "section-eurasia",
          "section-europe",
          "section-latin-america",
          "section-mewa",
          "section-north-america",
          "section-metropolis",
          "section-forum-of-regions",
          "council-right-to-city",
          "council-opportunities-culture-diplomacy",
          "council-multilevel-finance",
          "council-resilient-cities"
        })
        List<String> contributors,
    @DefaultValue("21") int callDaysBefore,
    @DefaultValue("15") int documentsDaysBefore,
    @DefaultValue("2") int attendanceDaysBefore,
    @DefaultValue("P10D") Duration minutesReview,
    @DefaultValue Proxies proxies) {

  /**
   * @param maxPerHolder how many absent members one member present may represent
   */
  public record Proxies(@DefaultValue("2") int maxPerHolder) {}
}

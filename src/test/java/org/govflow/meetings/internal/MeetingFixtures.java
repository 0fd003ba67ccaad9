package org.govflow.meetings.internal;

import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.govflow.directory.AccessRole;
import org.govflow.web.Caller;

/**
 * What the meeting integration tests share: the demo secretariat officer and president as callers,
 * the launch form of a World Council meeting in Barcelona, and the clean-up of what a test started.
 */
final class MeetingFixtures {

  static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
  static final Caller OFFICER =
      new Caller("officer", Set.of("secretariat"), Set.of(AccessRole.SECRETARIAT));
  static final Caller PRESIDENT =
      new Caller(
          "president",
          Set.of("presidency", "world-council"),
          EnumSet.of(AccessRole.LEADERSHIP, AccessRole.MEMBER));

  private MeetingFixtures() {}

  /**
   * The values of the statutory-meeting launch form for a World Council meeting in Barcelona.
   *
   * @param start local date-time in Madrid, as the form's field takes it ({@code 2026-05-04T10:00})
   */
  static Map<String, Object> worldCouncilLaunch(String title, String start, String end) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("body", "world-council");
    values.put("title", title);
    values.put("start", start);
    values.put("end", end);
    values.put("timeZone", "Europe/Madrid");
    values.put("location", "Barcelona");
    values.put("languages", List.of("en", "fr", "es"));
    values.put("draftAgenda", "Opening");
    return values;
  }

  /** Deletes the process instances a test started that still run. */
  static void deleteRunning(RuntimeService runtime, List<String> started) {
    for (String id : started) {
      if (runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
        runtime.deleteProcessInstance(id, "test over");
      }
    }
  }
}

package org.govflow.meetings.internal;

/**
 * A member's answer to the convocation and, on the day, whether they were there.
 *
 * @param response attending, absent or proxy; null while unanswered
 * @param proxyHolder the member who represents them, for a proxy
 */
public record Attendance(String personId, String response, String proxyHolder, boolean present) {

  public static final String ATTENDING = "attending";
  public static final String ABSENT = "absent";
  public static final String PROXY = "proxy";
}

package org.govflow.meetings;

import java.util.Locale;

/** Where a meeting stands: registered, convened, held, adjourned for lack of quorum, cancelled. */
public enum MeetingStatus {
  REGISTERED,
  CONVENED,
  HELD,
  ADJOURNED,
  CANCELLED;

  /** As stored and as the bundles' keys name it (meetings.status.convened). */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static MeetingStatus of(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }

  /** Not held, adjourned or cancelled yet. */
  public boolean ahead() {
    return this == REGISTERED || this == CONVENED;
  }
}

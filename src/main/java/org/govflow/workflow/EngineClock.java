package org.govflow.workflow;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The time govflow reads: the engine's clock, so that due dates the engine stamps, the timers it
 * fires and the records and sweeps that compare against them agree, and a process test that moves
 * Camunda's clock moves all of them. The application's {@link Clock} bean is one of these;
 * delegates, which process tests run without Spring, call {@link #now()}.
 */
@RequiredArgsConstructor
public final class EngineClock extends Clock {

  private final ZoneId zone;

  /** The engine's time now. */
  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new EngineClock(zone);
  }

  @Override
  public Instant instant() {
    return now();
  }
}

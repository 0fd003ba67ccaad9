package org.govflow.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Says once, in one line at the start of the run, when the test database server cannot be reached,
 * instead of leaving the reader to find it in every failing test's stack trace.
 */
public class PostgresCheck implements LauncherSessionListener {

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    PostgresTestDatabase.unreachableReason()
        .ifPresent(reason -> System.err.println("govflow tests: " + reason));
  }
}

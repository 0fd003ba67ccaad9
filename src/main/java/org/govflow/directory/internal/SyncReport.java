package org.govflow.directory.internal;

/** What one synchronisation changed; all zero when the file and the database already agree. */
public record SyncReport(int directoryChanges, int identityChanges) {

  public boolean changedNothing() {
    return directoryChanges == 0 && identityChanges == 0;
  }
}

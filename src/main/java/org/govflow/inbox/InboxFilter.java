package org.govflow.inbox;

/**
 * What part of the inbox to show.
 *
 * @param processKey only tasks of this process, or null
 * @param due {@code overdue}, {@code week} (due within seven days, not yet overdue) or null
 * @param assigned {@code me} (assigned to the caller), {@code group} (their bodies' tasks) or null
 */
public record InboxFilter(String processKey, String due, String assigned) {

  public static final InboxFilter ALL = new InboxFilter(null, null, null);
}

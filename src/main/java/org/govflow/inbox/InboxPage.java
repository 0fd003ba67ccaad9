package org.govflow.inbox;

import java.util.List;

/**
 * One page of the inbox, sorted by due date.
 *
 * @param total the tasks matching the filter
 * @param counts tasks in the whole inbox: all, mine, group, overdue, week
 */
public record InboxPage(List<InboxTask> tasks, long total, int page, int size, Counts counts) {

  public int pages() {
    return size == 0 ? 0 : (int) ((total + size - 1) / size);
  }

  /** How many tasks each filter would show. */
  public record Counts(long all, long mine, long group, long overdue, long week) {}
}

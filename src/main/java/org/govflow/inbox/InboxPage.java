package org.govflow.inbox;

import java.util.List;

/**
 * One page of the inbox, sorted by due date. Counting the caller's tasks costs far more than
 * reading one page of them at scale (docs/benchmarks.md), so the page says only whether another
 * follows; the counts come with it only when asked for.
 *
 * @param hasNext whether a next page has at least one task
 * @param total the tasks matching the filter, or null (left out of JSON) when not asked for
 * @param counts tasks in the whole inbox: all, mine, group, overdue, week; or null when not asked
 */
public record InboxPage(
    List<InboxTask> tasks, int page, int size, boolean hasNext, Long total, Counts counts) {

  /** How many tasks each filter would show. */
  public record Counts(long all, long mine, long group, long overdue, long week) {}

  /**
   * The counts of an inbox filter, on their own.
   *
   * @param total the tasks matching the filter
   * @param counts how many tasks each filter would show
   */
  public record Counted(long total, Counts counts) {}
}

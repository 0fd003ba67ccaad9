package org.govflow.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.inbox.internal.TaskRows;
import org.govflow.web.Caller;
import org.govflow.workflow.TaskIndex;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The caller's tasks and their bodies' tasks, soonest due first, a page at a time, with the counts
 * of each filter when asked for: only the assignee or a member of a candidate body sees a task.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class TaskList {

  private final TaskIndex index;
  private final TaskRows rows;
  private final InboxSettings settings;

  /**
   * One page: one row more than the page is read to know whether a next page exists, so no count is
   * needed to page.
   *
   * @param withCounts whether to count the tasks of every filter as well (one more query, which
   *     costs several times the rows at scale: docs/benchmarks.md)
   */
  @Transactional(readOnly = true)
  public InboxPage inbox(
      Caller caller, InboxFilter filter, int page, int size, boolean withCounts, Locale locale) {
    int pageSize = pageSize(size);
    int pageNumber = Math.max(page, 0);
    TaskIndex.Query query = query(caller, filter);
    List<TaskIndex.Row> found = index.page(query, offset(pageNumber, pageSize), pageSize + 1);
    boolean hasNext = found.size() > pageSize;
    List<InboxTask> tasks =
        rows.describe(caller, hasNext ? found.subList(0, pageSize) : found, locale, query.now());
    if (!withCounts) {
      return new InboxPage(tasks, pageNumber, pageSize, hasNext, null, null);
    }
    InboxPage.Counted counted = counted(query);
    return new InboxPage(tasks, pageNumber, pageSize, hasNext, counted.total(), counted.counts());
  }

  /** How many tasks the filter shows, and each filter would show, in one grouped query. */
  @Transactional(readOnly = true)
  public InboxPage.Counted counts(Caller caller, InboxFilter filter) {
    return counted(query(caller, filter));
  }

  /** One page of rows, without counts: one task query and three batch look-ups. */
  @Transactional(readOnly = true)
  public List<InboxTask> rows(
      Caller caller, InboxFilter filter, int page, int size, Locale locale) {
    int pageSize = pageSize(size);
    TaskIndex.Query query = query(caller, filter);
    return rows.describe(
        caller, index.page(query, offset(page, pageSize), pageSize), locale, query.now());
  }

  private InboxPage.Counted counted(TaskIndex.Query query) {
    TaskIndex.Counts c = index.counts(query);
    return new InboxPage.Counted(
        c.total(), new InboxPage.Counts(c.all(), c.mine(), c.group(), c.overdue(), c.week()));
  }

  private static TaskIndex.Query query(Caller caller, InboxFilter filter) {
    return new TaskIndex.Query(
        caller.personId(),
        caller.bodies(),
        filter.processKey(),
        filter.due(),
        filter.assigned(),
        Instant.now());
  }

  /** The first row of a page; a page beyond any possible row is simply empty, never an overflow. */
  private static int offset(int page, int pageSize) {
    long offset = (long) Math.max(page, 0) * pageSize;
    return (int) Math.min(offset, Integer.MAX_VALUE - pageSize - 1L);
  }

  private int pageSize(int size) {
    return size <= 0 ? settings.pageSize() : Math.min(size, settings.maxPageSize());
  }
}

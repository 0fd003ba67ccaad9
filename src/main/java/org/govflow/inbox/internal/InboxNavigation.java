package org.govflow.inbox.internal;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.inbox.InboxFilter;
import org.govflow.inbox.TaskList;
import org.govflow.web.Caller;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The navigation's count of open tasks ({@code ${navInbox.open()}} in the layout): counted only
 * when a page shows it, with the inbox's one grouped count query.
 */
@ControllerAdvice(annotations = Controller.class)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class InboxNavigation {

  private final TaskList tasks;

  @ModelAttribute("navInbox")
  OpenCount navInbox() {
    return new OpenCount(tasks);
  }

  /** The signed-in person's open tasks (theirs and their bodies'), 0 for anyone else. */
  public static final class OpenCount {

    private final TaskList tasks;
    private Long count;

    OpenCount(TaskList tasks) {
      this.tasks = tasks;
    }

    public long open() {
      if (count == null) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        count =
            auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken
                ? 0L
                : tasks.counts(Caller.of(auth), InboxFilter.ALL).counts().all();
      }
      return count;
    }
  }
}

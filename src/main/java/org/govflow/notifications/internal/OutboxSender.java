package org.govflow.notifications.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.notifications.NotificationSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works off the outbox: claims due messages with {@code FOR UPDATE SKIP LOCKED}, hands them to the
 * mail server and records the outcome in the same transaction. Several nodes share the work without
 * ever holding the same row; a node that dies mid-batch rolls back and its rows are picked up
 * again. A failed attempt is retried after a wait that doubles each time, up to a limit; after the
 * last attempt the message is marked failed for the admins.
 *
 * <p>The one window left is a node dying after the mail server accepted a message and before the
 * commit: that message would go out again, which SMTP cannot prevent without the receiving side's
 * help. Each transaction therefore holds one message, so the window is one message per sender
 * thread, and every message carries a Message-ID derived from its outbox id (and the id itself in a
 * header), so a repeat is the same message to every mail client.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class OutboxSender {

  static final String ID_HEADER = "X-Govflow-Notification";

  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

  private final String name;
  private final Outbox outbox;
  private final JavaMailSender mail;
  private final TransactionTemplate transactions;
  private final NotificationSettings settings;
  private final Clock clock;
  private ScheduledExecutorService executor;
  private volatile boolean serverReachable = true;

  synchronized void start() {
    if (executor != null) {
      return;
    }
    int threads = Math.max(1, settings.sender().threads());
    executor =
        Executors.newScheduledThreadPool(
            threads,
            r -> {
              Thread thread = new Thread(r, name);
              thread.setDaemon(true);
              return thread;
            });
    long poll = settings.sender().pollInterval().toMillis();
    for (int i = 0; i < threads; i++) {
      // staggered, so that the threads do not all poll an empty outbox at the same moment
      executor.scheduleWithFixedDelay(
          this::drain, poll + i * poll / threads, poll, TimeUnit.MILLISECONDS);
    }
  }

  synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      try {
        executor.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      executor = null;
    }
  }

  synchronized boolean isRunning() {
    return executor != null;
  }

  /** Sends batches until nothing is due; never throws, so the schedule keeps running. */
  void drain() {
    try {
      while (!Thread.currentThread().isInterrupted() && sendBatch() > 0) {
        // next batch
      }
    } catch (RuntimeException e) {
      log.warn("Outbox sender {}: {}", name, e.toString());
    }
  }

  /** Claims and sends one message; returns 0 when there is nothing (more) to send now. */
  int sendBatch() {
    Integer sent = transactions.execute(status -> sendClaimed());
    return sent == null ? 0 : sent;
  }

  /**
   * One message per transaction: if the node dies after the mail server accepted it and before the
   * commit, only that message goes out again, and with the same Message-ID.
   */
  private int sendClaimed() {
    Instant now = clock.instant();
    List<Outbox.Claimed> claimed = outbox.claim(1, now);
    if (claimed.isEmpty()) {
      return 0;
    }
    Outbox.Claimed c = claimed.get(0);
    MimeMessage message;
    try {
      message = mime(c);
    } catch (MessagingException | RuntimeException e) {
      giveUpOrRetry(c, now, "cannot build the message: " + e.getMessage());
      // nothing went out, but the outbox moved on: the caller looks for the next one
      return 1;
    }
    Exception failure = null;
    try {
      mail.send(message);
    } catch (MailSendException e) {
      failure =
          e.getFailedMessages().isEmpty() ? e : e.getFailedMessages().values().iterator().next();
    } catch (MailException e) {
      failure = e;
    }
    if (failure == null) {
      outbox.sent(c.id(), now);
      reportServer(1, Map.of());
      return 1;
    }
    giveUpOrRetry(c, now, describe(failure));
    reportServer(0, Map.of(message, failure));
    if (unreachable(failure)) {
      // the server is down: every due message waits its back-off, without a connection attempt
      // each (none of them can have gone out)
      for (Outbox.Claimed waiting : outbox.claim(settings.sender().batchSize(), now)) {
        giveUpOrRetry(waiting, now, describe(failure));
      }
      return 0;
    }
    // this recipient was refused: the next message may go out
    return 1;
  }

  private static boolean unreachable(Exception failure) {
    return String.valueOf(failure.getMessage()).contains("connect");
  }

  private void giveUpOrRetry(Outbox.Claimed c, Instant now, String error) {
    int attempts = c.attempts() + 1;
    if (attempts >= settings.sender().maxAttempts()) {
      log.warn(
          "Notification {} to {} failed after {} attempts, given up: {}",
          c.id(),
          c.email(),
          attempts,
          error);
      outbox.failed(c.id(), error);
    } else {
      outbox.retryAt(c.id(), now.plus(backoff(attempts)), error);
    }
  }

  /** The wait after the n-th failed attempt: first-retry, doubled each time, capped. */
  Duration backoff(int failedAttempts) {
    Duration first = settings.sender().firstRetry();
    Duration max = settings.sender().maxRetry();
    Duration wait = first.multipliedBy(1L << Math.min(failedAttempts - 1, 30));
    return wait.compareTo(max) > 0 || wait.isNegative() ? max : wait;
  }

  private void reportServer(int sent, Map<Object, Exception> failures) {
    boolean connectionFailed =
        failures.values().stream()
            .anyMatch(e -> String.valueOf(e.getMessage()).contains("connect"));
    if (connectionFailed && serverReachable) {
      serverReachable = false;
      log.warn(
          "Mail server unreachable ({}): messages wait in the outbox and are retried with back-off",
          failures.values().iterator().next().getMessage());
    } else if (sent > 0 && !serverReachable) {
      serverReachable = true;
      log.info("Mail server reachable again: sending the outbox");
    }
  }

  private MimeMessage mime(Outbox.Claimed c) throws MessagingException {
    MimeMessage message = new StableIdMessage(messageId(c.id()));
    MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
    helper.setFrom(settings.from());
    helper.setTo(c.email());
    helper.setSubject(c.subject());
    helper.setText(c.text(), c.html());
    if (c.calendar() != null) {
      // an attachment every calendar client recognises, with the METHOD it must act on
      helper.addAttachment(
          "invite.ics",
          new ByteArrayDataSource(
              c.calendar().getBytes(StandardCharsets.UTF_8),
              "text/calendar; charset=UTF-8; method=" + c.calendarMethod()));
    }
    message.setHeader(ID_HEADER, c.id());
    return message;
  }

  /** The Message-ID of an outbox message: the same on every attempt, so a repeat is recognised. */
  String messageId(String outboxId) {
    String from = settings.from();
    int at = from == null ? -1 : from.lastIndexOf('@');
    String domain = at < 0 ? "govflow" : from.substring(at + 1).replaceAll("[^A-Za-z0-9.-]", "");
    return "<notification-" + outboxId + "@" + (domain.isEmpty() ? "govflow" : domain) + ">";
  }

  /** A message whose Message-ID is set by us, not made up anew each time it is saved. */
  private static final class StableIdMessage extends MimeMessage {
    private final String id;

    StableIdMessage(String id) {
      super(Session.getInstance(new Properties()));
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", id);
    }
  }

  private static String describe(Exception e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e ? e.getMessage() : e.getMessage() + ": " + root.getMessage();
  }
}

package org.govflow.notifications.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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
 * help. Every message carries its outbox id in a header so such a duplicate can be recognised.
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

  /** Claims and sends one batch; returns how many messages went out. */
  int sendBatch() {
    Integer sent = transactions.execute(status -> sendClaimed());
    return sent == null ? 0 : sent;
  }

  private int sendClaimed() {
    Instant now = clock.instant();
    List<Outbox.Claimed> claimed = outbox.claim(settings.sender().batchSize(), now);
    if (claimed.isEmpty()) {
      return 0;
    }
    Map<MimeMessage, Outbox.Claimed> byMessage = new IdentityHashMap<>();
    List<MimeMessage> messages = new ArrayList<>();
    for (Outbox.Claimed c : claimed) {
      try {
        MimeMessage message = mime(c);
        byMessage.put(message, c);
        messages.add(message);
      } catch (MessagingException | RuntimeException e) {
        giveUpOrRetry(c, now, "cannot build the message: " + e.getMessage());
      }
    }
    Map<Object, Exception> failures = new IdentityHashMap<>();
    try {
      mail.send(messages.toArray(MimeMessage[]::new));
    } catch (MailSendException e) {
      failures.putAll(e.getFailedMessages());
      if (failures.isEmpty()) {
        messages.forEach(m -> failures.put(m, e));
      }
    } catch (MailException e) {
      messages.forEach(m -> failures.put(m, e));
    }
    int sent = 0;
    for (MimeMessage message : messages) {
      Outbox.Claimed c = byMessage.get(message);
      Exception failure = failures.get(message);
      if (failure == null) {
        outbox.sent(c.id(), now);
        sent++;
      } else {
        giveUpOrRetry(c, now, describe(failure));
      }
    }
    reportServer(sent, failures);
    return sent > 0 ? sent : 0;
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
    MimeMessage message = mail.createMimeMessage();
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

  private static String describe(Exception e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e ? e.getMessage() : e.getMessage() + ": " + root.getMessage();
  }
}

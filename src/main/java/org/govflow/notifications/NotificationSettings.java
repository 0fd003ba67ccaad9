package org.govflow.notifications;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How messages go out, from {@code govflow.notifications.*}.
 *
 * @param from the sender address of every message
 * @param mail whether messages are sent by mail at all
 * @param sender how the outbox is worked off
 * @param digestTime when, in each reader's own time zone, a daily digest goes out
 * @param digestInterval how often each node looks for digests that are due
 */
@ConfigurationProperties("govflow.notifications")
public record NotificationSettings(
    @DefaultValue("govflow <no-reply@govflow.example>") String from,
    @DefaultValue Mail mail,
    @DefaultValue Sender sender,
    @DefaultValue("08:00") java.time.LocalTime digestTime,
    @DefaultValue("15m") Duration digestInterval) {

  /**
   * @param enabled false keeps every message in the outbox and the in-app list, unsent; mail is
   *     also off when no mail server is configured ({@code spring.mail.host})
   */
  public record Mail(@DefaultValue("true") boolean enabled) {}

  /**
   * @param pollInterval how often each node looks for messages to send
   * @param batchSize how many due messages one node puts back to wait at once while the mail server
   *     is unreachable (messages are sent one per transaction)
   * @param firstRetry the wait after the first failure; it doubles after each further one
   * @param maxRetry the longest wait between two attempts
   * @param maxAttempts after this many failed attempts a message is marked failed for the admins
   * @param threads how many batches one node sends at once (each claims its own rows)
   */
  public record Sender(
      @DefaultValue("2s") Duration pollInterval,
      @DefaultValue("100") int batchSize,
      @DefaultValue("30s") Duration firstRetry,
      @DefaultValue("1h") Duration maxRetry,
      @DefaultValue("10") int maxAttempts,
      @DefaultValue("2") int threads) {}
}

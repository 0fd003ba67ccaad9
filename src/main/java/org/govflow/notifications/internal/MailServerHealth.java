package org.govflow.notifications.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.Properties;
import org.govflow.notifications.NotificationSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Whether this node reaches its mail server: an SMTP connection (greeting, EHLO, and the login when
 * one is configured) with a short timeout, so a probe is never held for long by a server that
 * hangs. Replaces Spring Boot's own {@code mail} indicator (same bean name), which waits as long as
 * the sender does.
 *
 * <p>An unreachable server is {@link #DEGRADED}, not DOWN: the outbox keeps every message and the
 * sender retries, so the node still serves people and stays ready (the readiness group ranks
 * DEGRADED below UP); the operator sees it in the details and in the outbox gauges.
 */
@Component("mailHealthIndicator")
class MailServerHealth implements HealthIndicator {

  /** Serving, but something it depends on is not there; HTTP 200. */
  static final Status DEGRADED =
      new Status("DEGRADED", "The mail server cannot be reached: messages wait in the outbox");

  /** A probe waits no longer than this for the server (connect, then each reply). */
  static final Duration TIMEOUT = Duration.ofSeconds(3);

  /** Probes within this time of each other share one connection attempt. */
  static final Duration FRESHNESS = Duration.ofSeconds(5);

  private final JavaMailSenderImpl server;
  private final String off;
  private final LoadingCache<Boolean, Health> health =
      Caffeine.newBuilder().expireAfterWrite(FRESHNESS).build(key -> check());

  MailServerHealth(ObjectProvider<JavaMailSender> mail, NotificationSettings settings) {
    JavaMailSender configured = mail.getIfAvailable();
    if (configured == null) {
      this.server = null;
      this.off = "no spring.mail.host: messages stay in the outbox and the app";
    } else if (!settings.mail().enabled()) {
      this.server = null;
      this.off = "govflow.notifications.mail.enabled=false";
    } else if (configured instanceof JavaMailSenderImpl impl) {
      this.server = probe(impl);
      this.off = null;
    } else {
      this.server = null;
      this.off = "a mail sender of type " + configured.getClass().getSimpleName();
    }
  }

  @Override
  public Health health() {
    if (server == null) {
      return Health.unknown().withDetail("mail", off).build();
    }
    return health.get(Boolean.TRUE);
  }

  private Health check() {
    Health.Builder health =
        new Health.Builder()
            .withDetail("host", server.getHost())
            .withDetail("port", server.getPort())
            .withDetail("timeout", TIMEOUT.toString());
    try {
      server.testConnection();
      return health.up().build();
    } catch (MessagingException | RuntimeException e) {
      return health.status(DEGRADED).withDetail("error", String.valueOf(e.getMessage())).build();
    }
  }

  /** The configured server with the probe's own short timeouts. */
  private static JavaMailSenderImpl probe(JavaMailSenderImpl configured) {
    JavaMailSenderImpl probe = new JavaMailSenderImpl();
    probe.setHost(configured.getHost());
    probe.setPort(configured.getPort());
    probe.setUsername(configured.getUsername());
    probe.setPassword(configured.getPassword());
    probe.setProtocol(configured.getProtocol());
    probe.setDefaultEncoding(configured.getDefaultEncoding());
    Properties properties = new Properties();
    properties.putAll(configured.getJavaMailProperties());
    String millis = Long.toString(TIMEOUT.toMillis());
    for (String protocol : new String[] {"smtp", "smtps"}) {
      properties.setProperty("mail." + protocol + ".connectiontimeout", millis);
      properties.setProperty("mail." + protocol + ".timeout", millis);
      properties.setProperty("mail." + protocol + ".writetimeout", millis);
    }
    probe.setJavaMailProperties(properties);
    return probe;
  }
}

package org.govflow.notifications.internal;

import java.time.Clock;
import org.govflow.notifications.NotificationSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs this node's outbox sender while the application runs. Without a mail server ({@code
 * spring.mail.host} unset, as in the quick start) or with {@code
 * govflow.notifications.mail.enabled=false}, says so once and sends nothing: messages stay in the
 * outbox and in people's in-app lists.
 */
@Component
class MailDelivery implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

  private final OutboxSender sender;
  private boolean running;

  MailDelivery(
      ObjectProvider<JavaMailSender> mail,
      Outbox outbox,
      PlatformTransactionManager transactions,
      NotificationSettings settings,
      Clock clock) {
    JavaMailSender server = mail.getIfAvailable();
    if (server == null || !settings.mail().enabled()) {
      log.info(
          "Mail is off ({}): notifications are kept in the outbox and shown in the app",
          server == null ? "no spring.mail.host" : "govflow.notifications.mail.enabled=false");
      this.sender = null;
    } else {
      this.sender =
          new OutboxSender(
              "outbox-sender",
              outbox,
              server,
              new TransactionTemplate(transactions),
              settings,
              clock);
    }
  }

  /** This node's sender, or null when mail is off. */
  OutboxSender sender() {
    return sender;
  }

  @Override
  public synchronized void start() {
    if (sender != null) {
      sender.start();
    }
    running = true;
  }

  @Override
  public synchronized void stop() {
    if (sender != null) {
      sender.stop();
    }
    running = false;
  }

  @Override
  public synchronized boolean isRunning() {
    return running;
  }
}

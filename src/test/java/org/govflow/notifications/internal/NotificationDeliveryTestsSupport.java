package org.govflow.notifications.internal;

import jakarta.mail.internet.MimeMessage;
import org.govflow.support.TestMailServer;

/** Reading the parts of a received message. */
final class NotificationDeliveryTestsSupport {

  private NotificationDeliveryTestsSupport() {}

  static String text(MimeMessage m) {
    return TestMailServer.part(m, "text/plain");
  }
}

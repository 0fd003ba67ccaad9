package org.govflow.notifications.internal;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/** Reading the parts of a received message. */
final class NotificationDeliveryTestsSupport {

  private NotificationDeliveryTestsSupport() {}

  static String text(MimeMessage m) {
    try {
      return find(m.getContent(), "text/plain");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String find(Object content, String type) throws Exception {
    if (content instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart part = multipart.getBodyPart(i);
        if (part.isMimeType(type)) {
          return (String) part.getContent();
        }
        String inner = find(part.getContent(), type);
        if (!inner.isEmpty()) {
          return inner;
        }
      }
    }
    return "";
  }
}

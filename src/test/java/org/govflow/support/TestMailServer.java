package org.govflow.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real SMTP server (GreenMail) on loopback, one per test JVM, on a free port so that test runs
 * side by side do not collide. Points Spring Mail at it; tests stop and start it to play a mail
 * server that is down for a while.
 */
public final class TestMailServer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static final int PORT = freePort();
  private static GreenMail server;

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    start();
    TestPropertyValues.of("spring.mail.host=127.0.0.1", "spring.mail.port=" + PORT)
        .applyTo(context);
  }

  public static synchronized GreenMail start() {
    if (server == null) {
      server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      server.start();
    }
    return server;
  }

  public static synchronized void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  /** What the server received since it was last started. */
  public static synchronized MimeMessage[] received() {
    return server == null ? new MimeMessage[0] : server.getReceivedMessages();
  }

  public static synchronized void purge() {
    if (server != null) {
      try {
        server.purgeEmailFromAllMailboxes();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

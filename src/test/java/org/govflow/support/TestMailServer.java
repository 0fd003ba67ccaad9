package org.govflow.support;

import com.icegreen.greenmail.Managers;
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
  private static Keeping server;

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    start();
    TestPropertyValues.of("spring.mail.host=127.0.0.1", "spring.mail.port=" + PORT)
        .applyTo(context);
  }

  public static synchronized GreenMail start() {
    if (server == null) {
      server = new Keeping(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
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

  /**
   * Stops listening (senders get "connection refused", as from a mail server that is down) but
   * keeps what was received; {@link #resume()} listens again on the same port.
   */
  public static synchronized void pause() {
    if (server != null) {
      server.pause();
    }
  }

  public static synchronized void resume() {
    if (server != null && !server.isRunning()) {
      server.start();
    }
  }

  /** The port the server listens on (while it runs). */
  public static int port() {
    return PORT;
  }

  /** What the server received since it was last started. */
  public static synchronized MimeMessage[] received() {
    return server == null ? new MimeMessage[0] : server.getReceivedMessages();
  }

  /** A message's part of a type ({@code text/plain}, {@code text/html}), decoded; empty if none. */
  public static String part(MimeMessage message, String type) {
    try {
      Object content = message.getContent();
      if (content instanceof String text) {
        return message.isMimeType(type) ? text : "";
      }
      return find(content, type);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String find(Object content, String type) throws Exception {
    if (content instanceof jakarta.mail.Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        jakarta.mail.BodyPart part = multipart.getBodyPart(i);
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

  public static synchronized void purge() {
    if (server != null) {
      try {
        server.purgeEmailFromAllMailboxes();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** GreenMail whose received messages outlive a stop, so that an outage loses none of them. */
  private static final class Keeping extends GreenMail {
    Keeping(ServerSetup setup) {
      super(setup);
    }

    synchronized void pause() {
      Managers kept = managers;
      // stop() closes the sockets and starts an empty store; start() serves the store it finds
      stop();
      managers = kept;
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

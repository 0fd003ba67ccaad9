package org.govflow.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.govflow.notifications.NotificationSettings;
import org.govflow.support.EventPublications;
import org.govflow.support.MailIntegrationTest;
import org.govflow.support.PostgresTestDatabase;
import org.govflow.support.TestMailServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Messages about new tasks, through the real outbox on PostgreSQL to a real SMTP server: in each
 * reader's language and time zone, and exactly once whatever happens to the mail server or the
 * senders.
 */
@MailIntegrationTest
class NotificationDeliveryTests {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;

  @Autowired
  @Qualifier("applicationTaskExecutor")
  ThreadPoolTaskExecutor listeners;

  @Autowired MailDelivery delivery;
  @Autowired Outbox outbox;
  @Autowired JavaMailSender mail;
  @Autowired PlatformTransactionManager transactions;
  @Autowired NotificationSettings settings;
  @Autowired Clock clock;

  @AfterEach
  void backToNormal() {
    TestMailServer.start();
    delivery.start();
  }

  @Test
  void everyMemberOfTheBodyIsToldInTheirLanguageAndTimeZone() throws Exception {
    // due Thursday 10 December 2026 at 18:00 UTC
    String task = startReview("presidency", Instant.parse("2026-12-10T18:00:00Z"));

    Map<String, MimeMessage> byRecipient = awaitDelivered(task, 6);

    // Amina Diallo reads French in Dakar (UTC+0)
    MimeMessage amina = byRecipient.get("amina.diallo@demo.govflow.org");
    assertThat(amina.getSubject()).isEqualTo("À traiter : Examiner le document · Annual report");
    assertThat(text(amina))
        .contains("Chère, cher Amina Diallo", "jeudi 10 décembre 2026", "18:00", "(Africa/Dakar)")
        .contains("http://localhost:8080/tasks/" + task);
    // Lucía Herrera reads Spanish in Bogotá (UTC-5)
    MimeMessage lucia = byRecipient.get("lucia.herrera@demo.govflow.org");
    assertThat(lucia.getSubject()).isEqualTo("Para actuar: Revisar el documento · Annual report");
    assertThat(text(lucia))
        .contains("jueves, 10 de diciembre de 2026", "13:00", "(America/Bogota)");
    // Park Ji-woo reads English in Seoul (UTC+9): already Friday there
    MimeMessage jiwoo = byRecipient.get("jiwoo.park@demo.govflow.org");
    assertThat(jiwoo.getSubject()).isEqualTo("To act on: Review the document · Annual report");
    assertThat(text(jiwoo)).contains("Friday, December 11, 2026", "3:00", "(Asia/Seoul)");
    assertThat(html(jiwoo)).contains("href=\"http://localhost:8080/tasks/" + task + "\"");
  }

  @Test
  void theMessagesAreWrittenOnTheListenersPoolNotOnAThreadPerEvent() {
    ThreadPoolExecutor pool = listeners.getThreadPoolExecutor();
    long before = pool.getCompletedTaskCount();
    for (int i = 0; i < 10; i++) {
      startReview("presidency", Instant.parse("2026-12-10T18:00:00Z"));
    }
    // each start's task message was written by a module listener on Spring Boot's pool
    // (spring.task.execution), whose threads stay; Spring's fallback would have started, and ended,
    // a thread for every event
    // (a task counts as completed a moment after its listener has marked its event handled)
    await().atMost(Duration.ofSeconds(10)).until(() -> pool.getCompletedTaskCount() >= before + 10);
    assertThat(pool.getPoolSize()).isPositive().isLessThanOrEqualTo(listeners.getCorePoolSize());
    assertThat(listeners.getThreadNamePrefix()).isEqualTo("events-");
  }

  @Test
  void aMailServerDownForAWhileGetsEveryMessageOnceWhenBack() throws Exception {
    TestMailServer.stop();
    String task = startReview("presidency", Instant.parse("2026-12-10T12:00:00Z"));

    // the sender keeps trying and backs off
    await().atMost(Duration.ofSeconds(20)).until(() -> minAttempts(task) >= 2);
    assertThat(status(task)).containsOnly(Outbox.PENDING);

    TestMailServer.start();

    awaitDelivered(task, 6);
    assertThat(status(task)).containsOnly(Outbox.SENT);
  }

  @Test
  void aSenderThatDiesAfterClaimingLeavesItsMessagesToTheNextOneOnce() throws Exception {
    delivery.stop();
    String task = startReview("presidency", Instant.parse("2026-12-10T12:00:00Z"));
    assertThat(status(task)).containsOnly(Outbox.PENDING);
    assertThat(count(task)).isEqualTo(6);

    // a node claims the task's messages and dies before sending: its transaction never commits
    try (Connection node =
        DriverManager.getConnection(
            PostgresTestDatabase.url("app"),
            PostgresTestDatabase.user(),
            PostgresTestDatabase.password())) {
      node.setAutoCommit(false);
      try (Statement s = node.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "select id from notification where task_id = '"
                      + task
                      + "' for update skip locked")) {
        int locked = 0;
        while (rs.next()) {
          locked++;
        }
        assertThat(locked).isEqualTo(6);
      }
      // while it holds them, another sender skips them rather than sending them too
      secondSender("other-node", 100).sendBatch();
      assertThat(deliveredFor(task)).isEmpty();
    } // the connection drops without a commit, as with a crash

    delivery.start();

    awaitDelivered(task, 6);
  }

  @Test
  void twoSendersOnOneDatabaseNeverSendTheSameMessage() throws Exception {
    delivery.stop();
    List<String> started = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      started.add(startReview("presidency", Instant.parse("2026-12-10T12:00:00Z")));
    }
    OutboxSender one = secondSender("node-a", 3);
    OutboxSender two = secondSender("node-b", 3);
    one.start();
    two.start();
    try {
      for (String task : started) {
        awaitDelivered(task, 6);
      }
    } finally {
      one.stop();
      two.stop();
    }
    List<String> ids = new ArrayList<>();
    // this test's messages (another test repeats one on purpose: a node killed mid-send)
    for (String task : started) {
      for (MimeMessage m : deliveredFor(task)) {
        ids.add(m.getHeader(OutboxSender.ID_HEADER, null));
      }
    }
    assertThat(ids).hasSize(24);
    assertThat(ids).doesNotHaveDuplicates();
  }

  @Test
  void aNodeDyingAfterTheServerAcceptedAMessageRepeatsOnlyThatOneWithTheSameMessageId()
      throws Exception {
    // the messages already due (the quick start's) go out first, so that this node sends ours
    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () ->
                jdbc.queryForObject(
                        "select count(*) from notification where status = 'PENDING'"
                            + " and next_attempt_at < current_timestamp + interval '1 minute'",
                        Integer.class)
                    == 0);
    delivery.stop();
    String task = startReview("presidency", Instant.parse("2026-12-10T12:00:00Z"));
    await().atMost(Duration.ofSeconds(10)).until(() -> count(task) == 6);

    // the mail server accepts the third message, then the node dies before it commits
    int[] handed = {0};
    JavaMailSender dying =
        new JavaMailSender() {
          @Override
          public MimeMessage createMimeMessage() {
            return mail.createMimeMessage();
          }

          @Override
          public MimeMessage createMimeMessage(java.io.InputStream content) {
            return mail.createMimeMessage(content);
          }

          @Override
          public void send(MimeMessage... messages) {
            for (MimeMessage m : messages) {
              mail.send(m);
              if (++handed[0] == 3) {
                throw new IllegalStateException("node killed");
              }
            }
          }

          @Override
          public void send(org.springframework.mail.SimpleMailMessage... messages) {
            mail.send(messages);
          }
        };
    NotificationSettings.Sender s = settings.sender();
    OutboxSender node =
        new OutboxSender(
            "dying-node",
            outbox,
            dying,
            new TransactionTemplate(transactions),
            new NotificationSettings(
                settings.from(),
                settings.mail(),
                new NotificationSettings.Sender(
                    Duration.ofMillis(50), 100, s.firstRetry(), s.maxRetry(), s.maxAttempts(), 1),
                settings.digestTime(),
                settings.digestInterval()),
            clock);
    node.drain();
    assertThat(deliveredFor(task)).hasSize(3);

    delivery.start();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> status(task).stream().allMatch(Outbox.SENT::equals));

    List<MimeMessage> delivered = deliveredFor(task);
    // one repeat, not the whole batch, and it carries the first one's Message-ID
    assertThat(delivered).hasSize(7);
    Map<String, Long> byOutboxId =
        delivered.stream()
            .collect(
                Collectors.groupingBy(
                    m -> header(m, OutboxSender.ID_HEADER), Collectors.counting()));
    assertThat(byOutboxId).hasSize(6);
    Map<String, Long> byMessageId =
        delivered.stream()
            .collect(Collectors.groupingBy(m -> header(m, "Message-ID"), Collectors.counting()));
    assertThat(byMessageId).hasSize(6);
    String repeated =
        byOutboxId.entrySet().stream()
            .filter(e -> e.getValue() == 2)
            .map(Map.Entry::getKey)
            .findFirst()
            .orElseThrow();
    assertThat(byMessageId).containsEntry("<notification-" + repeated + "@" + domain() + ">", 2L);
  }

  private String domain() {
    return settings.from().substring(settings.from().lastIndexOf('@') + 1).replace(">", "");
  }

  private static String header(MimeMessage m, String name) {
    try {
      return m.getHeader(name, null);
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  // -- helpers

  private OutboxSender secondSender(String name, int batchSize) {
    NotificationSettings.Sender s = settings.sender();
    NotificationSettings small =
        new NotificationSettings(
            settings.from(),
            settings.mail(),
            new NotificationSettings.Sender(
                Duration.ofMillis(50), batchSize, s.firstRetry(), s.maxRetry(), s.maxAttempts(), 2),
            settings.digestTime(),
            settings.digestInterval());
    return new OutboxSender(
        name, outbox, mail, new TransactionTemplate(transactions), small, clock);
  }

  private String startReview(String body, Instant respondBy) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("title", "Annual report");
    variables.put("summary", "For approval");
    variables.put("approvingBody", body);
    variables.put("respondBy", Date.from(respondBy));
    String instance =
        runtime
            .startProcessInstanceByKey("document-approval", "DA-" + System.nanoTime(), variables)
            .getId();
    // its message to act on is written once the start has committed
    EventPublications.awaitHandled(jdbc);
    return tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
  }

  /** Waits until the task's messages arrived, then checks no recipient got one twice. */
  private Map<String, MimeMessage> awaitDelivered(String task, int expected) throws Exception {
    await().atMost(Duration.ofSeconds(30)).until(() -> deliveredFor(task).size() >= expected);
    // and the outbox agrees, so nothing is left to go out a second time
    await().atMost(Duration.ofSeconds(10)).until(() -> status(task).equals(List.of(Outbox.SENT)));
    List<MimeMessage> delivered = deliveredFor(task);
    assertThat(delivered).hasSize(expected);
    return delivered.stream()
        .collect(Collectors.toMap(NotificationDeliveryTests::to, Function.identity()));
  }

  private static List<MimeMessage> deliveredFor(String task) {
    return Arrays.stream(TestMailServer.received())
        .filter(m -> text(m).contains("/tasks/" + task))
        .toList();
  }

  private List<String> status(String task) {
    return jdbc.queryForList(
        "select distinct status from notification where task_id = ?", String.class, task);
  }

  private int count(String task) {
    return jdbc.queryForObject(
        "select count(*) from notification where task_id = ?", Integer.class, task);
  }

  private int minAttempts(String task) {
    Integer min =
        jdbc.queryForObject(
            "select min(attempts) from notification where task_id = ?", Integer.class, task);
    return min == null ? 0 : min;
  }

  private static String to(MimeMessage m) {
    try {
      return m.getAllRecipients()[0].toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(MimeMessage m) {
    return part(m, "text/plain");
  }

  private static String html(MimeMessage m) {
    return part(m, "text/html");
  }

  private static String part(MimeMessage m, String type) {
    return TestMailServer.part(m, type);
  }
}

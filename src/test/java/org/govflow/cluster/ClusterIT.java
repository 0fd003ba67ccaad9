package org.govflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.core.ConditionTimeoutException;
import org.govflow.support.Multipart;
import org.govflow.support.PostgresTestDatabase;
import org.govflow.support.TestMailServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two govflow nodes as separate processes ({@code java -jar} on the packaged application) on one
 * fresh PostgreSQL database, with one real SMTP server (GreenMail) in this JVM. Document approvals
 * are launched and completed through both nodes' APIs at once (personal access tokens); the mail
 * server is down for a while, then back; node B is killed with SIGKILL while the outbox is being
 * sent and started again. Then: every process at its expected end, every outbox message received
 * (none lost), no message received under two Message-IDs and at most one repeat per sender thread
 * caught in the window between the server's acceptance and the commit (by the kill or the outage's
 * start; repeated with the same Message-ID), no job run twice, no automatic start made twice, no
 * incident, no event left unhandled, the decision register's chain intact.
 *
 * <p>Run by {@code ./mvnw verify} (failsafe, after {@code package}) at a small size; a larger run:
 * {@code ./mvnw -B verify -Pcluster -Dcluster.processes=600} (docs/reliability.md). Sizes and
 * times: {@code cluster.processes} (40), {@code cluster.threads} (4 client threads), {@code
 * cluster.outageSeconds} (15), {@code cluster.nodeHeap} (512m), {@code cluster.nodeJvm} (the nodes'
 * other JVM options), {@code cluster.bodies} (the bodies documents go to, in turn:
 * world-council,executive-bureau), {@code cluster.startSeconds} and {@code cluster.settleSeconds}
 * (how long a node may take to start, the outbox to empty: 300 each). Figures go to
 * target/cluster/report.txt, the nodes' logs beside it; the database is dropped at the end unless
 * {@code cluster.keepDatabase=true}.
 */
@Tag("cluster")
class ClusterIT {

  static final int PROCESSES = Integer.getInteger("cluster.processes", 40);
  static final int THREADS = Integer.getInteger("cluster.threads", 4);
  static final int OUTAGE_SECONDS = Integer.getInteger("cluster.outageSeconds", 15);
  static final String HEAP = System.getProperty("cluster.nodeHeap", "512m");

  /** the nodes' JIT and GC: quicker starts on a small shared machine (C1 only, one GC thread) */
  static final String NODE_JVM =
      System.getProperty("cluster.nodeJvm", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");

  static final List<String> BODIES =
      List.of(System.getProperty("cluster.bodies", "world-council,executive-bureau").split(","));
  static final Duration START_TIMEOUT =
      Duration.ofSeconds(Integer.getInteger("cluster.startSeconds", 300));
  static final Duration SETTLE_TIMEOUT =
      Duration.ofSeconds(Integer.getInteger("cluster.settleSeconds", 300));
  static final Path JAR =
      Path.of(System.getProperty("cluster.jar", "target/govflow-0.1.0-SNAPSHOT.jar"));
  static final Path DIR = Path.of("target/cluster");
  static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
  static final String OUTBOX_ID_HEADER = "X-Govflow-Notification";

  /** sender threads per node (govflow.notifications.sender.threads, set below) */
  static final int SENDER_THREADS = 2;

  /**
   * The window in which a message can be received twice: the mail server has stored it, the sender
   * has not committed. The killed node's sender threads may each be in it (the message goes out
   * again from another node), and so may both nodes' threads when the mail server stops (stored,
   * then the connection closed before the answer): one message per sender thread each time.
   */
  static final int REPEATS_ALLOWED = SENDER_THREADS * (1 + 2);

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  static String database;
  static ClusterNode a;
  static ClusterNode b;
  static ClusterNode[] nodes;

  /** One document approval: launched on one node, completed on the other. */
  static final class Item {
    final int n;
    final String title;
    final String body;
    final boolean approve;
    final LocalDate respondBy;
    volatile String processId;
    volatile String taskId;

    Item(int n, String runId) {
      this.n = n;
      this.title = "Cluster document " + n + " (" + runId + ")";
      this.body = BODIES.get(n % BODIES.size());
      // one in five is rejected: each process has an end of its own to reach
      this.approve = n % 5 != 0;
      // one in four is due tomorrow, so that the deadline sweeps of both nodes send its reminder
      this.respondBy = LocalDate.now(MADRID).plusDays(n % 4 == 0 ? 1 : 30);
    }

    String expectedEnd() {
      return approve ? "DocumentApproved" : "DocumentRejected";
    }
  }

  @BeforeAll
  static void startCluster() throws Exception {
    assertThat(JAR)
        .as("the packaged application (./mvnw package builds it; failsafe runs after package)")
        .exists();
    Files.createDirectories(DIR);
    // this run's logs only
    Files.deleteIfExists(DIR.resolve("node-a.log"));
    Files.deleteIfExists(DIR.resolve("node-b.log"));
    database = PostgresTestDatabase.url("cluster");
    TestMailServer.start();
    List<String> common =
        List.of(
            // the demo organisation and its passwords ("demo"), as in the quick start, on
            // PostgreSQL
            "--spring.profiles.active=demo",
            "--spring.datasource.url=" + database,
            "--spring.datasource.username=" + PostgresTestDatabase.user(),
            "--spring.datasource.password=" + PostgresTestDatabase.password(),
            "--spring.mail.host=127.0.0.1",
            "--spring.mail.port=" + TestMailServer.port(),
            // production's retry policy scaled down from 30 s / 1 h / 10 attempts (hours of outage
            // before a message is given up) to seconds, with room for the outage
            "--govflow.notifications.sender.poll-interval=500ms",
            "--govflow.notifications.sender.first-retry=1s",
            "--govflow.notifications.sender.max-retry=4s",
            "--govflow.notifications.sender.max-attempts=200",
            "--govflow.notifications.sender.threads=" + SENDER_THREADS,
            // both nodes sweep deadlines and MoU renewals often, so that they do it at the same
            // time
            "--govflow.deadlines.sweep-interval=5s",
            "--govflow.partnerships.sweep-interval=5s",
            "--govflow.webhooks.poll-interval=1s",
            "--logging.level.org.govflow=INFO");
    int[] ports = {freePort(), freePort()};
    List<String> jvm = new ArrayList<>(List.of(("-Xmx" + HEAP + " " + NODE_JVM).split("\\s+")));
    a = new ClusterNode("node-a", ports[0], JAR, DIR.resolve("node-a.log"), jvm, common);
    b = new ClusterNode("node-b", ports[1], JAR, DIR.resolve("node-b.log"), jvm, common);
    nodes = new ClusterNode[] {a, b};
    // one after the other: the first start creates the schemas and seeds the demo organisation
    // (seeding checks what exists, so the second node finds it and seeds nothing)
    a.start();
    a.awaitReady(HTTP, START_TIMEOUT);
    b.start();
    b.awaitReady(HTTP, START_TIMEOUT);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    for (ClusterNode node : nodes == null ? new ClusterNode[0] : nodes) {
      node.stop();
    }
    TestMailServer.stop();
    if (!Boolean.getBoolean("cluster.keepDatabase")) {
      PostgresTestDatabase.dropNow("cluster");
    }
  }

  @Test
  void twoNodesACrashAndAMailOutageLoseAndRepeatNothing() throws Exception {
    long t0 = System.nanoTime();
    Map<String, Double> timeline = new LinkedHashMap<>();
    String officer = "Bearer " + token("officer");
    String president = "Bearer " + token("president");
    // each body's documents are approved or rejected by one of its members
    Map<String, String> deciders = new HashMap<>();
    for (String body : BODIES) {
      List<Map<String, Object>> member =
          rows(
              "select person_id from directory_membership where body_id = ?"
                  + " order by person_id fetch first 1 rows only",
              body);
      assertThat(member).as("a member of %s", body).isNotEmpty();
      deciders.put(body, "Bearer " + token((String) member.get(0).get("person_id")));
    }
    String runId = UUID.randomUUID().toString().substring(0, 8);
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < PROCESSES; i++) {
      items.add(new Item(i, runId));
    }
    int half = PROCESSES / 2;
    int quarter = PROCESSES / 4;
    Client client = new Client(officer, president, deciders);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    // launches and completions side by side during the outage
    ExecutorService side = Executors.newFixedThreadPool(THREADS);
    try {
      // 1. both nodes up: the first half launched through both
      run(pool, items.subList(0, half), client::launch);
      timeline.put("first half launched", seconds(t0));

      // 2. the mail server goes down; the second half is launched and the first quarter
      // completed meanwhile, so the outbox fills up
      TestMailServer.pause();
      long outageStart = System.nanoTime();
      timeline.put("mail server down", seconds(t0));
      List<Item> duringOutage = new ArrayList<>(items.subList(half, PROCESSES));
      CompletableFuture<Void> launches =
          CompletableFuture.runAsync(() -> run(side, duringOutage, client::launch));
      run(pool, items.subList(0, quarter), client::complete);
      launches.join();
      long waited = Duration.ofSeconds(OUTAGE_SECONDS).toMillis() - millis(outageStart);
      if (waited > 0) {
        Thread.sleep(waited);
      }
      long sentBefore = count("select count(*) from notification where status = 'SENT'");
      TestMailServer.resume();
      double outage = millis(outageStart) / 1000.0;
      timeline.put("mail server back", seconds(t0));

      // 3. while the nodes send the backlog and work goes on through both, node B is killed:
      // once sending has resumed and a few completions are through, with others in flight
      long waitStart = System.nanoTime();
      while (count("select count(*) from notification where status = 'SENT'") < sentBefore + 5
          && millis(waitStart) < 60_000) {
        Thread.sleep(50);
      }
      List<Item> aroundKill = new ArrayList<>(items.subList(quarter, half + quarter));
      int completedBefore = client.completed.get();
      CompletableFuture<Void> completions =
          CompletableFuture.runAsync(() -> run(pool, aroundKill, client::complete));
      while (client.completed.get() < completedBefore + Math.max(2, aroundKill.size() / 4)
          && !completions.isDone()) {
        Thread.sleep(20);
      }
      long pendingAtKill = count("select count(*) from notification where status = 'PENDING'");
      b.kill();
      double killedAt = seconds(t0);
      timeline.put(
          "node-b killed (SIGKILL), " + pendingAtKill + " messages still to send", killedAt);
      b.start();
      completions.join();
      timeline.put("completions around the kill done", seconds(t0));
      b.awaitReady(HTTP, START_TIMEOUT);
      double restarted = seconds(t0);
      timeline.put("node-b ready again", restarted);

      // 4. both nodes again: the last quarter completed through both
      int servedBefore = client.servedBy[1].get();
      run(pool, items.subList(half + quarter, PROCESSES), client::complete);
      int servedByRestarted = client.servedBy[1].get() - servedBefore;
      timeline.put("all completed", seconds(t0));

      // 5. everything sent, every event handled
      settle(TestMailServer::received);
      timeline.put("outbox empty", seconds(t0));
      double duration = seconds(t0);

      report(items, client, timeline, outage, killedAt, restarted, duration, servedByRestarted);
    } finally {
      pool.shutdownNow();
      side.shutdownNow();
    }
  }

  private void report(
      List<Item> items,
      Client client,
      Map<String, Double> timeline,
      double outage,
      double killedAt,
      double restarted,
      double duration,
      int servedByRestarted)
      throws Exception {
    SoftAssertions softly = new SoftAssertions();

    // every process at its expected end
    Map<String, String> ends = new HashMap<>();
    for (Map<String, Object> row :
        rows(
            "select id_, end_act_id_ from act_hi_procinst where id_ = any(?)",
            (Object) ids(items, i -> i.processId))) {
      ends.put((String) row.get("id_"), (String) row.get("end_act_id_"));
    }
    int wrongEnds = 0;
    for (Item item : items) {
      if (!item.expectedEnd().equals(ends.get(item.processId))) {
        wrongEnds++;
        softly.fail(
            "%s (%s) ended at %s, expected %s",
            item.title, item.processId, ends.get(item.processId), item.expectedEnd());
      }
    }

    // the outbox: every row, and what the mail server received
    Map<String, Map<String, Object>> outbox = new HashMap<>();
    for (Map<String, Object> row :
        rows("select id, dedupe_key, kind, email, task_id, status from notification")) {
      outbox.put((String) row.get("id"), row);
    }
    Map<String, Integer> copies = new HashMap<>();
    Map<String, Set<String>> messageIds = new HashMap<>();
    int unknown = 0;
    int misaddressed = 0;
    for (MimeMessage m : TestMailServer.received()) {
      String id = m.getHeader(OUTBOX_ID_HEADER, null);
      Map<String, Object> row = id == null ? null : outbox.get(id);
      if (row == null) {
        unknown++;
        continue;
      }
      copies.merge(id, 1, Integer::sum);
      messageIds.computeIfAbsent(id, k -> new HashSet<>()).add(m.getMessageID());
      if (!m.getAllRecipients()[0].toString().equalsIgnoreCase((String) row.get("email"))) {
        misaddressed++;
      }
    }
    long toSend =
        outbox.values().stream().filter(r -> !"DIGEST".equals(r.get("status"))).count()
            - outbox.values().stream().filter(r -> "DIGESTED".equals(r.get("status"))).count();
    int notSent = 0;
    int lost = 0;
    for (Map<String, Object> row : outbox.values()) {
      String status = (String) row.get("status");
      if ("PENDING".equals(status) || "FAILED".equals(status)) {
        notSent++;
      } else if ("SENT".equals(status) && !copies.containsKey((String) row.get("id"))) {
        lost++;
      }
    }
    // one message under two Message-IDs: a reader would see it twice
    long duplicated = messageIds.values().stream().filter(s -> s.size() > 1).count();
    // the same message (same Message-ID) received again: the crash window
    long repeated = copies.values().stream().filter(c -> c > 1).count();
    int received = copies.values().stream().mapToInt(Integer::intValue).sum();

    // each process told every member of its body, and its initiator how it ended
    Map<String, Long> members = new HashMap<>();
    for (Map<String, Object> row :
        rows(
            "select m.body_id, count(*) as n from directory_membership m join directory_person p"
                + " on p.id = m.person_id and p.active group by m.body_id")) {
      members.put((String) row.get("body_id"), ((Number) row.get("n")).longValue());
    }
    Map<String, String> taskProcess = new HashMap<>();
    for (Map<String, Object> row :
        rows(
            "select id_, proc_inst_id_ from act_hi_taskinst where proc_inst_id_ = any(?)",
            (Object) ids(items, i -> i.processId))) {
      taskProcess.put((String) row.get("id_"), (String) row.get("proc_inst_id_"));
    }
    Map<String, Map<String, Long>> kindsByProcess = new HashMap<>();
    Set<String> dedupeKeys = new HashSet<>();
    for (Map<String, Object> row : outbox.values()) {
      dedupeKeys.add((String) row.get("dedupe_key"));
      String process = taskProcess.get((String) row.get("task_id"));
      if (process != null) {
        kindsByProcess
            .computeIfAbsent(process, k -> new HashMap<>())
            .merge((String) row.get("kind"), 1L, Long::sum);
      }
    }
    long reminders = 0;
    for (Item item : items) {
      Map<String, Long> kinds = kindsByProcess.getOrDefault(item.processId, Map.of());
      softly
          .assertThat(kinds.getOrDefault("TASK", 0L))
          .as("task messages of %s to %s", item.title, item.body)
          .isEqualTo(members.get(item.body));
      softly
          .assertThat(dedupeKeys)
          .as("outcome message of %s", item.title)
          .contains("process:" + item.processId + ":OUTCOME:officer");
      reminders += kinds.getOrDefault("REMINDER", 0L);
    }

    long incidents = count("select count(*) from act_ru_incident");
    long jobsTwice =
        count(
            "select count(*) from (select job_id_ from act_hi_job_log where job_state_ = 2"
                + " group by job_id_ having count(*) > 1) twice");
    long jobsRun = count("select count(*) from act_hi_job_log where job_state_ = 2");
    long startsTwice =
        count(
            "select count(*) from (select proc_def_key_, business_key_ from act_hi_procinst"
                + " where business_key_ is not null group by proc_def_key_, business_key_"
                + " having count(*) > 1) twice");
    long automaticStarts =
        count("select count(*) from act_hi_procinst where proc_def_key_ = 'mou-renewal'");
    // the nodes' sweeps (every 5 s here) go on publishing events after the settling: one being
    // handled at this moment is not one left unhandled, so give any open one a minute to finish
    long openEvents =
        awaitNone(
            "select count(*) from event_publication where completion_date is null",
            Duration.ofSeconds(60));
    JsonNode register =
        JSON.readTree(
            client
                .send(0, "GET", "/api/v1/decisions/verification", client.president, null, null)
                .body());

    String figures =
        String.format(
            Locale.ROOT,
            "cluster run: 2 nodes (java %s -jar each), one PostgreSQL database, GreenMail%n"
                + "  processes: %d document approvals (%s), launched and completed through both"
                + " nodes' APIs by %d client threads; %d ended as expected%n"
                + "  messages: %d in the outbox to send, %d received (%d copies), lost %d, never"
                + " sent %d, duplicated (two Message-IDs) %d, repeated with the same Message-ID"
                + " %d (at most %d: one per sender thread in the window of the kill and of the"
                + " outage's start)%n"
                + "  reminders sent by the deadline sweeps of both nodes: %d%n"
                + "  mail server down %.1f s; node-b killed with SIGKILL at %.1f s, ready again"
                + " at %.1f s, then served %d requests; requests cut off by the kill %d%n"
                + "  jobs run %d, run twice %d; MoU renewals started automatically %d, business"
                + " keys started twice %d; incidents %d; events not handled %d%n"
                + "  decision register: %d entries checked, broken at %s%n"
                + "  duration %.1f s; timeline %s%n",
            "-Xmx" + HEAP + " " + NODE_JVM,
            PROCESSES,
            String.join("/", BODIES),
            THREADS,
            PROCESSES - wrongEnds,
            toSend,
            copies.size(),
            received,
            lost,
            notSent,
            duplicated,
            repeated,
            REPEATS_ALLOWED,
            reminders,
            outage,
            killedAt,
            restarted,
            servedByRestarted,
            client.cutOff.get(),
            jobsRun,
            jobsTwice,
            automaticStarts,
            startsTwice,
            incidents,
            openEvents,
            register.path("checked").asLong(),
            intact(register) ? "none" : register.path("brokenAt").asText(),
            duration,
            timeline);
    System.out.println(figures);
    Files.writeString(DIR.resolve("report.txt"), figures, StandardCharsets.UTF_8);

    softly.assertThat(wrongEnds).as("processes not at their expected end").isZero();
    softly.assertThat(notSent).as("messages never sent (pending or failed)").isZero();
    softly.assertThat(lost).as("messages marked sent but never received").isZero();
    softly.assertThat(unknown).as("messages received with no outbox row").isZero();
    softly.assertThat(misaddressed).as("messages received by someone else").isZero();
    softly.assertThat(duplicated).as("messages received under two Message-IDs").isZero();
    softly
        .assertThat(repeated)
        .as("messages repeated with their Message-ID (the window of the kill and of the outage)")
        .isLessThanOrEqualTo(REPEATS_ALLOWED);
    softly.assertThat((long) copies.size()).as("messages received").isEqualTo(toSend);
    softly.assertThat(incidents).as("open incidents").isZero();
    softly.assertThat(jobsTwice).as("jobs run twice").isZero();
    softly.assertThat(startsTwice).as("processes started twice for one business key").isZero();
    softly
        .assertThat(openEvents)
        .as(
            "events not handled: %s",
            openEvents == 0
                ? "none"
                : rows(
                    "select event_type, listener_id, publication_date from event_publication"
                        + " where completion_date is null"))
        .isZero();
    softly.assertThat(register.path("checked").asLong()).as("register entries").isPositive();
    softly.assertThat(intact(register)).as("register chain intact: %s", register).isTrue();
    softly.assertThat(servedByRestarted).as("requests served by the restarted node").isPositive();
    softly.assertAll();
  }

  /** The verification's answer names no broken entry (an absent field is left out). */
  private static boolean intact(JsonNode verification) {
    JsonNode broken = verification.path("brokenAt");
    return broken.isMissingNode() || broken.isNull();
  }

  /** Waits until nothing is left to send or to handle and the server has every sent message. */
  private static void settle(java.util.function.Supplier<MimeMessage[]> received) throws Exception {
    long start = System.nanoTime();
    while (millis(start) < SETTLE_TIMEOUT.toMillis()) {
      long pending = count("select count(*) from notification where status = 'PENDING'");
      long open = count("select count(*) from event_publication where completion_date is null");
      long sent = count("select count(*) from notification where status = 'SENT'");
      if (pending == 0 && open == 0) {
        Set<String> ids = new HashSet<>();
        for (MimeMessage m : received.get()) {
          ids.add(m.getHeader(OUTBOX_ID_HEADER, null));
        }
        if (ids.size() >= sent) {
          // a last look: a sweep may just have announced something
          Thread.sleep(2000);
          if (count("select count(*) from notification where status = 'PENDING'") == 0
              && count("select count(*) from event_publication where completion_date is null")
                  == 0) {
            return;
          }
        }
      }
      Thread.sleep(500);
    }
  }

  /** The API client of the test: two tokens, both nodes, fail-over when a node is down. */
  final class Client {
    final String officer;
    final String president;
    final Map<String, String> deciders;
    final AtomicInteger[] servedBy = {new AtomicInteger(), new AtomicInteger()};
    final AtomicInteger completed = new AtomicInteger();

    /** requests that a node's death cut off: looked up, then sent to the other node if not done */
    final AtomicInteger cutOff = new AtomicInteger();

    Client(String officer, String president, Map<String, String> deciders) {
      this.officer = officer;
      this.president = president;
      this.deciders = deciders;
    }

    /** Launches a document approval with its document on one node (the other if it is down). */
    void launch(Item item) {
      int node = item.n % 2;
      for (int attempt = 0; attempt < 6; attempt++) {
        node = pick(node);
        try {
          HttpResponse<String> r = multipart(node, item);
          assertThat(r.statusCode()).as("launch %s: %s", item.title, r.body()).isEqualTo(201);
          item.processId = JSON.readTree(r.body()).path("id").asText();
          return;
        } catch (IOException e) {
          cutOff.incrementAndGet();
          // the node died with the request in flight: it may have committed the launch or not
          String found = launchedWithTitle(item.title);
          if (found != null) {
            item.processId = found;
            return;
          }
          node = 1 - node;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
      throw new IllegalStateException("could not launch " + item.title);
    }

    /**
     * Approves or rejects the document as a member of the body, on the node that did not launch it.
     */
    void complete(Item item) {
      int node = 1 - item.n % 2;
      String member = deciders.get(item.body);
      String decision =
          "{\"values\":{\"decision\":\"" + (item.approve ? "approve" : "reject") + "\"}}";
      for (int attempt = 0; attempt < 6; attempt++) {
        node = pick(node);
        try {
          if (item.taskId == null) {
            HttpResponse<String> process =
                send(node, "GET", "/api/v1/processes/" + item.processId, member, null, null);
            assertThat(process.statusCode()).as("process %s", item.title).isEqualTo(200);
            JsonNode steps = JSON.readTree(process.body()).path("currentSteps");
            assertThat(steps).as("open step of %s: %s", item.title, process.body()).isNotEmpty();
            item.taskId = steps.get(0).path("taskId").asText();
          }
          HttpResponse<String> r =
              send(
                  node,
                  "POST",
                  "/api/v1/tasks/" + item.taskId + "/complete",
                  member,
                  decision,
                  "application/json");
          if (r.statusCode() == 409 && !taskOpen(item.taskId)) {
            // an earlier attempt, cut off by the kill, had completed it
            completed.incrementAndGet();
            return;
          }
          assertThat(r.statusCode()).as("complete %s: %s", item.title, r.body()).isEqualTo(204);
          completed.incrementAndGet();
          return;
        } catch (IOException e) {
          cutOff.incrementAndGet();
          if (item.taskId != null && !taskOpen(item.taskId)) {
            completed.incrementAndGet();
            return;
          }
          node = 1 - node;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
      throw new IllegalStateException("could not complete " + item.title);
    }

    /** The node asked for when it is up, else the other (waiting while both are down). */
    private int pick(int preferred) {
      for (int i = 0; i < 600; i++) {
        if (nodes[preferred].isUp()) {
          return preferred;
        }
        if (nodes[1 - preferred].isUp()) {
          return 1 - preferred;
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
      throw new IllegalStateException("no node up");
    }

    HttpResponse<String> send(
        int node, String method, String path, String authorization, String body, String type)
        throws IOException, InterruptedException {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(nodes[node].url(path))
              .timeout(Duration.ofSeconds(60))
              .header("Accept", "application/json")
              .header("Authorization", authorization)
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      if (type != null) {
        request.header("Content-Type", type);
      }
      HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      servedBy[node].incrementAndGet();
      return r;
    }

    private HttpResponse<String> multipart(int node, Item item)
        throws IOException, InterruptedException {
      String boundary = "cluster-" + UUID.randomUUID();
      String values =
          JSON.writeValueAsString(
              Map.of(
                  "title",
                  item.title,
                  "summary",
                  "Approval asked of the body, launched by the cluster test.",
                  "approvingBody",
                  item.body,
                  "respondBy",
                  item.respondBy.toString()));
      String body =
          part(boundary, "processKey", null, "document-approval")
              + part(boundary, "values", null, values)
              + part(
                  boundary,
                  "file",
                  "document-" + item.n + ".txt",
                  "Terms of reference number "
                      + item.n
                      + ".\nThe body is asked to approve this document.\n")
              + "--"
              + boundary
              + "--\r\n";
      return send(
          node,
          "POST",
          "/api/v1/processes/with-document",
          officer,
          body,
          "multipart/form-data; boundary=" + boundary);
    }
  }

  private static String part(String boundary, String name, String fileName, String content) {
    return Multipart.part(boundary, name, fileName, content);
  }

  /** A personal access token, asked of node A with the person's demo password. */
  private static String token(String person) throws Exception {
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((person + ":demo").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(a.url("/api/v1/me/tokens"))
                .header("Authorization", basic)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"cluster test\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as("token for %s: %s", person, r.body()).isEqualTo(201);
    return JSON.readTree(r.body()).path("token").asText();
  }

  /** Runs the work on the pool, items side by side; the first failure fails the run. */
  private static void run(
      ExecutorService pool, List<Item> items, java.util.function.Consumer<Item> work) {
    List<Future<?>> futures = new ArrayList<>();
    for (Item item : items) {
      futures.add(pool.submit(() -> work.accept(item)));
    }
    try {
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    }
  }

  private static String launchedWithTitle(String title) {
    List<Map<String, Object>> found =
        rows(
            "select proc_inst_id_ from act_hi_varinst where name_ = 'title' and text_ = ?"
                + " and proc_def_key_ = 'document-approval'",
            title);
    return found.isEmpty() ? null : (String) found.get(0).get("proc_inst_id_");
  }

  private static boolean taskOpen(String taskId) {
    return count("select count(*) from act_ru_task where id_ = ?", taskId) > 0;
  }

  private static String[] ids(List<Item> items, java.util.function.Function<Item, String> id) {
    return items.stream().map(id).toArray(String[]::new);
  }

  /** The count once it is zero, or after the wait, whichever comes first. */
  private static long awaitNone(String countSql, Duration wait) {
    try {
      await().atMost(wait).pollInterval(Duration.ofMillis(500)).until(() -> count(countSql) == 0);
    } catch (ConditionTimeoutException e) {
      // what is left is reported and asserted by the caller
    }
    return count(countSql);
  }

  private static long count(String sql, Object... args) {
    return ((Number) rows(sql, args).get(0).values().iterator().next()).longValue();
  }

  private static List<Map<String, Object>> rows(String sql, Object... args) {
    try (Connection c =
            DriverManager.getConnection(
                database, PostgresTestDatabase.user(), PostgresTestDatabase.password());
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        if (args[i] instanceof String[] values) {
          Array array = c.createArrayOf("varchar", values);
          s.setArray(i + 1, array);
        } else {
          s.setObject(i + 1, args[i]);
        }
      }
      List<Map<String, Object>> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= columns; i++) {
            row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getObject(i));
          }
          out.add(row);
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  private static double seconds(long since) {
    return millis(since) / 1000.0;
  }

  private static long millis(long since) {
    return (System.nanoTime() - since) / 1_000_000;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

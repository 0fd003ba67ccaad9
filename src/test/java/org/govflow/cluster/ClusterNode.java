package org.govflow.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One govflow node as an operating system process: {@code java -jar} on the packaged application,
 * its own port, its own log file, on the database and mail server it is given. Killed with SIGKILL
 * ({@link Process#destroyForcibly()} on Linux) and started again on the same port.
 */
final class ClusterNode {

  final String name;
  final int port;
  private final Path jar;
  private final Path log;
  private final List<String> jvmOptions;
  private final List<String> arguments;
  private Process process;
  private volatile boolean up;
  private int starts;

  ClusterNode(
      String name, int port, Path jar, Path log, List<String> jvmOptions, List<String> arguments) {
    this.name = name;
    this.port = port;
    this.jar = jar;
    this.log = log;
    this.arguments = List.copyOf(arguments);
    this.jvmOptions = List.copyOf(jvmOptions);
  }

  /** Starts the process (its output appended to the log) and returns at once. */
  synchronized void start() throws IOException {
    String javaCommand =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> command = new ArrayList<>();
    command.add(javaCommand);
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    command.add("--server.port=" + port);
    command.addAll(arguments);
    Files.createDirectories(log.getParent());
    starts++;
    Files.writeString(
        log,
        "\n===== " + name + " start " + starts + " =====\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
  }

  /**
   * Waits until the node answers its readiness probe (after the demo organisation is seeded: the
   * probe says UP only once the application is ready); fails with the log's end if it died.
   */
  void awaitReady(HttpClient client, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with " + process.exitValue() + " while starting:\n" + tail());
      }
      try {
        HttpResponse<String> r =
            client.send(
                HttpRequest.newBuilder(url("/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          up = true;
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(name + " not ready after " + timeout + ":\n" + tail());
  }

  /** SIGKILL: no shutdown hook, no graceful stop, transactions cut where they are. */
  void kill() throws InterruptedException {
    up = false;
    Process p;
    synchronized (this) {
      p = process;
    }
    p.destroyForcibly();
    p.waitFor();
  }

  /** Ends the process at the end of the run (gracefully, then forcibly). */
  void stop() throws InterruptedException {
    up = false;
    Process p;
    synchronized (this) {
      p = process;
    }
    if (p != null && p.isAlive()) {
      p.destroy();
      if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        p.destroyForcibly();
        p.waitFor();
      }
    }
  }

  boolean isUp() {
    return up;
  }

  boolean isAlive() {
    Process p = process;
    return p != null && p.isAlive();
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** The end of the node's log, for a failure message. */
  String tail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public String toString() {
    return name + " (port " + port + ")";
  }
}

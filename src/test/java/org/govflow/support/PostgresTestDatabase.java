package org.govflow.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A fresh PostgreSQL database per test run (per purpose), created on the server at 127.0.0.1:5432
 * and dropped when the JVM exits. Databases left behind by runs that were killed are dropped once
 * they are a few hours old. {@code GOVFLOW_TEST_PG_URL}, {@code GOVFLOW_TEST_PG_USER} and {@code
 * GOVFLOW_TEST_PG_PASSWORD} point the tests at another server.
 */
public final class PostgresTestDatabase
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static final String SERVER =
      env("GOVFLOW_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
  private static final String USER = env("GOVFLOW_TEST_PG_USER", "postgres");
  private static final String PASSWORD = env("GOVFLOW_TEST_PG_PASSWORD", "");
  private static final Pattern NAME = Pattern.compile("govflow_test_(\\d+)_.*");
  private static final Duration STALE = Duration.ofHours(6);
  private static final Map<String, String> URLS = new ConcurrentHashMap<>();

  /** Points the Spring context at this run's database. */
  @Override
  public void initialize(ConfigurableApplicationContext context) {
    pointAt(context, "app");
  }

  private static void pointAt(ConfigurableApplicationContext context, String purpose) {
    TestPropertyValues.of(
            "spring.datasource.url=" + url(purpose),
            "spring.datasource.username=" + USER,
            "spring.datasource.password=" + PASSWORD)
        .applyTo(context);
    MovesTheClock.HoldJobs.track(context);
  }

  /**
   * A database of its own, for a test whose probes change the demo's objects (the authorization
   * matrix ends an MoU, reschedules a meeting...), so that the other tests keep the demo as seeded.
   */
  public static final class Separate
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      pointAt(context, "separate");
    }
  }

  /**
   * A database of its own for the bad-input corpus, which may take what it sends (an injection
   * string is a valid comment) and calls off a demo meeting, with a context of its own.
   */
  public static final class Corpus
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      pointAt(context, "corpus");
    }
  }

  /** The JDBC URL of this run's database for one purpose (the app, process tests, ...). */
  public static String url(String purpose) {
    return URLS.computeIfAbsent(purpose, PostgresTestDatabase::create);
  }

  /**
   * Drops this run's database for a purpose at once: for a test JVM that starts no Spring context
   * (the cluster test, whose nodes are processes of their own), where no shutdown handler runs.
   */
  public static void dropNow(String purpose) {
    String url = URLS.remove(purpose);
    if (url != null && System.getenv("GOVFLOW_TEST_DATABASE") == null) {
      drop(url.substring(url.lastIndexOf('/') + 1));
    }
  }

  public static String user() {
    return USER;
  }

  public static String password() {
    return PASSWORD;
  }

  private static String create(String purpose) {
    String kept = System.getenv("GOVFLOW_TEST_DATABASE");
    if (kept != null && !kept.isBlank()) {
      return keep(kept.strip() + "_" + purpose);
    }
    String name =
        "govflow_test_"
            + Instant.now().getEpochSecond()
            + "_"
            + purpose
            + "_"
            + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      dropStale(s);
      s.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot create test database " + name + ": " + e.getMessage(), e);
    }
    // Spring runs these after it has closed every application context, so no pool is still
    // writing (Camunda reports metrics while closing) when the database goes
    SpringApplication.getShutdownHandlers().add(() -> drop(name));
    return SERVER.substring(0, SERVER.lastIndexOf('/') + 1) + name;
  }

  /** Why the server cannot be reached, or empty when it can. */
  static Optional<String> unreachableReason() {
    try (Connection c = DriverManager.getConnection(SERVER, USER, PASSWORD)) {
      return Optional.empty();
    } catch (SQLException e) {
      return Optional.of(unreachable(e));
    }
  }

  /**
   * A named database that outlives the run (GOVFLOW_TEST_DATABASE=name): for benchmarks, whose data
   * takes minutes to make, measured again without making it again.
   */
  private static String keep(String name) {
    if (!name.matches("[a-z0-9_]{1,60}")) {
      throw new IllegalStateException(
          "GOVFLOW_TEST_DATABASE: use lower-case letters, digits and _");
    }
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
      if (!rs.next()) {
        s.execute("create database " + name);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create database " + name + ": " + e.getMessage(), e);
    }
    return SERVER.substring(0, SERVER.lastIndexOf('/') + 1) + name;
  }

  private static Connection connect() {
    try {
      return DriverManager.getConnection(SERVER, USER, PASSWORD);
    } catch (SQLException e) {
      throw new IllegalStateException(unreachable(e), e);
    }
  }

  private static String unreachable(SQLException e) {
    return "PostgreSQL is not reachable at "
        + SERVER
        + " as "
        + USER
        + " ("
        + e.getMessage().lines().findFirst().orElse("")
        + "): start it (pg_ctlcluster 15 main start) or set GOVFLOW_TEST_PG_URL";
  }

  private static void dropStale(Statement s) throws SQLException {
    List<String> stale = new ArrayList<>();
    try (ResultSet rs =
        s.executeQuery("select datname from pg_database where datname like 'govflow_test_%'")) {
      while (rs.next()) {
        Matcher m = NAME.matcher(rs.getString(1));
        if (m.matches()
            && Instant.ofEpochSecond(Long.parseLong(m.group(1)))
                .isBefore(Instant.now().minus(STALE))) {
          stale.add(rs.getString(1));
        }
      }
    }
    for (String name : stale) {
      s.execute("drop database if exists " + name + " with (force)");
    }
  }

  private static void drop(String name) {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("drop database if exists " + name + " with (force)");
    } catch (RuntimeException | SQLException e) {
      System.err.println("Could not drop test database " + name + ": " + e.getMessage());
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}

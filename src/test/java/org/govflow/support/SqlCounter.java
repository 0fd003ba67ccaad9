package org.govflow.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the application sends, for benchmarks' profiles: every statement run
 * through the application's {@link DataSource} (the engine's, JdbcClient's, Flyway's), by text, for
 * the threads that asked for it ({@link #record()}), and in total for all threads. Added to a
 * test's context as a bean; it wraps the data source without changing what it does.
 */
public final class SqlCounter implements BeanPostProcessor {

  private static final ThreadLocal<Recording> CURRENT = new ThreadLocal<>();
  private static final AtomicLong ALL = new AtomicLong();
  private static volatile Recording everyThread;

  /** Statements by text (whitespace collapsed), while it is the thread's recording. */
  public static final class Recording {
    private final Map<String, LongAdder> statements = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> nanos = new ConcurrentHashMap<>();
    private final LongAdder total = new LongAdder();
    private final LongAdder totalNanos = new LongAdder();

    public Recording() {}

    void add(String sql) {
      total.increment();
      statements.computeIfAbsent(normalize(sql), s -> new LongAdder()).increment();
    }

    void waited(String sql, long nanoseconds) {
      totalNanos.add(nanoseconds);
      nanos.computeIfAbsent(normalize(sql), s -> new LongAdder()).add(nanoseconds);
    }

    public long total() {
      return total.sum();
    }

    /**
     * The time the threads waited for the database (executing, batches and commits included), in
     * nanoseconds.
     */
    public long nanos() {
      return totalNanos.sum();
    }

    /** The statements the threads waited longest for, in all, longest first, in nanoseconds. */
    public List<Map.Entry<String, Long>> slowest(int n) {
      return largest(nanos, n);
    }

    /** How often each statement ran. */
    public Map<String, Long> counts() {
      return statements.entrySet().stream()
          .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum()));
    }

    /** The most frequent statements, most frequent first. */
    public List<Map.Entry<String, Long>> top(int n) {
      return largest(statements, n);
    }

    private static List<Map.Entry<String, Long>> largest(Map<String, LongAdder> sums, int n) {
      return sums.entrySet().stream()
          .map(e -> Map.entry(e.getKey(), e.getValue().sum()))
          .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
          .limit(n)
          .toList();
    }
  }

  /** Records this thread's statements into a new recording until {@link #stop()}. */
  public static Recording record() {
    Recording recording = new Recording();
    CURRENT.set(recording);
    return recording;
  }

  /** Records this thread's statements into the given recording, adding to it, until stop. */
  public static void record(Recording recording) {
    CURRENT.set(recording);
  }

  public static void stop() {
    CURRENT.remove();
  }

  /** Records every thread's statements into the given recording too, until {@code null}. */
  public static void recordEveryThread(Recording recording) {
    everyThread = recording;
  }

  /** Statements of every thread since the start. */
  public static long all() {
    return ALL.get();
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && !(bean instanceof Counting)) {
      return new Counting(dataSource);
    }
    return bean;
  }

  private static void waited(String sql, long nanos) {
    recordings(sql, r -> r.waited(sql, nanos));
  }

  /** The recordings a statement of this thread goes to: every thread's, and this thread's. */
  private static void recordings(String sql, java.util.function.Consumer<Recording> into) {
    if (sql == null) {
      return;
    }
    Recording shared = everyThread;
    if (shared != null) {
      into.accept(shared);
    }
    Recording recording = CURRENT.get();
    if (recording != null) {
      into.accept(recording);
    }
  }

  private static void count(String sql) {
    ALL.incrementAndGet();
    recordings(sql, r -> r.add(sql));
  }

  static String normalize(String sql) {
    String s = sql.replaceAll("\\s+", " ").strip();
    return s.length() > 140 ? s.substring(0, 140) + "…" : s;
  }

  private static final class Counting extends DelegatingDataSource {
    Counting(DataSource target) {
      super(target);
    }

    @Override
    public Connection getConnection() throws java.sql.SQLException {
      return wrap(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws java.sql.SQLException {
      return wrap(super.getConnection(username, password));
    }
  }

  private static Connection wrap(Connection connection) {
    return (Connection)
        Proxy.newProxyInstance(
            SqlCounter.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("commit") || method.getName().equals("rollback")) {
                // a transaction's end: each commit of a write waits for its log to reach the disk
                String end = method.getName().toUpperCase(java.util.Locale.ROOT);
                count(end);
                long start = System.nanoTime();
                try {
                  return invoke(connection, method, args);
                } finally {
                  waited(end, System.nanoTime() - start);
                }
              }
              Object result = invoke(connection, method, args);
              if (result instanceof Statement statement) {
                String sql =
                    args != null && args.length > 0 && args[0] instanceof String s ? s : null;
                Class<?> type =
                    result instanceof CallableStatement
                        ? CallableStatement.class
                        : result instanceof PreparedStatement
                            ? PreparedStatement.class
                            : Statement.class;
                return Proxy.newProxyInstance(
                    SqlCounter.class.getClassLoader(),
                    new Class<?>[] {type},
                    new Counted(statement, sql));
              }
              return result;
            });
  }

  private record Counted(Statement statement, String sql) implements InvocationHandler {
    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      String text = args != null && args.length > 0 && args[0] instanceof String s ? s : sql;
      if (name.equals("addBatch") || (name.startsWith("execute") && !name.equals("executeBatch"))) {
        count(text);
      }
      if (!name.startsWith("execute")) {
        return SqlCounter.invoke(statement, method, args);
      }
      long start = System.nanoTime();
      try {
        return SqlCounter.invoke(statement, method, args);
      } finally {
        waited(text, System.nanoTime() - start);
      }
    }
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}

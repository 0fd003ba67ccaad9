package org.govflow.workflow.internal;

import java.time.Clock;
import java.time.Year;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Numbers business keys per process and year ({@code DOC-2026-001}). The counter row is updated in
 * the caller's transaction, so concurrent launches queue on its row lock, and a launch that rolls
 * back gives its number back: no duplicates, no gaps. The row of a new year is created in a
 * transaction of its own, because a failed insert would spoil the caller's on PostgreSQL.
 */
@Component
public class BusinessKeys {

  private static final Pattern NUMBER = Pattern.compile("\\{n(?::(\\d))?}");

  private final JdbcTemplate jdbc;
  private final TransactionTemplate separate;
  private final BusinessKeySettings settings;
  private final Clock clock;

  BusinessKeys(
      JdbcTemplate jdbc, PlatformTransactionManager transactions, BusinessKeySettings settings) {
    this.jdbc = jdbc;
    this.separate = new TransactionTemplate(transactions);
    this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.settings = settings;
    this.clock = Clock.systemUTC();
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public String next(String processKey) {
    return next(processKey, Map.of());
  }

  /**
   * The next key of a process, from its pattern and start values: numbered per process and year, or
   * per resolved prefix and year where the pattern names start values (REC-RTC-2026-003).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public String next(String processKey, Map<String, ?> variables) {
    String template = settings.templateOf(processKey, variables);
    String counter = settings.patterns().containsKey(processKey) ? template : processKey;
    int year = Year.now(clock).getValue();
    int updated = increment(counter, year);
    if (updated == 0) {
      createRow(counter, year);
      updated = increment(counter, year);
    }
    if (updated != 1) {
      throw new IllegalStateException("No business key counter for " + counter + " " + year);
    }
    Integer number =
        jdbc.queryForObject(
            "select last_number from workflow_business_key where process_key = ? and key_year = ?",
            Integer.class,
            counter,
            year);
    return format(template, year, number);
  }

  private String format(String template, int year, int number) {
    Matcher counter = NUMBER.matcher(template.replace("{year}", Integer.toString(year)));
    StringBuilder key = new StringBuilder();
    while (counter.find()) {
      int digits =
          counter.group(1) == null ? settings.digits() : Integer.parseInt(counter.group(1));
      counter.appendReplacement(key, String.format("%0" + digits + "d", number));
    }
    counter.appendTail(key);
    return key.toString();
  }

  private int increment(String processKey, int year) {
    return jdbc.update(
        "update workflow_business_key set last_number = last_number + 1"
            + " where process_key = ? and key_year = ?",
        processKey,
        year);
  }

  private void createRow(String processKey, int year) {
    try {
      separate.executeWithoutResult(
          status ->
              jdbc.update(
                  "insert into workflow_business_key (process_key, key_year, last_number)"
                      + " values (?, ?, 0)",
                  processKey,
                  year));
    } catch (DuplicateKeyException createdMeanwhile) {
      // another launch created it first: fine
    }
  }
}

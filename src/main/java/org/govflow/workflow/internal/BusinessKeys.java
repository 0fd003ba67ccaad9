package org.govflow.workflow.internal;

import java.time.Clock;
import java.time.Year;
import org.govflow.workflow.BusinessKeySettings;
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
    int year = Year.now(clock).getValue();
    int updated = increment(processKey, year);
    if (updated == 0) {
      createRow(processKey, year);
      updated = increment(processKey, year);
    }
    if (updated != 1) {
      throw new IllegalStateException("No business key counter for " + processKey + " " + year);
    }
    Integer number =
        jdbc.queryForObject(
            "select last_number from workflow_business_key where process_key = ? and key_year = ?",
            Integer.class,
            processKey,
            year);
    return String.format(
        "%s-%d-%0" + settings.digits() + "d", settings.prefixOf(processKey), year, number);
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

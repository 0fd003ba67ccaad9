package org.govflow.partnerships.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.govflow.GovflowApplication;
import org.govflow.support.PostgresTestDatabase;
import org.govflow.workflow.Participant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes (two application contexts) on one PostgreSQL database, the renewal sweep on both: with
 * the clock moved past the lead time, each MoU's renewal starts exactly once, and a restarted node
 * starts no second one. Tagged process: it moves Camunda's clock, which is the JVM's.
 */
@Tag("process")
class RenewalExactlyOnceTests {

  private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

  @AfterEach
  void stop() {
    ClockUtil.reset();
    nodes.forEach(ConfigurableApplicationContext::close);
  }

  private ConfigurableApplicationContext node() {
    ConfigurableApplicationContext node =
        new SpringApplicationBuilder(GovflowApplication.class)
            .profiles("test")
            // arguments, which win over application.yml (default properties do not)
            .run(
                "--spring.datasource.url=" + PostgresTestDatabase.url("twonodes"),
                "--spring.datasource.username=" + PostgresTestDatabase.user(),
                "--spring.datasource.password=" + PostgresTestDatabase.password(),
                "--server.port=0",
                "--camunda.bpm.job-execution.enabled=false",
                // the test runs the sweeps itself, on both nodes at once
                "--govflow.partnerships.auto-start=false");
    nodes.add(node);
    return node;
  }

  @Test
  void eachTermIsRenewedOnceAcrossNodesAndRestarts() throws Exception {
    ConfigurableApplicationContext a = node();
    ConfigurableApplicationContext b = node();
    LocalDate today = LocalDate.now();
    MouRegister register = a.getBean(MouRegister.class);
    Participant officer = new Participant("officer", Set.of(), true);
    List<Long> ids = new ArrayList<>();
    String[][] partners = {
      {"partner-fao", "un-system"}, {"partner-ilo", "un-system"}, {"partner-afd", "public-agency"}
    };
    for (String[] p : partners) {
      // expiry in a year, three months' notice: the notice date is about nine months away
      ids.add(
          register.register(
              officer,
              new MouInput(
                  p[0],
                  p[1],
                  "MoU with " + p[0],
                  today.minusYears(1),
                  today.minusYears(1),
                  today.plusYears(1),
                  "express",
                  "P3M",
                  "tomas.ibarra",
                  null,
                  null,
                  "en")));
    }
    assertThat(sweepBoth(a, b)).as("nothing is due yet").isZero();

    // eight months on: within the 60 days' lead time of every notice date
    ClockUtil.setCurrentTime(
        Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(240))));
    assertThat(sweepBoth(a, b)).isEqualTo(3);
    assertThat(renewalsPerMou(a)).containsExactly(1, 1, 1);
    assertThat(processes(a)).isEqualTo(3);

    // a node restarts: its sweep finds every term renewed
    b.close();
    nodes.remove(b);
    ConfigurableApplicationContext c = node();
    assertThat(c.getBean(RenewalSweep.class).sweep()).isZero();
    assertThat(sweepBoth(a, c)).isZero();
    assertThat(renewalsPerMou(a)).containsExactly(1, 1, 1);
    assertThat(processes(c)).isEqualTo(3);
    assertThat(
            a.getBean(JdbcTemplate.class)
                .queryForList("select distinct status from partnership_mou", String.class))
        .containsExactly("renewal-in-progress");
  }

  /** Both nodes sweep at the same moment; how many renewals they started between them. */
  private static int sweepBoth(
      ConfigurableApplicationContext one, ConfigurableApplicationContext two) throws Exception {
    CyclicBarrier together = new CyclicBarrier(2);
    CompletableFuture<Integer> first = sweepAfter(one, together);
    CompletableFuture<Integer> second = sweepAfter(two, together);
    return first.get() + second.get();
  }

  private static CompletableFuture<Integer> sweepAfter(
      ConfigurableApplicationContext node, CyclicBarrier together) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            together.await();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          return node.getBean(RenewalSweep.class).sweep();
        });
  }

  private static List<Integer> renewalsPerMou(ConfigurableApplicationContext node) {
    return node.getBean(JdbcTemplate.class)
        .queryForList(
            "select (select count(*) from partnership_renewal r where r.mou_id = m.id)"
                + " from partnership_mou m order by m.id",
            Integer.class);
  }

  private static long processes(ConfigurableApplicationContext node) {
    return node.getBean(HistoryService.class)
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey("mou-renewal")
        .count();
  }
}

package org.govflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ApplicationContextEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * For a Spring test that moves Camunda's clock: the job executors of every cached application
 * context are held while the test runs, and the clock put back before they go on. Otherwise they,
 * which keep running for the cached contexts on this run's one database, would fire the quick
 * start's timers (a consultation's silence, a vote's deadline) at the moved time, and later tests
 * would find the demo further on than it is.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(MovesTheClock.HoldJobs.class)
public @interface MovesTheClock {

  /** Stops job acquisition in every context before each test; resets the clock, starts it after. */
  class HoldJobs implements BeforeEachCallback, AfterEachCallback {

    /**
     * The job executors of every application context of this JVM: the cached contexts share this
     * run's database, and each would fire the quick start's timers at a moved time.
     */
    private static final Set<JobExecutor> EXECUTORS = ConcurrentHashMap.newKeySet();

    /** Keeps a context's job executor in {@link #EXECUTORS} while the context lives. */
    public static void track(ConfigurableApplicationContext context) {
      context.addApplicationListener(
          (ApplicationListener<ApplicationEvent>)
              event -> {
                if (!(event instanceof ApplicationContextEvent e)
                    || e.getApplicationContext() != context) {
                  return;
                }
                JobExecutor jobs = jobExecutorOf(context);
                if (jobs == null) {
                  return;
                }
                if (event instanceof ContextRefreshedEvent) {
                  EXECUTORS.add(jobs);
                } else if (event instanceof ContextClosedEvent) {
                  EXECUTORS.remove(jobs);
                }
              });
    }

    private static JobExecutor jobExecutorOf(ApplicationContext context) {
      ProcessEngine engine = context.getBeanProvider(ProcessEngine.class).getIfAvailable();
      return engine == null
          ? null
          : ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
              .getJobExecutor();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
      // the test's own context is loaded (and tracked) by now
      SpringExtension.getApplicationContext(context);
      List<JobExecutor> held = new ArrayList<>();
      for (JobExecutor jobs : EXECUTORS) {
        if (jobs.isActive()) {
          jobs.shutdown();
          held.add(jobs);
        }
      }
      context.getStore(ExtensionContext.Namespace.GLOBAL).put(HoldJobs.class, held);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterEach(ExtensionContext context) {
      ClockUtil.reset();
      List<JobExecutor> held =
          context.getStore(ExtensionContext.Namespace.GLOBAL).remove(HoldJobs.class, List.class);
      if (held != null) {
        held.forEach(JobExecutor::start);
      }
    }
  }
}

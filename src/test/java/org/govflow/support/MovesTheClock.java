package org.govflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * For a Spring test that moves Camunda's clock: the application's job executor is held while the
 * test runs, and the clock put back before it goes on. Otherwise the executor, which keeps running
 * for the cached context, would fire the quick start's timers (a consultation's silence, a vote's
 * deadline) at the moved time, and later tests would find the demo further on than it is.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(MovesTheClock.HoldJobs.class)
public @interface MovesTheClock {

  /** Stops job acquisition before each test; resets the clock and starts it again after. */
  class HoldJobs implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
      JobExecutor jobs = jobExecutor(context);
      if (jobs != null && jobs.isActive()) {
        jobs.shutdown();
        context.getStore(ExtensionContext.Namespace.GLOBAL).put(HoldJobs.class, jobs);
      }
    }

    @Override
    public void afterEach(ExtensionContext context) {
      ClockUtil.reset();
      JobExecutor held =
          context
              .getStore(ExtensionContext.Namespace.GLOBAL)
              .remove(HoldJobs.class, JobExecutor.class);
      if (held != null) {
        held.start();
      }
    }

    private static JobExecutor jobExecutor(ExtensionContext context) {
      ProcessEngine engine =
          SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class);
      return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
          .getJobExecutor();
    }
  }
}

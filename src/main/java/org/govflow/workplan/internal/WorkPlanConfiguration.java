package org.govflow.workplan.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The module's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkPlanSettings.class)
class WorkPlanConfiguration {}

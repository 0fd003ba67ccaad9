package org.govflow.dashboard.internal;

import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Configuration;

/** Caching for the figures that are costly to compute and need not be fresh to the second. */
@Configuration
@EnableCaching
class DashboardConfiguration {}

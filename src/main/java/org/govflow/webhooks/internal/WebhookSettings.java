package org.govflow.webhooks.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param allowPrivateTargets whether endpoints may be on loopback, private or link-local addresses
 *     (an intranet); off, so that a registered URL cannot reach inside the operator's network
 * @param pollInterval how often a node looks for deliveries due
 * @param firstRetry the wait after a first failure, doubled after each further one up to maxRetry
 * @param maxAttempts attempts before a delivery is given up (status failed)
 * @param timeout how long a receiver may take to connect and answer
 */
@ConfigurationProperties("govflow.webhooks")
record WebhookSettings(
    @DefaultValue("false") boolean allowPrivateTargets,
    @DefaultValue("2s") Duration pollInterval,
    @DefaultValue("10s") Duration firstRetry,
    @DefaultValue("1h") Duration maxRetry,
    @DefaultValue("15") int maxAttempts,
    @DefaultValue("10s") Duration timeout,
    @DefaultValue("20") int batchSize) {}

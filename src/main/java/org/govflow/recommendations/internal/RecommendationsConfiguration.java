package org.govflow.recommendations.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RecommendationSettings.class)
class RecommendationsConfiguration {}

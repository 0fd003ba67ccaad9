package org.govflow.decisions;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publicPage whether anyone, logged in or not, may read the published decisions at
 *     /public/decisions
 */
@ConfigurationProperties("govflow.decisions")
public record DecisionSettings(@DefaultValue("false") boolean publicPage) {}

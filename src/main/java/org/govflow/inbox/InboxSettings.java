package org.govflow.inbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pageSize tasks per inbox page unless the caller asks otherwise
 * @param maxPageSize the most a caller may ask for
 * @param commentMaxLength the longest comment, in characters
 */
@ConfigurationProperties("govflow.inbox")
public record InboxSettings(
    @DefaultValue("20") int pageSize,
    @DefaultValue("100") int maxPageSize,
    @DefaultValue("4000") int commentMaxLength) {}

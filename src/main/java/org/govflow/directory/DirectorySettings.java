package org.govflow.directory;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Where the organisation comes from.
 *
 * @param location the organization.yml file
 * @param demoPassword when set (the demo profile only), every person logs in with it
 * @param cacheFor how long a node keeps what it read of the directory (people, seats, bodies)
 *     before reading it again: a node that synchronises the file forgets at once, the other nodes
 *     of a cluster see the change within this time; 0 reads the tables every time
 */
@ConfigurationProperties("govflow.directory")
public record DirectorySettings(
    @DefaultValue("file:config/organization.yml") Resource location,
    String demoPassword,
    @DefaultValue("10s") Duration cacheFor) {}

package org.govflow.directory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Where the organisation comes from.
 *
 * @param location the organization.yml file
 * @param demoPassword when set (the demo profile only), every person logs in with it
 */
@ConfigurationProperties("govflow.directory")
public record DirectorySettings(
    @DefaultValue("file:config/organization.yml") Resource location, String demoPassword) {}

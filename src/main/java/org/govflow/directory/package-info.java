/** The organisation: bodies, people, memberships and roles, loaded from organization.yml. */
@org.springframework.modulith.ApplicationModule(displayName = "Directory")
package org.govflow.directory;

package org.govflow.directory;

/**
 * What a person may do in govflow as a whole, derived from their memberships: the secretariat
 * launches processes, leadership tracks everything, members act on their bodies' tasks, admins
 * operate the engine.
 */
public enum AccessRole {
  SECRETARIAT,
  LEADERSHIP,
  MEMBER,
  ADMIN;

  /** The Spring Security authority, e.g. {@code ROLE_SECRETARIAT}. */
  public String authority() {
    return "ROLE_" + name();
  }

  /** The lower-case name used in the API. */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}

package org.govflow.directory.internal;

import java.util.List;
import java.util.Map;

/** organization.yml as written: plain strings, checked by {@link OrganizationFileReader}. */
record OrganizationFile(List<BodyEntry> bodies, List<PersonEntry> people) {

  record BodyEntry(
      String id, String type, String region, Map<String, String> name, List<MemberEntry> members) {}

  record MemberEntry(String person, String role) {}

  record PersonEntry(
      String id,
      String name,
      String email,
      String language,
      String timeZone,
      Boolean admin,
      String password) {}
}

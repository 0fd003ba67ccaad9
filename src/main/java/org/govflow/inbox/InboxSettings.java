package org.govflow.inbox;

import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pageSize tasks per inbox page unless the caller asks otherwise
 * @param maxPageSize the most a caller may ask for
 * @param commentMaxLength the longest comment, in characters
 * @param launchRoles by process key, the roles in a body (co-chair, chair) whose holders may launch
 *     it too, besides the secretariat and leadership; the process's module checks the rest (which
 *     body) with a SubmissionRule
 */
@ConfigurationProperties("govflow.inbox")
public record InboxSettings(
    @DefaultValue("20") int pageSize,
    @DefaultValue("100") int maxPageSize,
    @DefaultValue("4000") int commentMaxLength,
    Map<String, Set<String>> launchRoles) {

  public InboxSettings {
    launchRoles = launchRoles == null ? Map.of() : Map.copyOf(launchRoles);
  }
}

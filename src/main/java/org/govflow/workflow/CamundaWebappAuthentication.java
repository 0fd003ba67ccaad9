package org.govflow.workflow;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Single sign-on into Cockpit, Tasklist and Admin: Camunda's webapps take the user Spring Security
 * has already authenticated (and only admins get that far), so there is no second login.
 */
public class CamundaWebappAuthentication extends ContainerBasedAuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(
      HttpServletRequest request, ProcessEngine engine) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null
        || !authentication.isAuthenticated()
        || authentication.getName() == null) {
      return AuthenticationResult.unsuccessful();
    }
    AuthenticationResult result = AuthenticationResult.successful(authentication.getName());
    List<String> groups =
        engine
            .getIdentityService()
            .createGroupQuery()
            .groupMember(authentication.getName())
            .list()
            .stream()
            .map(Group::getId)
            .collect(Collectors.toList());
    result.setGroups(groups);
    return result;
  }
}

package org.govflow.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The path of the page being shown, for the navigation to mark where the reader is. */
@ControllerAdvice(annotations = Controller.class)
class NavigationAdvice {

  @ModelAttribute("currentPath")
  String currentPath(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    return context != null && !context.isEmpty() && uri.startsWith(context)
        ? uri.substring(context.length())
        : uri;
  }
}

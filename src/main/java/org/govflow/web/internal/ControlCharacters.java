package org.govflow.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.govflow.web.Refusal;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Forms and parameters posted to govflow (a page form, a multipart upload's fields, a query
 * parameter of a write) may not hold control characters other than tab and line breaks, nor the
 * bidirectional overrides and isolates that make a text read differently from what it stores
 * (U+202A–U+202E, U+2066–U+2069): refused with a message that says to remove them, before the
 * controller reads anything, like JSON bodies ({@link StrictJson}).
 */
final class ControlCharacters implements HandlerInterceptor {

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
      return true;
    }
    for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
      if (unsafe(parameter.getKey())) {
        throw refusal();
      }
      for (String value : parameter.getValue()) {
        if (value != null && unsafe(value)) {
          throw refusal();
        }
      }
    }
    return true;
  }

  private static Refusal refusal() {
    return new Refusal(Refusal.Reason.INVALID, "security.form.controlCharacters");
  }

  /**
   * Whether a text holds a control character other than tab, line feed and carriage return, or a
   * bidirectional embedding, override or isolate.
   */
  static boolean unsafe(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r')
          || (c >= '\u202A' && c <= '\u202E')
          || (c >= '\u2066' && c <= '\u2069')) {
        return true;
      }
    }
    return false;
  }
}

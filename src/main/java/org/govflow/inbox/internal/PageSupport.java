package org.govflow.inbox.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.govflow.web.Refusal;
import org.springframework.util.MultiValueMap;

/** What the inbox's pages share: reading a form, refusing it back to its page, filters. */
final class PageSupport {

  private static final Set<String> NOT_VALUES = Set.of("_csrf");

  private PageSupport() {}

  /**
   * Runs a form's action; refused for invalid values, the page shows them again beside their fields
   * with status 400 ({@code again}); any other refusal goes to the page advice.
   */
  static String submit(
      Supplier<String> action, HttpServletResponse response, Function<Refusal, String> again) {
    try {
      return action.get();
    } catch (Refusal refusal) {
      if (refusal.reason() != Refusal.Reason.INVALID) {
        throw refusal;
      }
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return again.apply(refusal);
    }
  }

  /**
   * What an HTML form sent, without the CSRF token: a field sent once is its text, one sent several
   * times (a checklist, a checkbox behind its hidden "false") a list. The form check then reads a
   * page's values as it reads the API's JSON, where a list for a text is refused, not unwrapped.
   */
  static Map<String, Object> values(MultiValueMap<String, String> form) {
    Map<String, Object> values = new LinkedHashMap<>();
    form.forEach(
        (name, list) -> {
          if (!NOT_VALUES.contains(name)) {
            values.put(name, list.size() == 1 ? list.get(0) : list);
          }
        });
    return values;
  }

  /** The value if it is one of those allowed, else null (no filter). */
  static String oneOf(String value, String... allowed) {
    return value != null && List.of(allowed).contains(value) ? value : null;
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}

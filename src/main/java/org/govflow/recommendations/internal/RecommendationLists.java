package org.govflow.recommendations.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A list from the start form as the process holds it: the inbox keeps a checklist's values as a
 * JSON array in a string variable (readable in Cockpit, no Java serialization), tests may give a
 * list. The consultation's multi-instance iterates over what this returns.
 */
@Component("recommendationLists")
public class RecommendationLists {

  private static final ObjectMapper JSON = new ObjectMapper();

  public List<String> of(Object value) {
    return parse(value);
  }

  static List<String> parse(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof Collection<?> c) {
      return c.stream().map(String::valueOf).toList();
    }
    try {
      return List.of(JSON.readValue(value.toString(), String[].class));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not a list of ids: " + value, e);
    }
  }
}

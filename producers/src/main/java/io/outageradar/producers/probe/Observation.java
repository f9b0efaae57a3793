package io.outageradar.producers.probe;

import java.util.List;
import java.util.Map;

/**
 * What a check that reached its target saw, for the target's conditions to judge: the HTTP status,
 * headers and body of an HTTP check, the answer records of a DNS check.
 */
public record Observation(
    Integer status, Map<String, List<String>> headers, String body, List<String> answers) {
  static Observation http(int status, Map<String, List<String>> headers, String body) {
    return new Observation(status, headers, body, List.of());
  }

  static Observation dns(List<String> answers) {
    return new Observation(null, Map.of(), null, answers);
  }

  static Observation none() {
    return new Observation(null, Map.of(), null, List.of());
  }

  /** The values of a header, whatever the case of its name. */
  List<String> header(String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .flatMap(e -> e.getValue().stream())
        .toList();
  }
}

package io.outageradar.service.http;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** The query parameters of a request, decoded: what the HTTP servers of every process read. */
public final class QueryParams {
  private QueryParams() {}

  /** The parameters of {@code uri}, by name; a name without a value maps to "". */
  public static Map<String, String> of(URI uri) {
    Map<String, String> params = new TreeMap<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        String[] kv = pair.split("=", 2);
        params.put(
            URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
            kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
      }
    }
    return params;
  }
}

package io.outageradar.pager;

import io.outageradar.avro.Page;
import java.net.http.HttpRequest;
import java.util.List;

/** Where pages go: turns a page into the HTTP request the receiving system documents. */
public interface Integration {
  /** A short name for logs and the dead-letter topic; never the endpoint or a secret. */
  String name();

  HttpRequest request(Page page);

  /**
   * Values that must never appear in a log line or an error record (URLs with tokens, keys,
   * secrets).
   */
  List<String> secrets();
}

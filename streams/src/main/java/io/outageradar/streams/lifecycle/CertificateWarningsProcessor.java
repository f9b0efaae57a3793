package io.outageradar.streams.lifecycle;

import io.outageradar.avro.Page;
import io.outageradar.avro.ProbeResult;
import io.outageradar.detection.lifecycle.CertificateWarnings;
import io.outageradar.streams.StoreNames;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Probe results → certificate warning pages ({@link CertificateWarnings}), remembering which
 * targets have warned so that every agent's probe of the same certificate pages once.
 */
final class CertificateWarningsProcessor implements Processor<String, ProbeResult, String, Page> {
  private final CertificateWarnings rule;
  private ProcessorContext<String, Page> context;
  private KeyValueStore<String, Long> warned;

  CertificateWarningsProcessor(CertificateWarnings rule) {
    this.rule = rule;
  }

  @Override
  public void init(ProcessorContext<String, Page> context) {
    this.context = context;
    this.warned = context.getStateStore(StoreNames.CERTIFICATE_WARNINGS);
  }

  @Override
  public void process(Record<String, ProbeResult> record) {
    ProbeResult probe = record.value();
    if (probe == null || probe.getCertDaysToExpiry() == null) {
      return;
    }
    String key = CertificateWarnings.key(probe);
    Optional<Page> page = rule.pageFor(probe, warned.get(key) != null);
    page.ifPresent(
        p -> {
          switch (p.getAction()) {
            case TRIGGER -> warned.put(key, p.getAt().toEpochMilli());
            default -> warned.delete(key);
          }
          context.forward(new Record<>(p.getDedupKey(), p, p.getAt().toEpochMilli()));
        });
  }
}

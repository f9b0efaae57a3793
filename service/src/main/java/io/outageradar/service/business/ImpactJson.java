package io.outageradar.service.business;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outageradar.avro.BusinessImpact;
import io.outageradar.avro.ChannelImpact;

/**
 * A business's impact as its API answers it: the channels down now (platform, regions, since, share
 * unavailable, fallback) and the estimated loss so far per currency, in minor units as the {@code
 * --json} summaries give money; an empty impact when nothing hurts it.
 */
final class ImpactJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ImpactJson() {}

  static ObjectNode of(String businessId, BusinessImpact impact) {
    ObjectNode body = JSON.createObjectNode().put("id", businessId);
    ArrayNode channels = body.putArray("channelsDown");
    ArrayNode loss = body.putArray("loss");
    if (impact == null) {
      return body;
    }
    body.put("asOf", impact.getAsOf().toString());
    for (ChannelImpact channel : impact.getChannels()) {
      ObjectNode node =
          channels
              .addObject()
              .put("channel", channel.getChannelId())
              .put("service", channel.getService())
              .put("outageId", channel.getOutageId())
              .put("since", channel.getSince().toString())
              .put("shareUnavailable", channel.getShareUnavailable());
      channel.getRegions().forEach(node.putArray("regions")::add);
      if (channel.getFallbackChannel() != null) {
        node.put("fallbackChannel", channel.getFallbackChannel());
      }
    }
    IncidentReportText.money(loss, impact.getLoss());
    return body;
  }
}

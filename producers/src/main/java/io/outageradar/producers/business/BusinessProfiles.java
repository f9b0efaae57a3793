package io.outageradar.producers.business;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.outageradar.avro.Business;
import io.outageradar.avro.BusinessChannel;
import io.outageradar.avro.BusinessContact;
import io.outageradar.avro.ChannelRole;
import io.outageradar.avro.ContactKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Business profiles as people write them — JSON or YAML, one profile or an array of them — read
 * into {@link Business} records, every field checked: a profile is taken whole or refused with the
 * path of the first bad field ({@link BadProfileException}), never half-applied.
 */
public final class BusinessProfiles {
  /** Most channels one business may have, so that one profile cannot flood the fan-out. */
  public static final int MAX_CHANNELS = 50;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final Predicate<String> knownService;

  /** Profiles whose channels and contacts may name only services {@code knownService} accepts. */
  public BusinessProfiles(Predicate<String> knownService) {
    this.knownService = knownService;
  }

  /** Reads every profile of {@code file} (JSON, or YAML when it ends in .yaml or .yml). */
  public List<Business> read(Path file) {
    String name = file.getFileName().toString();
    try {
      ObjectMapper mapper = name.endsWith(".yaml") || name.endsWith(".yml") ? YAML : JSON;
      return read(mapper.readTree(Files.readAllBytes(file)), file.toString());
    } catch (IOException e) {
      throw new BadProfileException(file + ": cannot be read: " + e.getMessage());
    }
  }

  /** Reads the profiles of {@code json}, naming {@code source} in errors. */
  public List<Business> read(String json, String source) {
    try {
      return read(JSON.readTree(json), source);
    } catch (JsonProcessingException e) {
      throw new BadProfileException(source + ": not JSON: " + e.getOriginalMessage());
    }
  }

  private List<Business> read(JsonNode root, String source) {
    List<Business> all = new ArrayList<>();
    if (root == null || root.isMissingNode()) {
      throw new BadProfileException(source + ": empty");
    }
    if (root.isArray()) {
      Set<String> ids = new HashSet<>();
      for (int i = 0; i < root.size(); i++) {
        Business business = business(new Fields(root.get(i), source + ": [" + i + "]"));
        if (!ids.add(business.getId())) {
          throw new BadProfileException(
              source + ": [" + i + "].id: '" + business.getId() + "' appears twice");
        }
        all.add(business);
      }
    } else {
      all.add(business(new Fields(root, source + ":")));
    }
    return List.copyOf(all);
  }

  private Business business(Fields profile) {
    String id = profile.id("id");
    String name = profile.text("name", 200, true);
    String currency = profile.currency("currency");
    List<BusinessContact> contacts = new ArrayList<>();
    List<Fields> contactFields = profile.list("contacts", false);
    for (int i = 0; i < contactFields.size(); i++) {
      contacts.add(contact(contactFields.get(i), i));
    }
    List<Fields> channelFields = profile.list("channels", true);
    if (channelFields.size() > MAX_CHANNELS) {
      throw profile.bad("channels", "more than " + MAX_CHANNELS + " channels");
    }
    List<BusinessChannel> channels = new ArrayList<>();
    for (Fields channel : channelFields) {
      channels.add(channel(channel));
    }
    Set<String> channelIds = new HashSet<>();
    for (int i = 0; i < channels.size(); i++) {
      if (!channelIds.add(channels.get(i).getId())) {
        throw channelFields.get(i).bad("id", "'" + channels.get(i).getId() + "' appears twice");
      }
    }
    for (int i = 0; i < channels.size(); i++) {
      String fallback = channels.get(i).getFallbackChannel();
      if (fallback != null && !channelIds.contains(fallback)) {
        throw channelFields.get(i).bad("fallback.channel", "no channel '" + fallback + "'");
      }
    }
    Business business =
        Business.newBuilder()
            .setId(id)
            .setName(name)
            .setCurrency(currency)
            .setTimeZone(profile.timeZone("timeZone"))
            .setLanguages(profile.languages("languages"))
            .setDailyRevenue(profile.has("dailyRevenue") ? profile.money("dailyRevenue") : null)
            .setContacts(contacts)
            .setChannels(channels)
            .build();
    profile.noOthers();
    return business;
  }

  private BusinessContact contact(Fields contact, int index) {
    ContactKind kind = contact.choice("kind", ContactKind.class);
    String address = null;
    String url = null;
    if (kind == ContactKind.EMAIL) {
      address = contact.email("address");
    } else {
      url = contact.url("url");
    }
    String ridesOn = contact.has("ridesOn") ? contact.service("ridesOn", knownService) : null;
    String id =
        contact.has("id")
            ? contact.id("id")
            : kind.name().toLowerCase(Locale.ROOT) + "-" + (index + 1);
    contact.noOthers();
    return new BusinessContact(id, kind, address, url, ridesOn);
  }

  private BusinessChannel channel(Fields channel) {
    BusinessChannel.Builder built =
        BusinessChannel.newBuilder()
            .setId(channel.id("id"))
            .setRole(channel.choice("role", ChannelRole.class))
            .setService(channel.service("service", knownService))
            .setRegions(channel.regions("regions"));
    if (channel.has("revenuePerHour")) {
      built.setRevenuePerHour(channel.money("revenuePerHour"));
    }
    if (channel.has("dailyShare")) {
      built.setDailyShare(channel.share("dailyShare"));
    }
    Map<String, String> texts = new TreeMap<>();
    if (channel.has("fallback")) {
      Fields fallback = channel.object("fallback");
      if (fallback.has("channel")) {
        built.setFallbackChannel(fallback.id("channel"));
      }
      if (fallback.has("text")) {
        texts.putAll(fallback.texts("text", 500));
      }
      fallback.noOthers();
    }
    built.setFallbackText(texts);
    channel.noOthers();
    return built.build();
  }
}

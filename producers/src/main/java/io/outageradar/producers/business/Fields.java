package io.outageradar.producers.business;

import com.fasterxml.jackson.databind.JsonNode;
import io.outageradar.avro.Money;
import java.math.BigDecimal;
import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The fields of one object of a profile, each read and checked by what it is (an id, a currency, a
 * region …), each error naming the field's path; the names read are remembered so that {@link
 * #noOthers()} can refuse a misspelt one.
 */
final class Fields {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
  private static final Set<String> REGIONS = Set.of(Locale.getISOCountries());
  private static final int MAX_LIST = 200;

  private final JsonNode node;
  private final String path;
  private final Set<String> read = new HashSet<>();

  Fields(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      throw new BadProfileException(path + " must be an object");
    }
    this.node = node;
    this.path = path;
  }

  /** The path of field {@code name}: after the file name a space, after a field a dot. */
  private String child(String name) {
    return path + (path.endsWith(":") ? " " : ".") + name;
  }

  boolean has(String name) {
    read.add(name);
    return node.hasNonNull(name);
  }

  BadProfileException bad(String name, String why) {
    return new BadProfileException(child(name) + ": " + why);
  }

  String text(String name, int maxLength, boolean required) {
    JsonNode value = field(name, required);
    if (value == null) {
      return null;
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw bad(name, "must be a non-empty text");
    }
    if (value.asText().length() > maxLength) {
      throw bad(name, "longer than " + maxLength + " characters");
    }
    return value.asText();
  }

  String id(String name) {
    String id = text(name, 63, true);
    if (!ID.matcher(id).matches()) {
      throw bad(name, "'" + id + "' is not an id (lower-case letters, digits and dashes)");
    }
    return id;
  }

  String currency(String name) {
    String code = text(name, 3, true);
    try {
      if (code.equals(Currency.getInstance(code).getCurrencyCode())) {
        return code;
      }
    } catch (IllegalArgumentException e) {
      // refused below
    }
    throw bad(name, "'" + code + "' is not an ISO 4217 currency");
  }

  String timeZone(String name) {
    String zone = text(name, 64, true);
    try {
      return ZoneId.of(zone).getId();
    } catch (DateTimeException e) {
      throw bad(name, "'" + zone + "' is not a time zone (e.g. America/Sao_Paulo)");
    }
  }

  List<String> languages(String name) {
    List<String> tags = strings(name, true);
    for (String tag : tags) {
      try {
        new Locale.Builder().setLanguageTag(tag);
      } catch (IllformedLocaleException e) {
        throw bad(name, "'" + tag + "' is not a BCP-47 language tag (e.g. pt-BR)");
      }
    }
    if (tags.isEmpty()) {
      throw bad(name, "needs at least one language");
    }
    return tags;
  }

  List<String> regions(String name) {
    TreeSet<String> regions = new TreeSet<>();
    for (String region : strings(name, true)) {
      if (!REGIONS.contains(region)) {
        throw bad(name, "'" + region + "' is not an ISO 3166-1 alpha-2 region (e.g. BR)");
      }
      regions.add(region);
    }
    if (regions.isEmpty()) {
      throw bad(name, "needs at least one region");
    }
    return List.copyOf(regions);
  }

  String service(String name, Predicate<String> known) {
    String service = text(name, 100, true);
    if (!known.test(service)) {
      throw bad(name, "'" + service + "' is not a monitored service");
    }
    return service;
  }

  /** {"amount": "250.00", "currency": "BRL"}: at most the currency's decimals, never negative. */
  Money money(String name) {
    Fields money = object(name);
    String currency = money.currency("currency");
    JsonNode amount = money.field("amount", true);
    BigDecimal value;
    try {
      value = new BigDecimal(amount.asText());
    } catch (NumberFormatException e) {
      throw money.bad("amount", "'" + amount.asText() + "' is not a number");
    }
    if (value.signum() < 0) {
      throw money.bad("amount", "must not be negative");
    }
    int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    if (value.stripTrailingZeros().scale() > digits) {
      throw money.bad("amount", "has more decimals than " + currency + " has (" + digits + ")");
    }
    money.noOthers();
    return new Money(value.movePointRight(digits).longValueExact(), currency);
  }

  /** A share in [0, 1], kept exactly as written. */
  String share(String name) {
    JsonNode value = field(name, true);
    try {
      BigDecimal share = new BigDecimal(value.asText());
      if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
        throw bad(name, "must be between 0 and 1");
      }
      return share.toPlainString();
    } catch (NumberFormatException e) {
      throw bad(name, "'" + value.asText() + "' is not a number");
    }
  }

  String email(String name) {
    String address = text(name, 254, true);
    if (!EMAIL.matcher(address).matches()) {
      throw bad(name, "'" + address + "' is not an email address");
    }
    return address;
  }

  String url(String name) {
    String url = text(name, 2000, true);
    try {
      URI uri = URI.create(url);
      String scheme = uri.getScheme();
      if (("http".equals(scheme) || "https".equals(scheme)) && uri.getHost() != null) {
        return url;
      }
    } catch (IllegalArgumentException e) {
      // refused below
    }
    throw bad(name, "must be an http(s) URL");
  }

  <E extends Enum<E>> E choice(String name, Class<E> type) {
    String value = text(name, 50, true);
    for (E constant : type.getEnumConstants()) {
      if (!constant.name().equals("UNKNOWN") && constant.name().equalsIgnoreCase(value)) {
        return constant;
      }
    }
    List<String> allowed = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      if (!constant.name().equals("UNKNOWN")) {
        allowed.add(constant.name().toLowerCase(Locale.ROOT));
      }
    }
    throw bad(name, "'" + value + "' is none of " + String.join(", ", allowed));
  }

  /** Texts by language: {"pt": "Peça pelo site …", "en": "…"}. */
  Map<String, String> texts(String name, int maxLength) {
    Fields texts = object(name);
    Map<String, String> all = new TreeMap<>();
    for (Iterator<String> names = texts.node.fieldNames(); names.hasNext(); ) {
      String language = names.next();
      try {
        new Locale.Builder().setLanguageTag(language);
      } catch (IllformedLocaleException e) {
        throw texts.bad(language, "is not a BCP-47 language tag");
      }
      all.put(language, texts.text(language, maxLength, true));
    }
    return all;
  }

  Fields object(String name) {
    return new Fields(field(name, true), child(name));
  }

  List<Fields> list(String name, boolean required) {
    JsonNode value = field(name, required);
    List<Fields> items = new ArrayList<>();
    if (value == null) {
      return items;
    }
    if (!value.isArray() || value.size() > MAX_LIST) {
      throw bad(name, "must be a list of at most " + MAX_LIST);
    }
    for (int i = 0; i < value.size(); i++) {
      items.add(new Fields(value.get(i), child(name) + "[" + i + "]"));
    }
    return items;
  }

  /** Refuses a field no reader asked for: a misspelt name would otherwise be lost silently. */
  void noOthers() {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!read.contains(name)) {
        throw bad(name, "unknown field");
      }
    }
  }

  private List<String> strings(String name, boolean required) {
    JsonNode value = field(name, required);
    List<String> all = new ArrayList<>();
    if (value == null) {
      return all;
    }
    if (!value.isArray() || value.size() > MAX_LIST) {
      throw bad(name, "must be a list of at most " + MAX_LIST + " texts");
    }
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw bad(name, "must be a list of texts");
      }
      all.add(item.asText());
    }
    return all;
  }

  private JsonNode field(String name, boolean required) {
    read.add(name);
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      if (required) {
        throw bad(name, "missing");
      }
      return null;
    }
    return value;
  }
}

package io.outageradar.producers.business;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outageradar.avro.Business;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Many businesses at once from a spreadsheet: a CSV with a header and one row per channel; the
 * business's own columns are taken from its first row. Each business is then checked as a profile
 * file is ({@link BusinessProfiles}); an error names the file and the business's first line.
 *
 * <pre>
 * id,name,currency,timeZone,languages,contacts,channel,role,service,regions,revenuePerHour,fallbackText
 * loja-da-ana,Loja da Ana,BRL,America/Sao_Paulo,pt-BR,email:ana@example.com sms:https://sms.example/ana@whatsapp,wa-sales,sales,whatsapp,BR,250.00,"Peça pelo site, ou ligue"
 * </pre>
 *
 * Lists are separated by spaces; a contact is {@code kind:address-or-url}, with {@code @platform}
 * at the end when it rides on one; revenue per hour is in the business's currency; the fallback
 * text is in its first language.
 */
public final class BusinessCsv {
  static final List<String> COLUMNS =
      List.of(
          "id",
          "name",
          "currency",
          "timeZone",
          "languages",
          "contacts",
          "channel",
          "role",
          "service",
          "regions",
          "revenuePerHour",
          "fallbackText");

  private static final ObjectMapper JSON = new ObjectMapper();

  private BusinessCsv() {}

  public static List<Business> read(Path file, BusinessProfiles profiles) {
    List<List<String>> rows;
    try {
      rows = rows(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new BadProfileException(file + ": cannot be read: " + e.getMessage());
    }
    if (rows.isEmpty() || !rows.get(0).equals(COLUMNS)) {
      throw new BadProfileException(
          file + ": line 1: the header must be " + String.join(",", COLUMNS));
    }
    Map<String, ObjectNode> byId = new LinkedHashMap<>();
    Map<String, Integer> firstLine = new LinkedHashMap<>();
    for (int i = 1; i < rows.size(); i++) {
      List<String> row = rows.get(i);
      if (row.size() == 1 && row.get(0).isBlank()) {
        continue;
      }
      if (row.size() != COLUMNS.size()) {
        throw new BadProfileException(
            file
                + ": line "
                + (i + 1)
                + ": "
                + row.size()
                + " columns where the header has "
                + COLUMNS.size());
      }
      String id = row.get(0);
      ObjectNode business = byId.computeIfAbsent(id, k -> business(row));
      firstLine.putIfAbsent(id, i + 1);
      business.withArray("channels").add(channel(row, business));
    }
    List<Business> all = new ArrayList<>();
    for (Map.Entry<String, ObjectNode> entry : byId.entrySet()) {
      all.addAll(
          profiles.read(
              entry.getValue().toString(), file + ": line " + firstLine.get(entry.getKey())));
    }
    return List.copyOf(all);
  }

  private static ObjectNode business(List<String> row) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", row.get(0))
        .put("name", row.get(1))
        .put("currency", row.get(2))
        .put("timeZone", row.get(3));
    words(node.putArray("languages"), row.get(4));
    ArrayNode contacts = node.putArray("contacts");
    for (String contact : row.get(5).trim().split("\\s+")) {
      if (contact.isEmpty()) {
        continue;
      }
      int colon = contact.indexOf(':');
      ObjectNode c = contacts.addObject();
      String kind = colon < 0 ? contact : contact.substring(0, colon);
      String where = colon < 0 ? "" : contact.substring(colon + 1);
      int at = where.lastIndexOf('@');
      boolean email = kind.equalsIgnoreCase("email");
      if (!email && at > 0) {
        c.put("ridesOn", where.substring(at + 1));
        where = where.substring(0, at);
      }
      c.put("kind", kind).put(email ? "address" : "url", where);
    }
    return node;
  }

  /** A row's channel; money in {@code business}'s currency, text in its first language. */
  private static ObjectNode channel(List<String> row, ObjectNode business) {
    ObjectNode channel = JSON.createObjectNode();
    channel.put("id", row.get(6)).put("role", row.get(7)).put("service", row.get(8));
    words(channel.putArray("regions"), row.get(9));
    if (!row.get(10).isBlank()) {
      channel
          .putObject("revenuePerHour")
          .put("amount", row.get(10).trim())
          .put("currency", business.path("currency").asText());
    }
    if (!row.get(11).isBlank()) {
      String language = business.path("languages").path(0).asText("en");
      channel.putObject("fallback").putObject("text").put(language, row.get(11));
    }
    return channel;
  }

  private static void words(ArrayNode into, String cell) {
    for (String word : cell.trim().split("\\s+")) {
      if (!word.isEmpty()) {
        into.add(word);
      }
    }
  }

  /** RFC 4180: commas separate, double quotes quote, a doubled quote is one quote. */
  static List<List<String>> rows(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        cell.append(c);
      }
    }
    if (cell.length() > 0 || !row.isEmpty()) {
      row.add(cell.toString());
      rows.add(row);
    }
    return rows;
  }
}

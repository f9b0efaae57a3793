package io.outageradar.producers.vendor;

import io.outageradar.avro.VendorState;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * An RSS 2.0 or Atom incident feed (as status pages publish them, newest incident first): what its
 * latest incident says now.
 *
 * <p>An incident's text lists its updates newest first, each led by its status ("Resolved - ...",
 * "Investigating - ..."); the first status word in it is the incident's current status. A resolved
 * or completed incident means the service works; one being monitored means it is recovering
 * (degraded); a scheduled or in-progress maintenance is maintenance; any other open incident has
 * the state the page's configuration gives open incidents. No entry at all: operational.
 */
final class IncidentFeed {
  private static final Pattern STATUS =
      Pattern.compile(
          "\\b(resolved|completed|postmortem|monitoring|investigating|identified|update|"
              + "scheduled|in progress|verifying)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern TAG = Pattern.compile("<[^>]*>");

  private IncidentFeed() {}

  /** The feed's word, as the state of one component named after the feed. */
  static ComponentWord read(String body, VendorState openIncident) {
    Document feed = parse(body);
    Element root = feed.getDocumentElement();
    boolean atom = "feed".equals(root.getLocalName());
    String title = childText(atom ? root : first(root, "channel"), "title");
    Element latest = latest(root, atom ? "entry" : "item", atom);
    String name = title == null || title.isBlank() ? "feed" : title.strip();
    if (latest == null) {
      return new ComponentWord(name, VendorState.OPERATIONAL, null, null, null, null);
    }
    String text =
        TAG.matcher(
                orEmpty(
                    childText(latest, atom ? "content" : "description"),
                    childText(latest, atom ? "summary" : "title")))
            .replaceAll(" ");
    Matcher status = STATUS.matcher(text);
    String word = status.find() ? status.group(1).toLowerCase(Locale.ROOT) : "investigating";
    VendorState state =
        switch (word) {
          case "resolved", "completed", "postmortem" -> VendorState.OPERATIONAL;
          case "monitoring", "verifying" -> VendorState.DEGRADED_PERFORMANCE;
          case "scheduled", "in progress" -> VendorState.UNDER_MAINTENANCE;
          default -> openIncident;
        };
    boolean closed = state == VendorState.OPERATIONAL;
    return new ComponentWord(
        name,
        state,
        closed ? null : childText(latest, "title"),
        closed ? null : word,
        link(latest, atom),
        time(childText(latest, atom ? "updated" : "pubDate")));
  }

  /** The newest entry: by its date where every entry has one, else the first (feed order). */
  private static Element latest(Element root, String tag, boolean atom) {
    NodeList entries = root.getElementsByTagNameNS("*", tag);
    Element latest = null;
    Instant latestAt = null;
    for (int i = 0; i < entries.getLength(); i++) {
      Element entry = (Element) entries.item(i);
      Instant at = time(childText(entry, atom ? "updated" : "pubDate"));
      if (latest == null || (at != null && latestAt != null && at.isAfter(latestAt))) {
        latest = entry;
        latestAt = at;
      }
    }
    return latest;
  }

  private static Document parse(String body) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      // a feed is someone else's document: no DTDs, no external entities
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setExpandEntityReferences(false);
      factory.setNamespaceAware(true);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      Document document = builder.parse(new InputSource(new StringReader(body)));
      String root = document.getDocumentElement().getLocalName();
      if (!"rss".equals(root) && !"feed".equals(root)) {
        throw new IllegalArgumentException("not an RSS or Atom feed (root element " + root + ")");
      }
      return document;
    } catch (SAXException e) {
      throw new IllegalArgumentException("not XML: " + e.getMessage());
    } catch (ParserConfigurationException | IOException e) {
      throw new IllegalStateException("cannot read XML here", e);
    }
  }

  private static String link(Element entry, boolean atom) {
    Element link = first(entry, "link");
    if (link == null) {
      return null;
    }
    return atom ? emptyToNull(link.getAttribute("href")) : emptyToNull(link.getTextContent());
  }

  private static Element first(Element parent, String tag) {
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element && tag.equals(element.getLocalName())) {
        return element;
      }
    }
    return null;
  }

  private static String childText(Element parent, String tag) {
    Element child = parent == null ? null : first(parent, tag);
    return child == null ? null : child.getTextContent();
  }

  private static String orEmpty(String first, String second) {
    return first != null ? first : second != null ? second : "";
  }

  private static String emptyToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** Atom's ISO-8601 or RSS's RFC 1123 date; null when neither. */
  private static Instant time(String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.strip();
    try {
      return OffsetDateTime.parse(trimmed).toInstant();
    } catch (DateTimeParseException notIso) {
      try {
        return ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      } catch (DateTimeParseException neither) {
        return null;
      }
    }
  }
}

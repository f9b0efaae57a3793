package io.outageradar.detection.business;

import io.outageradar.avro.Business;
import io.outageradar.avro.BusinessChannel;
import io.outageradar.avro.BusinessContact;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which of a business's contacts a notice goes through: every contact but those that ride on a
 * platform down in one of the business's regions — a WhatsApp number is no use while WhatsApp is
 * down where the business is.
 */
public final class ContactChoice {
  /**
   * A contact not used, and why, in words a shop owner reads (English; {@code platform} and {@code
   * regions} let a message say it in another language).
   */
  public record Skipped(String contact, String reason, String platform, List<String> regions) {}

  /** The contacts to use, in the business's order, and the ones skipped. */
  public record Choice(List<String> via, List<Skipped> skipped) {}

  private ContactChoice() {}

  /**
   * Chooses among {@code business}'s contacts, given the regions each platform is down in ({@code
   * downRegions}, by service).
   */
  public static Choice of(Business business, Map<String, Set<String>> downRegions) {
    Set<String> where = new TreeSet<>();
    business.getChannels().stream().map(BusinessChannel::getRegions).forEach(where::addAll);
    List<String> via = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    for (BusinessContact contact : business.getContacts()) {
      String platform = contact.getRidesOn();
      TreeSet<String> down =
          new TreeSet<>(platform == null ? Set.of() : downRegions.getOrDefault(platform, Set.of()));
      down.retainAll(where);
      if (!down.isEmpty()) {
        skipped.add(
            new Skipped(
                contact.getId(),
                "rides on " + platform + ", which is down in " + String.join(", ", down),
                platform,
                List.copyOf(down)));
      } else {
        via.add(contact.getId());
      }
    }
    return new Choice(List.copyOf(via), List.copyOf(skipped));
  }
}

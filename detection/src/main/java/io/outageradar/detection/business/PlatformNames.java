package io.outageradar.detection.business;

import java.util.Locale;
import java.util.Map;

/**
 * Platforms by the names they go by, for what businesses and their customers read: "WhatsApp", not
 * the service key "whatsapp". A service not listed is shown capitalised.
 */
public final class PlatformNames {
  private static final Map<String, String> KNOWN =
      Map.of(
          "whatsapp", "WhatsApp",
          "instagram", "Instagram",
          "facebook", "Facebook",
          "messenger", "Messenger",
          "youtube", "YouTube",
          "tiktok", "TikTok",
          "linkedin", "LinkedIn",
          "paypal", "PayPal");

  private PlatformNames() {}

  public static String of(String service) {
    String known = KNOWN.get(service.toLowerCase(Locale.ROOT));
    if (known != null) {
      return known;
    }
    return service.isEmpty()
        ? service
        : Character.toUpperCase(service.charAt(0)) + service.substring(1);
  }
}

package io.outageradar.simulation;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What people write, in English, Portuguese and Spanish: everyday gripes on a normal day, and the
 * short, angry, all-caps, emoji-laden complaints of an outage (after the posts of 4 Oct 2021).
 */
final class ReportTexts {
  private static final Map<String, List<String>> EVERYDAY =
      Map.of(
          "en",
              List.of(
                  "cant send photos",
                  "not loading for me",
                  "app slow today",
                  "notifications late again",
                  "voice notes won't play",
                  "feed is stuck"),
          "pt",
              List.of(
                  "mensagens nao chegam",
                  "app lento hoje",
                  "não carrega as fotos",
                  "áudio não toca",
                  "notificação atrasada"),
          "es",
              List.of(
                  "no funciona el audio",
                  "la app está lenta hoy",
                  "no cargan las fotos",
                  "notificaciones tarde"));

  private static final Map<String, List<String>> OUTAGE =
      Map.of(
          "en",
              List.of(
                  "WhatsApp is DOWN!!! can't send anything",
                  "is instagram down for everyone??",
                  "facebook not loading AGAIN 😡",
                  "cant log in, lost sales all afternoon",
                  "no messages going through, my customers can't reach me",
                  "everything is down, whatsapp instagram facebook all of it!!!",
                  "app won't load, what is going on??",
                  "still down. this is a disaster for my shop"),
          "pt",
              List.of(
                  "o zap caiu!!!",
                  "whatsapp fora do ar de novo 😭",
                  "instagram não carrega, alguém mais?",
                  "não consigo mandar mensagem pros clientes, perdendo vendas",
                  "caiu tudo, whats insta e face!!!",
                  "WHATSAPP FORA DO AR, que raiva",
                  "minha loja vende pelo zap e hoje não vendi nada"),
          "es",
              List.of(
                  "whatsapp no funciona!!",
                  "se cayó instagram otra vez 😤",
                  "facebook caído, sin servicio",
                  "no puedo entrar, perdiendo ventas",
                  "¿a alguien más no le funciona whatsapp??",
                  "todo caído, pésimo"));

  private ReportTexts() {}

  static String pick(String lang, boolean outage, SplittableRandom random) {
    List<String> texts = (outage ? OUTAGE : EVERYDAY).get(lang);
    if (texts == null) {
      throw new IllegalArgumentException("no report texts in " + lang);
    }
    return texts.get(random.nextInt(texts.size()));
  }
}

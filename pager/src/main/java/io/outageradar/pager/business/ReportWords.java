package io.outageradar.pager.business;

import io.outageradar.avro.Business;
import io.outageradar.avro.CauseHint;
import io.outageradar.avro.Money;
import io.outageradar.detection.business.ContactChoice;
import io.outageradar.detection.business.PlatformNames;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The words of a business's incident report and its own page, in its language (as its notices are):
 * channels by what they are for, contacts by how they are reached, countries by name, times in its
 * time zone, the likely cause in a sentence — never an outage id, a contact id, a country code or a
 * UTC timestamp.
 */
public final class ReportWords {
  /** One language's sentences, with blanks. */
  private record Sentences(
      String title,
      String noIncident,
      String down,
      String timeline,
      String ended,
      String notOver,
      Map<CauseHint, String> causes,
      List<String> columns,
      String inAll,
      String noticesHeading,
      String toldDown,
      String toldBack,
      String nobodyYet,
      String customers,
      String mood,
      String lossSoFar,
      List<String> channelsNow,
      String working,
      String downIn,
      String incidents) {}

  private static final Map<String, Sentences> BY_LANGUAGE =
      Map.of(
          "en",
          new Sentences(
              "What outages cost %s",
              "No outage has hurt your business.",
              "%s was down where your customers are (%s)",
              "It began on %s and was confirmed on %s; %s",
              "it ended on %s.",
              "it is not over yet.",
              Map.of(
                  CauseHint.DNS,
                      "The likely cause: the platform could not be found on the internet.",
                  CauseHint.NETWORK, "The likely cause: the platform could not be reached.",
                  CauseHint.TLS, "The likely cause: secure connections to the platform failed.",
                  CauseHint.HTTP, "The likely cause: the platform answered with errors.",
                  CauseHint.UNKNOWN, "Its cause is not known."),
              List.of("Channel", "Where", "Time down", "Estimated sales lost"),
              "In all: %s.",
              "What we told you",
              "%s: we told you it was down, through %s.",
              "%s: we told you it was back, through %s.",
              "nobody yet",
              "Your customers there sent %d complaint(s) about %s meanwhile.",
              " %d%% of them were unhappy.",
              "Estimated sales lost so far: %s.",
              List.of("Your channels now", "Channel", "Where", "Now"),
              "working",
              "down in %s",
              "Outages"),
          "pt",
          new Sentences(
              "O que as quedas custaram a %s",
              "Nenhuma queda afetou o seu negócio.",
              "%s ficou fora do ar onde estão seus clientes (%s)",
              "Começou em %s e foi confirmada em %s; %s",
              "terminou em %s.",
              "ainda não terminou.",
              Map.of(
                  CauseHint.DNS,
                  "Causa provável: a plataforma não podia ser encontrada na internet.",
                  CauseHint.NETWORK,
                  "Causa provável: não era possível chegar à plataforma.",
                  CauseHint.TLS,
                  "Causa provável: as conexões seguras com a plataforma falharam.",
                  CauseHint.HTTP,
                  "Causa provável: a plataforma respondia com erros.",
                  CauseHint.UNKNOWN,
                  "A causa não é conhecida."),
              List.of("Canal", "Onde", "Tempo fora do ar", "Vendas perdidas estimadas"),
              "No total: %s.",
              "O que avisamos",
              "%s: avisamos que estava fora do ar, escrevendo para %s.",
              "%s: avisamos que voltou, escrevendo para %s.",
              "ninguém ainda",
              "Seus clientes de lá enviaram %d reclamação(ões) sobre %s nesse período.",
              " %d%% deles estavam insatisfeitos.",
              "Vendas perdidas estimadas até agora: %s.",
              List.of("Seus canais agora", "Canal", "Onde", "Agora"),
              "funcionando",
              "fora do ar em %s",
              "Quedas"),
          "es",
          new Sentences(
              "Lo que las caídas costaron a %s",
              "Ninguna caída afectó a su negocio.",
              "%s estuvo caído donde están sus clientes (%s)",
              "Empezó el %s y se confirmó el %s; %s",
              "terminó el %s.",
              "aún no ha terminado.",
              Map.of(
                  CauseHint.DNS, "Causa probable: la plataforma no se encontraba en internet.",
                  CauseHint.NETWORK, "Causa probable: no se podía llegar a la plataforma.",
                  CauseHint.TLS,
                      "Causa probable: fallaban las conexiones seguras con la plataforma.",
                  CauseHint.HTTP, "Causa probable: la plataforma respondía con errores.",
                  CauseHint.UNKNOWN, "Su causa no se conoce."),
              List.of("Canal", "Dónde", "Tiempo caído", "Ventas perdidas estimadas"),
              "En total: %s.",
              "Lo que le avisamos",
              "%s: le avisamos que estaba caído, por %s.",
              "%s: le avisamos que volvió, por %s.",
              "nadie todavía",
              "Sus clientes de allí enviaron %d queja(s) sobre %s en ese tiempo.",
              " El %d%% estaba descontento.",
              "Ventas perdidas estimadas hasta ahora: %s.",
              List.of("Sus canales ahora", "Canal", "Dónde", "Ahora"),
              "funcionando",
              "caído en %s",
              "Caídas"));

  private final Business business;
  private final Locale locale;
  private final Sentences sentences;
  private final NoticeWords words;
  private final DateTimeFormatter clock;

  private ReportWords(Business business) {
    this.business = business;
    String language = NoticeText.languageOf(business);
    this.locale = NoticeText.localeOf(business);
    this.sentences = BY_LANGUAGE.get(language);
    this.words = NoticeWords.BY_LANGUAGE.get(language);
    this.clock =
        DateTimeFormatter.ofPattern("d MMM HH:mm z", locale)
            .withZone(ZoneId.of(business.getTimeZone()));
  }

  /** The words for {@code business}'s report, in its language and time zone. */
  public static ReportWords of(Business business) {
    return new ReportWords(business);
  }

  public Locale locale() {
    return locale;
  }

  public String title() {
    return String.format(sentences.title(), business.getName());
  }

  public String noIncident() {
    return sentences.noIncident();
  }

  /** "WhatsApp was down where your customers are (Brazil, United States)". */
  public String down(String platform, List<String> regions) {
    return String.format(sentences.down(), PlatformNames.of(platform), countries(regions));
  }

  /** When it began, was confirmed and ended, in the business's time, and the likely cause. */
  public String timeline(Instant onset, Instant confirmed, Instant resolved, String cause) {
    String end =
        resolved == null ? sentences.notOver() : String.format(sentences.ended(), time(resolved));
    CauseHint hint;
    try {
      hint = CauseHint.valueOf(cause);
    } catch (IllegalArgumentException | NullPointerException unknown) {
      hint = CauseHint.UNKNOWN;
    }
    return String.format(
            sentences.timeline(), time(onset), confirmed == null ? "-" : time(confirmed), end)
        + ' '
        + sentences.causes().get(hint);
  }

  /** The table's column headings: channel, where, time down, estimated sales lost. */
  public List<String> columns() {
    return sentences.columns();
  }

  /** A channel by what it is for and the platform it runs on: "sales (WhatsApp)". */
  public String channel(String channelId) {
    return business.getChannels().stream()
        .filter(channel -> channel.getId().equals(channelId))
        .findFirst()
        .map(channel -> words.channel(channel.getRole(), channel.getService()))
        .orElse(channelId);
  }

  /** Countries by name in the business's language: "Brasil, Estados Unidos". */
  public String countries(List<String> regions) {
    return regions.stream()
        .map(code -> new Locale("", code).getDisplayCountry(locale))
        .collect(Collectors.joining(", "));
  }

  /** "6 h 44 min". */
  public String duration(long minutes) {
    return String.format(words.duration(), minutes / 60, minutes % 60);
  }

  /** "In all: R$ 520,00." in the business's currency format. */
  public String inAll(List<Money> amounts) {
    return String.format(sentences.inAll(), money(amounts));
  }

  /** "Estimated sales lost so far: R$ 520,00." */
  public String lossSoFar(List<Money> amounts) {
    return String.format(sentences.lossSoFar(), money(amounts));
  }

  /** Amounts as the business reads them: "R$ 520,00", one per currency. */
  public String money(List<Money> amounts) {
    return NoticeText.money(amounts, locale);
  }

  public String noticesHeading() {
    return sentences.noticesHeading();
  }

  /**
   * A notice sent: when, whether it said down or back, through which contacts (by how they are
   * reached).
   */
  public String told(boolean down, Instant at, List<String> contactIds) {
    String via =
        contactIds.isEmpty()
            ? sentences.nobodyYet()
            : contactIds.stream().map(this::contact).collect(Collectors.joining(", "));
    return String.format(down ? sentences.toldDown() : sentences.toldBack(), time(at), via);
  }

  /** Why a contact was not written to: "We did not write to your phone (SMS): it depends on…". */
  public String skipped(ContactChoice.Skipped skipped) {
    return NoticeText.skippedLine(business, skipped);
  }

  /** What customers said: how many complained and, when scored, what share were unhappy. */
  public String customers(long reports, String platform, Double negativeShare) {
    String said = String.format(sentences.customers(), reports, PlatformNames.of(platform));
    return negativeShare == null
        ? said
        : said + String.format(sentences.mood(), Math.round(negativeShare * 100));
  }

  /** The heading of the channels' table on the business's page: "Your channels now". */
  public String channelsHeading() {
    return sentences.channelsNow().get(0);
  }

  /** That table's column headings: channel, where, now. */
  public List<String> channelsColumns() {
    return sentences.channelsNow().subList(1, sentences.channelsNow().size());
  }

  /** A channel's state now: "working", or "down in Brazil". */
  public String state(List<String> downIn) {
    return downIn.isEmpty()
        ? sentences.working()
        : String.format(sentences.downIn(), countries(downIn));
  }

  public String incidents() {
    return sentences.incidents();
  }

  /** A time in the business's own zone: "4 out. 12:40 BRT". */
  public String time(Instant at) {
    return clock.format(at);
  }

  private String contact(String contactId) {
    return business.getContacts().stream()
        .filter(contact -> contact.getId().equals(contactId))
        .findFirst()
        .map(contact -> words.contact(contact.getKind(), contact.getAddress()))
        .orElse(contactId);
  }
}

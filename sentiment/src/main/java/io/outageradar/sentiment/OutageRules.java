package io.outageradar.sentiment;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of the outage layer built from word lists ({@code outage-rules.tsv}) rather than listed
 * one phrase at a time: failures (a negator, up to one clitic, a failure verb: "won't load", "no me
 * llegan") and missing connectivity ("no signal", "sin conexión") become lexicon phrases, and
 * availability questions get their words. English lists apply to every language.
 */
final class OutageRules {
  /** As "not loading" and "no signal" in the lexicon. */
  static final double FAILURE = -1.8;

  static final double NO_CONNECTIVITY = -1.8;

  private final Map<String, Map<String, Set<String>>> lists;

  private OutageRules(Map<String, Map<String, Set<String>>> lists) {
    this.lists = lists;
  }

  static OutageRules load(String resource) {
    Map<String, Map<String, Set<String>>> lists = new HashMap<>();
    for (String[] row : DataFiles.rows(resource, 3)) {
      Set<String> words =
          lists
              .computeIfAbsent(row[0], l -> new HashMap<>())
              .computeIfAbsent(row[1], k -> new HashSet<>());
      for (String word : row[2].split(",")) {
        words.add(word.strip());
      }
    }
    return new OutageRules(lists);
  }

  /** The words of one kind for {@code lang}, English's included. */
  Set<String> words(String lang, String kind) {
    Set<String> all = new HashSet<>(own("en", kind));
    all.addAll(own(lang, kind));
    return all;
  }

  private Set<String> own(String lang, String kind) {
    return lists.getOrDefault(lang, Map.of()).getOrDefault(kind, Set.of());
  }

  /**
   * The phrases the lists make for {@code lang} alone (English's are made for "en", and reach the
   * other languages through the English vocabulary they extend).
   */
  Map<String, Double> phrases(String lang) {
    Map<String, Double> phrases = new HashMap<>();
    Set<String> after = own(lang, "negator-after");
    for (String verb : own(lang, "failure-verb")) {
      // a negation that follows its verb ("marche pas") or surrounds it ("ne marche pas")
      for (String closing : after) {
        phrases.put(verb + " " + closing, FAILURE);
      }
      for (String negator : own(lang, "verb-negator")) {
        for (String negated : negatedForms(negator, verb, after)) {
          phrases.put(negated, FAILURE);
          for (String clitic : own(lang, "clitic")) {
            phrases.put(negator + " " + clitic + negated.substring(negator.length()), FAILURE);
          }
        }
      }
    }
    for (String verb : own(lang, "failure-verb")) {
      // "rien ne marche", "nichts geht": a negator that needs no closing word
      for (String negator : own(lang, "negator-alone")) {
        phrases.put(negator + " " + verb, FAILURE);
      }
      // "chal nahi raha", "khul hi nahi raha": the negator inside a verb of several words
      int space = verb.indexOf(' ');
      for (String negator : space < 0 ? Set.<String>of() : own(lang, "negator-inside")) {
        String stem = verb.substring(0, space);
        String rest = verb.substring(space);
        phrases.put(stem + " " + negator + rest, FAILURE);
        for (String clitic : own(lang, "clitic")) {
          phrases.put(stem + " " + clitic + " " + negator + rest, FAILURE);
        }
      }
    }
    for (String what : own(lang, "connectivity")) {
      for (String without : own(lang, "without")) {
        phrases.put(without + " " + what, NO_CONNECTIVITY);
      }
      // "network nahi": the language says "no" after the thing
      for (String without : own(lang, "without-after")) {
        phrases.put(what + " " + without, NO_CONNECTIVITY);
      }
    }
    return phrases;
  }

  /** "not load", or with a closing negation "ne marche pas" for each closing word. */
  private static Set<String> negatedForms(String negator, String verb, Set<String> after) {
    if (after.isEmpty()) {
      return Set.of(negator + " " + verb);
    }
    Set<String> forms = new HashSet<>();
    after.forEach(closing -> forms.add(negator + " " + verb + " " + closing));
    return forms;
  }

  /** The question and denial rules of {@code lang}, English's included. */
  LayerRules layer(String lang) {
    return new LayerRules(
        new QuestionWords(
            words(lang, "question-opener"),
            words(lang, "availability"),
            words(lang, "availability-weak"),
            words(lang, "platform")),
        words(lang, "problem-word"),
        own(lang, "failure-verb"),
        own(lang, "negator-after"),
        own(lang, "never"),
        own(lang, "so"),
        true);
  }

  /** Languages with lists of their own. */
  List<String> languages() {
    return List.copyOf(lists.keySet());
  }
}

package io.outageradar.sentiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Letter groups that tell a word's language by its spelling — an ending ("ção", "ción", "ıyor") or
 * letters anywhere in it ("nh", "ß", "ş") — stored letter by letter, endings backwards from the
 * word's end, so a word is matched against every cue in one walk per starting letter instead of one
 * comparison per cue. Each cue counts once per word for its languages, however often it occurs. At
 * most 64 cues.
 */
final class SpellingCues {
  private final Node endings = new Node();
  private final Node infixes = new Node();
  private final List<Integer> languagesByCue = new ArrayList<>();

  /** An ending (matched only in a longer word) with its languages' bits. */
  void addEnding(String ending, int languages) {
    Node node = endings;
    for (int i = ending.length() - 1; i >= 0; i--) {
      node = node.childOrNew(ending.charAt(i));
    }
    mark(node, languages);
  }

  /** Letters matched anywhere in a word, with their languages' bits. */
  void addInfix(String letters, int languages) {
    Node node = infixes;
    for (int i = 0; i < letters.length(); i++) {
      node = node.childOrNew(letters.charAt(i));
    }
    mark(node, languages);
  }

  /** Makes {@code node} the end of a cue; a cue listed again for another language adds it. */
  private void mark(Node node, int languages) {
    if (node.cue >= 0) {
      languagesByCue.set(node.cue, languagesByCue.get(node.cue) | languages);
      return;
    }
    if (languagesByCue.size() == Long.SIZE) {
      throw new IllegalStateException("more than " + Long.SIZE + " spelling cues");
    }
    languagesByCue.add(languages);
    node.cue = languagesByCue.size() - 1;
  }

  /** Adds {@code weight} to each language's score for every cue {@code word} matches. */
  void count(String word, int weight, int[] score) {
    long matched = 0;
    Node node = endings;
    for (int i = word.length() - 1; i > 0 && node != null; i--) { // i > 0: the word is longer
      node = node.child(word.charAt(i));
      if (node != null && node.cue >= 0) {
        matched |= 1L << node.cue;
      }
    }
    for (int start = 0; start < word.length(); start++) {
      node = infixes;
      for (int i = start; i < word.length() && node != null; i++) {
        node = node.child(word.charAt(i));
        if (node != null && node.cue >= 0) {
          matched |= 1L << node.cue;
        }
      }
    }
    for (long rest = matched; rest != 0; rest &= rest - 1) {
      LanguageGuesser.count(languagesByCue.get(Long.numberOfTrailingZeros(rest)), weight, score);
    }
  }

  private static final class Node {
    private char[] letters = {};
    private Node[] next = {};
    private int cue = -1;

    Node child(char letter) {
      for (int i = 0; i < letters.length; i++) {
        if (letters[i] == letter) {
          return next[i];
        }
      }
      return null;
    }

    Node childOrNew(char letter) {
      Node child = child(letter);
      if (child == null) {
        child = new Node();
        letters = Arrays.copyOf(letters, letters.length + 1);
        next = Arrays.copyOf(next, next.length + 1);
        letters[letters.length - 1] = letter;
        next[next.length - 1] = child;
      }
      return child;
    }
  }
}

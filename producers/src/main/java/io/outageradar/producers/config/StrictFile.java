package io.outageradar.producers.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A YAML ({@code .yaml}/{@code .yml}) or JSON file a producer follows, read so that every mistake
 * can be named by line: the tree, and the line of every key and list item by JSON pointer.
 *
 * <p>Why not plain Jackson: the tree it builds forgets where things were, its token stream does
 * not; and a key the format does not know must be an error, not silently ignored.
 */
public record StrictFile(Path file, JsonNode root, Map<String, Integer> lines) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /**
   * Reads {@code file}; a syntax error, or a document that is not a mapping, is an error naming the
   * file and line and saying what was expected ({@code expected}).
   */
  public static StrictFile read(Path file, String expected) throws IOException {
    String fileName = file.getFileName().toString().toLowerCase(Locale.ROOT);
    ObjectMapper mapper = fileName.endsWith(".yaml") || fileName.endsWith(".yml") ? YAML : JSON;
    JsonNode root;
    Map<String, Integer> lines;
    try {
      root = mapper.readTree(file.toFile());
      lines = lineOfEachKey(mapper, file);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          file + ": line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(file + ": not " + expected);
    }
    return new StrictFile(file, root, lines);
  }

  /** An unknown key is an error naming its line and the keys there are. */
  public void checkKeys(String pointer, JsonNode node, List<String> known) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(
          "line " + lineOf(pointer) + ": expected a mapping of " + known);
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (!known.contains(field.getKey())) {
        throw new IllegalArgumentException(
            "line "
                + lineOf(pointer + "/" + field.getKey())
                + ": unknown key \""
                + field.getKey()
                + "\" (known here: "
                + String.join(", ", known)
                + ")");
      }
    }
  }

  /** The line of the key or item at {@code pointer}, else of the document's start. */
  public int lineOf(String pointer) {
    return lines.getOrDefault(pointer, lines.getOrDefault("", 1));
  }

  private static Map<String, Integer> lineOfEachKey(ObjectMapper mapper, Path file)
      throws IOException {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = mapper.getFactory().createParser(file.toFile())) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        int line = parser.currentTokenLocation().getLineNr();
        if (token == JsonToken.FIELD_NAME) {
          lines.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(), line);
        } else if (token == JsonToken.START_OBJECT || token.isScalarValue()) {
          lines.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(), line);
        }
      }
    }
    return lines;
  }
}

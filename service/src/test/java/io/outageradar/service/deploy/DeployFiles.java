package io.outageradar.service.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * The repository's deployment files, read as the tools that use them read them (YAML with anchors
 * and merge keys).
 */
final class DeployFiles {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private DeployFiles() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> yaml(String relativePath) throws IOException {
    try (Reader reader = Files.newBufferedReader(ROOT.resolve(relativePath))) {
      return (Map<String, Object>) new Yaml().load(reader);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }
}

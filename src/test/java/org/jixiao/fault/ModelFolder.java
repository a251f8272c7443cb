package org.jixiao.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * A copy of the shipped model folder ({@code processes/}) with only some districts, optionally edited the
 * way a district's administrator edits a model: fewer districts start faster, and a copy can carry short
 * durations without touching the real models.
 */
final class ModelFolder {

  private ModelFolder() {}

  /** Copies the shared models and the given district folders to {@code target}; {@code edit(name, text)}. */
  static Path copy(Path target, List<String> districts, BiFunction<String, String, String> edit) {
    Path source = Path.of("processes");
    try {
      Files.createDirectories(target.resolve("districts"));
      try (Stream<Path> shared = Files.list(source)) {
        for (Path file : shared.filter(Files::isRegularFile).toList()) {
          copyFile(file, target.resolve(file.getFileName().toString()), edit);
        }
      }
      for (String district : districts) {
        Path folder = target.resolve("districts").resolve(district);
        Files.createDirectories(folder);
        try (Stream<Path> own = Files.list(source.resolve("districts").resolve(district))) {
          for (Path file : own.filter(Files::isRegularFile).toList()) {
            copyFile(file, folder.resolve(file.getFileName().toString()), edit);
          }
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String location(Path folder) {
    return "file:" + folder.toAbsolutePath() + "/";
  }

  static String formsLocation() {
    return "file:" + Path.of("forms").toAbsolutePath() + "/";
  }

  private static void copyFile(Path from, Path to, BiFunction<String, String, String> edit) throws IOException {
    Files.writeString(to, edit.apply(from.getFileName().toString(), Files.readString(from)));
  }
}

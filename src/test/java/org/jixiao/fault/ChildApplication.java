package org.jixiao.fault;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jixiao.JixiaoApplication;

/**
 * The application as a process of its own, started the way an operator starts it ({@code java -cp …
 * JixiaoApplication --property=value}), so a test can kill it with SIGKILL ({@link #kill()}: nothing of the
 * JVM runs afterwards, no shutdown hook, no pool closing) and start it again on the same database. Its
 * output goes to {@code target/fault-logs/<name>.log} (every start appended) for diagnosis.
 */
final class ChildApplication implements AutoCloseable {

  static final Path LOGS = Path.of("target", "fault-logs");
  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

  private final String name;
  private final Path workingDirectory;
  private final Map<String, String> properties;
  private final int port;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private Process process;
  private int starts;

  /**
   * @param name for the log file
   * @param workingDirectory the child's current directory (where a relative {@code ./data} lands)
   * @param properties Spring properties, passed as command-line arguments so that they win over every file
   */
  ChildApplication(String name, Path workingDirectory, Map<String, String> properties) {
    this.name = name;
    this.workingDirectory = workingDirectory;
    this.properties = new LinkedHashMap<>(properties);
    this.port = freePort();
  }

  String baseUrl() {
    return "http://localhost:" + port;
  }

  /** Starts the application and returns once {@code /actuator/health} answers UP. */
  ChildApplication start() {
    startInBackground();
    awaitHealthy();
    return this;
  }

  /** Starts the application without waiting (two nodes starting at the same moment). */
  void startInBackground() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(name + " runs already");
    }
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8",
        "-cp", System.getProperty("java.class.path"),
        JixiaoApplication.class.getName(),
        "--server.port=" + port));
    properties.forEach((key, value) -> command.add("--" + key + "=" + value));
    try {
      Files.createDirectories(LOGS);
      Files.createDirectories(workingDirectory);
      File log = log().toFile();
      Files.writeString(log.toPath(), "\n===== start " + (++starts) + " of " + name + " =====\n",
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      process = new ProcessBuilder(command).directory(workingDirectory.toFile())
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until the health endpoint answers UP; fails with the log's tail if the process dies first. */
  void awaitHealthy() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting; log: " + log());
      }
      if (health() == 200) {
        return;
      }
      sleep(500);
    }
    throw new IllegalStateException(name + " did not become healthy within " + START_TIMEOUT + "; log: " + log());
  }

  /** The status of {@code /actuator/health}, or -1 when nothing answers. */
  int health() {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
          .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /**
   * {@code kill -9}: {@link Process#destroyForcibly()} sends SIGKILL on Linux; the exit status 137 (128 + 9)
   * proves that the signal, not a graceful shutdown, ended the process.
   */
  int kill() {
    process.destroyForcibly();
    int status = waitFor();
    if (status != 137) {
      throw new IllegalStateException(name + " ended with " + status + ", not by SIGKILL (137)");
    }
    return status;
  }

  /** A graceful stop (SIGTERM). */
  void stop() {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!waitFor(Duration.ofSeconds(60))) {
        process.destroyForcibly();
        waitFor();
      }
    }
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  Path log() {
    return LOGS.resolve(name + ".log");
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      waitFor();
    }
  }

  private int waitFor() {
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private boolean waitFor(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

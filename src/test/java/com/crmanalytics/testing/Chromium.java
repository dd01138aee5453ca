package com.crmanalytics.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium (Debian's {@code /usr/bin/chromium}) driven over the Chrome DevTools Protocol:
 * {@link #start()} launches it on a fresh profile with a DevTools port chosen by the browser,
 * {@link #open(Path)} loads a local file in a new tab and records what a person's browser would
 * complain about (script exceptions, console and log errors) and every request that leaves the
 * disk. Close each tab when done with it; {@link #close()} kills the browser and its child
 * processes and deletes the profile.
 */
public final class Chromium implements AutoCloseable {
  public static final Path BINARY = Path.of("/usr/bin/chromium");

  /** The page's width in CSS pixels: a laptop screen. */
  public static final int WIDTH = 1280;

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path home;
  private final Thread killOnExit;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final Map<String, Tab> tabs = new ConcurrentHashMap<>();

  private Chromium(Process process, Path home, URI endpoint) {
    this.process = process;
    this.home = home;
    // a test JVM that exits without close() (a crash, Ctrl-C) must not leave a browser behind
    this.killOnExit = new Thread(() -> kill(process), "kill-chromium");
    Runtime.getRuntime().addShutdownHook(killOnExit);
    this.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .connectTimeout(TIMEOUT)
            .buildAsync(endpoint, new Listener())
            .orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
            .join();
  }

  /**
   * Skips the calling test, saying why, when Chromium is not installed; fails instead when the
   * environment variable CRM_REQUIRE_BROWSER is 1 (CI installs it and must not skip).
   */
  public static void assumeInstalled() {
    assumeInstalled(BINARY, "1".equals(System.getenv("CRM_REQUIRE_BROWSER")));
  }

  static void assumeInstalled(Path binary, boolean required) {
    if (Files.isExecutable(binary)) {
      return;
    }
    String why =
        binary
            + " is not installed, so the report was not checked in a browser"
            + " (Debian: apt-get install chromium; .ci/run installs it)";
    if (required) {
      Assertions.fail(why + ", and CRM_REQUIRE_BROWSER=1 requires the check");
    }
    Assumptions.abort(why);
  }

  /** Starts the browser and connects to it; kills it again if connecting fails. */
  public static Chromium start() throws IOException {
    Path home = Files.createTempDirectory("crm-chromium");
    Path profile = Files.createDirectory(home.resolve("profile"));
    Path log = home.resolve("chromium.log");
    Process p =
        new ProcessBuilder(
                BINARY.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--user-data-dir=" + profile,
                "--remote-debugging-port=0",
                "about:blank")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      return new Chromium(p, home, endpoint(p, profile.resolve("DevToolsActivePort"), log));
    } catch (RuntimeException | IOException e) {
      kill(p);
      deleteQuietly(home);
      throw e;
    }
  }

  /** The browser's websocket address, once it has written its DevToolsActivePort file. */
  private static URI endpoint(Process p, Path portFile, Path log) throws IOException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(portFile)) {
        List<String> lines = Files.readAllLines(portFile, StandardCharsets.UTF_8);
        if (lines.size() >= 2 && !lines.get(1).isBlank()) {
          return URI.create("ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim());
        }
      }
      if (!p.isAlive()) {
        throw new IOException(
            "chromium exited with code "
                + p.exitValue()
                + " before opening its DevTools port:\n"
                + tail(log));
      }
      sleep(100);
    }
    throw new IOException(
        "chromium did not open its DevTools port within " + TIMEOUT + ":\n" + tail(log));
  }

  /**
   * Opens the file in a new tab {@link #WIDTH} pixels wide and waits until it has loaded and its
   * fonts are ready.
   */
  public Tab open(Path file) {
    String target =
        call(null, "Target.createTarget", json("url", "about:blank")).get("targetId").asText();
    String session =
        call(null, "Target.attachToTarget", json("targetId", target, "flatten", true))
            .get("sessionId")
            .asText();
    Tab tab = new Tab(target, session);
    tabs.put(session, tab);
    for (String domain : List.of("Runtime", "Log", "Network", "Page")) {
      call(session, domain + ".enable", json());
    }
    call(
        session,
        "Emulation.setDeviceMetricsOverride",
        json("width", WIDTH, "height", 900, "deviceScaleFactor", 1, "mobile", false));
    // a load event of the blank tab must not count as the file's
    tab.loaded = new CompletableFuture<>();
    String url = file.toUri().toString();
    JsonNode navigation = call(session, "Page.navigate", json("url", url));
    if (navigation.hasNonNull("errorText")) {
      throw new IllegalStateException(
          "chromium could not open " + file + ": " + navigation.get("errorText").asText());
    }
    tab.loaded.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    String href = tab.evaluate("location.href").asText();
    if (!href.equals(url)) {
      throw new IllegalStateException("chromium shows " + href + " instead of " + url);
    }
    tab.evaluate("document.fonts.ready.then(() => true)");
    return tab;
  }

  /** A page open in the browser and what it reported while loading. */
  public final class Tab implements AutoCloseable {
    private final String target;
    private final String session;
    private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    private Tab(String target, String session) {
      this.target = target;
      this.session = session;
    }

    /** Closes the tab (the browser keeps running). */
    @Override
    public void close() {
      tabs.remove(session);
      call(null, "Target.closeTarget", json("targetId", target));
    }

    /** The value of a JavaScript expression (a promise is awaited); fails on an exception. */
    public JsonNode evaluate(String expression) {
      JsonNode r =
          call(
              session,
              "Runtime.evaluate",
              json("expression", expression, "returnByValue", true, "awaitPromise", true));
      if (r.has("exceptionDetails")) {
        throw new IllegalStateException("script failed: " + r.get("exceptionDetails"));
      }
      return r.path("result").path("value");
    }

    /** Uncaught exceptions, console errors and log errors, each as one line. */
    public List<String> errors() {
      return List.copyOf(errors);
    }

    /** Every URL the page requested, the page itself included. */
    public List<String> requests() {
      return List.copyOf(requests);
    }

    /**
     * The URLs requested that are neither on the disk (file:) nor inline (data:): the page is not
     * self-contained.
     */
    public List<String> externalRequests() {
      return requests().stream()
          .filter(u -> !u.startsWith("file:") && !u.startsWith("data:"))
          .toList();
    }

    /**
     * The fonts the browser actually drew the text of the first element matching a CSS selector
     * with (family names, e.g. "Noto Sans CJK SC"): shows whether a language's glyphs had a font.
     */
    public List<String> fontsUsed(String selector) {
      call(session, "DOM.enable", json());
      call(session, "CSS.enable", json());
      int root =
          call(session, "DOM.getDocument", json("depth", 0)).path("root").path("nodeId").asInt();
      int node =
          call(session, "DOM.querySelector", json("nodeId", root, "selector", selector))
              .path("nodeId")
              .asInt();
      if (node == 0) {
        throw new IllegalArgumentException("no element matches " + selector);
      }
      List<String> fonts = new ArrayList<>();
      call(session, "CSS.getPlatformFontsForNode", json("nodeId", node))
          .path("fonts")
          .forEach(f -> fonts.add(f.path("familyName").asText()));
      return fonts;
    }

    /** A PNG of the whole page, beyond the window's height, at one device pixel per CSS pixel. */
    public byte[] screenshot() {
      JsonNode size = call(session, "Page.getLayoutMetrics", json()).get("cssContentSize");
      ObjectNode clip =
          json(
              "x",
              0,
              "y",
              0,
              "width",
              size.get("width").asDouble(),
              "height",
              size.get("height").asDouble(),
              "scale",
              1);
      ObjectNode params = json("format", "png", "captureBeyondViewport", true);
      params.set("clip", clip);
      return Base64.getDecoder()
          .decode(call(session, "Page.captureScreenshot", params).get("data").asText());
    }

    private void event(String method, JsonNode p) {
      switch (method) {
        case "Page.loadEventFired" -> loaded.complete(null);
        case "Network.requestWillBeSent" -> requests.add(p.path("request").path("url").asText());
        case "Runtime.exceptionThrown" -> {
          JsonNode d = p.path("exceptionDetails");
          errors.add(
              "exception: "
                  + d.path("exception").path("description").asText(d.path("text").asText()));
        }
        case "Runtime.consoleAPICalled" -> {
          String type = p.path("type").asText();
          if (type.equals("error") || type.equals("assert")) {
            List<String> args = new ArrayList<>();
            p.path("args")
                .forEach(a -> args.add(a.path("value").asText(a.path("description").asText())));
            errors.add("console." + type + ": " + String.join(" ", args));
          }
        }
        case "Log.entryAdded" -> {
          JsonNode e = p.path("entry");
          if (e.path("level").asText().equals("error")) {
            errors.add(
                "log ("
                    + e.path("source").asText()
                    + "): "
                    + e.path("text").asText()
                    + " "
                    + e.path("url").asText(""));
          }
        }
        default -> {}
      }
    }
  }

  /** Kills the browser with its child processes and deletes its profile. */
  @Override
  public void close() {
    try {
      socket.abort();
    } finally {
      kill(process);
      deleteQuietly(home);
      try {
        Runtime.getRuntime().removeShutdownHook(killOnExit);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or about to: nothing left to undo
      }
    }
  }

  private JsonNode call(String session, String method, ObjectNode params) {
    int id = ids.incrementAndGet();
    ObjectNode message = json("id", id, "method", method);
    message.set("params", params);
    if (session != null) {
      message.put("sessionId", session);
    }
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    synchronized (socket) {
      socket
          .sendText(message.toString(), true)
          .orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
          .join();
    }
    JsonNode r = reply.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    if (r.has("error")) {
      throw new IllegalStateException(method + " failed: " + r.get("error"));
    }
    return r.path("result");
  }

  /** Receives the browser's messages: replies complete their call, events go to their tab. */
  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        String message = text.toString();
        text.setLength(0);
        receive(message);
      }
      ws.request(1);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      pending.values().forEach(f -> f.completeExceptionally(error));
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
      pending
          .values()
          .forEach(
              f ->
                  f.completeExceptionally(
                      new IOException("DevTools connection closed: " + reason)));
      return null;
    }
  }

  private void receive(String message) {
    JsonNode m;
    try {
      m = JSON.readTree(message);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (m.has("id")) {
      CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
      if (f != null) {
        f.complete(m);
      }
    } else if (m.has("sessionId")) {
      Tab tab = tabs.get(m.get("sessionId").asText());
      if (tab != null) {
        tab.event(m.path("method").asText(), m.path("params"));
      }
    }
  }

  private static ObjectNode json(Object... namesAndValues) {
    ObjectNode o = JSON.createObjectNode();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      o.set((String) namesAndValues[i], JSON.valueToTree(namesAndValues[i + 1]));
    }
    return o;
  }

  /**
   * Kills the process's descendants (renderers, zygotes, GPU and network services), then the
   * process.
   */
  private static void kill(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
    try {
      p.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a leftover temporary profile is harmless
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for chromium", e);
    }
  }
}

package com.crmanalytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmanalytics.testing.Chromium;
import com.crmanalytics.testing.ReportFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The report as a person sees it: rendered from the fixture, opened from disk in headless Chromium,
 * every section and chart laid out and drawn, no script error, nothing fetched from a network, and
 * a full-page screenshot in target/report-screenshots/. Skipped where Chromium is not installed,
 * unless CRM_REQUIRE_BROWSER=1 (CI), where that fails.
 */
class ReportBrowserTest {
  static final Path SCREENSHOTS = Path.of("target", "report-screenshots");

  /** Charts each section draws from the full second-run fixture. */
  private static final Map<String, Integer> CHARTS =
      Map.ofEntries(
          Map.entry("headline", 0),
          Map.entry("actions", 0),
          Map.entry("changes", 0),
          Map.entry("pyramid", 1),
          Map.entry("concentration", 1),
          Map.entry("segments", 1),
          Map.entry("migration", 2),
          Map.entry("cohorts", 1),
          Map.entry("forecast", 0),
          Map.entry("campaigns", 2),
          Map.entry("products", 1),
          Map.entry("service", 4),
          Map.entry("sales", 3),
          Map.entry("model", 2));

  /**
   * Per section id: whether it exists, its laid-out size, its heading, and per SVG chart its size,
   * how many shapes have a non-empty box, and how many texts stick out of the chart's drawing area.
   */
  private static final String LAYOUT =
      """
      (() => {
        const out = {};
        for (const id of %s) {
          const s = document.getElementById(id);
          if (!s) { out[id] = {exists: false}; continue; }
          const box = s.getBoundingClientRect();
          const charts = [...s.querySelectorAll('svg')].map(svg => {
            const b = svg.getBoundingClientRect();
            const shapes = [...svg.querySelectorAll('rect, path, line, circle')]
                .filter(e => { const bb = e.getBBox(); return bb.width > 0 || bb.height > 0; });
            const outside = [...svg.querySelectorAll('text')].filter(t => {
              const r = t.getBoundingClientRect();
              return r.left < b.left - 1 || r.top < b.top - 1 || r.right > b.right + 1 || r.bottom > b.bottom + 1;
            }).map(t => t.textContent);
            return {width: b.width, height: b.height, drawn: shapes.length, outside};
          });
          out[id] = {exists: true, width: box.width, height: box.height,
                     heading: (s.querySelector('h2') || {}).textContent || '', charts};
        }
        return out;
      })()""";

  private static Chromium browser;

  @BeforeAll
  static void startBrowser() throws IOException {
    Chromium.assumeInstalled();
    browser = Chromium.start();
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "zh-CN"})
  void everySectionAndChartIsDrawnWithoutErrorsOrNetwork(String language, @TempDir Path dir)
      throws IOException {
    Path page = write(dir, ReportFixture.secondRun().language(language));
    try (Chromium.Tab tab = browser.open(page)) {
      checkEverySection(tab, page, language);
    }
  }

  private static void checkEverySection(Chromium.Tab tab, Path page, String language)
      throws IOException {
    JsonNode sections = layout(tab);
    for (String id : ReportPage.SECTIONS) {
      JsonNode s = sections.path(id);
      assertThat(s.path("exists").asBoolean()).as("section %s exists", id).isTrue();
      assertThat(s.path("height").asDouble()).as("section %s height", id).isGreaterThan(20);
      assertThat(s.path("heading").asText()).as("section %s heading", id).isNotBlank();
      assertThat(s.path("charts").size()).as("charts in %s", id).isEqualTo(CHARTS.get(id));
      for (JsonNode chart : s.path("charts")) {
        assertThat(chart.path("width").asDouble()).as("chart width in %s", id).isGreaterThan(100);
        assertThat(chart.path("height").asDouble()).as("chart height in %s", id).isGreaterThan(30);
        assertThat(chart.path("drawn").asInt()).as("shapes drawn in %s", id).isGreaterThan(2);
        assertThat(chart.path("outside")).as("texts outside the chart in %s", id).isEmpty();
      }
    }
    assertThat(tab.errors()).as("script errors").isEmpty();
    assertThat(tab.requests()).as("requests seen").contains(page.toUri().toString());
    assertThat(tab.externalRequests()).as("requests that leave the disk").isEmpty();
    if (language.equals("zh-CN")) {
      assertThat(sections.path("headline").path("heading").asText()).isEqualTo("概览");
      assertThat(tab.fontsUsed("h1"))
          .as("fonts that drew the Chinese heading")
          .anyMatch(f -> f.matches("(?i).*(CJK|Han Sans|Hei|WenQuanYi|Fallback).*"));
    }
    screenshot(tab, "report-" + language + ".png");
  }

  @Test
  void firstRunShowsSentencesWhereThereIsNothingToCompare(@TempDir Path dir) throws IOException {
    try (Chromium.Tab tab = browser.open(write(dir, ReportFixture.firstRun()))) {
      JsonNode sections = layout(tab);
      assertThat(sections.path("migration").path("charts").size()).isZero();
      assertThat(tab.evaluate("document.querySelector('#migration .empty').textContent").asText())
          .isEqualTo(
              "This is the first report: there is no earlier date to compare movements with.");
      assertThat(tab.evaluate("document.querySelectorAll('#changes li').length").asInt())
          .isEqualTo(1);
      assertThat(tab.errors()).isEmpty();
      assertThat(tab.externalRequests()).isEmpty();
      screenshot(tab, "report-en-first-run.png");
    }
  }

  /** The forecast, the tracking chart and the tiles' sparklines, drawn in both languages. */
  @ParameterizedTest
  @ValueSource(strings = {"en", "zh-CN"})
  void outlookChartsAreDrawn(String language, @TempDir Path dir) throws IOException {
    Path page = dir.resolve("outlook").resolve("index.html");
    Files.createDirectories(page.getParent());
    Files.writeString(
        page, ReportPage.render(ReportOutlookPageTest.data(language)), StandardCharsets.UTF_8);
    try (Chromium.Tab tab = browser.open(page)) {
      JsonNode sections = layout(tab);
      for (String id : List.of("forecast", "model")) {
        JsonNode charts = sections.path(id).path("charts");
        assertThat(charts.size()).as("charts in %s", id).isEqualTo(id.equals("model") ? 3 : 1);
        for (JsonNode chart : charts) {
          assertThat(chart.path("width").asDouble()).as("chart width in %s", id).isGreaterThan(100);
          assertThat(chart.path("drawn").asInt()).as("shapes drawn in %s", id).isGreaterThan(2);
          assertThat(chart.path("outside")).as("texts outside the chart in %s", id).isEmpty();
        }
      }
      JsonNode sparks = sections.path("headline").path("charts");
      assertThat(sparks.size()).as("a trend per tile").isEqualTo(6);
      for (JsonNode spark : sparks) {
        assertThat(spark.path("width").asDouble()).isGreaterThan(50);
        assertThat(spark.path("drawn").asInt()).isEqualTo(2);
      }
      assertThat(sections.path("actions").path("height").asDouble()).isGreaterThan(100);
      assertThat(tab.errors()).isEmpty();
      assertThat(tab.externalRequests()).isEmpty();
      screenshot(tab, "report-" + language + "-outlook.png");
    }
  }

  /** The check itself: a page that throws and fetches from the network is caught doing both. */
  @Test
  void aBrokenPageIsCaught(@TempDir Path dir) throws IOException {
    Path page = dir.resolve("broken.html");
    Files.writeString(
        page,
        "<!DOCTYPE html><html><body><p>broken</p>"
            + "<img src=\"http://127.0.0.1:9/logo.png\"><script>console.error('bad'); undefinedFunction();</script>"
            + "</body></html>",
        StandardCharsets.UTF_8);
    try (Chromium.Tab tab = browser.open(page)) {
      assertThat(tab.externalRequests()).containsExactly("http://127.0.0.1:9/logo.png");
      assertThat(tab.errors())
          .anyMatch(e -> e.contains("undefinedFunction"))
          .anyMatch(e -> e.contains("bad"));
      assertThat(layout(tab).path("headline").path("exists").asBoolean()).isFalse();
    }
  }

  private static JsonNode layout(Chromium.Tab tab) {
    String ids =
        ReportPage.SECTIONS.stream()
            .map(id -> "'" + id + "'")
            .collect(Collectors.joining(",", "[", "]"));
    return tab.evaluate(String.format(LAYOUT, ids));
  }

  private static Path write(Path dir, ReportFixture fixture) throws IOException {
    Path page = dir.resolve("reports").resolve(ReportFixture.DATE.toString()).resolve("index.html");
    Files.createDirectories(page.getParent());
    Files.writeString(page, ReportPage.render(fixture.build()), StandardCharsets.UTF_8);
    return page;
  }

  /** Saves a full-page screenshot after checking it is a PNG of the page's width. */
  private static void screenshot(Chromium.Tab tab, String name) throws IOException {
    byte[] png = tab.screenshot();
    assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    ByteBuffer header = ByteBuffer.wrap(png, 16, 8);
    assertThat(header.getInt()).as("screenshot width").isEqualTo(Chromium.WIDTH);
    assertThat(header.getInt()).as("screenshot height").isGreaterThan(1500);
    Files.createDirectories(SCREENSHOTS);
    Files.write(SCREENSHOTS.resolve(name), png);
  }
}

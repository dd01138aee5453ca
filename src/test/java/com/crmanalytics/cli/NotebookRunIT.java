package com.crmanalytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmanalytics.notebook.Cell;
import com.crmanalytics.notebook.Notebook;
import com.crmanalytics.notebook.Statement;
import com.crmanalytics.testing.Crm;
import com.crmanalytics.testing.Crm.Result;
import com.crmanalytics.testing.TestSpark;
import com.crmanalytics.testing.TinyLanding;
import com.crmanalytics.testing.TinyWarehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code crm notebook run}: every notebook of {@code notebooks-export/} against the runs of the
 * tiny landing (so the notebooks never rot), and what a failing or foreign notebook does.
 */
class NotebookRunIT {
  private static final Path EXPORTS = Path.of("notebooks-export");
  private static final Pattern HEADER = Pattern.compile("^-- cell (\\d+), line (\\d+)(: done)?$");
  private static final Pattern COUNT = Pattern.compile("^(\\d+) rows?( shown .*)?$");
  private static final Pattern HTML_COUNT = Pattern.compile("<p class=\"count\">(\\d+) rows?</p>");

  /**
   * The SQL cells (named by the heading of the Markdown cell before them) whose results may be
   * empty on the tiny landing's runs; every other result must have rows.
   */
  private static final Map<String, Set<String>> MAY_BE_EMPTY =
      Map.of(
          "campaign_target_list.sql", Set.of("The target list", "The list by tier and segment"),
          "executive_kpis.sql", Set.of("Customers moving between tiers"),
          "customer_profile.sql", Set.of("Service contacts"),
          // the samples draw products independently: no pair is bought together more often than
          // chance
          "offer_targets.sql",
              Set.of(
                  "The strongest pairs of the date",
                  "Customers for the offer",
                  "The offer's audience by segment and tier"));

  @TempDir static Path tmp;

  @BeforeAll
  static void session() {
    TestSpark.session();
  }

  static List<Path> notebooks() throws IOException {
    try (Stream<Path> files = Files.list(EXPORTS)) {
      return files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
    }
  }

  /**
   * What stdout says one statement returned: the number of rows, or -1 for a statement without a
   * result set.
   */
  private record Printed(int cell, int line, int rows) {}

  @ParameterizedTest
  @MethodSource("notebooks")
  void everyNotebookRunsCellByCellAgainstTheTinyRuns(Path file) throws IOException {
    Notebook notebook = Notebook.read(file);
    Path html = tmp.resolve(file.getFileName() + ".html");

    Result run = TinyWarehouse.crm("notebook", "run", file.toString(), "--out", html.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    List<Printed> printed = printed(run.out());
    List<Statement> statements =
        notebook.sqlCells().stream().flatMap(c -> c.statements().stream()).toList();
    assertThat(printed)
        .extracting(Printed::line)
        .as("every statement ran, in order")
        .isEqualTo(statements.stream().map(Statement::line).toList());
    assertThat(run.out())
        .contains(
            String.format(
                "notebook %s: %d cell(s) (%d SQL, %d markdown), %d statement(s) run",
                file,
                notebook.cells().size(),
                notebook.sqlCells().size(),
                notebook.cells().size() - notebook.sqlCells().size(),
                statements.size()));

    Set<String> mayBeEmpty = MAY_BE_EMPTY.getOrDefault(file.getFileName().toString(), Set.of());
    Map<Integer, String> headings = headings(notebook);
    for (Printed p : printed) {
      if (p.rows() == 0) {
        assertThat(mayBeEmpty)
            .as(
                file
                    + " cell "
                    + p.cell()
                    + " line "
                    + p.line()
                    + " ("
                    + headings.get(p.cell())
                    + ") returned no rows")
            .contains(headings.get(p.cell()));
      }
    }
    assertThat(printed)
        .as("queries with a result")
        .anySatisfy(p -> assertThat(p.rows()).isPositive());

    String page = Files.readString(html);
    assertThat(page)
        .contains("every cell ran")
        .doesNotContain("class=\"error\"")
        .doesNotContain("not run:");
    for (Cell cell : notebook.cells()) {
      String section = section(page, cell.number());
      List<Integer> shown = new ArrayList<>();
      Matcher m = HTML_COUNT.matcher(section);
      while (m.find()) {
        shown.add(Integer.parseInt(m.group(1)));
      }
      List<Integer> expected =
          printed.stream()
              .filter(p -> p.cell() == cell.number() && p.rows() >= 0)
              .map(Printed::rows)
              .toList();
      assertThat(shown)
          .as(file + " cell " + cell.number() + ": the HTML shows each result with its row count")
          .isEqualTo(expected);
      assertThat(section.split("<table class=\"rows\">", -1)).hasSize(expected.size() + 1);
    }
  }

  @Test
  void theSegmentExplorerReturnsRowsFromEverySegmentQuery() throws IOException {
    Result run = TinyWarehouse.crm("notebook", "run", "notebooks-export/segment_explorer.sql");
    assertThat(run.exit()).as(run.err()).isZero();
    List<Printed> printed = printed(run.out());
    assertThat(printed)
        .filteredOn(p -> p.rows() >= 0)
        .hasSizeGreaterThanOrEqualTo(5)
        .allSatisfy(p -> assertThat(p.rows()).isPositive());
    String latest = TinyLanding.INCREMENT.toString();
    assertThat(run.out()).contains("| " + latest).contains("| champions").contains("| lost");
  }

  @Test
  void aFailingCellStopsTheRunWithOneLineNamingNotebookCellAndSparksMessage() throws IOException {
    Path file =
        notebook(
            "broken.sql",
            "-- MAGIC %md",
            "-- MAGIC # Broken",
            "",
            "-- COMMAND ----------",
            "",
            "select 1 as one;",
            "select * from no_such_table",
            "",
            "-- COMMAND ----------",
            "",
            "select 2 as two");
    Path html = tmp.resolve("broken.html");
    Result run = empty("notebook", "run", file.toString(), "--out", html.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err())
        .startsWith(
            "crm: Notebook " + file + ", cell 2 (line 8): SQL error: [TABLE_OR_VIEW_NOT_FOUND]")
        .contains("no_such_table")
        .doesNotContain("\tat ");
    assertThat(run.out())
        .contains("-- cell 2, line 7")
        .contains("| one |")
        .doesNotContain("| two |");
    String page = Files.readString(html);
    assertThat(page)
        .contains("stopped at cell 2")
        .contains("<div class=\"error\">line 8: SQL error: [TABLE_OR_VIEW_NOT_FOUND]")
        .contains("not run: the run stopped at cell 2")
        .contains("<th>one</th>")
        .doesNotContain("<th>two</th>");
  }

  @Test
  void anErrorWhileComputingIsTheSqlsFaultToo() throws IOException {
    Path file =
        notebook(
            "zero.sql",
            "select 1 as n",
            "",
            "-- COMMAND ----------",
            "",
            "select n / 0 from values (1) as t(n)");
    Result run = empty("notebook", "run", file.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().strip())
        .startsWith("crm: Notebook " + file + ", cell 2 (line 6): SQL error: [DIVIDE_BY_ZERO]");
    assertThat(run.err().lines()).hasSize(1);

    Result verbose = empty("notebook", "run", file.toString(), "--verbose");
    assertThat(verbose.exit()).isEqualTo(2);
    assertThat(verbose.err())
        .contains("\tat ")
        .contains("crm: Notebook " + file + ", cell 2 (line 6): SQL error: [DIVIDE_BY_ZERO]");
  }

  @Test
  void notebooksThatCannotRunAreRefusedBeforeAnyQuery() throws IOException {
    Path python =
        notebook(
            "mixed.sql",
            "select 1",
            "",
            "-- COMMAND ----------",
            "",
            "-- MAGIC %python",
            "-- MAGIC print(1)");
    Result magic = empty("notebook", "run", python.toString());
    assertThat(magic.exit()).isEqualTo(2);
    assertThat(magic.err().strip())
        .isEqualTo(
            "crm: Notebook "
                + python
                + ": cell 2 (line 6) is a %python cell; crm notebook runs SQL and %md cells only");
    assertThat(magic.out()).isEmpty();

    Path plain = tmp.resolve("plain.sql");
    Files.writeString(plain, "select 1;\n");
    Result noHeader = empty("notebook", "run", plain.toString());
    assertThat(noHeader.exit()).isEqualTo(2);
    assertThat(noHeader.err().strip())
        .isEqualTo(
            "crm: Notebook "
                + plain
                + ": not a notebook in Databricks source format: the first line must be"
                + " '-- Databricks notebook source' (found 'select 1;')");

    Result missing = empty("notebook", "run", tmp.resolve("nope.sql").toString());
    assertThat(missing.exit()).isEqualTo(4);
    assertThat(missing.err().strip())
        .isEqualTo("crm: Missing input: notebook: " + tmp.resolve("nope.sql"));

    Result limit = empty("notebook", "run", plain.toString(), "--limit", "0");
    assertThat(limit.exit()).isEqualTo(2);
    assertThat(limit.err().strip()).isEqualTo("crm: --limit must be at least 1 (got 0)");
  }

  @Test
  void resultsAreCappedAtTheLimitAndSaySo() throws IOException {
    Path file = notebook("many.sql", "select id from range(5) order by id");
    Path html = tmp.resolve("many.html");
    Result run =
        empty("notebook", "run", file.toString(), "--limit", "3", "--out", html.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("| 2  |")
        .doesNotContain("| 3  |")
        .contains("3 rows shown (more exist; use --limit)");
    assertThat(Files.readString(html))
        .contains("first 3 rows shown (more exist; at most 3 are shown, see --limit)")
        .contains("<td class=\"n\">2</td>")
        .doesNotContain("<td class=\"n\">3</td>");
  }

  @Test
  void help() {
    Result group = Crm.run(List.of("notebook", "--help"));
    assertThat(group.exit()).isZero();
    assertThat(group.out()).contains("Usage: crm notebook").contains("run");
    Result help = Crm.run(List.of("notebook", "run", "--help"));
    assertThat(help.exit()).isZero();
    assertThat(help.out())
        .contains("Usage: crm notebook run")
        .contains("FILE")
        .contains("--out")
        .contains("--limit")
        .contains("--conf")
        .contains("--set")
        .contains("--warehouse")
        .contains("--verbose");
  }

  /** {@code crm …} on an empty warehouse: for the tests that need no tables. */
  private static Result empty(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--conf",
            "conf/pipeline.conf",
            "--warehouse",
            tmp.resolve("empty-warehouse").toString()));
    return Crm.run(all);
  }

  private static Path notebook(String name, String... lines) throws IOException {
    Path file = tmp.resolve(name);
    Files.writeString(file, Notebook.HEADER + "\n" + String.join("\n", lines) + "\n");
    return file;
  }

  /** The statements stdout reports, in order, with the row count printed under each table. */
  private static List<Printed> printed(String out) {
    List<Printed> printed = new ArrayList<>();
    Integer cell = null;
    int line = 0;
    for (String l : out.lines().toList()) {
      Matcher h = HEADER.matcher(l);
      Matcher c = COUNT.matcher(l);
      if (h.matches()) {
        if (h.group(3) != null) {
          printed.add(new Printed(Integer.parseInt(h.group(1)), Integer.parseInt(h.group(2)), -1));
        } else {
          cell = Integer.parseInt(h.group(1));
          line = Integer.parseInt(h.group(2));
        }
      } else if (c.matches() && cell != null) {
        printed.add(new Printed(cell, line, Integer.parseInt(c.group(1))));
        cell = null;
      }
    }
    return printed;
  }

  /** For each SQL cell, the first heading of the nearest Markdown cell before it. */
  private static Map<Integer, String> headings(Notebook notebook) {
    Map<Integer, String> headings = new LinkedHashMap<>();
    String last = "";
    for (Cell c : notebook.cells()) {
      if (c.isSql()) {
        headings.put(c.number(), last);
      } else {
        last =
            c.source()
                .lines()
                .filter(l -> l.startsWith("#"))
                .map(l -> l.replaceFirst("^#+\\s*", ""))
                .findFirst()
                .orElse(last);
      }
    }
    return headings;
  }

  private static String section(String page, int cell) {
    int start = page.indexOf("id=\"cell-" + cell + "\"");
    assertThat(start).as("HTML section of cell " + cell).isPositive();
    return page.substring(start, page.indexOf("</section>", start));
  }
}

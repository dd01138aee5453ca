package com.crmanalytics.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmanalytics.error.CrmException;
import com.crmanalytics.error.ExitCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parsing notebooks in Databricks source format, splitting cells into statements, and the HTML
 * page: no Spark.
 */
class NotebookTest {
  private static final Path EXPORTS = Path.of("notebooks-export");

  private static Notebook parse(String... lines) {
    return Notebook.parse("nb.sql", String.join("\n", lines) + "\n");
  }

  private static List<String> sql(List<Statement> statements) {
    return statements.stream().map(Statement::sql).toList();
  }

  @Test
  void cellsAreSplitAtSeparatorsAndNumberedInFileOrder() {
    Notebook nb =
        parse(
            "-- Databricks notebook source",
            "-- MAGIC %md",
            "-- MAGIC # Segments",
            "-- MAGIC",
            "-- MAGIC Who is in which **segment**.",
            "",
            "-- COMMAND ----------",
            "",
            "select segment, count(*) from customer_segments group by segment",
            "",
            "-- COMMAND ----------",
            "",
            "-- DBTITLE 1,Top customers",
            "select * from customer_value",
            "order by clv desc limit 10");

    assertThat(nb.cells()).extracting(Cell::number).containsExactly(1, 2, 3);
    assertThat(nb.cells())
        .extracting(Cell::kind)
        .containsExactly(Cell.Kind.MARKDOWN, Cell.Kind.SQL, Cell.Kind.SQL);
    assertThat(nb.cells().get(0).source()).isEqualTo("# Segments\n\nWho is in which **segment**.");
    assertThat(nb.cells().get(0).line()).isEqualTo(2);
    assertThat(nb.cells().get(1).statements())
        .containsExactly(
            new Statement("select segment, count(*) from customer_segments group by segment", 9));
    assertThat(nb.cells().get(2).title()).isEqualTo("Top customers");
    assertThat(nb.cells().get(2).statements())
        .containsExactly(
            new Statement("select * from customer_value\norder by clv desc limit 10", 14));
    assertThat(nb.title()).isEqualTo("Segments");
    assertThat(nb.sqlCells()).hasSize(2);
  }

  @Test
  void markdownMayStartOnTheMagicLineAndSqlMagicCellsAreSql() {
    Notebook nb =
        parse(
            "-- Databricks notebook source",
            "-- MAGIC %md ## Churn",
            "-- MAGIC Risk bands.",
            "-- COMMAND ----------",
            "-- MAGIC %sql",
            "-- MAGIC select 1;",
            "-- MAGIC select 'two'");
    assertThat(nb.cells().get(0).kind()).isEqualTo(Cell.Kind.MARKDOWN);
    assertThat(nb.cells().get(0).source()).isEqualTo("## Churn\nRisk bands.");
    assertThat(nb.cells().get(1).statements())
        .containsExactly(new Statement("select 1", 6), new Statement("select 'two'", 7));
  }

  @Test
  void windowsLineEndsAndAByteOrderMarkAreAccepted() {
    Notebook nb =
        Notebook.parse(
            "nb.sql",
            "\uFEFF-- Databricks notebook source\r\nselect 1\r\n\r\n-- COMMAND ----------\r\n\r\nselect 2\r\n");
    assertThat(nb.cells()).hasSize(2);
    assertThat(nb.cells().get(1).statements()).containsExactly(new Statement("select 2", 6));
  }

  @Test
  void semicolonsInStringsNamesAndCommentsDoNotEndAStatement() {
    String cell =
        String.join(
            "\n",
            "-- first: count; then list",
            "select 'a;b' as s, \"c;d\" as t, `odd;name` from x; /* block; comment */",
            "select 'it\\'s; fine', 'it''s; fine too' -- trailing; comment",
            "from y;",
            "/* outer /* nested; */ still comment; */ select r'C:\\' as path, 1;",
            "select 2",
            "-- only a comment; after the last statement");
    List<Statement> statements = SqlStatements.split(cell, 10);
    assertThat(sql(statements))
        .containsExactly(
            "select 'a;b' as s, \"c;d\" as t, `odd;name` from x",
            "select 'it\\'s; fine', 'it''s; fine too' -- trailing; comment\nfrom y",
            "select r'C:\\' as path, 1",
            "select 2");
    assertThat(statements).extracting(Statement::line).containsExactly(11, 12, 14, 15);
  }

  @Test
  void aLineCommentContinuesOverABackslashNewlineAsInSpark() {
    assertThat(sql(SqlStatements.split("-- a comment \\\n; still the comment\nselect 1;", 1)))
        .containsExactly("select 1");
  }

  @Test
  void emptyStatementsAndCommentOnlyCellsHoldNoStatement() {
    assertThat(SqlStatements.split(";; \n ; -- nothing\n/* nothing */", 1)).isEmpty();
    assertThat(sql(SqlStatements.split("select 1;;\n;select 2;", 1)))
        .containsExactly("select 1", "select 2");
    Notebook nb =
        parse(
            "-- Databricks notebook source",
            "-- just a note",
            "",
            "-- COMMAND ----------",
            "select 1");
    assertThat(nb.cells().get(0).isSql()).isTrue();
    assertThat(nb.cells().get(0).statements()).isEmpty();
  }

  @Test
  void aSqlScriptRunsToTheEndOfItsCell() {
    String script = "BEGIN\n  DECLARE x INT DEFAULT 1;\n  SELECT x;\nEND";
    assertThat(sql(SqlStatements.split(script, 1))).containsExactly(script);
    assertThat(sql(SqlStatements.split("select 1 as beginning; select 2", 1)))
        .containsExactly("select 1 as beginning", "select 2");
  }

  @Test
  void anUnclosedStringRunsToTheEndForSparkToReport() {
    assertThat(sql(SqlStatements.split("select 'open; select 2", 1)))
        .containsExactly("select 'open; select 2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"%python", "%scala", "%sh", "%r", "%run"})
  void magicsOtherThanMarkdownAndSqlAreRefusedNamingTheCell(String magic) {
    assertThatThrownBy(
            () ->
                parse(
                    "-- Databricks notebook source",
                    "select 1",
                    "",
                    "-- COMMAND ----------",
                    "",
                    "-- MAGIC " + magic,
                    "-- MAGIC print(1)"))
        .isInstanceOf(CrmException.class)
        .hasMessage(
            "Notebook nb.sql: cell 2 (line 6) is a "
                + magic
                + " cell; crm notebook runs SQL and %md cells only")
        .extracting(e -> ((CrmException) e).exitCode())
        .isEqualTo(ExitCode.USAGE);
  }

  @Test
  void aFileWithoutTheHeaderLineIsRefused() {
    assertThatThrownBy(() -> Notebook.parse("q.sql", "select 1;\n"))
        .isInstanceOf(CrmException.class)
        .hasMessage(
            "Notebook q.sql: not a notebook in Databricks source format: the first line must be"
                + " '-- Databricks notebook source' (found 'select 1;')")
        .extracting(e -> ((CrmException) e).exitCode())
        .isEqualTo(ExitCode.USAGE);
    assertThatThrownBy(() -> Notebook.parse("p.py", "# Databricks notebook source\nprint(1)\n"))
        .hasMessageContaining("(found '# Databricks notebook source')");
    assertThatThrownBy(() -> Notebook.parse("empty.sql", ""))
        .hasMessageEndingWith("(found an empty line)");
  }

  @Test
  void brokenMagicCellsAreRefusedWithTheirLine() {
    assertThatThrownBy(
            () ->
                parse(
                    "-- Databricks notebook source",
                    "-- MAGIC %md",
                    "-- MAGIC # Title",
                    "forgot the prefix"))
        .hasMessage(
            "Notebook nb.sql: cell 1 (line 4): every line of a magic cell must start with '-- MAGIC ' (found 'forgot the prefix')");
    assertThatThrownBy(() -> parse("-- Databricks notebook source", "select 1", "-- MAGIC %md"))
        .hasMessageContaining("cell 1 (line 3) mixes SQL with '-- MAGIC' lines");
    assertThatThrownBy(() -> parse("-- Databricks notebook source", "-- MAGIC just text"))
        .hasMessageContaining("cell 1 (line 2): a '-- MAGIC' cell must name its magic command");
  }

  @Test
  void aMissingFileIsAMissingInput(@TempDir Path dir) {
    Path file = dir.resolve("nope.sql");
    assertThatThrownBy(() -> Notebook.read(file))
        .hasMessage("Missing input: notebook: " + file)
        .extracting(e -> ((CrmException) e).exitCode())
        .isEqualTo(ExitCode.MISSING_INPUT);
  }

  /** What makes the shipped notebooks import into Databricks as they are, checked line by line. */
  @Test
  void theShippedNotebooksAreInExactDatabricksSourceFormat() throws IOException {
    List<Path> files = exportedNotebooks();
    assertThat(files.stream().map(p -> p.getFileName().toString()))
        .contains("segment_explorer.sql", "campaign_target_list.sql", "executive_kpis.sql");
    for (Path file : files) {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      String text = Files.readString(file);
      assertThat(lines.get(0)).as(file + " line 1").isEqualTo(Notebook.HEADER);
      assertThat(text).as(file + " line ends").doesNotContain("\r").endsWith("\n");
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.startsWith("-- COMMAND")) {
          assertThat(line).as(file + ":" + (i + 1)).isEqualTo(Notebook.SEPARATOR);
          assertThat(lines.get(i - 1)).as(file + ":" + i + " blank before a separator").isEmpty();
          assertThat(lines.get(i + 1))
              .as(file + ":" + (i + 2) + " blank after a separator")
              .isEmpty();
        }
        if (line.startsWith("-- MAGIC")) {
          assertThat(line).as(file + ":" + (i + 1)).matches("-- MAGIC( .*)?").doesNotEndWith(" ");
        }
      }
      Notebook nb = Notebook.read(file);
      assertThat(nb.cells())
          .as(file + " cells")
          .allSatisfy(
              c ->
                  assertThat(c.isSql() ? c.statements() : List.of(c.source()))
                      .as(file + " cell " + c.number() + " is not empty")
                      .isNotEmpty());
      assertThat(nb.cells().get(0).kind())
          .as(file + ": opens with markdown saying what it answers")
          .isEqualTo(Cell.Kind.MARKDOWN);
      assertThat(nb.sqlCells()).as(file + " SQL cells").hasSizeGreaterThanOrEqualTo(3);
      for (Cell c : nb.cells()) {
        if (!c.isSql()) {
          assertThat(c.source())
              .as(file + " markdown cell " + c.number())
              .doesNotContain("-- MAGIC")
              .doesNotStartWith("%");
        }
      }
    }
  }

  static List<Path> exportedNotebooks() throws IOException {
    try (Stream<Path> files = Files.list(EXPORTS)) {
      List<Path> sql =
          new ArrayList<>(files.filter(p -> p.toString().endsWith(".sql")).sorted().toList());
      assertThat(sql).as("notebooks in " + EXPORTS).hasSizeGreaterThanOrEqualTo(3);
      return sql;
    }
  }

  @Test
  void markdownBecomesEscapedHtml() {
    String html =
        Markdown.toHtml(
            String.join(
                "\n",
                "# Target list <for> Q4",
                "",
                "Customers in **VIP** and *major* tiers, from `customer_value` and customer_segments;",
                "see [the README](../README.md), not [this](javascript:alert(1)).",
                "",
                "- high churn risk",
                "- CLV above the median",
                "  - of their tier",
                "1. first",
                "2. second",
                "",
                "| column | meaning |",
                "| --- | --- |",
                "| clv | value in `USD` |",
                "",
                "```",
                "select '<b>' from x",
                "```",
                "<script>alert(1)</script>"));
    assertThat(html)
        .contains("<h1>Target list &lt;for&gt; Q4</h1>")
        .contains("<strong>VIP</strong>")
        .contains("<em>major</em>")
        .contains("<code>customer_value</code>")
        .contains("customer_segments;")
        .contains("<a href=\"../README.md\">the README</a>")
        .doesNotContain("href=\"javascript")
        .contains(
            "<ul>\n<li>high churn risk</li>\n<li>CLV above the median\n<ul>\n<li>of their tier</li>\n</ul>\n</li>\n</ul>\n<ol>\n<li>first</li>\n<li>second</li>\n</ol>")
        .contains("<th>column</th><th>meaning</th>")
        .contains("<td>value in <code>USD</code></td>")
        .contains("<pre><code>select &#39;&lt;b&gt;&#39; from x\n</code></pre>")
        .contains("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")
        .doesNotContain("<script>")
        .doesNotContain("<em>segments</em>");
  }

  @Test
  void thePageShowsEachCellItsResultsRowCountsAndTheFailure() {
    Notebook nb =
        parse(
            "-- Databricks notebook source",
            "-- MAGIC %md",
            "-- MAGIC # Explorer",
            "",
            "-- COMMAND ----------",
            "",
            "declare or replace variable d date; select 1 as n, '<x>' as s",
            "",
            "-- COMMAND ----------",
            "",
            "select nope",
            "",
            "-- COMMAND ----------",
            "",
            "select 3");
    NotebookRun run = new NotebookRun(nb, 2);
    Cell sqlCell = nb.cells().get(1);
    run.add(
        sqlCell,
        sqlCell.statements().get(0),
        new ResultTable(List.of(), List.of(), List.of(), false));
    List<String> withNull = new ArrayList<>();
    withNull.add("2");
    withNull.add(null);
    run.add(
        sqlCell,
        sqlCell.statements().get(1),
        new ResultTable(
            List.of("n", "s"), List.of(true, false), List.of(List.of("1", "<x>"), withNull), true));
    Cell bad = nb.cells().get(2);
    run.fail(bad, bad.statements().get(0), "SQL error: [UNRESOLVED_COLUMN] `nope` & co");

    String html = NotebookHtml.render(run);
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<title>Explorer</title>")
        .doesNotContain("<header>\n<h1>")
        .contains("<section class=\"cell md\" id=\"cell-1\">")
        .contains("<h1>Explorer</h1>")
        .contains("<section class=\"cell sql\" id=\"cell-2\">")
        .doesNotContain("without a result set")
        .contains("<th>n</th><th>s</th>")
        .contains("<td class=\"n\">1</td><td>&lt;x&gt;</td>")
        .contains("<td class=\"null\">NULL</td>")
        .contains("first 2 rows shown (more exist; at most 2 are shown, see --limit)")
        .contains("stopped at cell 3")
        .contains(
            "<div class=\"error\">line 11: SQL error: [UNRESOLVED_COLUMN] `nope` &amp; co</div>")
        .contains("not run: the run stopped at cell 3")
        .doesNotContain("<x>")
        .doesNotContain("<script")
        .doesNotContain("src=")
        .doesNotContain("<link");
    assertThat(run.ran(nb.cells().get(1))).isTrue();
    assertThat(run.ran(nb.cells().get(3))).isFalse();
    assertThat(run.statementsRun()).isEqualTo(2);
    assertThat(
            NotebookHtml.rowCount(
                new ResultTable(List.of("a"), List.of(false), List.of(List.of("x")), false), 5))
        .isEqualTo("1 row");
  }

  @Test
  void aCellOfCommandsOnlySaysSoAndANotebookWithoutMarkdownGetsATitle() {
    Notebook nb =
        parse(
            "-- Databricks notebook source",
            "declare or replace variable d date;",
            "set var d = current_date()");
    NotebookRun run = new NotebookRun(nb, 10);
    Cell cell = nb.cells().get(0);
    ResultTable none = new ResultTable(List.of(), List.of(), List.of(), false);
    run.add(cell, cell.statements().get(0), none);
    run.add(cell, cell.statements().get(1), none);
    assertThat(NotebookHtml.render(run))
        .contains("<header>\n<h1>nb.sql</h1>")
        .contains("done: 2 statement(s) without a result set")
        .contains("every cell ran")
        .doesNotContain("<table");
  }

  /** Parsing, splitting and rendering stay Spark-free: only the command in cli runs the SQL. */
  @Test
  void theNotebookPackageImportsNoEngine() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/main/java/com/crmanalytics/notebook"))) {
      List<Path> sources = files.filter(p -> p.toString().endsWith(".java")).toList();
      assertThat(sources).hasSizeGreaterThanOrEqualTo(5);
      for (Path source : sources) {
        String text = Files.readString(source);
        for (String forbidden :
            List.of(
                "import org.apache.spark",
                "import scala.",
                "import io.delta",
                "import org.apache.hadoop")) {
          assertThat(text)
              .as("%s must not contain '%s'", source, forbidden)
              .doesNotContain(forbidden);
        }
      }
    }
  }
}

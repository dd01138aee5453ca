package com.crmanalytics.notebook;

import static com.crmanalytics.notebook.Markdown.escape;

import java.util.List;

/**
 * One self-contained HTML page (no scripts, no external files) showing a notebook run: Markdown
 * cells rendered, SQL cells with their SQL (folded) and result tables, each cell numbered, each
 * result with its row count (statements without a result set, such as SET VAR, are only counted);
 * at most {@link NotebookRun#limit()} rows per result. A run that stopped shows the failing cell's
 * error and marks the later cells as not run.
 */
public final class NotebookHtml {
  private static final String STYLE =
      """
      body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1d2733; margin: 2rem auto; max-width: 75rem; padding: 0 1rem; line-height: 1.45; }
      header { border-bottom: 2px solid #1f5f99; margin-bottom: 1.5rem; }
      header p { color: #5b6876; margin: .3rem 0 .8rem; }
      .cell { display: flex; gap: .8rem; margin: 0 0 1.2rem; }
      .num { flex: 0 0 3.2rem; text-align: right; color: #8a96a3; font: .85rem monospace; padding-top: .25rem; }
      .body { flex: 1 1 auto; min-width: 0; }
      .sql .body { border-left: 3px solid #d6dee6; padding-left: .8rem; }
      .cell-title { font-weight: 600; margin-bottom: .3rem; }
      details summary { cursor: pointer; color: #5b6876; font-size: .85rem; }
      pre { background: #f4f6f8; padding: .6rem .8rem; overflow-x: auto; font-size: .85rem; }
      code { background: #f4f6f8; padding: 0 .2rem; font-size: .9em; }
      pre code { background: none; padding: 0; }
      .scroll { overflow-x: auto; max-height: 40rem; overflow-y: auto; margin-top: .4rem; }
      table { border-collapse: collapse; font-size: .85rem; }
      th, td { border: 1px solid #d6dee6; padding: .2rem .5rem; white-space: nowrap; }
      th { background: #eef2f6; position: sticky; top: 0; text-align: left; }
      td.n { text-align: right; font-variant-numeric: tabular-nums; }
      td.null { color: #a0a8b0; font-style: italic; }
      table.md td, table.md th { white-space: normal; }
      .count { color: #5b6876; font-size: .8rem; margin: .2rem 0 .8rem; }
      .error { background: #fdecea; border: 1px solid #e0a39c; color: #8a1f11; padding: .5rem .8rem; white-space: pre-wrap; }
      .not-run { color: #8a96a3; font-style: italic; }
      """;

  private NotebookHtml() {}

  public static String render(NotebookRun run) {
    Notebook nb = run.notebook();
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(escape(nb.title()))
        .append("</title>\n<style>\n")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n<header>\n");
    if (nb.cells().isEmpty() || nb.cells().get(0).isSql()) {
      // Otherwise the first Markdown cell opens with the title already.
      b.append("<h1>").append(escape(nb.title())).append("</h1>\n");
    }
    b.append("<p>")
        .append(escape(nb.name()))
        .append(" · ")
        .append(nb.cells().size())
        .append(" cells · ")
        .append(
            run.failure().isPresent()
                ? "stopped at cell " + run.failure().get().cell().number()
                : "every cell ran")
        .append(" · each result shows at most ")
        .append(run.limit())
        .append(" rows</p>\n</header>\n");
    run.failure()
        .ifPresent(
            f ->
                b.append("<div class=\"error\">Cell ")
                    .append(f.cell().number())
                    .append(", line ")
                    .append(f.statement().line())
                    .append(": ")
                    .append(escape(f.message()))
                    .append("</div>\n"));
    for (Cell cell : nb.cells()) {
      cell(b, run, cell);
    }
    return b.append("</body>\n</html>\n").toString();
  }

  private static void cell(StringBuilder b, NotebookRun run, Cell cell) {
    b.append("<section class=\"cell ")
        .append(cell.isSql() ? "sql" : "md")
        .append("\" id=\"cell-")
        .append(cell.number())
        .append("\">\n<div class=\"num\">[")
        .append(cell.number())
        .append("]</div>\n<div class=\"body\">\n");
    if (!cell.title().isEmpty()) {
      b.append("<div class=\"cell-title\">").append(escape(cell.title())).append("</div>\n");
    }
    if (!cell.isSql()) {
      b.append(Markdown.toHtml(cell.source()));
    } else {
      b.append("<details><summary>SQL</summary><pre><code>")
          .append(escape(cell.source()))
          .append("</code></pre></details>\n");
      List<NotebookRun.Result> results = run.results(cell);
      for (NotebookRun.Result r : results) {
        if (r.table().hasColumns()) {
          result(b, r.table(), run.limit());
        }
      }
      if (!results.isEmpty() && results.stream().noneMatch(r -> r.table().hasColumns())) {
        b.append("<p class=\"count\">done: ")
            .append(results.size())
            .append(" statement(s) without a result set</p>\n");
      }
      run.failure()
          .filter(f -> f.cell().number() == cell.number())
          .ifPresent(
              f ->
                  b.append("<div class=\"error\">line ")
                      .append(f.statement().line())
                      .append(": ")
                      .append(escape(f.message()))
                      .append("</div>\n"));
      if (!run.ran(cell) && run.failure().get().cell().number() != cell.number()) {
        b.append("<p class=\"not-run\">not run: the run stopped at cell ")
            .append(run.failure().get().cell().number())
            .append("</p>\n");
      }
    }
    b.append("</div>\n</section>\n");
  }

  private static void result(StringBuilder b, ResultTable t, int limit) {
    b.append("<div class=\"scroll\"><table class=\"rows\">\n<thead><tr>");
    t.columns().forEach(c -> b.append("<th>").append(escape(c)).append("</th>"));
    b.append("</tr></thead>\n<tbody>\n");
    for (List<String> row : t.rows()) {
      b.append("<tr>");
      for (int i = 0; i < row.size(); i++) {
        String v = row.get(i);
        if (v == null) {
          b.append("<td class=\"null\">NULL</td>");
        } else {
          b.append(t.numeric().get(i) ? "<td class=\"n\">" : "<td>")
              .append(escape(v))
              .append("</td>");
        }
      }
      b.append("</tr>\n");
    }
    b.append("</tbody></table></div>\n<p class=\"count\">")
        .append(rowCount(t, limit))
        .append("</p>\n");
  }

  /** "12 rows", or "first 1000 rows shown (more exist)". */
  public static String rowCount(ResultTable t, int limit) {
    int n = t.rows().size();
    return t.more()
        ? "first " + n + " rows shown (more exist; at most " + limit + " are shown, see --limit)"
        : n + (n == 1 ? " row" : " rows");
  }
}

package com.crmanalytics.notebook;

import com.crmanalytics.error.Errors;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A SQL notebook in Databricks source format, the format Databricks exports and imports: the first
 * line is {@code -- Databricks notebook source}; cells are separated by {@code -- COMMAND
 * ----------}; a cell whose lines all start with {@code -- MAGIC } runs the magic command on its
 * first line ({@code %md}: Markdown); a cell may start with {@code -- DBTITLE 1,<title>}. Only SQL
 * and Markdown cells are accepted: {@code crm notebook run} cannot run {@code %python}, {@code
 * %scala}, {@code %sh}, {@code %run} and the like, and says which cell holds one.
 *
 * @param name how the notebook is named in messages (its path as given)
 * @param cells in file order
 */
public record Notebook(String name, List<Cell> cells) {
  public static final String HEADER = "-- Databricks notebook source";
  public static final String SEPARATOR = "-- COMMAND ----------";
  public static final String MAGIC = "-- MAGIC";
  public static final String TITLE = "-- DBTITLE";

  public Notebook {
    cells = List.copyOf(cells);
  }

  /**
   * Reads and parses a notebook file (UTF-8); a missing file exits 4, one not in the format exits
   * 2.
   */
  public static Notebook read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw Errors.missingInput("notebook", file.toString());
    } catch (CharacterCodingException e) {
      throw Errors.badNotebook(file.toString(), "not UTF-8 text");
    } catch (IOException e) {
      throw Errors.badNotebook(file.toString(), "cannot be read: " + e.getMessage());
    }
    return parse(file.toString(), text);
  }

  /** Parses the text of a notebook; {@code name} is used in error messages. */
  public static Notebook parse(String name, String text) {
    String[] lines =
        text.startsWith("\uFEFF") ? text.substring(1).split("\r?\n", -1) : text.split("\r?\n", -1);
    if (!lines[0].strip().equals(HEADER)) {
      String found = lines[0].strip();
      throw Errors.badNotebook(
          name,
          "not a notebook in Databricks source format: the first line must be '"
              + HEADER
              + "' (found "
              + (found.isEmpty() ? "an empty line" : "'" + abbreviate(found) + "'")
              + ")");
    }
    List<Cell> cells = new ArrayList<>();
    int blockStart = 1;
    for (int i = 1; i <= lines.length; i++) {
      if (i == lines.length || lines[i].strip().equals(SEPARATOR)) {
        cells.add(cell(name, cells.size() + 1, lines, blockStart, i));
        blockStart = i + 1;
      }
    }
    return new Notebook(name, cells);
  }

  /** The SQL cells, in order. */
  public List<Cell> sqlCells() {
    return cells.stream().filter(Cell::isSql).toList();
  }

  /** A title for the notebook: the first Markdown heading, else the file name. */
  public String title() {
    for (Cell c : cells) {
      if (!c.isSql()) {
        for (String l : c.source().split("\n")) {
          if (l.startsWith("#")) {
            return l.replaceFirst("^#+\\s*", "").strip();
          }
        }
      }
    }
    return Path.of(name).getFileName().toString();
  }

  /** The cell of lines [from, to) (0-based indexes into the file's lines). */
  private static Cell cell(String name, int number, String[] lines, int from, int to) {
    while (from < to && lines[from].isBlank()) {
      from++;
    }
    while (to > from && lines[to - 1].isBlank()) {
      to--;
    }
    String title = "";
    if (from < to && lines[from].startsWith(TITLE)) {
      String t = lines[from];
      title = t.indexOf(',') >= 0 ? t.substring(t.indexOf(',') + 1).strip() : "";
      from++;
    }
    int firstLine = from + 1;
    if (from < to && isMagic(lines[from])) {
      return magicCell(name, number, lines, from, to, title);
    }
    for (int i = from; i < to; i++) {
      if (isMagic(lines[i])) {
        throw Errors.badNotebook(
            name,
            String.format(
                "cell %d (line %d) mixes SQL with '%s' lines: a magic cell must start with '%s %%md' on its first line",
                number, i + 1, MAGIC, MAGIC));
      }
    }
    String sql = String.join("\n", List.of(lines).subList(from, to));
    return new Cell(
        number, firstLine, Cell.Kind.SQL, title, sql, SqlStatements.split(sql, firstLine));
  }

  private static Cell magicCell(
      String name, int number, String[] lines, int from, int to, String title) {
    List<String> content = new ArrayList<>();
    for (int i = from; i < to; i++) {
      String l = lines[i];
      if (l.isBlank()) {
        content.add("");
      } else if (isMagic(l)) {
        String rest = l.substring(MAGIC.length());
        content.add(rest.startsWith(" ") ? rest.substring(1) : rest);
      } else {
        throw Errors.badNotebook(
            name,
            String.format(
                "cell %d (line %d): every line of a magic cell must start with '%s ' (found '%s')",
                number, i + 1, MAGIC, abbreviate(l.strip())));
      }
    }
    String first = content.get(0).strip();
    String command = first.startsWith("%") ? first.split("\\s+", 2)[0] : "";
    String rest =
        first.length() > command.length() ? first.substring(command.length()).strip() : "";
    int firstLine = from + 1;
    switch (command.toLowerCase(Locale.ROOT)) {
      case "%md", "%md-sandbox" -> {
        List<String> md = new ArrayList<>();
        if (!rest.isEmpty()) {
          md.add(rest);
        }
        md.addAll(content.subList(1, content.size()));
        return new Cell(
            number, firstLine, Cell.Kind.MARKDOWN, title, String.join("\n", md).strip(), List.of());
      }
      case "%sql" -> {
        List<String> sqlLines = new ArrayList<>();
        sqlLines.add(rest);
        sqlLines.addAll(content.subList(1, content.size()));
        String sql = String.join("\n", sqlLines);
        return new Cell(
            number,
            firstLine,
            Cell.Kind.SQL,
            title,
            sql.strip(),
            SqlStatements.split(sql, firstLine));
      }
      case "" ->
          throw Errors.badNotebook(
              name,
              String.format(
                  "cell %d (line %d): a '%s' cell must name its magic command on its first line, e.g. '%s %%md'",
                  number, firstLine, MAGIC, MAGIC));
      default ->
          throw Errors.badNotebook(
              name,
              String.format(
                  "cell %d (line %d) is a %s cell; crm notebook runs SQL and %%md cells only",
                  number, firstLine, command));
    }
  }

  private static boolean isMagic(String line) {
    return line.equals(MAGIC) || line.startsWith(MAGIC + " ") || line.startsWith(MAGIC + "\t");
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}

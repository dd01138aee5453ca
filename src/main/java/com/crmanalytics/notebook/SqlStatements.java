package com.crmanalytics.notebook;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the SQL of a cell into statements at semicolons, the way Spark's lexer reads the text: a
 * semicolon inside a string ('…', "…", with backslash escapes; raw strings r'…'), a back-quoted
 * name, a line comment (-- … to the end of the line) or a block comment (nested, as Spark allows)
 * does not end a statement. A statement that starts with BEGIN (a SQL script, whose body holds
 * semicolons) runs to the end of the cell. Comments before a statement are dropped, so that Spark's
 * "line 1" is the statement's first line; comments after its last token are dropped too, and text
 * holding only comments is no statement.
 */
public final class SqlStatements {
  private SqlStatements() {}

  /**
   * @param sql the SQL of one cell
   * @param firstLine the line of the notebook file {@code sql} starts on
   */
  public static List<Statement> split(String sql, int firstLine) {
    List<Statement> statements = new ArrayList<>();
    int n = sql.length();
    int line = firstLine;
    int start = -1;
    int startLine = 0;
    boolean script = false;
    // The end of the statement's last token: comments and blanks after it are not part of it.
    int end = 0;
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      char next = i + 1 < n ? sql.charAt(i + 1) : '\0';
      if (c == '\n') {
        line++;
        i++;
      } else if (c == '-' && next == '-') {
        i += 2;
        // Spark continues a line comment over a backslash-newline.
        while (i < n && (sql.charAt(i) != '\n' || sql.charAt(i - 1) == '\\')) {
          if (sql.charAt(i) == '\n') {
            line++;
          }
          i++;
        }
      } else if (c == '/' && next == '*') {
        int depth = 1;
        i += 2;
        while (i < n && depth > 0) {
          if (sql.startsWith("/*", i)) {
            depth++;
            i += 2;
          } else if (sql.startsWith("*/", i)) {
            depth--;
            i += 2;
          } else {
            line += sql.charAt(i) == '\n' ? 1 : 0;
            i++;
          }
        }
      } else if (c == ';' && !script) {
        if (start >= 0) {
          statements.add(new Statement(sql.substring(start, end), startLine));
        }
        start = -1;
        i++;
      } else if (Character.isWhitespace(c)) {
        i++;
      } else {
        if (start < 0) {
          start = i;
          startLine = line;
          script = startsWithWord(sql, i, "BEGIN");
        }
        if (c == '\'' || c == '"' || c == '`') {
          int close = skipQuoted(sql, i, c == '`' || isRawPrefix(sql, i));
          line += count(sql, i, close, '\n');
          i = close;
        } else {
          i++;
        }
        end = i;
      }
    }
    if (start >= 0) {
      statements.add(new Statement(sql.substring(start, end), startLine));
    }
    return statements;
  }

  /**
   * The index after the closing quote of the literal or name opening at {@code open} (the end when
   * unclosed).
   */
  private static int skipQuoted(String sql, int open, boolean raw) {
    char quote = sql.charAt(open);
    int i = open + 1;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\\' && !raw) {
        i += 2;
      } else if (c == quote) {
        // A doubled quote ('it''s', ``a``b``) closes and reopens: the same for splitting.
        return i + 1;
      } else {
        i++;
      }
    }
    return sql.length();
  }

  /** r'…' or R"…": no backslash escapes. */
  private static boolean isRawPrefix(String sql, int quote) {
    if (quote < 1 || Character.toLowerCase(sql.charAt(quote - 1)) != 'r') {
      return false;
    }
    return quote < 2 || !isNamePart(sql.charAt(quote - 2));
  }

  private static boolean startsWithWord(String sql, int at, String word) {
    int end = at + word.length();
    return sql.regionMatches(true, at, word, 0, word.length())
        && (end == sql.length() || !isNamePart(sql.charAt(end)));
  }

  private static boolean isNamePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private static int count(String s, int from, int to, char c) {
    int k = 0;
    for (int i = from; i < to && i < s.length(); i++) {
      k += s.charAt(i) == c ? 1 : 0;
    }
    return k;
  }
}

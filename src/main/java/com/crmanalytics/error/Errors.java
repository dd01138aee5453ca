package com.crmanalytics.error;

import java.util.Collection;

/** Every user-facing error of the pipeline, built in one place so messages stay consistent. */
public final class Errors {
  private Errors() {}

  /** A configuration key holds a value that is not allowed. */
  public static CrmException badConfig(String key, Object value, String allowed) {
    return new CrmException(
        ExitCode.USAGE,
        String.format("Invalid configuration: %s = '%s' (allowed: %s)", key, value, allowed),
        null);
  }

  /** A configuration problem that is not about a single value (syntax, missing file). */
  public static CrmException config(String message, Throwable cause) {
    return new CrmException(ExitCode.USAGE, "Invalid configuration: " + message, cause);
  }

  /** A command-line argument that cannot be used. */
  public static CrmException usage(String message) {
    return new CrmException(ExitCode.USAGE, message, null);
  }

  /** A folder or file the run needs is not there. */
  public static CrmException missingInput(String what, String path) {
    return new CrmException(ExitCode.MISSING_INPUT, "Missing input: " + what + ": " + path, null);
  }

  /** An extract lacks a column its mapping asks for. */
  public static CrmException missingColumn(
      String source, String file, String column, Collection<String> found) {
    return new CrmException(
        ExitCode.MISSING_INPUT,
        String.format(
            "Missing input: %s extract %s has no column '%s' (columns found: %s)",
            source, file, column, String.join(", ", found)),
        null);
  }

  /** A file that exists but cannot be read or decoded at all. */
  public static CrmException unreadableFile(String file, String why, Throwable cause) {
    return new CrmException(ExitCode.DATA_QUALITY, "Cannot read " + file + ": " + why, cause);
  }

  /** One or more sources rejected more rows than the quality gate allows. */
  public static CrmException qualityGate(String details) {
    return new CrmException(ExitCode.DATA_QUALITY, "Quality gate failed: " + details, null);
  }

  /** A table the command needs has not been written yet. */
  public static CrmException missingTable(String table, String path, String hint) {
    return new CrmException(
        ExitCode.MISSING_INPUT,
        "Missing input: table " + table + " at " + path + " (" + hint + ")",
        null);
  }

  /** Another process holds the warehouse's lock; the command wrote nothing. */
  public static CrmException warehouseBusy(String lockFile, String holder, String since) {
    return new CrmException(
        ExitCode.WAREHOUSE_BUSY,
        String.format(
            "Warehouse busy: %s is held by %s since %s; wait for it to finish"
                + " (or, if that process is gone, delete the lock file)",
            lockFile, holder, since),
        null);
  }

  /** The lock file exists but cannot be read or created (permissions, store unreachable). */
  public static CrmException lockFailure(String lockFile, String why, Throwable cause) {
    return new CrmException(
        ExitCode.FAILURE, "Cannot take the warehouse lock " + lockFile + ": " + why, cause);
  }

  /**
   * A model cannot be fitted or used on the data of a date (too few repeat buyers, no convergence,
   * a non-finite score): exit 3, and nothing is written.
   */
  public static CrmException modelFit(String message, Throwable cause) {
    return new CrmException(ExitCode.DATA_QUALITY, "Model fit failed: " + message, cause);
  }

  /**
   * A notebook file that cannot be run as written: not in Databricks source format, or a cell in a
   * language other than SQL and Markdown.
   */
  public static CrmException badNotebook(String notebook, String problem) {
    return new CrmException(ExitCode.USAGE, "Notebook " + notebook + ": " + problem, null);
  }

  /**
   * A statement of a notebook cell failed. {@code sqlFault}: the SQL itself is wrong (syntax,
   * unknown table or column, a value it cannot compute), exit 2 as in {@code crm sql}; otherwise
   * exit 1.
   */
  public static CrmException notebookCell(
      String notebook, int cell, int line, String message, boolean sqlFault, Throwable cause) {
    String where = String.format("Notebook %s, cell %d (line %d)", notebook, cell, line);
    return sqlFault
        ? new CrmException(ExitCode.USAGE, where + ": " + message, cause)
        : new CrmException(
            ExitCode.FAILURE,
            where + " failed: " + message + " (run with --verbose for the stack trace)",
            cause);
  }
}

package com.crmanalytics.notebook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What running a notebook produced so far: each statement's result, in order, and the failure that
 * stopped it, if any.
 */
public final class NotebookRun {
  /** A statement that ran, and what it returned. */
  public record Result(Cell cell, Statement statement, ResultTable table) {}

  /** The statement that failed, and Spark's message. */
  public record Failure(Cell cell, Statement statement, String message) {}

  private final Notebook notebook;
  private final int limit;
  private final Map<Integer, List<Result>> results = new LinkedHashMap<>();
  private Failure failure;

  /**
   * @param limit the most rows kept per result
   */
  public NotebookRun(Notebook notebook, int limit) {
    this.notebook = notebook;
    this.limit = limit;
  }

  public Notebook notebook() {
    return notebook;
  }

  public int limit() {
    return limit;
  }

  public void add(Cell cell, Statement statement, ResultTable table) {
    results
        .computeIfAbsent(cell.number(), n -> new ArrayList<>())
        .add(new Result(cell, statement, table));
  }

  public void fail(Cell cell, Statement statement, String message) {
    failure = new Failure(cell, statement, message);
  }

  /** The results of a cell's statements, in order (empty for markdown cells and cells not run). */
  public List<Result> results(Cell cell) {
    return results.getOrDefault(cell.number(), List.of());
  }

  public Optional<Failure> failure() {
    return Optional.ofNullable(failure);
  }

  /** Whether a cell ran, all its statements included; after a failure, later cells did not. */
  public boolean ran(Cell cell) {
    return failure == null || cell.number() < failure.cell().number();
  }

  /** Statements that ran successfully. */
  public int statementsRun() {
    return results.values().stream().mapToInt(List::size).sum();
  }
}

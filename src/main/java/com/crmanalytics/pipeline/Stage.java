package com.crmanalytics.pipeline;

/**
 * One named step of the nightly job. A stage is built with the typed settings it needs and does its
 * work in {@link #run}; {@link StageRunner} owns everything around it (Spark job group, the {@code
 * pipeline_runs} row, timing, clean-up and the line printed for the user).
 *
 * @param <R> what one run of the stage did
 */
public interface Stage<R extends StageResult> {
  /** The stage's name: its {@code pipeline_runs.stage}, its Spark job group and its output line. */
  String name();

  /**
   * Does the stage's work for {@code ctx}'s business date; throws (a {@code CrmException} from
   * {@code Errors}) when it cannot, after which the runner records the failure.
   */
  R run(RunContext ctx);

  /**
   * True for a stage that reports its work in parts ({@link RunContext#part}) rather than as a
   * whole: it then gets no {@code pipeline_runs} row and no line of its own (ingest: one per
   * source).
   */
  default boolean reportsParts() {
    return false;
  }
}

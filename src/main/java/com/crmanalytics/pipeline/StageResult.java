package com.crmanalytics.pipeline;

import com.crmanalytics.contract.PipelineRuns;
import com.crmanalytics.pipeline.RunLog.Counts;
import java.util.List;

/** What a stage (or a part of one) did, as the run log and the user see it. */
public interface StageResult {
  /** One line saying what was done: the {@code pipeline_runs} message and the printed line. */
  String message();

  /** Row counts for {@code pipeline_runs}; none by default. */
  default Counts counts() {
    return Counts.NONE;
  }

  /** The {@code pipeline_runs} status of a result that is not a failure: succeeded by default. */
  default String status() {
    return PipelineRuns.SUCCEEDED;
  }

  /** Lines printed after the stage's line (where the report was written, say); none by default. */
  default List<String> notes() {
    return List.of();
  }
}

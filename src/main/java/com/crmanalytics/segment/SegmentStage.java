package com.crmanalytics.segment;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.row_number;

import com.crmanalytics.config.PipelineConfig;
import com.crmanalytics.config.PyramidSettings;
import com.crmanalytics.config.RfmSettings;
import com.crmanalytics.contract.CustomerFeatures;
import com.crmanalytics.contract.CustomerSegments;
import com.crmanalytics.contract.ModelRuns;
import com.crmanalytics.error.Errors;
import com.crmanalytics.io.Warehouse;
import com.crmanalytics.pipeline.RunContext;
import com.crmanalytics.pipeline.RunLog.Counts;
import com.crmanalytics.pipeline.Stage;
import com.crmanalytics.pipeline.StageResult;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;

/**
 * Stage {@code segment}: from {@code customer_features} at {@code as_of_date = D}, writes {@code
 * customer_segments} for D (one row per customer of the features: RFM scores, rfm_cell, named
 * segment, pyramid tier and rank) and the {@code model_runs} row {@code model = 'rfm'} for D with
 * the score breaks and tier cuts used. Uses nothing but the features of D, so it is as
 * point-in-time as they are.
 *
 * <p>Scores come from exact breaks (a few order statistics, {@link OrderStatistics}) applied with a
 * {@code when} chain; the pyramid rank is one global window (fine to a few million customers).
 */
public final class SegmentStage implements Stage<SegmentStage.Result> {
  public static final String STAGE = "segment";

  private static final String R_VALUE = "_r_value";

  /** What one run of the stage did. */
  public record Result(long customers, Map<String, Double> thresholds, String message)
      implements StageResult {
    @Override
    public Counts counts() {
      return new Counts(customers, customers, null, null);
    }
  }

  /**
   * The segments (lazy) and what was computed to build them.
   *
   * @param thresholds score breaks and tier cuts, named as in model_runs.thresholds (README)
   */
  public record Segmentation(
      Dataset<Row> segments,
      long customers,
      Map<String, Double> params,
      Map<String, Double> thresholds,
      Map<String, Double> metrics) {}

  private final RfmSettings rfm;
  private final PyramidSettings pyramid;

  public SegmentStage(RfmSettings rfm, PyramidSettings pyramid) {
    this.rfm = rfm;
    this.pyramid = pyramid;
  }

  /** The stage with its settings from {@code config}. */
  public static SegmentStage from(PipelineConfig config) {
    return new SegmentStage(config.rfm(), config.pyramid());
  }

  @Override
  public String name() {
    return STAGE;
  }

  @Override
  public Result run(RunContext ctx) {
    LocalDate d = ctx.businessDate();
    Warehouse wh = ctx.warehouse();
    Dataset<Row> features = ctx.persist(input(wh, d));
    Segmentation s = transform(features, rfm, pyramid);
    if (s.customers() == 0) {
      throw Errors.missingInput(
          "customer_features for " + d + " (run: crm features --date " + d + ")",
          wh.path(CustomerFeatures.CONTRACT));
    }
    wh.replaceDate(CustomerSegments.CONTRACT, CustomerSegments.AS_OF_DATE, d, s.segments());
    Row run =
        RowFactory.create(
            ctx.runId(),
            Date.valueOf(d),
            ModelRuns.RFM,
            s.params(),
            null,
            s.customers(),
            null,
            null,
            s.metrics(),
            s.thresholds());
    wh.replaceDate(
        ModelRuns.CONTRACT,
        ModelRuns.AS_OF_DATE,
        d,
        ModelRuns.MODEL,
        List.of(ModelRuns.RFM),
        ctx.spark().createDataFrame(List.of(run), ModelRuns.CONTRACT.schema()));
    String message = String.format("%d customers scored and tiered as of %s", s.customers(), d);
    return new Result(s.customers(), s.thresholds(), message);
  }

  /** The columns of customer_features of D that scoring needs. */
  private static Dataset<Row> input(Warehouse wh, LocalDate d) {
    return wh.read(CustomerFeatures.CONTRACT)
        .filter(col(CustomerFeatures.AS_OF_DATE).equalTo(lit(d)))
        .select(
            CustomerFeatures.CUSTOMER_ID,
            CustomerFeatures.AS_OF_DATE,
            CustomerFeatures.RECENCY_DAYS,
            CustomerFeatures.FREQUENCY,
            CustomerFeatures.MONETARY,
            CustomerFeatures.MONETARY_MARGIN);
  }

  /**
   * Scores, segments and tiers the customers of one date. Runs a few small jobs (the count and the
   * breaks, collecting at most bins + tiers values each); the returned segments are lazy.
   *
   * @param features customer_id, as_of_date, recency_days, frequency, monetary, monetary_margin
   */
  public static Segmentation transform(
      Dataset<Row> features, RfmSettings rfm, PyramidSettings pyramid) {
    String measure =
        pyramid.measure() == PyramidSettings.Measure.MARGIN
            ? CustomerFeatures.MONETARY_MARGIN
            : CustomerFeatures.MONETARY;
    Dataset<Row> input = features.withColumn(R_VALUE, negate(col(CustomerFeatures.RECENCY_DAYS)));
    long n = input.count();
    int bins = rfm.bins();
    List<TierCuts.Cut> cuts = TierCuts.cuts(n, pyramid.tiers());
    Map<String, Collection<Long>> positions = new LinkedHashMap<>();
    for (String c : List.of(R_VALUE, CustomerFeatures.FREQUENCY, CustomerFeatures.MONETARY)) {
      positions.put(c, new TreeSet<>(ScoreColumns.breakPositions(n, bins).values()));
    }
    // By revenue, the pyramid ranks the monetary column: one ranking serves both.
    positions
        .computeIfAbsent(measure, c -> new TreeSet<>())
        .addAll(ScoreColumns.tierPositions(n, cuts).values());
    Map<String, Map<Long, BigDecimal>> values = OrderStatistics.valuesAt(input, positions);

    Map<String, Double> thresholds = new LinkedHashMap<>();
    // Recency is scored on −recency_days (larger is better); its breaks are reported in days.
    Column r =
        ScoreColumns.score(
            R_VALUE, n, bins, values.get(R_VALUE), ModelRuns::recencyBreak, true, thresholds);
    Column f =
        ScoreColumns.score(
            CustomerFeatures.FREQUENCY,
            n,
            bins,
            values.get(CustomerFeatures.FREQUENCY),
            ModelRuns::frequencyBreak,
            false,
            thresholds);
    Column m =
        ScoreColumns.score(
            CustomerFeatures.MONETARY,
            n,
            bins,
            values.get(CustomerFeatures.MONETARY),
            ModelRuns::monetaryBreak,
            false,
            thresholds);
    Map<String, Double> metrics = new LinkedHashMap<>();
    Column tier =
        ScoreColumns.tiers(
            n, cuts, values.get(measure), pyramid.measure().id(), thresholds, metrics);

    Column rank =
        row_number()
            .over(Window.orderBy(col(measure).desc(), col(CustomerFeatures.CUSTOMER_ID).asc()));
    Dataset<Row> segments =
        input
            .withColumn(CustomerSegments.R_SCORE, r)
            .withColumn(CustomerSegments.F_SCORE, f)
            .withColumn(CustomerSegments.M_SCORE, m)
            .withColumn(CustomerSegments.TIER_RANK, rank)
            .withColumn(
                CustomerSegments.RFM_CELL,
                concat(
                    col(CustomerSegments.R_SCORE).cast("string"),
                    col(CustomerSegments.F_SCORE).cast("string"),
                    col(CustomerSegments.M_SCORE).cast("string")))
            .withColumn(
                CustomerSegments.SEGMENT,
                element_at(
                    ScoreColumns.segmentLookup(bins),
                    concat(
                        col(CustomerSegments.R_SCORE).cast("string"),
                        col(CustomerSegments.F_SCORE).cast("string"))))
            .withColumn(CustomerSegments.TIER, tier);

    Map<String, Double> params = new LinkedHashMap<>();
    params.put(ModelRuns.RFM_BINS, (double) bins);
    params.put(ModelRuns.RFM_WINDOW_DAYS, (double) rfm.windowDays());
    pyramid.tiers().forEach(t -> params.put(ModelRuns.pyramidShare(t.name()), t.share()));
    return new Segmentation(
        CustomerSegments.CONTRACT.conform(segments), n, params, thresholds, metrics);
  }
}

package com.crmanalytics.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.crmanalytics.config.ExtractSettings;
import com.crmanalytics.config.PipelineConfig;
import com.crmanalytics.contract.Lineage;
import com.crmanalytics.contract.PipelineRuns;
import com.crmanalytics.contract.Quarantine;
import com.crmanalytics.contract.Source;
import com.crmanalytics.contract.TableContract;
import com.crmanalytics.error.Errors;
import com.crmanalytics.io.ExtractReader;
import com.crmanalytics.io.Warehouse.MergeCounts;
import com.crmanalytics.pipeline.AtOnce;
import com.crmanalytics.pipeline.RunContext;
import com.crmanalytics.pipeline.Stage;
import com.crmanalytics.pipeline.StageResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage {@code ingest}: reads {@code <landing>/D/<source>/} for every source, checks each row
 * against the source's contract and MERGEs the valid rows into its silver table (orders,
 * service_contacts, campaign_touches, customers) on the table's key. Refused rows go to {@code
 * quarantine} for D, exact duplicates are only counted; every source gets a {@code pipeline_runs}
 * row that reconciles. A source over the quality gate leaves its silver table untouched and the
 * stage fails with exit 3.
 */
public final class IngestStage implements Stage<IngestStage.Result> {
  private static final Logger LOG = LoggerFactory.getLogger(IngestStage.class);
  public static final String STAGE = "ingest";

  /** What one run of the stage did: one result per source, in {@link Source} order. */
  public record Result(List<SourceResult> sources) implements StageResult {
    @Override
    public String message() {
      return sources.stream()
          .map(r -> r.source().id() + " " + r.status())
          .collect(Collectors.joining(", "));
    }
  }

  private static final String ANSI = "spark.sql.ansi.enabled";

  private final IngestSettings settings;

  public IngestStage(IngestSettings settings) {
    this.settings = settings;
  }

  /** The stage with its settings from {@code config}. */
  public static IngestStage from(PipelineConfig config) {
    return new IngestStage(IngestSettings.from(config));
  }

  @Override
  public String name() {
    return STAGE;
  }

  /** Each source gets its own {@code pipeline_runs} row ({@code ingest:<source>}) and line. */
  @Override
  public boolean reportsParts() {
    return true;
  }

  @Override
  public Result run(RunContext ctx) {
    // Profiles' expressions must give null, not stop the job, on a value they cannot convert (a row
    // then goes to quarantine as expression_failed); ingest's own casts are try_ casts anyway.
    String ansi = ctx.spark().conf().get(ANSI, "true");
    ctx.spark().conf().set(ANSI, "false");
    try {
      return new Result(runSources(ctx));
    } finally {
      ctx.spark().conf().set(ANSI, ansi);
    }
  }

  private List<SourceResult> runSources(RunContext ctx) {
    ExtractReader reader = new ExtractReader(ctx.spark(), settings.landing());
    Path dateFolder = reader.dateFolder(ctx.businessDate().toString());
    if (!reader.exists(dateFolder)) {
      throw Errors.missingInput("landing folder for " + ctx.businessDate(), dateFolder.toString());
    }
    Map<Source, List<Path>> files = new HashMap<>();
    for (Source source : Source.values()) {
      ExtractSettings extract = settings.extract(source);
      Path folder = new Path(dateFolder, source.id());
      List<Path> found = reader.exists(folder) ? reader.list(folder, extract.pattern()) : List.of();
      if (found.isEmpty() && extract.required()) {
        throw Errors.missingInput(
            "required source " + source.id() + " (no files matching '" + extract.pattern() + "')",
            folder.toString());
      }
      files.put(source, found);
    }

    for (Source source : Source.values()) {
      if (!files.get(source).isEmpty()) {
        Expressions.check(ctx.spark(), settings.extract(source));
      }
    }

    // The sources at once, each on its own thread: a large extract is read by a single task (its
    // lines are numbered in order, ExtractReader), so one after the other a second core idled while
    // the orders file was read. They share only the quarantine table and the run log, written one
    // at a time; when sources fail, the others still finish and the first failure is thrown.
    List<Supplier<SourceResult>> each = new ArrayList<>();
    for (Source source : Source.values()) {
      each.add(
          () ->
              ctx.part(
                  STAGE + ":" + source.id(),
                  STAGE + " " + source.id(),
                  () ->
                      files.get(source).isEmpty()
                          ? new SourceResult(
                              source,
                              PipelineRuns.SKIPPED,
                              0,
                              0,
                              0,
                              0,
                              "no extract (optional source)")
                          : ingest(ctx, reader, source, files.get(source))));
    }
    List<SourceResult> results = AtOnce.run("ingest-source", each.size(), each);

    List<String> problems = new ArrayList<>();
    for (SourceResult r : results) {
      if (r.status().equals(PipelineRuns.REJECTED)) {
        problems.add(r.message());
      }
      r.refusedFiles().forEach((file, why) -> problems.add("refused file " + file + ": " + why));
    }
    String rejected = String.join("; ", problems);
    if (!rejected.isEmpty()) {
      throw Errors.qualityGate(rejected);
    }
    return results;
  }

  private SourceResult ingest(
      RunContext ctx, ExtractReader reader, Source source, List<Path> files) {
    ExtractSettings extract = settings.extract(source);
    TableContract table = source.table();
    ExtractReader.Extract loaded =
        reader.read(
            extract,
            files,
            extract.wantedColumns(table.valueColumns()),
            extract.neededColumns(table));
    loaded
        .refused()
        .forEach((file, why) -> LOG.warn("ingest {}: refused file {}: {}", source.id(), file, why));
    String refusedNote =
        loaded.refused().isEmpty()
            ? ""
            : "; refused "
                + loaded.refused().size()
                + " file(s), not ingested: "
                + loaded.refused().entrySet().stream()
                    .map(e -> e.getKey() + " (" + e.getValue() + ")")
                    .collect(Collectors.joining(", "));
    Dataset<Row> classified =
        Deduplicator.classify(
                RecordValidator.validate(loaded.rows(), extract, table, ctx.businessDate()),
                table,
                extract.deriveLineNumbers(),
                extract.identicalLines())
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Map<String, Long> outcomes = new HashMap<>();
      for (Row r : classified.groupBy(Deduplicator.OUTCOME).count().collectAsList()) {
        outcomes.put(r.getString(0), r.getLong(1));
      }
      long accepted = outcomes.getOrDefault(Deduplicator.ACCEPTED, 0L);
      long quarantined = outcomes.getOrDefault(Deduplicator.QUARANTINED, 0L);
      long copies = outcomes.getOrDefault(Deduplicator.DUPLICATE, 0L);
      long anonymous = outcomes.getOrDefault(Deduplicator.ANONYMOUS, 0L);
      long read = accepted + quarantined + copies + anonymous;

      writeQuarantine(
          ctx,
          source,
          classified.filter(col(Deduplicator.OUTCOME).equalTo(Deduplicator.QUARANTINED)));

      long judged = read - anonymous;
      double ratio = judged == 0 ? 0 : (double) quarantined / judged;
      if (ratio > settings.maxRejectRatio()) {
        // Nothing reaches silver: rows_accepted and rows_anonymous are 0, the valid count is in the
        // message.
        String message =
            String.format(
                "%s rejected %d of %d rows%s (%.1f%% > quality.max-reject-ratio %.1f%%); silver %s left untouched, "
                    + "see quarantine: nothing written (%d valid rows held back)%s",
                source.id(),
                quarantined,
                judged,
                anonymous > 0 ? " with a customer" : "",
                100 * ratio,
                100 * settings.maxRejectRatio(),
                table.name(),
                accepted + anonymous,
                refusedNote);
        return new SourceResult(
            source,
            PipelineRuns.REJECTED,
            read,
            0,
            quarantined,
            copies,
            0,
            message,
            loaded.refused());
      }

      MergeCounts merged =
          ctx.warehouse().merge(table, kept(ctx, classified, Deduplicator.ACCEPTED));
      // Anonymous rows are merged on their own so that rows_accepted counts only rows with a
      // customer.
      if (anonymous > 0) {
        ctx.warehouse().merge(table, kept(ctx, classified, Deduplicator.ANONYMOUS));
      }
      long written = merged.inserted() + merged.updated();
      long duplicate = copies + (accepted - written);
      String message =
          String.format(
              "read %d from %d file(s): %d inserted, %d updated, %d quarantined, %d duplicate, %d anonymous%s",
              read,
              files.size(),
              merged.inserted(),
              merged.updated(),
              quarantined,
              duplicate,
              anonymous,
              refusedNote);
      return new SourceResult(
          source,
          PipelineRuns.SUCCEEDED,
          read,
          written,
          quarantined,
          duplicate,
          anonymous,
          message,
          loaded.refused());
    } finally {
      classified.unpersist();
    }
  }

  private static Dataset<Row> kept(RunContext ctx, Dataset<Row> classified, String outcome) {
    return classified
        .filter(col(Deduplicator.OUTCOME).equalTo(outcome))
        .withColumn(Lineage.BUSINESS_DATE, lit(ctx.businessDate()))
        .withColumn(Lineage.RUN_ID, lit(ctx.runId()));
  }

  /** The quarantine table is written by one source at a time (a Delta transaction each). */
  private static synchronized void writeQuarantine(
      RunContext ctx, Source source, Dataset<Row> refused) {
    Dataset<Row> rows =
        refused
            .withColumn(Quarantine.RUN_ID, lit(ctx.runId()))
            .withColumn(Quarantine.BUSINESS_DATE, lit(ctx.businessDate()))
            .withColumn(Quarantine.SOURCE, lit(source.id()))
            .withColumn(Quarantine.RAW_RECORD, RecordMask.rawRecord(source.table()));
    ctx.warehouse()
        .replaceDate(
            Quarantine.CONTRACT,
            Quarantine.BUSINESS_DATE,
            ctx.businessDate(),
            Quarantine.SOURCE,
            List.of(source.id()),
            rows);
  }
}

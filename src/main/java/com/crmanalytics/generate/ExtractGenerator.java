package com.crmanalytics.generate;

import com.crmanalytics.contract.ReasonCode;
import com.crmanalytics.contract.Source;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes synthetic landing folders {@code <out>/<date>/<source>/} (one initial load, then one
 * folder per daily increment) and the ground truth in {@code <out>/_truth/}. Customers are
 * simulated in blocks on all cores and appended in customer order by one writer, so the bytes
 * depend only on the options, and memory stays bounded at a few blocks whatever the customer count.
 */
public final class ExtractGenerator {
  /** Folder of the ground truth, beside the date folders (ingest ignores it: it is not a date). */
  public static final String TRUTH = "_truth";

  public static final String TRUTH_CUSTOMERS = "customers.csv";
  public static final String TRUTH_BAD_ROWS = "bad_rows.csv";
  public static final String TRUTH_PARAMS = "params.json";
  public static final String TRUTH_CAMPAIGNS = "campaigns.csv";
  public static final String TRUTH_CAMPAIGN_EFFECTS = "campaign_effects.csv";

  private static final int BLOCK = 2_000;
  private static final Map<Source, String> FILE_NAMES =
      Map.of(
          Source.ORDERS,
          "orders",
          Source.SERVICE,
          "contacts",
          Source.CAMPAIGNS,
          "touches",
          Source.CUSTOMERS,
          "customers");

  /** What was written. */
  public record Summary(
      Map<Source, Long> rows, Map<Source, Long> badRows, List<String> dates, long bytes) {}

  private final GeneratorOptions options;
  private final Timeline timeline;
  private final List<Campaign> campaigns;
  private final List<List<ReasonCode>> codes = new ArrayList<>();

  public ExtractGenerator(GeneratorOptions options) {
    this.options = options;
    this.timeline = new Timeline(options);
    this.campaigns = Campaign.plan(options, timeline);
    for (Source s : Source.values()) {
      codes.add(BadRows.codes(s, options.format()));
    }
  }

  /** The file name of a source's extract, e.g. {@code orders.csv}. */
  public static String fileName(Source source, ExtractFormat format) {
    return FILE_NAMES.get(source) + "." + format.extension();
  }

  public Summary run() {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "generate");
              t.setDaemon(true);
              return t;
            });
    ThreadLocal<CustomerSimulator> simulators =
        ThreadLocal.withInitial(() -> new CustomerSimulator(options, timeline, campaigns));
    Path out = options.out();
    Map<Source, Long> rows = new EnumMap<>(Source.class);
    Map<Source, Long> badRows = new EnumMap<>(Source.class);
    for (Source s : Source.values()) {
      rows.put(s, 0L);
      badRows.put(s, 0L);
    }
    CampaignEffects effects = new CampaignEffects(CampaignEffects.all(campaigns).size());
    List<String> dates = new ArrayList<>();
    for (int f = 0; f < timeline.folders(); f++) {
      dates.add(timeline.folderDate(f).toString());
    }
    try {
      Files.createDirectories(out.resolve(TRUTH));
      ExtractGeneratorOutput[] outputs =
          new ExtractGeneratorOutput[timeline.folders() * Source.values().length];
      long[] written = new long[outputs.length];
      try (OutputStream truth = stream(out.resolve(TRUTH).resolve(TRUTH_CUSTOMERS));
          OutputStream badTruth = stream(out.resolve(TRUTH).resolve(TRUTH_BAD_ROWS))) {
        truth.write((CustomerSimulator.TRUTH_HEADER + "\n").getBytes(StandardCharsets.UTF_8));
        badTruth.write(
            "business_date,source,source_file,line_number,reason_code\n"
                .getBytes(StandardCharsets.UTF_8));
        for (int f = 0; f < timeline.folders(); f++) {
          for (Source s : Source.values()) {
            int slot = Block.slot(f, s);
            Path dir = out.resolve(dates.get(f)).resolve(s.id());
            Files.createDirectories(dir);
            outputs[slot] =
                options.format() == ExtractFormat.parquet
                    ? new ParquetOutput(dir.resolve(fileName(s, options.format())), s)
                    : new TextOutput(
                        dir.resolve(fileName(s, options.format())), s, options.format());
            written[slot] = outputs[slot].linesBefore();
          }
        }
        ArrayDeque<Future<Block>> inflight = new ArrayDeque<>();
        long customers = options.customers();
        for (long first = 0; first < customers || !inflight.isEmpty(); ) {
          if (first < customers && inflight.size() < 2 * threads) {
            long start = first;
            long count = Math.min(BLOCK, customers - first);
            inflight.add(
                pool.submit(
                    () ->
                        new Block(start, count, options, timeline, codes, effects.treated.length)
                            .fill(simulators.get())));
            first += count;
            continue;
          }
          Block block = inflight.poll().get();
          for (Block.BadEntry e : block.bad) {
            int folder = e.slot() / Source.values().length;
            Source source = Source.values()[e.slot() % Source.values().length];
            String file =
                dates.get(folder) + "/" + source.id() + "/" + fileName(source, options.format());
            String line =
                dates.get(folder)
                    + ","
                    + source.id()
                    + ","
                    + file
                    + ","
                    + (written[e.slot()] + e.offset() + 1)
                    + ","
                    + e.code().code()
                    + "\n";
            badTruth.write(line.getBytes(StandardCharsets.UTF_8));
          }
          for (int slot = 0; slot < outputs.length; slot++) {
            outputs[slot].write(block, slot);
            written[slot] += block.lines[slot];
          }
          truth.write(block.truth.toString().getBytes(StandardCharsets.UTF_8));
          effects.add(block.effects);
          for (Source s : Source.values()) {
            rows.merge(s, block.realRows[s.ordinal()], Long::sum);
            badRows.merge(s, block.badRows[s.ordinal()], Long::sum);
          }
        }
      } finally {
        for (ExtractGeneratorOutput o : outputs) {
          if (o != null) {
            o.close();
          }
        }
      }
      writeCampaigns(out.resolve(TRUTH).resolve(TRUTH_CAMPAIGNS));
      effects.write(
          out.resolve(TRUTH).resolve(TRUTH_CAMPAIGN_EFFECTS), CampaignEffects.all(campaigns));
      writeParams(out.resolve(TRUTH).resolve(TRUTH_PARAMS), rows, badRows, dates);
      long bytes;
      try (var files = Files.walk(out)) {
        bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
      }
      return new Summary(rows, badRows, dates, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("simulation failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private void writeCampaigns(Path file) throws IOException {
    StringBuilder sb =
        new StringBuilder(
            "campaign_id,campaign_name,channel,sent_ts,cost_per_touch,reach,value_targeted,win_back\n");
    for (Campaign c : CampaignEffects.all(campaigns)) {
      sb.append(c.id())
          .append(",\"")
          .append(c.name())
          .append("\",")
          .append(c.channel())
          .append(',')
          .append(c.sentAt() < 0 ? "triggered" : timeline.timestamp(c.sentAt()))
          .append(',')
          .append(Timeline.money(c.costCents()))
          .append(',')
          .append(String.format(Locale.ROOT, "%.4f", c.reach()))
          .append(',')
          .append(c.valueTargeted())
          .append(',')
          .append(c.winBack())
          .append('\n');
    }
    Files.writeString(file, sb);
  }

  private void writeParams(
      Path file, Map<Source, Long> rows, Map<Source, Long> badRows, List<String> dates)
      throws IOException {
    GeneratorParams p = options.params();
    StringBuilder sb = new StringBuilder("{\n");
    sb.append("  \"customers\": ").append(options.customers()).append(",\n");
    sb.append("  \"from\": \"").append(options.from()).append("\",\n");
    sb.append("  \"to\": \"").append(options.to()).append("\",\n");
    sb.append("  \"initial_load\": \"").append(options.initialLoad()).append("\",\n");
    sb.append("  \"increments\": ").append(options.increments()).append(",\n");
    sb.append("  \"seed\": ").append(options.seed()).append(",\n");
    sb.append("  \"format\": \"").append(options.format()).append("\",\n");
    sb.append("  \"bad_row_rate\": ").append(options.badRowRate()).append(",\n");
    sb.append("  \"time_unit\": \"week\",\n");
    sb.append("  \"bg_nbd\": {\"r\": ")
        .append(p.r())
        .append(", \"alpha\": ")
        .append(p.alpha())
        .append(", \"a\": ")
        .append(p.a())
        .append(", \"b\": ")
        .append(p.b())
        .append("},\n");
    sb.append("  \"gamma_gamma\": {\"p\": ")
        .append(p.p())
        .append(", \"q\": ")
        .append(p.q())
        .append(", \"gamma\": ")
        .append(p.gamma())
        .append(", \"mean_spend\": ")
        .append(p.meanSpend())
        .append("},\n");
    sb.append("  \"dates\": [")
        .append(String.join(", ", dates.stream().map(d -> "\"" + d + "\"").toList()))
        .append("],\n");
    sb.append("  \"rows\": {");
    appendCounts(sb, rows);
    sb.append("},\n  \"bad_rows\": {");
    appendCounts(sb, badRows);
    sb.append("}\n}\n");
    Files.writeString(file, sb);
  }

  private static void appendCounts(StringBuilder sb, Map<Source, Long> counts) {
    List<String> parts = new ArrayList<>();
    counts.forEach((s, n) -> parts.add("\"" + s.id() + "\": " + n));
    sb.append(String.join(", ", parts));
  }

  static OutputStream stream(Path file) throws IOException {
    return new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
  }
}

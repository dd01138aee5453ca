package com.crmanalytics.generate;

import com.crmanalytics.contract.ReasonCode;
import com.crmanalytics.contract.Source;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.random.RandomDataGenerator;

/**
 * The rows of a consecutive range of customers, rendered per (landing folder, source) and held
 * until the writer appends them in order; bad rows are injected here, each remembered with its
 * position.
 */
final class Block implements CustomerSimulator.RowSink {
  /**
   * An injected bad row: its file slot, its line within this block's part of the file, its reason.
   */
  record BadEntry(int slot, int offset, ReasonCode code) {}

  private static final int SOURCES = Source.values().length;
  private static final String[][] COLUMNS = new String[SOURCES][];
  private static final Layout.Kind[][] KINDS = new Layout.Kind[SOURCES][];

  static {
    for (Source s : Source.values()) {
      COLUMNS[s.ordinal()] = Layout.columns(s);
      KINDS[s.ordinal()] = Layout.kinds(s);
    }
  }

  final long first;
  final long count;
  private final GeneratorOptions options;
  private final Timeline timeline;
  private final List<List<ReasonCode>> codes;
  private final StringBuilder[] text;
  private final List<List<String[]>> rows;
  final int[] lines;
  final byte[][] bytes;
  final List<BadEntry> bad = new ArrayList<>();
  final long[] realRows = new long[SOURCES];
  final long[] badRows = new long[SOURCES];
  final StringBuilder truth = new StringBuilder();
  final CampaignEffects effects;
  private final int[] forcedNext;
  private RandomDataGenerator badRng;
  private long customer;
  private int badSeq;

  Block(
      long first,
      long count,
      GeneratorOptions options,
      Timeline timeline,
      List<List<ReasonCode>> codes,
      int campaigns) {
    this.first = first;
    this.effects = new CampaignEffects(campaigns);
    this.count = count;
    this.options = options;
    this.timeline = timeline;
    this.codes = codes;
    int slots = timeline.folders() * SOURCES;
    this.text = new StringBuilder[slots];
    this.rows = new ArrayList<>();
    this.lines = new int[slots];
    this.bytes = new byte[slots][];
    for (int i = 0; i < slots; i++) {
      if (options.format() == ExtractFormat.parquet) {
        rows.add(new ArrayList<>());
      } else {
        text[i] = new StringBuilder();
      }
    }
    // The first block guarantees one bad row of every applicable code per source in the initial
    // load.
    this.forcedNext = first == 0 && options.badRowRate() > 0 ? new int[SOURCES] : null;
  }

  static int slot(int folder, Source source) {
    return folder * SOURCES + source.ordinal();
  }

  /** Simulates the block's customers. */
  Block fill(CustomerSimulator simulator) {
    for (long i = first; i < first + count; i++) {
      customer = i;
      badSeq = 0;
      badRng = options.badRowRate() > 0 ? CustomerSimulator.stream(options.seed(), i, 4) : null;
      simulator.simulate(i, this);
    }
    for (int s = 0; s < text.length; s++) {
      if (text[s] != null) {
        bytes[s] = text[s].toString().getBytes(StandardCharsets.UTF_8);
        text[s] = null;
      }
    }
    return this;
  }

  List<String[]> rows(int slot) {
    return rows.get(slot);
  }

  @Override
  public void row(int folder, Source source, String[] values) {
    append(folder, source, values, false);
    realRows[source.ordinal()]++;
    if (badRng == null) {
      return;
    }
    List<ReasonCode> applicable = codes.get(source.ordinal());
    ReasonCode code = null;
    if (forcedNext != null && folder == 0 && forcedNext[source.ordinal()] < applicable.size()) {
      code = applicable.get(forcedNext[source.ordinal()]++);
    } else if (badRng.nextDouble() < options.badRowRate()) {
      code = applicable.get(badRng.nextInt(applicable.size()));
    }
    if (code == null) {
      return;
    }
    String future = timeline.date(timeline.folderEnd(folder) + badRng.nextInt(20) * Timeline.DAY);
    String suffix = "-B" + customer + "-" + (++badSeq);
    for (BadRows.Line line : BadRows.make(source, code, values, future, suffix, badRng)) {
      bad.add(new BadEntry(slot(folder, source), lines[slot(folder, source)], code));
      append(folder, source, line.values(), line.malformed());
      badRows[source.ordinal()]++;
    }
  }

  private void append(int folder, Source source, String[] values, boolean malformed) {
    int slot = slot(folder, source);
    lines[slot]++;
    switch (options.format()) {
      case csv -> TextRows.csv(text[slot], values, malformed);
      case jsonl ->
          TextRows.jsonl(
              text[slot], COLUMNS[source.ordinal()], KINDS[source.ordinal()], values, malformed);
      case parquet -> rows.get(slot).add(values);
    }
  }

  @Override
  public void truth(String line) {
    truth.append(line).append('\n');
  }

  @Override
  public void touch(int campaign, boolean control) {
    effects.touch(campaign, control);
  }

  @Override
  public void incremental(int campaign, long netCents) {
    effects.incremental(campaign, netCents);
  }
}

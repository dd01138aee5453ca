package com.crmanalytics.report;

import com.crmanalytics.contract.ReportMigration;
import com.crmanalytics.contract.Reports;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.Row;

/**
 * The movements of report_migration: who moved between segments and tiers since the previous date,
 * counted for "what changed" and drawn as heat maps. A null from_value is a new customer, a null
 * to_value one who is no longer a customer.
 */
final class Migration {
  static final String SEGMENT = ReportMigration.DIMENSION_SEGMENT;
  static final String TIER = ReportMigration.DIMENSION_TIER;

  private final Context ctx;
  private final List<Row> rows;

  Migration(Context ctx) {
    this.ctx = ctx;
    this.rows = ctx.rows(Reports.MIGRATION);
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  Optional<LocalDate> previousDate() {
    return rows.stream()
        .map(r -> Cells.date(r, ReportMigration.PREVIOUS_AS_OF_DATE))
        .filter(Objects::nonNull)
        .findFirst();
  }

  List<Row> of(String dimension) {
    return Cells.where(rows, ReportMigration.DIMENSION, dimension);
  }

  /** Customers who moved to a higher (up) or lower (down) tier. */
  long tierMoves(boolean up) {
    long n = 0;
    for (Row r : of(TIER)) {
      String from = Cells.str(r, ReportMigration.FROM_VALUE);
      String to = Cells.str(r, ReportMigration.TO_VALUE);
      if (from != null && to != null) {
        int d = Integer.compare(ctx.tierRank(to), ctx.tierRank(from));
        if (up ? d < 0 : d > 0) {
          n += Cells.count(r, ReportMigration.CUSTOMERS);
        }
      }
    }
    return n;
  }

  /** Customers who were not customers on the previous date. */
  long newCustomers() {
    String dim = of(TIER).isEmpty() ? SEGMENT : TIER;
    return of(dim).stream()
        .filter(r -> Cells.str(r, ReportMigration.FROM_VALUE) == null)
        .mapToLong(r -> Cells.count(r, ReportMigration.CUSTOMERS))
        .sum();
  }

  /** The segment with the largest net gain of customers (in minus out), if any segment gained. */
  Optional<Map.Entry<String, Long>> segmentThatGrewMost() {
    Map<String, Long> net = new HashMap<>();
    for (Row r : of(SEGMENT)) {
      String from = Cells.str(r, ReportMigration.FROM_VALUE);
      String to = Cells.str(r, ReportMigration.TO_VALUE);
      long n = Cells.count(r, ReportMigration.CUSTOMERS);
      if (Objects.equals(from, to)) {
        continue;
      }
      if (to != null) {
        net.merge(to, n, Long::sum);
      }
      if (from != null) {
        net.merge(from, -n, Long::sum);
      }
    }
    return net.entrySet().stream()
        .filter(e -> e.getValue() > 0)
        // ties go to the segment named first, so the sentence does not depend on map order
        .max(
            Comparator.comparing((Map.Entry<String, Long> e) -> e.getValue())
                .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()));
  }

  /** The heat map of one dimension: rows from (new customers first), columns to (gone last). */
  String heatMap(String dimension) {
    List<Row> flows = of(dimension);
    java.util.function.ToIntFunction<String> rank =
        TIER.equals(dimension) ? ctx::tierRank : Context::segmentRank;
    List<String> names = new ArrayList<>();
    boolean anyNew = false;
    boolean anyGone = false;
    for (Row r : flows) {
      String from = Cells.str(r, ReportMigration.FROM_VALUE);
      String to = Cells.str(r, ReportMigration.TO_VALUE);
      anyNew |= from == null;
      anyGone |= to == null;
      if (from != null) {
        names.add(from);
      }
      if (to != null) {
        names.add(to);
      }
    }
    List<String> values = Context.ordered(names, rank);
    List<String> from = new ArrayList<>();
    if (anyNew) {
      from.add(null);
    }
    from.addAll(values);
    List<String> to = new ArrayList<>(values);
    if (anyGone) {
      to.add(null);
    }
    long[][] counts = new long[from.size()][to.size()];
    for (Row r : flows) {
      counts[from.indexOf(Cells.str(r, ReportMigration.FROM_VALUE))][
              to.indexOf(Cells.str(r, ReportMigration.TO_VALUE))] +=
          Cells.count(r, ReportMigration.CUSTOMERS);
    }
    HeatMap.Tone[][] tones = new HeatMap.Tone[from.size()][to.size()];
    for (int i = 0; i < from.size(); i++) {
      for (int j = 0; j < to.size(); j++) {
        tones[i][j] = tone(dimension, from.get(i), to.get(j));
      }
    }
    ReportText t = ctx.text;
    java.util.function.Function<String, String> label =
        TIER.equals(dimension) ? ctx::tier : ctx::segment;
    List<String> rowLabels =
        from.stream().map(v -> v == null ? t.text("migration.new") : label.apply(v)).toList();
    List<String> colLabels =
        to.stream().map(v -> v == null ? t.text("migration.gone") : label.apply(v)).toList();
    return HeatMap.draw(
        t.text("migration.chart." + dimension),
        rowLabels,
        colLabels,
        counts,
        tones,
        t.text("migration.from"),
        t.text("migration.to"),
        n -> t.countShort(n),
        n -> t.integer(n));
  }

  private HeatMap.Tone tone(String dimension, String from, String to) {
    if (Objects.equals(from, to)) {
      return HeatMap.Tone.STAY;
    }
    if (!TIER.equals(dimension) || from == null || to == null) {
      return HeatMap.Tone.MOVE;
    }
    return ctx.tierRank(to) < ctx.tierRank(from) ? HeatMap.Tone.UP : HeatMap.Tone.DOWN;
  }

  /** The migration section: both heat maps, or a sentence when there is nothing to compare. */
  String section() {
    ReportText t = ctx.text;
    if (rows.isEmpty()) {
      String sentence =
          ctx.data.previousDate().isEmpty() ? t.text("migration.first") : t.text("migration.none");
      return ctx.section("migration", "wide", null, ctx.empty(sentence), null);
    }
    String since = ctx.date(previousDate().orElse(null));
    String lead =
        of(TIER).isEmpty()
            ? t.text("migration.lead.segments", t.integer(newCustomers()), since)
            : t.text(
                "migration.lead",
                t.integer(tierMoves(true)),
                t.integer(tierMoves(false)),
                t.integer(newCustomers()),
                since);
    StringBuilder body = new StringBuilder("<div class=\"charts\">");
    for (String dimension : List.of(SEGMENT, TIER)) {
      if (!of(dimension).isEmpty()) {
        body.append(Html.figure(t.text("migration.chart." + dimension), heatMap(dimension)));
      }
    }
    body.append("</div>");
    return ctx.section(
        "migration", "wide", lead, body.toString(), t.text("migration.caption", since));
  }
}

package com.crmanalytics.report;

import com.crmanalytics.contract.ReportPyramid;
import com.crmanalytics.contract.Reports;
import com.crmanalytics.contract.TableContract;
import com.crmanalytics.segment.SegmentTable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;

/**
 * What every section of the page needs: the data, the texts of the report's language, the order of
 * tiers and segments, translated names, and the frame of a section.
 */
final class Context {
  /**
   * The default pyramid's tiers, top first: the order of tiers that report_pyramid does not list.
   */
  private static final List<String> KNOWN_TIERS = List.of("vip", "major", "ordinary", "small");

  final ReportData data;
  final ReportText text;
  final Optional<Row> kpis;
  private final List<String> tierOrder;

  Context(ReportData data) {
    this.data = data;
    this.text = new ReportText(data.settings().locale(), data.currency());
    List<Row> k = data.rows(Reports.KPIS);
    this.kpis = k.isEmpty() ? Optional.empty() : Optional.of(k.get(0));
    this.tierOrder =
        data.rows(Reports.PYRAMID).stream()
            .sorted(Comparator.comparingLong(r -> Cells.count(r, ReportPyramid.TIER_ORDER)))
            .map(r -> Cells.str(r, ReportPyramid.TIER))
            .toList();
  }

  List<Row> rows(TableContract table) {
    return data.rows(table);
  }

  /** A number of today's report_kpis row; null when absent. */
  Double kpi(String column) {
    return kpis.map(r -> Cells.num(r, column)).orElse(null);
  }

  /** A number of the previous report_kpis row; null when absent. */
  Double previousKpi(String column) {
    return data.previousKpis().map(r -> Cells.num(r, column)).orElse(null);
  }

  /** Position of a tier from the top (0 = top): report_pyramid's order, then the default tiers. */
  int tierRank(String tier) {
    int i = tierOrder.indexOf(tier);
    if (i >= 0) {
      return i;
    }
    int known = KNOWN_TIERS.indexOf(tier);
    return known >= 0 ? 100 + known : 1000;
  }

  /** Segments in the order of the segment table (best first); unknown names after them, sorted. */
  static int segmentRank(String segment) {
    for (int i = 0; i < SegmentTable.SEGMENTS.size(); i++) {
      if (SegmentTable.SEGMENTS.get(i).name().equals(segment)) {
        return i;
      }
    }
    return 1000;
  }

  /** Sorts names by a rank, then alphabetically. */
  static List<String> ordered(List<String> names, java.util.function.ToIntFunction<String> rank) {
    List<String> out = new ArrayList<>(names.stream().distinct().toList());
    out.sort(Comparator.comparingInt(rank).thenComparing(Comparator.naturalOrder()));
    return out;
  }

  /** A tier's name in the report's language; a custom tier name as it is. */
  String tier(String tier) {
    return tier == null ? text.text("tier.none") : text.term("tier", tier);
  }

  String segment(String segment) {
    return segment == null ? text.text("segment.none") : text.term("segment", segment);
  }

  /** A category, channel or region from the data, translated when it is a known word. */
  String term(String value) {
    return value == null ? text.text("value.none") : text.term("term", value);
  }

  String date(LocalDate d) {
    return text.date(d);
  }

  /**
   * A section of the page: its stable id, heading, the one-line takeaway (bold), the body and a
   * how-to-read caption (either may be null).
   */
  String section(String id, String cssClass, String lead, String body, String caption) {
    StringBuilder s = new StringBuilder();
    s.append("<section id=\"").append(id).append("\" class=\"card ").append(cssClass).append("\">");
    s.append("<h2>").append(Html.escape(text.text("section." + id))).append("</h2>");
    if (lead != null) {
      s.append(Html.p("lead", lead));
    }
    s.append(body);
    if (caption != null) {
      s.append(Html.p("caption", caption));
    }
    return s.append("</section>").toString();
  }

  /** A collapsed table of the exact numbers behind a chart. */
  String numbers(List<String> header, List<List<String>> rows) {
    return "<details class=\"numbers\"><summary>"
        + Html.escape(text.text("numbers.show"))
        + "</summary>"
        + Html.table(header, rows)
        + "</details>";
  }

  /** A sentence saying what is missing, in place of a chart. */
  String empty(String sentence) {
    return Html.p("empty", sentence);
  }
}

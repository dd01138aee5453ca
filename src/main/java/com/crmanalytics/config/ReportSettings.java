package com.crmanalytics.config;

import java.util.List;
import java.util.Locale;

/**
 * The {@code report} section: how {@code crm report} writes the report tables and the HTML report.
 *
 * @param language language of the HTML report: {@code en} or {@code zh-CN}
 * @param attributionDays a converted campaign touch is credited with its customer's orders from the
 *     touch's day to this many days after it
 * @param recentDays "new customers" are those whose first order is in the last recentDays days
 * @param actions the groups of customers of "what to do next" ({@code report.actions})
 */
public record ReportSettings(
    String language, int attributionDays, int recentDays, List<ReportAction> actions) {
  /** Values of {@code report.language}. */
  public static final List<String> LANGUAGES = List.of("en", "zh-CN");

  public ReportSettings {
    actions = List.copyOf(actions);
  }

  /** Without actions: the report has no "what to do next" groups. */
  public ReportSettings(String language, int attributionDays, int recentDays) {
    this(language, attributionDays, recentDays, List.of());
  }

  /** The locale of the report's labels and number formats. */
  public Locale locale() {
    return Locale.forLanguageTag(language);
  }
}

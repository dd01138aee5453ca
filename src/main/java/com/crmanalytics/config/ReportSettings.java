package com.crmanalytics.config;

import static com.crmanalytics.config.ConfigValues.integer;
import static com.crmanalytics.config.ConfigValues.oneOf;

import com.crmanalytics.error.Errors;
import com.typesafe.config.Config;
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

  /**
   * Reads and validates the {@code report} section (exit 2 naming key, value and what is allowed).
   */
  public static ReportSettings from(Config c) {
    String language = oneOf(c, "report.language", LANGUAGES.toArray(String[]::new), l -> l);
    int attribution = integer(c, "report.attribution-days");
    if (attribution < 0 || attribution > 366) {
      throw Errors.badConfig(
          "report.attribution-days", attribution, "a whole number of days from 0 to 366");
    }
    int recent = integer(c, "report.recent-days");
    if (recent < 1 || recent > 3660) {
      throw Errors.badConfig("report.recent-days", recent, "a whole number of days from 1 to 3660");
    }
    return new ReportSettings(language, attribution, recent, ReportAction.from(c));
  }
}

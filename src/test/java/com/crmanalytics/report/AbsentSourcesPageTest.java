package com.crmanalytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmanalytics.contract.Reports;
import com.crmanalytics.contract.Source;
import com.crmanalytics.testing.ReportFixture;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An orders-only company's report: the campaign and service sections say in one line that the
 * source is absent.
 */
class AbsentSourcesPageTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "en | No campaign extract has been received (source campaigns): nothing to show here."
            + " | No service extract has been received (source service): nothing to show here.",
        "zh-CN | 尚未收到营销触达数据（数据源 campaigns），本节无内容。 | 尚未收到客服数据（数据源 service），本节无内容。",
      })
  void sectionsOfAbsentSourcesSaySoInOneLine(String language, String campaigns, String service) {
    ReportData full =
        ReportFixture.firstRun()
            .language(language)
            .rows(Reports.CAMPAIGNS, List.of())
            .rows(Reports.SERVICE, List.of())
            .build();
    ReportData ordersOnly =
        new ReportData(
            full.date(),
            full.currency(),
            full.settings(),
            full.windowDays(),
            full.tables(),
            full.previousDate(),
            full.previousKpis(),
            Set.of(Source.CAMPAIGNS, Source.SERVICE),
            full.kpiHistory(),
            full.margins());
    String html = ReportPage.render(ordersOnly);
    assertThat(ReportPageTest.section(html, "campaigns")).contains(campaigns);
    assertThat(ReportPageTest.section(html, "service")).contains(service);
    assertThat(ReportPage.render(full)).doesNotContain(campaigns).doesNotContain(service);
  }
}

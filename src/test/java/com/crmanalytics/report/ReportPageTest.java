package com.crmanalytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmanalytics.contract.ProductAffinity;
import com.crmanalytics.contract.Reports;
import com.crmanalytics.testing.ReportFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The HTML report rendered from the hand-made fixture: sections, sentences, languages, safety. */
class ReportPageTest {
  private static final Pattern ATTRIBUTE_URL =
      Pattern.compile("(?i)\\s(src|href|xlink:href|action)\\s*=\\s*\"([^\"]*)\"");

  @ParameterizedTest
  @CsvSource({"en, true", "en, false", "zh-CN, true", "zh-CN, false"})
  void everySectionIsThereOnceWithAHeading(String language, boolean secondRun) {
    String html =
        render(
            (secondRun ? ReportFixture.secondRun() : ReportFixture.firstRun()).language(language));
    for (String id : ReportPage.SECTIONS) {
      assertThat(count(html, "<section id=\"" + id + "\"")).as(id).isEqualTo(1);
      assertThat(section(html, id)).as(id).contains("<h2>");
    }
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"" + language + "\"");
  }

  @Test
  void chartsAreDrawnInEverySectionThatHasData() {
    String html = render(ReportFixture.secondRun());
    assertThat(svgCount(section(html, "pyramid"))).isEqualTo(1);
    assertThat(svgCount(section(html, "concentration"))).isEqualTo(1);
    assertThat(svgCount(section(html, "segments"))).isEqualTo(1);
    assertThat(svgCount(section(html, "migration"))).isEqualTo(2);
    assertThat(svgCount(section(html, "campaigns"))).isEqualTo(2);
    assertThat(svgCount(section(html, "service"))).isEqualTo(4);
    assertThat(svgCount(section(html, "sales"))).isEqualTo(3);
    assertThat(svgCount(section(html, "model"))).isEqualTo(2);
    assertThat(section(html, "concentration")).contains("class=\"curve\"", "class=\"diagonal\"");
  }

  @Test
  void firstRunSaysSoOnceAndHasNoMigrationChart() {
    String html = render(ReportFixture.firstRun());
    assertThat(listItems(section(html, "changes")))
        .containsExactly("This is the first report: there is no earlier run to compare with yet.");
    String migration = section(html, "migration");
    assertThat(migration)
        .contains("This is the first report: there is no earlier date to compare movements with.");
    assertThat(svgCount(migration)).isZero();
    assertThat(section(html, "headline")).doesNotContain("class=\"delta");
  }

  @Test
  void secondRunSaysWhatChanged() {
    String html = render(ReportFixture.secondRun());
    List<String> changes = listItems(section(html, "changes"));
    assertThat(changes).hasSizeBetween(3, 6);
    assertThat(changes)
        .containsExactly(
            "The customer base grew to 2,000 customers (+15 since November 22, 2026).",
            "Customer equity rose 1.7% to $1.52M.",
            "The share of customers expected to have left fell from 20.9% to 20.6% (-0.3 pt).",
            "Revenue in the window rose 0.9% to $812K.",
            "19 customers moved up a tier and 13 moved down; 15 are new customers.",
            "The segment that grew most: Champions (+12 customers).");
    String headline = section(html, "headline");
    assertThat(headline).contains("▲ +15", "vs Nov 22", "delta good");
    // the churn rate fell: good news, shown green with a down arrow
    assertThat(headline).contains("<div class=\"delta good\">▼ -0.3 pt");
    assertThat(section(html, "migration"))
        .contains("19 customers moved up a tier and 13 moved down");
  }

  @Test
  void numbersAreFormattedForTheLanguageAndCurrency() {
    String en = render(ReportFixture.secondRun());
    assertThat(section(en, "headline"))
        .contains(
            ">2,000<",
            ">$1.52M<",
            ">$812K<",
            ">413<",
            "20.6% of customers have probably stopped buying for good",
            "90% interval $1.34M–$1.72M",
            "No purchase in the next 90 days",
            ">43%<");
    assertThat(en).contains("As of November 23, 2026");
    String zh = render(ReportFixture.secondRun().language("zh-CN"));
    assertThat(section(zh, "headline"))
        .contains(">2,000<", ">US$152万<", ">US$81.2万<", "20.6% 的客户很可能已永久停止购买", "90% 区间");
    assertThat(zh).contains("截至 2026年11月23日");
    String yuan = render(ReportFixture.secondRun().language("zh-CN").currency("CNY"));
    assertThat(section(yuan, "headline")).contains(">¥152万<");
    assertThat(yuan).contains("人民币（CNY）");
  }

  @Test
  void marginSaysWhatItStandsOnWhenCostsAreMissing() {
    String costed = section(render(ReportFixture.secondRun()), "headline");
    assertThat(costed)
        .contains("orders · margin $")
        .contains("months of margin from today&#39;s customers.<")
        .doesNotContain("known cost")
        .doesNotContain("clv.margin-rate");
    // an orders extract without costs (the online-retail profile): margin 0 is not the margin
    String none = section(render(ReportFixture.secondRun().margins(0, 1)), "headline");
    assertThat(none)
        .contains("margin not known: the extract has no costs")
        .contains("margin is taken as 100% of its revenue (clv.margin-rate)")
        .doesNotContain("orders · margin $");
    String some = section(render(ReportFixture.secondRun().margins(0.4, 0.3)), "headline");
    assertThat(some)
        .contains("on the 40% of sales with a known cost")
        .contains("margin is taken as 30% of its revenue");
    String zh =
        section(render(ReportFixture.secondRun().margins(0, 1).language("zh-CN")), "headline");
    assertThat(zh).contains("毛利未知").contains("100%");
  }

  @Test
  void chineseReportTranslatesSegmentsTiersAndTerms() {
    String zh = render(ReportFixture.secondRun().language("zh-CN"));
    assertThat(section(zh, "segments")).contains("冠军客户", "有流失风险", "不能失去");
    assertThat(section(zh, "pyramid")).contains("VIP 客户", "小客户");
    assertThat(section(zh, "sales")).contains("电子产品", "网站", "北区", "未提供");
    assertThat(section(zh, "service"))
        .contains("非购买客户", "VIP 客户平均等待 1.6 分钟，满意度 4.6；小客户平均等待 6.8 分钟");
    assertThat(section(zh, "sales")).contains("最大类别：电子产品（24%）。最大渠道：网站（55%）。");
    assertThat(section(zh, "changes")).contains("增长最多的细分群体：冠军客户（+12 人）。");
  }

  /**
   * Every English label and sentence of the bundle is replaced in zh-CN: none of them is left on
   * the page.
   */
  @Test
  void chinesePageShowsNoEnglishLabel() {
    ResourceBundle en = bundle(Locale.ENGLISH);
    ResourceBundle zh = bundle(Locale.SIMPLIFIED_CHINESE);
    // campaign names are data, in English here: shown by their ids instead
    String first =
        visibleText(render(withoutCampaignNames(ReportFixture.firstRun().language("zh-CN"))));
    String second =
        visibleText(render(withoutCampaignNames(ReportFixture.secondRun().language("zh-CN"))));
    List<String> leaks = new ArrayList<>();
    for (String key : en.keySet()) {
      for (String fragment : en.getString(key).split("\\{\\d}")) {
        String f = fragment.strip();
        // names such as "BG/NBD", "ROC AUC", "P(alive)" are the same in both languages
        if (f.length() >= 4
            && f.matches(".*[a-z]{3}.*")
            && !zh.getString(key).contains(f)
            && (first.contains(f) || second.contains(f))) {
          leaks.add(key + ": " + f);
        }
      }
    }
    assertThat(leaks).isEmpty();
  }

  @Test
  void campaignsLeadWithIncrementalReturnAndSayWhenItIsIndistinguishableFromZero() {
    String en = section(render(ReportFixture.secondRun()), "campaigns");
    assertThat(en)
        .contains("Incremental return on investment (90% interval)")
        .contains("Best incremental return: October: Flash sale (sms), 150% (50% to 250%).")
        .contains("For 1 of these 3 campaigns the effect is indistinguishable from zero")
        .contains("Attributed ROI")
        .contains("Revenue of responders (attributed)");
    // the campaign with the best incremental ROI comes first, the one with none after the measured
    assertThat(en.indexOf("October: Flash sale (sms)"))
        .isLessThan(en.indexOf("Welcome series (email)"));
    assertThat(en.indexOf("Welcome series (email)"))
        .isLessThan(en.indexOf("September: Clearance (mail)"));
    assertThat(en.indexOf("September: Clearance (mail)"))
        .isLessThan(en.indexOf("November: Loyalty reward (app)"));
    String zh = section(render(ReportFixture.secondRun().language("zh-CN")), "campaigns");
    assertThat(zh).contains("增量投资回报率（90% 区间）").contains("与零无法区分").contains("归因投资回报率");
  }

  @Test
  void hostileCampaignNameIsEscapedEverywhere() {
    String hostile = "<script>alert('x')</script> & \"Q4\" <img src=http://evil.example/p.png>";
    ReportFixture fixture = ReportFixture.secondRun();
    List<Row> campaigns = new ArrayList<>(fixture.rows(Reports.CAMPAIGNS));
    campaigns.add(
        ReportFixture.row(
            Reports.CAMPAIGNS,
            "level",
            "campaign",
            "campaign_id",
            "K-EVIL",
            "campaign_name",
            hostile,
            "touches",
            10L,
            "customers",
            10L,
            "opens",
            5L,
            "clicks",
            2L,
            "conversions",
            1L,
            "open_rate",
            0.5,
            "click_rate",
            0.2,
            "conversion_rate",
            0.1,
            "cost",
            "1.00",
            "cost_per_response",
            1.0,
            "attributed_revenue",
            "500.00",
            "roi",
            499.0));
    String html = render(fixture.rows(Reports.CAMPAIGNS, campaigns));
    assertThat(html).doesNotContain("<script", "<img", "alert('x')", "\"Q4\"");
    // the best ROI: in the lead sentence, the chart labels and tooltips, the table
    assertThat(section(html, "campaigns"))
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Q4&quot;");
  }

  @ParameterizedTest
  @CsvSource({"en, true", "zh-CN, true", "en, false"})
  void nothingIsFetched(String language, boolean secondRun) {
    String html =
        render(
            (secondRun ? ReportFixture.secondRun() : ReportFixture.firstRun()).language(language));
    Matcher m = ATTRIBUTE_URL.matcher(html);
    while (m.find()) {
      assertThat(m.group(2)).as(m.group()).startsWith("#").doesNotContain("//");
    }
    assertThat(html.toLowerCase(Locale.ROOT))
        .doesNotContain(
            "http:", "https:", "url(", "@import", "<link", "<img", "<script", "<iframe", "<object",
            "src=");
  }

  @Test
  void absentNumbersShowADashAndASentence() {
    ReportFixture fixture = ReportFixture.secondRun();
    List<Row> kpis =
        List.of(copy(fixture.rows(Reports.KPIS).get(0), "customer_equity_baseline", null));
    List<Row> model = new ArrayList<>();
    for (Row r : fixture.rows(Reports.MODEL)) {
      String name = r.getAs("name");
      if (name.equals("holdout.available")) {
        model.add(copy(r, "value", 0.0));
      } else if (name.equals("churn.classifier_trained")) {
        model.add(copy(r, "value", 0.0));
      } else if (name.equals("churn.classifier_used")) {
        model.add(copy(r, "value", 0.0));
      } else {
        model.add(r);
      }
    }
    String html = render(fixture.rows(Reports.KPIS, kpis).rows(Reports.MODEL, model));
    assertThat(section(html, "headline"))
        .contains("simple retention model: – · mean lifetime value $762");
    String credibility = section(html, "model");
    assertThat(credibility)
        .contains(
            "No holdout check for this run",
            "This run the chance of no purchase in the next 90 days comes from the purchase model alone.");
    assertThat(svgCount(credibility)).isZero();
    assertThat(section(html, "service")).contains("<td>–</td>");
  }

  @Test
  void holdoutAndChurnNumbersAreShownInPlainWords() {
    String model = section(render(ReportFixture.secondRun()), "model");
    assertThat(model)
        .contains(
            "Checked on a holdout period, the model forecast 1,795 repeat purchases against 1,882 actual (-4.6%): close.",
            "the churn classifier ranks customers with a ROC AUC of 0.81 against 0.78 for the purchase model alone, so it "
                + "gives the chance of no purchase.",
            "It expected 46% of customers to make no purchase in those 90 days; 44% did not.",
            "0.2511 (SE 0.0125)",
            "Of the purchase models fitted, BG/NBD forecast the last holdout period best",
            "an average customer buys 0.052 times per week",
            "an average purchase is worth $35.20",
            "Correlation per customer 0.63, over 1,985 customers");
  }

  @Test
  void emptyTablesGiveSentencesNotErrors() {
    ReportFixture fixture = ReportFixture.firstRun();
    for (var table : Reports.ALL) {
      fixture.rows(table, List.of());
    }
    fixture.rows(ProductAffinity.CONTRACT, List.of());
    String html = render(fixture);
    assertThat(html)
        .contains(
            "There is no headline row (report_kpis) for this date.",
            "No pyramid for this date",
            "No campaign touches in the window.",
            "No model numbers for this date",
            "No pair of products was bought together often enough");
    assertThat(svgCount(html)).isZero();
  }

  @Test
  void cohortsAreATriangleWithASentence() {
    String cohorts = section(render(ReportFixture.firstRun()), "cohorts");
    assertThat(cohorts)
        .contains(
            "On average 35% of new customers buy again in the month after their first order.",
            "months after it");
    // 12 + 11 + ... + 1 cells
    assertThat(cohorts.split("class=\"cell\"", -1)).hasSize(79);
  }

  @Test
  void productPairsAreSaidInWords() {
    String products = section(render(ReportFixture.firstRun()), "products");
    // P0007 -> P0012: 120 of 300 orders, lift 6.5, 5,230 orders mined
    assertThat(products)
        .contains(
            "Of the orders with P0007, 40% also held P0012: 6.5 times as often as in an "
                + "average order (5,230 orders mined).",
            "P0007 → P0012");
  }

  @Test
  void largeCountsFitTheHeatMapCellsAndStayExactInTheTooltips() {
    ReportFixture fixture =
        ReportFixture.secondRun()
            .addRow(
                Reports.MIGRATION,
                "previous_as_of_date",
                ReportFixture.PREVIOUS,
                "dimension",
                "tier",
                "from_value",
                "small",
                "to_value",
                "vip",
                "customers",
                1_234_567L,
                "revenue",
                "1.00");
    String migration = section(render(fixture), "migration");
    assertThat(migration).contains(">1.23M</text>", "<title>Small → VIP: 1,234,567</title>");
  }

  @Test
  void customTierNamesAreShownAsTheyAre() {
    ReportFixture fixture = ReportFixture.firstRun();
    List<Row> tiers = new ArrayList<>();
    for (Row r : fixture.rows(Reports.PYRAMID)) {
      String tier = r.getAs("tier");
      tiers.add(copy(r, "tier", tier.equals("vip") ? "platinum <1%>" : tier));
    }
    String zh = render(fixture.rows(Reports.PYRAMID, tiers).language("zh-CN"));
    assertThat(section(zh, "pyramid")).contains("platinum &lt;1%&gt;", "主要客户");
  }

  // --- helpers

  private static ReportFixture withoutCampaignNames(ReportFixture fixture) {
    return fixture.rows(
        Reports.CAMPAIGNS,
        fixture.rows(Reports.CAMPAIGNS).stream().map(r -> copy(r, "campaign_name", null)).toList());
  }

  static String render(ReportFixture fixture) {
    return ReportPage.render(fixture.build());
  }

  static String section(String html, String id) {
    Matcher m =
        Pattern.compile("<section id=\"" + id + "\"[^>]*>(.*?)</section>", Pattern.DOTALL)
            .matcher(html);
    assertThat(m.find()).as("section " + id).isTrue();
    return m.group(1);
  }

  private static List<String> listItems(String html) {
    List<String> items = new ArrayList<>();
    Matcher m = Pattern.compile("<li>(.*?)</li>").matcher(html);
    while (m.find()) {
      items.add(m.group(1));
    }
    return items;
  }

  private static int svgCount(String html) {
    return count(html, "<svg ");
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  /** The text a reader sees: the body without the style sheet and tags, entities decoded. */
  private static String visibleText(String html) {
    return html.replaceAll("(?s)<style>.*?</style>", " ")
        .replaceAll("<[^>]+>", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  private static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle(
        ReportText.BUNDLE,
        locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** The row with one column replaced. */
  static Row copy(Row row, String column, Object value) {
    Object[] cells = new Object[row.length()];
    for (int i = 0; i < cells.length; i++) {
      cells[i] = row.get(i);
    }
    cells[row.fieldIndex(column)] = value;
    return new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(cells, row.schema());
  }
}

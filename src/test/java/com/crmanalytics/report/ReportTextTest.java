package com.crmanalytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The report's two bundles hold the same keys; numbers, money and dates follow the locale. */
class ReportTextTest {
  @Test
  void bothLanguagesHaveExactlyTheSameKeys() {
    Set<String> en = keys("messages.properties");
    Set<String> zh = keys("messages_zh_CN.properties");
    Set<String> onlyEn = new TreeSet<>(en);
    onlyEn.removeAll(zh);
    Set<String> onlyZh = new TreeSet<>(zh);
    onlyZh.removeAll(en);
    assertThat(onlyEn).as("keys missing from messages_zh_CN.properties").isEmpty();
    assertThat(onlyZh).as("keys missing from messages.properties").isEmpty();
    assertThat(en).hasSizeGreaterThan(200);
  }

  @Test
  void placeholdersMatchBetweenLanguages() {
    ResourceBundle en = bundle(Locale.ENGLISH);
    ResourceBundle zh = bundle(Locale.SIMPLIFIED_CHINESE);
    for (String key : en.keySet()) {
      assertThat(placeholders(zh.getString(key)))
          .as(key)
          .isEqualTo(placeholders(en.getString(key)));
    }
  }

  @Test
  void englishNumbersMoneyAndDates() {
    ReportText t = new ReportText(Locale.forLanguageTag("en"), "USD");
    assertThat(t.integer(1234567L)).isEqualTo("1,234,567");
    assertThat(t.percent(0.2063, 1)).isEqualTo("20.6%");
    assertThat(t.money(new BigDecimal("812345.67"), 0)).isEqualTo("$812,346");
    assertThat(t.money(35.2, 2)).isEqualTo("$35.20");
    assertThat(t.moneyShort(1_523_400.0)).isEqualTo("$1.52M");
    assertThat(t.moneyShort(-20_500.0)).isEqualTo("-$20.5K");
    assertThat(t.moneyShort(950.4)).isEqualTo("$950");
    assertThat(t.signedPercent(0.0169)).isEqualTo("+1.7%");
    assertThat(t.signedPoints(-0.0028)).isEqualTo("-0.3 pt");
    assertThat(t.date(LocalDate.parse("2026-11-23"))).isEqualTo("November 23, 2026");
    assertThat(t.shortDate(LocalDate.parse("2026-11-22"))).isEqualTo("Nov 22");
    assertThat(t.sentences(java.util.List.of("One.", "Two."))).isEqualTo("One. Two.");
    assertThat(t.integer(null)).isEqualTo("–");
    assertThat(t.percent(Double.NaN, 1)).isEqualTo("–");
  }

  @Test
  void chineseNumbersMoneyAndDates() {
    ReportText t = new ReportText(Locale.forLanguageTag("zh-CN"), "CNY");
    assertThat(t.integer(1234567L)).isEqualTo("1,234,567");
    assertThat(t.moneyShort(1_523_400.0)).isEqualTo("¥152万");
    assertThat(t.countShort(123_456L)).isEqualTo("12.3万");
    // three significant figures: US$1.05万, not US$1万
    assertThat(new ReportText(Locale.forLanguageTag("zh-CN"), "USD").moneyShort(10_500.0))
        .isEqualTo("US$1.05万");
    assertThat(t.money(35.2, 2)).isEqualTo("¥35.20");
    assertThat(t.date(LocalDate.parse("2026-11-23"))).isEqualTo("2026年11月23日");
    assertThat(t.shortDate(LocalDate.parse("2026-11-22"))).isEqualTo("11月22日");
    assertThat(t.sentences(java.util.List.of("一。", "二。"))).isEqualTo("一。二。");
    assertThat(t.term("segment", "champions")).isEqualTo("冠军客户");
    assertThat(t.term("tier", "platinum")).isEqualTo("platinum");
    assertThat(t.currencyName()).isEqualTo("人民币");
  }

  @Test
  void englishStaysEnglishWhateverTheMachinesLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
      assertThat(new ReportText(Locale.forLanguageTag("en"), "USD").text("section.pyramid"))
          .isEqualTo("Customer pyramid");
    } finally {
      Locale.setDefault(before);
    }
  }

  private static Set<String> placeholders(String s) {
    Set<String> out = new TreeSet<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\\d}").matcher(s);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /** The keys of one file (not a bundle: a bundle would inherit the base file's keys). */
  private static Set<String> keys(String file) {
    try (var in = ReportText.class.getResourceAsStream(file)) {
      assertThat(in).as(file).isNotNull();
      java.util.Properties p = new java.util.Properties();
      p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
      return new TreeSet<>(p.stringPropertyNames());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle(
        ReportText.BUNDLE,
        locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }
}

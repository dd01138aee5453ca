package com.crmanalytics.report;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words and number formats of the report in one language: labels and sentences from the {@code
 * messages} bundle of this package (UTF-8 properties, {@code en} in the base file), numbers,
 * percentages and dates formatted for the locale, money in the report's currency.
 */
public final class ReportText {
  static final String BUNDLE = "com.crmanalytics.report.messages";

  private final Locale locale;
  private final ResourceBundle bundle;
  private final Currency currency;

  public ReportText(Locale locale, String currencyCode) {
    this.locale = locale;
    // No fallback to the JVM's default locale: an "en" report on a machine set to zh_CN stays
    // English.
    this.bundle =
        ResourceBundle.getBundle(
            BUNDLE,
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    this.currency = Currency.getInstance(currencyCode);
  }

  public Locale locale() {
    return locale;
  }

  /**
   * The text of a key with {@code {0}}, {@code {1}} … replaced by the arguments (already
   * formatted).
   */
  public String text(String key, Object... args) {
    String s = bundle.getString(key);
    for (int i = 0; i < args.length; i++) {
      s = s.replace("{" + i + "}", String.valueOf(args[i]));
    }
    return s;
  }

  /**
   * The translation of a value from the data (segment, tier, channel …) under {@code prefix.value},
   * else the value.
   */
  public String term(String prefix, String value) {
    String key = prefix + "." + value;
    return bundle.containsKey(key) ? bundle.getString(key) : value;
  }

  /** {@code –} for a number that is absent (null or not finite). */
  public String dash() {
    return "–";
  }

  public String integer(Number n) {
    if (!present(n)) {
      return dash();
    }
    return NumberFormat.getIntegerInstance(locale).format(Math.round(n.doubleValue()));
  }

  public String decimal(Number n, int fractionDigits) {
    if (!present(n)) {
      return dash();
    }
    NumberFormat f = NumberFormat.getNumberInstance(locale);
    f.setMinimumFractionDigits(fractionDigits);
    f.setMaximumFractionDigits(fractionDigits);
    return f.format(n.doubleValue());
  }

  /** A share 0..1 as a percentage with the given decimals. */
  public String percent(Number share, int fractionDigits) {
    if (!present(share)) {
      return dash();
    }
    NumberFormat f = NumberFormat.getPercentInstance(locale);
    f.setMinimumFractionDigits(fractionDigits);
    f.setMaximumFractionDigits(fractionDigits);
    return f.format(share.doubleValue());
  }

  /** Money in the report's currency, e.g. {@code $1,234} or {@code US$1,234.50}. */
  public String money(Number amount, int fractionDigits) {
    if (!present(amount)) {
      return dash();
    }
    NumberFormat f = NumberFormat.getCurrencyInstance(locale);
    f.setCurrency(currency);
    f.setMinimumFractionDigits(fractionDigits);
    f.setMaximumFractionDigits(fractionDigits);
    return f.format(amount instanceof BigDecimal b ? b : amount.doubleValue());
  }

  /** Money in the locale's short form for headline tiles: {@code $1.2M}, {@code US$123.5万}. */
  public String moneyShort(Number amount) {
    if (!present(amount)) {
      return dash();
    }
    double v = amount.doubleValue();
    if (Math.abs(v) < 10_000) {
      return money(amount, 0);
    }
    return (v < 0 ? "-" : "") + currency.getSymbol(locale) + compact(Math.abs(v));
  }

  /** A count in the locale's short form: {@code 12.3K}, {@code 1.2万}; small counts in full. */
  public String countShort(Number n) {
    if (!present(n)) {
      return dash();
    }
    double v = n.doubleValue();
    return Math.abs(v) < 100_000 ? integer(n) : (v < 0 ? "-" : "") + compact(Math.abs(v));
  }

  /**
   * A non-negative number in the locale's compact form with three significant figures: {@code
   * 1.52M}, {@code 20.5K}, {@code 1.05万}, {@code 152万} (the unit decides how many digits stand
   * before the point).
   */
  private String compact(double v) {
    NumberFormat probe = NumberFormat.getCompactNumberInstance(locale, NumberFormat.Style.SHORT);
    probe.setMaximumFractionDigits(0);
    probe.setRoundingMode(java.math.RoundingMode.DOWN);
    long integerDigits = probe.format(v).chars().filter(Character::isDigit).count();
    NumberFormat f = NumberFormat.getCompactNumberInstance(locale, NumberFormat.Style.SHORT);
    f.setMaximumFractionDigits((int) Math.max(0, 3 - integerDigits));
    return f.format(v);
  }

  /** A signed change: {@code +12}, {@code -3}. */
  public String signedInteger(long delta) {
    return (delta > 0 ? "+" : "") + integer(delta);
  }

  /** A signed relative change: {@code +2.1%}. */
  public String signedPercent(double change) {
    return (change > 0 ? "+" : "") + percent(change, 1);
  }

  /** A signed change of a share, in percentage points: {@code +0.4 pt}. */
  public String signedPoints(double shareDelta) {
    double points = shareDelta * 100;
    return text("unit.points", (points > 0 ? "+" : "") + decimal(points, 1));
  }

  public String date(LocalDate d) {
    return d == null
        ? dash()
        : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(d);
  }

  /**
   * A date without its year for tight places, e.g. "Nov 22", "11月22日" (pattern {@code date.short}
   * of the bundle).
   */
  public String shortDate(LocalDate d) {
    return d == null ? dash() : DateTimeFormatter.ofPattern(text("date.short"), locale).format(d);
  }

  /**
   * Sentences run together as the language writes them: with a space in English, without in
   * Chinese.
   */
  public String sentences(List<String> sentences) {
    return String.join("zh".equals(locale.getLanguage()) ? "" : " ", sentences);
  }

  /** The currency's name in the report's language, e.g. "US Dollar", "美元". */
  public String currencyName() {
    return currency.getDisplayName(locale);
  }

  public String currencyCode() {
    return currency.getCurrencyCode();
  }

  static boolean present(Number n) {
    return n != null && Double.isFinite(n.doubleValue());
  }
}

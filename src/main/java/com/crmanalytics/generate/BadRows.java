package com.crmanalytics.generate;

import com.crmanalytics.contract.ReasonCode;
import com.crmanalytics.contract.Source;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.random.RandomGenerator;

/**
 * Builds rows that ingest must refuse, one kind per {@link ReasonCode}, from a real row of the same
 * extract (which is still written unchanged). Each bad row breaks exactly one rule, so it lands in
 * quarantine with the expected code. A conflicting duplicate is two lines with a fresh key.
 */
final class BadRows {
  /** One line of an extract; a malformed one is written so that it cannot be split into fields. */
  record Line(String[] values, boolean malformed) {}

  /**
   * Checks of real extracts that the synthetic landing does not inject (ingest tests with fixtures
   * cover them).
   */
  static final java.util.Set<ReasonCode> REAL_EXTRACT_ONLY =
      java.util.EnumSet.of(
          ReasonCode.DATE_BEFORE_FLOOR,
          ReasonCode.CONTROL_CHARACTER,
          ReasonCode.FIELD_TOO_LONG,
          ReasonCode.HEADER_REPEATED,
          ReasonCode.EXPRESSION_FAILED);

  private BadRows() {}

  /** The reason codes that can be injected into a source written in a format. */
  static List<ReasonCode> codes(Source source, ExtractFormat format) {
    List<ReasonCode> codes = new ArrayList<>();
    for (ReasonCode code : ReasonCode.values()) {
      boolean ok =
          switch (code) {
            case MALFORMED_LINE -> format != ExtractFormat.parquet; // Parquet rows always split
            case UNPARSEABLE_NUMBER, NEGATIVE_PRICE -> source != Source.CUSTOMERS;
            case INVALID_VALUE -> source == Source.SERVICE;
            default -> !REAL_EXTRACT_ONLY.contains(code);
          };
      if (ok) {
        codes.add(code);
      }
    }
    return codes;
  }

  /**
   * @param template a valid row of the extract
   * @param future a date after the folder's date, for events in the future
   * @param uniqueSuffix makes fresh keys unique within the run
   */
  static List<Line> make(
      Source source,
      ReasonCode code,
      String[] template,
      String future,
      String uniqueSuffix,
      RandomGenerator rng) {
    String[] v = template.clone();
    switch (code) {
      case MALFORMED_LINE -> {
        return List.of(new Line(v, true));
      }
      case MISSING_REQUIRED -> v[customerColumn(source)] = "";
      case UNPARSEABLE_NUMBER -> {
        switch (source) {
          case ORDERS -> v[Layout.O_QUANTITY] = "two";
          case SERVICE -> v[Layout.S_WAIT] = "n/a";
          default -> v[Layout.K_COST] = "free";
        }
      }
      case UNPARSEABLE_DATE -> {
        int column = eventColumn(source);
        String text = v[column];
        // 2026-11-22 14:05:00 -> 22/11/2026 14:05 (day first: not ISO)
        v[column] =
            text.substring(8, 10)
                + "/"
                + text.substring(5, 7)
                + "/"
                + text.substring(0, 4)
                + (text.length() > 10 ? text.substring(10, 16) : "");
      }
      case INVALID_VALUE -> {
        if (rng.nextBoolean()) {
          v[Layout.S_SATISFACTION] = Integer.toString(6 + rng.nextInt(4));
        } else {
          v[Layout.S_ABANDONED] = "maybe";
        }
      }
      case NEGATIVE_PRICE -> {
        switch (source) {
          case ORDERS -> v[Layout.O_UNIT_PRICE] = "-" + v[Layout.O_UNIT_PRICE];
          case SERVICE -> v[Layout.S_COST] = "-" + v[Layout.S_COST];
          default -> v[Layout.K_COST] = "-" + v[Layout.K_COST];
        }
      }
      case DATE_AFTER_BUSINESS_DATE -> {
        int column = eventColumn(source);
        v[column] = v[column].length() > 10 ? future + v[column].substring(10) : future;
      }
      case CONFLICTING_DUPLICATE_KEY -> {
        String[] w;
        switch (source) {
          case ORDERS -> {
            v[Layout.O_ORDER_ID] = "X" + v[Layout.O_ORDER_ID] + uniqueSuffix;
            w = v.clone();
            w[Layout.O_AMOUNT] = v[Layout.O_AMOUNT].equals("0.01") ? "0.02" : "0.01";
          }
          case SERVICE -> {
            v[Layout.S_CONTACT_ID] = "X" + v[Layout.S_CONTACT_ID] + uniqueSuffix;
            w = v.clone();
            w[Layout.S_HANDLE] = Long.toString(Long.parseLong(v[Layout.S_HANDLE]) + 60);
          }
          case CAMPAIGNS -> {
            v[Layout.K_CAMPAIGN_ID] = "X" + v[Layout.K_CAMPAIGN_ID] + uniqueSuffix;
            w = v.clone();
            w[Layout.K_COST] = "9.99";
          }
          default -> {
            v[Layout.C_CUSTOMER_ID] = "X" + v[Layout.C_CUSTOMER_ID] + uniqueSuffix;
            w = v.clone();
            w[Layout.C_REGION] = v[Layout.C_REGION].equals("north") ? "south" : "north";
          }
        }
        return List.of(new Line(v, false), new Line(w, false));
      }
      default -> throw new IllegalArgumentException("no bad row for " + code);
    }
    return List.of(new Line(v, false));
  }

  private static int customerColumn(Source source) {
    return switch (source) {
      case ORDERS -> Layout.O_CUSTOMER_ID;
      case SERVICE -> Layout.S_CUSTOMER_ID;
      case CAMPAIGNS -> Layout.K_CUSTOMER_ID;
      case CUSTOMERS -> Layout.C_CUSTOMER_ID;
    };
  }

  private static int eventColumn(Source source) {
    return switch (source) {
      case ORDERS -> Layout.O_ORDER_TS;
      case SERVICE -> Layout.S_OPENED_TS;
      case CAMPAIGNS -> Layout.K_SENT_TS;
      case CUSTOMERS -> Layout.C_SIGNUP_DATE;
    };
  }
}

package com.crmanalytics.features;

import static com.crmanalytics.contract.CustomerFeatures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.crmanalytics.config.ModelTimeUnit;
import com.crmanalytics.contract.CampaignTouches;
import com.crmanalytics.contract.CustomerFeatures;
import com.crmanalytics.contract.Orders;
import com.crmanalytics.contract.ServiceContacts;
import com.crmanalytics.testing.Rows;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * customer_features on a hand-computed fixture, as of D = 2026-11-22 with the default 365-day
 * window (2025-11-23 .. 2026-11-22). Customer A: five purchases on four days, one return, lines
 * with and without cost, service contacts and campaign touches, plus events after D. B: one
 * uncosted order, nothing else. C: only an order on D + 1. S: only a service contact.
 */
class FeaturesStageTest {
  static final LocalDate D = LocalDate.parse("2026-11-22");

  public static Dataset<Row> orders() {
    return Rows.of(Orders.CONTRACT)
        // before the window: lifetime only
        .row(
            Orders.ORDER_ID,
            "O0",
            Orders.LINE_NO,
            1,
            Orders.CUSTOMER_ID,
            "A",
            Orders.ORDER_TS,
            "2025-11-01T12:00:00Z",
            Orders.AMOUNT,
            "70.00",
            Orders.COST,
            "35.00")
        // two orders on one day = one transaction; line 2 has no cost
        .row(
            Orders.ORDER_ID,
            "O1",
            Orders.LINE_NO,
            1,
            Orders.CUSTOMER_ID,
            "A",
            Orders.ORDER_TS,
            "2026-01-10T10:00:00Z",
            Orders.AMOUNT,
            "100.00",
            Orders.COST,
            "60.00")
        .row(
            Orders.ORDER_ID,
            "O1",
            Orders.LINE_NO,
            2,
            Orders.CUSTOMER_ID,
            "A",
            Orders.ORDER_TS,
            "2026-01-10T10:00:00Z",
            Orders.AMOUNT,
            "50.00")
        .row(
            Orders.ORDER_ID,
            "O2",
            Orders.LINE_NO,
            1,
            Orders.CUSTOMER_ID,
            "A",
            Orders.ORDER_TS,
            "2026-01-10T15:00:00Z",
            Orders.AMOUNT,
            "30.00",
            Orders.COST,
            "20.00")
        .row(
            Orders.ORDER_ID,
            "O3",
            Orders.LINE_NO,
            1,
            Orders.CUSTOMER_ID,
            "A",
            Orders.ORDER_TS,
            "2026-03-01T09:00:00Z",
            Orders.AMOUNT,
            "200.00",
            Orders.COST,
            "150.00")
        // a return, alone on its day
        .row(
            Orders.ORDER_ID,
            "O4",
            Orders.LINE_NO,
            1,
            Orders.CUSTOMER_ID,
            "A",
            Orders.ORDER_TS,
            "2026-03-05T09:00:00Z",
            Orders.QUANTITY,
            -1,
            Orders.AMOUNT,
            "-40.00",
            Orders.COST,
            "-30.00")
        // late on D: counts
        .row(
            Orders.ORDER_ID,
            "O5",
            Orders.LINE_NO,
            1,
            Orders.CUSTOMER_ID,
            "A",
            Orders.ORDER_TS,
            "2026-11-22T23:30:00Z",
            Orders.AMOUNT,
            "10.00",
            Orders.COST,
            "5.00")
        // D + 1: already in silver, must change nothing
        .row(
            Orders.ORDER_ID,
            "O6",
            Orders.LINE_NO,
            1,
            Orders.CUSTOMER_ID,
            "A",
            Orders.ORDER_TS,
            "2026-11-23T08:00:00Z",
            Orders.AMOUNT,
            "999.00",
            Orders.COST,
            "1.00")
        .row(
            Orders.ORDER_ID,
            "O7",
            Orders.LINE_NO,
            1,
            Orders.CUSTOMER_ID,
            "B",
            Orders.ORDER_TS,
            "2026-11-01T08:00:00Z",
            Orders.AMOUNT,
            "80.00")
        .row(
            Orders.ORDER_ID,
            "O8",
            Orders.LINE_NO,
            1,
            Orders.CUSTOMER_ID,
            "C",
            Orders.ORDER_TS,
            "2026-11-23T00:00:00Z",
            Orders.AMOUNT,
            "15.00")
        .dataset();
  }

  public static Dataset<Row> service() {
    return Rows.of(ServiceContacts.CONTRACT)
        .row(
            ServiceContacts.CONTACT_ID,
            "S1",
            ServiceContacts.CUSTOMER_ID,
            "A",
            ServiceContacts.OPENED_TS,
            "2026-02-01T10:00:00Z",
            ServiceContacts.CATEGORY,
            "complaint",
            ServiceContacts.WAIT_SECONDS,
            100,
            ServiceContacts.ABANDONED,
            false,
            ServiceContacts.SATISFACTION,
            2,
            ServiceContacts.COST,
            "5.50")
        .row(
            ServiceContacts.CONTACT_ID,
            "S2",
            ServiceContacts.CUSTOMER_ID,
            "A",
            ServiceContacts.OPENED_TS,
            "2026-06-01T10:00:00Z",
            ServiceContacts.CATEGORY,
            "inquiry",
            ServiceContacts.WAIT_SECONDS,
            200,
            ServiceContacts.ABANDONED,
            true,
            ServiceContacts.COST,
            "4.50")
        .row(
            ServiceContacts.CONTACT_ID,
            "S3",
            ServiceContacts.CUSTOMER_ID,
            "A",
            ServiceContacts.OPENED_TS,
            "2026-11-23T10:00:00Z",
            ServiceContacts.CATEGORY,
            "complaint",
            ServiceContacts.WAIT_SECONDS,
            900,
            ServiceContacts.COST,
            "100.00")
        .row(
            ServiceContacts.CONTACT_ID,
            "S4",
            ServiceContacts.CUSTOMER_ID,
            "S",
            ServiceContacts.OPENED_TS,
            "2026-05-01T10:00:00Z",
            ServiceContacts.CATEGORY,
            "complaint",
            ServiceContacts.COST,
            "8.00")
        .dataset();
  }

  public static Dataset<Row> campaigns() {
    return Rows.of(CampaignTouches.CONTRACT)
        .row(
            CampaignTouches.CAMPAIGN_ID,
            "K1",
            CampaignTouches.CUSTOMER_ID,
            "A",
            CampaignTouches.SENT_TS,
            "2026-01-05T09:00:00Z",
            CampaignTouches.CONVERTED_TS,
            "2026-01-10T10:00:00Z",
            CampaignTouches.COST,
            "1.00")
        // converted after D: not a response as of D
        .row(
            CampaignTouches.CAMPAIGN_ID,
            "K2",
            CampaignTouches.CUSTOMER_ID,
            "A",
            CampaignTouches.SENT_TS,
            "2026-11-20T09:00:00Z",
            CampaignTouches.CONVERTED_TS,
            "2026-11-23T10:00:00Z",
            CampaignTouches.COST,
            "0.50")
        .row(
            CampaignTouches.CAMPAIGN_ID,
            "K3",
            CampaignTouches.CUSTOMER_ID,
            "A",
            CampaignTouches.SENT_TS,
            "2026-11-23T09:00:00Z",
            CampaignTouches.COST,
            "9.00")
        .row(
            CampaignTouches.CAMPAIGN_ID,
            "K1",
            CampaignTouches.CUSTOMER_ID,
            "S",
            CampaignTouches.SENT_TS,
            "2026-01-05T09:00:00Z",
            CampaignTouches.COST,
            "1.00")
        .dataset();
  }

  static Map<String, Row> features;

  @BeforeAll
  static void compute() {
    features =
        FeaturesStage.transform(orders(), service(), campaigns(), D, 365, ModelTimeUnit.WEEK)
            .collectAsList()
            .stream()
            .collect(Collectors.toMap(r -> r.getString(r.fieldIndex(CUSTOMER_ID)), r -> r));
  }

  static Object value(String customer, String column) {
    Row r = features.get(customer);
    return r.get(r.fieldIndex(column));
  }

  static BigDecimal money(String s) {
    return new BigDecimal(s);
  }

  @Test
  void oneRowPerCustomerWithAnOrderOnOrBeforeD() {
    // C ordered only on D + 1; S only called the service desk.
    assertThat(features).containsOnlyKeys("A", "B");
  }

  @Test
  void columnsAreTheContracts() {
    Dataset<Row> out =
        FeaturesStage.transform(orders(), service(), campaigns(), D, 365, ModelTimeUnit.WEEK);
    assertThat(List.of(out.schema().fields()))
        .extracting(f -> f.name() + " " + f.dataType().simpleString())
        .containsExactlyElementsOf(
            CustomerFeatures.CONTRACT.fields().stream()
                .map(f -> f.name() + " " + f.type().simpleString())
                .toList());
  }

  @Test
  void datesRecencyAndTenure() {
    assertThat(value("A", AS_OF_DATE)).isEqualTo(Date.valueOf(D));
    assertThat(value("A", FIRST_ORDER_DATE)).isEqualTo(Date.valueOf("2025-11-01"));
    assertThat(value("A", LAST_ORDER_DATE)).isEqualTo(Date.valueOf("2026-11-22"));
    assertThat(value("A", RECENCY_DAYS)).isEqualTo(0);
    assertThat(value("A", TENURE_DAYS)).isEqualTo(386);
    assertThat(value("B", RECENCY_DAYS)).isEqualTo(21);
    assertThat(value("B", TENURE_DAYS)).isEqualTo(21);
  }

  @Test
  void frequencyAndMonetaryOverTheWindowNetOfReturns() {
    // purchase days in the window: 2026-01-10, 2026-03-01, 2026-11-22 (the return day is no
    // purchase)
    assertThat(value("A", FREQUENCY)).isEqualTo(3);
    // 100 + 50 + 30 + 200 − 40 + 10
    assertThat(value("A", MONETARY)).isEqualTo(money("350.00"));
    // costed lines only: 40 + 10 + 50 − 10 + 5
    assertThat(value("A", MONETARY_MARGIN)).isEqualTo(money("95.00"));
    assertThat(value("B", FREQUENCY)).isEqualTo(1);
    assertThat(value("B", MONETARY)).isEqualTo(money("80.00"));
  }

  @Test
  void lifetimeReturnsAndMargin() {
    assertThat(value("A", LIFETIME_ORDERS)).isEqualTo(5); // O0, O1, O2, O3, O5; O4 is a return only
    assertThat(value("A", LIFETIME_REVENUE)).isEqualTo(money("420.00"));
    assertThat(value("A", RETURNED_AMOUNT)).isEqualTo(money("40.00"));
    assertThat(value("A", RETURN_LINES)).isEqualTo(1);
    assertThat(value("A", MARGIN)).isEqualTo(money("130.00"));
    // 130 / (420 − 50 uncosted)
    assertThat((Double) value("A", MARGIN_RATE)).isCloseTo(130.0 / 370.0, within(1e-12));
    // B has no cost: no margin known
    assertThat(value("B", MARGIN)).isEqualTo(money("0.00"));
    assertThat(value("B", MARGIN_RATE)).isNull();
    assertThat(value("B", RETURNED_AMOUNT)).isEqualTo(money("0.00"));
  }

  @Test
  void btydSummaryInWeeks() {
    // purchase days 2025-11-01, 2026-01-10, 2026-03-01, 2026-11-22: x = 3
    assertThat(value("A", X)).isEqualTo(3);
    assertThat((Double) value("A", T_X)).isCloseTo(386 / 7.0, within(1e-12));
    assertThat((Double) value("A", T)).isCloseTo(386 / 7.0, within(1e-12));
    // repeat days' values 180, 200, 10
    assertThat((Double) value("A", M_X)).isCloseTo(130.0, within(1e-12));
    assertThat(value("B", X)).isEqualTo(0);
    assertThat(value("B", T_X)).isEqualTo(0.0);
    assertThat(value("B", T)).isEqualTo(3.0);
    assertThat(value("B", M_X)).isNull();
  }

  @Test
  void btydSummaryInDays() {
    Row b =
        FeaturesStage.transform(orders(), service(), campaigns(), D, 365, ModelTimeUnit.DAY)
            .filter("customer_id = 'B'")
            .first();
    assertThat(b.getDouble(b.fieldIndex(T))).isEqualTo(21.0);
  }

  @Test
  void serviceCampaignsAndProfitability() {
    assertThat(value("A", SERVICE_CONTACTS)).isEqualTo(2);
    assertThat(value("A", COMPLAINTS)).isEqualTo(1);
    assertThat(value("A", AVG_WAIT_SECONDS)).isEqualTo(150.0);
    assertThat(value("A", ABANDONED_CONTACTS)).isEqualTo(1);
    assertThat(value("A", AVG_SATISFACTION)).isEqualTo(2.0);
    assertThat(value("A", COST_TO_SERVE)).isEqualTo(money("10.00"));
    assertThat(value("A", CAMPAIGN_TOUCHES)).isEqualTo(2);
    assertThat(value("A", CAMPAIGN_RESPONSES)).isEqualTo(1);
    assertThat(value("A", RESPONSE_RATE)).isEqualTo(0.5);
    assertThat(value("A", CAMPAIGN_COST)).isEqualTo(money("1.50"));
    // 130 − 10 − 1.50
    assertThat(value("A", NET_PROFITABILITY)).isEqualTo(money("118.50"));
  }

  @Test
  void customersWithoutContactsOrTouchesGetZerosAndNulls() {
    assertThat(value("B", SERVICE_CONTACTS)).isEqualTo(0);
    assertThat(value("B", COMPLAINTS)).isEqualTo(0);
    assertThat(value("B", AVG_WAIT_SECONDS)).isNull();
    assertThat(value("B", ABANDONED_CONTACTS)).isEqualTo(0);
    assertThat(value("B", AVG_SATISFACTION)).isNull();
    assertThat(value("B", COST_TO_SERVE)).isEqualTo(money("0.00"));
    assertThat(value("B", CAMPAIGN_TOUCHES)).isEqualTo(0);
    assertThat(value("B", CAMPAIGN_RESPONSES)).isEqualTo(0);
    assertThat(value("B", RESPONSE_RATE)).isNull();
    assertThat(value("B", CAMPAIGN_COST)).isEqualTo(money("0.00"));
    assertThat(value("B", NET_PROFITABILITY)).isEqualTo(money("0.00"));
  }

  @Test
  void anEarlierDateSeesOnlyItsPast() {
    List<Row> rows =
        FeaturesStage.transform(
                orders(),
                service(),
                campaigns(),
                LocalDate.parse("2026-01-10"),
                365,
                ModelTimeUnit.WEEK)
            .collectAsList();
    assertThat(rows).hasSize(1);
    Row a = rows.get(0);
    assertThat(a.getInt(a.fieldIndex(X))).isEqualTo(1);
    assertThat(a.<BigDecimal>getAs(LIFETIME_REVENUE)).isEqualTo(money("250.00"));
    assertThat(a.getInt(a.fieldIndex(SERVICE_CONTACTS))).isEqualTo(0);
    assertThat(a.getInt(a.fieldIndex(CAMPAIGN_TOUCHES))).isEqualTo(1);
    assertThat(a.getInt(a.fieldIndex(CAMPAIGN_RESPONSES))).isEqualTo(1);
  }
}

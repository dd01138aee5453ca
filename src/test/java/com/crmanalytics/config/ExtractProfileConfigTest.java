package com.crmanalytics.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmanalytics.config.ExtractSettings.IdenticalLines;
import com.crmanalytics.contract.Source;
import com.crmanalytics.error.CrmException;
import com.crmanalytics.error.ExitCode;
import java.io.File;
import java.time.LocalDate;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The profile keys for real extracts: defaults, the shipped profiles, and the refusals at start-up.
 */
class ExtractProfileConfigTest {

  @Test
  void defaultsKeepTheStrictBehaviourAndOnlyOrdersIsRequired() {
    PipelineConfig c = ConfigLoader.load(null, false, Map.of());
    ExtractSettings orders = c.extract(Source.ORDERS);
    assertThat(orders.required()).isTrue();
    assertThat(c.extract(Source.SERVICE).required()).isFalse();
    assertThat(c.extract(Source.CAMPAIGNS).required()).isFalse();
    assertThat(c.extract(Source.CUSTOMERS).required()).isFalse();
    assertThat(orders.anonymousCustomers()).isEmpty();
    assertThat(orders.normaliseIds()).isTrue();
    assertThat(orders.twoDigitYearBase()).isEqualTo(OptionalInt.empty());
    assertThat(orders.minDate()).isEqualTo(LocalDate.of(1900, 1, 1));
    assertThat(orders.maxFieldLength()).isEqualTo(10000);
    assertThat(orders.deriveLineNumbers()).isFalse();
    assertThat(orders.identicalLines()).isEqualTo(IdenticalLines.DUPLICATE);
    assertThat(orders.amountWhenEmpty()).isFalse();
    assertThat(orders.expressions()).isEmpty();
  }

  @Test
  void expressionsNameTheExtractColumnsTheyRead() {
    ExtractSettings service =
        ConfigLoader.load(
                null,
                false,
                Map.of(
                    "extracts.service.expressions.opened_ts", "concat(date, ' ', vru_entry)",
                    "extracts.service.expressions.customer_id", "nullif(`Customer ID`, '0')",
                    "extracts.service.expressions.abandoned", "outcome = 'HANG'"))
            .extract(Source.SERVICE);
    assertThat(service.expressions().get("opened_ts").columns())
        .containsExactly("date", "vru_entry");
    assertThat(service.expressions().get("customer_id").columns()).containsExactly("Customer ID");
    assertThat(service.isMapped("abandoned")).isTrue();
    assertThat(service.wantedColumns(Source.SERVICE.table().valueColumns()))
        .contains("contact_id", "Customer ID", "date", "vru_entry", "outcome")
        .doesNotContain("opened_ts", "abandoned");
  }

  @Test
  void shippedProfilesLoad() {
    PipelineConfig retail =
        ConfigLoader.load(new File("conf/profiles/online-retail-ii.conf"), true, Map.of());
    ExtractSettings orders = retail.extract(Source.ORDERS);
    assertThat(orders.sourceColumn("customer_id")).isEqualTo("Customer ID");
    assertThat(orders.sourceColumn("order_id")).isEqualTo("Invoice");
    assertThat(orders.deriveLineNumbers()).isTrue();
    assertThat(orders.anonymousCustomers()).containsExactly("");
    assertThat(orders.wantedColumns(Source.ORDERS.table().valueColumns()))
        .containsExactly(
            "Invoice",
            "line_no",
            "Customer ID",
            "InvoiceDate",
            "StockCode",
            "category",
            "Quantity",
            "Price",
            "amount",
            "cost",
            "currency",
            "Country");

    PipelineConfig calls =
        ConfigLoader.load(new File("conf/profiles/call-centre-1999.conf"), true, Map.of());
    ExtractSettings service = calls.extract(Source.SERVICE);
    assertThat(service.delimiter()).isEqualTo("\t");
    assertThat(service.anonymousCustomers()).containsExactly("0", "");
    assertThat(service.expressions().get("contact_id").columns())
        .containsExactly("call_id", "date", "vru_entry");
    // its orders come from the CDNOW profile it includes
    assertThat(calls.extract(Source.ORDERS).whitespaceDelimited()).isTrue();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "extracts.orders.expressions.order_ts | to_timestamp(concat(a, ' ', b) | extracts.orders.expressions.order_ts = 'to_timestamp(concat(a, ' ', b)' (allowed: a Spark SQL expression over the extract's columns (",
        "extracts.orders.expressions.ordr_ts | concat(a, b) | extracts.orders.expressions.ordr_ts = 'ordr_ts' (allowed: a column of orders",
        "extracts.orders.two-digit-year-base | 99 | extracts.orders.two-digit-year-base = '99' (allowed: auto or a four-digit year",
        "extracts.orders.min-date | long ago | extracts.orders.min-date = 'long ago' (allowed: a date such as 1900-01-01)",
        "extracts.orders.max-field-length | 0 | extracts.orders.max-field-length = '0' (allowed: a whole number of characters",
        "extracts.orders.identical-lines | same | extracts.orders.identical-lines = 'same' (allowed: duplicate or distinct)",
        "extracts.service.derive-line-numbers | true | extracts.service.derive-line-numbers = 'true' (allowed: false here",
        "extracts.campaigns.anonymous-customers | [\"0\"] | extracts.campaigns.anonymous-customers = '[0]' (allowed: [] here",
      })
  void badProfileValuesStopWithExitTwo(String key, String value, String message) {
    ConfigErrors.assertRefused(key, value, message);
  }

  @Test
  void aColumnIsMappedOrComputedNotBoth() {
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    null,
                    false,
                    Map.of(
                        "extracts.orders.columns.order_ts", "when",
                        "extracts.orders.expressions.order_ts", "concat(d, t)")))
        .hasMessageContaining(
            "extracts.orders.expressions.order_ts = 'concat(d, t)' (allowed: either a column mapping or an expression")
        .satisfies(e -> assertThat(((CrmException) e).exitCode()).isEqualTo(ExitCode.USAGE));
  }
}

package com.crmanalytics.ingest;

import com.crmanalytics.testing.Landing;
import java.time.LocalDate;
import java.util.List;

/** Small extracts with a row for every reason code, and the outcome each row must have. */
final class IngestFixtures {
  static final LocalDate D = LocalDate.of(2024, 5, 2);

  static final String ORDERS_HEADER =
      "order_id,line_no,customer_id,order_ts,product_id,category,quantity,unit_price,amount,cost,currency,channel,region,status";

  /** Line numbers count the header as line 1; the blank last line is not a row. */
  static final List<String> ORDERS =
      List.of(
          ORDERS_HEADER,
          "O1,1,C1,2024-05-01 10:00:00,P1,books,2,10.00,20.00,12.00,USD,web,north,complete", // 2
          // accepted
          "O2,1,,2024-05-01,P1,books,1,10.00,10.00,,USD,web,north,complete", // 3 missing_required
          "O3,1,C2,2024-05-01,P1,books,x,10.00,10.00,,USD,web,north,complete", // 4
          // unparseable_number
          "O4,1,C2,2024-13-01,P1,books,1,10.00,10.00,,USD,web,north,complete", // 5 unparseable_date
          "O5,1,C3,2024-05-09,P1,books,1,10.00,10.00,,USD,web,north,complete", // 6 date after D
          "O6,1,C3,2024-05-01,P1,books,1,-5.00,-5.00,,USD,web,north,complete", // 7 negative_price
          "O7,1,C3,2024-05-01", // 8 malformed_line
          "O8,1,C4,2024-05-01,P1,books,3,10.00,30.00,,USD,web,north,complete", // 9 conflict
          "O8,1,C4,2024-05-01,P1,books,3,10.00,31.00,,USD,web,north,complete", // 10 conflict
          "O9,1,C5,2024-05-02 08:00:00,P2,games,1,15.00,15.00,9.00,USD,store,south,complete", // 11
          // accepted
          "O9,1,C5,2024-05-02 08:00:00,P2,games,1,15.00,15.00,9.00,USD,store,south,complete", // 12
          // duplicate
          "O10,1,C6,2024-05-01,P2,games,-1,15.00,-15.00,-9.00,USD,store,south,returned", // 13
          // accepted, return
          "O11,,C6,2024-05-01,P3,home,1,7.50,7.50,,USD,web,east,complete", // 14 accepted, line_no 1
          "");

  static final List<String> SERVICE =
      List.of(
          "{\"contact_id\":\"S1\",\"customer_id\":\"C1\",\"opened_ts\":\"2024-05-01T09:00:00\",\"channel\":\"phone\",\"category\":\"complaint\",\"wait_seconds\":30,\"handle_seconds\":300,\"abandoned\":false,\"resolved\":true,\"satisfaction\":4,\"cost\":3.5}",
          "{\"contact_id\":\"S2\",\"customer_id\":\"C1\",\"opened_ts\":\"2024-05-01T10:00:00\",\"satisfaction\":9}",
          "{\"contact_id\":\"S3\",\"customer_id\":\"C2\",\"opened_ts\":\"2024-05-01T11:00:00\",\"abandoned\":\"maybe\"}",
          "{\"contact_id\":\"S4\",\"customer_id\":");

  static final String CAMPAIGNS_HEADER =
      "campaign_id,customer_id,sent_ts,campaign_name,channel,opened_ts,clicked_ts,converted_ts,cost";

  static final List<String> CAMPAIGNS =
      List.of(
          CAMPAIGNS_HEADER,
          "K1,C1,2024-04-01 09:00:00,Spring sale,email,2024-04-01 12:00:00,,,0.05",
          "K1,C2,2024-04-01 09:00:00,Spring sale,email,,,,0.05");

  private IngestFixtures() {}

  /** Writes the three required sources for {@link #D}; service as JSON Lines. */
  static void writeAll(Landing landing) {
    landing.write(D, "orders", "orders.csv", ORDERS);
    landing.write(D, "service", "contacts.jsonl", SERVICE);
    landing.write(D, "campaigns", "touches.csv", CAMPAIGNS);
  }
}

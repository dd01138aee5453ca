package com.crmanalytics.contract;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/** The extracts a company sends, and the silver table each one feeds. */
public enum Source {
  ORDERS("orders", () -> Orders.CONTRACT),
  SERVICE("service", () -> ServiceContacts.CONTRACT),
  CAMPAIGNS("campaigns", () -> CampaignTouches.CONTRACT),
  CUSTOMERS("customers", () -> Customers.CONTRACT);

  private final String id;
  // Looked up on first use: a contract's schema and rules load Spark's SQL classes (seconds), which
  // reading the configuration (and failing on it, exit 2) must not wait for.
  private final Supplier<TableContract> table;

  Source(String id, Supplier<TableContract> table) {
    this.id = id;
    this.table = table;
  }

  /** The name used in configuration, landing folders and the run log. */
  public String id() {
    return id;
  }

  public TableContract table() {
    return table.get();
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(Source::id).toList();
  }
}

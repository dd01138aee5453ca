package com.crmanalytics.contract;

import java.util.Arrays;
import java.util.List;

/** The extracts a company sends, and the silver table each one feeds. */
public enum Source {
  ORDERS("orders", Orders.CONTRACT),
  SERVICE("service", ServiceContacts.CONTRACT),
  CAMPAIGNS("campaigns", CampaignTouches.CONTRACT),
  CUSTOMERS("customers", Customers.CONTRACT);

  private final String id;
  private final TableContract table;

  Source(String id, TableContract table) {
    this.id = id;
    this.table = table;
  }

  /** The name used in configuration, landing folders and the run log. */
  public String id() {
    return id;
  }

  public TableContract table() {
    return table;
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(Source::id).toList();
  }
}

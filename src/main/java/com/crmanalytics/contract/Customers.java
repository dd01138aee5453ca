package com.crmanalytics.contract;

import static com.crmanalytics.contract.Rules.DATE;
import static com.crmanalytics.contract.Rules.STRING;

import java.util.List;

/** Silver table {@code customers} (optional source): one row per customer, keyed by customer_id. */
public final class Customers {
  public static final String CUSTOMER_ID = "customer_id";
  public static final String SIGNUP_DATE = "signup_date";
  public static final String REGION = "region";
  public static final String CUSTOMER_TYPE = "customer_type";
  public static final String NAME = "name";
  public static final String PHONE = "phone";
  public static final String EMAIL = "email";

  /** Personal data: kept in silver, masked wherever it is shown. */
  public static final List<String> PERSONAL = List.of(NAME, PHONE, EMAIL);

  public static final TableContract CONTRACT =
      TableContract.builder("customers", "Customer master data (silver; personal data masked in queries)")
          .required(CUSTOMER_ID, STRING, "Customer identifier")
          .optional(SIGNUP_DATE, DATE, "Date the customer signed up")
          .optional(REGION, STRING, "Home region")
          .optional(CUSTOMER_TYPE, STRING, "consumer, business or distributor")
          .optional(NAME, STRING, "Name (personal data)")
          .optional(PHONE, STRING, "Phone number (personal data)")
          .optional(EMAIL, STRING, "E-mail address (personal data)")
          .fields(Lineage.FIELDS)
          .key(CUSTOMER_ID)
          .eventColumn(SIGNUP_DATE)
          .build();

  private Customers() {}
}

package com.crmanalytics.contract;

import static com.crmanalytics.contract.Rules.BOOLEAN;
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
  public static final String MARKETING_CONSENT = "marketing_consent";
  public static final String CONSENT_DATE = "consent_date";
  public static final String CONSENT_CHANNEL = "consent_channel";

  public static final TableContract CONTRACT =
      TableContract.builder(
              "customers",
              "Customer master data (silver; the only table with personal data in clear)")
          .required(CUSTOMER_ID, STRING, "Customer identifier")
          .optional(SIGNUP_DATE, DATE, "Date the customer signed up")
          .optional(REGION, STRING, "Home region")
          .optional(CUSTOMER_TYPE, STRING, "consumer, business or distributor")
          .optional(NAME, STRING, "Name (personal data: masked in queries)")
          .optional(PHONE, STRING, "Phone number (personal data: masked in queries)")
          .optional(EMAIL, STRING, "E-mail address (personal data: masked in queries)")
          .optional(
              MARKETING_CONSENT,
              BOOLEAN,
              "True when the customer agreed to marketing contact; false or empty means no consent")
          .optional(CONSENT_DATE, DATE, "Date the consent (or its refusal) was given")
          .optional(CONSENT_CHANNEL, STRING, "Where the consent was given, e.g. web, store, phone")
          .fields(Lineage.FIELDS)
          .personal(NAME, PHONE, EMAIL)
          .key(CUSTOMER_ID)
          .eventColumn(SIGNUP_DATE)
          .build();

  /** Personal data: kept in this table, masked wherever it is shown. */
  public static final List<String> PERSONAL = CONTRACT.personalColumns();

  private Customers() {}
}

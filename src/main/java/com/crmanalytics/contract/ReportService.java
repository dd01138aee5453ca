package com.crmanalytics.contract;

import static com.crmanalytics.contract.Rules.DATE;
import static com.crmanalytics.contract.Rules.DOUBLE;
import static com.crmanalytics.contract.Rules.LONG;
import static com.crmanalytics.contract.Rules.MONEY;
import static com.crmanalytics.contract.Rules.STRING;

/**
 * Report table {@code report_service}: service quality and cost per tier, channel and category, by
 * {@code as_of_date}. A run for D replaces the rows of D; the queries that fill it are in {@code
 * report/ReportQueries}.
 */
public final class ReportService {
  public static final String AS_OF_DATE = "as_of_date";
  public static final String LEVEL = "level";
  public static final String TIER = "tier";
  public static final String CHANNEL = "channel";
  public static final String CATEGORY = "category";
  public static final String CONTACTS = "contacts";
  public static final String CUSTOMERS = "customers";
  public static final String CONTACTS_PER_CUSTOMER = "contacts_per_customer";
  public static final String MEAN_WAIT_SECONDS = "mean_wait_seconds";
  public static final String ABANDONMENT_RATE = "abandonment_rate";
  public static final String FIRST_CONTACT_RESOLUTION = "first_contact_resolution";
  public static final String MEAN_SATISFACTION = "mean_satisfaction";
  public static final String COMPLAINT_RATE = "complaint_rate";
  public static final String COST_TO_SERVE = "cost_to_serve";

  /** Values of {@link #LEVEL}: what a row groups by. */
  public static final String LEVEL_TIER = "tier";

  public static final String LEVEL_CHANNEL = "channel";
  public static final String LEVEL_CATEGORY = "category";

  public static final TableContract CONTRACT =
      TableContract.builder(
              "report_service", "Service quality and cost per tier, channel and category, by date")
          .required(AS_OF_DATE, DATE, "Business date D of the report")
          .required(LEVEL, STRING, "Grouping of the row: tier, channel or category")
          .optional(
              TIER,
              STRING,
              "Pyramid tier of the contacting customer (level tier; null: not a buying customer)")
          .optional(CHANNEL, STRING, "Contact channel (level channel)")
          .optional(CATEGORY, STRING, "Contact category (level category)")
          .required(CONTACTS, LONG, "Contacts opened in the window")
          .required(CUSTOMERS, LONG, "Distinct customers who made them")
          .required(
              CONTACTS_PER_CUSTOMER,
              DOUBLE,
              "contacts / customers; on level tier, per customer of the tier (contacting or not)")
          .optional(MEAN_WAIT_SECONDS, DOUBLE, "Mean wait before an answer, seconds")
          .required(ABANDONMENT_RATE, DOUBLE, "Share of contacts abandoned before an answer")
          .optional(
              FIRST_CONTACT_RESOLUTION,
              DOUBLE,
              "Share of answered contacts resolved with no new contact of the same customer and category within 7 days "
                  + "(null when none was answered)")
          .optional(
              MEAN_SATISFACTION,
              DOUBLE,
              "Mean satisfaction, 1-5, of the contacts that have a score")
          .required(COMPLAINT_RATE, DOUBLE, "Share of contacts of category complaint")
          .required(COST_TO_SERVE, MONEY, "Cost of the contacts")
          .key(AS_OF_DATE, LEVEL, TIER, CHANNEL, CATEGORY)
          .partitionBy(AS_OF_DATE)
          .build();

  private ReportService() {}
}

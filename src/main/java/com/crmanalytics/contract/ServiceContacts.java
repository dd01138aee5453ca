package com.crmanalytics.contract;

import static com.crmanalytics.contract.Rules.BOOLEAN;
import static com.crmanalytics.contract.Rules.INT;
import static com.crmanalytics.contract.Rules.MONEY;
import static com.crmanalytics.contract.Rules.STRING;
import static com.crmanalytics.contract.Rules.TIMESTAMP;

/**
 * Silver table {@code service_contacts}: one row per customer-service contact, keyed by contact_id.
 */
public final class ServiceContacts {
  public static final String CONTACT_ID = "contact_id";
  public static final String CUSTOMER_ID = "customer_id";
  public static final String OPENED_TS = "opened_ts";
  public static final String CLOSED_TS = "closed_ts";
  public static final String CHANNEL = "channel";
  public static final String CATEGORY = "category";
  public static final String WAIT_SECONDS = "wait_seconds";
  public static final String HANDLE_SECONDS = "handle_seconds";
  public static final String ABANDONED = "abandoned";
  public static final String RESOLVED = "resolved";
  public static final String SATISFACTION = "satisfaction";
  public static final String COST = "cost";
  public static final String AGENT_ID = "agent_id";

  public static final TableContract CONTRACT =
      TableContract.builder(
              "service_contacts",
              "Customer-service contacts (calls, tickets, chats), full history (silver)")
          .required(CONTACT_ID, STRING, "Contact or ticket number in the service system")
          .requiredUnlessAnonymous(
              CUSTOMER_ID,
              STRING,
              "Customer who made the contact; null when the caller was"
                  + " not identified (counted in service totals, not in per-customer tables)")
          .required(OPENED_TS, TIMESTAMP, "When the contact was opened")
          .optional(CLOSED_TS, TIMESTAMP, "When the contact was closed")
          .optional(CHANNEL, STRING, "phone, email, web, chat or visit")
          .optional(CATEGORY, STRING, "inquiry, installation, repair, complaint, …")
          .optional(WAIT_SECONDS, INT, "Seconds the customer waited before an agent answered")
          .optional(HANDLE_SECONDS, INT, "Seconds an agent spent on the contact")
          .optional(ABANDONED, BOOLEAN, "The customer gave up before being served")
          .optional(RESOLVED, BOOLEAN, "Resolved at the first contact")
          .optional(SATISFACTION, INT, "Satisfaction score, 1 (worst) to 5 (best)")
          .optional(COST, MONEY, "Cost to serve this contact")
          .optional(AGENT_ID, STRING, "Agent who handled the contact")
          .fields(Lineage.FIELDS)
          .key(CONTACT_ID)
          .eventColumn(OPENED_TS)
          .check(Rules.belowZero(ReasonCode.INVALID_VALUE, WAIT_SECONDS))
          .check(Rules.belowZero(ReasonCode.INVALID_VALUE, HANDLE_SECONDS))
          .check(Rules.outside(SATISFACTION, 1, 5))
          .check(Rules.belowZero(ReasonCode.NEGATIVE_PRICE, COST))
          .build();

  private ServiceContacts() {}
}

package com.crmanalytics.generate;

import com.crmanalytics.contract.CampaignTouches;
import com.crmanalytics.contract.Customers;
import com.crmanalytics.contract.Field;
import com.crmanalytics.contract.Lineage;
import com.crmanalytics.contract.Orders;
import com.crmanalytics.contract.ServiceContacts;
import com.crmanalytics.contract.Source;
import com.crmanalytics.contract.TableContract;
import java.util.List;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;

/**
 * The columns of each extract, in the contract's order (lineage columns excluded), and where each
 * column the generator fills sits in a row.
 */
final class Layout {
  static final int O_ORDER_ID = at(Source.ORDERS, Orders.ORDER_ID);
  static final int O_LINE_NO = at(Source.ORDERS, Orders.LINE_NO);
  static final int O_CUSTOMER_ID = at(Source.ORDERS, Orders.CUSTOMER_ID);
  static final int O_ORDER_TS = at(Source.ORDERS, Orders.ORDER_TS);
  static final int O_PRODUCT_ID = at(Source.ORDERS, Orders.PRODUCT_ID);
  static final int O_CATEGORY = at(Source.ORDERS, Orders.CATEGORY);
  static final int O_QUANTITY = at(Source.ORDERS, Orders.QUANTITY);
  static final int O_UNIT_PRICE = at(Source.ORDERS, Orders.UNIT_PRICE);
  static final int O_AMOUNT = at(Source.ORDERS, Orders.AMOUNT);
  static final int O_COST = at(Source.ORDERS, Orders.COST);
  static final int O_CURRENCY = at(Source.ORDERS, Orders.CURRENCY);
  static final int O_CHANNEL = at(Source.ORDERS, Orders.CHANNEL);
  static final int O_REGION = at(Source.ORDERS, Orders.REGION);
  static final int O_STATUS = at(Source.ORDERS, Orders.STATUS);

  static final int S_CONTACT_ID = at(Source.SERVICE, ServiceContacts.CONTACT_ID);
  static final int S_CUSTOMER_ID = at(Source.SERVICE, ServiceContacts.CUSTOMER_ID);
  static final int S_OPENED_TS = at(Source.SERVICE, ServiceContacts.OPENED_TS);
  static final int S_CLOSED_TS = at(Source.SERVICE, ServiceContacts.CLOSED_TS);
  static final int S_CHANNEL = at(Source.SERVICE, ServiceContacts.CHANNEL);
  static final int S_CATEGORY = at(Source.SERVICE, ServiceContacts.CATEGORY);
  static final int S_WAIT = at(Source.SERVICE, ServiceContacts.WAIT_SECONDS);
  static final int S_HANDLE = at(Source.SERVICE, ServiceContacts.HANDLE_SECONDS);
  static final int S_ABANDONED = at(Source.SERVICE, ServiceContacts.ABANDONED);
  static final int S_RESOLVED = at(Source.SERVICE, ServiceContacts.RESOLVED);
  static final int S_SATISFACTION = at(Source.SERVICE, ServiceContacts.SATISFACTION);
  static final int S_COST = at(Source.SERVICE, ServiceContacts.COST);
  static final int S_AGENT_ID = at(Source.SERVICE, ServiceContacts.AGENT_ID);

  static final int K_CAMPAIGN_ID = at(Source.CAMPAIGNS, CampaignTouches.CAMPAIGN_ID);
  static final int K_CUSTOMER_ID = at(Source.CAMPAIGNS, CampaignTouches.CUSTOMER_ID);
  static final int K_SENT_TS = at(Source.CAMPAIGNS, CampaignTouches.SENT_TS);
  static final int K_NAME = at(Source.CAMPAIGNS, CampaignTouches.CAMPAIGN_NAME);
  static final int K_CHANNEL = at(Source.CAMPAIGNS, CampaignTouches.CHANNEL);
  static final int K_OPENED_TS = at(Source.CAMPAIGNS, CampaignTouches.OPENED_TS);
  static final int K_CLICKED_TS = at(Source.CAMPAIGNS, CampaignTouches.CLICKED_TS);
  static final int K_CONVERTED_TS = at(Source.CAMPAIGNS, CampaignTouches.CONVERTED_TS);
  static final int K_COST = at(Source.CAMPAIGNS, CampaignTouches.COST);
  static final int K_CONTROL = at(Source.CAMPAIGNS, CampaignTouches.CONTROL);

  static final int C_CUSTOMER_ID = at(Source.CUSTOMERS, Customers.CUSTOMER_ID);
  static final int C_SIGNUP_DATE = at(Source.CUSTOMERS, Customers.SIGNUP_DATE);
  static final int C_REGION = at(Source.CUSTOMERS, Customers.REGION);
  static final int C_TYPE = at(Source.CUSTOMERS, Customers.CUSTOMER_TYPE);
  static final int C_NAME = at(Source.CUSTOMERS, Customers.NAME);
  static final int C_PHONE = at(Source.CUSTOMERS, Customers.PHONE);
  static final int C_EMAIL = at(Source.CUSTOMERS, Customers.EMAIL);
  static final int C_CONSENT = at(Source.CUSTOMERS, Customers.MARKETING_CONSENT);
  static final int C_CONSENT_DATE = at(Source.CUSTOMERS, Customers.CONSENT_DATE);
  static final int C_CONSENT_CHANNEL = at(Source.CUSTOMERS, Customers.CONSENT_CHANNEL);

  /** How a value is written in JSON Lines and Parquet. */
  enum Kind {
    TEXT,
    NUMBER,
    BOOLEAN
  }

  private Layout() {}

  /** The extract columns of a source, in order. */
  static List<Field> fields(Source source) {
    TableContract table = source.table();
    List<String> lineage = Lineage.FIELDS.stream().map(Field::name).toList();
    return table.fields().stream().filter(f -> !lineage.contains(f.name())).toList();
  }

  static String[] columns(Source source) {
    return fields(source).stream().map(Field::name).toArray(String[]::new);
  }

  static Kind[] kinds(Source source) {
    return fields(source).stream()
        .map(
            f ->
                f.type() instanceof BooleanType
                    ? Kind.BOOLEAN
                    : f.type() instanceof IntegerType
                            || f.type() instanceof LongType
                            || f.type() instanceof DecimalType
                        ? Kind.NUMBER
                        : Kind.TEXT)
        .toArray(Kind[]::new);
  }

  static String[] row(Source source) {
    return new String[WIDTH[source.ordinal()]];
  }

  private static final int[] WIDTH = {
    fields(Source.ORDERS).size(),
    fields(Source.SERVICE).size(),
    fields(Source.CAMPAIGNS).size(),
    fields(Source.CUSTOMERS).size()
  };

  private static int at(Source source, String column) {
    List<Field> fields = fields(source);
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().equals(column)) {
        return i;
      }
    }
    throw new IllegalStateException("No column " + column + " in " + source.id());
  }
}

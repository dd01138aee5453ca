package com.crmanalytics.generate;

import java.util.Arrays;

/**
 * The fixed world the customers live in: products with a Zipf-skewed popularity, their categories
 * and margins, regions, channels, customer types, names, service categories and campaign themes.
 */
final class Catalog {
  static final int PRODUCTS = 400;
  static final String[] CATEGORIES = {
    "electronics",
    "home",
    "books",
    "music",
    "games",
    "garden",
    "toys",
    "sports",
    "beauty",
    "grocery"
  };

  /** Gross margin ratio per category (same order as {@link #CATEGORIES}). */
  static final double[] MARGIN = {0.18, 0.35, 0.30, 0.28, 0.25, 0.40, 0.38, 0.33, 0.50, 0.20};

  static final Weighted REGION = Weighted.of("north:35,south:25,east:20,west:15,central:5");
  static final Weighted CUSTOMER_TYPE = Weighted.of("consumer:85,business:12,distributor:3");
  static final Weighted ORDER_CHANNEL = Weighted.of("web:55,store:30,phone:10,app:5");
  static final Weighted LINES_QUANTITY = Weighted.of("1:78,2:16,3:6");

  static final Weighted CONTACT_CHANNEL = Weighted.of("phone:45,chat:20,email:20,web:10,visit:5");
  static final Weighted CONTACT_CATEGORY =
      Weighted.of("inquiry:40,billing:15,installation:12,repair:15,complaint:8,returns:10");

  /** Categories in the weeks around a customer's drop-out: complaints dominate. */
  static final Weighted CHURN_CONTACT_CATEGORY =
      Weighted.of("inquiry:12,billing:15,installation:3,repair:20,complaint:45,returns:5");

  /** Contacts that follow a purchase. */
  static final Weighted PURCHASE_CONTACT_CATEGORY =
      Weighted.of("inquiry:40,installation:25,repair:15,billing:10,returns:10");

  static final Weighted CAMPAIGN_CHANNEL = Weighted.of("email:50,sms:18,app:17,mail:10,phone:5");
  static final String[] CAMPAIGN_THEMES = {
    "New arrivals",
    "Flash sale",
    "Loyalty reward",
    "Win-back offer",
    "Seasonal picks",
    "Free shipping weekend",
    "Member preview",
    "Clearance",
    "Bundle deals",
    "Gift guide"
  };

  static final String[] FIRST_NAMES = {
    "Olivia", "Liam", "Emma", "Noah", "Ava", "Elijah", "Sophia", "James", "Isabella", "Lucas",
        "Mia", "Mateo",
    "Amelia", "Wei", "Harper", "Arjun", "Chloe", "Kenji", "Zoe", "Omar", "Lena", "Diego", "Aisha",
        "Jonas",
    "Fatima", "Pierre", "Ingrid", "Sean", "Yuki", "Carmen"
  };
  static final String[] LAST_NAMES = {
    "Smith", "Johnson", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Chen", "Wang", "Kim",
        "Nguyen",
    "Patel", "O'Brien", "Müller", "Rossi", "Dubois", "Silva", "Kowalski", "Andersen", "Tanaka",
        "Lee", "Brown",
    "Wilson", "Lopez", "Okafor", "Haddad", "Novak", "Schmidt", "Murphy", "Costa"
  };
  static final String[] COMPANY_SUFFIXES = {
    " Ltd", ", Inc.", " & Sons", " Trading", " GmbH", " Supplies, LLC"
  };

  private static final double ZIPF_EXPONENT = 1.1;
  private static final double[] PRODUCT_CUMULATIVE = new double[PRODUCTS];
  private static final int[] PRODUCT_CATEGORY = new int[PRODUCTS];
  private static final String[] PRODUCT_ID = new String[PRODUCTS];

  static {
    double sum = 0;
    for (int k = 0; k < PRODUCTS; k++) {
      sum += 1 / Math.pow(k + 1, ZIPF_EXPONENT);
      PRODUCT_CUMULATIVE[k] = sum;
      // a fixed scatter of products over categories, so popular products span several categories
      PRODUCT_CATEGORY[k] = (int) ((k * 7L + k / 13) % CATEGORIES.length);
      PRODUCT_ID[k] = String.format("P%04d", k + 1);
    }
    for (int k = 0; k < PRODUCTS; k++) {
      PRODUCT_CUMULATIVE[k] /= sum;
    }
  }

  private Catalog() {}

  /** A product index drawn with Zipf(1.1) popularity. */
  static int product(double u) {
    int i = Arrays.binarySearch(PRODUCT_CUMULATIVE, u);
    i = i >= 0 ? i : -i - 1;
    return Math.min(i, PRODUCTS - 1);
  }

  static String productId(int product) {
    return PRODUCT_ID[product];
  }

  static int category(int product) {
    return PRODUCT_CATEGORY[product];
  }
}

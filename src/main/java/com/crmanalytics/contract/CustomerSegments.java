package com.crmanalytics.contract;

import static com.crmanalytics.contract.Rules.DATE;
import static com.crmanalytics.contract.Rules.INT;
import static com.crmanalytics.contract.Rules.LONG;
import static com.crmanalytics.contract.Rules.MONEY;
import static com.crmanalytics.contract.Rules.STRING;

/**
 * Gold table {@code customer_segments}: one row per customer of {@code customer_features} at {@code
 * as_of_date}, with RFM scores, the named segment and the pyramid tier. Partitioned by {@code
 * as_of_date}; a run for D replaces the partition D.
 */
public final class CustomerSegments {
  public static final String CUSTOMER_ID = "customer_id";
  public static final String AS_OF_DATE = "as_of_date";
  public static final String RECENCY_DAYS = "recency_days";
  public static final String FREQUENCY = "frequency";
  public static final String MONETARY = "monetary";
  public static final String R_SCORE = "r_score";
  public static final String F_SCORE = "f_score";
  public static final String M_SCORE = "m_score";
  public static final String RFM_CELL = "rfm_cell";
  public static final String SEGMENT = "segment";
  public static final String TIER = "tier";
  public static final String TIER_RANK = "tier_rank";

  public static final TableContract CONTRACT =
      TableContract.builder(
              "customer_segments",
              "RFM scores, named segment and pyramid tier of every customer, by date")
          .required(CUSTOMER_ID, STRING, "Customer identifier")
          .required(AS_OF_DATE, DATE, "Business date D the scores are for")
          .optional(RECENCY_DAYS, INT, "Days since the last purchase (fewer is better)")
          .required(FREQUENCY, INT, "Purchase days in the RFM window (rfm.window-days ending on D)")
          .required(MONETARY, MONEY, "Net revenue in the RFM window")
          .required(
              R_SCORE,
              INT,
              "Recency score 1-rfm.bins (5 = bought most recently); see model_runs.thresholds")
          .required(F_SCORE, INT, "Frequency score 1-rfm.bins (5 = buys most often)")
          .required(M_SCORE, INT, "Monetary score 1-rfm.bins (5 = spends most)")
          .required(RFM_CELL, STRING, "The three scores as text, R then F then M, e.g. 545")
          .required(
              SEGMENT,
              STRING,
              "Named segment from (R, F): champions, loyal, ..., lost (see README)")
          .required(
              TIER,
              STRING,
              "Customer-pyramid tier (pyramid.tiers, e.g. vip, major, ordinary, small)")
          .required(
              TIER_RANK,
              LONG,
              "Rank by pyramid.measure over the window, 1 = largest; ties by customer_id")
          .key(CUSTOMER_ID, AS_OF_DATE)
          .partitionBy(AS_OF_DATE)
          .build();

  private CustomerSegments() {}
}

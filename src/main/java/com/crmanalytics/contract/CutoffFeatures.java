package com.crmanalytics.contract;

import static com.crmanalytics.contract.Rules.DATE;
import static com.crmanalytics.contract.Rules.STRING;
import static com.crmanalytics.contract.Rules.TIMESTAMP;

/**
 * Internal table {@code cutoff_features}: the {@link CustomerFeatures} of the value stage's cutoff
 * dates (D − churn.horizon-days and D − 2 × churn.horizon-days) as the run of D computed them, kept
 * so that the next night continues them by one day instead of recomputing them from silver. Only
 * the dates the latest value run used are kept; dates a nightly run has passed come from {@code
 * customer_features} and are not stored here. Partitioned by {@code as_of_date}.
 */
public final class CutoffFeatures {
  public static final String COMPUTED_ON = "computed_on";
  public static final String STARTED_AT = "started_at";
  public static final String CONFIG_HASH = "config_hash";
  public static final String CODE_VERSION = "code_version";
  public static final String RUN_ID = "run_id";

  public static final TableContract CONTRACT =
      TableContract.builder(
              "cutoff_features",
              "Internal: customer_features of the value stage's cutoff dates, continued nightly")
          .fields(CustomerFeatures.CONTRACT.fields())
          .required(
              COMPUTED_ON, DATE, "Business date of the value run that computed or continued them")
          .required(
              STARTED_AT,
              TIMESTAMP,
              "When that computation started: the silver tables as they were then")
          .required(CONFIG_HASH, STRING, "Hash of the configuration that computed them")
          .required(CODE_VERSION, STRING, "crm-analytics version that computed them")
          .required(RUN_ID, STRING, "Pipeline run that computed them")
          .key(CustomerFeatures.CUSTOMER_ID, CustomerFeatures.AS_OF_DATE)
          .partitionBy(CustomerFeatures.AS_OF_DATE)
          .build();

  private CutoffFeatures() {}
}

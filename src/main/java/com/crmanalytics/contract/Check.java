package com.crmanalytics.contract;

import org.apache.spark.sql.Column;

/**
 * A row rule of a contract: rows where {@code failsWhen} is true go to quarantine with the code and
 * the reason (a string column naming the column and the value at fault).
 */
public record Check(ReasonCode code, Column failsWhen, Column reason) {}

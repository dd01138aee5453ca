package com.crmanalytics.serve;

import com.crmanalytics.error.CrmException;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns what went wrong with a statement into the Flight error a client sees. */
final class Failures {
  private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

  private Failures() {}

  /**
   * A refused or wrong statement is the client's fault (INVALID_ARGUMENT, one line); anything else
   * is INTERNAL.
   */
  static RuntimeException of(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof FlightRuntimeException f) {
        return f;
      }
      if (t instanceof CrmException
          || t instanceof org.apache.spark.sql.AnalysisException
          || t instanceof org.apache.spark.SparkThrowable) {
        return CallStatus.INVALID_ARGUMENT
            .withDescription(firstLine(t.getMessage()))
            .toRuntimeException();
      }
    }
    LOG.error("statement failed", e);
    return CallStatus.INTERNAL
        .withDescription(e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()))
        .withCause(e)
        .toRuntimeException();
  }

  static String firstLine(String s) {
    String m = String.valueOf(s);
    return m.lines().filter(l -> !l.isBlank()).findFirst().orElse(m).strip();
  }
}

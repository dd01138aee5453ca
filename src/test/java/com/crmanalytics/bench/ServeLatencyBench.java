package com.crmanalytics.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;

/**
 * Benchmark (run by hand, not by mvn test): the latency of a gold query through {@code crm serve},
 * as a BI tool sees it — the standard Flight SQL JDBC driver against a running server.
 *
 * <p>Arguments: JDBC_URL [RUNS] [QUERY], e.g. {@code
 * jdbc:arrow-flight-sql://127.0.0.1:32010/?useEncryption=false 15}. Three warm-up queries, then
 * RUNS timed ones; prints "serve_latency median_ms max_ms runs".
 */
public final class ServeLatencyBench {
  private static final String QUERY =
      "select segment, count(*) customers, avg(monetary) from customer_segments "
          + "where as_of_date = (select max(as_of_date) from customer_segments) "
          + "group by segment order by 2 desc";

  private ServeLatencyBench() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    String query = args.length > 2 ? args[2] : QUERY;
    long[] nanos = new long[runs];
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      for (int i = -3; i < runs; i++) {
        long t0 = System.nanoTime();
        try (ResultSet rs = s.executeQuery(query)) {
          while (rs.next()) {
            rs.getObject(1);
          }
        }
        if (i >= 0) {
          nanos[i] = System.nanoTime() - t0;
        }
      }
    }
    Arrays.sort(nanos);
    System.out.printf(
        "serve_latency %.0f %.0f %d%n", nanos[runs / 2] / 1e6, nanos[runs - 1] / 1e6, runs);
  }
}

package com.crmanalytics.report;

import com.crmanalytics.contract.Reports;
import com.crmanalytics.contract.TableContract;
import com.crmanalytics.error.Errors;
import com.crmanalytics.io.Warehouse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Writes what the report stage computed: the report tables' rows of D and the HTML page. */
final class ReportOutput {
  private ReportOutput() {}

  /**
   * Replaces the rows of D of every report table among {@code tables} (the others, such as the
   * product_affinity rows read for the page, are not the report's to write).
   */
  static void writeTables(Warehouse wh, LocalDate d, Map<TableContract, List<Row>> tables) {
    for (Map.Entry<TableContract, List<Row>> t : tables.entrySet()) {
      if (!Reports.ALL.contains(t.getKey())) {
        continue;
      }
      wh.replaceDate(
          t.getKey(),
          Reports.AS_OF_DATE,
          d,
          wh.spark().createDataFrame(t.getValue(), t.getKey().schema()));
    }
  }

  /**
   * Writes the page to {@code <reports>/D/<page>} (any Hadoop file system) and returns its path.
   */
  static String writePage(
      SparkSession spark, String reports, LocalDate d, String name, String html) {
    Path page = new Path(new Path(reports, d.toString()), name);
    try {
      FileSystem fs = page.getFileSystem(spark.sparkContext().hadoopConfiguration());
      Path qualified = fs.makeQualified(page);
      try (OutputStream out = fs.create(qualified, true)) {
        out.write(html.getBytes(StandardCharsets.UTF_8));
      }
      return qualified.toString();
    } catch (IOException e) {
      throw Errors.unreadableFile(page.toString(), "cannot write the report: " + e.getMessage(), e);
    }
  }
}

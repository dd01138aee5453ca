package com.crmanalytics.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmanalytics.contract.TableContract;
import com.crmanalytics.testing.TestSpark;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * A MERGE of many rows into a table whose key holds its event time writes files each covering a
 * narrow span of it, so that later MERGEs bounded in time skip the rest; a small one, or one into a
 * table whose key does not hold the time, is written as it comes.
 */
class MergeLayoutTest {
  private static final TableContract TOUCHES =
      TableContract.builder("touches", "Rows with an event time")
          .required("id", DataTypes.StringType, "Key")
          .required("sent_ts", DataTypes.TimestampType, "When")
          .key("id", "sent_ts")
          .eventColumn("sent_ts")
          .build();
  private static final TableContract LINES =
      TableContract.builder("lines", "Rows with an event time outside the key")
          .required("id", DataTypes.StringType, "Key")
          .required("sent_ts", DataTypes.TimestampType, "When")
          .key("id")
          .eventColumn("sent_ts")
          .build();
  private static final TableContract PEOPLE =
      TableContract.builder("people", "Rows without an event time")
          .required("id", DataTypes.StringType, "Key")
          .key("id")
          .build();

  @Test
  void manyRowsAreSplitIntoFilesOfConsecutiveTimes() {
    Dataset<Row> rows = shuffledDays(10);
    List<List<Row>> files =
        MergeLayout.clustered(TOUCHES, rows, 10, 3).javaRDD().glom().collect().stream()
            .filter(f -> !f.isEmpty())
            .toList();

    assertThat(files).hasSize(4);
    Instant previousLast = Instant.MIN;
    for (List<Row> file : files) {
      List<Instant> times = file.stream().map(r -> r.getTimestamp(1).toInstant()).sorted().toList();
      assertThat(times.get(0)).isAfter(previousLast);
      previousLast = times.get(times.size() - 1);
    }
    assertThat(files.stream().mapToInt(List::size).sum()).isEqualTo(10);
  }

  @Test
  void aFewRowsOrATableWithoutEventTimeInItsKeyAreLeftAsTheyCome() {
    Dataset<Row> rows = shuffledDays(10);
    assertThat(MergeLayout.clustered(TOUCHES, rows, 10, 10)).isSameAs(rows);
    assertThat(MergeLayout.clustered(LINES, rows, 10, 3)).isSameAs(rows);
    Dataset<Row> people = rows.select("id");
    assertThat(MergeLayout.clustered(PEOPLE, people, 10, 3)).isSameAs(people);
  }

  /** One row per day for {@code n} days, in a shuffled order over three partitions. */
  private static Dataset<Row> shuffledDays(int n) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(
          RowFactory.create(
              "T" + i,
              Timestamp.from(Instant.parse("2026-01-01T10:00:00Z").plusSeconds(86_400L * i))));
    }
    Collections.shuffle(rows, new java.util.Random(7));
    StructType schema =
        new StructType()
            .add("id", DataTypes.StringType, false)
            .add("sent_ts", DataTypes.TimestampType, false);
    return TestSpark.session().createDataFrame(rows, schema).repartition(3);
  }
}

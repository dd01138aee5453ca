package com.crmanalytics.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

/**
 * Records from the lines of one file: quoted line breaks (RFC 4180), true line numbers, repeated
 * headers.
 */
class RecordIteratorTest {
  private static final List<String> COLUMNS = List.of("id", "note", "amount");

  private static List<String> records(boolean header, String... lines) {
    LineParser parser = LineParser.delimited(StandardCharsets.UTF_8, ",", '"', COLUMNS, COLUMNS);
    if (header) {
      parser = parser.withHeaderCheck();
    }
    List<Tuple2<LongWritable, Text>> input = new ArrayList<>();
    long offset = 0;
    for (String l : lines) {
      input.add(new Tuple2<>(new LongWritable(offset), new Text(l)));
      offset += l.length() + 1;
    }
    Iterator<Row> it = new RecordIterator("d/orders/a.csv", parser, header, input.iterator());
    List<String> out = new ArrayList<>();
    while (it.hasNext()) {
      Row r = it.next();
      String[] values = (String[]) r.get(3);
      out.add(
          r.getLong(1)
              + " "
              + (r.isNullAt(5)
                  ? String.join("|", values)
                  : r.getString(5) + ": " + r.getString(4)));
    }
    return out;
  }

  @Test
  void aQuotedFieldMaySpanLinesAndTheLinesAfterItKeepTheirNumbers() {
    assertThat(
            records(
                true,
                "id,note,amount",
                "1,plain,10",
                "2,\"first line",
                "second, with comma",
                "third\",20",
                "",
                "3,\"\"\"quoted\"\"\",30"))
        .containsExactly(
            "2 1|plain|10", "3 2|first line\nsecond, with comma\nthird|20", "7 3|\"quoted\"|30");
  }

  @Test
  void aQuoteThatNeverClosesRefusesItsFirstLineOnlyAndTheRestIsReadAgain() {
    assertThat(records(false, "1,\"never closed,10", "2,ok,20", "3,ok,30"))
        .containsExactly(
            "1 malformed_line: malformed line: a quote opened at column 3 is never closed",
            "2 2|ok|20",
            "3 3|ok|30");
  }

  @Test
  void aRepeatedHeaderLineHasItsOwnReason() {
    assertThat(records(true, "id,note,amount", "1,a,10", "id,note,amount", "2,b,20"))
        .containsExactly(
            "2 1|a|10",
            "3 header_repeated: the header line repeated: id, note, amount",
            "4 2|b|20");
  }
}

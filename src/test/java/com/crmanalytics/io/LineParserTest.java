package com.crmanalytics.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LineParserTest {
  private static final Charset GBK = Charset.forName("GBK");

  private static LineParser csv(String delimiter, String... columns) {
    return LineParser.delimited(
        StandardCharsets.UTF_8, delimiter, '"', List.of(columns), List.of(columns));
  }

  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        ", | a,b,c | a/b/c",
        ", | a,,c | a//c",
        ", | ,, | //",
        ", | \"a,1\",b,c | a,1/b/c",
        ", | \"say \"\"hi\"\"\",b,c | say \"hi\"/b/c",
        ", | \"\",b,c | /b/c",
        "; | a;b;c | a/b/c",
        "whitespace | ` 00004 0001  19970101   2   29.33` | 00004/0001/19970101/2/29.33",
        "whitespace | `a\t\tb   c ` | a/b/c",
        "whitespace | `\"New York\"  b c` | New York/b/c",
      })
  void splitsDelimitedLines(String delimiter, String line, String expected) {
    String d = delimiter.equals("tab") ? "\t" : delimiter;
    assertThat(String.join("/", csv(d).split(line))).isEqualTo(expected);
  }

  @Test
  void splitsOnTabs() {
    assertThat(csv("\t").split("a\tb c\t")).containsExactly("a", "b c", "");
  }

  @Test
  void returnsTheWantedColumnsInTheOrderAskedFor() {
    LineParser parser =
        LineParser.delimited(
            StandardCharsets.UTF_8,
            ",",
            '"',
            List.of("id", "who", "amount"),
            List.of("amount", "id", "absent"));
    LineParser.Parsed p = parser.parse("O1,C1,10.50");
    assertThat(p.error()).isNull();
    assertThat(p.values()).containsExactly("10.50", "O1", null);
    assertThat(p.raw()).isEqualTo("O1,C1,10.50");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "O1,C1 | malformed line: expected 3 fields (id, who, amount), found 2",
        "O1,C1,3,4 | malformed line: expected 3 fields (id, who, amount), found 4",
        "`O1,\"C1,3`| malformed line: a quote opened at column 4 is never closed",
        "`O1,\"C1\"x,3` | malformed line: unexpected 'x' after a closing quote at column 8",
      })
  void reportsMalformedLinesAndKeepsTheirText(String line, String error) {
    LineParser.Parsed p = csv(",", "id", "who", "amount").parse(line);
    assertThat(p.values()).isNull();
    assertThat(p.error()).isEqualTo(error);
    assertThat(p.raw()).isEqualTo(line);
  }

  @Test
  void dropsAByteOrderMarkOnTheFirstLineOnly() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] line = concat(bom, "O1,C1,5".getBytes(StandardCharsets.UTF_8));
    LineParser p = csv(",", "id", "who", "amount");
    assertThat(p.parse(line, true).values()[0]).isEqualTo("O1");
    assertThat(p.parse(line, false).values()[0]).isEqualTo("\uFEFFO1");
  }

  @Test
  void decodesGbk() {
    LineParser p = LineParser.delimited(GBK, ",", '"', List.of("id", "city"), List.of("city"));
    LineParser.Parsed parsed = p.parse("C1,北京".getBytes(GBK), false);
    assertThat(parsed.values()).containsExactly("北京");
  }

  @Test
  void bytesThatAreNotValidInTheEncodingMakeAMalformedLine() {
    byte[] latin1 = "C1,Z\u00fcrich".getBytes(StandardCharsets.ISO_8859_1);
    LineParser.Parsed p = csv(",", "id", "city").parse(latin1, false);
    assertThat(p.error()).isEqualTo("malformed line: not valid UTF-8 text");
    assertThat(p.raw()).startsWith("C1,Z");
  }

  @Test
  void readsJsonObjects() {
    LineParser json =
        LineParser.jsonLines(
            StandardCharsets.UTF_8,
            List.of("contact_id", "wait_seconds", "abandoned", "agent", "tags", "absent"));
    LineParser.Parsed p =
        json.parse(
            "{\"contact_id\": \"S1\", \"wait_seconds\": 30, \"abandoned\": false, \"agent\": null, \"tags\": [1,2]}");
    assertThat(p.error()).isNull();
    assertThat(p.values()).containsExactly("S1", "30", "false", null, "[1,2]", null);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "`{\"a\": 1` | malformed line: invalid JSON",
        "`[1, 2]` | malformed line: not a JSON object",
        "`{\"a\": 1} {\"b\": 2}` | malformed line: invalid JSON",
      })
  void reportsBadJson(String line, String error) {
    assertThat(LineParser.jsonLines(StandardCharsets.UTF_8, List.of("a")).parse(line).error())
        .startsWith(error);
  }

  @Test
  void survivesSerialisationToExecutors() throws Exception {
    LineParser parser = LineParser.delimited(GBK, ",", '"', List.of("id", "city"), List.of("city"));
    parser.parse("a,b".getBytes(GBK), false); // builds the decoder
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(parser);
    }
    LineParser copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (LineParser) in.readObject();
    }
    assertThat(copy.parse("C1,上海".getBytes(GBK), false).values()).containsExactly("上海");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}

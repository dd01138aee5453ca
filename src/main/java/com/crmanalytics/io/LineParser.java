package com.crmanalytics.io;

import com.crmanalytics.config.ExtractSettings;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one line of a text extract into the values of the wanted columns, in the order asked for:
 * decodes the bytes in the extract's encoding, then splits a delimited line (quotes, any delimiter,
 * or runs of whitespace) or reads a JSON object. A wanted column the line lacks is null. Pure and
 * per-line, so it runs on executors and is tested without Spark. Not thread-safe: one instance per
 * partition.
 */
public final class LineParser implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final char BOM = '\uFEFF';
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /**
   * The outcome for one record: the text as read, the wanted values, or why it could not be split
   * ({@code code}: the quarantine reason code, malformed_line or header_repeated).
   */
  public record Parsed(String raw, String[] values, String error, String code) {
    public Parsed(String raw, String[] values, String error) {
      this(raw, values, error, error == null ? null : MALFORMED);
    }
  }

  /**
   * Reason codes a parse can give (the values of contract.ReasonCode; io does not import contract).
   */
  public static final String MALFORMED = "malformed_line";

  public static final String HEADER_REPEATED = "header_repeated";

  private final boolean json;
  private final String charsetName;
  private final String delimiter;
  private final char quote;
  private final List<String> columns;
  private final List<String> wanted;

  /** For delimited lines: the position of each wanted column in the line, or -1. */
  private final int[] positions;

  /** The columns come from the file's header line, so a line equal to them is a repeated header. */
  private final boolean headerCheck;

  private transient CharsetDecoder decoder;

  private LineParser(
      boolean json,
      String charsetName,
      String delimiter,
      char quote,
      List<String> columns,
      List<String> wanted) {
    this.json = json;
    this.charsetName = charsetName;
    this.delimiter = delimiter;
    this.quote = quote;
    this.columns = List.copyOf(columns);
    this.wanted = List.copyOf(wanted);
    this.positions = wanted.stream().mapToInt(columns::indexOf).toArray();
    this.headerCheck = false;
  }

  private LineParser(LineParser p, boolean headerCheck) {
    this.json = p.json;
    this.charsetName = p.charsetName;
    this.delimiter = p.delimiter;
    this.quote = p.quote;
    this.columns = p.columns;
    this.wanted = p.wanted;
    this.positions = p.positions;
    this.headerCheck = headerCheck;
  }

  /** The same parser, reporting a line equal to the header as {@link #HEADER_REPEATED}. */
  public LineParser withHeaderCheck() {
    return new LineParser(this, true);
  }

  /**
   * A parser for delimited lines whose fields are named {@code columns}, in order; the delimiter is
   * one character or {@link ExtractSettings#WHITESPACE}; it returns the values of {@code wanted}.
   */
  public static LineParser delimited(
      Charset charset, String delimiter, char quote, List<String> columns, List<String> wanted) {
    return new LineParser(false, charset.name(), delimiter, quote, columns, wanted);
  }

  /**
   * A parser for JSON Lines: one object per line; it returns the values of the members {@code
   * wanted}.
   */
  public static LineParser jsonLines(Charset charset, List<String> wanted) {
    return new LineParser(true, charset.name(), null, '"', List.of(), wanted);
  }

  /** Decodes one line; a UTF-8 byte-order mark at the start of a file is dropped. */
  public Parsed parse(byte[] bytes, boolean firstLine) {
    String text = decode(bytes, firstLine);
    return text == null ? undecodable(bytes) : parse(text);
  }

  /** The line's text, or null when it is not valid text in the extract's encoding. */
  public String decode(byte[] bytes, boolean firstLine) {
    String text;
    try {
      text = decoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
    if (firstLine && !text.isEmpty() && text.charAt(0) == BOM) {
      text = text.substring(1);
    }
    return text;
  }

  /** The outcome for a line that {@link #decode} refused. */
  public Parsed undecodable(byte[] bytes) {
    String lossy = new String(bytes, Charset.forName(charsetName));
    return new Parsed(lossy, null, "malformed line: not valid " + charsetName + " text");
  }

  /**
   * True when a delimited record's text ends inside a quoted field (RFC 4180: a quoted field may
   * hold line breaks), so the next line belongs to the same record.
   */
  public boolean open(String text) {
    if (json) {
      return false;
    }
    boolean whitespace = ExtractSettings.WHITESPACE.equals(delimiter);
    int n = text.length();
    int i = 0;
    boolean fieldStart = true;
    while (i < n) {
      char c = text.charAt(i);
      if (fieldStart && c == quote) {
        i++;
        while (true) {
          if (i >= n) {
            return true;
          }
          if (text.charAt(i) == quote) {
            if (i + 1 < n && text.charAt(i + 1) == quote) {
              i += 2;
              continue;
            }
            i++;
            break;
          }
          i++;
        }
        fieldStart = false;
        continue;
      }
      fieldStart = isDelimiter(c, whitespace);
      i++;
    }
    return false;
  }

  /** Splits decoded text into fields. */
  public Parsed parse(String text) {
    if (json) {
      return parseJson(text);
    }
    List<String> values;
    try {
      values = split(text);
    } catch (IllegalArgumentException e) {
      return new Parsed(text, null, "malformed line: " + e.getMessage());
    }
    if (headerCheck && values.stream().map(String::strip).toList().equals(columns)) {
      return new Parsed(
          text, null, "the header line repeated: " + String.join(", ", columns), HEADER_REPEATED);
    }
    if (values.size() != columns.size()) {
      return new Parsed(
          text,
          null,
          String.format(
              "malformed line: expected %d fields (%s), found %d",
              columns.size(), String.join(", ", columns), values.size()));
    }
    String[] out = new String[positions.length];
    for (int i = 0; i < positions.length; i++) {
      out[i] = positions[i] < 0 ? null : values.get(positions[i]);
    }
    return new Parsed(text, out, null);
  }

  /** Splits a delimited line, honouring quotes ("" inside quotes is one quote). */
  public List<String> split(String line) {
    boolean whitespace = ExtractSettings.WHITESPACE.equals(delimiter);
    String text = whitespace ? line.strip() : line;
    List<String> values = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    int n = text.length();
    if (n == 0) {
      return values;
    }
    while (true) {
      field.setLength(0);
      if (i < n && text.charAt(i) == quote) {
        i = readQuoted(text, i + 1, field);
        if (i < n && !isDelimiter(text.charAt(i), whitespace)) {
          throw new IllegalArgumentException(
              "unexpected '" + text.charAt(i) + "' after a closing quote at column " + (i + 1));
        }
      } else {
        while (i < n && !isDelimiter(text.charAt(i), whitespace)) {
          field.append(text.charAt(i++));
        }
      }
      values.add(field.toString());
      if (i >= n) {
        return values;
      }
      i++; // the delimiter
      if (whitespace) {
        while (i < n && isDelimiter(text.charAt(i), true)) {
          i++;
        }
      }
    }
  }

  private int readQuoted(String text, int start, StringBuilder field) {
    int i = start;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == quote) {
        if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
          field.append(quote);
          i += 2;
          continue;
        }
        return i + 1;
      }
      field.append(c);
      i++;
    }
    throw new IllegalArgumentException("a quote opened at column " + start + " is never closed");
  }

  private boolean isDelimiter(char c, boolean whitespace) {
    return whitespace ? c == ' ' || c == '\t' : c == delimiter.charAt(0);
  }

  private Parsed parseJson(String text) {
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return new Parsed(
          text, null, "malformed line: invalid JSON (" + e.getOriginalMessage() + ")");
    }
    if (node == null || !node.isObject()) {
      return new Parsed(text, null, "malformed line: not a JSON object");
    }
    String[] out = new String[wanted.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode v = node.get(wanted.get(i));
      out[i] = v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
    }
    return new Parsed(text, out, null);
  }

  private CharsetDecoder decoder() {
    if (decoder == null) {
      decoder =
          Charset.forName(charsetName)
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
    return decoder;
  }
}

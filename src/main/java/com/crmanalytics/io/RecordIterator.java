package com.crmanalytics.io;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.Tuple2;

/**
 * Turns the lines of one file, in order, into raw records ({@link ExtractReader#RAW_SCHEMA}): a
 * record is one line, or several when a quoted field holds line breaks (RFC 4180); its line number
 * is that of its first line, so the numbers of the records after it stay true. Blank lines and a
 * header line are skipped. A quote still open after {@link ExtractReader#MAX_RECORD_LINES} lines or
 * at the end of the file makes its first line malformed, and the lines after it are read again on
 * their own.
 */
final class RecordIterator implements Iterator<Row> {
  private final String name;
  private final LineParser parser;
  private final boolean skipFirst;
  private final Iterator<Tuple2<LongWritable, Text>> lines;

  /** Lines read but not yet part of a record: (line number, bytes). */
  private final Deque<Tuple2<Long, byte[]>> pending = new ArrayDeque<>();

  private long lineNumber;
  private Row next;

  RecordIterator(
      String name,
      LineParser parser,
      boolean skipFirst,
      Iterator<Tuple2<LongWritable, Text>> lines) {
    this.name = name;
    this.parser = parser;
    this.skipFirst = skipFirst;
    this.lines = lines;
  }

  @Override
  public boolean hasNext() {
    while (next == null) {
      Tuple2<Long, byte[]> first = take();
      if (first == null) {
        return false;
      }
      next = record(first);
    }
    return true;
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Row r = next;
    next = null;
    return r;
  }

  /** The next line to start a record with, or null at the end of the file. */
  private Tuple2<Long, byte[]> take() {
    while (true) {
      Tuple2<Long, byte[]> line = pending.isEmpty() ? read() : pending.pollFirst();
      if (line == null) {
        return null;
      }
      if ((skipFirst && line._1() == 1) || isBlank(line._2())) {
        continue;
      }
      return line;
    }
  }

  private Tuple2<Long, byte[]> read() {
    if (!lines.hasNext()) {
      return null;
    }
    lineNumber++;
    return new Tuple2<>(lineNumber, lines.next()._2().copyBytes());
  }

  /** The record starting at {@code first}; null when it was given back (an unclosed quote). */
  private Row record(Tuple2<Long, byte[]> first) {
    long number = first._1();
    String text = parser.decode(first._2(), number == 1);
    if (text == null) {
      return row(number, parser.undecodable(first._2()));
    }
    if (!parser.open(text)) {
      return row(number, parser.parse(text));
    }
    List<Tuple2<Long, byte[]>> taken = new ArrayList<>();
    StringBuilder joined = new StringBuilder(text);
    while (taken.size() < ExtractReader.MAX_RECORD_LINES) {
      Tuple2<Long, byte[]> more = pending.isEmpty() ? read() : pending.pollFirst();
      if (more == null) {
        break;
      }
      taken.add(more);
      String part = parser.decode(more._2(), false);
      if (part == null) {
        break;
      }
      joined.append('\n').append(part);
      if (!parser.open(joined.toString())) {
        return row(number, parser.parse(joined.toString()));
      }
    }
    // The quote never closes: only the first line is refused; the others are read again.
    for (int i = taken.size() - 1; i >= 0; i--) {
      pending.addFirst(taken.get(i));
    }
    return row(number, parser.parse(text));
  }

  private Row row(long number, LineParser.Parsed p) {
    return RowFactory.create(name, number, p.raw(), p.values(), p.error(), p.code());
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}

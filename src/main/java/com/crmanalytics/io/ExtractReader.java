package com.crmanalytics.io;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.to_json;

import com.crmanalytics.config.ExtractSettings;
import com.crmanalytics.config.ExtractSettings.Format;
import com.crmanalytics.error.Errors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads the files of one extract into raw records, one per input line (or Parquet row), with the
 * file and line number each came from. Nothing is dropped here except blank lines and a header
 * line: a line that cannot be split keeps its text and a {@code parse_error}.
 */
public final class ExtractReader {
  public static final String SOURCE_FILE = "source_file";
  public static final String LINE_NUMBER = "line_number";
  public static final String RAW_RECORD = "raw_record";
  public static final String FIELDS = "fields";
  public static final String PARSE_ERROR = "parse_error";

  /** The quarantine reason code of {@link #PARSE_ERROR}: malformed_line or header_repeated. */
  public static final String PARSE_CODE = "parse_code";

  /** Lines a quoted field may span before the record is judged malformed (an unclosed quote). */
  static final int MAX_RECORD_LINES = 1000;

  /** The shape of what {@link #read} returns. */
  public static final StructType RAW_SCHEMA =
      new StructType()
          .add(SOURCE_FILE, DataTypes.StringType, false)
          .add(LINE_NUMBER, DataTypes.LongType, false)
          .add(RAW_RECORD, DataTypes.StringType, true)
          .add(FIELDS, DataTypes.createArrayType(DataTypes.StringType, true), true)
          .add(PARSE_ERROR, DataTypes.StringType, true)
          .add(PARSE_CODE, DataTypes.StringType, true);

  /**
   * What {@link #read} returns: the rows of the files that could be read, and the files refused
   * whole (file → why), which are not ingested.
   */
  public record Extract(Dataset<Row> rows, Map<String, String> refused) {}

  private final SparkSession spark;
  private final String landing;

  public ExtractReader(SparkSession spark, String landing) {
    this.spark = spark;
    this.landing = landing;
  }

  /** {@code <landing>/<date>}: the folder holding one business date's extracts. */
  public Path dateFolder(String date) {
    return new Path(landing, date);
  }

  public boolean exists(Path folder) {
    try {
      return fs(folder).exists(folder);
    } catch (IOException e) {
      throw Errors.unreadableFile(folder.toString(), e.getMessage(), e);
    }
  }

  /**
   * The files of an extract folder matching the pattern, by name; hidden and _-files are skipped.
   */
  public List<Path> list(Path folder, String pattern) {
    try {
      FileStatus[] found = fs(folder).globStatus(new Path(folder, pattern));
      if (found == null) {
        return List.of();
      }
      return Arrays.stream(found)
          .filter(FileStatus::isFile)
          .map(FileStatus::getPath)
          .filter(p -> !p.getName().startsWith(".") && !p.getName().startsWith("_"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw Errors.unreadableFile(folder.toString(), e.getMessage(), e);
    }
  }

  /**
   * Reads the files into {@link #RAW_SCHEMA} rows.
   *
   * @param wanted the extract columns to read, in the order of {@link #FIELDS}
   * @param neededColumns extract columns that every file must have (checked against a csv header,
   *     the configured source columns or the Parquet schema); a missing one stops the run
   */
  public Extract read(
      ExtractSettings settings, List<Path> all, List<String> wanted, Set<String> neededColumns) {
    Map<String, String> refused = new LinkedHashMap<>();
    List<Path> files = new ArrayList<>();
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    for (Path file : all) {
      Optional<String> problem =
          FileSniffer.problem(conf, file, settings.format(), settings.encoding().name());
      if (problem.isPresent()) {
        refused.put(relativeName(file), problem.get());
      } else {
        files.add(file);
      }
    }
    if (settings.format() == Format.PARQUET) {
      return new Extract(readParquet(settings, files, wanted, neededColumns), refused);
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<JavaRDD<Row>> parts = new ArrayList<>();
    for (Path file : files) {
      String name = relativeName(file);
      LineParser parser;
      boolean skipFirst = false;
      if (settings.format() == Format.JSONL) {
        requireReadable(file, name);
        parser = LineParser.jsonLines(settings.encoding(), wanted);
      } else {
        List<String> columns = settings.sourceColumns();
        if (settings.header()) {
          columns = header(settings, file, name);
          if (columns.isEmpty()) {
            continue; // an empty file: no header, no rows
          }
          skipFirst = true;
        } else {
          requireReadable(file, name);
        }
        requireColumns(settings, name, columns, neededColumns);
        parser =
            LineParser.delimited(
                settings.encoding(), settings.delimiter(), settings.quote(), columns, wanted);
        if (settings.header()) {
          parser = parser.withHeaderCheck();
        }
      }
      parts.add(lines(jsc, file, name, parser, skipFirst));
    }
    JavaRDD<Row> rows = parts.isEmpty() ? jsc.emptyRDD() : jsc.union(parts.toArray(JavaRDD[]::new));
    return new Extract(spark.createDataFrame(rows, RAW_SCHEMA), refused);
  }

  private static JavaRDD<Row> lines(
      JavaSparkContext jsc, Path file, String name, LineParser parser, boolean skipFirst) {
    // One partition per file, read in order: line numbers are counted, and a quoted field may go on
    // over several lines. The closure (and so the parser and its decoder) is deserialised once per
    // task.
    return jsc.hadoopFile(
            file.toString(), WholeFileTextInputFormat.class, LongWritable.class, Text.class)
        .mapPartitions(it -> new RecordIterator(name, parser, skipFirst, it));
  }

  /** Fails on the driver, naming the file, before a Spark job would fail on it. */
  private void requireReadable(Path file, String name) {
    try {
      fs(file).open(file).close();
    } catch (IOException e) {
      throw Errors.unreadableFile(name, e.getMessage(), e);
    }
  }

  private List<String> header(ExtractSettings settings, Path file, String name) {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                FileSniffer.open(spark.sparkContext().hadoopConfiguration(), file),
                settings.encoding()))) {
      String first = reader.readLine();
      if (first == null) {
        return List.of();
      }
      if (!first.isEmpty() && first.charAt(0) == '\uFEFF') {
        first = first.substring(1);
      }
      LineParser parser =
          LineParser.delimited(
              settings.encoding(), settings.delimiter(), settings.quote(), List.of(), List.of());
      return parser.split(first).stream().map(String::strip).toList();
    } catch (IOException e) {
      throw Errors.unreadableFile(name, e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw Errors.unreadableFile(name, "the header line cannot be split: " + e.getMessage(), e);
    }
  }

  private Dataset<Row> readParquet(
      ExtractSettings settings, List<Path> files, List<String> wanted, Set<String> neededColumns) {
    if (files.isEmpty()) {
      return spark.createDataFrame(List.of(), RAW_SCHEMA);
    }
    Dataset<Row> data;
    try {
      data = spark.read().parquet(files.stream().map(Path::toString).toArray(String[]::new));
    } catch (Exception e) {
      throw Errors.unreadableFile(
          files.toString(), "not readable as Parquet: " + e.getMessage(), e);
    }
    String[] names = data.columns();
    requireColumns(settings, files.toString(), List.of(names), neededColumns);
    List<String> present = List.of(names);
    // A null in a column the file has is an empty field; a column the file lacks is absent (null).
    Column[] values =
        wanted.stream()
            .map(
                n ->
                    present.contains(n)
                        ? coalesce(col("`" + n + "`").cast("string"), lit(""))
                        : lit(null).cast("string"))
            .toArray(Column[]::new);
    Column[] all = Arrays.stream(names).map(n -> col("`" + n + "`")).toArray(Column[]::new);
    Column path = col("_metadata.file_path");
    return data.select(
        substring_index(path, "/", -3).as(SOURCE_FILE),
        col("_metadata.row_index").plus(1).cast("long").as(LINE_NUMBER),
        to_json(struct(all)).as(RAW_RECORD),
        array(values).as(FIELDS),
        lit(null).cast("string").as(PARSE_ERROR),
        lit(null).cast("string").as(PARSE_CODE));
  }

  /**
   * "…/landing/2024-05-01/orders/a.csv" → "2024-05-01/orders/a.csv": stable wherever the landing
   * lives.
   */
  private static String relativeName(Path file) {
    Path source = file.getParent();
    return source.getParent().getName() + "/" + source.getName() + "/" + file.getName();
  }

  private static void requireColumns(
      ExtractSettings settings, String file, List<String> found, Set<String> needed) {
    for (String column : needed) {
      if (!found.contains(column)) {
        throw Errors.missingColumn(settings.source().id(), file, column, found);
      }
    }
  }

  private FileSystem fs(Path path) throws IOException {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    return path.getFileSystem(conf);
  }
}

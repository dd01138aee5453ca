package com.crmanalytics.contract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;

/**
 * A table of the warehouse: its name, one-line description, columns, key, partitioning and the row
 * rules that decide what enters it. Contract classes ({@link Orders}, …) each hold one instance.
 */
public final class TableContract {
  private final String name;
  private final String description;
  private final List<Field> fields;
  private final List<String> key;
  private final List<String> partitionBy;
  private final String eventColumn;
  private final Map<String, Column> derivations;
  private final List<Check> checks;
  private final List<String> personal;

  private TableContract(Builder b) {
    this.name = b.name;
    this.description = b.description;
    this.fields = List.copyOf(b.fields);
    this.key = List.copyOf(b.key);
    this.partitionBy = List.copyOf(b.partitionBy);
    this.eventColumn = b.eventColumn;
    this.derivations = Map.copyOf(b.derivations);
    this.checks = List.copyOf(b.checks);
    this.personal = List.copyOf(b.personal);
  }

  public static Builder builder(String name, String description) {
    return new Builder(name, description);
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public List<Field> fields() {
    return fields;
  }

  public List<String> columnNames() {
    return fields.stream().map(Field::name).toList();
  }

  /** The columns without the {@link Lineage} ones: what makes two rows "the same". */
  public List<String> valueColumns() {
    List<String> lineage = Lineage.FIELDS.stream().map(Field::name).toList();
    return columnNames().stream().filter(c -> !lineage.contains(c)).toList();
  }

  public Field field(String column) {
    return fields.stream()
        .filter(f -> f.name().equals(column))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No column " + column + " in " + name));
  }

  public boolean hasColumn(String column) {
    return fields.stream().anyMatch(f -> f.name().equals(column));
  }

  public StructType schema() {
    StructType schema = new StructType();
    for (Field f : fields) {
      schema = schema.add(f.toStructField());
    }
    return schema;
  }

  /**
   * The rows' columns in the contract's order, each cast to the contract's type (e.g. sums to
   * money).
   */
  public Dataset<Row> conform(Dataset<Row> rows) {
    return rows.select(
        fields.stream()
            .map(f -> functions.col(f.name()).cast(f.type()).as(f.name()))
            .toArray(Column[]::new));
  }

  public List<String> key() {
    return key;
  }

  public List<String> partitionBy() {
    return partitionBy;
  }

  /** The column whose date must not lie after the business date, if the table has one. */
  public Optional<String> eventColumn() {
    return Optional.ofNullable(eventColumn);
  }

  /**
   * Value rules applied after parsing, e.g. a default line number or an amount from quantity ×
   * price.
   */
  public Map<String, Column> derivations() {
    return derivations;
  }

  public List<Check> checks() {
    return checks;
  }

  /**
   * Columns holding personal data (names, phones, e-mails): kept in clear in this table only,
   * masked in every query view and in the quarantine's copy of a refused record.
   */
  public List<String> personalColumns() {
    return personal;
  }

  /** Builds a contract column by column. */
  public static final class Builder {
    private final String name;
    private final String description;
    private final List<Field> fields = new ArrayList<>();
    private final List<String> key = new ArrayList<>();
    private final List<String> partitionBy = new ArrayList<>();
    private final Map<String, Column> derivations = new LinkedHashMap<>();
    private final List<Check> checks = new ArrayList<>();
    private final List<String> personal = new ArrayList<>();
    private String eventColumn;

    private Builder(String name, String description) {
      this.name = name;
      this.description = description;
    }

    public Builder required(String column, DataType type, String comment) {
      fields.add(new Field(column, type, true, comment));
      return this;
    }

    /** Required of input rows, except rows the profile marks anonymous, which store null. */
    public Builder requiredUnlessAnonymous(String column, DataType type, String comment) {
      fields.add(new Field(column, type, true, comment, true));
      return this;
    }

    public Builder optional(String column, DataType type, String comment) {
      fields.add(new Field(column, type, false, comment));
      return this;
    }

    public Builder fields(List<Field> more) {
      fields.addAll(more);
      return this;
    }

    public Builder key(String... columns) {
      key.addAll(List.of(columns));
      return this;
    }

    public Builder partitionBy(String... columns) {
      partitionBy.addAll(List.of(columns));
      return this;
    }

    public Builder eventColumn(String column) {
      this.eventColumn = column;
      return this;
    }

    public Builder derive(String column, Column value) {
      derivations.put(column, value);
      return this;
    }

    public Builder check(Check check) {
      checks.add(check);
      return this;
    }

    /** Marks columns already added as personal data. */
    public Builder personal(String... columns) {
      for (String c : columns) {
        if (fields.stream().noneMatch(f -> f.name().equals(c))) {
          throw new IllegalArgumentException(
              "No column " + c + " in " + name + " to mark as personal");
        }
        personal.add(c);
      }
      return this;
    }

    public TableContract build() {
      return new TableContract(this);
    }
  }
}

package com.crmanalytics.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmanalytics.contract.TableContract;
import com.crmanalytics.error.CrmException;
import com.crmanalytics.error.ExitCode;
import com.crmanalytics.testing.TestSpark;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A warehouse written by an earlier version keeps working when a contract gains an optional column.
 */
class WarehouseSchemaTest {
  static final TableContract V1 =
      TableContract.builder("evolving", "A table that gains a column")
          .required("id", DataTypes.StringType, "Key")
          .optional("a", DataTypes.DoubleType, "First value")
          .key("id")
          .build();
  static final TableContract V2 =
      TableContract.builder("evolving", "A table that gains a column")
          .required("id", DataTypes.StringType, "Key")
          .optional("a", DataTypes.DoubleType, "First value")
          .optional("b", DataTypes.DoubleType, "Second value, added in v2: it's new")
          .key("id")
          .build();
  static final TableContract V3 =
      TableContract.builder("evolving", "A table that gains a column")
          .required("id", DataTypes.StringType, "Key")
          .required("c", DataTypes.StringType, "A required column cannot appear in old rows")
          .key("id")
          .build();

  @TempDir Path dir;

  @Test
  void anOptionalColumnIsAddedToAnExistingTableWithItsComment() {
    SparkSession spark = TestSpark.session();
    new Warehouse(spark, dir.toString())
        .append(V1, spark.createDataFrame(List.of(RowFactory.create("x", 1.0)), V1.schema()));

    Warehouse upgraded = new Warehouse(spark, dir.toString());
    upgraded.append(
        V2, spark.createDataFrame(List.of(RowFactory.create("y", 2.0, 3.0)), V2.schema()));

    List<Row> rows = upgraded.read(V2).orderBy("id").collectAsList();
    assertThat(rows).extracting(r -> r.getAs("b")).containsExactly(null, 3.0);
    StructField b = upgraded.read(V2).schema().apply("b");
    assertThat(b.getComment().get()).isEqualTo("Second value, added in v2: it's new");
  }

  @Test
  void aMissingRequiredColumnStopsWithOneLine() {
    SparkSession spark = TestSpark.session();
    new Warehouse(spark, dir.toString())
        .append(V1, spark.createDataFrame(List.of(RowFactory.create("x", 1.0)), V1.schema()));
    Warehouse upgraded = new Warehouse(spark, dir.toString());
    assertThatThrownBy(() -> upgraded.ensure(V3))
        .isInstanceOfSatisfying(
            CrmException.class,
            e -> {
              assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
              assertThat(e.getMessage()).contains("lacks the required column c");
            });
  }
}

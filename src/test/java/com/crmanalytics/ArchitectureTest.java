package com.crmanalytics;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.crmanalytics.pipeline.RunContext;
import com.crmanalytics.pipeline.Stage;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering as it is, checked on the main bytecode: {@code cli → job → stage packages → pipeline
 * / io → config / contract / model / error}. No stage reaches back into the CLI, the statistics
 * ({@code model}) use nothing but the JDK and Hipparchus, and no two packages depend on each other.
 *
 * <p>One documented exception, frozen: {@code contract} declares each table's Spark schema and its
 * row rules as Spark {@code Column}s, so six of its classes use Spark's SQL API (types, Column,
 * functions, Dataset). No other contract class may, and none may use Delta, a SparkSession or
 * another package of ours; making the contracts Spark-free (schemas built elsewhere from plain
 * column lists) is a refactor of its own.
 */
class ArchitectureTest {
  private static final String[] STAGES = {
    "com.crmanalytics.ingest..", "com.crmanalytics.features..", "com.crmanalytics.segment..",
    "com.crmanalytics.value..", "com.crmanalytics.product..", "com.crmanalytics.report..",
    "com.crmanalytics.notebook.."
  };

  /** The contract classes that hold Spark schemas and Column rules (see the class comment). */
  private static final String[] CONTRACT_SPARK_CLASSES = {
    "com.crmanalytics.contract.TableContract", "com.crmanalytics.contract.Field",
        "com.crmanalytics.contract.Check",
    "com.crmanalytics.contract.Rules", "com.crmanalytics.contract.ModelRuns",
        "com.crmanalytics.contract.Orders"
  };

  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.crmanalytics");
  }

  @Test
  void modelUsesOnlyTheJdkHipparchusAndItself() {
    classes()
        .that()
        .resideInAPackage("com.crmanalytics.model..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "org.hipparchus..", "com.crmanalytics.model..")
        .check(main);
  }

  @Test
  void contractUsesNoOtherPackageOfOursAndSparkOnlyInItsSchemaClasses() {
    noClasses()
        .that()
        .resideInAPackage("com.crmanalytics.contract..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.crmanalytics.cli..",
            "com.crmanalytics.config..",
            "com.crmanalytics.io..",
            "com.crmanalytics.pipeline..",
            "com.crmanalytics.model..",
            "com.crmanalytics.generate..",
            "io.delta..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.apache.spark.sql.SparkSession")
        .check(main);
    noClasses()
        .that()
        .resideInAPackage("com.crmanalytics.contract..")
        .and()
        .doNotHaveFullyQualifiedName(CONTRACT_SPARK_CLASSES[0])
        .and()
        .doNotHaveFullyQualifiedName(CONTRACT_SPARK_CLASSES[1])
        .and()
        .doNotHaveFullyQualifiedName(CONTRACT_SPARK_CLASSES[2])
        .and()
        .doNotHaveFullyQualifiedName(CONTRACT_SPARK_CLASSES[3])
        .and()
        .doNotHaveFullyQualifiedName(CONTRACT_SPARK_CLASSES[4])
        .and()
        .doNotHaveFullyQualifiedName(CONTRACT_SPARK_CLASSES[5])
        .and()
        .areNotNestedClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.spark..", "scala..", "io.delta..")
        .check(main);
  }

  @Test
  void nothingButTheCliDependsOnTheCli() {
    noClasses()
        .that()
        .resideOutsideOfPackage("com.crmanalytics.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.crmanalytics.cli..")
        .check(main);
  }

  @Test
  void theLowerLayersDoNotDependOnTheStages() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "com.crmanalytics.pipeline..",
            "com.crmanalytics.io..",
            "com.crmanalytics.config..",
            "com.crmanalytics.contract..",
            "com.crmanalytics.model..",
            "com.crmanalytics.error..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(STAGES)
        .check(main);
  }

  @Test
  void onlyTheCliRunsTheNightlyJob() {
    noClasses()
        .that()
        .resideOutsideOfPackages("com.crmanalytics.cli..", "com.crmanalytics.job..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.crmanalytics.job..")
        .check(main);
  }

  @Test
  void stagesTakeTheirSettingsFromTheirConstructorAndLeaveTheRunLogToTheRunner() {
    noClasses()
        .that()
        .implement(Stage.class)
        .should()
        .callMethod(RunContext.class, "log")
        .orShould()
        .callMethod(RunContext.class, "config")
        .check(main);
  }

  @Test
  void noPackageCycles() {
    slices().matching("com.crmanalytics.(*)..").should().beFreeOfCycles().check(main);
  }
}

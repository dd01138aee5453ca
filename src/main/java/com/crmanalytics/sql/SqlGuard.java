package com.crmanalytics.sql;

import com.crmanalytics.error.Errors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.LocalTempView$;
import org.apache.spark.sql.catalyst.analysis.UnresolvedFunction;
import org.apache.spark.sql.catalyst.analysis.UnresolvedRelation;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTableOrView;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTableValuedFunction;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.SubqueryExpression;
import org.apache.spark.sql.catalyst.plans.QueryPlan;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.ParsedStatement;
import org.apache.spark.sql.catalyst.plans.logical.SubqueryAlias;
import org.apache.spark.sql.catalyst.plans.logical.UnresolvedWith;
import org.apache.spark.sql.execution.command.CreateViewCommand;
import org.apache.spark.sql.execution.command.ExplainCommand;
import org.apache.spark.sql.execution.command.SetCommand;
import scala.Option;
import scala.Tuple2;
import scala.Tuple3;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Decides whether a SQL statement may run against the masked views, from Spark's own parse of it
 * (never from its text): it may read the views by their plain names, common table expressions and
 * temporary views made from them, declare and set variables, and describe what it sees. Everything
 * else is refused with a message naming it: reading a path or a catalog-qualified name ({@code
 * delta.`/…`}, {@code parquet.`…`}), a table-valued function other than the pure generators, Java
 * reflection, any write, table, function or view definition over files, and setting Spark
 * configuration beyond a few harmless keys.
 */
public final class SqlGuard {
  /** Table-valued functions that compute rows and read nothing. */
  private static final Set<String> PURE_GENERATORS =
      Set.of(
          "range",
          "explode",
          "explode_outer",
          "inline",
          "inline_outer",
          "posexplode",
          "posexplode_outer",
          "json_tuple",
          "stack",
          "variant_explode",
          "variant_explode_outer");

  /** Functions that run arbitrary Java code. */
  private static final Set<String> REFLECTION = Set.of("reflect", "java_method", "try_reflect");

  /**
   * Spark settings a reader may change: they alter how results look or run, not what can be read.
   */
  private static final Set<String> SAFE_SETTINGS =
      Set.of(
          "spark.sql.shuffle.partitions", "spark.sql.session.timezone", "spark.sql.ansi.enabled");

  /** Commands that only declare variables or describe what the views already show. */
  private static final Set<String> READ_ONLY_COMMANDS =
      Set.of(
          "CreateVariable",
          "SetVariable",
          "DropVariable",
          "DescribeRelation",
          "DescribeColumn",
          "DescribeFunction",
          "ShowTables",
          "ShowViews",
          "ShowColumns",
          "ShowFunctions");

  /** Leaves that produce rows without reading anything. */
  private static final Set<String> PURE_LEAVES =
      Set.of(
          "OneRowRelation",
          "LocalRelation",
          "UnresolvedInlineTable",
          "Range",
          "CurrentNamespace",
          "UnresolvedNamespace",
          "UnresolvedFunctionName",
          "UnresolvedAttribute",
          "UnresolvedIdentifier");

  /**
   * Plan nodes that write, whatever their kind (InsertIntoDir is neither a Command nor a
   * statement).
   */
  private static final java.util.regex.Pattern WRITES =
      java.util.regex.Pattern.compile(
          ".*(Insert|Write|Append|Overwrite|Merge|Delete|Update|Save).*");

  private final SparkSession spark;
  private final Set<String> tables;

  /**
   * @param tables the warehouse's tables, each a masked temporary view of its name; the session's
   *     other temporary views were made through this guard from them, so they are readable too
   */
  public SqlGuard(SparkSession spark, Set<String> tables) {
    this.spark = spark;
    this.tables =
        tables.stream()
            .map(t -> t.toLowerCase(Locale.ROOT))
            .collect(java.util.stream.Collectors.toSet());
  }

  /** What a statement that passed the check does. */
  public enum Kind {
    /** Returns rows and changes nothing. */
    QUERY,
    /** Declares or sets a variable, creates a temporary view over the views, or describes. */
    COMMAND
  }

  /**
   * The statement's kind; a refused statement stops with exit 2 and a message naming what was
   * refused.
   */
  public Kind check(String sql) {
    LogicalPlan plan;
    try {
      plan = spark.sessionState().sqlParser().parsePlan(sql);
    } catch (Exception e) {
      // A syntax error (ParseException, thrown undeclared): spark.sql reports it in its own words
      // when the statement runs, and a statement that does not parse cannot run.
      return Kind.QUERY;
    }
    Set<String> ctes = new HashSet<>();
    collectCtes(plan, ctes);
    visit(plan, ctes, true);
    return plan instanceof Command ? Kind.COMMAND : Kind.QUERY;
  }

  private void visit(LogicalPlan node, Set<String> ctes, boolean top) {
    String kind = node.getClass().getSimpleName().replace("$", "");
    if (node instanceof UnresolvedRelation r) {
      requireReadable(parts(r.multipartIdentifier()), ctes);
    } else if (node instanceof UnresolvedTableOrView t) {
      requireReadable(parts(t.multipartIdentifier()), ctes);
    } else if (node instanceof UnresolvedTableValuedFunction f) {
      String name = String.join(".", parts(f.name())).toLowerCase(Locale.ROOT);
      if (!PURE_GENERATORS.contains(name)) {
        throw refused(
            "the table-valued function "
                + name
                + "(…) is refused: it can read files around the masked views");
      }
    } else if (node instanceof CreateViewCommand v) {
      if (!top || v.viewType() != LocalTempView$.MODULE$) {
        throw refused("only CREATE TEMPORARY VIEW … AS SELECT over the tables is allowed here");
      }
      if (tables.contains(v.name().table().toLowerCase(Locale.ROOT))) {
        throw refused(
            "the temporary view " + v.name().table() + " would hide the table of that name");
      }
    } else if (node instanceof SetCommand s) {
      checkSetting(s);
    } else if (node instanceof ExplainCommand e) {
      visit(e.logicalPlan(), ctes, false);
    } else if (node instanceof Command && !READ_ONLY_COMMANDS.contains(kind)) {
      throw refused(describe(kind) + " is refused: crm's SQL is read-only");
    } else if (node instanceof ParsedStatement || WRITES.matcher(kind).matches()) {
      throw refused(describe(kind) + " is refused: crm's SQL is read-only");
    } else if (node.children().isEmpty()
        && !(node instanceof Command)
        && !PURE_LEAVES.contains(kind)) {
      throw refused(
          describe(kind) + " is not supported here (only the warehouse's tables, by plain name)");
    }
    for (Expression e : CollectionConverters.asJava(node.expressions())) {
      visit(e, ctes);
    }
    for (LogicalPlan child : CollectionConverters.asJava(node.children())) {
      visit(child, ctes, false);
    }
    for (QueryPlan<?> inner : CollectionConverters.asJava(node.innerChildren())) {
      if (inner instanceof LogicalPlan p && !node.children().contains(p)) {
        visit(p, ctes, false);
      }
    }
  }

  private void visit(Expression e, Set<String> ctes) {
    if (e instanceof UnresolvedFunction f) {
      String name = String.join(".", parts(f.nameParts())).toLowerCase(Locale.ROOT);
      if (REFLECTION.contains(name)) {
        throw refused("the function " + name + "(…) is refused: it runs arbitrary Java code");
      }
    }
    if (e instanceof SubqueryExpression s) {
      collectCtes(s.plan(), ctes);
      visit(s.plan(), ctes, false);
    }
    for (Expression child : CollectionConverters.asJava(e.children())) {
      visit(child, ctes);
    }
  }

  private void requireReadable(List<String> name, Set<String> ctes) {
    String shown = String.join(".", name);
    if (name.size() != 1) {
      throw refused(
          "reading "
              + shown
              + " is refused: tables are read by their plain name only "
              + "(e.g. customer_segments), never by path, format or catalog");
    }
    String table = name.get(0);
    // A name nothing defines is left to Spark, whose "table not found" lists the warehouse's
    // tables;
    // a table of the session catalog (a metastore's, say) is not one of the masked views: refused.
    if (!ctes.contains(table.toLowerCase(Locale.ROOT))
        && !readableTable(table)
        && spark
            .sessionState()
            .catalog()
            .tableExists(new org.apache.spark.sql.catalyst.TableIdentifier(table))) {
      throw refused("the catalog table " + table + " is not one of the warehouse's masked tables");
    }
  }

  private boolean readableTable(String name) {
    return tables.contains(name.toLowerCase(Locale.ROOT))
        || spark.sessionState().catalog().getTempView(name).isDefined();
  }

  private void checkSetting(SetCommand s) {
    Option<Tuple2<String, Option<String>>> kv = s.kv();
    if (kv.isEmpty() || kv.get()._2().isEmpty()) {
      return; // SET, SET -v, SET key: listing settings reads nothing of the data
    }
    String key = kv.get()._1().trim().toLowerCase(Locale.ROOT);
    if (!SAFE_SETTINGS.contains(key)) {
      throw refused(
          "SET "
              + kv.get()._1().trim()
              + " is refused: only "
              + String.join(", ", SAFE_SETTINGS)
              + " may be changed here");
    }
  }

  private static void collectCtes(LogicalPlan plan, Set<String> ctes) {
    if (plan instanceof UnresolvedWith w) {
      for (Tuple3<String, SubqueryAlias, Option<Object>> cte :
          CollectionConverters.asJava(w.cteRelations())) {
        ctes.add(cte._1().toLowerCase(Locale.ROOT));
      }
    }
    for (LogicalPlan child : CollectionConverters.asJava(plan.children())) {
      collectCtes(child, ctes);
    }
  }

  private static List<String> parts(scala.collection.Seq<String> name) {
    return new ArrayList<>(CollectionConverters.asJava(name));
  }

  /** "InsertIntoStatement" → "INSERT INTO": a person reads the statement, not the class. */
  private static String describe(String kind) {
    String words =
        kind.replaceAll("(Statement|Command|Exec)$", "").replaceAll("([a-z])([A-Z])", "$1 $2");
    return words.toUpperCase(Locale.ROOT);
  }

  private static RuntimeException refused(String why) {
    return Errors.usage(
        "SQL refused: "
            + why
            + ". Personal data is reachable only masked, through the "
            + "tables' plain names; see docs/personal-data.md");
  }
}

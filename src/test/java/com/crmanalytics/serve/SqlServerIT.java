package com.crmanalytics.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmanalytics.contract.Customers;
import com.crmanalytics.notebook.Notebook;
import com.crmanalytics.notebook.Statement;
import com.crmanalytics.testing.ChildJvm;
import com.crmanalytics.testing.TestSpark;
import com.crmanalytics.testing.TinyWarehouse;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.ByteArrayReadableSeekableByteChannel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crm serve} as a BI tool meets it: a separate process over the shared tiny warehouse,
 * reached with the standard Flight SQL JDBC driver; the notebooks run statement by statement,
 * personal columns come back masked, a path read and a write are refused, and SIGTERM stops it
 * cleanly (the last test: the others share the one server).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SqlServerIT {
  @TempDir static Path tmp;
  static Process server;
  static Path log;
  static int port;
  static String url;

  @BeforeAll
  static void start() throws Exception {
    port = freePort();
    log = tmp.resolve("serve.log");
    server = startServer(log, port);
    url = "jdbc:arrow-flight-sql://127.0.0.1:" + port + "/?useEncryption=false";
    assertThat(Files.readString(log)).contains(url);
  }

  @AfterAll
  static void kill() {
    ChildJvm.kill(server);
  }

  @Test
  void theNotebooksRunThroughTheJdbcDriverStatementByStatement() throws Exception {
    List<Path> notebooks;
    try (var files = Files.list(Path.of("notebooks-export"))) {
      notebooks = files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
    }
    assertThat(notebooks)
        .extracting(p -> p.getFileName().toString())
        .contains("campaign_target_list.sql");
    try (Connection c = DriverManager.getConnection(url);
        java.sql.Statement s = c.createStatement()) {
      for (Path file : notebooks) {
        int results = 0;
        for (Statement st :
            Notebook.read(file).sqlCells().stream()
                .flatMap(cell -> cell.statements().stream())
                .toList()) {
          try {
            if (s.execute(st.sql())) {
              try (ResultSet rs = s.getResultSet()) {
                while (rs.next()) {
                  rs.getObject(1);
                }
              }
              results++;
            }
          } catch (SQLException e) {
            throw new AssertionError(
                file + " line " + st.line() + ": " + e.getMessage() + "\n" + ChildJvm.tail(log, 20),
                e);
          }
        }
        assertThat(results).as(file + " results").isPositive();
      }
    }
  }

  @Test
  void personalColumnsAreMaskedAndPathsAndWritesAreRefused() throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        java.sql.Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery("select name, phone, email, count(*) over () n from customers")) {
        int rows = 0;
        while (rs.next()) {
          rows++;
          for (int i = 1; i <= 3; i++) {
            assertThat(rs.getString(i)).isIn("***", null);
          }
        }
        assertThat(rows).isGreaterThan(100);
      }
      String path = TinyWarehouse.root().toAbsolutePath() + "/customers";
      assertThatThrownBy(() -> s.executeQuery("select name from delta.`" + path + "`"))
          .hasMessageContaining("SQL refused: reading delta.");
      assertThatThrownBy(() -> s.executeQuery("select name from parquet.`" + path + "`"))
          .hasMessageContaining("SQL refused");
      assertThatThrownBy(
              () -> s.execute("insert into customer_segments select * from customer_segments"))
          .hasMessageContaining("SQL refused");
      assertThatThrownBy(() -> s.execute("create table t using delta location '" + path + "'"))
          .hasMessageContaining("SQL refused");
      try (ResultSet rs = c.getMetaData().getTables(null, null, "%", null)) {
        List<String> tables = new ArrayList<>();
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
        assertThat(tables)
            .contains("customers", "customer_segments", "customer_value", "orders", "quarantine");
      }
    }
  }

  @Test
  void columnCommentsReachTheClientsMetadata() throws Exception {
    try (RootAllocator allocator = new RootAllocator();
        FlightSqlClient client =
            new FlightSqlClient(
                FlightClient.builder(allocator, Location.forGrpcInsecure("127.0.0.1", port))
                    .build())) {
      FlightInfo info = client.getTables(null, null, "customers", null, true);
      try (FlightStream stream = client.getStream(info.getEndpoints().get(0).getTicket())) {
        assertThat(stream.next()).isTrue();
        assertThat(stream.getRoot().getRowCount()).isEqualTo(1);
        byte[] bytes = ((VarBinaryVector) stream.getRoot().getVector("table_schema")).get(0);
        Schema schema =
            MessageSerializer.deserializeSchema(
                new ReadChannel(new ByteArrayReadableSeekableByteChannel(bytes)));
        Field email = schema.findField(Customers.EMAIL);
        assertThat(email.getMetadata())
            .containsEntry(
                ArrowResults.REMARKS, Customers.CONTRACT.field(Customers.EMAIL).comment());
      }
    }
  }

  @Test
  void aGoldQueryThroughTheDriverAnswersAsSparkDoesInProcess() throws Exception {
    // Latency is the benchmark's (bench/README.md, ServeLatencyBench); here the answer must be
    // right.
    String query =
        "select segment, count(*) customers, round(avg(monetary), 6) monetary from customer_segments "
            + "where as_of_date = (select max(as_of_date) from customer_segments) "
            + "group by segment order by segment";
    List<String> served = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url);
        java.sql.Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      while (rs.next()) {
        served.add(rs.getString(1) + " " + rs.getLong(2) + " " + rs.getBigDecimal(3));
      }
    }
    TestSpark.session()
        .read()
        .format("delta")
        .load(TinyWarehouse.root().resolve("customer_segments").toString())
        .createOrReplaceTempView("customer_segments");
    List<String> direct =
        TestSpark.session().sql(query).collectAsList().stream()
            .map(r -> r.getString(0) + " " + r.getLong(1) + " " + r.getDecimal(2))
            .toList();
    TestSpark.session().catalog().dropTempView("customer_segments");
    assertThat(served).hasSizeGreaterThan(1).isEqualTo(direct);
  }

  @Test
  @Order(Integer.MAX_VALUE) // last: it stops the server the other tests share
  void sigtermStopsItCleanly() throws Exception {
    server.destroy(); // SIGTERM, by process id
    assertThat(server.waitFor(60, TimeUnit.SECONDS)).as(ChildJvm.tail(log, 40)).isTrue();
    assertThat(Files.readString(log)).contains("crm serve: stopped");
    assertThat(server.exitValue()).isEqualTo(143);
  }

  private static int freePort() throws Exception {
    try (ServerSocket free = new ServerSocket(0)) {
      return free.getLocalPort();
    }
  }

  /**
   * {@code crm serve} over the tiny warehouse in a child JVM on {@code port}, with the tiny-data
   * settings of the test JVM; returns once it prints its JDBC address (or fails the test with its
   * log's tail).
   */
  private static Process startServer(Path log, int port) throws Exception {
    Path build = ChildJvm.BUILD;
    List<String> args =
        new ArrayList<>(
            List.of(
                "-cp",
                build.resolve("crm-analytics.jar") + ":" + build.resolve("lib") + "/*",
                "com.crmanalytics.cli.Main",
                "serve",
                "--conf",
                "conf/pipeline.conf",
                "--warehouse",
                TinyWarehouse.root().toString(),
                "--set",
                "serve.port=" + port,
                "--set",
                "spark.master=local[2]",
                "--set",
                "spark.sql.shuffle.partitions=" + TestSpark.SHUFFLE_PARTITIONS,
                "--set",
                "spark.ui.enabled=false"));
    args.addAll(TestSpark.tinyDataArgs());
    Process p = ChildJvm.start(log, Map.of(), args.toArray(String[]::new));
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (!Files.readString(log).contains("JDBC: ")) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        ChildJvm.kill(p);
        throw new AssertionError(
            "crm serve did not start in 5 minutes:\n" + ChildJvm.tail(log, 40));
      }
      Thread.sleep(500);
    }
    return p;
  }
}

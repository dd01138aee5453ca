package com.crmanalytics.serve;

import com.crmanalytics.config.ServeSettings;
import com.crmanalytics.error.Errors;
import com.crmanalytics.sql.GuardedSql;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.Location;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * {@code crm serve}: an Apache Arrow Flight SQL server over the warehouse, for BI tools (JDBC
 * through the Flight SQL driver) and Flight SQL clients. Every statement goes through the same
 * guard as {@code crm sql}. No authentication and no TLS: it listens on 127.0.0.1 unless told
 * otherwise.
 */
public final class SqlServer implements AutoCloseable {
  private final BufferAllocator allocator;
  private final FlightServer server;
  private final WarehouseProducer producer;

  private SqlServer(BufferAllocator allocator, FlightServer server, WarehouseProducer producer) {
    this.allocator = allocator;
    this.server = server;
    this.producer = producer;
  }

  /** Registers the views, then listens; a port in use stops the command (exit 2). */
  public static SqlServer start(ServeSettings settings, Supplier<GuardedSql> open, String version) {
    BufferAllocator allocator = new RootAllocator();
    WarehouseProducer producer =
        new WarehouseProducer(open, allocator, settings.maxRows(), version);
    producer.current();
    FlightServer server =
        FlightServer.builder(
                allocator, Location.forGrpcInsecure(settings.host(), settings.port()), producer)
            .build();
    try {
      server.start();
    } catch (IOException e) {
      allocator.close();
      throw Errors.usage(
          "crm serve cannot listen on "
              + settings.host()
              + ":"
              + settings.port()
              + ": "
              + e.getMessage()
              + " (set serve.host / serve.port)");
    }
    return new SqlServer(allocator, server, producer);
  }

  /** The port listened on (the one chosen when serve.port = 0). */
  public int port() {
    return server.getPort();
  }

  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }

  /** Stops taking calls, lets running ones finish for up to ten seconds, frees Arrow's memory. */
  @Override
  public void close() throws InterruptedException {
    server.shutdown();
    if (!server.awaitTermination(10, TimeUnit.SECONDS)) {
      server.close();
    }
    try {
      producer.close();
    } catch (Exception e) {
      // NoOpFlightSqlProducer.close does nothing; nothing to report on the way out.
    }
    allocator.close();
  }
}

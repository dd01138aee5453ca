package com.crmanalytics.serve;

import com.crmanalytics.sql.GuardedSql;
import com.crmanalytics.sql.SqlGuard;
import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.PutResult;
import org.apache.arrow.flight.Result;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.flight.sql.NoOpFlightSqlProducer;
import org.apache.arrow.flight.sql.SqlInfoBuilder;
import org.apache.arrow.flight.sql.impl.FlightSql;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The Flight SQL side of {@code crm serve}: statements (ad hoc or prepared, as the JDBC driver
 * sends them) run through the {@link GuardedSql} door, so a client sees what {@code crm sql} sees;
 * a refused statement is an INVALID_ARGUMENT error with the guard's message. Catalog calls list the
 * warehouse's tables with their column comments ({@link Catalog}). The statements themselves run in
 * {@link Statements}, one at a time.
 */
final class WarehouseProducer extends NoOpFlightSqlProducer {
  private final Statements statements;
  private final BufferAllocator allocator;
  private final Catalog catalog;
  private final SqlInfoBuilder info;
  private final Map<ByteString, Statements.Prepared> prepared = new ConcurrentHashMap<>();

  WarehouseProducer(
      Supplier<GuardedSql> open, BufferAllocator allocator, int maxRows, String version) {
    this.statements = new Statements(open, maxRows);
    this.allocator = allocator;
    this.catalog = new Catalog(this::current, allocator);
    this.info =
        new SqlInfoBuilder()
            .withFlightSqlServerName("crm-analytics")
            .withFlightSqlServerVersion(version)
            .withFlightSqlServerArrowVersion("18.1.0")
            .withFlightSqlServerReadOnly(true)
            .withSqlIdentifierQuoteChar("`");
  }

  @Override
  public void createPreparedStatement(
      FlightSql.ActionCreatePreparedStatementRequest request,
      CallContext context,
      StreamListener<Result> listener) {
    try {
      Statements.Prepared p = statements.prepare(request.getQuery());
      ByteString handle = ByteString.copyFromUtf8(UUID.randomUUID().toString());
      prepared.put(handle, p);
      FlightSql.ActionCreatePreparedStatementResult.Builder result =
          FlightSql.ActionCreatePreparedStatementResult.newBuilder()
              .setPreparedStatementHandle(handle);
      if (p.schema() != null) {
        result.setDatasetSchema(ByteString.copyFrom(p.schema().serializeAsMessage()));
      }
      listener.onNext(new Result(Any.pack(result.build()).toByteArray()));
      listener.onCompleted();
    } catch (Exception e) {
      listener.onError(Failures.of(e));
    }
  }

  @Override
  public void closePreparedStatement(
      FlightSql.ActionClosePreparedStatementRequest request,
      CallContext context,
      StreamListener<Result> listener) {
    prepared.remove(request.getPreparedStatementHandle());
    listener.onCompleted();
  }

  @Override
  public FlightInfo getFlightInfoPreparedStatement(
      FlightSql.CommandPreparedStatementQuery command,
      CallContext context,
      FlightDescriptor descriptor) {
    Statements.Prepared p = lookUp(command.getPreparedStatementHandle());
    if (p.kind() != SqlGuard.Kind.QUERY) {
      throw CallStatus.INVALID_ARGUMENT
          .withDescription("not a query: run it as an update")
          .toRuntimeException();
    }
    return info(p.schema(), descriptor, command);
  }

  @Override
  public void getStreamPreparedStatement(
      FlightSql.CommandPreparedStatementQuery command,
      CallContext context,
      ServerStreamListener listener) {
    Statements.Prepared p = lookUp(command.getPreparedStatementHandle());
    stream(p.sql(), p.rows(), listener);
  }

  @Override
  public FlightInfo getFlightInfoStatement(
      FlightSql.CommandStatementQuery command, CallContext context, FlightDescriptor descriptor) {
    Statements.Prepared p;
    try {
      p = statements.prepare(command.getQuery());
    } catch (Exception e) {
      throw Failures.of(e);
    }
    if (p.kind() != SqlGuard.Kind.QUERY) {
      throw CallStatus.INVALID_ARGUMENT
          .withDescription("not a query: run it as an update")
          .toRuntimeException();
    }
    FlightSql.TicketStatementQuery ticket =
        FlightSql.TicketStatementQuery.newBuilder()
            .setStatementHandle(ByteString.copyFromUtf8(command.getQuery()))
            .build();
    return info(p.schema(), descriptor, ticket);
  }

  @Override
  public void getStreamStatement(
      FlightSql.TicketStatementQuery ticket, CallContext context, ServerStreamListener listener) {
    stream(ticket.getStatementHandle().toStringUtf8(), null, listener);
  }

  @Override
  public Runnable acceptPutPreparedStatementUpdate(
      FlightSql.CommandPreparedStatementUpdate command,
      CallContext context,
      FlightStream flightStream,
      StreamListener<PutResult> ackStream) {
    return () -> update(lookUp(command.getPreparedStatementHandle()).sql(), ackStream);
  }

  @Override
  public Runnable acceptPutStatement(
      FlightSql.CommandStatementUpdate command,
      CallContext context,
      FlightStream flightStream,
      StreamListener<PutResult> ackStream) {
    return () -> update(command.getQuery(), ackStream);
  }

  @Override
  public FlightInfo getFlightInfoSqlInfo(
      FlightSql.CommandGetSqlInfo request, CallContext context, FlightDescriptor descriptor) {
    return info(Schemas.GET_SQL_INFO_SCHEMA, descriptor, request);
  }

  @Override
  public void getStreamSqlInfo(
      FlightSql.CommandGetSqlInfo command, CallContext context, ServerStreamListener listener) {
    info.send(command.getInfoList(), listener);
  }

  @Override
  public FlightInfo getFlightInfoCatalogs(
      FlightSql.CommandGetCatalogs request, CallContext context, FlightDescriptor descriptor) {
    return info(Schemas.GET_CATALOGS_SCHEMA, descriptor, request);
  }

  @Override
  public void getStreamCatalogs(CallContext context, ServerStreamListener listener) {
    catalog.empty(Schemas.GET_CATALOGS_SCHEMA, listener);
  }

  @Override
  public FlightInfo getFlightInfoSchemas(
      FlightSql.CommandGetDbSchemas request, CallContext context, FlightDescriptor descriptor) {
    return info(Schemas.GET_SCHEMAS_SCHEMA, descriptor, request);
  }

  @Override
  public void getStreamSchemas(
      FlightSql.CommandGetDbSchemas command, CallContext context, ServerStreamListener listener) {
    catalog.empty(Schemas.GET_SCHEMAS_SCHEMA, listener);
  }

  @Override
  public FlightInfo getFlightInfoTableTypes(
      FlightSql.CommandGetTableTypes request, CallContext context, FlightDescriptor descriptor) {
    return info(Schemas.GET_TABLE_TYPES_SCHEMA, descriptor, request);
  }

  @Override
  public void getStreamTableTypes(CallContext context, ServerStreamListener listener) {
    catalog.tableTypes(listener);
  }

  @Override
  public FlightInfo getFlightInfoTables(
      FlightSql.CommandGetTables request, CallContext context, FlightDescriptor descriptor) {
    return info(
        request.getIncludeSchema()
            ? Schemas.GET_TABLES_SCHEMA
            : Schemas.GET_TABLES_SCHEMA_NO_SCHEMA,
        descriptor,
        request);
  }

  @Override
  public void getStreamTables(
      FlightSql.CommandGetTables command, CallContext context, ServerStreamListener listener) {
    catalog.tables(command, listener);
  }

  @Override
  public FlightInfo getFlightInfoPrimaryKeys(
      FlightSql.CommandGetPrimaryKeys request, CallContext context, FlightDescriptor descriptor) {
    return info(Schemas.GET_PRIMARY_KEYS_SCHEMA, descriptor, request);
  }

  @Override
  public void getStreamPrimaryKeys(
      FlightSql.CommandGetPrimaryKeys command, CallContext context, ServerStreamListener listener) {
    catalog.empty(Schemas.GET_PRIMARY_KEYS_SCHEMA, listener);
  }

  private void stream(String statement, Dataset<Row> prepared, ServerStreamListener listener) {
    Statements.Result result;
    try {
      result = statements.query(statement, prepared);
    } catch (Exception e) {
      listener.error(Failures.of(e));
      return;
    }
    catalog.send(result.schema(), result.rows(), listener);
  }

  private void update(String statement, StreamListener<PutResult> ack) {
    try {
      statements.update(statement);
      byte[] result =
          FlightSql.DoPutUpdateResult.newBuilder().setRecordCount(0).build().toByteArray();
      try (ArrowBuf buf = allocator.buffer(result.length)) {
        buf.writeBytes(result);
        ack.onNext(PutResult.metadata(buf));
      }
      ack.onCompleted();
    } catch (Exception e) {
      ack.onError(Failures.of(e));
    }
  }

  /** The guarded views, registered again when older than a minute. */
  GuardedSql current() {
    return statements.current();
  }

  private Statements.Prepared lookUp(ByteString handle) {
    Statements.Prepared p = prepared.get(handle);
    if (p == null) {
      throw CallStatus.NOT_FOUND
          .withDescription("unknown or closed prepared statement")
          .toRuntimeException();
    }
    return p;
  }

  private static FlightInfo info(Schema schema, FlightDescriptor descriptor, Message ticket) {
    Ticket t = new Ticket(Any.pack(ticket).toByteArray());
    return new FlightInfo(schema, descriptor, List.of(new FlightEndpoint(t)), -1, -1);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}

package com.crmanalytics.features;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import com.crmanalytics.config.ModelTimeUnit;
import com.crmanalytics.contract.CampaignTouches;
import com.crmanalytics.contract.CustomerFeatures;
import com.crmanalytics.contract.Lineage;
import com.crmanalytics.contract.Orders;
import com.crmanalytics.contract.ServiceContacts;
import com.crmanalytics.contract.TableContract;
import com.crmanalytics.io.TableHistory;
import com.crmanalytics.io.Warehouse;
import com.crmanalytics.pipeline.RunContext;
import java.io.FileNotFoundException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.jdk.javaapi.CollectionConverters;

/**
 * customer_features as of D from those of an earlier date P ({@link PreviousFeatures}): the
 * customers whose features can differ between P and D are recomputed from silver, every other
 * customer is carried over with only its as-of columns moved to D. The result is the one a full
 * recompute gives (IncrementalFeaturesIT checks it on every date of the samples).
 *
 * <p>A customer's features can change between P and D only through
 *
 * <ul>
 *   <li>a silver row dated on or before D written since P's features (its business date is after
 *       P), or the customer such a row belonged to before, dated on or before P (a restated line
 *       moved to another customer or day);
 *   <li>an event on a day in (P, D]: an order line, a service contact, a campaign message sent or
 *       converted;
 *   <li>an order day leaving the RFM window, a day in (P − W, D − W].
 * </ul>
 *
 * Every other column of a carried customer is a sum or count over days on or before P, or derives
 * from the first and last order days: recency_days, tenure_days and T are recomputed for D from
 * them; T as the whole number of days it stands for, so the value is the full recompute's to the
 * last bit.
 */
public final class IncrementalFeatures {
  private static final Logger LOG = LoggerFactory.getLogger(IncrementalFeatures.class);

  private IncrementalFeatures() {}

  /**
   * The features as of {@code d} as a recompute from silver would give them now, lazily: from the
   * stored features of d, or of the latest date before it, when they can be continued ({@link
   * PreviousFeatures}; only the customers with rows written since, dated on or before d, are
   * recomputed), else (and with {@code --full}) recomputed — for the value stage's cutoff dates,
   * which a nightly run has usually computed already.
   *
   * @param configHash the running configuration's hash
   * @param fromCustomers {@code run.incremental-from-customers}
   */
  public static Dataset<Row> storedOrRecomputed(
      RunContext ctx,
      LocalDate d,
      int windowDays,
      ModelTimeUnit unit,
      String configHash,
      int fromCustomers) {
    PreviousFeatures prev =
        ctx.isFull()
            ? PreviousFeatures.none("--full")
            : PreviousFeatures.find(
                ctx.warehouse(), d.plusDays(1), configHash, ctx.codeVersion(), fromCustomers);
    Rows made = asOf(ctx, prev, d, windowDays, unit);
    LOG.info("{}: features as of {} {}", ctx.businessDate(), d, made.how());
    return made.rows();
  }

  /** The features of D and how they were made, for the stage's line. */
  record Rows(Dataset<Row> rows, String how) {}

  /**
   * The features as of {@code d}, lazily: from those of {@code prev} when it names a date, else, or
   * when the silver tables as they were when those were computed cannot be read, or when more than
   * half of P's customers would be recomputed anyway, recomputed from silver — and why.
   */
  static Rows asOf(
      RunContext ctx, PreviousFeatures prev, LocalDate d, int windowDays, ModelTimeUnit unit) {
    Warehouse wh = ctx.warehouse();
    if (!prev.incremental()) {
      return recomputed(wh, d, windowDays, unit, prev.why());
    }
    LocalDate p = prev.previous();
    Optional<Dataset<Row>> found = affected(wh, prev, d, windowDays).map(ctx::persist);
    long recomputed = found.isPresent() ? countUnlessVacuumed(found.get()) : -1;
    if (recomputed < 0) {
      return recomputed(
          wh, d, windowDays, unit, "the tables as of the features of " + p + " cannot be read");
    }
    if (recomputed * 2 > prev.customers()) {
      // e.g. a date before an initial load's: every row was written after it
      return recomputed(
          wh,
          d,
          windowDays,
          unit,
          String.format(
              Locale.ROOT,
              "%d customers have rows dated or written since the features of %s (of %d),"
                  + " more than half",
              recomputed,
              p,
              prev.customers()));
    }
    Dataset<Row> changed = found.get();
    Dataset<Row> previous =
        wh.read(CustomerFeatures.CONTRACT).filter(col(CustomerFeatures.AS_OF_DATE).equalTo(lit(p)));
    Dataset<Row> rows =
        FeaturesStage.transform(
                wh.read(Orders.CONTRACT).join(changed, Orders.CUSTOMER_ID, "left_semi"),
                FeaturesStage.readOrEmpty(wh, ServiceContacts.CONTRACT)
                    .join(changed, ServiceContacts.CUSTOMER_ID, "left_semi"),
                FeaturesStage.readOrEmpty(wh, CampaignTouches.CONTRACT)
                    .join(changed, CampaignTouches.CUSTOMER_ID, "left_semi"),
                d,
                windowDays,
                unit)
            .unionByName(carried(previous, changed, p, d, unit));
    return new Rows(
        rows, String.format("from those of %s, %d customers recomputed", p, recomputed));
  }

  private static Rows recomputed(
      Warehouse wh, LocalDate d, int windowDays, ModelTimeUnit unit, String why) {
    return new Rows(FeaturesStage.asOf(wh, d, windowDays, unit), "recomputed from silver: " + why);
  }

  /**
   * The number of rows, or −1 when a file they are read from no longer exists: VACUUM removed the
   * files of the silver tables' state at an old date's features (a rerun of a date far back).
   */
  private static long countUnlessVacuumed(Dataset<Row> rows) {
    try {
      return rows.count();
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof FileNotFoundException) {
          return -1;
        }
      }
      throw e;
    }
  }

  /**
   * The customers whose features may differ between P and D, one row each (column customer_id);
   * empty when a source's state at P's features cannot be read (the caller then recomputes all).
   */
  static Optional<Dataset<Row>> affected(
      Warehouse wh, PreviousFeatures prev, LocalDate d, int windowDays) {
    LocalDate p = prev.previous();
    Optional<Dataset<Row>> orders =
        customers(
            wh,
            Orders.CONTRACT,
            Orders.CUSTOMER_ID,
            prev,
            d,
            dayIn(Orders.ORDER_TS, p, d)
                .or(dayIn(Orders.ORDER_TS, p.minusDays(windowDays), d.minusDays(windowDays))));
    Optional<Dataset<Row>> service =
        customers(
            wh,
            ServiceContacts.CONTRACT,
            ServiceContacts.CUSTOMER_ID,
            prev,
            d,
            dayIn(ServiceContacts.OPENED_TS, p, d));
    Optional<Dataset<Row>> campaigns =
        customers(
            wh,
            CampaignTouches.CONTRACT,
            CampaignTouches.CUSTOMER_ID,
            prev,
            d,
            dayIn(CampaignTouches.SENT_TS, p, d).or(dayIn(CampaignTouches.CONVERTED_TS, p, d)));
    if (orders.isEmpty() || service.isEmpty() || campaigns.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(orders.get().union(service.get()).union(campaigns.get()).distinct());
  }

  /**
   * The customers of {@code table} with a row dated on or before D written since P's features or an
   * event in {@code events}, and — when the table's key does not include the customer, so that a
   * restated row can have changed hands or days — the customers the rows written since then
   * belonged to, dated on or before P, when P's features were computed.
   */
  private static Optional<Dataset<Row>> customers(
      Warehouse wh,
      TableContract table,
      String customer,
      PreviousFeatures prev,
      LocalDate d,
      Column events) {
    if (!wh.exists(table)) {
      return Optional.of(wh.spark().emptyDataFrame().select(lit(null).cast("string").as(customer)));
    }
    Dataset<Row> now = wh.read(table);
    Column day = to_date(col(table.eventColumn().orElseThrow()));
    Column written = col(Lineage.BUSINESS_DATE).gt(lit(prev.previous()));
    Column counts = written.and(day.leq(lit(d))).or(events);
    String id = CustomerFeatures.CUSTOMER_ID;
    if (table.key().contains(customer)) {
      return Optional.of(
          now.filter(counts).select(col(customer).as(id)).filter(col(id).isNotNull()));
    }
    Optional<Dataset<Row>> before = TableHistory.asOf(wh, table, prev.computedAt());
    if (before.isEmpty()) {
      return Optional.empty();
    }
    // One read of each version: the rows written since P or with an event, each with the customer
    // its key belonged to at P (when dated on or before P), then both customers where they count.
    List<Column> touched = new ArrayList<>(table.key().stream().map(k -> col(k)).toList());
    List<Column> owners = new ArrayList<>(touched);
    touched.addAll(List.of(col(customer).as(id), counts.as("counts"), written.as("written")));
    owners.add(col(customer).as("owner_at_p"));
    Dataset<Row> ids =
        now.filter(written.or(events))
            .select(touched.toArray(Column[]::new))
            .join(
                before
                    .get()
                    .filter(day.leq(lit(prev.previous())))
                    .select(owners.toArray(Column[]::new)),
                CollectionConverters.asScala(table.key()).toSeq(),
                "left")
            .select(
                explode(
                        array(
                            when(col("counts"), col(id)), when(col("written"), col("owner_at_p"))))
                    .as(id));
    return Optional.of(ids.filter(col(CustomerFeatures.CUSTOMER_ID).isNotNull()));
  }

  /** The event day of timestamp column {@code ts} is in (from, to]. */
  private static Column dayIn(String ts, LocalDate from, LocalDate to) {
    Column day = to_date(col(ts));
    return day.gt(lit(from)).and(day.leq(lit(to)));
  }

  /**
   * The features of P of the customers not in {@code affected}, as of D: as_of_date, recency_days,
   * tenure_days and T move on by the days between; everything else stays.
   */
  static Dataset<Row> carried(
      Dataset<Row> previous, Dataset<Row> affected, LocalDate p, LocalDate d, ModelTimeUnit unit) {
    Column dd = lit(d);
    double unitDays = unit.days();
    // T of P is a whole number of days over the unit's days; D's is that number plus D − P.
    Column days =
        round(col(CustomerFeatures.T).multiply(unitDays)).cast("int").plus(datediff(dd, lit(p)));
    Dataset<Row> carried =
        previous
            .join(affected, CustomerFeatures.CUSTOMER_ID, "left_anti")
            .withColumn(CustomerFeatures.AS_OF_DATE, dd)
            .withColumn(
                CustomerFeatures.RECENCY_DAYS,
                datediff(
                    dd,
                    coalesce(
                        col(CustomerFeatures.LAST_ORDER_DATE),
                        col(CustomerFeatures.FIRST_ORDER_DATE))))
            .withColumn(
                CustomerFeatures.TENURE_DAYS, datediff(dd, col(CustomerFeatures.FIRST_ORDER_DATE)))
            .withColumn(CustomerFeatures.T, days.divide(unitDays));
    return CustomerFeatures.CONTRACT.conform(carried);
  }
}

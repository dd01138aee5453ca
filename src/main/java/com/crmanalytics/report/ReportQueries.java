package com.crmanalytics.report;

/**
 * The SQL behind the report tables, over the views {@link ReportInputs} registers for one date D:
 *
 * <ul>
 *   <li>{@code rpt_customers}: every customer of customer_features at D with its segment, tier,
 *       tier_rank, value and churn columns, and {@code measure} (pyramid.measure over the window);
 *   <li>{@code rpt_previous}: customer_segments at the previous date (may be empty);
 *   <li>{@code rpt_orders}: order lines of the window, with {@code day};
 *   <li>{@code rpt_touches}: campaign touches sent in the window (and holdout rows, control =
 *       true), with {@code sent_day};
 *   <li>{@code rpt_contacts}: service contacts opened on or before D, with {@code day};
 *   <li>{@code rpt_tiers}: the configured tiers with {@code tier_order};
 *   <li>{@code rpt_model_runs}: model_runs of D.
 * </ul>
 *
 * Named parameters (bound by {@link ReportTables#bind}): {@code :d} (D), {@code :w}
 * (rfm.window-days), {@code :n} (customers at D), and those a query names in its comment. Each
 * query's columns are those of its contract in {@link com.crmanalytics.contract.Reports}, in any
 * order. Long because it is SQL text only, one query per report table, kept together over the views
 * described once here.
 */
final class ReportQueries {
  private ReportQueries() {}

  /**
   * The share of the window's sales (positive lines of customers, by amount) whose line has a cost:
   * report_kpis.margin and the margins of the tables count those lines only. Null without sales.
   */
  static final String COSTED_SHARE =
      """
      SELECT CAST(coalesce(sum(CASE WHEN cost IS NOT NULL THEN amount END), 0) AS DOUBLE)
             / CAST(sum(amount) AS DOUBLE)
      FROM rpt_orders WHERE amount > 0 AND customer_id IS NOT NULL
      """;

  /** Percentile bucket sums of the measure (negative values count as 0) and Σ i·x for the Gini. */
  static final String CONCENTRATION_BUCKETS =
      """
      SELECT bucket, sum(v) AS v, sum(i * v) AS weighted
      FROM (SELECT CAST(floor(100 * (tier_rank - 1) / :n) + 1 AS INT) AS bucket,
                   CAST(:n - tier_rank + 1 AS DOUBLE) AS i,
                   CAST(greatest(measure, 0) AS DOUBLE) AS v
            FROM rpt_customers)
      GROUP BY bucket
      """;

  /**
   * :currency, :recent (report.recent-days), :h (churn.horizon-days), :top20 and :gini from the
   * concentration; the interval of customer equity from the chosen transaction model's row of
   * model_runs (:chosen, :equitylow and :equityhigh are its metric keys).
   */
  static final String KPIS =
      """
      SELECT :d AS as_of_date,
             :currency AS currency,
             count(*) AS customers_known,
             count_if(frequency > 0) AS customers_active,
             count_if(first_order_date > date_sub(:d, :recent)) AS customers_new,
             (SELECT count(DISTINCT order_id) FROM rpt_orders) AS orders,
             coalesce(sum(monetary), 0) AS revenue,
             coalesce(sum(monetary_margin), 0) AS margin,
             coalesce(sum(clv), 0) AS customer_equity,
             sum(clv_baseline) AS customer_equity_baseline,
             (SELECT max(metrics[:equitylow]) FROM rpt_model_runs WHERE metrics[:chosen] = 1)
               AS customer_equity_low,
             (SELECT max(metrics[:equityhigh]) FROM rpt_model_runs WHERE metrics[:chosen] = 1)
               AS customer_equity_high,
             sum(clv_lifetime) AS customer_equity_lifetime,
             coalesce(avg(clv), 0) AS mean_clv,
             coalesce(sum(1 - p_alive), 0) AS expected_churners,
             coalesce(sum(1 - p_alive), 0) / count(*) AS churn_rate,
             coalesce(sum(churn_probability), 0) AS expected_quiet,
             coalesce(sum(churn_probability), 0) / count(*) AS quiet_share,
             :h AS churn_horizon_days,
             count_if(risk_band = 'high') AS high_risk_customers,
             coalesce(sum(clv_at_risk), 0) AS clv_at_risk,
             coalesce(sum(clv + clv_at_risk), 0) AS value_if_all_active,
             coalesce(avg(p_alive), 0) AS mean_p_alive,
             :top20 AS top_20_share,
             :gini AS gini
      FROM rpt_customers
      """;

  /** Every configured tier, the empty ones with zeros; shares of revenue in tier order. */
  static final String PYRAMID =
      """
      WITH g AS (
        SELECT tier, count(*) AS customers, sum(monetary) AS revenue, sum(monetary_margin) AS margin,
               sum(clv) AS clv_total, avg(clv) AS clv_mean, avg(churn_probability) AS churn_probability_mean
        FROM rpt_customers GROUP BY tier),
      t AS (
        SELECT t.tier, t.tier_order, coalesce(g.customers, 0) AS customers, coalesce(g.revenue, 0) AS revenue,
               coalesce(g.margin, 0) AS margin, coalesce(g.clv_total, 0) AS clv_total, g.clv_mean,
               g.churn_probability_mean
        FROM rpt_tiers t LEFT JOIN g ON g.tier = t.tier)
      SELECT :d AS as_of_date, tier, tier_order, customers, customers / :n AS customer_share, revenue,
             coalesce(revenue / nullif(sum(revenue) OVER (), 0), 0) AS revenue_share,
             coalesce(sum(revenue) OVER (ORDER BY tier_order ROWS UNBOUNDED PRECEDING)
                 / nullif(sum(revenue) OVER (), 0), 0) AS cumulative_revenue_share,
             margin, clv_total, clv_mean, churn_probability_mean
      FROM t ORDER BY tier_order
      """;

  /** Per segment, per tier and per (segment, tier). */
  static final String SEGMENTS =
      """
      SELECT :d AS as_of_date,
             CASE grouping_id(segment, tier) WHEN 1 THEN 'segment' WHEN 2 THEN 'tier' ELSE 'segment_tier' END AS level,
             segment, tier,
             count(*) AS customers,
             count(*) / :n AS customer_share,
             coalesce(sum(monetary), 0) AS revenue,
             coalesce(sum(clv), 0) AS clv_total,
             coalesce(avg(clv), 0) AS clv_mean,
             coalesce(sum(clv_at_risk), 0) AS clv_at_risk,
             coalesce(avg(churn_probability), 0) AS churn_probability_mean,
             coalesce(avg(p_alive), 0) AS p_alive_mean,
             coalesce(sum(1 - p_alive), 0) AS expected_lost,
             count_if(risk_band = 'low') AS risk_low,
             count_if(risk_band = 'medium') AS risk_medium,
             count_if(risk_band = 'high') AS risk_high
      FROM rpt_customers
      GROUP BY GROUPING SETS ((segment), (tier), (segment, tier))
      ORDER BY level, segment, tier
      """;

  /** :p = the previous date; a customer of one side only has null on the other. */
  static final String MIGRATION =
      """
      WITH m AS (
        SELECT p.segment AS from_segment, c.segment AS to_segment, p.tier AS from_tier, c.tier AS to_tier,
               c.monetary AS revenue
        FROM rpt_previous p FULL OUTER JOIN rpt_customers c ON p.customer_id = c.customer_id)
      SELECT :d AS as_of_date, :p AS previous_as_of_date, 'segment' AS dimension,
             from_segment AS from_value, to_segment AS to_value, count(*) AS customers,
             coalesce(sum(revenue), 0) AS revenue
      FROM m GROUP BY from_segment, to_segment
      UNION ALL
      SELECT :d, :p, 'tier', from_tier, to_tier, count(*), coalesce(sum(revenue), 0)
      FROM m GROUP BY from_tier, to_tier
      ORDER BY dimension, from_value, to_value
      """;

  /**
   * :attribution = report.attribution-days. Revenue of a converted touch: its customer's order
   * lines from the touch's day to attribution days later (and on or before D), each line counted
   * once per campaign even when several touches of the campaign cover it. Holdout rows (control)
   * were not sent: they are the comparison group of {@link CampaignLift}, not touches. Touches are
   * summed per campaign and customer first (the distinct customers of a group are then its rows),
   * and order lines per order and day (an order's lines of one day are attributed together).
   */
  static final String CAMPAIGNS =
      """
      WITH t AS (
        SELECT t.campaign_id, t.campaign_name, t.customer_id, t.sent_day, t.cost, c.segment, c.tier,
               coalesce(to_date(t.opened_ts) <= :d, false) AS opened,
               coalesce(to_date(t.clicked_ts) <= :d, false) AS clicked,
               coalesce(to_date(t.converted_ts) <= :d, false) AS converted
        FROM rpt_touches t LEFT JOIN rpt_customers c ON c.customer_id = t.customer_id
        WHERE NOT coalesce(t.control, false)),
      per_customer AS (
        SELECT campaign_id, customer_id, segment, tier, max(campaign_name) AS campaign_name,
               count(*) AS touches, count_if(opened) AS opens, count_if(clicked) AS clicks,
               count_if(converted) AS conversions, sum(cost) AS cost
        FROM t GROUP BY campaign_id, customer_id, segment, tier),
      orders AS (
        SELECT customer_id, order_id, day, sum(amount) AS amount
        FROM rpt_orders WHERE customer_id IS NOT NULL GROUP BY customer_id, order_id, day),
      attributed AS (
        SELECT DISTINCT t.campaign_id, t.customer_id, t.segment, t.tier, o.order_id, o.day, o.amount
        FROM t JOIN orders o
          ON o.customer_id = t.customer_id
         AND o.day >= t.sent_day AND o.day <= date_add(t.sent_day, :attribution)
        WHERE t.converted),
      touched AS (
        SELECT campaign_id, segment, tier, grouping(segment) * 2 + grouping(tier) AS g,
               max(campaign_name) AS campaign_name, sum(touches) AS touches, count(customer_id) AS customers,
               sum(opens) AS opens, sum(clicks) AS clicks, sum(conversions) AS conversions,
               coalesce(sum(cost), 0) AS cost
        FROM per_customer GROUP BY GROUPING SETS ((campaign_id), (campaign_id, segment), (campaign_id, tier))),
      earned AS (
        SELECT campaign_id, segment, tier, grouping(segment) * 2 + grouping(tier) AS g, sum(amount) AS revenue
        FROM attributed GROUP BY GROUPING SETS ((campaign_id), (campaign_id, segment), (campaign_id, tier)))
      SELECT :d AS as_of_date,
             CASE t.g WHEN 3 THEN 'campaign' WHEN 1 THEN 'campaign_segment' ELSE 'campaign_tier' END AS level,
             t.campaign_id, t.campaign_name, t.segment, t.tier, t.touches, t.customers, t.opens, t.clicks,
             t.conversions, t.opens / t.touches AS open_rate, t.clicks / t.touches AS click_rate,
             t.conversions / t.touches AS conversion_rate, t.cost,
             CAST(t.cost AS DOUBLE) / nullif(t.conversions, 0) AS cost_per_response,
             coalesce(e.revenue, 0) AS attributed_revenue,
             CAST(coalesce(e.revenue, 0) - t.cost AS DOUBLE) / nullif(CAST(t.cost AS DOUBLE), 0) AS roi
      FROM touched t LEFT JOIN earned e
        ON e.campaign_id = t.campaign_id AND e.g = t.g AND e.segment <=> t.segment AND e.tier <=> t.tier
      ORDER BY level, campaign_id, segment, tier
      """;

  /**
   * First-contact resolution: an answered contact that is resolved, with no further contact of the
   * same customer and category within 7 days after it (contacts up to D only).
   */
  static final String SERVICE =
      """
      WITH c AS (
        SELECT customer_id, channel, category, wait_seconds, satisfaction, cost, day,
               coalesce(abandoned, false) AS abandoned,
               coalesce(resolved, false)
                 AND NOT coalesce(abandoned, false)
                 AND (next_ts IS NULL OR next_ts > opened_ts + INTERVAL 7 DAYS) AS first_contact_resolved
        FROM (SELECT *, lead(opened_ts) OVER (PARTITION BY customer_id, category ORDER BY opened_ts, contact_id) AS next_ts
              FROM rpt_contacts)
        WHERE day > date_sub(:d, :w)),
      w AS (SELECT c.*, k.tier FROM c LEFT JOIN rpt_customers k ON k.customer_id = c.customer_id),
      g AS (
        SELECT grouping_id(tier, channel, category) AS g, tier, channel, category,
               count(*) AS contacts, count(DISTINCT customer_id) AS customers,
               avg(wait_seconds) AS mean_wait_seconds,
               avg(CASE WHEN abandoned THEN 1.0D ELSE 0.0D END) AS abandonment_rate,
               count_if(first_contact_resolved) / nullif(count_if(NOT abandoned), 0) AS first_contact_resolution,
               avg(satisfaction) AS mean_satisfaction,
               avg(CASE WHEN category = 'complaint' THEN 1.0D ELSE 0.0D END) AS complaint_rate,
               coalesce(sum(cost), 0) AS cost_to_serve
        FROM w GROUP BY GROUPING SETS ((tier), (channel), (category))),
      sizes AS (SELECT tier, count(*) AS tier_customers FROM rpt_customers GROUP BY tier)
      SELECT :d AS as_of_date,
             CASE g.g WHEN 3 THEN 'tier' WHEN 5 THEN 'channel' ELSE 'category' END AS level,
             g.tier, g.channel, g.category, g.contacts, g.customers,
             g.contacts / CASE WHEN g.g = 3 AND g.tier IS NOT NULL THEN s.tier_customers ELSE g.customers END
               AS contacts_per_customer,
             g.mean_wait_seconds, g.abandonment_rate, g.first_contact_resolution, g.mean_satisfaction,
             g.complaint_rate, g.cost_to_serve
      FROM g LEFT JOIN sizes s ON g.g = 3 AND s.tier = g.tier
      ORDER BY level, tier, channel, category
      """;

  /**
   * Revenue is net of returns (negative amounts); margin counts the lines with a known cost. Each
   * line once per dimension, and each distinct count in an aggregation of its own: Spark plans one
   * distinct count as two groupings, but expands every line once per grouping set and distinct
   * count when there are two (at 1M customers the query took 46 s that way, 35 s this way).
   */
  static final String SALES =
      """
      WITH lines AS (
        SELECT d.dimension, d.value, order_id, customer_id, amount, cost
        FROM rpt_orders
          LATERAL VIEW stack(3, 'category', category, 'channel', channel, 'region', region) d AS dimension, value),
      sums AS (
        SELECT dimension, value, sum(amount) AS revenue,
               coalesce(sum(CASE WHEN cost IS NOT NULL THEN amount - cost END), 0) AS margin,
               count(DISTINCT order_id) AS orders, count(*) AS lines,
               -coalesce(sum(CASE WHEN amount < 0 THEN amount END), 0) AS returned_amount
        FROM lines GROUP BY dimension, value),
      buyers AS (
        SELECT dimension, value, count(DISTINCT customer_id) AS customers FROM lines GROUP BY dimension, value),
      g AS (
        SELECT s.*, b.customers FROM sums s JOIN buyers b ON b.dimension = s.dimension AND b.value <=> s.value)
      SELECT :d AS as_of_date, dimension, value, revenue,
             coalesce(revenue / nullif(sum(revenue) OVER (PARTITION BY dimension), 0), 0) AS revenue_share,
             margin, orders, customers, lines, returned_amount
      FROM g ORDER BY dimension, revenue DESC, value
      """;

  /** model_runs of D, one row per number; nulls, NaN and infinities left out. */
  static final String MODEL =
      """
      WITH all_numbers AS (
        SELECT model, 'param' AS kind, e.key AS name, e.value AS value
          FROM rpt_model_runs LATERAL VIEW explode(params) e AS key, value
        UNION ALL
        SELECT model, 'metric', e.key, e.value
          FROM rpt_model_runs LATERAL VIEW explode(metrics) e AS key, value
        UNION ALL
        SELECT model, 'threshold', e.key, e.value
          FROM rpt_model_runs LATERAL VIEW explode(thresholds) e AS key, value
        UNION ALL
        SELECT model, 'fit', f.name, f.value
          FROM rpt_model_runs LATERAL VIEW stack(4,
            'log_likelihood', log_likelihood,
            'n_customers', CAST(n_customers AS DOUBLE),
            'iterations', CAST(iterations AS DOUBLE),
            'converged', CASE WHEN converged THEN 1.0D WHEN NOT converged THEN 0.0D END) f AS name, value)
      SELECT :d AS as_of_date, model, kind, name, value
      FROM all_numbers
      WHERE value IS NOT NULL AND NOT isnan(value) AND abs(value) != double('infinity')
      ORDER BY model, kind, name
      """;

  /**
   * report_cohorts: the customers of D by month of first order (the last :cohorts months), every
   * month since up to the month of D (months without a purchase give 0), with the customers who
   * bought and the net revenue.
   */
  static final String COHORTS =
      """
      WITH kept AS (
        SELECT customer_id, trunc(first_order_date, 'MM') AS cohort_month FROM rpt_customers
        WHERE first_order_date >= add_months(trunc(:d, 'MM'), 1 - :cohorts)),
      sizes AS (SELECT cohort_month, count(*) AS cohort_customers FROM kept GROUP BY cohort_month),
      grid AS (
        SELECT cohort_month, cohort_customers,
               explode(sequence(0, CAST(months_between(trunc(:d, 'MM'), cohort_month) AS INT))) AS months_since
        FROM sizes),
      activity AS (
        SELECT k.cohort_month, CAST(months_between(trunc(o.day, 'MM'), k.cohort_month) AS INT) AS months_since,
               count(DISTINCT CASE WHEN o.amount > 0 THEN o.customer_id END) AS active_customers,
               sum(o.amount) AS revenue
        FROM rpt_history o JOIN kept k ON o.customer_id = k.customer_id
        GROUP BY 1, 2)
      SELECT :d AS as_of_date, g.cohort_month, g.months_since, g.cohort_customers,
             coalesce(a.active_customers, 0) AS active_customers,
             coalesce(a.active_customers, 0) / g.cohort_customers AS active_share,
             coalesce(a.revenue, 0) AS revenue
      FROM grid g LEFT JOIN activity a ON a.cohort_month = g.cohort_month AND a.months_since = g.months_since
      ORDER BY g.cohort_month, g.months_since
      """;
}

-- Databricks notebook source
-- MAGIC %md
-- MAGIC # Segment explorer
-- MAGIC
-- MAGIC **What it answers:** who our customers are on the latest date, by RFM segment and pyramid tier; what each
-- MAGIC segment is worth today and in the future; how many customers moved between segments since the previous
-- MAGIC run; and who the most valuable customers of one segment are.
-- MAGIC
-- MAGIC Tables used: `customer_segments` (RFM scores, segment and tier per customer and date), `customer_value`
-- MAGIC (lifetime value and churn risk) and `customer_features` (last order date), all by `as_of_date`.
-- MAGIC
-- MAGIC The segments, from the recency score R and the frequency score F (1 = worst, 5 = best):
-- MAGIC
-- MAGIC | segment | R | F | what to do |
-- MAGIC | --- | --- | --- | --- |
-- MAGIC | champions | 5 | 4-5 | reward them, ask for reviews |
-- MAGIC | loyal | 3-4 | 4-5 | upsell, loyalty programme |
-- MAGIC | potential_loyalist | 4-5 | 2-3 | offer membership, recommendations |
-- MAGIC | new_customer | 5 | 1 | onboard them, make a second sale easy |
-- MAGIC | promising | 4 | 1 | build the relationship with an early offer |
-- MAGIC | need_attention | 3 | 3 | limited-time offers, reactivate |
-- MAGIC | about_to_sleep | 3 | 1-2 | win them back before they go |
-- MAGIC | at_risk | 1-2 | 3-4 | personal win-back campaign |
-- MAGIC | cannot_lose | 1-2 | 5 | win back at almost any cost |
-- MAGIC | hibernating | 1-2 | 1-2 | low-cost reminders only |
-- MAGIC | lost | 1 | 1 | ignore, or one last cheap attempt |

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Settings
-- MAGIC
-- MAGIC Every query below reads the date in `as_of`: by default the **latest date** in `customer_segments`.
-- MAGIC To look at another date, replace the `SET VAR as_of` line with a fixed date, for example
-- MAGIC `SET VAR as_of = DATE'2026-11-16';` and run the notebook again. `drill_segment` is the segment whose
-- MAGIC customers the last query lists.

-- COMMAND ----------

DECLARE OR REPLACE VARIABLE as_of DATE;
SET VAR as_of = (SELECT max(as_of_date) FROM customer_segments);
DECLARE OR REPLACE VARIABLE drill_segment STRING DEFAULT 'at_risk';
SELECT as_of AS `analysis date`, drill_segment AS `segment to drill into`

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Segments at a glance
-- MAGIC
-- MAGIC One row per segment, best segments first. Read it as:
-- MAGIC
-- MAGIC - **customers** and **% of customers**: how big the segment is;
-- MAGIC - **avg days since purchase**, **avg purchase days (window)** and **avg revenue (window)**: the R, F and M
-- MAGIC   behind the segment, over the RFM window (365 days by default);
-- MAGIC - **% of revenue**: the segment's share of the window's net revenue;
-- MAGIC - **total CLV**: what the segment's next 12 months are worth today; **CLV at risk**: the part of it we
-- MAGIC   expect to lose to churn. Sort retention money by CLV at risk, not by size.

-- COMMAND ----------

SELECT
  s.segment,
  count(*) AS customers,
  round(100 * count(*) / sum(count(*)) OVER (), 1) AS `% of customers`,
  round(avg(s.recency_days), 0) AS `avg days since purchase`,
  round(avg(s.frequency), 1) AS `avg purchase days (window)`,
  round(avg(s.monetary), 2) AS `avg revenue (window)`,
  round(100 * sum(s.monetary) / sum(sum(s.monetary)) OVER (), 1) AS `% of revenue`,
  round(sum(v.clv), 2) AS `total CLV`,
  round(avg(v.clv), 2) AS `avg CLV`,
  round(avg(v.churn_probability), 3) AS `avg churn probability`,
  round(sum(v.clv_at_risk), 2) AS `CLV at risk`
FROM customer_segments s
JOIN customer_value v USING (customer_id, as_of_date)
WHERE s.as_of_date = as_of
GROUP BY s.segment
ORDER BY array_position(
  array('champions', 'loyal', 'potential_loyalist', 'new_customer', 'promising', 'need_attention',
        'about_to_sleep', 'at_risk', 'cannot_lose', 'hibernating', 'lost'),
  s.segment)

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Segments within the customer pyramid
-- MAGIC
-- MAGIC The pyramid ranks customers by revenue in the window: `vip` is the top 1%, `major` the next 4%,
-- MAGIC `ordinary` the next 15%, `small` the rest (the cut points are configuration). A `vip` customer in
-- MAGIC `at_risk` or `cannot_lose` is worth a phone call; a `small` customer in `lost` is not.

-- COMMAND ----------

SELECT
  s.tier,
  s.segment,
  count(*) AS customers,
  round(sum(s.monetary), 2) AS `revenue (window)`,
  round(sum(v.clv), 2) AS `total CLV`,
  count_if(v.risk_band = 'high') AS `high churn risk`,
  round(sum(v.clv_at_risk), 2) AS `CLV at risk`
FROM customer_segments s
JOIN customer_value v USING (customer_id, as_of_date)
WHERE s.as_of_date = as_of
GROUP BY s.tier, s.segment
ORDER BY min(s.tier_rank), `CLV at risk` DESC

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Who moved since the previous run
-- MAGIC
-- MAGIC Customers whose segment changed between the previous date in `customer_segments` and `as_of`. A move
-- MAGIC from `champions` to `loyal` is an early warning; `(new)` means the customer bought for the first time
-- MAGIC since the previous date. Empty when there is no earlier date yet.

-- COMMAND ----------

WITH previous AS (
  SELECT max(as_of_date) AS d FROM customer_segments WHERE as_of_date < as_of
),
before AS (
  SELECT customer_id, segment FROM customer_segments WHERE as_of_date = (SELECT d FROM previous)
),
now AS (
  SELECT customer_id, segment, monetary FROM customer_segments WHERE as_of_date = as_of
)
SELECT
  (SELECT d FROM previous) AS `previous date`,
  coalesce(b.segment, '(new)') AS `from segment`,
  n.segment AS `to segment`,
  count(*) AS customers,
  round(sum(n.monetary), 2) AS `their revenue (window)`
FROM now n
LEFT JOIN before b USING (customer_id)
WHERE (SELECT d FROM previous) IS NOT NULL
  AND (b.segment IS NULL OR b.segment <> n.segment)
GROUP BY b.segment, n.segment
ORDER BY customers DESC, `from segment`, `to segment`

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## What the scores mean on this date
-- MAGIC
-- MAGIC The score breaks actually used (`model_runs.thresholds` of the `rfm` row). For example
-- MAGIC `r_score.5.recency_days_below = 39` means R is 5 for customers whose last purchase was fewer than 39 days
-- MAGIC before `as_of`; `tier.vip.min_revenue` is the revenue of the last customer who still made it into `vip`.

-- COMMAND ----------

SELECT
  substring_index(t.key, '.', 1) AS measure,
  t.key AS threshold,
  t.value
FROM model_runs m
LATERAL VIEW explode(m.thresholds) t AS key, value
WHERE m.model = 'rfm' AND m.as_of_date = as_of
ORDER BY measure, threshold

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Drill into one segment
-- MAGIC
-- MAGIC The 50 customers of `drill_segment` (set in the settings cell) with the most value at risk: their scores,
-- MAGIC last purchase, lifetime value and churn risk. `rfm_cell` writes the three scores R, F, M together.

-- COMMAND ----------

SELECT
  s.customer_id,
  s.tier,
  s.rfm_cell,
  f.last_order_date AS `last purchase`,
  s.recency_days AS `days since purchase`,
  s.frequency AS `purchase days (window)`,
  s.monetary AS `revenue (window)`,
  round(v.clv, 2) AS clv,
  round(v.churn_probability, 3) AS `churn probability`,
  v.risk_band AS `risk band`,
  round(v.clv_at_risk, 2) AS `CLV at risk`
FROM customer_segments s
JOIN customer_value v USING (customer_id, as_of_date)
JOIN customer_features f USING (customer_id, as_of_date)
WHERE s.as_of_date = as_of AND s.segment = drill_segment
ORDER BY v.clv_at_risk DESC, s.customer_id
LIMIT 50

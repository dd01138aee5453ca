-- Databricks notebook source
-- MAGIC %md
-- MAGIC # Campaign target list: valuable customers about to leave
-- MAGIC
-- MAGIC **What it answers:** which of our biggest customers should a retention campaign contact now? The list holds
-- MAGIC the customers who are
-- MAGIC
-- MAGIC 1. in a top tier of the customer pyramid (`vip` or `major` by default),
-- MAGIC 2. at **high** churn risk (`risk_band = 'high'`: at least a 66% chance of no purchase in the next 90 days),
-- MAGIC 3. worth more than the typical customer of their tier (**CLV above the tier's median**, and above a floor
-- MAGIC    you can set), and
-- MAGIC 4. **not contacted by any campaign in the last 30 days** (the 30 days ending on the analysis date), so
-- MAGIC    that nobody is messaged twice in a month.
-- MAGIC
-- MAGIC They are ordered by **CLV at risk** (churn probability x CLV): the value we expect to lose if we do nothing.
-- MAGIC
-- MAGIC The list holds customer ids and analytics only, no names, e-mail addresses or phone numbers: the campaign
-- MAGIC tool joins the ids to the contact details it is allowed to use.

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Settings
-- MAGIC
-- MAGIC - `as_of`: the analysis date, by default the latest date in `customer_segments`. To pin a date, replace the
-- MAGIC   `SET VAR as_of` line with e.g. `SET VAR as_of = DATE'2026-11-16';`.
-- MAGIC - `target_tiers`: the pyramid tiers to target.
-- MAGIC - `clv_floor`: a minimum CLV in money (0 = only the tier median counts).
-- MAGIC - `quiet_days`: customers touched by a campaign in this many days up to `as_of` are left out.

-- COMMAND ----------

DECLARE OR REPLACE VARIABLE as_of DATE;
SET VAR as_of = (SELECT max(as_of_date) FROM customer_segments);
DECLARE OR REPLACE VARIABLE target_tiers ARRAY<STRING> DEFAULT array('vip', 'major');
DECLARE OR REPLACE VARIABLE clv_floor DOUBLE DEFAULT 0.0;
DECLARE OR REPLACE VARIABLE quiet_days INT DEFAULT 30;
SELECT
  as_of AS `analysis date`,
  array_join(target_tiers, ', ') AS `target tiers`,
  clv_floor AS `CLV floor`,
  quiet_days AS `no campaign touch in the last N days`

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Every customer, with the four rules as yes/no
-- MAGIC
-- MAGIC One row per customer on `as_of`: tier, segment, value, risk, the median CLV of the customer's tier, the last
-- MAGIC order and the last campaign touch on or before `as_of`. The four columns `in_target_tier`, `high_risk`,
-- MAGIC `above_median` and `not_contacted` are the rules; the next cells use them.

-- COMMAND ----------

CREATE OR REPLACE TEMPORARY VIEW target_candidates AS
WITH valued AS (
  SELECT
    s.customer_id,
    s.tier,
    s.tier_rank,
    s.segment,
    v.clv,
    v.churn_probability,
    v.risk_band,
    v.clv_at_risk,
    percentile(v.clv, 0.5) OVER (PARTITION BY s.tier) AS tier_median_clv
  FROM customer_segments s
  JOIN customer_value v USING (customer_id, as_of_date)
  WHERE s.as_of_date = as_of
),
touches AS (
  SELECT customer_id, max(to_date(sent_ts)) AS last_touch, count(*) AS touches
  FROM campaign_touches
  WHERE to_date(sent_ts) <= as_of
    AND NOT coalesce(control, false)  -- a holdout row records a message that was not sent
  GROUP BY customer_id
)
SELECT
  c.*,
  f.last_order_date,
  f.recency_days,
  f.campaign_responses,
  t.last_touch,
  datediff(as_of, t.last_touch) AS days_since_touch,
  array_contains(target_tiers, c.tier) AS in_target_tier,
  c.risk_band = 'high' AS high_risk,
  c.clv > greatest(c.tier_median_clv, clv_floor) AS above_median,
  t.last_touch IS NULL OR t.last_touch <= date_sub(as_of, quiet_days) AS not_contacted
FROM valued c
JOIN customer_features f ON f.customer_id = c.customer_id AND f.as_of_date = as_of
LEFT JOIN touches t ON t.customer_id = c.customer_id;

SELECT count(*) AS `customers on the analysis date` FROM target_candidates

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## How the list narrows down
-- MAGIC
-- MAGIC Customers left after each rule. If the list is too short, relax the rule where the count drops most (add
-- MAGIC `ordinary` to the tiers, or shorten `quiet_days`); if it is too long for the budget, raise `clv_floor`.

-- COMMAND ----------

SELECT stack(5,
    1, 'all customers', count(*),
    2, 'in a target tier', count_if(in_target_tier),
    3, '... and at high churn risk', count_if(in_target_tier AND high_risk),
    4, '... and CLV above the tier median and the floor', count_if(in_target_tier AND high_risk AND above_median),
    5, '... and no campaign touch in the quiet period = the list',
       count_if(in_target_tier AND high_risk AND above_median AND not_contacted)
  ) AS (step, rule, customers)
FROM target_candidates

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## The target list
-- MAGIC
-- MAGIC Highest CLV at risk first. `days since last touch` is empty for customers no campaign has reached yet;
-- MAGIC `campaign responses` counts the campaign messages the customer bought in response to: a hint that campaigns work on them.

-- COMMAND ----------

SELECT
  customer_id,
  tier,
  segment,
  round(clv, 2) AS clv,
  round(churn_probability, 3) AS `churn probability`,
  round(clv_at_risk, 2) AS `CLV at risk`,
  round(tier_median_clv, 2) AS `tier median CLV`,
  last_order_date AS `last order date`,
  recency_days AS `days since last order`,
  last_touch AS `last campaign touch`,
  days_since_touch AS `days since last touch`,
  campaign_responses AS `campaign responses`
FROM target_candidates
WHERE in_target_tier AND high_risk AND above_median AND not_contacted
ORDER BY clv_at_risk DESC, customer_id

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## The list by tier and segment
-- MAGIC
-- MAGIC For the campaign brief: how many customers of each kind the list holds and how much value is at stake.
-- MAGIC Segments suggest the tone: `cannot_lose` and `at_risk` customers used to buy often (a personal win-back),
-- MAGIC `about_to_sleep` and `hibernating` ones rarely did (a reminder with an offer).

-- COMMAND ----------

SELECT
  tier,
  segment,
  count(*) AS customers,
  round(sum(clv), 2) AS `total CLV`,
  round(sum(clv_at_risk), 2) AS `CLV at risk`,
  round(avg(churn_probability), 3) AS `avg churn probability`,
  round(avg(recency_days), 0) AS `avg days since last order`
FROM target_candidates
WHERE in_target_tier AND high_risk AND above_median AND not_contacted
GROUP BY tier, segment
ORDER BY min(tier_rank), `CLV at risk` DESC

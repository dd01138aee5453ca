-- Databricks notebook source
-- MAGIC %md
-- MAGIC # Customer profile
-- MAGIC
-- MAGIC **What it answers:** everything the warehouse knows about one customer, for example one on the campaign
-- MAGIC target list: segment, tier and scores; lifetime value and churn risk and how they changed from run to run;
-- MAGIC the latest orders, campaign messages and service contacts.
-- MAGIC
-- MAGIC No personal data: names, e-mail addresses and phone numbers are not used here.

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Settings
-- MAGIC
-- MAGIC - `as_of`: the analysis date, by default the latest date in `customer_segments`; pin one by replacing the
-- MAGIC   `SET VAR as_of` line with e.g. `SET VAR as_of = DATE'2026-11-16';`.
-- MAGIC - `customer`: by default the customer with the most **CLV at risk** on `as_of`; to look at someone else,
-- MAGIC   replace that line with e.g. `SET VAR customer = 'C000007';`.

-- COMMAND ----------

DECLARE OR REPLACE VARIABLE as_of DATE;
SET VAR as_of = (SELECT max(as_of_date) FROM customer_segments);
DECLARE OR REPLACE VARIABLE customer STRING;
SET VAR customer = (SELECT max_by(customer_id, clv_at_risk) FROM customer_value WHERE as_of_date = as_of);
SELECT as_of AS `analysis date`, customer AS `customer`

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## The customer today
-- MAGIC
-- MAGIC Segment and tier (`tier_rank` 1 is the biggest customer), the R, F and M scores (5 is best), what they bought
-- MAGIC in the window, and the models' view: P(alive) is the chance they still buy from us at all, `expected
-- MAGIC purchases` counts purchase days in the next 12 months, and CLV is what those are worth today.

-- COMMAND ----------

SELECT
  s.customer_id,
  s.segment,
  s.tier,
  s.tier_rank AS `tier rank`,
  s.rfm_cell AS `R F M`,
  f.first_order_date AS `first order`,
  f.last_order_date AS `last purchase`,
  f.recency_days AS `days since purchase`,
  f.frequency AS `purchase days (window)`,
  f.monetary AS `revenue (window)`,
  f.lifetime_revenue AS `lifetime revenue`,
  f.returned_amount AS `returned`,
  round(v.p_alive, 3) AS `P(alive)`,
  round(v.expected_purchases, 2) AS `expected purchases`,
  round(v.clv, 2) AS clv,
  round(v.churn_probability, 3) AS `churn probability`,
  v.risk_band AS `risk band`,
  round(v.clv_at_risk, 2) AS `CLV at risk`
FROM customer_segments s
JOIN customer_features f USING (customer_id, as_of_date)
JOIN customer_value v USING (customer_id, as_of_date)
WHERE s.as_of_date = as_of AND s.customer_id = customer

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## From run to run
-- MAGIC
-- MAGIC The customer's segment, tier, value and risk on every date up to `as_of` (newest first): a customer sliding
-- MAGIC from `champions` to `loyal` to `at_risk` is leaving slowly.

-- COMMAND ----------

SELECT
  s.as_of_date AS date,
  s.segment,
  s.tier,
  s.rfm_cell AS `R F M`,
  round(v.clv, 2) AS clv,
  round(v.churn_probability, 3) AS `churn probability`,
  v.risk_band AS `risk band`
FROM customer_segments s
LEFT JOIN customer_value v USING (customer_id, as_of_date)
WHERE s.customer_id = customer AND s.as_of_date <= as_of
ORDER BY s.as_of_date DESC

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Latest orders
-- MAGIC
-- MAGIC The 20 latest order lines up to `as_of`; a negative quantity and amount is a return.

-- COMMAND ----------

SELECT
  to_date(order_ts) AS date,
  order_id,
  line_no AS line,
  category,
  product_id AS product,
  quantity,
  amount,
  channel,
  region,
  status
FROM orders
WHERE customer_id = customer AND to_date(order_ts) <= as_of
ORDER BY order_ts DESC, order_id, line_no
LIMIT 20

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Campaign messages
-- MAGIC
-- MAGIC The 20 latest campaign messages sent to the customer up to `as_of`, and what the customer did with them.

-- COMMAND ----------

SELECT
  to_date(sent_ts) AS sent,
  campaign_id,
  campaign_name,
  channel,
  opened_ts IS NOT NULL AS opened,
  clicked_ts IS NOT NULL AS clicked,
  to_date(converted_ts) AS `bought on`,
  cost
FROM campaign_touches
WHERE customer_id = customer AND to_date(sent_ts) <= as_of
ORDER BY sent_ts DESC, campaign_id
LIMIT 20

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Service contacts
-- MAGIC
-- MAGIC The 20 latest contacts with customer service up to `as_of`: complaints and abandoned calls often come before
-- MAGIC a customer leaves.

-- COMMAND ----------

SELECT
  to_date(opened_ts) AS date,
  contact_id,
  channel,
  category,
  wait_seconds AS `wait (s)`,
  abandoned,
  resolved,
  satisfaction AS `satisfaction (1-5)`
FROM service_contacts
WHERE customer_id = customer AND to_date(opened_ts) <= as_of
ORDER BY opened_ts DESC, contact_id
LIMIT 20

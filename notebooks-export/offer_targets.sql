-- Databricks notebook source
-- MAGIC %md
-- MAGIC # Who should get an offer for product X?
-- MAGIC
-- MAGIC **What it answers:** which products are bought together, and which customers should hear about a product
-- MAGIC because they bought what usually goes with it. It reads `product_affinity` (association rules over the
-- MAGIC orders of the RFM window: "orders with A also hold B") and `customer_recommendations` (per customer, the
-- MAGIC products not bought yet that those rules point to), both written by the nightly run (`crm product`).
-- MAGIC
-- MAGIC How to read a rule: **confidence** = share of the orders with A that also hold B; **lift** = how many
-- MAGIC times more often B is in those orders than in an average order (above 1 = bought together more often than
-- MAGIC chance); **orders** = orders holding both.
-- MAGIC
-- MAGIC The list holds customer ids and analytics only; contact details come from `crm export target-list` for
-- MAGIC customers who consented.

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Settings
-- MAGIC
-- MAGIC - `as_of`: the analysis date, by default the latest date in `product_affinity`.
-- MAGIC - `offer_product`: the product of the offer, by default the "then" product of the strongest rule of the
-- MAGIC   date. To choose one, replace its `SET VAR` line with e.g. `SET VAR offer_product = '22699';`.
-- MAGIC - `min_confidence`: leave out customers whose best rule for the product is weaker than this.

-- COMMAND ----------

DECLARE OR REPLACE VARIABLE as_of DATE;
SET VAR as_of = (SELECT max(as_of_date) FROM product_affinity);
DECLARE OR REPLACE VARIABLE offer_product STRING;
SET VAR offer_product = (SELECT min_by(consequent, rule_rank) FROM product_affinity WHERE as_of_date = as_of);
DECLARE OR REPLACE VARIABLE min_confidence DOUBLE DEFAULT 0.0;
SELECT
  as_of AS `analysis date`,
  offer_product AS `offer product`,
  min_confidence AS `minimum confidence`

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## The strongest pairs of the date
-- MAGIC
-- MAGIC The 20 rules with the highest lift (then confidence). All rules are in `product_affinity`.

-- COMMAND ----------

SELECT
  rule_rank AS `rank`,
  array_join(antecedent, ' + ') AS `bought`,
  consequent AS `also in the order`,
  orders,
  round(confidence, 3) AS confidence,
  round(lift, 2) AS lift,
  round(support, 4) AS support
FROM product_affinity
WHERE as_of_date = as_of
ORDER BY rule_rank
LIMIT 20

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Customers for the offer
-- MAGIC
-- MAGIC Customers to whom `customer_recommendations` suggests the offer product, with why (the products they bought
-- MAGIC that the rule starts from), their segment, tier, lifetime value and churn risk, best rule first, then the
-- MAGIC most valuable customer.

-- COMMAND ----------

SELECT
  r.customer_id,
  array_join(r.because_of, ' + ') AS `because they bought`,
  round(r.confidence, 3) AS confidence,
  round(r.lift, 2) AS lift,
  s.segment,
  s.tier,
  round(v.clv, 2) AS clv,
  round(v.churn_probability, 3) AS `churn probability`
FROM customer_recommendations r
LEFT JOIN customer_segments s ON s.customer_id = r.customer_id AND s.as_of_date = r.as_of_date
LEFT JOIN customer_value v ON v.customer_id = r.customer_id AND v.as_of_date = r.as_of_date
WHERE r.as_of_date = as_of AND r.product_id = offer_product AND r.confidence >= min_confidence
ORDER BY r.confidence DESC, v.clv DESC NULLS LAST, r.customer_id

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## The offer's audience by segment and tier
-- MAGIC
-- MAGIC For the campaign brief: how many customers of each kind would get the offer and their value.

-- COMMAND ----------

SELECT
  coalesce(s.segment, '(no segment)') AS segment,
  coalesce(s.tier, '(no tier)') AS tier,
  count(*) AS customers,
  round(sum(v.clv), 2) AS `total CLV`
FROM customer_recommendations r
LEFT JOIN customer_segments s ON s.customer_id = r.customer_id AND s.as_of_date = r.as_of_date
LEFT JOIN customer_value v ON v.customer_id = r.customer_id AND v.as_of_date = r.as_of_date
WHERE r.as_of_date = as_of AND r.product_id = offer_product AND r.confidence >= min_confidence
GROUP BY 1, 2
ORDER BY customers DESC, segment, tier

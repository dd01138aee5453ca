-- Databricks notebook source
-- MAGIC %md
-- MAGIC # Executive KPIs
-- MAGIC
-- MAGIC **What it answers:** how big and how valuable is the customer base, how much of that value is at risk, and
-- MAGIC what changed since the previous run? Then: the customer pyramid, how concentrated revenue is, value and risk
-- MAGIC by segment, customers moving between tiers, campaign returns, service quality and how far the models can be
-- MAGIC trusted.
-- MAGIC
-- MAGIC It reads only the `report_*` tables that the nightly run writes (`crm report`, part of `crm run`): the same
-- MAGIC numbers as the HTML report of the night, one set of rows per `as_of_date`. Money is in the site's currency
-- MAGIC (`currency` in `report_kpis`); "the window" is the RFM window that ends on the date (365 days by default).

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Settings
-- MAGIC
-- MAGIC `as_of` is the report date: by default the latest date in `report_kpis`. To pin a date, replace the
-- MAGIC `SET VAR as_of` line with e.g. `SET VAR as_of = DATE'2026-11-16';`. "Previous" below is the latest report
-- MAGIC date before `as_of`.

-- COMMAND ----------

DECLARE OR REPLACE VARIABLE as_of DATE;
SET VAR as_of = (SELECT max(as_of_date) FROM report_kpis);
DECLARE OR REPLACE VARIABLE previous_date DATE;
SET VAR previous_date = (SELECT max(as_of_date) FROM report_kpis WHERE as_of_date < as_of);
SELECT
  as_of AS `report date`,
  previous_date AS `previous report date`,
  (SELECT first(currency) FROM report_kpis WHERE as_of_date = as_of) AS currency

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Headline numbers
-- MAGIC
-- MAGIC - **Customer equity** is the sum of every customer's lifetime value (CLV): what the next 12 months of the
-- MAGIC   customer base are worth today. **CLV at risk** is the part expected to be lost to churn.
-- MAGIC - **Expected churners** adds up every customer's probability of not buying in the next 90 days;
-- MAGIC   **churn rate** divides it by the customers known.
-- MAGIC - **Top 20% share of revenue** is the Pareto check: how much of the window's revenue the best fifth of the
-- MAGIC   customers bring. **Gini** is 0 when every customer spends the same and close to 1 when a few spend it all.
-- MAGIC   (Both measure margin instead when the site's pyramid ranks customers by margin.)
-- MAGIC
-- MAGIC `change` is this date minus the previous one (empty on the first report).

-- COMMAND ----------

WITH k AS (SELECT * FROM report_kpis WHERE as_of_date = as_of),
p AS (SELECT * FROM report_kpis WHERE as_of_date = previous_date)
SELECT metric, round(value, 2) AS value, round(previous, 2) AS previous, round(value - previous, 2) AS change
FROM (
  SELECT stack(16,
      1, 'customers known', CAST(k.customers_known AS DOUBLE), CAST(p.customers_known AS DOUBLE),
      2, 'customers active in the window', CAST(k.customers_active AS DOUBLE), CAST(p.customers_active AS DOUBLE),
      3, 'new customers (recent days)', CAST(k.customers_new AS DOUBLE), CAST(p.customers_new AS DOUBLE),
      4, 'orders in the window', CAST(k.orders AS DOUBLE), CAST(p.orders AS DOUBLE),
      5, 'revenue in the window', CAST(k.revenue AS DOUBLE), CAST(p.revenue AS DOUBLE),
      6, 'margin in the window', CAST(k.margin AS DOUBLE), CAST(p.margin AS DOUBLE),
      7, 'customer equity (sum of CLV)', k.customer_equity, p.customer_equity,
      8, 'customer equity, simple retention model', k.customer_equity_baseline, p.customer_equity_baseline,
      9, 'mean CLV per customer', k.mean_clv, p.mean_clv,
      10, 'value at risk (customers who have probably left)', k.clv_at_risk, p.clv_at_risk,
      11, 'customers expected to have left', k.expected_churners, p.expected_churners,
      12, 'share expected to have left %', 100 * k.churn_rate, 100 * p.churn_rate,
      13, 'customers at high risk of no purchase in the horizon', CAST(k.high_risk_customers AS DOUBLE), CAST(p.high_risk_customers AS DOUBLE),
      14, 'mean P(alive) %', 100 * k.mean_p_alive, 100 * p.mean_p_alive,
      15, 'top 20% share of revenue %', 100 * k.top_20_share, 100 * p.top_20_share,
      16, 'Gini of revenue', k.gini, p.gini
    ) AS (n, metric, value, previous)
  FROM k LEFT JOIN p ON true
)
ORDER BY n

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## The trend
-- MAGIC
-- MAGIC The headline numbers of the last 30 report dates up to `as_of`, newest first.

-- COMMAND ----------

SELECT
  as_of_date AS `report date`,
  customers_known AS `customers known`,
  customers_active AS `active in the window`,
  round(revenue, 2) AS `revenue in the window`,
  round(customer_equity, 2) AS `customer equity`,
  round(clv_at_risk, 2) AS `value at risk`,
  round(100 * churn_rate, 1) AS `expected to have left %`,
  high_risk_customers AS `high risk of no purchase`
FROM report_kpis
WHERE as_of_date <= as_of
ORDER BY as_of_date DESC
LIMIT 30

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## The customer pyramid
-- MAGIC
-- MAGIC Customers ranked by revenue in the window: `vip` are the top 1%, `major` the next 4%, `ordinary` the next
-- MAGIC 15%, `small` the rest (the site's `pyramid.tiers`). The classic finding: a few percent of the customers bring a
-- MAGIC large share of the revenue, so losing one `vip` costs more than losing dozens of `small` customers.

-- COMMAND ----------

SELECT
  tier,
  customers,
  round(100 * customer_share, 1) AS `% of customers`,
  round(revenue, 2) AS `revenue in the window`,
  round(100 * revenue_share, 1) AS `% of revenue`,
  round(100 * cumulative_revenue_share, 1) AS `cumulative % of revenue`,
  round(margin, 2) AS margin,
  round(clv_total, 2) AS `total CLV`,
  round(clv_mean, 2) AS `mean CLV`,
  round(churn_probability_mean, 3) AS `mean churn probability`
FROM report_pyramid
WHERE as_of_date = as_of
ORDER BY tier_order

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## How concentrated revenue is
-- MAGIC
-- MAGIC The share of the window's revenue (the pyramid measure: margin where the site ranks by margin) brought by
-- MAGIC the top 1%, 5%, 10%, 20% and 50% of the customers, and the Lorenz curve (the share of the bottom p%). With
-- MAGIC 80/20, the top 20% bring 80%.

-- COMMAND ----------

SELECT
  percentile AS `top or bottom %`,
  top_customers AS `customers in the top`,
  round(100 * top_share, 1) AS `% of revenue from the top`,
  round(100 * lorenz_share, 1) AS `% of revenue from the bottom`,
  round(gini, 3) AS gini
FROM report_concentration
WHERE as_of_date = as_of AND percentile IN (1, 5, 10, 20, 50)
ORDER BY percentile

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Value and churn risk by segment
-- MAGIC
-- MAGIC Where the lifetime value is and where it is at risk, by RFM segment, largest CLV at risk first. Retention
-- MAGIC budgets go where CLV at risk is high **and** the segment is still worth saving (`cannot_lose`, `at_risk`,
-- MAGIC `about_to_sleep`); `lost` customers rarely repay a campaign.

-- COMMAND ----------

SELECT
  segment,
  customers,
  round(100 * customer_share, 1) AS `% of customers`,
  round(revenue, 2) AS `revenue in the window`,
  round(clv_total, 2) AS `total CLV`,
  round(clv_mean, 2) AS `mean CLV`,
  round(clv_at_risk, 2) AS `CLV at risk`,
  round(churn_probability_mean, 3) AS `mean churn probability`,
  risk_high AS `high risk`,
  risk_medium AS `medium risk`,
  risk_low AS `low risk`
FROM report_segments
WHERE as_of_date = as_of AND level = 'segment'
ORDER BY clv_at_risk DESC

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Customers moving between tiers
-- MAGIC
-- MAGIC Since the previous date in `customer_segments`: customers who moved up or down the pyramid (an empty
-- MAGIC `from tier` is a new customer). A `vip` moving down is a conversation for the account manager.

-- COMMAND ----------

SELECT
  previous_as_of_date AS `since`,
  coalesce(from_value, '(new customer)') AS `from tier`,
  coalesce(to_value, '(gone)') AS `to tier`,
  customers,
  round(revenue, 2) AS `their revenue in the window`
FROM report_migration
WHERE as_of_date = as_of AND dimension = 'tier' AND NOT (from_value <=> to_value)
ORDER BY customers DESC, `from tier`, `to tier`

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Campaigns: response and return
-- MAGIC
-- MAGIC The campaigns sent in the window, by revenue attributed to them (purchases of converted customers in the
-- MAGIC days after the touch). `ROI` is (attributed revenue - cost) / cost; `cost per response` is what one
-- MAGIC conversion cost.

-- COMMAND ----------

SELECT
  campaign_id,
  campaign_name,
  touches,
  customers,
  round(100 * open_rate, 1) AS `open %`,
  round(100 * click_rate, 1) AS `click %`,
  round(100 * conversion_rate, 2) AS `conversion %`,
  round(cost, 2) AS cost,
  round(cost_per_response, 2) AS `cost per response`,
  round(attributed_revenue, 2) AS `attributed revenue`,
  round(roi, 2) AS roi
FROM report_campaigns
WHERE as_of_date = as_of AND level = 'campaign'
ORDER BY attributed_revenue DESC, campaign_id
LIMIT 25

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Service quality by tier
-- MAGIC
-- MAGIC Do our best customers get the best service? Contacts in the window per tier: waiting time, abandoned
-- MAGIC contacts, first-contact resolution, satisfaction (1-5) and the cost to serve.

-- COMMAND ----------

SELECT
  coalesce(tier, '(not a buying customer)') AS tier,
  contacts,
  customers,
  round(contacts_per_customer, 2) AS `contacts per customer`,
  round(mean_wait_seconds, 0) AS `mean wait (s)`,
  round(100 * abandonment_rate, 1) AS `abandoned %`,
  round(100 * first_contact_resolution, 1) AS `resolved first time %`,
  round(mean_satisfaction, 2) AS `satisfaction (1-5)`,
  round(100 * complaint_rate, 1) AS `complaints %`,
  round(cost_to_serve, 2) AS `cost to serve`
FROM report_service
WHERE as_of_date = as_of AND level = 'tier'
ORDER BY contacts DESC

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Can we trust the numbers?
-- MAGIC
-- MAGIC The fit and quality measures of the models behind CLV and churn on this date: for the churn classifier,
-- MAGIC ROC AUC (0.5 = guessing, 1 = perfect) and top-decile lift (how much more often the riskiest 10% churn than
-- MAGIC the average customer), next to the same measures for P(alive) alone; for the purchase model, whether it
-- MAGIC converged and on how many customers it was fitted.

-- COMMAND ----------

SELECT model, kind, name, round(value, 4) AS value
FROM report_model
WHERE as_of_date = as_of AND kind IN ('fit', 'metric') AND model <> 'rfm'
ORDER BY model, kind, name

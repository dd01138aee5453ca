"""Airflow DAG: the crm-analytics nightly run on a Spark cluster, one business date per DAG run.

{{ ds }} is the DAG run's logical date: for a daily schedule that is the day that just ended, the
same "yesterday" jobs/nightly uses, and backfills (airflow dags backfill) pass older dates.
Needs apache-airflow-providers-apache-spark and a `spark_default` connection to the cluster.
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

CRM_HOME = "/opt/crm-analytics"          # a checkout or release with target/crm-analytics-cluster.jar
WAREHOUSE = "hdfs:///crm/warehouse"
LANDING = "hdfs:///crm/landing"

default_args = {
    "owner": "data-engineering",
    "retries": 2,                        # exit 5 (warehouse busy) and transient cluster failures
    "retry_delay": timedelta(minutes=15),
    "sla": timedelta(hours=4),           # the report must be ready 4 h after the run was due
}

with DAG(
    dag_id="crm_nightly",
    description="crm run --date {{ ds }}: ingest, features, segment, value, report",
    schedule="30 1 * * *",
    start_date=datetime(2026, 11, 1),
    catchup=False,
    max_active_runs=1,                   # one writer per warehouse (the lock enforces it too)
    default_args=default_args,
    tags=["crm-analytics"],
) as dag:
    SparkSubmitOperator(
        task_id="crm_run",
        conn_id="spark_default",
        application=f"{CRM_HOME}/target/crm-analytics-cluster.jar",
        java_class="com.crmanalytics.cli.Main",
        packages="io.delta:delta-spark_2.13:4.4.0",
        name="crm-nightly-{{ ds }}",
        application_args=[
            "run", "--date", "{{ ds }}",
            "--conf", f"{CRM_HOME}/conf/pipeline.conf",
            "--warehouse", WAREHOUSE,
            "--landing", LANDING,
        ],
        executor_memory="8g",
        executor_cores=4,
        num_executors=4,
        driver_memory="4g",
    )

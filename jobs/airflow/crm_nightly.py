"""Airflow DAG: the crm-analytics nightly run on a Spark cluster, one business date per DAG run.

Works on Airflow 2.x (2.4+) and 3.x. See docs/operations.md ("Airflow").

Business date. A run scheduled at 01:30 UTC runs the day that just ended: D = the date of
data_interval_end, in the business time zone (BUSINESS_TZ, the same as run.timezone), minus one day.
That holds with both default timetables: Airflow 2 (data interval = the past day, data_interval_end =
the run time) and Airflow 3 (CronTriggerTimetable: data_interval_end = logical_date = the run time).
`{{ ds }}` differs between them (the day before on 2.x, the run's own day on 3.x), so it is not used.
Backfills (`airflow dags backfill` on 2.x, `airflow backfill create` on 3.x) pass older intervals.

Landing contract. The extractor writes every file of <LANDING>/D/<source>/ first and the empty
marker <LANDING>/D/_SUCCESS last; `wait_for_extracts` waits for that marker, so crm never reads a
half-written landing. crm itself does not look for the marker (files named _* are ignored by ingest):
the scheduler owns "is the day complete", crm owns "is what landed valid".

Exit codes of crm (mapped by `crm_run`):
  0 success; 2 usage/configuration and 3 data-quality gate or model fit: fail at once, no retry
  (a retry reads the same configuration and the same data); 4 a required input missing although the
  marker is there: fail at once (the extract is incomplete: fix it, then clear the task);
  5 warehouse busy (another run holds the lock) and 1 unexpected (a lost executor, say): retried.

No `sla=` (removed in Airflow 3): alert on the task's duration from the monitoring side instead.
Needs a `spark-submit` on the worker (SPARK_HOME) that reaches the cluster in client mode, so that
crm's exit code is spark-submit's.
"""
from __future__ import annotations

import subprocess
from datetime import datetime, timedelta

import pendulum

try:  # Airflow 3: the task SDK
    from airflow.sdk import DAG, task
except ImportError:  # Airflow 2
    from airflow import DAG
    from airflow.decorators import task
from airflow.exceptions import AirflowException, AirflowFailException

try:  # Airflow 3 (and 2.x with apache-airflow-providers-standard)
    from airflow.providers.standard.sensors.filesystem import FileSensor
except ImportError:  # Airflow 2
    from airflow.sensors.filesystem import FileSensor

CRM_HOME = "/opt/crm-analytics"  # a checkout or release with jobs/submit and target/crm-analytics-cluster.jar
WAREHOUSE = "hdfs:///crm/warehouse"
# A landing both the Airflow worker (for the sensor) and the cluster see, e.g. an NFS mount. For a
# landing on HDFS or S3, wait for the same marker with WebHdfsSensor or S3KeySensor instead.
LANDING = "/mnt/crm/landing"
BUSINESS_TZ = "UTC"  # crm's run.timezone
SPARK_SUBMIT_OPTS = ["--master", "yarn", "--deploy-mode", "client", "--executor-memory", "8g",
                     "--executor-cores", "4", "--num-executors", "4", "--driver-memory", "4g"]

# crm's exit codes (README: exit codes); which of them a retry can cure.
EXIT_OK = 0
NO_RETRY = {2: "usage or configuration error", 3: "data-quality gate failed or the model could not be fitted",
            4: "a required input is missing"}
RETRY = {1: "unexpected failure", 5: "warehouse busy (another run holds the lock)"}


def business_date(data_interval_end) -> str:
    """The business date a DAG run is for: the day before data_interval_end, in BUSINESS_TZ."""
    end = pendulum.instance(data_interval_end).in_timezone(BUSINESS_TZ)
    return end.subtract(days=1).strftime("%Y-%m-%d")


def crm_command(date: str) -> list[str]:
    """jobs/submit [spark-submit options] -- run --date D [crm options]."""
    return [f"{CRM_HOME}/jobs/submit", *SPARK_SUBMIT_OPTS, "--",
            "run", "--date", date,
            "--conf", f"{CRM_HOME}/conf/pipeline.conf",
            "--warehouse", WAREHOUSE,
            "--landing", LANDING]


def check_exit(code: int, date: str) -> None:
    """Raises what tells Airflow to retry (AirflowException) or not (AirflowFailException)."""
    if code == EXIT_OK:
        return
    if code in NO_RETRY:
        raise AirflowFailException(f"crm run --date {date}: exit {code}, {NO_RETRY[code]}; not retried")
    raise AirflowException(f"crm run --date {date}: exit {code}, {RETRY.get(code, 'unknown exit code')}; retried")


default_args = {
    "owner": "data-engineering",
    "retries": 3,                        # exits 1 and 5 only: check_exit fails 2, 3, 4 at once
    "retry_delay": timedelta(minutes=15),
}

with DAG(
    dag_id="crm_nightly",
    description="crm run for the day that ended: ingest, features, segment, value, report",
    schedule="30 1 * * *",
    start_date=datetime(2026, 11, 1),
    catchup=False,
    max_active_runs=1,                   # one writer per warehouse (the lock enforces it too)
    default_args=default_args,
    user_defined_macros={"business_date": business_date},
    tags=["crm-analytics"],
) as dag:
    wait_for_extracts = FileSensor(
        task_id="wait_for_extracts",
        fs_conn_id="fs_default",
        filepath=LANDING + "/{{ business_date(data_interval_end) }}/_SUCCESS",
        poke_interval=300,
        timeout=6 * 3600,                # the extracts are 6 h late: fail, and page someone
        mode="reschedule",               # frees the worker slot between pokes
        retries=0,
    )

    @task(task_id="crm_run", execution_timeout=timedelta(hours=4))
    def crm_run(data_interval_end=None) -> str:
        if data_interval_end is None:
            raise AirflowFailException("no data interval: trigger the DAG with a logical date")
        date = business_date(data_interval_end)
        code = subprocess.run(crm_command(date), check=False).returncode
        check_exit(code, date)
        return date

    wait_for_extracts >> crm_run()

"""Checks the DAG's structure and exit-code handling without Airflow: tiny fakes of the Airflow modules
(2.x and 3.x layouts) record the DAG, its operators and their arguments. Run: python3 jobs/airflow/test_crm_nightly.py
"""
from __future__ import annotations

import datetime as dt
import importlib.util
import pathlib
import sys
import types
import unittest
import zoneinfo

DAG_FILE = pathlib.Path(__file__).with_name("crm_nightly.py")


class AirflowException(Exception):
    pass


class AirflowFailException(AirflowException):
    pass


class Recorded:
    """An operator or task: its arguments and downstream tasks."""

    def __init__(self, kind, **kwargs):
        self.kind, self.kwargs, self.downstream = kind, kwargs, []
        self.task_id = kwargs.get("task_id")
        FakeDAG.current.tasks.append(self)

    def __rshift__(self, other):
        self.downstream.append(other)
        return other


class FakeDAG:
    current = None

    def __init__(self, **kwargs):
        self.kwargs, self.tasks = kwargs, []

    def __enter__(self):
        FakeDAG.current = self
        return self

    def __exit__(self, *exc):
        return False


def fake_task(task_id=None, **kwargs):
    def wrap(fn):
        def call():
            t = Recorded("task", task_id=task_id or fn.__name__, **kwargs)
            t.callable = fn
            return t
        return call
    return wrap


class FakeDateTime:
    """The little of pendulum the DAG uses."""

    def __init__(self, d):
        self.d = d

    def in_timezone(self, tz):
        return FakeDateTime(self.d.astimezone(zoneinfo.ZoneInfo(tz)))

    def subtract(self, days):
        return FakeDateTime(self.d - dt.timedelta(days=days))

    def strftime(self, f):
        return self.d.strftime(f)


def module(name, **attrs):
    m = types.ModuleType(name)
    m.__dict__.update(attrs)
    return m


def load(airflow3: bool):
    """Imports the DAG file against fake Airflow 2 or 3 modules."""
    for name in [n for n in sys.modules if n == "airflow" or n.startswith("airflow.") or n == "pendulum"]:
        del sys.modules[name]
    sensor = lambda **kw: Recorded("FileSensor", **kw)  # noqa: E731
    mods = {
        "pendulum": module("pendulum", instance=FakeDateTime),
        "airflow": module("airflow"),
        "airflow.exceptions": module("airflow.exceptions", AirflowException=AirflowException,
                                     AirflowFailException=AirflowFailException),
    }
    if airflow3:
        mods["airflow.sdk"] = module("airflow.sdk", DAG=FakeDAG, task=fake_task)
        mods["airflow.providers.standard.sensors.filesystem"] = module("fs", FileSensor=sensor)
    else:
        mods["airflow"].DAG = FakeDAG
        mods["airflow.decorators"] = module("airflow.decorators", task=fake_task)
        mods["airflow.sensors.filesystem"] = module("airflow.sensors.filesystem", FileSensor=sensor)
    sys.modules.update(mods)
    spec = importlib.util.spec_from_file_location("crm_nightly_under_test", DAG_FILE)
    dag_module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(dag_module)
    return dag_module


class DagTest(unittest.TestCase):
    def check(self, airflow3):
        m = load(airflow3)
        dag = m.dag
        self.assertEqual(dag.kwargs["dag_id"], "crm_nightly")
        self.assertEqual(dag.kwargs["max_active_runs"], 1)
        self.assertNotIn("sla", dag.kwargs["default_args"])
        self.assertGreater(dag.kwargs["default_args"]["retries"], 0)
        sensor, run = dag.tasks
        self.assertEqual(sensor.kind, "FileSensor")
        self.assertEqual(sensor.kwargs["mode"], "reschedule")
        self.assertEqual(sensor.kwargs["filepath"], m.LANDING + "/{{ business_date(data_interval_end) }}/_SUCCESS")
        self.assertNotIn("ds", sensor.kwargs["filepath"].replace("business_date", ""))
        self.assertEqual(sensor.downstream, [run])
        self.assertEqual(run.task_id, "crm_run")
        return m, run

    def test_structure_on_airflow_2(self):
        self.check(airflow3=False)

    def test_structure_on_airflow_3(self):
        self.check(airflow3=True)

    def test_the_business_date_is_the_day_before_the_interval_end_in_the_business_time_zone(self):
        m = load(airflow3=True)
        end = dt.datetime(2026, 11, 23, 1, 30, tzinfo=dt.timezone.utc)
        self.assertEqual(m.business_date(end), "2026-11-22")
        m.BUSINESS_TZ = "Asia/Shanghai"  # 01:30 UTC is 09:30 on the 23rd there
        self.assertEqual(m.business_date(end), "2026-11-22")
        self.assertEqual(m.business_date(dt.datetime(2026, 11, 23, 17, 0, tzinfo=dt.timezone.utc)), "2026-11-23")

    def test_exit_codes_2_3_4_fail_without_retry_1_and_5_retry(self):
        m = load(airflow3=False)
        m.check_exit(0, "2026-11-22")
        for code in (2, 3, 4):
            with self.assertRaises(AirflowFailException, msg=str(code)) as e:
                m.check_exit(code, "2026-11-22")
            self.assertIn(f"exit {code}", str(e.exception))
        for code in (1, 5, 137):
            with self.assertRaises(AirflowException) as e:
                m.check_exit(code, "2026-11-22")
            self.assertNotIsInstance(e.exception, AirflowFailException, code)

    def test_the_task_runs_crm_for_the_business_date_and_maps_its_exit_code(self):
        m, run = self.check(airflow3=True)
        calls = []

        class Done:
            def __init__(self, code):
                self.returncode = code

        m.subprocess = types.SimpleNamespace(run=lambda cmd, check: calls.append(cmd) or Done(calls_code[0]))
        calls_code = [0]
        end = dt.datetime(2026, 11, 23, 1, 30, tzinfo=dt.timezone.utc)
        self.assertEqual(run.callable(data_interval_end=end), "2026-11-22")
        cmd = calls[0]
        self.assertEqual(cmd[0], m.CRM_HOME + "/jobs/submit")
        self.assertEqual(cmd[cmd.index("--") + 1:cmd.index("--") + 4], ["run", "--date", "2026-11-22"])
        self.assertIn("--warehouse", cmd)
        calls_code[0] = 3
        with self.assertRaises(AirflowFailException):
            run.callable(data_interval_end=end)
        with self.assertRaises(AirflowFailException):
            run.callable(data_interval_end=None)


if __name__ == "__main__":
    result = unittest.main(exit=False, verbosity=1).result
    failed = len(result.failures) + len(result.errors)
    print(f"{result.testsRun - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)

"""Logging through a real server: steps, batching, summaries, config, NaN steps, reading back."""

from __future__ import annotations

import contextlib
import io
import math
import subprocess
import sys
import tempfile
import unittest

from server import SaddleServer, script_env

import saddle


class LoggingTest(unittest.TestCase):
    server: SaddleServer

    @classmethod
    def setUpClass(cls) -> None:
        cls.server = SaddleServer().start()
        cls.spool_dir = tempfile.mkdtemp(prefix="saddle-py-spool-")

    @classmethod
    def tearDownClass(cls) -> None:
        cls.server.close()

    def init(self, **kwargs):
        return saddle.init(url=self.server.url, spool_dir=self.spool_dir, batch_ms=50, **kwargs)

    def test_steps_count_up_and_explicit_steps_join_the_same_row(self) -> None:
        with self.init(experiment="logging", name="steps") as run:
            for i in range(25):
                run.log({"train/loss": 1.0 / (i + 1)})
            run.log({"train/loss": 0.01, "test/acc": 0.9}, step=40)
            run.log({"test/loss": 0.5}, step=40)
            run.log({"train/loss": 0.005})
        stored = self.server.wait_for_status(run.id, "SUCCEEDED")
        self.assertEqual(run.errors, [])
        rows = saddle.Api(url=self.server.url).history(run.id, ["train/loss", "test/acc", "test/loss"], pandas=False)
        self.assertEqual([row["step"] for row in rows], list(range(25)) + [40, 41])
        self.assertAlmostEqual(rows[3]["train/loss"], 0.25, places=6)
        self.assertEqual(rows[25], {"step": 40, "train/loss": 0.01, "test/acc": 0.9, "test/loss": 0.5})
        self.assertTrue(math.isnan(rows[26]["test/acc"]))  # no point at that step
        self.assertEqual({s["key"]: s["totalPoints"] for s in stored["metrics"]}, {"train/loss": 27, "test/acc": 1, "test/loss": 1})

    def test_a_batch_is_sent_at_the_point_limit_without_waiting(self) -> None:
        run = saddle.init(url=self.server.url, spool_dir=self.spool_dir, experiment="logging", name="batching", batch_points=10, batch_ms=60_000)
        for i in range(10):
            run.log({"x": float(i)})
        self.assertTrue(run.flush(10))
        self.assertEqual(self.server.run(run.id)["metrics"][0]["totalPoints"], 10)
        run.finish()

    def test_nan_and_infinity_are_stored_as_such(self) -> None:
        values = [0.5, math.nan, math.inf, -math.inf, 0.25]
        with self.init(experiment="logging", name="nan-steps") as run:
            for value in values:
                run.log({"loss": value})
        stored = self.server.wait_for_status(run.id, "SUCCEEDED")
        self.assertEqual(run.errors, [])
        rows = saddle.Api(url=self.server.url).history(run.id, ["loss"], pandas=False)
        self.assertEqual([row["step"] for row in rows], [0, 1, 2, 3, 4])
        got = [row["loss"] for row in rows]
        self.assertEqual(got[0], 0.5)
        self.assertTrue(math.isnan(got[1]))
        self.assertEqual(got[2:], [math.inf, -math.inf, 0.25])
        self.assertEqual(stored["divergedAtStep"], 1)

    def test_bad_keys_and_values_fail_in_the_call_that_made_them(self) -> None:
        with self.init(experiment="logging", name="bad-input") as run:
            with self.assertRaisesRegex(ValueError, "metric key 'train loss'"):
                run.log({"train loss": 1.0})
            with self.assertRaisesRegex(TypeError, "value for 'loss' must be a number, got str"):
                run.log({"loss": "0.5"})
            with self.assertRaisesRegex(ValueError, "step must be an int >= 0"):
                run.log({"loss": 1.0}, step=-1)

    def test_a_run_cancelled_from_outside_refuses_batches_and_says_so_once(self) -> None:
        run = self.init(experiment="logging", name="cancelled-outside")
        run.log({"loss": 1.0})
        self.assertTrue(run.flush(10))
        self.server.graphql("mutation($id: ID!) { cancelRun(id: $id) { status } }", {"id": run.id})
        captured = io.StringIO()
        with contextlib.redirect_stderr(captured):
            for step in range(3):
                run.log({"loss": 0.5})
                run.flush(10)
            run.finish()
        self.assertEqual(len([e for e in run.errors if "batch" in e]), 3)
        self.assertEqual(captured.getvalue().count("refused a batch"), 1, captured.getvalue())
        self.assertIn("CONFLICT", run.errors[0])
        self.assertEqual(self.server.run(run.id)["status"], "CANCELLED")

    def test_summary_and_nested_config_reach_the_server(self) -> None:
        config = {"optimizer": {"name": "adam", "lr": 0.001}, "layers": [64, 32], "dropout": None}
        with self.init(experiment="summaries", name="summary", config=config, tags=["py"]) as run:
            run.log({"loss": 0.5})
            run.log({"loss": 0.3})
            run.summary["best_acc"] = 0.97
            run.summary.update({"epochs": 3, "note": "ok"})
            del run.summary["note"]
        stored = self.server.wait_for_status(run.id, "SUCCEEDED")
        self.assertEqual(stored["rawConfig"], config)
        self.assertEqual(stored["config"]["optimizer.lr"], 0.001)
        self.assertEqual(stored["summaryValues"], {"best_acc": 0.97, "epochs": 3})
        self.assertEqual(stored["final"]["loss"], 0.3)  # the last value logged, not a bucket's extreme
        self.assertEqual(stored["steps"], 1)
        api = saddle.Api(url=self.server.url)
        self.assertEqual([r["id"] for r in api.runs(experiment="summaries", config={"optimizer.lr": 0.001})], [run.id])
        self.assertEqual([r["id"] for r in api.runs(experiment="summaries", config={"optimizer.lr": ("GT", 0.01)})], [])
        self.assertEqual([r["id"] for r in api.runs(experiment="summaries", final={"loss": ("LT", 0.4)}, tags=["py"])], [run.id])

    def test_runs_of_one_project_share_one_experiment_and_names_stay_unique(self) -> None:
        runs = []
        for index in range(3):
            with self.init(project="grouping", name="seed", config={"seed": index}) as run:
                run.log({"loss": float(index)})
            runs.append(run)
        self.assertEqual(len({run.experiment_id for run in runs}), 1)
        self.assertEqual([run.name for run in runs], ["seed", "seed-2", "seed-3"])
        api = saddle.Api(url=self.server.url)
        found = api.runs(project="grouping", status="SUCCEEDED")
        self.assertEqual(sorted(r["name"] for r in found), ["seed", "seed-2", "seed-3"])
        self.assertEqual({r["experiment"]["project"] for r in found}, {"grouping"})
        self.assertEqual(api.runs(project="grouping", config={"seed": 2})[0]["name"], "seed-3")
        self.assertEqual(api.runs(project="no-such-project"), [])

    def test_an_exception_in_a_with_block_fails_the_run_with_its_last_line(self) -> None:
        with self.assertRaises(ZeroDivisionError):
            with self.init(experiment="logging", name="with-error") as run:
                run.log({"loss": 1.0})
                1 / 0
        stored = self.server.wait_for_status(run.id, "FAILED")
        self.assertEqual(stored["error"], "ZeroDivisionError: division by zero")

    def test_the_client_imports_nothing_beyond_the_standard_library(self) -> None:
        # In a fresh interpreter: this test process may have imported torch for another test.
        script = (
            "import sys, saddle\n"
            f"with saddle.init(url={self.server.url!r}, experiment='logging', name='stdlib') as run:\n"
            "    run.log({'loss': 1.0})\n"
            "print(sorted({'torch', 'numpy', 'pandas', 'requests'} & set(sys.modules)))\n"
        )
        result = subprocess.run([sys.executable, "-c", script], env=script_env(self.server, self.spool_dir), capture_output=True, text=True, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.strip(), "[]")


if __name__ == "__main__":
    unittest.main()

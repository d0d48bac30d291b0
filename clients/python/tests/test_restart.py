"""The server stopped and started again while scripts log: nothing lost, nothing twice.

While the server is down a run keeps its operations on disk (the spool) in order; it sends them
itself when the server is back, or `python -m saddle sync` does after the script ended."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import unittest
import uuid
from pathlib import Path

from server import SaddleServer, script_env

import saddle
from saddle.spool import Spool


class RestartTest(unittest.TestCase):
    server: SaddleServer

    def setUp(self) -> None:
        self.server = SaddleServer().start()
        self.spool_dir = tempfile.mkdtemp(prefix="saddle-py-spool-")
        # Short retries so the tests do not wait out the default backoff.
        os.environ["SADDLE_RETRY_EVERY_S"] = "0.3"

    def tearDown(self) -> None:
        os.environ.pop("SADDLE_RETRY_EVERY_S", None)
        self.server.close()

    def init(self, name: str, **kwargs):
        run = saddle.init(url=self.server.url, spool_dir=self.spool_dir, experiment="restarts", name=name, batch_ms=20, retries=1, **kwargs)
        run.transport.backoff_s = 0.1
        return run

    def assert_every_step_once(self, run_id: str, steps: int) -> None:
        stored = self.server.run(run_id)
        self.assertEqual({s["key"]: s["totalPoints"] for s in stored["metrics"]}, {"loss": steps, "step_copy": steps})
        rows = saddle.Api(url=self.server.url).history(run_id, ["loss", "step_copy"], pandas=False)
        self.assertEqual([row["step"] for row in rows], list(range(steps)))
        self.assertEqual([row["step_copy"] for row in rows], [float(s) for s in range(steps)])
        self.assertEqual([row["loss"] for row in rows], [1.0 / (s + 1) for s in range(steps)])

    def test_a_restart_mid_run_loses_nothing_and_stores_nothing_twice(self) -> None:
        run = self.init("mid-run")
        steps = 300
        for step in range(steps):
            run.log({"loss": 1.0 / (step + 1), "step_copy": float(step)})
            if step == 100:
                self.assertTrue(run.flush(10))
                self.server.stop()
            if step == 200:
                # Down for several retry rounds, with points logged all along.
                self.assertIsNotNone(run.spool_directory)
                self.server.start()
            time.sleep(0.005)
        run.finish()
        self.assertIsNone(run.spool_directory)
        self.assertEqual(run.errors, [])
        self.assertEqual(self.server.run(run.id)["status"], "SUCCEEDED")
        self.assert_every_step_once(run.id, steps)
        self.assertEqual(list(Path(self.spool_dir).iterdir()), [])

    def test_a_script_that_ends_while_the_server_is_down_is_sent_by_sync(self) -> None:
        run = self.init("ended-while-down", finish_timeout_s=1)
        for step in range(50):
            run.log({"loss": 1.0 / (step + 1), "step_copy": float(step)})
        self.assertTrue(run.flush(10))
        self.server.stop()
        for step in range(50, 120):
            run.log({"loss": 1.0 / (step + 1), "step_copy": float(step)})
        run.summary["best"] = 0.5
        run.finish()
        spools = Spool.all_in(Path(self.spool_dir))
        self.assertEqual(len(spools), 1)
        self.server.start()
        self.assertEqual(self.server.run(run.id)["status"], "RUNNING")
        result = subprocess.run(
            [sys.executable, "-m", "saddle", "sync", "--dir", self.spool_dir],
            env=script_env(self.server, self.spool_dir),
            capture_output=True,
            text=True,
            timeout=60,
        )
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn("operations sent", result.stdout)
        self.assertEqual(self.server.run(run.id)["status"], "SUCCEEDED")
        self.assertEqual(self.server.run(run.id)["summaryValues"], {"best": 0.5})
        self.assert_every_step_once(run.id, 120)
        # A second sync finds nothing: the spool was removed once answered.
        again = subprocess.run([sys.executable, "-m", "saddle", "sync", "--dir", self.spool_dir], env=script_env(self.server, self.spool_dir), capture_output=True, text=True, timeout=60)
        self.assertEqual(again.stdout.strip(), "nothing to sync")

    def test_a_run_started_while_the_server_is_down_is_created_by_sync(self) -> None:
        self.server.stop()
        run = self.init("born-offline", finish_timeout_s=0.5)
        self.assertIsNone(run.id)
        for step in range(30):
            run.log({"loss": 1.0 / (step + 1), "step_copy": float(step)})
        run.finish()
        self.server.start()
        self.assertEqual(saddle.sync(["--dir", self.spool_dir]), 0)
        found = saddle.Api(url=self.server.url).runs(experiment="restarts", name="born-offline")
        self.assertEqual(len(found), 1)
        self.assertEqual(found[0]["status"], "SUCCEEDED")
        self.assert_every_step_once(found[0]["id"], 30)

    def test_a_create_sent_twice_is_one_run(self) -> None:
        # what a retry after a lost answer (or a spool replayed after its answer was lost) sends
        from saddle.operations import apply_op
        from saddle.transport import Transport

        op = {"op": "create", "input": {"id": str(uuid.uuid4()), "name": "sent-twice", "experimentName": "restarts", "config": {}}}
        transport = Transport(self.server.url, None, retries=0)
        first = apply_op(transport, op, None)
        second = apply_op(transport, op, None)
        self.assertEqual(first, op["input"]["id"])
        self.assertEqual(second, first)
        found = saddle.Api(url=self.server.url).runs(experiment="restarts", name="sent-twice")
        self.assertEqual([r["id"] for r in found], [first])


if __name__ == "__main__":
    unittest.main()

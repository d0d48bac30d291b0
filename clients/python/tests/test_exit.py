"""How scripts end: an uncaught exception or an exit without finish() → FAILED with the reason;
a killed script → CRASHED once the server's heartbeat timeout passes; heartbeats keep a quiet
live script RUNNING."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
import unittest

from server import SaddleServer, script_env

HEARTBEAT_TIMEOUT_S = 3


class ScriptEndTest(unittest.TestCase):
    server: SaddleServer

    @classmethod
    def setUpClass(cls) -> None:
        cls.server = SaddleServer(env={"SADDLE_HEARTBEAT_TIMEOUT_S": str(HEARTBEAT_TIMEOUT_S)}).start()
        cls.spool_dir = tempfile.mkdtemp(prefix="saddle-py-spool-")

    @classmethod
    def tearDownClass(cls) -> None:
        cls.server.close()

    def script(self, body: str, **env: str) -> subprocess.Popen:
        source = "import saddle, sys\nrun = saddle.init(experiment='script-ends', name=sys.argv[1], batch_ms=50)\nprint(run.id, flush=True)\n" + textwrap.dedent(body)
        return subprocess.Popen(
            [sys.executable, "-c", source, self.id().rsplit(".", 1)[-1]],
            env=script_env(self.server, self.spool_dir, **env),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def run_script(self, body: str) -> tuple:
        process = self.script(body)
        out, err = process.communicate(timeout=60)
        return out.split()[0], process.returncode, err

    def test_an_uncaught_exception_fails_the_run_with_the_tracebacks_last_line(self) -> None:
        run_id, code, err = self.run_script(
            """
            for step in range(5):
                run.log({"loss": 1.0 / (step + 1)})
            raise RuntimeError("loss exploded at step 5")
            """
        )
        self.assertEqual(code, 1)
        self.assertIn("Traceback", err)  # the script's own traceback is still printed
        stored = self.server.wait_for_status(run_id, "FAILED")
        self.assertEqual(stored["error"], "RuntimeError: loss exploded at step 5")
        self.assertEqual(stored["metrics"][0]["totalPoints"], 5)  # what it logged is kept

    def test_an_exit_without_finish_fails_the_run(self) -> None:
        run_id, code, _ = self.run_script('run.log({"loss": 0.5})\n')
        self.assertEqual(code, 0)
        stored = self.server.wait_for_status(run_id, "FAILED")
        self.assertEqual(stored["error"], "the script exited without calling run.finish()")

    def test_a_killed_script_is_crashed_after_the_heartbeat_timeout(self) -> None:
        # Heartbeats every 0.5 s keep the quiet script RUNNING past the timeout; SIGKILL stops
        # them (and every atexit hook), so only the server can tell.
        process = self.script('run.log({"loss": 0.5})\nimport time\ntime.sleep(600)\n', SADDLE_HEARTBEAT_S="0.5")
        try:
            assert process.stdout is not None
            run_id = process.stdout.readline().strip()
            time.sleep(HEARTBEAT_TIMEOUT_S * 2)
            self.assertEqual(self.server.run(run_id)["status"], "RUNNING")
            os.kill(process.pid, signal.SIGKILL)
            process.wait(10)
            killed_at = time.monotonic()
            stored = self.server.wait_for_status(run_id, "CRASHED", timeout_s=HEARTBEAT_TIMEOUT_S * 5)
            self.assertGreaterEqual(time.monotonic() - killed_at, HEARTBEAT_TIMEOUT_S * 0.5)
            self.assertEqual(stored["metrics"][0]["totalPoints"], 1)
        finally:
            if process.poll() is None:
                process.kill()
            process.communicate()

    def test_a_live_script_whose_run_was_marked_crashed_resumes_it(self) -> None:
        # No heartbeats (one every 1000 s): quiet past the timeout, as if the server had been
        # down that long; the next batch answers CONFLICT and the client resumes the run.
        import saddle

        run = saddle.init(url=self.server.url, spool_dir=self.spool_dir, experiment="script-ends", name="resumed", batch_ms=50, heartbeat_s=1000)
        run.log({"loss": 1.0})
        self.assertTrue(run.flush(10))
        self.server.wait_for_status(run.id, "CRASHED", timeout_s=HEARTBEAT_TIMEOUT_S * 5)
        run.log({"loss": 0.5})
        run.finish()
        self.assertEqual(run.errors, [])
        stored = self.server.wait_for_status(run.id, "SUCCEEDED")
        self.assertEqual(stored["metrics"][0]["totalPoints"], 2)


if __name__ == "__main__":
    unittest.main()

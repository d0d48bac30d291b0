"""A real Saddle server for the tests: `node apps/api/bin/saddle.mjs serve` on a free port with a
temporary data directory; it can be stopped and started again on the same port and data."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any, Dict, Optional

REPO = Path(__file__).resolve().parents[3]
SADDLE_BIN = REPO / "apps" / "api" / "bin" / "saddle.mjs"
CLIENT_SRC = Path(__file__).resolve().parents[1] / "src"
# The tests exercise the source tree, not an installed copy.
sys.path.insert(0, str(CLIENT_SRC))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class SaddleServer:
    def __init__(self, env: Optional[Dict[str, str]] = None):
        self.port = free_port()
        self.data_dir = tempfile.mkdtemp(prefix="saddle-py-data-")
        self.env = dict(os.environ, **(env or {}))
        self.process: Optional[subprocess.Popen] = None
        self.log_path = Path(self.data_dir) / "serve.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout_s: float = 60.0) -> "SaddleServer":
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            ["node", str(SADDLE_BIN), "serve", "--port", str(self.port), "--data-dir", self.data_dir, "--workers", "1"],
            cwd=str(REPO),
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"saddle serve exited with {self.process.returncode}:\n{self.log_path.read_text()}")
            try:
                self.graphql("{ viewer { canWrite } }")
                return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"saddle serve did not answer in {timeout_s} s:\n{self.log_path.read_text()}")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        # SIGTERM to the server's own process group: its worker processes go with it.
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.data_dir, ignore_errors=True)

    def graphql(self, query: str, variables: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        body = json.dumps({"query": query, "variables": variables or {}}).encode()
        request = urllib.request.Request(f"{self.url}/graphql", data=body, headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            parsed = json.loads(response.read())
        if parsed.get("errors"):
            raise AssertionError(f"GraphQL errors: {parsed['errors']}")
        return parsed["data"]

    def run(self, run_id: str) -> Dict[str, Any]:
        return self.graphql(
            "query($id: ID!) { run(id: $id) { id key status error final steps config rawConfig summaryValues divergedAtStep metricKeys metrics(maxPoints: 10000) { key totalPoints } artifacts { name kind size thetaLength stateLength } } }",
            {"id": run_id},
        )["run"]

    def wait_for_status(self, run_id: str, status: str, timeout_s: float = 30.0) -> Dict[str, Any]:
        deadline = time.monotonic() + timeout_s
        run: Dict[str, Any] = {}
        while time.monotonic() < deadline:
            run = self.run(run_id)
            if run["status"] == status:
                return run
            time.sleep(0.2)
        raise AssertionError(f"run {run_id} is {run.get('status')} after {timeout_s} s, expected {status}")


def script_env(server: SaddleServer, spool_dir: str, **extra: str) -> Dict[str, str]:
    """The environment for a child Python script that imports the client from the source tree."""
    env = dict(os.environ, SADDLE_URL=server.url, SADDLE_SPOOL_DIR=spool_dir, **extra)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(CLIENT_SRC), env.get("PYTHONPATH")]))
    return env


def python() -> str:
    return sys.executable

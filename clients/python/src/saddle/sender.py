"""The run's background thread: batches points, sends operations in order, heartbeats, and
spools to disk while the server is unreachable.

Points are batched until `batch_points` are waiting or the oldest has waited `batch_ms`. Every
operation (a batch, a summary, an upload, the finish) is sent in the order the script made it.
When the server cannot be reached after the transport's retries, that operation and every later
one go to the run's spool (see spool.py) instead; the thread retries the spool's head every
`drain_every_s` and, once everything in it is answered, removes it and sends from memory again.
"""

from __future__ import annotations

import collections
import sys
import threading
import time
from typing import Any, Callable, Deque, Dict, List, Optional, Set, Tuple

from .errors import SaddleError, ServerUnreachable
from .operations import apply_op
from .spool import Op, Spool
from .transport import Transport

# The API's limit on points per logMetrics call (apps/api/src/common/limits.ts).
LOG_METRICS_BATCH_MAX = 10_000


def _warn(message: str) -> None:
    print(f"saddle: {message}", file=sys.stderr, flush=True)


class Sender:
    def __init__(
        self,
        transport: Transport,
        spool_root: Any,
        meta: Dict[str, Any],
        run_id: Optional[str],
        batch_points: int = 1000,
        batch_ms: float = 1000.0,
        heartbeat_s: float = 30.0,
        drain_every_s: float = 2.0,
        warn: Callable[[str], None] = _warn,
    ):
        self.transport = transport
        self.run_id = run_id
        self.errors: List[str] = []
        self._warned: Set[Tuple[str, Optional[str]]] = set()
        self._spool_root = spool_root
        self._meta = dict(meta)
        self._batch_points = max(1, min(batch_points, LOG_METRICS_BATCH_MAX))
        self._batch_s = batch_ms / 1000.0
        self._heartbeat_s = heartbeat_s
        self._drain_every_s = drain_every_s
        self._warn = warn
        self._cond = threading.Condition()
        self._points: List[Dict[str, Any]] = []
        self._first_point_at = 0.0
        self._ops: Deque[Op] = collections.deque()
        self._seq = 0
        self._spool: Optional[Spool] = None
        self._next_drain_at = 0.0
        self._last_contact = time.monotonic()
        self._closing = False
        self._close_deadline = 0.0
        self._busy = False
        self._thread = threading.Thread(target=self._loop, name="saddle-sender", daemon=True)

    # -- called by the script's threads ---------------------------------------------------
    def start(self, first_ops: List[Op]) -> None:
        """Starts the thread; `first_ops` (an unanswered createRun) are spooled before anything."""
        if first_ops:
            self._activate_spool([self._numbered(op) for op in first_ops])
        self._thread.start()

    def add_points(self, points: List[Dict[str, Any]]) -> None:
        with self._cond:
            if not self._points:
                self._first_point_at = time.monotonic()
                # The thread may be asleep until the next heartbeat: it must now wake by batch_ms.
                self._cond.notify()
            self._points.extend(points)
            if len(self._points) >= self._batch_points:
                self._cond.notify()

    def enqueue(self, op: Op) -> None:
        with self._cond:
            # Points logged before this operation are sent before it.
            self._cut_batches(everything=True)
            self._ops.append(self._numbered(op))
            self._cond.notify()

    def close(self, timeout_s: float) -> bool:
        """Sends what is waiting (for at most `timeout_s`); True when the server has it all.
        What is left is in the spool, and `saddle-sync` sends it later."""
        with self._cond:
            self._closing = True
            self._close_deadline = time.monotonic() + timeout_s
            self._cond.notify()
        self._thread.join(timeout_s + 30.0)
        return self._spool is None and not self._ops and not self._points

    @property
    def spool_directory(self) -> Optional[str]:
        return str(self._spool.directory) if self._spool else None

    def flush(self, timeout_s: float = 30.0) -> bool:
        """Waits until everything logged so far was answered by the server (or is spooled)."""
        deadline = time.monotonic() + timeout_s
        with self._cond:
            self._cut_batches(everything=True)
            self._cond.notify()
            while (self._ops or self._busy) and time.monotonic() < deadline:
                self._cond.wait(0.05)
            return not self._ops and not self._busy and self._spool is None

    # -- the thread -------------------------------------------------------------------------
    def _numbered(self, op: Op) -> Op:
        op = dict(op)
        op["seq"] = self._seq
        self._seq += 1
        return op

    def _cut_batches(self, everything: bool) -> None:
        """Moves buffered points into `log` operations (caller holds the lock)."""
        cut = False
        while self._points and (everything or len(self._points) >= self._batch_points):
            batch, self._points = self._points[: self._batch_points], self._points[self._batch_points :]
            self._ops.append(self._numbered({"op": "log", "points": batch}))
            cut = True
        if cut and self._points:
            self._first_point_at = time.monotonic()

    def _loop(self) -> None:
        while True:
            with self._cond:
                while not self._ready():
                    self._cond.wait(self._wait_s())
                now = time.monotonic()
                due = self._closing or (self._points and now - self._first_point_at >= self._batch_s)
                self._cut_batches(everything=bool(due))
                ops = list(self._ops)
                self._ops.clear()
                self._busy = True
                closing, deadline = self._closing, self._close_deadline
            try:
                self._process(ops, closing, deadline)
            finally:
                with self._cond:
                    self._busy = False
                    self._cond.notify_all()
            if closing and (self._spool is None or time.monotonic() >= deadline):
                with self._cond:
                    if not self._ops and not self._points:
                        if self._spool is not None:
                            self._spool.unlock()
                        return

    def _ready(self) -> bool:
        now = time.monotonic()
        if self._ops or self._closing or len(self._points) >= self._batch_points:
            return True
        if self._points and now - self._first_point_at >= self._batch_s:
            return True
        if self._spool is not None:
            return now >= self._next_drain_at
        return self.run_id is not None and now - self._last_contact >= self._heartbeat_s

    def _wait_s(self) -> float:
        now = time.monotonic()
        waits = [self._heartbeat_s - (now - self._last_contact)]
        if self._points:
            waits.append(self._batch_s - (now - self._first_point_at))
        if self._spool is not None:
            waits.append(self._next_drain_at - now)
        return max(0.01, min(waits))

    def _process(self, ops: List[Op], closing: bool, deadline: float) -> None:
        if self._spool is not None:
            self._spool_ops(ops)
            if closing or time.monotonic() >= self._next_drain_at:
                self._drain(closing, deadline)
            return
        for index, op in enumerate(ops):
            try:
                self._send(op)
            except ServerUnreachable as error:
                self._warn(f"{error}; keeping this run's data on disk and retrying")
                self._activate_spool(ops[index:])
                return
        if not ops and self.run_id is not None and time.monotonic() - self._last_contact >= self._heartbeat_s:
            self._heartbeat()

    def _send(self, op: Op, retries: Optional[int] = None) -> None:
        try:
            self.run_id = apply_op(self.transport, op, self.run_id, retries=retries)
        except SaddleError as error:
            # A refusal stays a refusal: report it, keep the script training, go on. Printed once
            # per kind and code (a run cancelled from the dashboard refuses every later batch).
            what = "a batch of %d points" % len(op.get("points", ())) if op["op"] == "log" else op["op"]
            message = f"the server refused {what}: {error}"
            self.errors.append(message)
            if (op["op"], error.code) not in self._warned:
                self._warned.add((op["op"], error.code))
                self._warn(message + ("" if op["op"] != "log" else " (later refusals like it are kept in run.errors, not printed)"))
        self._last_contact = time.monotonic()

    def _heartbeat(self) -> None:
        try:
            # Through apply_op: a run the server marked CRASHED while this script was alive
            # (the server was down longer than its heartbeat timeout) is resumed.
            apply_op(self.transport, {"op": "heartbeat"}, self.run_id, retries=0)
            self._last_contact = time.monotonic()
        except (SaddleError, ServerUnreachable):
            # A missed heartbeat is no error; the next operation or heartbeat tells.
            self._last_contact = time.monotonic()

    # -- spooling ---------------------------------------------------------------------------
    def _activate_spool(self, ops: List[Op]) -> None:
        meta = dict(self._meta, url=self.transport.base_url, runId=self.run_id, spooledAt=time.time())
        self._spool = Spool.create(self._spool_root, meta)
        self._spool.try_lock()
        self._spool_ops(ops)
        self._next_drain_at = time.monotonic() + self._drain_every_s

    def _spool_ops(self, ops: List[Op]) -> None:
        assert self._spool is not None
        stored: List[Op] = []
        for op in ops:
            if op["op"] == "heartbeat":
                continue
            if op["op"] == "upload" and "data" in op:
                path = self._spool.file_path(f"{op['seq']}-{op['name']}")
                path.write_bytes(op["data"])
                op = {key: value for key, value in op.items() if key != "data"}
                op["file"] = str(path)
            stored.append(op)
        self._spool.append(stored)

    def _drain(self, closing: bool, deadline: float) -> None:
        """Sends the spool's operations in order; stops at the first one the server does not answer."""
        spool = self._spool
        assert spool is not None
        for op in spool.pending():
            try:
                self._send(op, retries=0 if not closing else None)
            except ServerUnreachable:
                self._next_drain_at = time.monotonic() + self._drain_every_s
                if closing and time.monotonic() < deadline:
                    time.sleep(min(self._drain_every_s, max(0.0, deadline - time.monotonic())))
                return
            if op["op"] == "create" and self.run_id is not None:
                spool.write_meta(dict(spool.meta(), runId=self.run_id))
            spool.ack(int(op["seq"]))
        # Only this thread appends to the spool, so it is empty now; what the script made
        # meanwhile waits in memory and is sent after it, in order.
        spool.remove()
        self._spool = None
        self._warn("the server is back; everything kept on disk was sent")

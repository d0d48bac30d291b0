"""The pieces without a Saddle server: the wire encoding, the spool, retries against a stub."""

from __future__ import annotations

import http.server
import json
import math
import tempfile
import sys
import threading
import types
import unittest
from pathlib import Path

import server  # noqa: F401  (puts the client's source tree on sys.path)

from saddle.api import Api
from saddle.encoding import as_metric_value, decode_value, encode_value
from saddle.errors import SaddleError, ServerUnreachable
from saddle.spool import Spool
from saddle.transport import Transport, resolve_url


class EncodingTest(unittest.TestCase):
    def test_non_finite_values_travel_as_the_documented_strings(self) -> None:
        self.assertEqual([encode_value(v) for v in (1.5, math.nan, math.inf, -math.inf)], [1.5, "NaN", "Infinity", "-Infinity"])
        self.assertEqual(json.dumps({"v": encode_value(math.nan)}, allow_nan=False), '{"v": "NaN"}')

    def test_decoding_turns_them_back(self) -> None:
        self.assertTrue(math.isnan(decode_value("NaN")))
        self.assertTrue(math.isnan(decode_value(None)))
        self.assertEqual([decode_value("Infinity"), decode_value("-Infinity"), decode_value(2)], [math.inf, -math.inf, 2.0])

    def test_scalars_with_item_are_numbers(self) -> None:
        class Scalar:
            def item(self) -> float:
                return 0.25

        self.assertEqual(as_metric_value("loss", Scalar()), 0.25)
        self.assertEqual(as_metric_value("ok", True), 1.0)
        with self.assertRaisesRegex(TypeError, "'loss' must be a number, got list"):
            as_metric_value("loss", [1.0])


class SpoolTest(unittest.TestCase):
    def test_pending_skips_what_was_acked_and_a_torn_last_line(self) -> None:
        root = Path(tempfile.mkdtemp())
        spool = Spool.create(root, {"localId": "abc", "url": "http://x"})
        spool.append([{"op": "log", "seq": 0, "points": []}, {"op": "log", "seq": 1, "points": []}, {"op": "finish", "seq": 2, "status": "SUCCEEDED"}])
        with open(spool.directory / "ops.jsonl", "a") as handle:
            handle.write('{"op": "log", "seq": 3, "poi')  # a process killed mid-write
        spool.ack(0)
        self.assertEqual([op["seq"] for op in spool.pending()], [1, 2])
        self.assertEqual([s.directory.name for s in Spool.all_in(root)], ["abc"])
        spool.remove()
        self.assertEqual(Spool.all_in(root), [])

    def test_a_spool_held_by_a_live_process_cannot_be_taken(self) -> None:
        root = Path(tempfile.mkdtemp())
        holder = Spool.create(root, {"localId": "held"})
        self.assertTrue(holder.try_lock())
        self.assertFalse(Spool(holder.directory).try_lock())
        holder.unlock()
        taker = Spool(holder.directory)
        self.assertTrue(taker.try_lock())
        taker.unlock()


class StubHandler(http.server.BaseHTTPRequestHandler):
    """Answers POST /graphql from a script of (status, body) responses."""

    responses: list = []
    seen: list = []

    def do_POST(self) -> None:
        self.seen.append((self.headers.get("Authorization"), json.loads(self.rfile.read(int(self.headers["Content-Length"])))))
        status, body = self.responses.pop(0)
        payload = json.dumps(body).encode() if not isinstance(body, bytes) else body
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args: object) -> None:
        pass


class TransportTest(unittest.TestCase):
    def setUp(self) -> None:
        self.httpd = http.server.HTTPServer(("127.0.0.1", 0), StubHandler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        StubHandler.seen = []
        self.sleeps: list = []
        self.transport = Transport(f"http://127.0.0.1:{self.httpd.server_port}/graphql", token="sdl_x_y", retries=3, backoff_s=0.5, sleep=self.sleeps.append)

    def tearDown(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def test_server_errors_are_retried_with_growing_waits_and_the_token_is_sent(self) -> None:
        StubHandler.responses = [(502, b"<html>bad gateway</html>"), (503, b""), (200, {"data": {"ok": 1}})]
        self.assertEqual(self.transport.execute("{ ok }"), {"ok": 1})
        self.assertEqual(len(self.sleeps), 2)
        self.assertLess(self.sleeps[0], self.sleeps[1])
        self.assertEqual(StubHandler.seen[0][0], "Bearer sdl_x_y")

    def test_a_refusal_is_raised_at_once_with_its_code_and_path(self) -> None:
        StubHandler.responses = [(400, {"errors": [{"message": "wallTime looks like seconds", "extensions": {"code": "BAD_USER_INPUT", "path": ["points", 0, "wallTime"]}}]})]
        with self.assertRaises(SaddleError) as caught:
            self.transport.execute("mutation { x }")
        self.assertEqual((caught.exception.code, caught.exception.path), ("BAD_USER_INPUT", ["points", 0, "wallTime"]))
        self.assertEqual(self.sleeps, [])

    def test_rate_limiting_waits_as_long_as_the_server_says(self) -> None:
        StubHandler.responses = [(429, {"errors": [{"message": "slow down", "extensions": {"code": "RATE_LIMITED", "retryAfterSeconds": 7}}]}), (200, {"data": {"ok": 2}})]
        self.assertEqual(self.transport.execute("{ ok }"), {"ok": 2})
        self.assertEqual(self.sleeps, [7.0])

    def test_a_closed_port_is_unreachable_after_the_retries(self) -> None:
        transport = Transport(f"http://127.0.0.1:{server.free_port()}", retries=2, sleep=self.sleeps.append)
        with self.assertRaises(ServerUnreachable):
            transport.execute("{ ok }")
        self.assertEqual(len(self.sleeps), 2)

    def test_the_url_may_be_given_with_or_without_graphql(self) -> None:
        self.assertEqual(resolve_url("http://h:1/graphql"), "http://h:1")
        self.assertEqual(resolve_url("http://h:1/"), "http://h:1")


class CannedTransport:
    """Answers Api's metricPage queries from series given per key, two points a page."""

    def __init__(self, series: dict):
        self.series = series
        self.pages = 0

    def execute(self, query: str, variables: dict) -> dict:
        points = [p for p in self.series[variables["key"]] if variables["afterStep"] is None or p["step"] > variables["afterStep"]]
        page = points[:2]
        self.pages += 1
        return {"run": {"metricPage": {"points": page, "hasMore": len(points) > 2, "lastStep": page[-1]["step"] if page else None}}}


class HistoryTest(unittest.TestCase):
    SERIES = {
        "loss": [{"step": 0, "value": 1.0, "nonFinite": None}, {"step": 1, "value": None, "nonFinite": "NaN"}, {"step": 2, "value": None, "nonFinite": "-Infinity"}],
        "acc": [{"step": 2, "value": 0.5, "nonFinite": None}],
    }

    def test_series_are_paged_and_joined_by_step(self) -> None:
        transport = CannedTransport(self.SERIES)
        rows = Api(transport=transport).history("run-1", ["loss", "acc"], pandas=False)  # type: ignore[arg-type]
        self.assertEqual(transport.pages, 3)  # loss in two pages, acc in one
        self.assertEqual([row["step"] for row in rows], [0, 1, 2])
        self.assertEqual(rows[0]["loss"], 1.0)
        self.assertTrue(math.isnan(rows[1]["loss"]) and math.isnan(rows[0]["acc"]))
        self.assertEqual((rows[2]["loss"], rows[2]["acc"]), (-math.inf, 0.5))

    def test_a_dataframe_when_pandas_is_importable(self) -> None:
        made = {}
        stub = types.ModuleType("pandas")
        stub.DataFrame = lambda rows, columns: made.update(rows=rows, columns=columns) or "frame"  # type: ignore[attr-defined]
        previous = sys.modules.get("pandas")
        sys.modules["pandas"] = stub
        try:
            self.assertEqual(Api(transport=CannedTransport(self.SERIES)).history("run-1", ["acc", "loss"]), "frame")  # type: ignore[arg-type]
        finally:
            if previous is None:
                del sys.modules["pandas"]
            else:
                sys.modules["pandas"] = previous
        self.assertEqual(made["columns"], ["step", "acc", "loss"])
        self.assertEqual(len(made["rows"]), 3)


if __name__ == "__main__":
    unittest.main()

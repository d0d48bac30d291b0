"""What a run sends, as operations that can wait in the spool: each is a JSON dict with an `op`
and a `seq`, applied by `apply_op` — the one place that turns an operation into a request, used
by the live run's sender thread and by `saddle-sync` alike."""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from .errors import SaddleError
from .transport import Transport

CREATE_RUN = """
mutation SaddlePyCreateRun($input: CreateRunInput!) {
  createRun(input: $input) { id key status experimentId }
}"""

# Columnar: one `values` scalar per series, the API's fast path (a point list costs ~10× more to parse).
LOG_METRICS = """
mutation SaddlePyLogMetrics($runId: ID!, $series: [MetricSeriesInput!]!) {
  logMetrics(runId: $runId, series: $series) { accepted }
}"""

FINISH_RUN = """
mutation SaddlePyFinishRun($runId: ID!, $status: RunStatus!, $error: String) {
  finishRun(runId: $runId, status: $status, error: $error) { id status }
}"""

SET_SUMMARY = """
mutation SaddlePySetSummary($runId: ID!, $summary: JSONObject!) {
  setSummary(runId: $runId, summary: $summary) { id }
}"""

HEARTBEAT = """
mutation SaddlePyHeartbeat($runId: ID!) {
  heartbeat(runId: $runId) { id status }
}"""

RESUME_RUN = """
mutation SaddlePyResumeRun($id: ID!) {
  resumeRun(id: $id) { id status }
}"""

RUN_STATUS = """
query SaddlePyRunStatus($id: ID!) { run(id: $id) { id status } }"""

# Operations that may wait in the spool and be replayed. Heartbeats never do: a late heartbeat
# says nothing about whether the script is alive.
SPOOLED_KINDS = ("create", "log", "summary", "finish", "upload")


def apply_op(transport: Transport, op: Dict[str, Any], run_id: Optional[str], retries: Optional[int] = None) -> Optional[str]:
    """Sends one operation; returns the run's id (the new one for `create`).

    A run the server marked CRASHED (the script was silent longer than the heartbeat timeout,
    e.g. while the server was down) answers CONFLICT; it is resumed and the operation sent again.
    """
    kind = op["op"]
    if kind == "create":
        data = transport.execute(CREATE_RUN, {"input": op["input"]}, retries=retries)
        return str(data["createRun"]["id"])
    if run_id is None:
        raise SaddleError(f"operation {kind} has no run id (its createRun was never answered)", code="CLIENT")
    try:
        _send(transport, kind, op, run_id, retries)
    except SaddleError as error:
        if error.code != "CONFLICT" or not _resume_if_crashed(transport, run_id):
            raise
        _send(transport, kind, op, run_id, retries)
    return run_id


def _send(transport: Transport, kind: str, op: Dict[str, Any], run_id: str, retries: Optional[int]) -> None:
    if kind == "log":
        transport.execute(LOG_METRICS, {"runId": run_id, "series": as_series(op["points"])}, retries=retries)
    elif kind == "summary":
        transport.execute(SET_SUMMARY, {"runId": run_id, "summary": op["summary"]}, retries=retries)
    elif kind == "finish":
        transport.execute(FINISH_RUN, {"runId": run_id, "status": op["status"], "error": op.get("error")}, retries=retries)
    elif kind == "upload":
        if "data" in op:
            data = op["data"]
        else:
            with open(op["file"], "rb") as handle:
                data = handle.read()
        transport.upload_artifact(run_id, op["name"], data, op.get("contentType", "application/octet-stream"), query=op.get("query"), retries=retries)
    elif kind == "heartbeat":
        transport.execute(HEARTBEAT, {"runId": run_id}, retries=retries)
    else:
        raise SaddleError(f"unknown spooled operation {kind!r} (written by a newer client?)", code="CLIENT")


def as_series(points: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """Points [{key, step, value, wallTime}] as logMetrics's columns, one entry per key, in the
    order logged (a step logged twice: the later wins, as the API says)."""
    by_key: Dict[str, Dict[str, Any]] = {}
    for point in points:
        series = by_key.setdefault(point["key"], {"key": point["key"], "steps": [], "values": [], "wallTimes": []})
        series["steps"].append(point["step"])
        series["values"].append(point["value"])
        series["wallTimes"].append(point["wallTime"])
    return list(by_key.values())


def _resume_if_crashed(transport: Transport, run_id: str) -> bool:
    data = transport.execute(RUN_STATUS, {"id": run_id})
    run = data.get("run") or {}
    if run.get("status") != "CRASHED":
        return False
    transport.execute(RESUME_RUN, {"id": run_id})
    return True

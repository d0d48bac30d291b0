"""Reading runs back: `saddle.Api().runs(...)` and `.history(run, keys)`, as plain rows."""

from __future__ import annotations

from typing import Any, Dict, Iterable, List, Mapping, Optional, Union

from .encoding import decode_value
from .transport import Transport

RUN_FIELDS = "id key group status error config rawConfig final summaryValues steps external divergedAtStep experimentId experiment { id name project tags }"

RUNS = """
query SaddlePyRuns($first: Int, $after: String, $filter: RunFilter) {
  runs(first: $first, after: $after, filter: $filter) {
    edges { node { %s } }
    pageInfo { hasNextPage endCursor }
  }
}""" % RUN_FIELDS

RUN = """
query SaddlePyRun($id: ID!) { run(id: $id) { %s metricKeys } }""" % RUN_FIELDS

METRIC_PAGE = """
query SaddlePyMetricPage($id: ID!, $key: String!, $afterStep: Int, $first: Int) {
  run(id: $id) { metricPage(key: $key, afterStep: $afterStep, first: $first) { hasMore lastStep points { step value nonFinite wallTime } } }
}"""

# The API's page limits (apps/api/src/common/limits.ts).
# 1000 (the API's page maximum) of these fields exceed its query cost limit (20,000).
RUNS_PAGE_MAX = 500
COMPARISON_OPS = ("EQ", "NE", "LT", "LTE", "GT", "GTE", "IN", "CONTAINS", "EXISTS")
METRIC_PAGE_MAX = 10_000

RunRef = Union[str, Mapping[str, Any], Any]


def _run_id(run: RunRef) -> str:
    if isinstance(run, str):
        return run
    if isinstance(run, Mapping) and isinstance(run.get("id"), str):
        return str(run["id"])
    run_id = getattr(run, "id", None)
    if isinstance(run_id, str):
        return run_id
    raise TypeError(f"saddle.Api: expected a run id, a run row or a saddle.Run (with an id), got {run!r:.80}")


def _conditions(kind: str, wanted: Mapping[str, Any]) -> List[Dict[str, Any]]:
    """{"optimizer.lr": 0.01, "batchSize": ("GTE", 64)} → the API's conditions (EQ by default)."""
    out = []
    for path, value in wanted.items():
        op = "EQ"
        if isinstance(value, tuple):
            if len(value) != 2 or value[0] not in COMPARISON_OPS:
                raise ValueError(f"saddle.Api.runs: {kind}[{path!r}] must be a value or (op, value) with op one of {', '.join(COMPARISON_OPS)}, got {value!r}")
            op, value = value
        out.append({"path" if kind == "config" else "key": path, "op": op, "value": list(value) if isinstance(value, (list, tuple, set)) else value})
    return out


class Api:
    """Queries a Saddle server (SADDLE_URL / SADDLE_TOKEN as for `saddle.init`)."""

    def __init__(self, url: Optional[str] = None, token: Optional[str] = None, transport: Optional[Transport] = None):
        self.transport = transport or Transport(url, token)

    def runs(
        self,
        project: Optional[str] = None,
        experiment: Optional[str] = None,
        status: Union[None, str, Iterable[str]] = None,
        tags: Optional[Iterable[str]] = None,
        config: Optional[Mapping[str, Any]] = None,
        final: Optional[Mapping[str, Any]] = None,
        name: Optional[str] = None,
        text: Optional[str] = None,
        limit: Optional[int] = None,
    ) -> List[Dict[str, Any]]:
        """Runs as dicts (id, name, group, status, config, rawConfig, final, summaryValues,
        steps, experiment {id, name, project, tags}, …), newest first, filtered by the server
        (Query.runs). project; experiment: its exact name; status: one or several; tags: the
        experiment has all of them; config / final: dotted config paths / final metric keys →
        a value (equal) or (op, value) with op EQ NE LT LTE GT GTE IN CONTAINS EXISTS, e.g.
        config={"optimizer.lr": ("LT", 0.1)}; name: the run's exact name; text: a substring of
        the run's or its experiment's name. limit: at most this many."""
        server_filter: Dict[str, Any] = {}
        if project is not None:
            server_filter["project"] = project
        if status is not None:
            server_filter["status"] = [status] if isinstance(status, str) else list(status)
        if tags is not None:
            server_filter["tags"] = [tags] if isinstance(tags, str) else list(tags)
        if config:
            server_filter["config"] = _conditions("config", config)
        if final:
            server_filter["final"] = _conditions("final", final)
        # The server matches a substring of run or experiment names; exact names are checked here.
        substring = text if text is not None else name if name is not None else experiment
        if substring is not None:
            server_filter["text"] = substring
        rows: List[Dict[str, Any]] = []
        after: Optional[str] = None
        while True:
            data = self.transport.execute(RUNS, {"first": RUNS_PAGE_MAX, "after": after, "filter": server_filter or None})
            connection = data["runs"]
            for edge in connection["edges"]:
                run = edge["node"]
                if experiment is not None and run["experiment"]["name"] != experiment:
                    continue
                if name is not None and run["key"] != name:
                    continue
                rows.append(dict(run, name=run["key"]))
                if limit is not None and len(rows) >= limit:
                    return rows
            if not connection["pageInfo"]["hasNextPage"]:
                return rows
            after = connection["pageInfo"]["endCursor"]

    def run(self, run: RunRef) -> Optional[Dict[str, Any]]:
        data = self.transport.execute(RUN, {"id": _run_id(run)})
        found = data.get("run")
        return dict(found, name=found["key"]) if found else None

    def history(self, run: RunRef, keys: Optional[Iterable[str]] = None, pandas: Optional[bool] = None) -> Any:
        """Every point of the run's series `keys` (default: all), unsampled, one row per step:
        [{"step": 0, "loss": 0.9, "acc": 0.1}, …], NaN where a series has no point at that
        step (and where the value logged was NaN; ±inf come back as ±inf). A pandas DataFrame
        when pandas is importable (pandas=False: always rows; True: require pandas)."""
        run_id = _run_id(run)
        if keys is None:
            found = self.run(run_id)
            if found is None:
                raise LookupError(f"saddle.Api.history: no run has id {run_id!r}")
            keys = found["metricKeys"]
        key_list = [keys] if isinstance(keys, str) else list(keys)
        by_step: Dict[int, Dict[str, Any]] = {}
        for key in key_list:
            for point in self._series(run_id, key):
                row = by_step.setdefault(point["step"], {"step": point["step"]})
                row[key] = decode_value(point["nonFinite"] if point.get("nonFinite") else point["value"])
        rows = [by_step[step] for step in sorted(by_step)]
        for row in rows:
            for key in key_list:
                row.setdefault(key, float("nan"))
        if pandas is False:
            return rows
        try:
            import pandas as pd
        except ImportError:
            if pandas:
                raise
            return rows
        return pd.DataFrame(rows, columns=["step", *key_list])

    def _series(self, run_id: str, key: str) -> List[Dict[str, Any]]:
        points: List[Dict[str, Any]] = []
        after: Optional[int] = None
        while True:
            data = self.transport.execute(METRIC_PAGE, {"id": run_id, "key": key, "afterStep": after, "first": METRIC_PAGE_MAX})
            if data.get("run") is None:
                raise LookupError(f"saddle.Api.history: no run has id {run_id!r}")
            page = data["run"]["metricPage"]
            points.extend(page["points"])
            if not page["hasMore"] or page["lastStep"] is None:
                return points
            after = page["lastStep"]

    def download(self, run: RunRef, name: str) -> bytes:
        """The bytes of a run's artifact (e.g. `weights.bin`)."""
        return self.transport.download_artifact(_run_id(run), name)

"""`saddle.init` and the Run it returns: log, summary, save_model, finish.

A run ends exactly once: `run.finish()`, leaving a `with` block (SUCCEEDED, or FAILED with the
exception's last traceback line; CANCELLED on Ctrl-C), an uncaught exception (FAILED, the same
line, through sys.excepthook) or the interpreter exiting without `finish()` (FAILED). A script
killed outright (SIGKILL, out of memory) stops heartbeating and the server marks the run CRASHED.
"""

from __future__ import annotations

import atexit
import dataclasses
import math
import os
import re
import sys
import threading
import time
import traceback
import uuid
from types import TracebackType
from typing import Any, Dict, Iterable, Iterator, List, Mapping, MutableMapping, Optional, Set, Type

from .encoding import as_metric_value, encode_value
from .errors import SaddleError, ServerUnreachable
from .operations import CREATE_RUN
from .sender import Sender
from .spool import spool_root
from .transport import Transport

# The server's rule for series names (apps/api MetricPointInput.key), checked here so a bad key
# fails in the script's own `run.log` call rather than later in the background thread.
METRIC_KEY = re.compile(r"^[A-Za-z0-9_./:-]{1,200}$")

TERMINAL_STATUSES = ("SUCCEEDED", "FAILED", "CANCELLED", "DIVERGED")

# The artifact name the server keeps a run's weights under (apps/api/src/artifacts).
WEIGHTS_ARTIFACT = "weights"


def _env_float(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return float(raw)
    except ValueError:
        raise ValueError(f"saddle: {name}={raw!r} is not a number") from None


def _plain(value: Any, path: str) -> Any:
    """A config value as JSON the server stores: dicts, lists, str, numbers, bools, None."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else encode_value(value)
    if isinstance(value, Mapping):
        return {str(key): _plain(inner, f"{path}.{key}") for key, inner in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(inner, f"{path}.{index}") for index, inner in enumerate(value)]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _plain(dataclasses.asdict(value), path)
    if hasattr(value, "item") and callable(value.item):
        return _plain(value.item(), path)
    if hasattr(value, "__dict__") and type(value).__name__ == "Namespace":  # argparse
        return _plain(vars(value), path)
    raise TypeError(f"saddle: config value at {path!r} must be JSON-like (dict, list, str, number, bool, None), got {type(value).__name__}")


def _config_dict(config: Any) -> Dict[str, Any]:
    if config is None:
        return {}
    plain = _plain(config, "config")
    if not isinstance(plain, dict):
        raise TypeError(f"saddle: config must be a dict (or a dataclass / argparse.Namespace), got {type(config).__name__}")
    return plain


class Summary(MutableMapping[str, Any]):
    """`run.summary`: values that describe the run as a whole (best accuracy, notes), like
    wandb's. Each change is sent as a setSummary merge (a deleted key as null), in order with
    what was logged; the server shows them as Run.summaryValues."""

    def __init__(self, run: "Run"):
        self._run = run
        self._values: Dict[str, Any] = {}

    def __getitem__(self, key: str) -> Any:
        return self._values[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.update({key: value})

    def __delitem__(self, key: str) -> None:
        del self._values[key]
        self._run._summary_changed({key: None})

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def update(self, *args: Any, **kwargs: Any) -> None:
        # One request for the whole update, not one per key.
        changes = {str(key): _plain(value, f"summary.{key}") for key, value in dict(*args, **kwargs).items()}
        self._values.update(changes)
        self._run._summary_changed(changes)

    def as_dict(self) -> Dict[str, Any]:
        return dict(self._values)

    def __repr__(self) -> str:
        return f"Summary({self._values!r})"


class Run:
    """A run logged by this script. Made by `saddle.init`; use as a context manager or call
    `finish()`."""

    def __init__(self, transport: Transport, name: str, create_input: Dict[str, Any], settings: Dict[str, float], spool_dir: Optional[str]):
        self.name = name
        self.transport = transport
        self.summary = Summary(self)
        self._lock = threading.Lock()
        self._next_step = 0
        self._finished = False
        self._final_status: Optional[str] = None
        self.local_id = uuid.uuid4().hex
        created: Optional[Dict[str, Any]] = None
        try:
            created = transport.execute(CREATE_RUN, {"input": create_input})["createRun"]
        except ServerUnreachable as error:
            print(f"saddle: {error}; run {name!r} is kept on disk until the server answers (or `python -m saddle sync`)", file=sys.stderr, flush=True)
        self.experiment_id: Optional[str] = created["experimentId"] if created else None
        if created:
            # The server suffixes a name already taken in the experiment (`name-2`).
            self.name = str(created["key"])
        meta = {"localId": self.local_id, "name": name}
        self._sender = Sender(
            transport,
            spool_root(spool_dir),
            meta,
            run_id=created["id"] if created else None,
            batch_points=int(settings["batch_points"]),
            batch_ms=settings["batch_ms"],
            heartbeat_s=settings["heartbeat_s"],
            drain_every_s=settings["drain_every_s"],
        )
        self._finish_timeout_s = settings["finish_timeout_s"]
        self._sender.start([] if created else [{"op": "create", "input": create_input}])
        _live_runs.add(self)

    # -- identity ---------------------------------------------------------------------------
    @property
    def id(self) -> Optional[str]:
        """The server's id; None while the server has not answered createRun (spooled)."""
        return self._sender.run_id

    @property
    def url(self) -> Optional[str]:
        return f"{self.transport.base_url}/runs/{self.id}" if self.id else None

    @property
    def errors(self) -> List[str]:
        """What the server refused (also printed on stderr)."""
        return list(self._sender.errors)

    @property
    def spool_directory(self) -> Optional[str]:
        """Where this run's unsent operations wait, while the server is unreachable."""
        return self._sender.spool_directory

    # -- logging ----------------------------------------------------------------------------
    def log(self, metrics: Mapping[str, Any], step: Optional[int] = None) -> None:
        """Logs values at one step (default: one after the previous call's). NaN and ±Infinity
        are data: they are stored as such, and the server marks where the run diverged."""
        if self._finished:
            raise SaddleError(f"run {self.name!r} has finished; log before run.finish()", code="CLIENT")
        if not isinstance(metrics, Mapping):
            raise TypeError(f"saddle: run.log takes a dict of values, got {type(metrics).__name__}")
        wall_time = time.time() * 1000.0
        points = []
        for key, value in metrics.items():
            if not isinstance(key, str) or not METRIC_KEY.match(key):
                raise ValueError(f"saddle: metric key {key!r} must be 1-200 letters, digits or _ . / : - (e.g. 'train/loss')")
            points.append({"key": key, "value": encode_value(as_metric_value(key, value)), "wallTime": wall_time})
        with self._lock:
            if step is None:
                step = self._next_step
            elif isinstance(step, bool) or not isinstance(step, int) or step < 0:
                raise ValueError(f"saddle: run.log step must be an int >= 0, got {step!r}")
            self._next_step = max(self._next_step, step + 1)
            for point in points:
                point["step"] = step
            self._sender.add_points(points)

    @property
    def step(self) -> int:
        """The step the next `run.log()` without `step=` uses."""
        return self._next_step

    def _summary_changed(self, changes: Dict[str, Any]) -> None:
        if self._finished:
            raise SaddleError(f"run {self.name!r} has finished; set its summary before run.finish()", code="CLIENT")
        self._sender.enqueue({"op": "summary", "summary": changes})

    def save_model(self, module: Any, input_shape: Optional[Iterable[int]] = None) -> Dict[str, Any]:
        """Converts a torch `nn.Sequential`-style model to a Saddle model spec and its weights to
        Saddle's layout, and uploads them as this run's artifacts: `weights` (float32 θ then the
        batch-norm state, the layout of a trained run's weights) and `model.json` (the spec,
        input shape and lengths). input_shape: one example's shape in torch's order, (C, H, W)
        or (features,); needed when the first layer is a Conv2d. Returns the model.json document.
        torch is imported only here."""
        from .torch_model import convert_module

        converted = convert_module(module, None if input_shape is None else list(input_shape))
        document = converted.document
        self.upload("model.json", converted.document_bytes(), "application/json")
        self._upload(WEIGHTS_ARTIFACT, converted.weights_bytes(), "application/octet-stream", {"thetaLength": document["numParams"], "stateLength": document["numBuffers"], "step": max(0, self._next_step - 1)})
        return document

    def upload(self, name: str, data: bytes, content_type: str = "application/octet-stream") -> None:
        """Uploads a file as this run's artifact `name` (1-128 of A-Z a-z 0-9 . _ -), sent in
        order with what was logged before it; download it with Api().download(run, name)."""
        if name == WEIGHTS_ARTIFACT:
            raise ValueError("saddle: `weights` is the name of the run's weights in Saddle's layout; use run.save_model(module), or another name for a file")
        self._upload(name, data, content_type, None)

    def _upload(self, name: str, data: bytes, content_type: str, query: Optional[Dict[str, Any]]) -> None:
        if self._finished:
            raise SaddleError(f"run {self.name!r} has finished; upload before run.finish()", code="CLIENT")
        op: Dict[str, Any] = {"op": "upload", "name": name, "data": bytes(data), "contentType": content_type}
        if query:
            op["query"] = query
        self._sender.enqueue(op)

    def flush(self, timeout_s: float = 30.0) -> bool:
        """Waits until the server has everything logged so far; False when some is still spooled."""
        return self._sender.flush(timeout_s)

    # -- ending -----------------------------------------------------------------------------
    def finish(self, status: str = "SUCCEEDED", error: Optional[str] = None) -> None:
        """Ends the run (SUCCEEDED by default) after sending everything logged. If the server is
        unreachable for `finish_timeout_s` (SADDLE_FINISH_TIMEOUT_S, 60 s), what is left stays
        on disk and `python -m saddle sync` (or `saddle-sync`) sends it."""
        with self._lock:
            if self._finished:
                return
            self._finished = True
        status = status.upper()
        if status not in TERMINAL_STATUSES:
            raise ValueError(f"saddle: run.finish status must be one of {', '.join(TERMINAL_STATUSES)}, got {status!r}")
        self._final_status = status
        self._sender.enqueue({"op": "finish", "status": status, "error": error})
        delivered = self._sender.close(self._finish_timeout_s)
        _live_runs.discard(self)
        if not delivered:
            where = self._sender.spool_directory
            print(f"saddle: the server did not answer; run {self.name!r} is kept in {where} — send it with `python -m saddle sync` (or `saddle-sync`)", file=sys.stderr, flush=True)

    @property
    def finished(self) -> bool:
        return self._finished

    def __enter__(self) -> "Run":
        return self

    def __exit__(self, exc_type: Optional[Type[BaseException]], exc: Optional[BaseException], tb: Optional[TracebackType]) -> None:
        if exc_type is None:
            self.finish()
        elif issubclass(exc_type, KeyboardInterrupt):
            self.finish("CANCELLED", "KeyboardInterrupt")
        else:
            self.finish("FAILED", _last_line(exc_type, exc))

    def __repr__(self) -> str:
        return f"<saddle.Run {self.name!r} id={self.id}>"


def _last_line(exc_type: Type[BaseException], exc: Optional[BaseException]) -> str:
    """The last line of a traceback: `ValueError: loss exploded`."""
    return traceback.format_exception_only(exc_type, exc)[-1].strip()


def init(
    project: Optional[str] = None,
    name: Optional[str] = None,
    config: Any = None,
    tags: Optional[Iterable[str]] = None,
    experiment: Optional[str] = None,
    group: Optional[str] = None,
    url: Optional[str] = None,
    token: Optional[str] = None,
    spool_dir: Optional[str] = None,
    batch_points: Optional[int] = None,
    batch_ms: Optional[float] = None,
    heartbeat_s: Optional[float] = None,
    finish_timeout_s: Optional[float] = None,
    retries: Optional[int] = None,
) -> Run:
    """Starts a run on the Saddle server at `url` (SADDLE_URL, default http://127.0.0.1:4000)
    with `token` (SADDLE_TOKEN).

    project: the project the run's experiment belongs to. experiment: the experiment's name
    (runs with the same one are one experiment); default: the project's name, else the run's.
    name: the run's name, unique within its experiment; default `run-<date>-<time>-<random>`.
    batch_points / batch_ms: a batch is sent when this many points wait or the oldest waited
    this long (SADDLE_BATCH_POINTS 1000, SADDLE_BATCH_MS 1000). heartbeat_s: how often a quiet
    run says it is alive (SADDLE_HEARTBEAT_S, 30). retries: extra attempts of a request that
    could not reach the server, 0.5 s, 1 s, 2 s, 4 s apart (SADDLE_RETRIES, 4), before its data
    go to the spool; the spool's head is retried every SADDLE_RETRY_EVERY_S (2 s).
    finish_timeout_s: how long finish() waits for an unreachable server (SADDLE_FINISH_TIMEOUT_S, 60).
    """
    run_name = name or time.strftime("run-%Y%m%d-%H%M%S-", time.localtime()) + uuid.uuid4().hex[:4]
    # The run's id is chosen here so that createRun is idempotent: a retry after a lost answer,
    # or the spool's create replayed by a later sync, returns the run the first request made.
    create_input: Dict[str, Any] = {"id": str(uuid.uuid4()), "name": run_name, "config": _config_dict(config)}
    if project is not None:
        create_input["project"] = project
    experiment_name = experiment or project
    if experiment_name is not None:
        create_input["experimentName"] = experiment_name
    if group is not None:
        create_input["group"] = group
    if tags is not None:
        if isinstance(tags, str):
            raise TypeError("saddle: tags must be a list of strings, got one string (write tags=[...])")
        create_input["tags"] = [str(tag) for tag in tags]
    settings = {
        "batch_points": batch_points if batch_points is not None else _env_float("SADDLE_BATCH_POINTS", 1000),
        "batch_ms": batch_ms if batch_ms is not None else _env_float("SADDLE_BATCH_MS", 1000),
        "heartbeat_s": heartbeat_s if heartbeat_s is not None else _env_float("SADDLE_HEARTBEAT_S", 30),
        "finish_timeout_s": finish_timeout_s if finish_timeout_s is not None else _env_float("SADDLE_FINISH_TIMEOUT_S", 60),
        "drain_every_s": _env_float("SADDLE_RETRY_EVERY_S", 2),
    }
    _install_hooks()
    transport = Transport(url, token, retries=int(retries if retries is not None else _env_float("SADDLE_RETRIES", 4)))
    return Run(transport, run_name, create_input, settings, spool_dir)


# -- ending runs the script forgot ----------------------------------------------------------
# Strong references: a run the script dropped without finishing still ends at exit.
_live_runs: "Set[Run]" = set()
_hooks_installed = False


def _install_hooks() -> None:
    global _hooks_installed
    if _hooks_installed:
        return
    _hooks_installed = True
    previous = sys.excepthook

    def excepthook(exc_type: Type[BaseException], exc: BaseException, tb: Optional[TracebackType]) -> None:
        # Print the traceback first: finishing may wait on the network.
        previous(exc_type, exc, tb)
        status = "CANCELLED" if issubclass(exc_type, KeyboardInterrupt) else "FAILED"
        for run in list(_live_runs):
            run.finish(status, _last_line(exc_type, exc))

    sys.excepthook = excepthook
    atexit.register(_finish_forgotten_runs)


def _finish_forgotten_runs() -> None:
    for run in list(_live_runs):
        run.finish("FAILED", "the script exited without calling run.finish()")

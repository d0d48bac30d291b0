"""The on-disk spool: a run's operations kept in order while the server cannot be reached.

One directory per run under the spool root (SADDLE_SPOOL_DIR, default
~/.cache/saddle/spool): `meta.json` (server URL, the run's id once the server gave one),
`ops.jsonl` (one operation per line, numbered by `seq`, in the order the script made them) and
`acked` (the last `seq` the server has answered). Replaying sends every operation after `acked`
in order and moves `acked` after each answer, so an operation is sent again only if the process
died between the server's answer and the write of `acked` — and every operation replayed is
idempotent on the server (points per (run, key, step), summaries replaced whole, finishing
twice with the same status harmless), so nothing is stored twice.
"""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional

try:  # POSIX: a lock so `saddle-sync` leaves alone the spool of a script that is still running.
    import fcntl
except ImportError:  # pragma: no cover - Windows has no fcntl; sync then trusts the user.
    fcntl = None  # type: ignore[assignment]

Op = Dict[str, Any]


def spool_root(root: Optional[str] = None) -> Path:
    if root:
        return Path(root)
    if os.environ.get("SADDLE_SPOOL_DIR"):
        return Path(os.environ["SADDLE_SPOOL_DIR"])
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(cache) / "saddle" / "spool"


def _write_atomic(path: Path, text: str) -> None:
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


class Spool:
    """The spool of one run. Not thread-safe: one thread (the run's sender, or sync) uses it."""

    def __init__(self, directory: Path):
        self.directory = directory
        self._lock_handle: Optional[Any] = None

    @classmethod
    def create(cls, root: Path, meta: Dict[str, Any]) -> "Spool":
        directory = root / f"{meta.get('localId') or uuid.uuid4().hex}"
        directory.mkdir(parents=True, exist_ok=True)
        spool = cls(directory)
        spool.write_meta(meta)
        return spool

    @staticmethod
    def all_in(root: Path) -> List["Spool"]:
        """Every spool under `root`, oldest first (runs replay in the order they were spooled)."""
        if not root.is_dir():
            return []
        found = [Spool(entry) for entry in root.iterdir() if (entry / "meta.json").is_file()]
        return sorted(found, key=lambda spool: (spool.meta().get("spooledAt", 0), spool.directory.name))

    # -- metadata -------------------------------------------------------------------------
    def meta(self) -> Dict[str, Any]:
        with open(self.directory / "meta.json", encoding="utf-8") as handle:
            loaded = json.load(handle)
        return loaded if isinstance(loaded, dict) else {}

    def write_meta(self, meta: Dict[str, Any]) -> None:
        _write_atomic(self.directory / "meta.json", json.dumps(meta, indent=1, allow_nan=False))

    # -- operations -----------------------------------------------------------------------
    def append(self, ops: List[Op]) -> None:
        """Adds operations after the ones already spooled, flushed to disk before returning."""
        if not ops:
            return
        with open(self.directory / "ops.jsonl", "a", encoding="utf-8") as handle:
            for op in ops:
                handle.write(json.dumps(op, allow_nan=False, separators=(",", ":")) + "\n")
            handle.flush()
            os.fsync(handle.fileno())

    def acked(self) -> int:
        try:
            return int((self.directory / "acked").read_text(encoding="utf-8").strip() or "-1")
        except FileNotFoundError:
            return -1

    def ack(self, seq: int) -> None:
        _write_atomic(self.directory / "acked", str(seq))

    def pending(self) -> Iterator[Op]:
        """The operations not yet answered, in order. A last line cut short by a crash is skipped."""
        acked = self.acked()
        path = self.directory / "ops.jsonl"
        if not path.exists():
            return
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                try:
                    op = json.loads(line)
                except ValueError:
                    continue
                if isinstance(op, dict) and int(op.get("seq", -1)) > acked:
                    yield op

    def has_pending(self) -> bool:
        return next(self.pending(), None) is not None

    def file_path(self, name: str) -> Path:
        """Where a spooled upload's bytes are kept."""
        files = self.directory / "files"
        files.mkdir(exist_ok=True)
        return files / name

    # -- ownership --------------------------------------------------------------------------
    def try_lock(self) -> bool:
        """Takes this spool for this process; False when another live process holds it."""
        if fcntl is None or self._lock_handle is not None:
            return True
        handle = open(self.directory / "lock", "a+")
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        self._lock_handle = handle
        return True

    def unlock(self) -> None:
        if self._lock_handle is not None:
            self._lock_handle.close()
            self._lock_handle = None

    def remove(self) -> None:
        """Deletes the spool once everything in it was answered."""
        self.unlock()
        for path in sorted(self.directory.rglob("*"), key=lambda p: len(p.parts), reverse=True):
            if path.is_dir():
                path.rmdir()
            else:
                path.unlink()
        self.directory.rmdir()

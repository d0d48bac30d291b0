"""`python -m saddle sync` (also the `saddle-sync` console script): sends every spooled run.

Each spool (see spool.py) is replayed in order from its first unanswered operation, to the URL
it was spooled for (or --url). A spool whose script is still running is left to that script.
"""

from __future__ import annotations

import argparse
import sys
from typing import List, Optional, TextIO

from .errors import SaddleError, ServerUnreachable
from .operations import apply_op
from .spool import Spool, spool_root
from .transport import Transport


def sync_spool(spool: Spool, url: Optional[str], token: Optional[str], out: TextIO = sys.stdout) -> bool:
    """Replays one spool; True when everything was answered and the spool removed."""
    if not spool.try_lock():
        print(f"{spool.directory}: its script is still running; it sends this itself", file=out)
        return False
    meta = spool.meta()
    transport = Transport(url or meta.get("url"), token)
    run_id = meta.get("runId")
    sent = 0
    for op in spool.pending():
        try:
            run_id = apply_op(transport, op, run_id)
        except ServerUnreachable as error:
            spool.unlock()
            print(f"{spool.directory}: {error}; {sent} operations sent, the rest kept", file=out)
            return False
        except SaddleError as error:
            # Refused for good (e.g. a point the server rejects): resending cannot help.
            print(f"{spool.directory}: the server refused {op['op']} #{op['seq']}: {error}", file=out)
        if op["op"] == "create" and run_id is not None:
            spool.write_meta(dict(meta, runId=run_id))
        spool.ack(int(op["seq"]))
        sent += 1
    print(f"run {meta.get('name')!r} ({run_id}): {sent} operations sent", file=out)
    spool.remove()
    return True


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="saddle-sync", description="Send runs kept on disk while the Saddle server was unreachable.")
    parser.add_argument("--dir", help="spool directory (default $SADDLE_SPOOL_DIR or ~/.cache/saddle/spool)")
    parser.add_argument("--url", help="server URL (default: the one each run was logged to)")
    parser.add_argument("--token", help="token (default $SADDLE_TOKEN)")
    args = parser.parse_args(argv)
    spools = Spool.all_in(spool_root(args.dir))
    if not spools:
        print("nothing to sync")
        return 0
    results = [sync_spool(spool, args.url, args.token) for spool in spools]
    return 0 if all(results) else 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

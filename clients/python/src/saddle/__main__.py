"""`python -m saddle sync`: the spool replay (see sync.py)."""

import sys

from .sync import main


def _main() -> int:
    args = sys.argv[1:]
    if not args or args[0] != "sync":
        print("usage: python -m saddle sync [--dir DIR] [--url URL] [--token TOKEN]", file=sys.stderr)
        return 2
    return main(args[1:])


sys.exit(_main())

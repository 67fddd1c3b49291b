"""The ``forensiclog`` program: the desktop application, or the command line when a command is given."""

from __future__ import annotations

import sys
from collections.abc import Sequence

GUI_COMMANDS = {"gui", "open"}


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    from forensiclog.cli import parse

    options = parse(args)
    if options.command in GUI_COMMANDS:
        from forensiclog.app import run_gui

        return run_gui(options)
    from forensiclog.cli import run

    return run(options)


if __name__ == "__main__":
    sys.exit(main())

"""The ``forensiclog`` program: the desktop application, or the command line when a command is given."""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence

GUI_COMMANDS = {"gui", "open"}


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    # A command imports SQLAlchemy and the models on every run: the cyclic collector would
    # walk the growing heap many times over during those imports and free nothing. It is
    # back on (forensiclog.cli.runner.execute) before the command does any work.
    gc.disable()
    from forensiclog.cli import parse

    options = parse(args)
    if options.command in GUI_COMMANDS:
        gc.enable()
        from forensiclog.app import run_gui

        return run_gui(options)
    from forensiclog.cli import run

    return run(options)


if __name__ == "__main__":
    sys.exit(main())

"""The command line: the second door onto the same services as the desktop application.

Exit status 0 when done, 1 when refused (a message starting ``error:`` on stderr names what
was wrong and where), 2 for a usage error. A refusal never prints a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from forensiclog.cli.parser import build_parser


def parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = build_parser()
    options = parser.parse_args(list(argv))
    # What argparse cannot say by itself (one of two ways to name something): a usage error too.
    check = getattr(options, "usage_check", None)
    problem = check(options) if check else None
    if problem:
        parser.error(problem)
    if options.command is None:
        options.command = "gui"
        options.handler = "forensiclog.app:run_gui"
    return options


def run(options: argparse.Namespace) -> int:
    from forensiclog.cli.runner import execute

    return execute(options)


def main(argv: Sequence[str] | None = None) -> int:
    return run(parse(sys.argv[1:] if argv is None else argv))

"""The quick version of the validation suite, inside ``make test``: every figure at small scale
must meet its target.

A figure listed in run.py whose module is not written yet is left out here (and reported as
skipped), so the figures that exist are tested while the others are being written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.validation.harness import Scale, timed
from tests.validation.run import FIGURE_MODULES, figure_modules

HERE = Path(__file__).parent


@pytest.mark.slow
@pytest.mark.parametrize("name", FIGURE_MODULES)
def test_figure_meets_its_target_at_quick_scale(name: str) -> None:
    if not (HERE / f"figure_{name}.py").exists():
        pytest.skip(f"figure_{name}.py is not written yet")
    module = figure_modules([name])[0]
    outcome = timed(module.run, Scale.QUICK)
    assert outcome.attempts > 0
    assert outcome.passed, outcome.failures[:10]

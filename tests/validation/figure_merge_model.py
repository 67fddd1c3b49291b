"""Figure: merge model — three field laptops and an office exchanging case files in random
orders (a hypothesis state machine against real workspaces): nothing lost, importing twice
changes nothing, every concurrent change shows as a conflict, everything checks clean."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager

from hypothesis import HealthCheck, Phase, settings
from hypothesis.stateful import run_state_machine_as_test

from forensiclog.services import casefile_plan
from tests.validation.harness import Figure, Outcome, Scale
from tests.validation.merge_model import LAPTOPS, OFFICE, MergeModel, Tally

FIGURE = Figure(
    "merge_model",
    "Merge model",
    "a hypothesis state machine: three field laptops and an office register cases, edit them, "
    "add documents and photos, and send case files between any two of them in random orders "
    "(whole exchanges or a few cases), import a file twice and replay older ones; real "
    "workspaces; every import held to the model's prediction; at the end every laptop sends "
    "its exchange to the office",
    "0 lost records at the office; importing twice changes nothing; every concurrent change an "
    "open conflict, never overwritten; older files refused; every workspace checks clean and "
    "every history verifies",
)


def _settings(scale: Scale) -> settings:
    full = scale is Scale.FULL
    return settings(
        max_examples=45 if full else 3,
        stateful_step_count=40 if full else 12,
        deadline=None,
        database=None,
        derandomize=True,
        # No shrinking: a failing run reports its steps as found, within the time allowed.
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )


@contextmanager
def _concurrent_changes_overwrite() -> Iterator[None]:
    """The deliberately broken build: a change made on both sides is taken, not a conflict."""
    original = casefile_plan.CONFLICT
    casefile_plan.CONFLICT = casefile_plan.UPDATE
    try:
        yield
    finally:
        casefile_plan.CONFLICT = original


def _negative_control() -> str:
    """A laptop and the office edit the same case; with the broken build the model must object."""
    machine = MergeModel()
    caught = "not caught"
    try:
        laptop = LAPTOPS[0]
        machine.register(laptop)
        case = sorted(machine.holds[laptop])[0]
        machine.receive(OFFICE, machine.export(laptop, []))
        for place in (laptop, OFFICE):
            machine.edits += 1
            notes = f"{place} control {machine.edits}"
            machine.teams[place].examiner.cases.edit(case, {"notes": notes})
            held = machine.holds[place][case]
            held.notes, held.version = notes, held.version | {notes}
        with _concurrent_changes_overwrite():
            try:
                machine.receive(OFFICE, machine.export(laptop, []))
            except AssertionError as objection:
                caught = f"caught: {str(objection)[:160]}"
    finally:
        for team in machine.teams.values():
            team.workspace.close()
        shutil.rmtree(machine.root, ignore_errors=True)
    return caught


def run(scale: Scale) -> Outcome:
    outcome = Outcome()
    Tally.counts = {}
    try:
        run_state_machine_as_test(MergeModel, settings=_settings(scale))
    except Exception as failure:  # noqa: BLE001 — the model's objection is the finding
        notes = "\n".join(getattr(failure, "__notes__", []))
        outcome.fail(f"{type(failure).__name__}: {str(failure)[:1500]}\n{notes[-3000:]}")
    outcome.counts = dict(sorted(Tally.counts.items()))
    outcome.attempts = Tally.counts.get("steps", 0) + Tally.counts.get("files imported", 0)
    control = _negative_control()
    outcome.negative_control = (
        "with concurrent changes taken as updates (a scratch patch of casefile_plan.CONFLICT), "
        f"a case edited on a laptop and at the office: {control}"
    )
    if not control.startswith("caught"):
        outcome.fail("negative control: the overwriting build passed the model")
    return outcome

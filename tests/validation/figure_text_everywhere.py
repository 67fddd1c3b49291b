"""Figure: text everywhere — hypothesis-generated hostile Unicode through every text field of
every service, the search, the command line and every report: no exception but a refusal that
names the field; stored as given (NFC, trimmed); printed in the PDFs with a glyph for every
Cyrillic and Latin letter; markup printed as text, never obeyed."""

from __future__ import annotations

import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from PIL import Image

from forensiclog.domain.errors import InvalidInput, Refusal
from tests.conftest import Team
from tests.validation.harness import Figure, Outcome, Scale
from tests.validation.hostile_bench import check_problems, opened, unexpected, workspace_copy
from tests.validation.text_case_fields import fill_case
from tests.validation.text_commands import check_commands
from tests.validation.text_fields import Example, Filler, fill_exchange
from tests.validation.text_reports import ReportChecker, negative_controls
from tests.validation.text_strategies import MARKUP, hostile_text, long_note, stored_form

FIGURE = Figure(
    "text_everywhere",
    "Text everywhere",
    "hypothesis-generated text (Cyrillic, Latin, right-to-left, emoji, combining marks, "
    "control characters, NUL, lone surrogates, ReportLab markup such as `<img src=…>` and "
    '`<link href="file:…">`, unclosed tags, `&`, 100 KB notes) through every text field of '
    "every service (case, marks, documents, effects, captions, checklist, custody, samples, "
    "statuses, decisions, parts, links, exchange, handover-list CSV), the search, the command "
    "line (`--json`) and all five reports",
    "0 exceptions but refusals naming the field; every value stored as given (NFC, trimmed); "
    "the PDFs' text holds every value (whole in the case report's body, the start in capped "
    "table cells); 0 Cyrillic or Latin letters without a glyph; 0 built-in fonts; markup "
    "never obeyed (no links, no images)",
)
TEXTS = 5


class Run:
    """One workspace, and the checks each example goes through."""

    def __init__(self, team: Team, folder: Path, outcome: Outcome, scale: Scale) -> None:
        self.team = team
        self.folder = folder
        self.outcome = outcome
        self.full = scale is Scale.FULL
        self.photo = folder / "photo.jpg"
        Image.new("RGB", (64, 48), (200, 40, 40)).save(self.photo)
        self.reports = ReportChecker(team, outcome)
        self.examples = 0

    def example(self, texts: list[str], note: str | None = None) -> None:
        self.examples += 1
        self.outcome.count("examples")
        number = self.examples
        if note is None and number % 8 == 0:
            note = long_note(number, 99_000)
        example = Example(number)
        fill = Filler(self.outcome, texts)
        if not fill_exchange(self.team, fill, example, self.folder):
            return
        if not fill_case(self.team, fill, example, self.photo, note):
            return
        self.stored(example)
        self.search(example)
        self.lookups(texts)
        self.reports.check(example, english=number % 2 == 0)
        if number == 1 or (self.full and number % 6 == 0):
            check_commands(self.team, example, texts, self.outcome)

    def stored(self, example: Example) -> None:
        record = self.team.auditor.cases.show(example.case)
        for label, value, read in example.stored:
            self.outcome.count("values read back")
            try:
                found = read(record)
            except Exception as error:  # noqa: BLE001
                self.outcome.fail(f"{example.case} {label}: reading back: {unexpected(error)}")
                continue
            if found != stored_form(value):
                self.outcome.fail(
                    f"{example.case} {label}: stored {str(found)[:60]!r}, "
                    f"given {value[:60]!r} (NFC, trimmed: {str(stored_form(value))[:60]!r})"
                )

    def search(self, example: Example) -> None:
        """The search takes every value typed, and finds the case by its document's surname."""
        for text in (example.surname, *[p.value for p in example.placements[:6]]):
            self.outcome.count("searches")
            try:
                rows = self.team.auditor.search.search(text, limit=1000)
            except Exception as error:  # noqa: BLE001
                self.outcome.fail(f"search {text[:40]!r}: {unexpected(error)}")
                continue
            found = [r.case_number for r in rows]
            if text is example.surname and _has_word(text) and example.case not in found:
                self.outcome.fail(f"search {text[:60]!r}: {example.case} not found")

    def lookups(self, texts: list[str]) -> None:
        """A record looked up by what was typed: found, or refused, never an error."""
        team = self.team
        for text in texts:
            looks: tuple[tuple[str, Callable[[str], object]], ...] = (
                ("case", team.auditor.cases.show),
                ("exchange", team.auditor.exchanges.show),
                ("sample", lambda t: team.examiner.examination.record_result(t, result="x")),
                ("history", lambda t: team.auditor.audit.log(case=t, limit=1)),
            )
            for what, look in looks:
                self.outcome.count("lookups by a typed key")
                try:
                    look(text)
                except Refusal:
                    continue
                except Exception as error:  # noqa: BLE001
                    self.outcome.fail(f"{what} {text[:40]!r}: {unexpected(error)}")

    def too_long(self) -> None:
        """One character past the limit of a note is refused, naming the field."""
        case = self.team.examiner.cases.register(self.first_exchange()).case_number
        self.outcome.attempts += 1
        try:
            self.team.examiner.cases.edit(case, {"notes": "ж" * 100_001})
        except InvalidInput as refusal:
            if refusal.field != "notes":
                self.outcome.fail(f"a 100,001-character note: refused naming {refusal.field}")
            return
        except Refusal as refusal:
            self.outcome.fail(f"a 100,001-character note: refused without the field: {refusal}")
            return
        self.outcome.fail("a 100,001-character note was accepted")

    def first_exchange(self) -> str:
        return self.team.auditor.exchanges.codes()[0]


def _has_word(text: str) -> bool:
    return any(c.isalnum() for c in unicodedata.normalize("NFKC", text))


def _examples(run: Run, count: int) -> None:
    run_settings = settings(
        max_examples=count,
        database=None,
        derandomize=True,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )

    @run_settings
    @example(texts=[" ".join(MARKUP)] * TEXTS)
    @example(texts=["ряд\n" * 400, "a\n\n" * 300, "<b>\n" * 300, "\r\n" * 500, "&\n" * 300])
    @given(st.lists(hostile_text(), min_size=TEXTS, max_size=TEXTS))
    def examples(texts: list[str]) -> None:
        run.example(texts)

    examples()


def run(scale: Scale) -> Outcome:
    outcome = Outcome()
    with tempfile.TemporaryDirectory(prefix="forensiclog-text-") as root:
        folder = Path(root)
        with opened(workspace_copy(folder / "workspace")) as team:
            bench = Run(team, folder, outcome, scale)
            bench.example(["Іваненко Ёж", "O'Neil", "<b>x</b>", "&", "№ 5"], long_note(0, 99_000))
            _examples(bench, 60 if scale is Scale.FULL else 2)
            bench.too_long()
            outcome.failures += [f"check: {p}" for p in check_problems(team)]
            outcome.negative_control = negative_controls(team, folder)
            if "caught 0" in outcome.negative_control:
                outcome.fail(f"negative control: {outcome.negative_control}")
    outcome.notes.append(
        "a report is read back with pdftotext (-raw), its running head and foot set aside; a "
        "value counts by its Cyrillic and Latin letters, digits and < > & (other characters "
        "are not the font's to draw). ReportLab draws a letter its font lacks as the empty "
        "glyph, which drops out of the text: the text check catches it, and the report font's "
        "own table is checked to hold every such letter given"
    )
    return outcome

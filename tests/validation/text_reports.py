"""Every report of an example made and read back: each value where it must print, a glyph for
every Cyrillic and Latin letter, no built-in font, no link or image that markup asked for."""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from forensiclog.reports import markup
from forensiclog.reports.fonts import REGULAR, register_fonts
from forensiclog.services.reports import report_request
from tests.conftest import Team
from tests.validation.harness import Outcome
from tests.validation.hostile_bench import unexpected
from tests.validation.text_case_fields import fill_case
from tests.validation.text_fields import (
    CAP,
    CAP_LINES,
    CAP_SHOWN,
    CLIP,
    CLIP_SHOWN,
    Example,
    Filler,
    fill_exchange,
)
from tests.validation.text_pdf_check import (
    PdfFacts,
    read_pdf,
    standard_fonts,
    without_furniture,
)
from tests.validation.text_strategies import (
    CYRILLIC,
    LATIN,
    MARKUP,
    checkable,
    must_draw,
    printable_form,
)

REPORTS = ("body", "exchange", "foreign", "labels", "discrepancies")
_RIGHT_TO_LEFT = {"R", "AL", "RLE", "RLO", "RLI", "FSI", "PDF", "PDI", "LRE", "LRO", "LRI"}


def expected_pieces(value: str, mode: str) -> list[str]:
    """What of ``value`` the extracted text must hold, in order within each piece.

    Right-to-left text, or a bidi control, lets the text extractor reorder a line's runs: then
    each run between spaces and right-to-left letters is looked for on its own.
    """
    text = printable_form(value)
    if mode == CAP:
        text = "\n".join(text.split("\n")[:CAP_LINES])[:CAP_SHOWN]
    elif mode == CLIP:
        text = " ".join(text.split())[:CLIP_SHOWN]
    if not any(unicodedata.bidirectional(c) in _RIGHT_TO_LEFT for c in text):
        return [checkable(text)]
    runs = re.split(
        r"\s+", "".join(" " if unicodedata.bidirectional(c) in _RIGHT_TO_LEFT else c for c in text)
    )
    return [checkable(run) for run in runs]


class ReportChecker:
    def __init__(self, team: Team, outcome: Outcome) -> None:
        self.team = team
        self.outcome = outcome
        register_fonts()
        self.face = pdfmetrics.getFont(REGULAR).face

    def check(self, example: Example, *, english: bool) -> None:
        self._font_covers(example)
        photos = len(self.team.auditor.cases.show(example.case, with_history=False).photos)
        targets = {
            "body": [example.case],
            "exchange": [example.exchange],
            "foreign": [example.exchange],
            "labels": [example.case, example.twin],
            "discrepancies": [example.exchange],
        }
        for kind in REPORTS:
            self.outcome.attempts += 1
            self.outcome.count(f"reports: {kind}")
            try:
                request = report_request(kind, targets[kind], language="en" if english else "uk")
                pdf = self.team.coordinator.reports.prepare(request).rendered.pdf
            except Exception as error:  # noqa: BLE001 — a report must be made from any text
                self.outcome.fail(f"{kind} report of {example.case}: {unexpected(error)}")
                continue
            self.read(example, kind, read_pdf(pdf), photos if kind == "body" else 0)

    def read(self, example: Example, kind: str, facts: PdfFacts, images: int) -> None:
        where = f"{kind} report of {example.case}"
        text = checkable(without_furniture(facts.text))
        for placement in (p for p in example.placements if p.report == kind):
            self.outcome.count("values looked for in reports")
            for piece in expected_pieces(placement.value, placement.mode):
                if piece not in text:
                    self.outcome.fail(
                        f"{where}: {placement.label} ({placement.mode}) {placement.value[:60]!r}"
                        f" not found: {piece[:60]!r}"
                    )
                    break
        letters = sorted(c for c in facts.missing_glyphs if c in CYRILLIC or c in LATIN)
        if letters:
            self.outcome.fail(f"{where}: drawn without a glyph: {''.join(letters)}")
        if standard_fonts(facts):
            self.outcome.fail(f"{where}: set in a built-in font: {standard_fonts(facts)}")
        if facts.links:
            self.outcome.fail(f"{where}: has links: {facts.links[:3]}")
        if facts.images > images:
            self.outcome.fail(f"{where}: {facts.images} images where {images} were added")

    def _font_covers(self, example: Example) -> None:
        wanted = set().union(*(must_draw(p.value) for p in example.placements))
        lacking = sorted(c for c in wanted if ord(c) not in self.face.charToGlyph)
        if lacking:
            self.outcome.fail(f"the report font has no glyph for {''.join(lacking)}")


@contextmanager
def _unescaped() -> Iterator[None]:
    """The deliberately broken build: user text handed to ReportLab as markup."""
    original = getattr(markup, "escape")  # noqa: B009 — a scratch patch, undone below
    setattr(markup, "escape", lambda text, entities=None: text)  # noqa: B010
    try:
        yield
    finally:
        setattr(markup, "escape", original)  # noqa: B010


def _escaping_control(team: Team, folder: Path) -> tuple[int, int]:
    scratch = Outcome()
    example = Example(9_999)
    fill = Filler(scratch, [" ".join(MARKUP)])
    fill_exchange(team, fill, example, folder)
    fill_case(team, fill, example, folder / "photo.jpg", None)
    control = Outcome()
    with _unescaped():
        ReportChecker(team, control).check(example, english=False)
    return len(control.failures), control.attempts


CONTROL_LINE = "Іваненко Ґонта, Київ"


def _font_control(face: str | None) -> PdfFacts:
    """A line of Ukrainian set in ReportLab's Helvetica, or in a TrueType face without Cyrillic."""
    out = io.BytesIO()
    canvas = Canvas(out)
    name = "Helvetica"
    if face is not None:
        name = "ValidationVera"
        pdfmetrics.registerFont(TTFont(name, face))
    canvas.setFont(name, 12)
    canvas.drawString(72, 720, CONTROL_LINE)
    canvas.save()
    return read_pdf(out.getvalue())


def negative_controls(team: Team, folder: Path) -> str:
    caught, made = _escaping_control(team, folder)
    helvetica = standard_fonts(_font_control(None))
    vera = Path(pdfmetrics.__file__).parent.parent / "fonts" / "Vera.ttf"
    drawn = checkable(_font_control(str(vera)).text)
    lost = [c for c in checkable(CONTROL_LINE) if c in CYRILLIC and c not in drawn]
    return (
        f"escaping removed (a scratch patch of reports.markup.escape): caught {caught} problems "
        f"in {made} reports; a line set in Helvetica: caught {len(helvetica)} built-in font(s); "
        f"a line set in Vera (no Cyrillic): caught {len(lost)} letters missing from the text"
    )

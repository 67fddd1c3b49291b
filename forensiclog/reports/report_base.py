"""The skeleton every report shares: page frame, header, "Page X of Y" footer, provenance, metadata.

A report is a class built from small steps (``records``, ``subtitle``, ``body`` …) that a
subclass overrides; ``render()`` runs them and returns the PDF bytes, the page count and the
data fingerprint. Every page carries the title, the workspace, who made it and when, the page
number out of the total, and the shortened fingerprints; the first page carries them in full.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any, BinaryIO, ClassVar

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer, Table

from forensiclog import APP_NAME, __version__
from forensiclog.domain.report_inputs import ReportContext
from forensiclog.reports import styles
from forensiclog.reports.fingerprint import fingerprint, short
from forensiclog.reports.fonts import BOLD, REGULAR, register_fonts
from forensiclog.reports.markup import clipped, para_text
from forensiclog.reports.wording import Wording, time_text, value, zone_text

# JPEG previews go into the PDF as they are; ASCII85 would make them a quarter larger.
rl_config.useA85 = 0

Flowables = list[Any]
HEADER_Y = styles.PAGE[1] - 12 * mm
FOOTER_Y = 14 * mm


@dataclass(frozen=True)
class RenderedReport:
    pdf: bytes
    pages: int
    fingerprint: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.pdf).hexdigest()


class NumberedCanvas(Canvas):  # type: ignore[misc]  # ReportLab is untyped
    """Holds every page back until the last, so each can be stamped with the page total."""

    def __init__(self, *args: Any, stamp: Callable[[Any, int, int], None], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._stamp = stamp
        self._held: list[dict[str, Any]] = []
        self.total_pages = 0

    def showPage(self) -> None:
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held)
        for state in self._held:
            self.__dict__.update(state)  # the page's own content and number, as it was held
            self._stamp(self, self._pageNumber, total)
            super().showPage()
        self.total_pages = total
        super().save()


class Report:
    """A PDF report made from records; subclasses override the steps below."""

    title_key: ClassVar[str] = ""

    def __init__(self, context: ReportContext, *, invariant: bool = False) -> None:
        register_fonts()
        self.context = context
        self.words = Wording(context.language, context.generated_at.tzinfo)
        self.styles = styles.stylesheet()
        # Repeatable output (fixed dates and document id) for tests and comparisons.
        self.invariant = invariant
        self.pages = 0

    # ---- steps a report overrides ------------------------------------------------------------

    def records(self) -> Any:
        """What the report is made from; its canonical JSON gives the data fingerprint."""
        raise NotImplementedError

    def body(self) -> Flowables:
        raise NotImplementedError

    def subtitle(self) -> str:
        return ""

    def title(self) -> str:
        return self.words(self.title_key)

    def keywords(self) -> list[str]:
        return [f"sha256:{self.fingerprint}"]

    def title_block(self) -> Flowables:
        blocks: Flowables = [Paragraph(para_text(self.title()), self.styles.title)]
        if self.subtitle():
            blocks.append(Paragraph(para_text(self.subtitle()), self.styles.subtitle))
        return blocks

    def story(self) -> Flowables:
        return [*self.title_block(), self.provenance_block(), Spacer(1, 4 * mm), *self.body()]

    # ---- provenance, header and footer -------------------------------------------------------

    @cached_property
    def fingerprint(self) -> str:
        return fingerprint(self.records())

    def provenance_rows(self) -> list[tuple[str, str]]:
        w, ws = self.words, self.context.workspace
        rows = [
            (w("workspace"), f"{ws.name} ({ws.site}-{ws.team})"),
            (w("signing_key"), value(ws.public_key_fingerprint)),
            (w("audit_head"), value(self.context.audit_head)),
            (w("data_fingerprint"), self.fingerprint),
            (w("generated_at"), time_text(self.context.generated_at, with_zone=True)),
            (w("generated_by"), self.context.generated_by),
        ]
        zone = zone_text(self.context.generated_at)
        if zone:
            rows.append((w("time_zone"), zone))
        return rows

    def provenance_block(self) -> Any:
        small = self.styles.small
        rows = [
            [Paragraph(para_text(label), small), Paragraph(para_text(text), small)]
            for label, text in self.provenance_rows()
        ]
        rows.append(["", Paragraph(para_text(self.words("fingerprint_note")), small)])
        table = Table(rows, colWidths=[48 * mm, styles.TEXT_WIDTH - 48 * mm], hAlign="LEFT")
        table.setStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, 7, 9),
                ("BACKGROUND", (0, 0), (-1, -1), styles.PANEL),
                ("BOX", (0, 0), (-1, -1), 0.4, styles.RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
        return table

    def draw_page(self, canvas: Any, doc: Any) -> None:
        """The header and footer of every page, all but the page total."""
        canvas.saveState()
        left, right = styles.MARGIN_LEFT, styles.PAGE[0] - styles.MARGIN_RIGHT
        half = (right - left) / 2 - 6
        ws = self.context.workspace
        canvas.setFillColor(styles.ACCENT)
        canvas.setFont(BOLD, 8.5)
        canvas.drawString(left, HEADER_Y, clipped(self.title(), BOLD, 8.5, half))
        canvas.setFillColor(styles.MUTED)
        canvas.setFont(REGULAR, 8)
        where = f"{ws.name} · {ws.site}-{ws.team}"
        canvas.drawRightString(right, HEADER_Y, clipped(where, REGULAR, 8, half))
        canvas.setStrokeColor(styles.RULE)
        canvas.setLineWidth(0.5)
        canvas.line(left, HEADER_Y - 3 * mm, right, HEADER_Y - 3 * mm)
        canvas.line(left, FOOTER_Y + 4 * mm, right, FOOTER_Y + 4 * mm)
        self._draw_footer_lines(canvas, left, right)
        canvas.restoreState()

    def _draw_footer_lines(self, canvas: Any, left: float, right: float) -> None:
        w, ctx = self.words, self.context
        at = time_text(ctx.generated_at, with_zone=True)
        generated = w("generated_line", at=at, by=ctx.generated_by)
        canvas.setFillColor(styles.INK)
        canvas.setFont(REGULAR, 7.5)
        canvas.drawString(left, FOOTER_Y, clipped(generated, REGULAR, 7.5, right - left - 110))
        parts = [w("fingerprint_short", fingerprint=short(self.fingerprint))]
        if ctx.workspace.public_key_fingerprint:
            parts.append(w("key_short", key=short(ctx.workspace.public_key_fingerprint)))
        if ctx.audit_head:
            parts.append(f"{w('audit_head')} {short(ctx.audit_head)}")
        canvas.setFillColor(styles.MUTED)
        canvas.setFont(REGULAR, 6.5)
        canvas.drawString(
            left, FOOTER_Y - 3.5 * mm, clipped(" · ".join(parts), REGULAR, 6.5, right - left)
        )

    def draw_page_total(self, canvas: Any, page: int, total: int) -> None:
        canvas.saveState()
        canvas.setFillColor(styles.INK)
        canvas.setFont(BOLD, 7.5)
        right = styles.PAGE[0] - styles.MARGIN_RIGHT
        canvas.drawRightString(right, FOOTER_Y, self.words("page_of", page=page, total=total))
        canvas.restoreState()

    # ---- running -----------------------------------------------------------------------------

    def document_info(self) -> dict[str, Any]:
        subtitle = self.subtitle()
        return {
            "title": f"{self.title()} — {subtitle}" if subtitle else self.title(),
            "author": self.context.generated_by,
            "subject": self.words(self.title_key),
            "keywords": self.keywords(),
            "creator": f"{APP_NAME} {__version__}",
            "lang": self.words.language.value,
        }

    def build(self, stream: BinaryIO) -> int:
        """Lay the story out into ``stream``; the page count."""
        frame = Frame(
            styles.MARGIN_LEFT,
            styles.MARGIN_BOTTOM,
            styles.TEXT_WIDTH,
            styles.PAGE[1] - styles.MARGIN_TOP - styles.MARGIN_BOTTOM,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        doc = BaseDocTemplate(
            stream,
            pagesize=styles.PAGE,
            pageTemplates=[PageTemplate("page", [frame], onPage=self.draw_page)],
            invariant=1 if self.invariant else 0,
            initialFontName=REGULAR,
            **self.document_info(),
        )
        canvases: list[NumberedCanvas] = []

        def make_canvas(*args: Any, **kwargs: Any) -> NumberedCanvas:
            canvases.append(NumberedCanvas(*args, stamp=self.draw_page_total, **kwargs))
            return canvases[-1]

        doc.build(self.story(), canvasmaker=make_canvas)
        return canvases[-1].total_pages

    def write(self, stream: BinaryIO) -> int:
        """Write the PDF into ``stream``; the page count."""
        self.pages = self.build(stream)
        return self.pages

    def render(self) -> RenderedReport:
        buffer = io.BytesIO()
        pages = self.write(buffer)
        return RenderedReport(buffer.getvalue(), pages, self.fingerprint)

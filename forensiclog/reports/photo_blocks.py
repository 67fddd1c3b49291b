"""Photos in a report: JPEG previews placed as they are, in grids of two or four to a page.

ReportLab re-encodes an image it is given as a picture object (about 2.5 times larger) and,
given an ``ImageReader``, decodes every pixel just to name it. ``JpegSource`` hands it the
preview's bytes instead: ReportLab reads the JPEG header and embeds the bytes untouched.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfutils import readJPEGInfo
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from forensiclog.domain.errors import InvalidInput
from forensiclog.domain.report_inputs import ReportPhoto
from forensiclog.reports import styles
from forensiclog.reports.markup import para_text
from forensiclog.reports.styles import Stylesheet

GAP = 6 * mm
CAPTION_ROOM = 16 * mm


class JpegSource:
    """JPEG bytes as ReportLab's image machinery expects a JPEG source to look."""

    def __init__(self, jpeg: bytes) -> None:
        self._jpeg = jpeg
        self.digest = hashlib.sha256(jpeg).hexdigest()
        self.width, self.height = jpeg_size(jpeg)

    def jpeg_fh(self) -> io.BytesIO:
        return io.BytesIO(self._jpeg)

    def __str__(self) -> str:
        # ReportLab names an image by this text and embeds each name once.
        return f"jpeg-{self.digest}"


def jpeg_size(jpeg: bytes) -> tuple[int, int]:
    """Width and height from the JPEG header; ValueError when it is not a JPEG PDF can carry."""
    try:
        width, height, components, _dpi = readJPEGInfo(io.BytesIO(jpeg))
    except Exception as error:  # noqa: BLE001 - ReportLab raises struct errors, PDFError, …
        raise ValueError(f"not a usable JPEG: {error}") from None
    if components not in (1, 3) or width < 1 or height < 1:
        raise ValueError("not a greyscale or RGB JPEG")
    return width, height


class JpegImage(Flowable):  # type: ignore[misc]  # ReportLab is untyped
    """A JPEG fitted into a ``box_width`` × ``box_height`` box, aspect ratio kept."""

    def __init__(self, source: JpegSource, box_width: float, box_height: float) -> None:
        super().__init__()
        self.source = source
        scale = min(box_width / source.width, box_height / source.height)
        self.width = source.width * scale
        self.height = source.height * scale

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.drawImage(self.source, 0, 0, self.width, self.height)


def photo_cell(
    photo: ReportPhoto,
    box: tuple[float, float],
    caption: Callable[[ReportPhoto], str],
    missing: str,
    sheet: Stylesheet,
) -> list[Any]:
    """The preview fitted to the box (or a note that it cannot be read) over its caption."""
    image: Any
    try:
        image = JpegImage(JpegSource(photo.jpeg), box[0], box[1])
    except ValueError:
        image = Paragraph(para_text(missing), sheet.warning)
    return [image, Spacer(1, 1.5 * mm), Paragraph(caption(photo), sheet.caption)]


def photo_rows(
    photos: Sequence[ReportPhoto],
    *,
    columns: int,
    box_height: float,
    caption: Callable[[ReportPhoto], str],
    missing: str,
    sheet: Stylesheet,
) -> list[Any]:
    """Photos in rows of ``columns``, each row one table so pages break between rows."""
    cell_width = (styles.TEXT_WIDTH - GAP * (columns - 1)) / columns
    rows = []
    for start in range(0, len(photos), columns):
        chunk = photos[start : start + columns]
        cells: list[Any] = [
            photo_cell(p, (cell_width, box_height), caption, missing, sheet) for p in chunk
        ]
        cells += ["" for _ in range(columns - len(chunk))]
        table = Table(
            [cells],
            colWidths=[cell_width + GAP] * (columns - 1) + [cell_width],
            rowHeights=[box_height + CAPTION_ROOM],
            hAlign="LEFT",
        )
        table.setStyle(
            styles.layout_commands(
                ("ALIGN", (0, 0), (-1, -1), "CENTER"), ("RIGHTPADDING", (0, 0), (-2, -1), GAP)
            )
        )
        rows.append(table)
    return rows


def grid_geometry(per_page: int) -> tuple[int, float]:
    """Columns and image-box height for two or four photos to a page."""
    if per_page not in (2, 4):
        raise InvalidInput("photos_per_page", f"{per_page} is not 2 or 4")
    usable = styles.PAGE[1] - styles.MARGIN_TOP - styles.MARGIN_BOTTOM - 14 * mm
    box_height = usable / 2 - CAPTION_ROOM
    if per_page == 2:
        return 1, min(box_height, 110 * mm)
    return 2, min(box_height, 95 * mm)

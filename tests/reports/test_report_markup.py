"""User text on its way into the PDF: escaped, capped, clipped, split."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

from forensiclog.reports.fonts import REGULAR, register_fonts
from forensiclog.reports.markup import (
    capped,
    clipped,
    first_lines,
    one_line,
    para_text,
    text_pieces,
)


def test_markup_is_escaped_and_line_breaks_kept() -> None:
    assert para_text("O'Neil <b>&amp; Co") == "O'Neil &lt;b&gt;&amp;amp; Co"
    assert para_text("one\r\ntwo\x07") == "one<br/>two "
    assert para_text(None) == ""


def test_capped_keeps_short_text_and_marks_a_cut() -> None:
    assert capped("short", 10) == "short"
    assert capped("x" * 20, 10) == "x" * 9 + "…"
    assert para_text("<" * 50, cap=5) == "&lt;&lt;&lt;&lt;…"


def test_lines_are_capped_too_and_a_cut_is_marked() -> None:
    # Found by the text-everywhere figure: 400 short lines passed the character cap and made a
    # table cell taller than a page (LayoutError).
    assert first_lines("a\nb\nc", 3) == "a\nb\nc"
    assert first_lines("a\nb \nc\nd", 2) == "a\nb…"
    assert para_text("ряд\n" * 400, cap=2000, lines=3) == "ряд<br/>ряд<br/>ряд…"


def test_clipped_fits_the_width() -> None:
    register_fonts()
    text = "Дуже довга бирка " * 10
    short = clipped(text, REGULAR, 8, 100)
    assert short.endswith("…") and stringWidth(short, REGULAR, 8) <= 100
    assert clipped("Б-1", REGULAR, 8, 100) == "Б-1"


def test_one_line_and_text_pieces() -> None:
    assert one_line(" a\n b\t c ") == "a b c"
    assert text_pieces("first <x>\nline\n\n\nsecond & last") == [
        ("first &lt;x&gt;", False),
        ("line", True),
        ("second &amp; last", True),
    ]


def test_a_long_line_is_cut_at_a_space_and_a_long_word_anywhere() -> None:
    words = text_pieces("ab " * 1000, piece=100)
    assert all(len(p) <= 100 for p, _ in words) and [e for _, e in words].count(True) == 1
    assert "".join(p + " " for p, _ in words).split() == ["ab"] * 1000
    assert [p for p, _ in text_pieces("Ж" * 250, piece=100)] == ["Ж" * 100, "Ж" * 100, "Ж" * 50]

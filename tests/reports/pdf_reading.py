"""Reading a rendered PDF back: its text per page (poppler's pdftotext), fonts, images, metadata."""

from __future__ import annotations

import io
import shutil
import subprocess
from typing import Any

import pytest
from pypdf import PdfReader

needs_pdftotext = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils missing"
)


def page_texts(pdf: bytes) -> list[str]:
    """The text of each page in the order it was drawn, as pdftotext reads it.

    ``-raw``: the default and ``-layout`` modes drop the spaces around "<", "&" and ">" in
    small type, which would hide exactly what the escaping tests look for.
    """
    done = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    )
    pages = done.stdout.decode("utf-8").split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def text(pdf: bytes) -> str:
    return "\n".join(page_texts(pdf))


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def font_names(pdf: bytes) -> set[str]:
    """The base names of every font any page uses (subset prefixes removed)."""
    names: set[str] = set()
    for page in reader(pdf).pages:
        resources: Any = page.get("/Resources") or {}
        fonts = resources.get_object().get("/Font")
        for ref in fonts.get_object().values() if fonts else ():
            base = str(ref.get_object().get("/BaseFont", ""))
            names.add(base.split("+", 1)[-1].lstrip("/"))
    return names


def images(pdf: bytes) -> list[tuple[str, bytes]]:
    """(filter, raw stream bytes) of every image XObject, each embedded object once."""
    found: dict[int, tuple[str, bytes]] = {}
    for page in reader(pdf).pages:
        resources: Any = page.get("/Resources") or {}
        xobjects = resources.get_object().get("/XObject")
        for ref in xobjects.get_object().values() if xobjects else ():
            item = ref.get_object()
            if item.get("/Subtype") == "/Image":
                found[ref.idnum] = (str(item.get("/Filter")), item.get_data())
    return list(found.values())

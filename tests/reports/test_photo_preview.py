"""Report previews: upright, small, JPEG, without EXIF; unreadable or oversized images refused."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from forensiclog.domain.errors import InvalidInput
from forensiclog.reports.photo_preview import PREVIEW_EDGE, preview_jpeg, preview_many


def camera_jpeg(width: int, height: int, orientation: int | None = None) -> bytes:
    image = Image.new("RGB", (width, height), "#405060")
    image.paste("#e0c040", (0, 0, width // 4, height // 4))  # a marker in the top-left corner
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    exif[0x8825] = {1: "N", 2: (50.0, 27.0, 0.0)}  # a GPS position, which must not leave
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90, exif=exif)
    return out.getvalue()


def test_a_sideways_photo_comes_out_upright_and_downscaled() -> None:
    preview = Image.open(io.BytesIO(preview_jpeg(camera_jpeg(4000, 3000, orientation=6))))
    assert preview.format == "JPEG"
    assert preview.size == (750, 1000) == (PREVIEW_EDGE * 3 // 4, PREVIEW_EDGE)
    # Orientation 6: the camera's top-left corner is now top-right.
    assert preview.getpixel((740, 10))[0] > 180 and preview.getpixel((10, 10))[0] < 120
    assert not preview.getexif()


def test_a_small_photo_is_not_enlarged() -> None:
    preview = Image.open(io.BytesIO(preview_jpeg(camera_jpeg(640, 480))))
    assert preview.size == (640, 480)


def test_other_formats_and_modes_become_rgb_jpeg() -> None:
    out = io.BytesIO()
    Image.new("RGBA", (300, 200), (10, 20, 30, 128)).save(out, "PNG")
    preview = Image.open(io.BytesIO(preview_jpeg(out.getvalue())))
    assert preview.format == "JPEG" and preview.mode == "RGB"


def test_not_an_image_is_refused() -> None:
    with pytest.raises(InvalidInput, match="cannot be read as an image"):
        preview_jpeg(b"%PDF-1.4 not a photo")


def test_a_picture_claiming_too_many_pixels_is_refused_before_decoding() -> None:
    out = io.BytesIO()
    Image.new("1", (10_000, 10_000)).save(out, "PNG")
    with pytest.raises(InvalidInput, match="too large"):
        preview_jpeg(out.getvalue())


def test_many_previews_keep_their_order() -> None:
    sizes = [(400, 300), (300, 400), (1200, 600)]
    previews = preview_many([camera_jpeg(w, h) for w, h in sizes])
    assert [Image.open(io.BytesIO(p)).size for p in previews] == [
        (400, 300),
        (300, 400),
        (1000, 500),
    ]

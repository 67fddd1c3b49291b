"""Report previews of photos: downscaled, turned upright, re-encoded as small JPEG bytes.

A 12-megapixel original is ~2–4 MB; twenty of them in a case report must stay under 3 MB and
take under two seconds. ``Image.thumbnail`` lets the JPEG decoder decode at 1/2…1/8 scale
(draft mode) — it runs before ``exif_transpose``, which would otherwise decode every pixel —
and ``reducing_gap=1`` lets it pick the smallest scale still at least ``edge`` long: a
4000-pixel original is decoded at 1/4 (1000 px), about three times faster than at 1/2.
PDF ignores EXIF orientation, so the pixels are rotated here. The preview carries no EXIF
(no GPS position leaves in a report). Originals are never changed.
"""

from __future__ import annotations

import io
import os
import warnings
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

from PIL import Image, ImageOps, UnidentifiedImageError

from forensiclog.domain.errors import InvalidInput

# 1000 px on the long side: 300 dpi in the four-to-a-page grid (84 mm wide), 150 dpi in the
# two-to-a-page grid (170 mm); a quarter of a 12 MP camera's 4000 px, so draft decoding applies.
PREVIEW_EDGE = 1000
PREVIEW_QUALITY = 78
# Refuse before decoding: a tiny file may claim a huge picture (decompression bomb).
MAX_PIXELS = 80_000_000


def preview_jpeg(
    original: bytes, *, edge: int = PREVIEW_EDGE, quality: int = PREVIEW_QUALITY
) -> bytes:
    """``original`` (any image Pillow reads) as an upright JPEG at most ``edge`` px long."""
    try:
        with _opened(original) as image:
            if image.width * image.height > MAX_PIXELS:
                raise _too_large(image.width, image.height)
            image.thumbnail((edge, edge), reducing_gap=1.0)
            upright = ImageOps.exif_transpose(image)
            if upright.mode not in ("RGB", "L"):
                upright = upright.convert("RGB")
            out = io.BytesIO()
            upright.save(out, "JPEG", quality=quality)
            return out.getvalue()
    except (UnidentifiedImageError, OSError) as error:
        raise InvalidInput("photo", f"cannot be read as an image: {error}") from None


def _opened(original: bytes) -> Image.Image:
    """The image, opened lazily; Pillow's decompression-bomb warning becomes a refusal."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            return Image.open(io.BytesIO(original))
        except (Image.DecompressionBombWarning, Image.DecompressionBombError):
            raise _too_large() from None


def _too_large(width: int | None = None, height: int | None = None) -> InvalidInput:
    size = f"{width}×{height} pixels" if width and height else "the picture"
    return InvalidInput("photo", f"{size} is too large to decode safely")


def preview_many(
    originals: Sequence[bytes], *, edge: int = PREVIEW_EDGE, quality: int = PREVIEW_QUALITY
) -> list[bytes]:
    """Previews of many photos, in order; Pillow decodes outside the GIL, so threads help."""
    workers = max(1, min(len(originals), os.cpu_count() or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(
            pool.map(lambda data: preview_jpeg(data, edge=edge, quality=quality), originals)
        )

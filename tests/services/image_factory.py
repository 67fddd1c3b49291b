"""Photo files for tests, made with Pillow: ordinary ones, awkward ones and hostile ones."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

from PIL import ExifTags, Image

TAKEN = "2024:05:17 14:03:22"
# Kyiv, written as degrees, minutes, seconds: 50°27'0.36" N, 30°31'24.24" E.
GPS_DMS = ((50.0, 27.0, 0.36), (30.0, 31.0, 24.24))


def _scene(size: tuple[int, int], mode: str = "RGB") -> Image.Image:
    """A picture whose top-left quarter is red, so a rotation can be seen in the pixels."""
    image = Image.new("RGB", size, (40, 90, 200))
    image.paste((220, 30, 30), (0, 0, size[0] // 2, size[1] // 2))
    return image.convert(mode)


def exif_block(
    orientation: int = 6,
    taken: str | None = TAKEN,
    gps: tuple[tuple[float, ...], tuple[float, ...]] | None = GPS_DMS,
    refs: tuple[str, str] = ("N", "E"),
) -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    if taken:
        exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.DateTimeOriginal] = taken
    if gps:
        place = exif.get_ifd(ExifTags.IFD.GPSInfo)
        place[1], place[2], place[3], place[4] = refs[0], gps[0], refs[1], gps[1]
    return exif


def jpeg_with_exif(path: Path, size: tuple[int, int] = (400, 300), **exif: object) -> Path:
    """A JPEG stored landscape with EXIF orientation 6 (shown portrait), a date and a place."""
    _scene(size).save(path, "JPEG", quality=90, exif=exif_block(**exif))  # type: ignore[arg-type]
    return path


def plain(path: Path, fmt: str, size: tuple[int, int] = (320, 200), mode: str = "RGB") -> Path:
    _scene(size, mode).save(path, fmt)
    return path


def cmyk_jpeg(path: Path) -> Path:
    return plain(path, "JPEG", mode="CMYK")


def png16(path: Path, size: tuple[int, int] = (256, 64)) -> Path:
    """A 16-bit greyscale ramp from black to white, left to right."""
    image = Image.new("I;16", size)
    ramp = [x * 65535 // (size[0] - 1) for x in range(size[0])]
    image.putdata(ramp * size[1])
    image.save(path, "PNG")
    return path


def rgba_png(path: Path) -> Path:
    image = Image.new("RGBA", (200, 100), (0, 0, 0, 0))
    image.paste((0, 0, 255, 255), (0, 0, 100, 100))
    image.save(path, "PNG")
    return path


def animated_gif(path: Path) -> Path:
    frames = [Image.new("P", (120, 80), colour) for colour in (1, 2, 3)]
    frames[0].save(path, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    return path


def truncated_jpeg(path: Path) -> Path:
    buffer = io.BytesIO()
    Image.effect_noise((640, 480), 60).convert("RGB").save(buffer, "JPEG", quality=90)
    data = buffer.getvalue()
    path.write_bytes(data[: len(data) * 2 // 3])
    return path


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_claiming(path: Path, width: int, height: int) -> Path:
    """A few dozen bytes whose header claims ``width`` × ``height`` greyscale pixels."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    data = b"".join(
        (
            b"\x89PNG\r\n\x1a\n",
            _png_chunk(b"IHDR", header),
            _png_chunk(b"IDAT", zlib.compress(b"\0" * 16)),
            _png_chunk(b"IEND", b""),
        )
    )
    path.write_bytes(data)
    return path


def empty_file(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def text_named_jpg(path: Path) -> Path:
    path.write_text("this is a shopping list, not a photograph\n", encoding="utf-8")
    return path


def jpeg_with_corrupt_exif(path: Path) -> Path:
    """A sound JPEG whose EXIF block declares more entries than it holds."""
    broken = b"Exif\x00\x00MM\x00\x2a\x00\x00\x00\x08\x00\x05\xff\xff\xff\xff" + b"\x00" * 7
    _scene((200, 150)).save(path, "JPEG", exif=broken + b"garbage")
    return path


def corrupt_png(path: Path) -> Path:
    """A PNG whose header is intact and whose compressed pixel data is damaged.

    (A JPEG damaged the same way is not refused: libjpeg recovers from bad entropy data and
    Pillow does not report its warnings, so only a truncated JPEG is caught.)
    """
    buffer = io.BytesIO()
    Image.effect_noise((320, 240), 50).save(buffer, "PNG")
    data = bytearray(buffer.getvalue())
    start = data.index(b"IDAT") + 60
    data[start : start + 100] = bytes(100)
    path.write_bytes(bytes(data))
    return path

"""Hand-made hostile bytes for the photo pipeline: headers claiming huge sizes in tiny files,
EXIF blocks with bad offsets, loops and huge counts, and files that are not images at all."""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Iterator

from PIL import Image

Forgery = tuple[str, str, bytes]  # (label, extension, bytes)


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(width: int, height: int, idat: bytes, depth: int = 8, colour: int = 0) -> bytes:
    header = struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, 0)
    return b"".join(
        (
            b"\x89PNG\r\n\x1a\n",
            png_chunk(b"IHDR", header),
            png_chunk(b"IDAT", idat),
            png_chunk(b"IEND", b""),
        )
    )


def _small_jpeg(**options: object) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (90, 120, 200)).save(out, "JPEG", **options)
    return out.getvalue()


def _patch_sof(data: bytes, width: int, height: int) -> bytes:
    """The JPEG with its frame header (SOF0 or SOF2) claiming ``width`` × ``height``."""
    out = bytearray(data)
    for marker in (b"\xff\xc0", b"\xff\xc2"):
        at = out.find(marker)
        if at >= 0:
            out[at + 5 : at + 9] = struct.pack(">HH", height, width)
            return bytes(out)
    raise ValueError("no frame header")


def _tiff_claiming(width: int, height: int) -> bytes:
    entries = [
        (256, 4, 1, width),  # ImageWidth
        (257, 4, 1, height),  # ImageLength
        (258, 3, 1, 8),  # BitsPerSample
        (259, 3, 1, 1),  # no compression
        (262, 3, 1, 1),  # black is zero
        (273, 4, 1, 8 + 2 + 12 * 8 + 4),  # StripOffsets: just after the IFD
        (278, 4, 1, height),  # RowsPerStrip
        (279, 4, 1, 16),  # StripByteCounts: 16 bytes where billions are claimed
    ]
    ifd = struct.pack("<H", len(entries))
    ifd += b"".join(struct.pack("<HHII", *entry) for entry in entries) + struct.pack("<I", 0)
    return b"II*\x00" + struct.pack("<I", 8) + ifd + bytes(16)


def _gif_claiming(screen: tuple[int, int], frame: tuple[int, int]) -> bytes:
    head = b"GIF89a" + struct.pack("<HHBBB", *screen, 0x80, 0, 0) + bytes(6)
    descriptor = b"," + struct.pack("<HHHHB", 0, 0, *frame, 0)
    return head + descriptor + b"\x02\x02\x44\x01\x00;"


def _webp_claiming(width: int, height: int) -> bytes:
    canvas = struct.pack("<I", 0)[:1] + bytes(3)
    size = (width - 1).to_bytes(3, "little") + (height - 1).to_bytes(3, "little")
    vp8x = b"VP8X" + struct.pack("<I", 10) + canvas + size
    return b"RIFF" + struct.pack("<I", 4 + len(vp8x)) + b"WEBP" + vp8x


def huge_dimensions() -> Iterator[Forgery]:
    """Files of a few dozen bytes whose headers claim far more pixels than may be decoded."""
    idat = zlib.compress(b"\0" * 16)
    for width, height in ((10_000, 10_000), (10_000, 8_001), (65_535, 65_535), (20_000, 20_000)):
        yield f"png-{width}x{height}", "png", png(width, height, idat)
    yield "png-2^31-1-wide", "png", png(2**31 - 1, 1, idat)
    yield "png-2^31-1-tall", "png", png(1, 2**31 - 1, idat)
    yield "png-0x0", "png", png(0, 0, idat)
    yield "png-16bit-rgba-9000", "png", png(9000, 9000, idat, depth=16, colour=6)
    # Just under the pixel cap, but with no pixel data: decoding must fail, not exhaust memory.
    yield "png-8944x8944-empty", "png", png(8944, 8944, idat, colour=2)
    baseline, progressive = _small_jpeg(), _small_jpeg(progressive=True)
    yield "jpeg-sof-65535x65535", "jpg", _patch_sof(baseline, 65_535, 65_535)
    yield "jpeg-progressive-65535x65535", "jpg", _patch_sof(progressive, 65_535, 65_535)
    yield "jpeg-sof-0x0", "jpg", _patch_sof(baseline, 0, 0)
    yield "jpeg-sof-9000x9000", "jpg", _patch_sof(baseline, 9000, 9000)
    yield "tiff-100000x100000", "tif", _tiff_claiming(100_000, 100_000)
    yield "tiff-4294967295x1", "tif", _tiff_claiming(2**32 - 1, 1)
    yield "gif-screen-65535x65535", "gif", _gif_claiming((65_535, 65_535), (1, 1))
    yield "gif-frame-65535x65535", "gif", _gif_claiming((16, 16), (65_535, 65_535))
    yield "webp-canvas-16777216", "webp", _webp_claiming(2**24, 2**24)
    yield "webp-canvas-16384x16384", "webp", _webp_claiming(16_384, 16_384)


# -- EXIF ------------------------------------------------------------------------------------


def _ifd(entries: list[tuple[int, int, int, int]], next_offset: int = 0) -> bytes:
    body = b"".join(struct.pack(">HHII", *entry) for entry in entries)
    return struct.pack(">H", len(entries)) + body + struct.pack(">I", next_offset)


def _tiff_block(ifd0: bytes, tail: bytes = b"") -> bytes:
    return b"MM\x00\x2a" + struct.pack(">I", 8) + ifd0 + tail


def exif_blocks() -> Iterator[tuple[str, bytes]]:
    """TIFF-structured EXIF payloads (after ``Exif\\0\\0``) that are wrong in every way."""
    yield "ifd0-offset-past-end", b"MM\x00\x2a" + struct.pack(">I", 0x7FFFFFF0)
    yield "ifd0-loops-to-itself", _tiff_block(_ifd([(0x0112, 3, 1, 6 << 16)], next_offset=8))
    yield "exif-ifd-points-to-ifd0", _tiff_block(_ifd([(0x8769, 4, 1, 8)]))
    yield "gps-ifd-points-to-ifd0", _tiff_block(_ifd([(0x8825, 4, 1, 8)]))
    yield "gps-ifd-past-end", _tiff_block(_ifd([(0x8825, 4, 1, 0x00FFFFFF)]))
    yield "entry-count-65535", b"MM\x00\x2a" + struct.pack(">IH", 8, 0xFFFF) + bytes(30)
    yield "count-4294967295", _tiff_block(_ifd([(0x010F, 2, 0xFFFFFFFF, 26)]))
    yield "long-count-huge", _tiff_block(_ifd([(0x0111, 4, 0x40000000, 26)]))
    yield "type-0", _tiff_block(_ifd([(0x0112, 0, 1, 0)]))
    yield "type-99", _tiff_block(_ifd([(0x0112, 99, 1, 0)]))
    yield "orientation-0", _tiff_block(_ifd([(0x0112, 3, 1, 0)]))
    yield "orientation-65535", _tiff_block(_ifd([(0x0112, 3, 1, 0xFFFF << 16)]))
    yield "orientation-as-text", _tiff_block(_ifd([(0x0112, 2, 4, 0x36360000)]))
    date = b"9999:99:99 99:99:99\x00"
    yield (
        "date-garbage",
        _tiff_block(_ifd([(0x0132, 2, len(date), 26)]), date),
    )
    raw = "\udcff".encode("utf-8", "surrogatepass") + b"\xff\xfe" * 10 + b"\x00"
    yield "date-not-ascii", _tiff_block(_ifd([(0x0132, 2, len(raw), 26)]), raw)
    # IFD0 (18 bytes) ends at 26, the GPS IFD (42 bytes) at 68, where its rationals start.
    gps = _ifd([(1, 2, 2, 0x4E000000), (2, 5, 3, 68), (3, 2, 2, 0x45000000)])
    zero = struct.pack(">6I", 50, 0, 27, 0, 0, 0)
    yield "gps-zero-denominators", _tiff_block(_ifd([(0x8825, 4, 1, 26)]), gps + zero)
    yield "bad-byte-order", b"XX\x00\x2a" + struct.pack(">I", 8) + _ifd([(0x0112, 3, 1, 0)])
    yield "empty", b""
    yield "just-the-header", b"MM\x00\x2a"
    yield "ifd0-offset-0", b"MM\x00\x2a\x00\x00\x00\x00"


def jpeg_with_exif(payload: bytes) -> bytes:
    """A sound JPEG carrying ``payload`` as its EXIF block."""
    out = io.BytesIO()
    Image.new("RGB", (120, 90), (200, 60, 40)).save(out, "JPEG", exif=b"Exif\x00\x00" + payload)
    return out.getvalue()


def png_with_exif(payload: bytes) -> bytes:
    """A sound PNG with ``payload`` as its eXIf chunk, placed before the pixel data."""
    out = io.BytesIO()
    Image.new("RGB", (120, 90), (40, 160, 60)).save(out, "PNG")
    data = out.getvalue()
    at = data.index(b"IDAT") - 4
    return data[:at] + png_chunk(b"eXIf", payload) + data[at:]


def corrupt_exif() -> Iterator[Forgery]:
    for label, payload in exif_blocks():
        yield f"exif-{label}", "jpg", jpeg_with_exif(payload)
        yield f"png-exif-{label}", "png", png_with_exif(payload)
    many = b"".join(
        b"\xff\xe1" + struct.pack(">H", 2 + 6 + 8) + b"Exif\x00\x00" + b"MM\x00\x2a\x00\x00\x00\x08"
        for _ in range(500)
    )
    sound = jpeg_with_exif(b"MM\x00\x2a\x00\x00\x00\x08\x00\x00\x00\x00\x00\x00")
    yield "exif-500-app1-segments", "jpg", sound[:2] + many + sound[2:]


# -- not images ------------------------------------------------------------------------------


def not_images() -> Iterator[Forgery]:
    yield "zero-bytes", "jpg", b""
    yield "one-byte", "jpg", b"\xff"
    yield "whitespace", "png", b" \n\t " * 10
    yield "text", "jpg", "список покупок, не фотографія\n".encode()
    yield "utf16-text", "png", "not a photo".encode("utf-16")
    yield "html", "jpg", b"<!doctype html><img src=x onerror=alert(1)>"
    yield (
        "svg",
        "jpg",
        b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg>&x;</svg>',
    )
    yield "json", "png", b'{"photo": true}'
    yield "pdf", "jpg", b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    yield "zip", "jpg", b"PK\x05\x06" + bytes(18)
    yield "elf", "png", b"\x7fELF\x02\x01\x01" + bytes(57)
    yield "windows-exe", "jpg", b"MZ" + bytes(62) + b"PE\x00\x00"
    yield "shell-script", "jpg", b"#!/bin/sh\ntouch /tmp/forensiclog-pwned\n"
    # Pillow would hand an EPS to Ghostscript, which runs it: it must never be opened as one.
    eps = b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\n(/tmp/forensiclog-pwned) (w) file\n"
    yield "eps-with-payload", "jpg", eps
    yield "eps-binary-header", "eps", b"\xc5\xd0\xd3\xc6" + bytes(28) + eps
    yield "bmp", "jpg", _saved("BMP")
    yield "ico", "png", _saved("ICO")
    yield "ppm", "jpg", _saved("PPM")
    yield "pcx", "jpg", _saved("PCX")
    yield "tga", "jpg", _saved("TGA")
    yield "psd-signature", "jpg", b"8BPS\x00\x01" + bytes(20)
    yield "jpeg2000-signature", "jpg", b"\x00\x00\x00\x0cjP  \r\n\x87\n" + bytes(20)
    yield "heic-ftyp", "heic", b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(16)
    yield "avif-ftyp", "jpg", b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf" + bytes(8)
    yield "gif-signature-only", "gif", b"GIF89a"
    yield "png-signature-only", "png", b"\x89PNG\r\n\x1a\n"
    yield "jpeg-soi-only", "jpg", b"\xff\xd8"
    yield "jpeg-soi-eoi", "jpg", b"\xff\xd8\xff\xd9"
    yield "webp-riff-only", "webp", b"RIFF\x04\x00\x00\x00WEBP"
    yield "tiff-header-only", "tif", b"II*\x00\x08\x00\x00\x00"


def _saved(kind: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (32, 32), (10, 200, 30)).save(out, kind)
    return out.getvalue()


def bombs() -> Iterator[Forgery]:
    """Small files that decompress to a lot: text and profile chunks, and big real images."""
    flood = zeros_deflated(64 << 20)
    sound = io.BytesIO()
    Image.new("RGB", (40, 30), (1, 2, 3)).save(sound, "PNG")
    data = sound.getvalue()
    at = data.index(b"IDAT") - 4
    ztxt = png_chunk(b"zTXt", b"Comment\x00\x00" + flood)
    iccp = png_chunk(b"iCCP", b"icc\x00\x00" + flood)
    itxt = png_chunk(b"iTXt", b"Comment\x00\x01\x00\x00\x00" + flood)
    yield "png-ztxt-64MiB", "png", data[:at] + ztxt + data[at:]
    yield "png-iccp-64MiB", "png", data[:at] + iccp + data[at:]
    yield "png-itxt-64MiB", "png", data[:at] + itxt + data[at:]
    # Real pixels, within the cap: they must decode within the memory cap and be imported.
    pixels = zeros_deflated((1 + 8000 * 3) * 8000)
    yield "png-8000x8000-rgb-zeros", "png", png(8000, 8000, pixels, colour=2)
    yield "png-idat-longer-than-image", "png", png(16, 16, zeros_deflated(64 << 20))


def zeros_deflated(size: int) -> bytes:
    """``size`` zero bytes, zlib-compressed, without holding them in memory."""
    packer, block, out = zlib.compressobj(9), bytes(1 << 20), []
    for start in range(0, size, len(block)):
        out.append(packer.compress(block[: min(len(block), size - start)]))
    out.append(packer.flush())
    return b"".join(out)

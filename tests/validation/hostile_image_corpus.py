"""The hostile-image corpus: sound photos of every awkward kind, each cut short at many offsets,
garbled, renamed, and joined by forged headers, broken EXIF, bombs and files that are not
images. Generated from a seed into a folder; the same seed gives the same bytes."""

from __future__ import annotations

import io
import os
import random
import struct
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from tests.validation.hostile_image_forgery import (
    Forgery,
    bombs,
    corrupt_exif,
    huge_dimensions,
    not_images,
    png,
)

IMPORT, REFUSE, EITHER = "import", "refuse", "either"


@dataclass(frozen=True)
class Specimen:
    """One file of the corpus: what it is, and what the import must do with it."""

    name: str
    family: str
    expect: str
    data: bytes | None = None  # None: a special file (see ``special_files``)


def _scene(size: tuple[int, int], seed: int) -> Image.Image:
    """A picture with noise (so it compresses like a photo) and a red top-left quarter."""
    noise = Image.effect_noise(size, 40 + seed % 30).convert("RGB")
    base = Image.new("RGB", size, (40 + seed % 150, 90, 200))
    picture = Image.blend(base, noise, 0.35)
    picture.paste((220, 30, 30), (0, 0, size[0] // 2, size[1] // 2))
    return picture


def _save(image: Image.Image, kind: str, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, kind, **options)
    return out.getvalue()


def _exif(orientation: int) -> Image.Exif:
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif.get_ifd(0x8769)[0x9003] = "2024:05:17 14:03:22"
    return exif


def _ycck(cmyk_jpeg: bytes) -> bytes:
    """A CMYK JPEG relabelled YCCK (Adobe APP14 transform 2), as some scanners write them."""
    at = cmyk_jpeg.find(b"Adobe")
    if at < 0:
        raise ValueError("Pillow wrote no Adobe segment")
    data = bytearray(cmyk_jpeg)
    data[at + 11] = 2
    return bytes(data)


def _png16_rgb(size: tuple[int, int]) -> bytes:
    width, height = size
    row = b"".join(struct.pack(">HHH", x * 257, 65535 - x * 257, 30000) for x in range(width))
    return png(width, height, zlib.compress((b"\0" + row) * height), depth=16, colour=2)


def _frames(count: int, size: tuple[int, int]) -> list[Image.Image]:
    return [Image.new("P", size, index % 200) for index in range(count)]


def _animated(kind: str, count: int, size: tuple[int, int], **options: object) -> bytes:
    frames = _frames(count, size) if kind == "GIF" else [_scene(size, i) for i in range(count)]
    return _save(frames[0], kind, save_all=True, append_images=frames[1:], duration=40, **options)


def _sound_photos() -> Iterator[tuple[str, str, Callable[[], bytes]]]:
    """(label, extension, maker) of every awkward but sound kind of photo."""
    s = (160, 120)
    yield "jpeg-baseline", "jpg", lambda: _save(_scene(s, 1), "JPEG", quality=88, exif=_exif(1))
    yield "jpeg-progressive", "jpg", lambda: _save(_scene(s, 2), "JPEG", progressive=True)
    yield "jpeg-cmyk", "jpg", lambda: _save(_scene(s, 3).convert("CMYK"), "JPEG")
    yield "jpeg-ycck", "jpg", lambda: _ycck(_save(_scene(s, 4).convert("CMYK"), "JPEG"))
    yield "jpeg-grey", "jpg", lambda: _save(_scene(s, 5).convert("L"), "JPEG")
    yield "jpeg-444", "jpg", lambda: _save(_scene(s, 6), "JPEG", subsampling=0)
    for turn in (3, 6, 8):
        yield (
            f"jpeg-orientation-{turn}",
            "jpg",
            lambda t=turn: _save(  # type: ignore[misc]
                _scene((200, 100), 7 + t), "JPEG", exif=_exif(t)
            ),
        )
    yield (
        "mpo",
        "jpg",
        lambda: _save(_scene(s, 11), "MPO", save_all=True, append_images=[_scene(s, 12)]),
    )
    yield "png-rgb", "png", lambda: _save(_scene(s, 13), "PNG")
    yield "png-rgba", "png", lambda: _save(_scene(s, 14).convert("RGBA"), "PNG")
    yield "png-palette", "png", lambda: _save(_scene(s, 15).convert("P"), "PNG")
    yield (
        "png-palette-transparent",
        "png",
        lambda: _save(_scene(s, 16).convert("P"), "PNG", transparency=0),
    )
    yield "png-grey-alpha", "png", lambda: _save(_scene(s, 17).convert("LA"), "PNG")
    yield "png-1bit", "png", lambda: _save(_scene(s, 18).convert("1"), "PNG")
    yield "png-16bit-grey", "png", lambda: _save(_scene(s, 19).convert("I;16"), "PNG")
    yield "png-16bit-rgb", "png", lambda: _png16_rgb((64, 48))
    yield "tiff-raw", "tif", lambda: _save(_scene(s, 20), "TIFF")
    yield "tiff-lzw", "tif", lambda: _save(_scene(s, 21), "TIFF", compression="tiff_lzw")
    yield (
        "tiff-deflate",
        "tif",
        lambda: _save(_scene(s, 22), "TIFF", compression="tiff_adobe_deflate"),
    )
    yield "tiff-jpeg", "tif", lambda: _save(_scene(s, 23), "TIFF", compression="jpeg")
    yield "tiff-cmyk", "tif", lambda: _save(_scene(s, 24).convert("CMYK"), "TIFF")
    yield "tiff-16bit", "tif", lambda: _save(_scene(s, 25).convert("I;16"), "TIFF")
    yield "tiff-float", "tif", lambda: _save(_scene(s, 26).convert("F"), "TIFF")
    yield (
        "tiff-pages",
        "tif",
        lambda: _save(_scene(s, 27), "TIFF", save_all=True, append_images=[_scene(s, 28)] * 3),
    )
    yield "gif", "gif", lambda: _save(_scene(s, 29).convert("P"), "GIF")
    yield "gif-transparent", "gif", lambda: _save(_scene(s, 30).convert("P"), "GIF", transparency=3)
    yield "gif-animated", "gif", lambda: _animated("GIF", 5, s, loop=0)
    yield "gif-2000-frames", "gif", lambda: _animated("GIF", 2000, (8, 8))
    yield "webp-lossy", "webp", lambda: _save(_scene(s, 31), "WEBP", quality=80)
    yield "webp-lossless", "webp", lambda: _save(_scene(s, 32), "WEBP", lossless=True)
    yield "webp-alpha", "webp", lambda: _save(_scene(s, 33).convert("RGBA"), "WEBP")
    yield "webp-animated", "webp", lambda: _animated("WEBP", 4, s)
    if _heif_writer():
        yield "heic", "heic", lambda: _save(_scene(s, 34), "HEIF")


def _heif_writer() -> bool:
    """Phones shoot HEIC; it is made (and must import) where the optional pillow_heif is."""
    try:
        import pillow_heif
    except ImportError:
        return False
    pillow_heif.register_heif_opener()
    return True


def _truncation_offsets(size: int, rng: random.Random, count: int) -> list[int]:
    early = [1, 2, 3, 4, 6, 8, 12, 16, 20, 24, 32, 48, 64, 100, 128, 200, 256, 512]
    spread = [size * k // count for k in range(1, count)]
    late = [size - 1, size - 2, size - 3, size - 8, size - 32]
    picked = {o for o in early + spread + late if 0 < o < size}
    picked |= {rng.randrange(1, size) for _ in range(4)}
    return sorted(picked)


def _garbled(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    how = rng.randrange(4)
    if how == 0:  # a few bytes set at random
        for _ in range(rng.randint(1, 8)):
            out[rng.randrange(len(out))] = rng.randrange(256)
    elif how == 1:  # a run zeroed
        at, length = rng.randrange(len(out)), rng.randint(4, 64)
        out[at : at + length] = bytes(len(out[at : at + length]))
    elif how == 2:  # a run repeated
        at, length = rng.randrange(len(out)), rng.randint(4, 200)
        out[at:at] = out[at : at + length] * rng.randint(2, 20)
    else:  # bytes inserted
        at = rng.randrange(len(out))
        out[at:at] = rng.randbytes(rng.randint(1, 300))
    return bytes(out)


WRONG_EXTENSIONS = ("png", "gif", "txt", "", "JPG", "heic")


def specimens(seed: int, truncations: int = 20, garblings: int = 12) -> Iterator[Specimen]:
    """The whole corpus: about 2,200 files with the defaults."""
    rng = random.Random(seed)
    for label, extension, make in _sound_photos():
        data = make()
        yield Specimen(f"{label}.{extension}", "sound", IMPORT, data)
        for other in WRONG_EXTENSIONS:
            dot = f".{other}" if other else ""
            yield Specimen(f"{label}-as{dot or '-none'}{dot}", "wrong extension", IMPORT, data)
        for offset in _truncation_offsets(len(data), rng, truncations):
            yield Specimen(f"{label}-cut-{offset}.{extension}", "truncated", EITHER, data[:offset])
        for index in range(garblings):
            garbled = _garbled(data, rng)
            yield Specimen(f"{label}-garbled-{index}.{extension}", "garbled", EITHER, garbled)
    yield from _forged(huge_dimensions(), "huge dimensions", REFUSE)
    yield from _forged(corrupt_exif(), "corrupt EXIF", IMPORT)
    yield from _forged(not_images(), "not an image", REFUSE)
    for label, extension, data in bombs():
        expect = IMPORT if label.startswith("png-8000") else EITHER
        yield Specimen(f"{label}.{extension}", "bomb", expect, data)
    for name in SPECIAL_FILES:
        yield Specimen(name, "special file", REFUSE)


def _forged(items: Iterator[Forgery], family: str, expect: str) -> Iterator[Specimen]:
    for label, extension, data in items:
        yield Specimen(f"{label}.{extension}", family, expect, data)


def quick_sample(corpus: list[Specimen]) -> list[Specimen]:
    """A few of every family, for ``make test``: every sound kind once, the rest sampled."""
    keep: list[Specimen] = []
    seen: dict[str, int] = {}
    step = {"sound": 3, "wrong extension": 40, "truncated": 60, "garbled": 60, "bomb": 2}
    for specimen in corpus:
        index = seen.get(specimen.family, 0)
        seen[specimen.family] = index + 1
        if "8000x8000" in specimen.name:
            continue  # seconds of decoding: the full run has it
        if index % step.get(specimen.family, 4) == 0:
            keep.append(specimen)
    return keep


# A named pipe would block a reader forever; the others are not regular files either.
SPECIAL_FILES = ("named-pipe.jpg", "folder.jpg", "dangling-link.jpg", "link-to-dev-zero.jpg")


def write(corpus: list[Specimen], folder: Path) -> list[Path]:
    """Write the corpus into ``folder``; special files are made as what they are named."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for specimen in corpus:
        path = folder / specimen.name
        if specimen.data is not None:
            path.write_bytes(specimen.data)
        else:
            _special(path)
        paths.append(path)
    return paths


def _special(path: Path) -> None:
    if path.name.startswith("named-pipe"):
        os.mkfifo(path)
    elif path.name.startswith("folder"):
        path.mkdir()
    elif path.name.startswith("dangling"):
        path.symlink_to(path.with_name("nothing-here.jpg"))
    else:
        path.symlink_to("/dev/zero")

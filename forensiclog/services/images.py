"""Photo inspection and derivation with Pillow: refuse hostile files, read EXIF, shrink to JPEG."""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import datetime as dt
import functools
import io
import math
import os
import stat
import struct
import tempfile
import warnings
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Protocol

from PIL import ExifTags, Image, UnidentifiedImageError

from forensiclog.domain.errors import EnvironmentProblem, InvalidInput, Refusal

if TYPE_CHECKING:
    from forensiclog.services.photo_store import PhotoStore, StoredOriginal

# Our own cap, checked before decoding. It sits below Pillow's MAX_IMAGE_PIXELS (~89 MP) so the
# refusal does not depend on how the process filters warnings; 80 MP still admits 50 MP phone
# shots and 61 MP full-frame cameras. An 80 MP RGB image decodes to ~240 MB.
MAX_PIXELS = 80_000_000
THUMBNAIL_SIDE = 256
PREVIEW_SIDE = 1600
DECODER_BLOCK = 4 << 20

# Pillow only warns about a decompression bomb below twice its limit; as an error it reaches
# the refusal below. Set once at import, because warnings.catch_warnings is not thread-safe.
warnings.filterwarnings("error", category=Image.DecompressionBombWarning)
# A corrupt EXIF block is common and harmless here (it only costs the date): Pillow's warning
# about it would reach the log once per photo.
warnings.filterwarnings("ignore", message=r"(Possibly c|C)orrupt EXIF data", category=UserWarning)

# Only these parsers run on user files: Image.open would otherwise also try formats such as
# EPS, whose loader runs Ghostscript.
_FORMATS = ("JPEG", "PNG", "TIFF", "WEBP", "GIF")
_MEDIA_TYPES = {
    "JPEG": "image/jpeg",
    "MPO": "image/jpeg",  # a JPEG with extra pictures (depth maps); Pillow names it MPO
    "PNG": "image/png",
    "TIFF": "image/tiff",
    "WEBP": "image/webp",
    "GIF": "image/gif",
    "HEIF": "image/heic",
}
_DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, IndexError, struct.error, zlib.error)
_EXIF_ERRORS = (*_DECODE_ERRORS, KeyError, TypeError, ZeroDivisionError, Warning)
_UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
_DATE_ORIGINAL, _OFFSET_ORIGINAL, _DATE = 0x9003, 0x9011, 0x0132


@dataclass(frozen=True)
class ImageInfo:
    """What a photo file is: its kind, pixel size as stored, EXIF date, place and orientation."""

    media_type: str
    width: int
    height: int
    taken_at: dt.datetime | None = None
    gps: tuple[float, float] | None = None
    orientation: int = 1

    @property
    def upright_size(self) -> tuple[int, int]:
        """Width and height as shown, once the EXIF orientation is applied."""
        turned = self.orientation in (5, 6, 7, 8)
        return (self.height, self.width) if turned else (self.width, self.height)


def _refuse(name: str, reason: str) -> InvalidInput:
    return InvalidInput("photo", reason, where=name)


@functools.cache
def _heif_opener_registered() -> bool:
    try:
        import pillow_heif  # an optional extra (GPL wheels), registered on first use
    except ImportError:
        return False
    pillow_heif.register_heif_opener()
    return True


def accepted_formats() -> tuple[str, ...]:
    return (*_FORMATS, "HEIF") if _heif_opener_registered() else _FORMATS


def _open(fp: BinaryIO, name: str) -> Image.Image:
    if fp.seek(0, os.SEEK_END) == 0:
        raise _refuse(name, "empty file")
    fp.seek(0)
    try:
        return Image.open(fp, formats=accepted_formats())
    except UnidentifiedImageError as e:
        kinds = ", ".join(accepted_formats())
        raise _refuse(name, f"not an image file (accepted: {kinds})") from e
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as e:
        raise _too_large(name) from e
    except _DECODE_ERRORS as e:
        raise _refuse(name, "corrupt image header") from e


def _too_large(name: str, size: tuple[int, int] | None = None) -> InvalidInput:
    claimed = f"{size[0]} × {size[1]} pixels, " if size else ""
    return _refuse(name, f"too large to decode safely ({claimed}limit {MAX_PIXELS:,} pixels)")


def _check_size(image: Image.Image, name: str) -> None:
    width, height = image.size
    if width <= 0 or height <= 0:
        raise _refuse(name, "image has no pixels")
    if width * height > MAX_PIXELS:
        raise _too_large(name, image.size)


def _describe(image: Image.Image, stored_size: tuple[int, int]) -> ImageInfo:
    media_type = _MEDIA_TYPES.get(image.format or "", "application/octet-stream")
    taken_at, gps, orientation = _read_exif(image)
    return ImageInfo(media_type, *stored_size, taken_at, gps, orientation)


def _read_exif(image: Image.Image) -> tuple[dt.datetime | None, tuple[float, float] | None, int]:
    # A corrupt EXIF block must not refuse a good image: it yields no date, place or turn.
    try:
        exif = image.getexif()
        details = exif.get_ifd(ExifTags.IFD.Exif)
        taken = _exif_datetime(details.get(_DATE_ORIGINAL), details.get(_OFFSET_ORIGINAL))
        taken = taken or _exif_datetime(exif.get(_DATE), None)
        gps = _exif_gps(exif.get_ifd(ExifTags.IFD.GPSInfo))
        orientation = exif.get(ExifTags.Base.Orientation, 1)
    except _EXIF_ERRORS:
        return None, None, 1
    return taken, gps, orientation if orientation in range(1, 9) else 1


def _exif_text(value: object) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    return value.strip("\x00 ") if isinstance(value, str) else None


def _exif_datetime(value: object, offset: object) -> dt.datetime | None:
    """EXIF's "YYYY:MM:DD HH:MM:SS" camera-local time, zoned only if the camera wrote its offset."""
    text = _exif_text(value)
    if not text:
        return None
    try:
        taken = dt.datetime.strptime(text[:19].replace("-", ":"), "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    zone = _exif_text(offset)
    if zone:
        with contextlib.suppress(ValueError):
            taken = taken.replace(tzinfo=dt.datetime.strptime(zone, "%z").tzinfo)
    return taken


def _exif_gps(gps: dict[int, Any]) -> tuple[float, float] | None:
    lat = _degrees(gps.get(2), gps.get(1), "S")
    lon = _degrees(gps.get(4), gps.get(3), "W")
    if lat is None or lon is None or abs(lat) > 90 or abs(lon) > 180:
        return None
    return round(lat, 7), round(lon, 7)


def _degrees(parts: object, ref: object, negative: str) -> float | None:
    if not isinstance(parts, tuple) or len(parts) != 3:
        return None
    d, m, s = (float(p) for p in parts)
    value = d + m / 60 + s / 3600
    if not math.isfinite(value):
        return None
    return -value if _exif_text(ref) == negative else value


def _load(image: Image.Image, name: str) -> None:
    # load(), not verify(): verify() passes a truncated JPEG.
    try:
        image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as e:
        raise _too_large(name) from e
    except _DECODE_ERRORS as e:
        raise _refuse(name, "truncated or corrupt image data") from e


def decode(fp: BinaryIO, name: str, side: int = 1) -> tuple[ImageInfo, Image.Image]:
    """Check and decode a photo.

    A JPEG is decoded at the smallest scale that still covers ``side`` pixels: that reads all of
    its data, so truncation is still caught, at a fraction of the cost of a full decode.
    """
    image = _open(fp, name)
    _check_size(image, name)
    stored_size = image.size
    image.draft("RGB", (side, side))
    # Hand the decoder up to 4 MiB per call instead of Pillow's 64 KiB: the GIL is taken back
    # after each call, and with fewer calls the other worker's Python code delays it less.
    image.decodermaxblock = DECODER_BLOCK  # type: ignore[attr-defined]
    _load(image, name)
    # EXIF is read after load(): for a PNG, getexif() decodes the image itself, and a
    # failure there would be taken for corrupt EXIF.
    return _describe(image, stored_size), image


def inspect_image(path: Path) -> ImageInfo:
    """Refuse a file that is not a safe, complete image; otherwise say what it is."""
    with open_photo_file(path) as fp:
        info, image = decode(fp, path.name)
        image.close()
    return info


def open_photo_file(path: Path) -> BinaryIO:
    """The file opened for reading, or a refusal naming it. Only a regular file is read: opening
    a named pipe would wait for a writer for ever, and a device has no end."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as e:
        raise _refuse(path.name, f"cannot be read ({e.strerror or e})") from e
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise _refuse(path.name, "is not a regular file (a folder, a device or a pipe)")
        if os.name != "nt":
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _eight_bit(image: Image.Image) -> Image.Image:
    """16-bit and float images scaled to 0–255: a plain convert() would clip them to white."""
    if image.mode.startswith("I;16"):
        top = 65535.0
    elif image.mode in ("I", "F"):
        high = image.getextrema()[1]
        top = max(float(high), 1.0) if isinstance(high, int | float) else 255.0
    else:
        return image
    return image.convert("F").point(lambda v: v * (255.0 / top)).convert("L")


def _rgb(image: Image.Image) -> Image.Image:
    image = _eight_bit(image)
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, "white")
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    return image if image.mode == "RGB" else image.convert("RGB")


def shrink(info: ImageInfo, image: Image.Image, side: int) -> Image.Image:
    """Downscale to fit ``side``, then turn upright, then RGB: in that order, so that only
    small images are rotated and converted."""
    if image.mode in ("1", "P"):
        image = image.convert("RGBA" if "transparency" in image.info else "RGB")
    image.thumbnail((side, side))
    # The orientation was read once already; ImageOps.exif_transpose would parse EXIF again.
    turn = _UPRIGHT.get(info.orientation)
    return _rgb(image.transpose(turn) if turn else image)


def jpeg_bytes(image: Image.Image, quality: int) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality)
    return out.getvalue()


def preview_jpeg_bytes(source: Path, max_side: int = PREVIEW_SIDE, quality: int = 80) -> bytes:
    """Downscaled, upright JPEG bytes of a photo, for embedding in a report."""
    with open_photo_file(source) as fp:
        info, image = decode(fp, source.name, max_side)
        with image:
            return jpeg_bytes(shrink(info, image, max_side), quality)


def derive_jpeg(source: Path, dest: Path, max_side: int, quality: int) -> None:
    """Write a downscaled, upright JPEG of ``source`` to ``dest``, all or nothing."""
    write_atomically(dest, preview_jpeg_bytes(source, max_side, quality))


def write_atomically(dest: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder, so ``dest`` is whole or absent."""
    tmp: Path | None = None
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
        tmp = Path(name)
        try:
            write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, dest)
    except OSError as e:
        raise EnvironmentProblem(
            f"cannot write {dest}: {e.strerror or e}", file=str(dest), reason=str(e)
        ) from e
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)


def write_all(fd: int, data: bytes | memoryview) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


class CancelFlag(Protocol):
    """Anything with ``is_set()``, such as ``threading.Event``."""

    def is_set(self) -> bool: ...


@dataclass(frozen=True)
class Prepared:
    """A photo file checked and stored; its database row is the caller's to write."""

    source: Path
    stored: StoredOriginal
    info: ImageInfo


@dataclass(frozen=True)
class Refused:
    """A photo file that was not stored, and why."""

    source: Path
    error: Refusal


def prepare_one(path: Path, store: PhotoStore, thumbnails: bool = True) -> Prepared:
    """Check, store and (optionally) thumbnail one photo, reading the file through one handle."""
    with open_photo_file(path) as fp:
        info, image = decode(fp, path.name, THUMBNAIL_SIDE if thumbnails else 1)
        with image:
            small = shrink(info, image, THUMBNAIL_SIDE) if thumbnails else None
        fp.seek(0)
        stored = store.ingest_stream(fp, path.name)
    if small is not None:
        store.save_thumbnail(stored.sha256, jpeg_bytes(small, store.thumbnail_quality))
    return Prepared(path, stored, info)


def _attempt(path: Path, store: PhotoStore, thumbnails: bool) -> Prepared | Refused:
    try:
        return prepare_one(path, store, thumbnails)
    except (InvalidInput, EnvironmentProblem) as e:
        return Refused(path, e)


def prepare_photos(
    paths: Sequence[Path],
    store: PhotoStore,
    *,
    workers: int = 2,
    thumbnails: bool = True,
    cancel: CancelFlag | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[Prepared | Refused]:
    """Check and store many photos on ``workers`` threads, yielding each result as it completes.

    Pillow's decoders, hashlib and file writes release the GIL, so threads use both cores. A
    refused file does not stop the others. Once ``cancel`` is set no further file is started;
    files already started still finish and are yielded. ``progress(done, total)`` is called in
    the caller's thread. Closing the generator early waits for the started files only.
    """
    pending = iter(paths)
    running: set[cf.Future[Prepared | Refused]] = set()
    done = 0
    with cf.ThreadPoolExecutor(max_workers=workers, thread_name_prefix="photo") as pool:
        try:
            while True:
                # Two files queued per worker keep the cores busy without holding the whole batch.
                while len(running) < 2 * workers and not (cancel and cancel.is_set()):
                    path = next(pending, None)
                    if path is None:
                        break
                    running.add(pool.submit(_attempt, path, store, thumbnails))
                if not running:
                    return
                finished, running = cf.wait(running, return_when=cf.FIRST_COMPLETED)
                for future in finished:
                    done += 1
                    if progress:
                        progress(done, len(paths))
                    yield future.result()
        finally:
            for future in running:
                future.cancel()

"""Photo inspection and derivation: what good files tell, and how hostile files are refused."""

from __future__ import annotations

import datetime as dt
import io
import os
import threading
import warnings
from pathlib import Path

import image_factory as make
import pytest
from PIL import Image, ImageStat

from forensiclog.domain.errors import EnvironmentProblem, InvalidInput
from forensiclog.services import images
from forensiclog.services.images import (
    ImageInfo,
    Prepared,
    Refused,
    derive_jpeg,
    inspect_image,
    prepare_photos,
    preview_jpeg_bytes,
)
from forensiclog.services.photo_store import PhotoStore


def test_jpeg_exif_date_place_and_orientation_are_read(tmp_path: Path) -> None:
    info = inspect_image(make.jpeg_with_exif(tmp_path / "IMG_0001.JPG"))

    assert info == ImageInfo(
        media_type="image/jpeg",
        width=400,
        height=300,
        taken_at=dt.datetime(2024, 5, 17, 14, 3, 22),
        gps=(pytest.approx(50.4501), pytest.approx(30.5234)),  # type: ignore[arg-type]
        orientation=6,
    )
    assert info.upright_size == (300, 400)


def test_southern_and_western_coordinates_are_negative(tmp_path: Path) -> None:
    path = make.jpeg_with_exif(tmp_path / "south.jpg", refs=("S", "W"))

    lat, lon = inspect_image(path).gps or (0.0, 0.0)

    assert lat == pytest.approx(-50.4501)
    assert lon == pytest.approx(-30.5234)


def test_date_and_time_falls_back_to_the_file_date_when_no_original_date(tmp_path: Path) -> None:
    exif = make.exif_block(taken=None, gps=None)
    exif[0x0132] = "2023:01:02 03:04:05"
    Image.new("RGB", (20, 10)).save(tmp_path / "a.jpg", exif=exif)

    info = inspect_image(tmp_path / "a.jpg")

    assert info.taken_at == dt.datetime(2023, 1, 2, 3, 4, 5)
    assert info.gps is None


def test_a_camera_offset_makes_the_date_zoned(tmp_path: Path) -> None:
    exif = make.exif_block(gps=None)
    exif.get_ifd(0x8769)[0x9011] = "+03:00"
    Image.new("RGB", (20, 10)).save(tmp_path / "a.jpg", exif=exif)

    taken = inspect_image(tmp_path / "a.jpg").taken_at

    assert taken is not None
    assert taken.utcoffset() == dt.timedelta(hours=3)


@pytest.mark.parametrize(
    ("name", "fmt", "media_type"),
    [
        ("a.png", "PNG", "image/png"),
        ("a.tif", "TIFF", "image/tiff"),
        ("a.webp", "WEBP", "image/webp"),
        ("a.jpg", "JPEG", "image/jpeg"),
    ],
)
def test_accepted_formats(tmp_path: Path, name: str, fmt: str, media_type: str) -> None:
    info = inspect_image(make.plain(tmp_path / name, fmt))

    assert (info.media_type, info.width, info.height) == (media_type, 320, 200)
    assert info.taken_at is None
    assert info.orientation == 1


def test_cmyk_16_bit_and_animated_images_are_inspected(tmp_path: Path) -> None:
    assert inspect_image(make.cmyk_jpeg(tmp_path / "cmyk.jpg")).media_type == "image/jpeg"
    assert inspect_image(make.png16(tmp_path / "deep.png")).width == 256
    gif = inspect_image(make.animated_gif(tmp_path / "anim.gif"))
    assert (gif.media_type, gif.width, gif.height) == ("image/gif", 120, 80)


# As in the application, where images.py ignores this warning; pytest's "error" filter comes first.
@pytest.mark.filterwarnings("ignore:(Possibly c|C)orrupt EXIF data:UserWarning")
def test_corrupt_exif_yields_no_date_but_the_image_is_accepted(tmp_path: Path) -> None:
    info = inspect_image(make.jpeg_with_corrupt_exif(tmp_path / "odd.jpg"))

    assert (info.media_type, info.width, info.taken_at, info.gps) == ("image/jpeg", 200, None, None)


@pytest.mark.parametrize(
    ("build", "reason"),
    [
        (make.text_named_jpg, "not an image file"),
        (make.empty_file, "empty file"),
        (make.truncated_jpeg, "truncated or corrupt"),
        (make.corrupt_png, "truncated or corrupt"),
        (lambda p: make.png_claiming(p, 10_000, 10_000), "too large to decode safely"),
        (lambda p: make.png_claiming(p, 9_000, 9_000), "9000 × 9000 pixels"),
        (lambda p: make.png_claiming(p, 20_000, 20_000), "too large to decode safely"),
        (lambda p: make.plain(p, "BMP"), "not an image file"),
    ],
    ids=["text", "empty", "truncated", "corrupt", "bomb", "over-our-cap", "huge-bomb", "bmp"],
)
def test_hostile_files_are_refused_with_name_and_reason(tmp_path: Path, build, reason: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "Фото 7.jpg"
    build(path)

    with pytest.raises(InvalidInput) as refused:
        inspect_image(path)

    assert refused.value.field == "photo"
    assert refused.value.where == "Фото 7.jpg"
    assert reason in refused.value.reason
    assert "Фото 7.jpg" in str(refused.value)


def test_the_bomb_is_refused_even_where_pillow_warnings_are_ignored(tmp_path: Path) -> None:
    path = make.png_claiming(tmp_path / "bomb.png", 10_000, 10_000)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(InvalidInput, match="too large"):
            inspect_image(path)


def test_the_bomb_is_refused_before_anything_is_decoded(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    loads: list[object] = []
    monkeypatch.setattr(images, "_load", lambda image, name: loads.append(image))
    path = make.png_claiming(tmp_path / "bomb.png", 9_000, 9_000)

    with pytest.raises(InvalidInput):
        inspect_image(path)
    assert loads == []


def test_a_missing_file_is_refused_naming_it(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match=r"gone\.jpg: photo: cannot be read"):
        inspect_image(tmp_path / "gone.jpg")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_named_pipe_a_folder_and_a_device_are_refused_at_once(tmp_path: Path) -> None:
    # Found by the hostile-images figure: opening a named pipe waited for a writer for ever.
    pipe = tmp_path / "camera.jpg"
    os.mkfifo(pipe)
    folder = tmp_path / "folder.jpg"
    folder.mkdir()
    device = tmp_path / "zero.jpg"
    device.symlink_to("/dev/zero")
    results: list[str] = []

    def inspect_all() -> None:
        for path in (pipe, folder, device):
            with pytest.raises(InvalidInput, match="is not a regular file") as refused:
                inspect_image(path)
            results.append(str(refused.value))

    worker = threading.Thread(target=inspect_all, daemon=True)
    worker.start()
    worker.join(timeout=20)
    assert not worker.is_alive(), "inspecting a named pipe blocked"
    assert [r.split(":")[0] for r in results] == ["camera.jpg", "folder.jpg", "zero.jpg"]


def _open_jpeg(data: bytes | Path) -> Image.Image:
    image = Image.open(io.BytesIO(data) if isinstance(data, bytes) else data)
    image.load()
    assert image.format == "JPEG"
    return image


def test_derived_jpeg_is_upright_small_and_rgb(tmp_path: Path) -> None:
    source = make.jpeg_with_exif(tmp_path / "turned.jpg", size=(800, 600))
    dest = tmp_path / "out" / "thumb.jpg"

    derive_jpeg(source, dest, 256, 85)

    thumb = _open_jpeg(dest)
    assert (thumb.size, thumb.mode) == ((192, 256), "RGB")
    # The red quarter was top-left as stored; turned 90° clockwise for display it is top-right.
    assert thumb.getpixel((180, 10))[0] > 180  # type: ignore[index]
    assert thumb.getpixel((10, 10))[0] < 100  # type: ignore[index]
    assert not thumb.getexif()  # no EXIF carried over: the GPS stays with the original
    assert list(dest.parent.iterdir()) == [dest]


@pytest.mark.parametrize(
    "build",
    [make.cmyk_jpeg, make.png16, make.animated_gif, make.rgba_png],
    ids=["cmyk", "16-bit", "animated", "transparent"],
)
def test_awkward_modes_derive_to_rgb_jpeg(tmp_path: Path, build) -> None:  # type: ignore[no-untyped-def]
    source = build(tmp_path / "source.img")

    image = _open_jpeg(preview_jpeg_bytes(source, 100))

    assert image.mode == "RGB"
    assert max(image.size) == 100


def test_16_bit_greys_are_scaled_not_clipped_to_white(tmp_path: Path) -> None:
    image = _open_jpeg(preview_jpeg_bytes(make.png16(tmp_path / "ramp.png"), 256))

    mean = ImageStat.Stat(image.convert("L")).mean[0]

    assert 100 < mean < 155  # a black-to-white ramp averages mid grey


def test_transparent_areas_become_white(tmp_path: Path) -> None:
    image = _open_jpeg(preview_jpeg_bytes(make.rgba_png(tmp_path / "alpha.png"), 200))

    assert min(image.getpixel((190, 50))) > 240  # type: ignore[arg-type]


def test_preview_of_a_large_jpeg_fits_the_longest_side(tmp_path: Path) -> None:
    source = make.jpeg_with_exif(tmp_path / "big.jpg", size=(4000, 3000))

    preview = _open_jpeg(preview_jpeg_bytes(source))

    assert preview.size == (1200, 1600)


def test_derive_refuses_a_hostile_source_and_writes_nothing(tmp_path: Path) -> None:
    source = make.truncated_jpeg(tmp_path / "cut.jpg")

    with pytest.raises(InvalidInput, match=r"cut\.jpg"):
        derive_jpeg(source, tmp_path / "d" / "t.jpg", 256, 85)
    assert not (tmp_path / "d").exists()


def test_a_failing_derived_write_leaves_no_partial_file(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    source = make.plain(tmp_path / "a.png", "PNG")
    dest_dir = tmp_path / "derived"
    dest_dir.mkdir()

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(EnvironmentProblem, match="No space left"):
        derive_jpeg(source, dest_dir / "t.jpg", 256, 85)
    assert list(dest_dir.iterdir()) == []


def _mixed_batch(folder: Path) -> tuple[list[Path], set[str]]:
    good = [make.jpeg_with_exif(folder / f"good{i}.jpg", size=(300 + i, 200)) for i in range(6)]
    bad = [make.text_named_jpg(folder / "notes.jpg"), make.truncated_jpeg(folder / "cut.jpg")]
    return good + bad, {p.name for p in bad}


def test_prepare_photos_stores_good_files_and_refuses_bad_ones(tmp_path: Path) -> None:
    paths, bad_names = _mixed_batch(tmp_path)
    store = PhotoStore(tmp_path / "ws")
    seen: list[tuple[int, int]] = []

    results = list(prepare_photos(paths, store, workers=2, progress=lambda *a: seen.append(a)))

    prepared = [r for r in results if isinstance(r, Prepared)]
    refused = [r for r in results if isinstance(r, Refused)]
    assert {r.source.name for r in refused} == bad_names
    assert all(r.error.params["where"] == r.source.name for r in refused)
    assert len(prepared) == 6
    assert sorted(store.iter_originals()) == sorted(r.stored.sha256 for r in prepared)
    for r in prepared:
        assert store.verify(r.stored.sha256)
        assert r.info.orientation == 6
        thumb = store._derived_path(r.stored.sha256, 256)  # made eagerly during the import
        assert _open_jpeg(thumb).size[1] == 256
    assert seen == [(n, len(paths)) for n in range(1, len(paths) + 1)]


def test_the_same_file_twice_in_one_batch_is_stored_once(tmp_path: Path) -> None:
    first = make.jpeg_with_exif(tmp_path / "a.jpg")
    second = tmp_path / "copy of a.jpg"
    second.write_bytes(first.read_bytes())

    results = list(prepare_photos([first, second], PhotoStore(tmp_path / "ws"), workers=2))

    flags = sorted(r.stored.already_present for r in results if isinstance(r, Prepared))
    assert flags == [False, True]


def test_cancel_before_start_stores_nothing(tmp_path: Path) -> None:
    paths, _ = _mixed_batch(tmp_path)
    store = PhotoStore(tmp_path / "ws")
    cancel = threading.Event()
    cancel.set()

    assert list(prepare_photos(paths, store, cancel=cancel)) == []
    assert list(store.iter_originals()) == []


def test_cancel_during_the_batch_stops_starting_files(tmp_path: Path) -> None:
    paths = [make.plain(tmp_path / f"p{i}.png", "PNG", size=(50 + i, 40)) for i in range(30)]
    cancel = threading.Event()
    results = []

    for result in prepare_photos(paths, PhotoStore(tmp_path / "ws"), workers=2, cancel=cancel):
        results.append(result)
        cancel.set()

    # At most the files already queued (two per worker) finish after the flag is set.
    assert 1 <= len(results) <= 4


def test_without_thumbnails_no_derived_folder_is_made(tmp_path: Path) -> None:
    store = PhotoStore(tmp_path / "ws")

    results = list(prepare_photos([make.plain(tmp_path / "a.png", "PNG")], store, thumbnails=False))

    assert isinstance(results[0], Prepared)
    assert not (tmp_path / "ws" / "derived").exists()


def test_heic_is_accepted_when_the_optional_pillow_heif_is_installed(tmp_path: Path) -> None:
    pytest.importorskip("pillow_heif")
    assert "HEIF" in images.accepted_formats()  # registers the opener, as an import would
    path = tmp_path / "IMG_0001.HEIC"
    Image.new("RGB", (400, 300), "blue").save(path, "HEIF", exif=make.exif_block(orientation=1))

    info = inspect_image(path)

    assert (info.media_type, info.width, info.height) == ("image/heic", 400, 300)
    assert info.taken_at == dt.datetime(2024, 5, 17, 14, 3, 22)
    assert _open_jpeg(preview_jpeg_bytes(path, 200)).size == (200, 150)


def test_a_heic_photo_is_stored_byte_for_byte_and_a_cut_one_is_refused(tmp_path: Path) -> None:
    pytest.importorskip("pillow_heif")
    images.accepted_formats()
    sound = tmp_path / "IMG_0002.HEIC"
    Image.effect_noise((640, 480), 60).convert("RGB").save(sound, "HEIF", quality=90)
    data = sound.read_bytes()
    cut = tmp_path / "IMG_0003.HEIC"
    cut.write_bytes(data[: len(data) // 2])
    store = PhotoStore(tmp_path / "ws")

    results = {r.source.name: r for r in prepare_photos([sound, cut], store)}

    stored = results["IMG_0002.HEIC"]
    assert isinstance(stored, Prepared)
    assert store.path_of(stored.stored.sha256).read_bytes() == data
    assert _open_jpeg(store.thumbnail(stored.stored.sha256)).size == (256, 192)
    refused = results["IMG_0003.HEIC"]
    assert isinstance(refused, Refused)
    assert isinstance(refused.error, InvalidInput)
    assert refused.error.reason == "truncated or corrupt image data"

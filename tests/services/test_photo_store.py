"""The photo store: originals kept byte for byte under their SHA-256, derived JPEGs beside them."""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import image_factory as make
import pytest
from PIL import Image

from forensiclog.domain.errors import EnvironmentProblem, InvalidInput, NotFound, ReadOnly
from forensiclog.services.photo_store import CHUNK, PhotoStore, StoredOriginal

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def store(tmp_path: Path) -> PhotoStore:
    return PhotoStore(tmp_path / "workspace")


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    return make.jpeg_with_exif(tmp_path / "IMG_0042.JPG", size=(800, 600))


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def test_the_original_is_stored_byte_for_byte_under_its_sha256(
    store: PhotoStore, photo: Path
) -> None:
    stored = store.ingest(photo)

    sha = _sha(photo)
    assert stored == StoredOriginal(sha, photo.stat().st_size, already_present=False)
    kept = store.root / "photos" / sha[:2] / sha
    assert store.path_of(sha) == kept
    assert kept.read_bytes() == photo.read_bytes()
    assert stat.S_IMODE(kept.stat().st_mode) == 0o444
    with store.open_original(sha) as stream:
        assert stream.read() == photo.read_bytes()
    assert _files(store.root) == [kept]


def test_ingesting_twice_stores_once(store: PhotoStore, photo: Path) -> None:
    first = store.ingest(photo)
    mtime = store.path_of(first.sha256).stat().st_mtime_ns

    second = store.ingest(photo)

    assert second.already_present and not first.already_present
    assert list(store.iter_originals()) == [first.sha256]
    assert store.path_of(first.sha256).stat().st_mtime_ns == mtime
    assert list(store.iter_leftovers()) == []


def test_bytes_and_files_with_the_same_content_meet(store: PhotoStore, photo: Path) -> None:
    assert store.ingest_bytes(photo.read_bytes()).sha256 == store.ingest(photo).sha256


def test_a_file_larger_than_one_chunk_is_streamed_whole(store: PhotoStore, tmp_path: Path) -> None:
    big = tmp_path / "big.bin"
    big.write_bytes(os.urandom(CHUNK * 3 + 17))

    stored = store.ingest(big)

    assert stored.size == CHUNK * 3 + 17
    assert store.verify(stored.sha256)
    assert store.path_of(stored.sha256).read_bytes() == big.read_bytes()


def test_concurrent_ingests_of_the_same_bytes_agree_on_one_writer(store: PhotoStore) -> None:
    data = os.urandom(200_000)
    results: list[StoredOriginal] = []
    threads = [
        threading.Thread(target=lambda: results.append(store.ingest_bytes(data))) for _ in range(8)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert sorted(r.already_present for r in results) == [False] + [True] * 7
    assert len(list(store.iter_originals())) == 1
    assert list(store.iter_leftovers()) == []


def test_verify_notices_a_changed_or_missing_original(store: PhotoStore, photo: Path) -> None:
    sha = store.ingest(photo).sha256
    assert store.verify(sha)

    kept = store.path_of(sha)
    kept.chmod(0o644)
    kept.write_bytes(kept.read_bytes()[:-1] + b"\0")

    assert not store.verify(sha)
    kept.unlink()
    assert not store.verify(sha)
    assert not store.has(sha)


@pytest.mark.parametrize("bad", ["../../etc/passwd", "AB" * 32, "ab" * 31, ""])
def test_a_name_that_is_not_a_digest_is_refused(store: PhotoStore, bad: str) -> None:
    with pytest.raises(InvalidInput, match="not a SHA-256 digest"):
        store.path_of(bad)


def test_opening_a_missing_original_is_not_found(store: PhotoStore) -> None:
    with pytest.raises(NotFound):
        store.open_original("0" * 64)


def test_a_missing_source_is_refused_naming_it(store: PhotoStore, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match=r"nothing\.jpg"):
        store.ingest(tmp_path / "nothing.jpg")


def test_thumbnail_of_a_turned_photo_is_upright_and_the_original_untouched(
    store: PhotoStore, photo: Path
) -> None:
    sha = store.ingest(photo).sha256

    thumb = store.thumbnail(sha)

    with Image.open(thumb) as image:
        assert image.size == (192, 256)  # stored 800×600, shown portrait
    assert thumb.is_relative_to(store.root / "derived")
    assert store.path_of(sha).read_bytes() == photo.read_bytes()
    assert store.verify(sha)


def test_derived_images_are_cached(store: PhotoStore, photo: Path) -> None:
    sha = store.ingest(photo).sha256
    first = store.preview(sha)
    mtime = first.stat().st_mtime_ns

    assert store.preview(sha) == first
    assert first.stat().st_mtime_ns == mtime
    with Image.open(first) as image:
        assert image.size == (600, 800)


def test_an_empty_cached_thumbnail_is_made_again(store: PhotoStore, photo: Path) -> None:
    sha = store.ingest(photo).sha256
    thumb = store.thumbnail(sha)
    thumb.write_bytes(b"")

    assert store.thumbnail(sha).stat().st_size > 0


def test_thumbnail_of_an_unknown_photo_is_not_found(store: PhotoStore) -> None:
    with pytest.raises(NotFound):
        store.thumbnail("ab" * 32)


def test_a_read_only_store_refuses_changes_and_caches_elsewhere(
    tmp_path: Path, photo: Path
) -> None:
    sha = PhotoStore(tmp_path / "ws").ingest(photo).sha256
    cache = tmp_path / "cache"
    sealed = PhotoStore(tmp_path / "ws", read_only=True, cache=cache)

    with pytest.raises(ReadOnly):
        sealed.ingest(photo)
    with pytest.raises(ReadOnly):
        sealed.ingest_bytes(b"x")
    with pytest.raises(ReadOnly):
        sealed.remove_orphan(sha)
    assert sealed.verify(sha)
    assert sealed.thumbnail(sha).is_relative_to(cache)
    assert not (tmp_path / "ws" / "derived").exists()


def test_a_read_only_store_without_a_cache_refuses_thumbnails(tmp_path: Path, photo: Path) -> None:
    sha = PhotoStore(tmp_path / "ws").ingest(photo).sha256

    with pytest.raises(ReadOnly):
        PhotoStore(tmp_path / "ws", read_only=True).thumbnail(sha)


def _fail_with(monkeypatch: pytest.MonkeyPatch, name: str, after: int, error: OSError) -> None:
    real = getattr(os, name)
    calls = {"n": 0}

    def failing(*args: object) -> object:
        calls["n"] += 1
        if calls["n"] > after:
            raise error
        return real(*args)

    monkeypatch.setattr(os, name, failing)


FULL = OSError(errno.ENOSPC, "No space left on device")
DENIED = PermissionError(errno.EACCES, "Permission denied")


@pytest.mark.parametrize(
    "failure",
    [("write", 1, FULL), ("fsync", 0, FULL), ("replace", 0, FULL), ("replace", 0, DENIED)],
    ids=["write-full", "fsync-full", "rename-full", "rename-denied"],
)
def test_a_failed_write_leaves_no_partial_file(
    store: PhotoStore,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    failure: tuple[str, int, OSError],
) -> None:
    call, after, error = failure
    store.ingest_bytes(b"an earlier photo, so the folders exist")
    before = _files(store.root)
    source = tmp_path / "Фото.jpg"
    source.write_bytes(os.urandom(CHUNK * 2 + 5))
    _fail_with(monkeypatch, call, after, error)

    with pytest.raises(EnvironmentProblem) as failed:
        store.ingest(source)

    assert "Фото.jpg" in str(failed.value)
    assert str(error.strerror) in str(failed.value)
    assert _files(store.root) == before


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="needs POSIX permissions")
def test_an_unwritable_store_is_an_environment_problem(store: PhotoStore, photo: Path) -> None:
    store.photos_dir.mkdir(parents=True)
    store.photos_dir.chmod(0o555)
    try:
        with pytest.raises(EnvironmentProblem, match=r"IMG_0042\.JPG"):
            store.ingest(photo)
    finally:
        store.photos_dir.chmod(0o755)


_CRASH = """
import os, stat, sys
from pathlib import Path
from forensiclog.services.photo_store import PhotoStore
real_fsync = os.fsync

def power_cut(fd):
    # The process dies when the photo's own data is about to reach the disk.
    if stat.S_ISREG(os.fstat(fd).st_mode):
        os._exit(9)
    real_fsync(fd)

os.fsync = power_cut
PhotoStore(Path(sys.argv[1])).ingest(Path(sys.argv[2]))
"""


def test_a_crash_mid_write_leaves_a_listed_removable_leftover(
    store: PhotoStore, photo: Path
) -> None:
    crashed = subprocess.run(
        [sys.executable, "-c", _CRASH, str(store.root), str(photo)], cwd=REPO, check=False
    )
    assert crashed.returncode == 9

    leftovers = list(store.iter_leftovers())

    assert len(leftovers) == 1
    assert list(store.iter_originals()) == []
    store.remove_leftover(leftovers[0])
    assert _files(store.root) == []
    assert store.ingest(photo).already_present is False


def test_only_leftovers_can_be_removed_as_leftovers(store: PhotoStore, photo: Path) -> None:
    sha = store.ingest(photo).sha256

    with pytest.raises(NotFound):
        store.remove_leftover(store.path_of(sha))
    assert store.has(sha)


def test_orphans_are_listed_and_removed_with_their_derived_images(
    store: PhotoStore, photo: Path, tmp_path: Path
) -> None:
    keep = store.ingest(make.plain(tmp_path / "keep.png", "PNG")).sha256
    orphan = store.ingest(photo).sha256
    thumb = store.thumbnail(orphan)
    (store.photos_dir / "README.txt").write_text("not a photo")

    assert sorted(store.iter_originals()) == sorted([keep, orphan])
    store.remove_orphan(orphan)

    assert list(store.iter_originals()) == [keep]
    assert not thumb.exists()
    assert store.verify(keep)

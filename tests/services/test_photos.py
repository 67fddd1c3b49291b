"""Photos as evidence: all files of an import or none, originals byte for byte, duplicates
reported, cancel, edits, and the derived thumbnails and previews."""

from __future__ import annotations

import hashlib
import io
import threading
from pathlib import Path

import image_factory as make
import pytest
from PIL import Image

from forensiclog.domain.errors import CaseLocked, InvalidInput, NotFound
from forensiclog.domain.roles import Action
from forensiclog.services import photos as photos_module
from forensiclog.services.photos import PhotoLink, attach_photos
from tests.conftest import Team


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def stored_files(team: Team) -> list[Path]:
    return sorted(p for p in (team.path / "photos").rglob("*") if p.is_file())


@pytest.fixture
def case(team: Team, exchange: str) -> str:
    return team.examiner.cases.register(exchange, tag="UA-7").case_number


@pytest.fixture
def ten(tmp_path: Path) -> list[Path]:
    """Ten photos: one JPEG shot turned (EXIF orientation 6), nine ordinary ones."""
    folder = tmp_path / "card"
    folder.mkdir()
    turned = make.jpeg_with_exif(folder / "IMG_0001.JPG", size=(400, 300))
    others = [
        make.plain(folder / f"IMG_{n:04d}.png", "PNG", size=(300 + n, 200)) for n in range(2, 11)
    ]
    return [turned, *others]


def test_ten_photos_import_and_their_originals_hash_to_the_files_given(
    team: Team, case: str, ten: list[Path]
) -> None:
    seen: list[tuple[int, int]] = []

    result = team.examiner.photos.add(
        case, ten, kind="overview", caption="на столі", progress=lambda *p: seen.append(p)
    )

    assert [p.file for p in result.photos] == [str(p) for p in ten]
    assert [p.sha256 for p in result.photos] == [sha(p) for p in ten]
    for given in ten:
        kept = team.examiner.photos.original_path(sha(given))
        assert kept.read_bytes() == given.read_bytes() and sha(kept) == sha(given)
    assert len(stored_files(team)) == 10
    assert seen[-1] == (10, 10) and len(seen) == 10
    records = team.examiner.photos.for_case(case)
    assert {(r.kind, r.caption) for r in records} == {("overview", "на столі")}
    turned = next(r for r in records if r.sha256 == sha(ten[0]))
    assert (turned.width, turned.height, turned.media_type) == (400, 300, "image/jpeg")
    assert turned.taken_at is not None and turned.taken_at.date().isoformat() == "2024-05-17"
    assert turned.gps is not None and round(turned.gps[0], 3) == 50.450
    assert turned.original_name == "IMG_0001.JPG" and turned.imported_by == "petro"
    assert "overview_photo" not in team.examiner.cases.show(case).missing
    entries = [h.action for h in team.examiner.cases.show(case).history]
    assert entries.count("photo_file.add") == 10 and entries.count("photo.add") == 10


def test_derived_images_are_upright_and_the_original_is_untouched(
    team: Team, case: str, ten: list[Path]
) -> None:
    team.examiner.photos.add(case, ten[:1])
    digest = sha(ten[0])

    with Image.open(team.examiner.photos.thumbnail(digest)) as thumbnail:
        assert thumbnail.size == (192, 256)  # stored 400 × 300, shown portrait
        assert thumbnail.getpixel((thumbnail.width - 10, 10))[0] > 150  # red corner turned right
    with Image.open(io.BytesIO(team.examiner.photos.preview_bytes(digest, 100))) as small:
        assert small.size == (75, 100)
    assert team.examiner.photos.preview(digest).is_file()
    assert sha(team.examiner.photos.original_path(digest)) == digest


def test_a_truncated_jpeg_refuses_the_whole_command_and_nothing_is_added(
    team: Team, case: str, ten: list[Path], tmp_path: Path
) -> None:
    broken = make.truncated_jpeg(tmp_path / "IMG_0099.jpg")

    with pytest.raises(InvalidInput) as refused:
        team.examiner.photos.add(case, [*ten[:5], broken, *ten[5:]])

    assert refused.value.field == "photo" and refused.value.where == str(broken)
    assert "truncated or corrupt image data" in str(refused.value)
    assert "nothing was added" in str(refused.value)
    assert team.examiner.photos.for_case(case) == ()
    assert stored_files(team) == []
    assert "photo" not in {h.entity for h in team.examiner.cases.show(case).history}


def test_every_bad_file_is_named_with_its_reason(
    team: Team, case: str, ten: list[Path], tmp_path: Path
) -> None:
    bad = [
        make.text_named_jpg(tmp_path / "list.jpg"),
        make.png_claiming(tmp_path / "bomb.png", 20_000, 20_000),
        make.empty_file(tmp_path / "empty.jpg"),
    ]

    with pytest.raises(InvalidInput) as refused:
        team.examiner.photos.add(case, [ten[0], *bad])

    message = str(refused.value)
    assert "3 of 4 files refused, nothing was added" in message
    assert f"{bad[0]}: not an image file" in message
    assert f"{bad[1]}: too large to decode safely" in message
    assert f"{bad[2]}: empty file" in message
    assert stored_files(team) == []


def test_a_missing_file_is_refused_by_name(team: Team, case: str, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="cannot be read"):
        team.examiner.photos.add(case, [tmp_path / "nowhere.jpg"])
    with pytest.raises(InvalidInput, match="at least one"):
        team.examiner.photos.add(case, [])


def test_a_photo_already_on_the_case_is_reported_not_stored_twice(
    team: Team, exchange: str, case: str, ten: list[Path], tmp_path: Path
) -> None:
    team.examiner.photos.add(case, ten[:2])
    copy = tmp_path / "copy-of-first.png"
    copy.write_bytes(ten[1].read_bytes())

    again = team.examiner.photos.add(case, [ten[0], ten[2], copy, ten[2]])

    assert [p.file for p in again.photos] == [str(ten[2])]
    assert again.duplicates == (str(ten[0]), str(copy), str(ten[2]))
    assert len(team.examiner.photos.for_case(case)) == 3 and len(stored_files(team)) == 3
    other = team.examiner.cases.register(exchange, tag="UA-8").case_number
    shared = team.examiner.photos.add(other, [ten[0]])
    assert shared.photos[0].sha256 == sha(ten[0]) and len(stored_files(team)) == 3
    history = team.examiner.cases.show(other).history
    assert [h.action for h in history].count("photo_file.add") == 0  # the file was known


def test_cancelling_adds_nothing(team: Team, case: str, ten: list[Path]) -> None:
    stop = threading.Event()

    def progress(done: int, _total: int) -> None:
        if done == 2:
            stop.set()

    result = team.examiner.photos.add(case, ten, progress=progress, cancel=stop)

    assert result.cancelled and result.photos == () and result.duplicates == ()
    assert team.examiner.photos.for_case(case) == () and stored_files(team) == []


def test_a_failure_after_the_files_are_stored_removes_them_again(
    team: Team, case: str, ten: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(*_args: object, **_kw: object) -> None:
        raise RuntimeError("the disk went away")

    monkeypatch.setattr(photos_module, "attach_photos", failing)
    with pytest.raises(RuntimeError):
        team.examiner.photos.add(case, ten[:3])
    assert stored_files(team) == []


def test_an_original_removed_by_another_import_is_stored_again_before_its_row(
    team: Team, case: str, ten: list[Path]
) -> None:
    services = team.examiner
    store = services.photos.store()
    with services.photos.staging(ten[:1]) as staged:
        store.remove_orphan(sha(ten[0]))  # what a concurrent import's clean-up may do
        with services.ctx.writing(Action.ADD_EVIDENCE) as tx:
            from forensiclog.services.case_lookup import load_case

            found = load_case(tx.session, case)
            added = attach_photos(tx, store, found, staged, PhotoLink(kind="face"))
    assert store.verify(added.photos[0].sha256)


def test_a_locked_case_takes_photos_only_as_a_coordinators_correction(
    team: Team, case: str, ten: list[Path]
) -> None:
    team.examiner.decisions.propose_identification(
        case, surname="Гнатюк", given_names="Іван", methods=["dna"], reason="збіг ДНК"
    )
    team.coordinator.decisions.confirm(case, reason="перевірено")

    with pytest.raises(CaseLocked):
        team.examiner.photos.add(case, ten[:1])
    assert stored_files(team) == []  # refused before any file was read
    team.coordinator.photos.add(case, ten[:1], kind="face", reason="фото з архіву")
    assert team.examiner.cases.show(case).history[-1].action == "photo.add.correction"


def test_a_photo_is_linked_to_a_document_and_edited(
    team: Team, case: str, ten: list[Path], exchange: str
) -> None:
    document = team.examiner.documents.add(case, kind="military_id", number="АА 123456")
    digest = sha(ten[0])
    team.examiner.photos.add(case, ten[:1], kind="document", document=document.document.id)

    edited = team.examiner.photos.edit(case, digest, {"kind": "face", "caption": "обличчя"})
    assert (edited.kind, edited.caption, edited.document) == (
        "face",
        "обличчя",
        document.document.id,
    )
    cleared = team.examiner.photos.edit(case, digest, {"document": None, "caption": ""})
    assert (cleared.document, cleared.caption) == (None, None)
    assert team.examiner.cases.show(case).history[-1].action == "photo.edit"

    with pytest.raises(InvalidInput, match="nothing to change"):
        team.examiner.photos.edit(case, digest, {"kind": "face"})
    with pytest.raises(InvalidInput, match="is not one of"):
        team.examiner.photos.edit(case, digest, {"kind": "selfie"})
    with pytest.raises(InvalidInput):
        team.examiner.photos.edit(case, digest, {"size": 3})
    other = team.examiner.cases.register(exchange).case_number
    foreign_document = team.examiner.documents.add(other, kind="other").document.id
    with pytest.raises(NotFound):
        team.examiner.photos.edit(case, digest, {"document": foreign_document})
    with pytest.raises(NotFound):
        team.examiner.photos.add(case, ten[1:2], document=foreign_document)
    with pytest.raises(NotFound):
        team.examiner.photos.edit(other, digest, {"kind": "face"})


def test_derived_images_of_unknown_photos_are_refused(team: Team, case: str) -> None:
    with pytest.raises(NotFound):
        team.examiner.photos.thumbnail("0" * 64)
    with pytest.raises(InvalidInput):
        team.examiner.photos.preview("../../etc/passwd")


def test_an_auditor_cannot_add_photos(team: Team, case: str, ten: list[Path]) -> None:
    from forensiclog.domain.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        team.auditor.photos.add(case, ten[:1])
    assert stored_files(team) == []

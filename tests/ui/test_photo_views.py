"""The photos tab: import with refused files listed, lazy thumbnails, the viewer, editing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from forensiclog.ui.photos.photo_grid_model import SHA_ROLE, PhotoGridModel
from forensiclog.ui.photos.photo_import import (
    ImportRequest,
    StopFlag,
    collect_files,
    import_photos,
)
from forensiclog.ui.photos.photos_tab import PhotosTab
from forensiclog.ui.photos.thumbnail_loader import ThumbnailLoader
from forensiclog.ui.tasks import JobState
from tests.services.image_factory import plain, truncated_jpeg
from tests.ui.conftest import signed_in
from tests.ui.editor_fixtures import after_write, open_editor

__all__ = ["open_editor"]


def photos_tab(window) -> PhotosTab:
    tab = next(p for p in window.pages if isinstance(p, PhotosTab))
    window.tabs.setCurrentWidget(tab)
    return tab


def folder_of_photos(tmp_path: Path, good: int = 3) -> Path:
    folder = tmp_path / "drop"
    (folder / "more").mkdir(parents=True)
    for n in range(good):
        plain(folder / ("more" if n == 0 else ".") / f"good-{n}.jpg", "JPEG", size=(320 + n, 240))
    truncated_jpeg(folder / "broken.jpg")
    (folder / "notes.txt").write_text("not a photo")
    (folder / ".hidden.jpg").write_bytes(b"")
    return folder


def run_import(qtbot, window, tab: PhotosTab, paths: list[Path]):
    with qtbot.waitSignal(tab.import_finished, timeout=20_000) as finished:
        assert tab.import_files(paths) is not None
        assert tab.importing and not tab.bar.progress.isHidden()
    qtbot.waitUntil(lambda: not window.context.runner.busy, timeout=10_000)
    return finished.args[0]


def test_a_folder_is_searched_for_photos_and_hidden_files_are_skipped(tmp_path):
    folder = folder_of_photos(tmp_path)
    names = [path.name for path in collect_files([folder])]
    assert names == ["broken.jpg", "good-1.jpg", "good-2.jpg", "good-0.jpg"]


def test_good_photos_are_imported_and_the_truncated_one_is_listed(
    qtbot, open_editor, sample, tmp_path
):
    window = open_editor("taras", sample.registered[3])
    tab = photos_tab(window)
    before = len(window.context.record.photos)
    outcome = run_import(qtbot, window, tab, [folder_of_photos(tmp_path)])
    assert len(outcome.added) == 3
    assert [(r.path.name, r.reason) for r in outcome.refused] == [
        ("broken.jpg", "truncated or corrupt image data")
    ]
    assert len(window.context.record.photos) == before + 3
    assert tab.model.rowCount() == before + 3
    assert not tab.refused.isHidden()
    assert tab.refused.model.index(0, 0).data().endswith("broken.jpg")
    assert tab.refused.model.index(0, 1).data() == "truncated or corrupt image data"
    assert "3 photos added" in window.messages.text.text()
    assert "1 file refused" in window.messages.text.text()
    assert tab.bar.progress.isHidden() and tab.bar.add_button.isEnabled()


def test_photos_already_on_the_case_are_reported_not_added_twice(
    qtbot, open_editor, sample, tmp_path
):
    window = open_editor("taras", sample.registered[3])
    tab = photos_tab(window)
    photo = plain(tmp_path / "one.jpg", "JPEG")
    assert len(run_import(qtbot, window, tab, [photo]).added) == 1
    again = run_import(qtbot, window, tab, [photo])
    assert (again.added, again.duplicates) == ([], [photo])
    assert "already on this case" in window.messages.text.text()


def test_dropping_files_on_the_grid_imports_them(qtbot, open_editor, sample, tmp_path):
    window = open_editor("taras", sample.registered[3])
    tab = photos_tab(window)
    photo = plain(tmp_path / "dropped.png", "PNG")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo))])
    drop = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    # Offscreen there is no drag manager to route a synthetic drop: the view's handler is called.
    with qtbot.waitSignal(tab.import_finished, timeout=20_000) as finished:
        tab.grid.dropEvent(drop)
    assert drop.isAccepted()
    assert len(finished.args[0].added) == 1


def test_an_import_cancelled_before_it_starts_adds_nothing(sample, tmp_path):
    services = signed_in(sample.path, "taras")
    try:
        stop = StopFlag()
        stop.set()
        request = ImportRequest(sample.registered[3], (folder_of_photos(tmp_path),))
        outcome = import_photos(services, request, JobState(), stop)
        assert outcome.cancelled and outcome.added == [] and outcome.total == 4
        assert len(services.photos.for_case(sample.registered[3])) == 2
    finally:
        services.workspace.close()


def test_a_locked_case_refuses_the_import_for_an_examiner(qtbot, open_editor, sample, tmp_path):
    number = sample.registered[3]
    examiner = signed_in(sample.path, "taras")
    examiner.decisions.propose_identification(
        number, surname="A", given_names="B", methods=["dna"], reason="r"
    )
    coordinator = signed_in(sample.path, "olena")
    coordinator.decisions.confirm(number, reason="r")
    for services in (examiner, coordinator):
        services.workspace.close()
    window = open_editor("taras", number)
    tab = photos_tab(window)
    assert not tab.bar.add_button.isEnabled()
    assert tab.import_files([plain(tmp_path / "x.jpg", "JPEG")]) is None


def test_thumbnails_are_read_only_when_a_view_asks_for_them(qtbot, qtmodeltester, sample, runner):
    services = signed_in(sample.path, "taras")
    try:
        loader = ThumbnailLoader(runner, services.photos.thumbnail)
        model = PhotoGridModel(loader)
        model.set_photos(services.photos.for_case(sample.registered[3]))
        assert model.rowCount() == 2 and loader.pending == 0
        with qtbot.waitSignal(loader.thumbnail_loaded, timeout=10_000) as loaded:
            placeholder = model.index(0, 0).data(Qt.ItemDataRole.DecorationRole)
        assert loaded.args == [model.photos[0].sha256]
        image = model.index(0, 0).data(Qt.ItemDataRole.DecorationRole)
        assert image.width() == 160 and image.cacheKey() != placeholder.cacheKey()
        assert loader.image(model.photos[1].sha256) is None
        qtmodeltester.check(model)
        qtbot.waitUntil(lambda: loader.pending == 0, timeout=10_000)
    finally:
        services.workspace.close()


def test_a_photo_opens_large_and_zooms(qtbot, open_editor, sample):
    window = open_editor("taras", sample.registered[3])
    tab = photos_tab(window)
    tab.grid.setCurrentIndex(tab.model.index(0, 0))
    with qtbot.waitSignal(tab.details.open_requested, timeout=1000):
        tab.details.open_button.click()
    viewer = tab.viewer
    assert viewer is not None
    qtbot.addWidget(viewer)
    qtbot.waitUntil(lambda: not viewer.item.pixmap().isNull(), timeout=10_000)
    fitted = viewer.view.scale_factor
    viewer.buttons["zoom_in"].click()
    assert viewer.view.scale_factor > fitted
    qtbot.keyClick(viewer, Qt.Key.Key_Minus)
    qtbot.keyClick(viewer, Qt.Key.Key_Minus)
    assert viewer.view.scale_factor < fitted
    viewer.buttons["actual"].click()
    assert viewer.view.scale_factor == 1.0
    viewer.buttons["fit"].click()
    assert abs(viewer.view.scale_factor - fitted) < 1e-6
    assert "100 %" not in viewer.zoom_label.text()
    with qtbot.waitSignal(viewer.preview_shown, timeout=10_000):
        viewer.buttons["next"].click()
    assert viewer.index == 1 and not viewer.buttons["next"].isEnabled()


def test_kind_caption_and_document_are_edited_and_undone(qtbot, open_editor, sample):
    number = sample.registered[3]
    window = open_editor("taras", number)
    tab = photos_tab(window)
    tab.grid.setCurrentIndex(tab.model.index(0, 0))
    details = tab.details
    details.fields.widgets["caption"].setText("Body as received, front")
    document = details.fields.widgets["document"]
    document.setCurrentIndex(1)
    assert details.save_button.isEnabled()
    after_write(qtbot, window, details.save_button.click)
    photo = window.context.record.photos[0]
    assert photo.caption == "Body as received, front"
    assert photo.document == window.context.record.documents[0].id
    assert tab.model.index(0, 0).data() == "Body as received, front"
    after_write(qtbot, window, window.undo.undo_action.trigger)
    photo = window.context.record.photos[0]
    assert (photo.caption, photo.document) == (None, None)
    assert [e.action for e in window.context.services.audit.log(case=number)][-2:] == [
        "photo.edit",
        "photo.edit",
    ]


def test_the_grid_loads_only_the_thumbnails_on_screen(qtbot, open_editor, sample, tmp_path):
    window = open_editor("taras", sample.registered[3])
    window.resize(1366, 768)
    tab = photos_tab(window)
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(48):
        plain(folder / f"p{n:02d}.png", "PNG", size=(64 + n, 48))
    assert len(run_import(qtbot, window, tab, [folder]).added) == 48
    qtbot.waitUntil(lambda: tab.model.rowCount() == 50, timeout=10_000)
    qtbot.waitUntil(lambda: len(tab.loader._images) > 0 and tab.loader.pending == 0, timeout=10_000)
    on_screen = len(tab.loader._images)
    assert 0 < on_screen < 50
    below = tab.model.index(40, 0)  # three rows of the grid below the window's edge
    assert tab.loader.image(below.data(SHA_ROLE)) is None
    with qtbot.waitSignal(tab.loader.thumbnail_loaded, timeout=10_000):
        tab.grid.scrollTo(below)
        tab.grid.viewport().update()
    qtbot.waitUntil(lambda: tab.loader.image(below.data(SHA_ROLE)) is not None, timeout=10_000)

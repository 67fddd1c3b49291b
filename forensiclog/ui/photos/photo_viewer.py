"""A photo shown large: its preview read off the GUI thread, zoomed by wheel, keys or buttons."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPainter, QPixmap, QWheelEvent
from PySide6.QtWidgets import (
    QDialog,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from forensiclog.domain.records import PhotoRecord
from forensiclog.ui.photos.photo_grid_model import photo_title
from forensiclog.ui.photos.photo_kinds import photo_kind_label
from forensiclog.ui.tasks import TaskFailure, TaskRunner
from forensiclog.ui.translators import fill

STEP = 1.25
MIN_SCALE, MAX_SCALE = 0.02, 16.0


class ZoomView(QGraphicsView):
    """A graphics view that zooms about the mouse with the wheel and reports its scale."""

    zoomed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHints(QPainter.RenderHint.SmoothPixmapTransform)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setBackgroundBrush(Qt.GlobalColor.darkGray)
        self.fitted = True

    @property
    def scale_factor(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        wanted = min(max(self.scale_factor * factor, MIN_SCALE), MAX_SCALE)
        self.fitted = False
        self.scale(wanted / self.scale_factor, wanted / self.scale_factor)
        self.zoomed.emit(self.scale_factor)

    def actual_size(self) -> None:
        self.fitted = False
        self.resetTransform()
        self.zoomed.emit(self.scale_factor)

    def fit(self) -> None:
        self.fitted = True
        if not self.scene() or self.scene().itemsBoundingRect().isEmpty():
            return
        self.fitInView(self.scene().itemsBoundingRect(), Qt.AspectRatioMode.KeepAspectRatio)
        self.zoomed.emit(self.scale_factor)

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(STEP**steps)
        event.accept()

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self.fitted:
            self.fit()


def load_preview(path: Path) -> QImage:
    return QImage(str(path))


class PhotoViewer(QDialog):
    """One photo of a list, large; Page Up / Page Down move through the list."""

    preview_shown = Signal(str)  # the SHA-256 now on screen

    def __init__(
        self,
        runner: TaskRunner,
        preview_path: Callable[[str], Path],
        photos: Sequence[PhotoRecord],
        index: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.preview_path = preview_path
        self.photos = tuple(photos)
        self.index = index
        self.view = ZoomView(self)
        self.scene = QGraphicsScene(self)
        self.item = QGraphicsPixmapItem()
        self.title = QLabel(self)
        self.zoom_label = QLabel(self)
        self.buttons: dict[str, QPushButton] = {}
        self._build()
        self._connect_signals()
        self.resize(1100, 700)
        self._show_photo()

    def _build(self) -> None:
        self.scene.addItem(self.item)
        self.view.setScene(self.scene)
        self.view.setAccessibleName(self.tr("Photo"))
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        bar = QHBoxLayout()
        bar.addWidget(self.title, 1)
        specs = (
            (
                "previous",
                self.tr("◀ Previous"),
                QKeySequence(QKeySequence.StandardKey.MoveToPreviousPage),
            ),
            ("next", self.tr("Next ▶"), QKeySequence(QKeySequence.StandardKey.MoveToNextPage)),
            ("zoom_out", self.tr("Zoom out (−)"), QKeySequence(QKeySequence.StandardKey.ZoomOut)),
            ("zoom_in", self.tr("Zoom in (+)"), QKeySequence(QKeySequence.StandardKey.ZoomIn)),
            ("fit", self.tr("&Fit"), QKeySequence("Ctrl+0")),
            ("actual", self.tr("&100%"), QKeySequence("Ctrl+1")),
        )
        for name, text, key in specs:
            button = QPushButton(text, self)
            button.setShortcut(key)
            button.setAutoDefault(False)
            self.buttons[name] = button
            bar.addWidget(button)
        bar.addWidget(self.zoom_label)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

    def _connect_signals(self) -> None:
        self.buttons["previous"].clicked.connect(lambda: self.go_to(self.index - 1))
        self.buttons["next"].clicked.connect(lambda: self.go_to(self.index + 1))
        self.buttons["zoom_in"].clicked.connect(lambda: self.view.zoom_by(STEP))
        self.buttons["zoom_out"].clicked.connect(lambda: self.view.zoom_by(1 / STEP))
        self.buttons["fit"].clicked.connect(self.view.fit)
        self.buttons["actual"].clicked.connect(self.view.actual_size)
        self.view.zoomed.connect(self._on_view_zoomed)

    def keyPressEvent(self, event: object) -> None:
        # "+" and "-" without Ctrl, as in every image viewer; "=" is "+" without Shift.
        key = getattr(event, "key", lambda: None)()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.view.zoom_by(STEP)
        elif key == Qt.Key.Key_Minus:
            self.view.zoom_by(1 / STEP)
        else:
            super().keyPressEvent(event)  # type: ignore[arg-type]

    @property
    def photo(self) -> PhotoRecord:
        return self.photos[self.index]

    def go_to(self, index: int) -> None:
        if 0 <= index < len(self.photos) and index != self.index:
            self.index = index
            self._show_photo()

    def _show_photo(self) -> None:
        photo = self.photo
        position = fill(self.tr("%1 of %2"), self.index + 1, len(self.photos))
        self.title.setText(f"{photo_title(photo)} · {photo_kind_label(photo.kind)} · {position}")
        self.setWindowTitle(photo.original_name or photo_title(photo))
        self.buttons["previous"].setEnabled(self.index > 0)
        self.buttons["next"].setEnabled(self.index < len(self.photos) - 1)
        self.item.setPixmap(QPixmap())
        sha, path_of = photo.sha256, self.preview_path
        self.runner.read(
            lambda state: load_preview(path_of(sha)),
            name="photo preview",
            on_finished=partial(self._on_preview_read, sha),
            on_failed=self._on_preview_failed,
            latest="photo viewer",
        )

    def _on_preview_read(self, sha: str, image: QImage) -> None:
        if sha != self.photo.sha256:
            return
        self.item.setPixmap(QPixmap.fromImage(image))
        self.scene.setSceneRect(self.item.boundingRect())
        self.view.fit()
        self.preview_shown.emit(sha)

    def _on_preview_failed(self, failure: TaskFailure) -> None:
        self.title.setText(failure.message)

    def _on_view_zoomed(self, scale: float) -> None:
        self.zoom_label.setText(f"{round(scale * 100)} %")

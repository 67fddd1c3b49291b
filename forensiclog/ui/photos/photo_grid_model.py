"""The photos of a case as a list model: caption and kind as text, the thumbnail when loaded.

Handed the case's photo records; asks the loader for a thumbnail only when a view asks for
an item's picture, which a view does only for the items it paints.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QImage

from forensiclog.domain.records import PhotoRecord
from forensiclog.ui.photos.photo_kinds import photo_kind_label
from forensiclog.ui.photos.thumbnail_loader import ThumbnailLoader
from forensiclog.ui.translators import fill

Index = QModelIndex | QPersistentModelIndex
RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
SHA_ROLE = Qt.ItemDataRole.UserRole + 2


def placeholder(side: int, colour: str) -> QImage:
    image = QImage(QSize(side, side * 3 // 4), QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    return image


def photo_title(photo: PhotoRecord) -> str:
    return photo.caption or photo_kind_label(photo.kind)


class PhotoGridModel(QAbstractListModel):
    def __init__(self, loader: ThumbnailLoader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.loader = loader
        self.photos: tuple[PhotoRecord, ...] = ()
        self._rows: dict[str, int] = {}
        self._waiting = placeholder(loader.side, "#dcdcdc")
        self._broken = placeholder(loader.side, "#f2c4bf")
        loader.thumbnail_loaded.connect(self._on_loader_changed)
        loader.thumbnail_failed.connect(self._on_loader_changed)

    def set_photos(self, photos: Sequence[PhotoRecord]) -> None:
        self.beginResetModel()
        self.photos = tuple(photos)
        self._rows = {photo.sha256: row for row, photo in enumerate(self.photos)}
        self.endResetModel()

    def row_of(self, sha: str) -> int:
        return self._rows.get(sha, -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - the Qt signature
        return 0 if parent.isValid() else len(self.photos)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.photos):
            return None
        photo = self.photos[index.row()]
        if role == Qt.ItemDataRole.DecorationRole:
            return self._picture(photo.sha256)
        values = {
            Qt.ItemDataRole.DisplayRole: photo_title,
            Qt.ItemDataRole.ToolTipRole: self._description,
            Qt.ItemDataRole.AccessibleTextRole: self._description,
            RECORD_ROLE: lambda p: p,
            SHA_ROLE: lambda p: p.sha256,
        }
        value = values.get(role)
        return value(photo) if value else None

    def _picture(self, sha: str) -> QImage:
        image = self.loader.image(sha)
        if image is not None:
            return image
        if self.loader.has_failed(sha):
            return self._broken
        self.loader.request(sha)
        return self._waiting

    def _description(self, photo: PhotoRecord) -> str:
        parts = [photo_kind_label(photo.kind)]
        if photo.caption:
            parts.append(photo.caption)
        if photo.original_name:
            parts.append(photo.original_name)
        if photo.taken_at:
            parts.append(fill(self.tr("taken %1"), photo.taken_at.strftime("%Y-%m-%d %H:%M")))
        return " · ".join(parts)

    def _on_loader_changed(self, sha: str) -> None:
        row = self._rows.get(sha, -1)
        if row >= 0:
            index = self.index(row, 0)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

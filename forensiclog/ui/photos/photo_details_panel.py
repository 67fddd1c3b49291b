"""The selected photo's kind, caption and the document or effect it shows, editable."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from forensiclog.domain.records import CaseRecord, DocumentRecord, EffectRecord, PhotoRecord
from forensiclog.ui.case_editor.case_tab import form_layout, labelled_row
from forensiclog.ui.case_editor.form_fields import FormFields, as_text, fill_combo
from forensiclog.ui.case_editor.labels import DOCUMENT_KINDS, label
from forensiclog.ui.photos.photo_kinds import photo_kind_choices
from forensiclog.ui.translators import fill


def document_title(document: DocumentRecord) -> str:
    names = " ".join(n for n in (document.surname, document.given_names) if n)
    parts = [label(DOCUMENT_KINDS, document.kind), document.country or "", document.number or ""]
    text = " ".join(p for p in parts if p)
    return f"{text} — {names}" if names else text


def effect_title(effect: EffectRecord) -> str:
    return f"{effect.kind}: {effect.description}"


class PhotoDetailsPanel(QGroupBox):
    save_requested = Signal()
    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Selected photo"))
        self.photo: PhotoRecord | None = None
        self.fields = FormFields(self)
        self.facts = QLabel(self)
        self.save_button = QPushButton(self.tr("&Save photo details"), self)
        self.open_button = QPushButton(self.tr("&Open large"), self)
        self._editable = False
        self._build()
        self._connect_signals()
        self.show_photo(None)

    def _build(self) -> None:
        form = form_layout()
        kind = QComboBox()
        fill_combo(kind, photo_kind_choices(), blank=None)
        labelled_row(form, self.tr("&Shows"), self.fields.add("kind", kind), kind)
        caption = self.fields.add("caption", QLineEdit())
        labelled_row(form, self.tr("Ca&ption"), caption, caption)
        document = QComboBox()
        labelled_row(form, self.tr("&Document"), self.fields.add("document", document), document)
        effect = QComboBox()
        labelled_row(form, self.tr("&Effect"), self.fields.add("effect", effect), effect)
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.facts)
        layout.addStretch(1)

    def _connect_signals(self) -> None:
        self.fields.edited.connect(self.refresh_buttons)
        self.save_button.clicked.connect(self.save_requested)
        self.open_button.clicked.connect(self.open_requested)
        caption = self.fields.widgets["caption"]
        assert isinstance(caption, QLineEdit)
        caption.returnPressed.connect(self.save_requested)

    def show_case(self, record: CaseRecord, editable: bool) -> None:
        """The documents and effects a photo may be linked to."""
        self._editable = editable
        for name, items in (
            ("document", [(str(d.id), document_title(d)) for d in record.documents]),
            ("effect", [(str(e.id), effect_title(e)) for e in record.effects]),
        ):
            combo = self.fields.widgets[name]
            assert isinstance(combo, QComboBox)
            blocked = combo.blockSignals(True)
            fill_combo(combo, items, blank=self.tr("(none)"))
            combo.blockSignals(blocked)
        current = next(
            (p for p in record.photos if self.photo and p.sha256 == self.photo.sha256), None
        )
        self.show_photo(current, keep_edits=True)

    def show_photo(self, photo: PhotoRecord | None, *, keep_edits: bool = False) -> None:
        same = photo is not None and self.photo is not None and photo.sha256 == self.photo.sha256
        self.photo = photo
        values = {
            "kind": photo.kind if photo else "",
            "caption": photo.caption or "" if photo else "",
            "document": as_text(photo.document) if photo else "",
            "effect": as_text(photo.effect) if photo else "",
        }
        self.fields.show(values, keep_edits=keep_edits and same)
        self.fields.set_read_only(photo is None or not self._editable)
        self.open_button.setEnabled(photo is not None)
        self.facts.setText(self._facts(photo))
        self.refresh_buttons()

    def _facts(self, photo: PhotoRecord | None) -> str:
        if photo is None:
            return self.tr("Select a photo to see and edit its details.")
        lines = [
            fill(self.tr("File: %1"), photo.original_name or "—"),
            fill(
                self.tr("Imported %1 by %2"),
                photo.imported_at.strftime("%Y-%m-%d %H:%M"),
                photo.imported_by,
            ),
            fill(self.tr("SHA-256: %1…"), photo.sha256[:16]),
        ]
        if photo.taken_at:
            lines.insert(1, fill(self.tr("Taken %1"), photo.taken_at.strftime("%Y-%m-%d %H:%M")))
        if photo.width and photo.height:
            lines.append(fill(self.tr("%1 × %2 pixels"), photo.width, photo.height))
        return "\n".join(lines)

    def refresh_buttons(self) -> None:
        self.save_button.setEnabled(self.photo is not None and self._editable and self.fields.dirty)

    def changes(self) -> dict[str, str]:
        return self.fields.changes()

    def previous(self, names: list[str]) -> dict[str, str]:
        return self.fields.previous(names)

    @property
    def dirty(self) -> bool:
        return self.photo is not None and self.fields.dirty

"""The form of one found document: typed fields as printed, and the MRZ that fills and checks them."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from forensiclog.domain.countries import country_choices
from forensiclog.domain.document_fields import DocumentFields, reconcile
from forensiclog.domain.errors import InvalidInput
from forensiclog.domain.mrz import MrzResult
from forensiclog.domain.records import DocumentRecord, PhotoRecord
from forensiclog.domain.text import parse_date
from forensiclog.domain.vocabulary import DocumentKind
from forensiclog.ui.case_editor.case_tab import form_layout, labelled_row
from forensiclog.ui.case_editor.form_fields import FormFields, as_text, fill_combo, write_field
from forensiclog.ui.case_editor.labels import DOCUMENT_KINDS, choices
from forensiclog.ui.case_editor.mrz_box import MrzBox
from forensiclog.ui.photos.photo_grid_model import PhotoGridModel
from forensiclog.ui.photos.photo_grid_view import PhotoGridView
from forensiclog.ui.photos.thumbnail_loader import ThumbnailLoader
from forensiclog.ui.reason_text import reason_text
from forensiclog.ui.translators import fill

# Fields the MRZ can fill, as DocumentFields names them (all are form fields too).
MRZ_FILLED = (
    "country",
    "number",
    "surname",
    "given_names",
    "birth_date",
    "sex",
    "expiry_date",
    "personal_number",
)
TYPED = (
    "kind",
    "country",
    "number",
    "surname",
    "given_names",
    "birth_date",
    "birth_place",
    "sex",
    "expiry_date",
    "personal_number",
    "found_at",
    "bag",
    "notes",
)
NEW_DOCUMENT = {name: "" for name in TYPED} | {"kind": DocumentKind.PASSPORT.value, "mrz": ""}


def interface_language() -> str:
    return "uk" if QLocale().language() == QLocale.Language.Ukrainian else "en"


def record_values(document: DocumentRecord) -> dict[str, str]:
    values = {name: as_text(getattr(document, name)) for name in TYPED}
    values["mrz"] = "\n".join(document.mrz)
    return values


def _date(text: str) -> dt.date | None:
    try:
        return parse_date(text, "date")
    except InvalidInput:
        return None


class DocumentForm(QGroupBox):
    save_requested = Signal()

    def __init__(self, loader: ThumbnailLoader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields = FormFields(self)
        self.photos = PhotoGridModel(loader, self)
        self.photo_strip = PhotoGridView(self)
        self.photos_caption = QLabel(self.tr("Photos of this document"), self)
        self.mrz = MrzBox(self)
        self.accept_invalid = QCheckBox(
            self.tr("Record the zone as &damaged (accept failed checks)")
        )
        self.warnings = QLabel(self)
        self.save_button = QPushButton(self.tr("&Save document"))
        self.revert_button = QPushButton(self.tr("Re&vert"))
        self.document: DocumentRecord | None = None
        self._editable = False
        self._showing = False
        self._build()
        self._connect_signals()
        self.show_document(None)

    def _build(self) -> None:
        columns = QHBoxLayout(self)
        left = QVBoxLayout()
        form = self._identity_form()
        self._where_rows(form)
        left.addLayout(form)
        left.addStretch(1)
        columns.addLayout(left, 1)
        right = QVBoxLayout()
        right.addWidget(self.mrz)
        right.addWidget(self.accept_invalid)
        self.warnings.setWordWrap(True)
        self.warnings.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.warnings.setTextFormat(Qt.TextFormat.PlainText)
        self.warnings.setStyleSheet("color: #8a5300;")
        right.addWidget(self.warnings)
        self.photo_strip.setModel(self.photos)
        self.photo_strip.setAcceptDrops(False)
        self.photo_strip.setAccessibleName(self.photos_caption.text())
        self.photos_caption.setBuddy(self.photo_strip)
        right.addWidget(self.photos_caption)
        right.addWidget(self.photo_strip, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        right.addLayout(buttons)
        columns.addLayout(right, 1)
        self.fields.add("mrz", self.mrz.editor)

    def _identity_form(self) -> QFormLayout:
        form = form_layout()
        kind = QComboBox()
        fill_combo(kind, choices(DOCUMENT_KINDS), blank=None)
        labelled_row(form, self.tr("&Kind"), self.fields.add("kind", kind), kind)
        country = self._country_box()
        labelled_row(form, self.tr("Issuing &state"), self.fields.add("country", country), country)
        rows = (
            ("number", self.tr("Document &number")),
            ("surname", self.tr("Su&rname as printed")),
            ("given_names", self.tr("&Given names as printed")),
            ("birth_date", self.tr("Date of &birth")),
            ("birth_place", self.tr("&Place of birth")),
        )
        for name, text in rows:
            field = self.fields.add(name, QLineEdit())
            labelled_row(form, text, field, field)
        sex = QComboBox()
        fill_combo(sex, [("M", self.tr("M")), ("F", self.tr("F")), ("X", self.tr("X"))])
        labelled_row(form, self.tr("Se&x as printed"), self.fields.add("sex", sex), sex)
        for name, text in (
            ("expiry_date", self.tr("&Expiry date")),
            ("personal_number", self.tr("Personal n&umber")),
        ):
            field = self.fields.add(name, QLineEdit())
            labelled_row(form, text, field, field)
        for name in ("birth_date", "expiry_date"):
            widget = self.fields.widgets[name]
            assert isinstance(widget, QLineEdit)
            widget.setPlaceholderText(self.tr("YYYY-MM-DD"))
        return form

    def _where_rows(self, form: QFormLayout) -> None:
        """Where the document was found and sealed, under its identity fields."""
        form.addItem(QSpacerItem(0, 10))
        found = self.fields.add("found_at", QLineEdit())
        labelled_row(form, self.tr("&Found at (on the body)"), found, found)
        bag = self.fields.add("bag", QLineEdit())
        labelled_row(form, self.tr("Evidence &bag / seal"), bag, bag)
        notes = QPlainTextEdit()
        notes.setTabChangesFocus(True)
        notes.setFixedHeight(54)
        labelled_row(form, self.tr("N&otes"), self.fields.add("notes", notes), notes)

    def _country_box(self) -> QComboBox:
        box = QComboBox()
        box.setEditable(True)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(16)
        box.addItem("", "")
        for code, name in country_choices(interface_language()):
            box.addItem(f"{code} — {name}", code)
        completer = box.completer()
        assert completer is not None  # an editable combo box always has one
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        editor = box.lineEdit()
        assert editor is not None
        # A chosen state shows from its start (the code), not scrolled to the end of its name.
        box.activated.connect(lambda _index: editor.setCursorPosition(0))
        return box

    def _connect_signals(self) -> None:
        self.fields.edited.connect(self.refresh_buttons)
        self.mrz.zone_read.connect(self._on_mrz_zone_read)
        self.mrz.reading_changed.connect(lambda _reading: self._show_checks())
        self.accept_invalid.toggled.connect(self.refresh_buttons)
        self.save_button.clicked.connect(self.save_requested)
        self.revert_button.clicked.connect(self.discard)

    # -- showing ----------------------------------------------------------------------------

    @property
    def is_new(self) -> bool:
        return self.document is None

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        self.fields.set_read_only(not editable)
        self.mrz.setReadOnly(not editable)
        self.refresh_buttons()

    def show_document(self, document: DocumentRecord | None, *, keep_edits: bool = False) -> None:
        same = (document is None and self.document is None) or (
            document is not None and self.document is not None and document.id == self.document.id
        )
        self.document = document
        self.setTitle(
            self.tr("New document")
            if document is None
            else fill(self.tr("Document %1"), document.id)
        )
        values = NEW_DOCUMENT if document is None else record_values(document)
        self.fields.show(values, keep_edits=keep_edits and same)
        self._showing = True  # a stored zone is shown as it was saved, not used to fill
        try:
            self.mrz.refresh()
        finally:
            self._showing = False
        self.accept_invalid.setChecked(False)
        self._show_checks()
        self.refresh_buttons()

    def show_photos(self, photos: list[PhotoRecord]) -> None:
        self.photos.set_photos(photos)
        self.photos_caption.setText(
            self.tr("Photos of this document")
            if photos
            else self.tr("No photo of this document yet")
        )
        self.photo_strip.setVisible(bool(photos))

    def discard(self) -> None:
        self.fields.reset()
        self._showing = True
        try:
            self.mrz.refresh()
        finally:
            self._showing = False
        self.accept_invalid.setChecked(False)
        self._show_checks()

    def _show_checks(self) -> None:
        reading = self.mrz.reading()
        damaged = reading.complete and not reading.valid
        self.accept_invalid.setVisible(damaged)
        warnings = list(self.document.warnings) if self.document and not self.fields.dirty else []
        if reading.result is not None:
            warnings = list(self._live_warnings(reading.result))
        self.warnings.setText("\n".join(f"⚠ {reason_text(w)}" for w in warnings))
        self.warnings.setVisible(bool(warnings))

    def refresh_buttons(self) -> None:
        reading = self.mrz.reading()
        blocked = reading.problem is not None or (
            reading.complete and not reading.valid and not self.accept_invalid.isChecked()
        )
        typed_zone = bool(self.mrz.lines())
        incomplete = typed_zone and not reading.complete
        dirty = self.fields.dirty
        self.save_button.setEnabled(self._editable and dirty and not blocked and not incomplete)
        self.revert_button.setEnabled(dirty)

    # -- the MRZ filling the form -----------------------------------------------------------

    def typed_fields(self) -> DocumentFields:
        values = self.fields.values()
        text = {name: values[name] or None for name in MRZ_FILLED}
        return DocumentFields(
            country=text["country"],
            number=text["number"],
            surname=text["surname"],
            given_names=text["given_names"],
            birth_date=_date(values["birth_date"]),
            sex=text["sex"],
            expiry_date=_date(values["expiry_date"]),
            personal_number=text["personal_number"],
        )

    def _live_warnings(self, zone: MrzResult) -> tuple[str, ...]:
        _filled, warnings = reconcile(self.typed_fields(), zone)
        return tuple(zone.warnings) + warnings

    def _on_mrz_zone_read(self, zone: MrzResult | None) -> None:
        """Fill the empty fields from a whole zone; a field whose check failed stays empty."""
        if zone is None or not self._editable or self._showing:
            return
        filled, _warnings = reconcile(self.typed_fields(), zone)
        values = self.fields.values()
        for name in MRZ_FILLED:
            value = getattr(filled, name)
            if not values[name] and value:
                write_field(self.fields.widgets[name], as_text(value))
        self._show_checks()
        self.refresh_buttons()

    # -- what to save -----------------------------------------------------------------------

    def changes(self) -> dict[str, str]:
        return self.fields.changes()

    def new_document_values(self) -> dict[str, str]:
        """The typed values of a new document, empty ones left out."""
        values = self.fields.values()
        return {name: value for name, value in values.items() if value and name != "mrz"}

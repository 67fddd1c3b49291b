"""Hand-built records for the report tests: Cyrillic and Latin names, hostile text, JPEG previews."""

from __future__ import annotations

import datetime as dt
import io

from PIL import Image, ImageDraw

from forensiclog.domain.records import (
    AuditRecord,
    CaseRecord,
    CaseRow,
    ChecklistEntry,
    CustodyRecord,
    DecisionRecord,
    DeclaredRecord,
    DocumentRecord,
    EffectRecord,
    ExchangeRecord,
    ExchangeSummary,
    MarkRecord,
    PhotoRecord,
    SampleRecord,
    WorkspaceInfo,
)
from forensiclog.domain.report_inputs import ReportContext, ReportLanguage, ReportPhoto

T0 = dt.datetime(2025, 6, 13, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=3)))
HOSTILE_SURNAME = "O'Neil <b>&amp; Co"
HOSTILE_NOTE = (
    'Found with <img src="/etc/passwd"/> and <link href="file:///etc/shadow">a link</link>; '
    'unclosed <b> tag & <font color="[[[x for x in ().__class__]]]">colour</font>'
)

WORKSPACE = WorkspaceInfo(
    uid="ws-1",
    name="Київ, бюро №2",
    site="KYV",
    team="T2",
    created_at=T0,
    public_key_fingerprint="SHA256:q1Xb9a0Zk2m8Rt4y7Vc3PpL0sWnE6uJ5hG1dF2aB3cD",
    path="/data/ws",
)


def context(language: str = "en") -> ReportContext:
    return ReportContext(
        language=ReportLanguage(language),
        generated_at=T0,
        generated_by="Олена Коваль",
        workspace=WORKSPACE,
        audit_head="9f2c4e1ab37d5c08e6f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7",
    )


def jpeg(width: int = 1200, height: int = 900, colour: str = "#6b8cae", text: str = "") -> bytes:
    image = Image.new("RGB", (width, height), colour)
    draw = ImageDraw.Draw(image)
    draw.rectangle(
        (width // 8, height // 8, width * 7 // 8, height * 7 // 8), outline="white", width=9
    )
    draw.ellipse((width // 3, height // 3, width * 2 // 3, height * 2 // 3), fill="#d9c27a")
    if text:
        draw.text((20, 20), text, fill="black")
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


def photo(
    sha: str, kind: str, *, document: int | None = None, caption: str | None = None
) -> PhotoRecord:
    return PhotoRecord(
        sha256=sha * 8,
        kind=kind,
        caption=caption,
        imported_at=T0,
        imported_by="examiner1",
        taken_at=T0 - dt.timedelta(hours=2),
        document=document,
    )


DOCUMENTS = (
    DocumentRecord(
        id=11,
        uid="d-11",
        kind="internal_passport",
        country="RUS",
        number="4509 123456",
        surname="Иванов",
        given_names="Сергей Петрович",
        birth_date=dt.date(1990, 3, 14),
        birth_place="Московская обл.",
        mrz_valid=None,
        found_at="нагрудна кишеня",
        bag="EB-0042 / seal 778812",
        photos=("ab12cd34" * 8,),
    ),
    DocumentRecord(
        id=12,
        uid="d-12",
        kind="passport",
        country="RUS",
        number="751234567",
        surname="IVANOV",
        given_names="SERGEI",
        mrz=(
            "P<RUSIVANOV<<SERGEI<<<<<<<<<<<<<<<<<<<<<<<<<",
            "7512345674RUS9003148M3001012<<<<<<<<<<<<<<02",
        ),
        mrz_format="TD3",
        mrz_valid=False,
        mrz_failures=("document_number", "composite"),
        warnings=("surname differs from the typed field: IVANOV / Иванов",),
    ),
    DocumentRecord(
        id=13,
        uid="d-13",
        kind="military_id",
        country="UKR",
        number="АА 123456",
        surname="Гнатюк",
        given_names="Олексій Вікторович",
        mrz_valid=True,
        mrz_format="TD1",
    ),
)


def case_record(**changes: object) -> CaseRecord:
    base = CaseRecord(
        uid="c-1",
        case_number="KYV-T2-00153",
        exchange="R2-0613",
        status="foreign_national",
        nationality="foreign",
        nationality_basis="Внутрішній паспорт громадянина РФ № 4509 123456, знайдений у кишені",
        created_at=T0,
        created_by="examiner1",
        tag="Б-153",
        condition="decomposed",
        location="Холодильник 3, полиця 2",
        sex="M",
        age_min=25,
        age_max=35,
        stature_cm=178,
        clothing="Камуфляжна форма без розпізнавальних знаків; берці 44 розміру",
        notes="Перший абзац.\n\nДругий абзац з ʼ апострофом і № знаком.",
        arrived_at=T0,
        declared=DeclaredRecord(
            surname="Гнатюк",
            given_names="Олексій Вікторович",
            birth_date=dt.date(1991, 5, 2),
            unit="в/ч А1234",
            service_number="0123456789",
            row=153,
            source_file="handover-R2.xlsx",
        ),
        checklist=(
            ChecklistEntry("external", "done"),
            ChecklistEntry("fingerprints", "not_possible", "шкіра пальців зруйнована"),
            ChecklistEntry("dna", "in_progress"),
        ),
        marks=(MarkRecord("m-1", "tattoo", "Орел на лівому плечі", "ліве плече"),),
        samples=(SampleRecord("S-2025-0042", "bone", "examiner1", T0, lab="ДНК-лаб Київ"),),
        custody=(CustodyRecord(T0, "examiner1", "Холодильник 3, полиця 2", "Вагон 4", "огляд"),),
        identification=DecisionRecord(
            uid="dec-1",
            kind="exclusion",
            state="confirmed",
            reason="Паспорт громадянина РФ",
            proposed_by="examiner1",
            proposed_at=T0,
            methods=("documents",),
            surname="Иванов",
            given_names="Сергей Петрович",
            decided_by="coordinator1",
            decided_at=T0,
        ),
        documents=DOCUMENTS,
        effects=(
            EffectRecord(
                21, "e-21", "телефон", "Samsung, розбитий екран", "ліва кишеня", "EB-0043"
            ),
        ),
        photos=(photo("ab12cd34", "document", document=11), photo("ef56ab78", "face")),
        completeness_score=3,
        missing=("dna_result", "dental"),
        history=(
            AuditRecord(
                1,
                "ws-1",
                T0.isoformat(),
                "examiner1",
                "case.create",
                "case",
                after={"tag": "Б-153", "status": "received"},
            ),
            AuditRecord(
                2,
                "ws-1",
                T0.isoformat(),
                "coordinator1",
                "case.status",
                "case",
                reason="паспорт РФ",
                before={"status": "examined"},
                after={"status": "foreign_national"},
            ),
        ),
    )
    return base if not changes else _replace(base, changes)


def _replace(case: CaseRecord, changes: dict[str, object]) -> CaseRecord:
    from dataclasses import replace

    return replace(case, **changes)  # type: ignore[arg-type]


def report_photos(case: CaseRecord) -> tuple[ReportPhoto, ...]:
    colours = ["#6b8cae", "#8e6bae", "#ae8e6b", "#6bae8e", "#ae6b6b", "#6b6bae"]
    return tuple(
        ReportPhoto(
            p, jpeg(1200 if i % 2 == 0 else 900, 900 if i % 2 == 0 else 1200, colours[i % 6])
        )
        for i, p in enumerate(case.photos)
    )


EXCHANGE = ExchangeRecord(
    code="R2-0613",
    date_received=dt.date(2025, 6, 13),
    declared=6000,
    place="Київська обл.",
    counterparty="РФ",
    reference="Стамбул-2, етап 2",
)


def summary(rows: int = 6) -> ExchangeSummary:
    return ExchangeSummary(
        exchange=EXCHANGE,
        registered=rows,
        arrived=rows - 1,
        by_status={"received": 2, "examined": 2, "foreign_national": 1, "identified": 1},
        foreign=1,
        unexamined=2,
    )


def case_rows(count: int) -> tuple[CaseRow, ...]:
    statuses = [
        "received",
        "examined",
        "sampled",
        "awaiting_results",
        "identified",
        "foreign_national",
    ]
    nationalities = ["own", "foreign", "undetermined"]
    return tuple(
        CaseRow(
            case_number=f"KYV-T2-{i:05d}",
            exchange="R2-0613",
            tag=f"Б-{i}",
            status=statuses[i % len(statuses)],
            nationality=nationalities[i % 3],
            documents=i % 4,
            photos=i % 9,
            completeness=1 + i % 5,
        )
        for i in range(1, count + 1)
    )

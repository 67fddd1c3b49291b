"""The report service on a real workspace: what each PDF holds (read back), the discrepancies it
finds, the atomic write, the history entry, refusals, and reports from a read-only workspace."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select

from forensiclog.db.models import AuditEntry
from forensiclog.domain.errors import (
    EnvironmentProblem,
    InvalidInput,
    NotFound,
)
from forensiclog.domain.report_inputs import (
    BodyWithoutManifestLine,
    DuplicateTag,
    ManifestLineWithoutBody,
    SharedDocumentNumber,
)
from forensiclog.services import report_data
from forensiclog.services.build import Services, build
from forensiclog.services.reports import ReportKind, report_request
from forensiclog.services.workspace import open_workspace
from tests.conftest import Team
from tests.reports.pdf_reading import images, needs_pdftotext, page_texts, reader, text

pytestmark = needs_pdftotext

EXCHANGE, OTHER = "R2-0613", "R3-0701"
HOSTILE = "O'Neil <b>&amp; Co"
# Cases as the scenario numbers them: the four handover-list lines come first.
GNATIUK, HOSTILE_CASE, UNARRIVED_3, UNARRIVED_4 = (f"KYV-T1-0000{n}" for n in range(1, 5))
NO_LIST, NO_TAG, DUPLICATE, ELSEWHERE = (f"KYV-T1-0000{n}" for n in range(5, 9))


def _photo(path: Path, colour: tuple[int, int, int], size: tuple[int, int] = (1600, 1200)) -> Path:
    Image.new("RGB", size, colour).save(path, "JPEG", quality=90)
    return path


def build_scenario(path: Path) -> None:
    """Two exchanges; a handover list of four, two of them arrived; a body without a line,
    one without a tag, a duplicate tag, a Russian passport, and a document number that
    appears on three cases (one of them in the other exchange)."""
    workspace = open_workspace(path)
    team = Team(workspace)
    coordinator, examiner = team.coordinator, team.examiner
    coordinator.exchanges.add(EXCHANGE, date="2025-06-13", declared=6000, place="Київ")
    coordinator.exchanges.add(OTHER, date="2025-07-01", declared=10)
    listing = path.parent / "list.csv"
    listing.write_text(
        "tag,surname,given_names,birth_date,service_number\n"
        "UA-1,Гнатюк,Іван Петрович,1990-01-02,ВС-111\n"
        f'UA-2,"{HOSTILE}",John,1985-05-05,\n'
        "UA-3,Шевченко,Тарас,,ВС-333\n"
        "UA-4,,,,\n",
        encoding="utf-8",
    )
    coordinator.manifest.import_file(EXCHANGE, listing)
    examiner.cases.register(EXCHANGE, tag="UA-1", condition="complete")
    examiner.cases.register(EXCHANGE, tag="UA-2", condition="burnt")
    examiner.cases.register(EXCHANGE, tag="NOLIST-7", condition="decomposed")
    examiner.cases.register(EXCHANGE)
    examiner.cases.register(EXCHANGE, tag="UA-1", allow_duplicate_tag=True)
    examiner.cases.register(OTHER, tag="Z-1")
    passport = examiner.documents.add(
        GNATIUK,
        kind="passport",
        country="RUS",
        number="75 1234567",
        surname="Иванов",
        given_names="Иван Иванович",
        photos=[_photo(path.parent / "passport.jpg", (150, 60, 40))],
    ).document
    examiner.photos.add(GNATIUK, [_photo(path.parent / "body.jpg", (40, 90, 150))], kind="overview")
    examiner.cases.edit(GNATIUK, {"nationality": "foreign", "nationality_basis": "паспорт РФ"})
    examiner.documents.add(NO_LIST, kind="military_id", country="UKR", number="751-234-567")
    examiner.documents.add(ELSEWHERE, kind="passport", country="RUS", number="751234567")
    examiner.documents.add(HOSTILE_CASE, kind="military_id", country="UKR", number="АА 000001")
    assert passport.country == "RUS"
    workspace.close()


@pytest.fixture(scope="module")
def scenario_template(tmp_path_factory: pytest.TempPathFactory, template_workspace: Path) -> Path:
    target = tmp_path_factory.mktemp("reports") / "workspace"
    shutil.copytree(template_workspace, target)
    build_scenario(target)
    return target


@pytest.fixture
def workspace_path(scenario_template: Path, tmp_path: Path) -> Path:
    """Each test gets its own copy of the scenario (``team`` opens it)."""
    target = tmp_path / "workspace"
    shutil.copytree(scenario_template, target)
    return target


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def history_count(services: Services) -> int:
    with services.ctx.reading() as session:
        return int(session.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def read_back(file: Path, result: dict[str, object]) -> str:
    pdf = file.read_bytes()
    assert result["sha256"] == hashlib.sha256(pdf).hexdigest()
    assert result["pages"] == len(reader(pdf).pages)
    return text(pdf)


# ---- what the PDFs hold ------------------------------------------------------------------


def test_the_case_report_holds_the_case_its_names_documents_and_photo_previews(
    team: Team, out: Path
) -> None:
    result = team.examiner.reports.body(GNATIUK, out / "case.pdf").as_dict()

    assert set(result) >= {"file", "pages", "sha256"} and result["file"] == str(out / "case.pdf")
    found = read_back(out / "case.pdf", result)
    for expected in (GNATIUK, EXCHANGE, "Гнатюк", "Іван Петрович", "Иванов", "75 1234567"):
        assert expected in found
    assert "паспорт РФ" in found and "Сторінка 1 з" in found and "Page 1 of" not in found
    assert "petro" in found  # who made it
    jpegs = [data for kind, data in images((out / "case.pdf").read_bytes()) if "DCT" in kind]
    assert len(jpegs) == 2  # both photos, as downscaled previews
    assert all(len(data) < 200_000 for data in jpegs)


def test_a_surname_with_markup_prints_literally(team: Team, out: Path) -> None:
    result = team.examiner.reports.body(HOSTILE_CASE, out / "hostile.pdf", language="en")
    found = read_back(out / "hostile.pdf", result.as_dict())
    assert HOSTILE in found and "Page 1 of" in found


def test_the_exchange_report_lists_every_case_in_english(team: Team, out: Path) -> None:
    result = team.coordinator.reports.exchange(EXCHANGE, out / "exchange.pdf", language="en")
    found = read_back(out / "exchange.pdf", result.as_dict())
    for number in (GNATIUK, HOSTILE_CASE, UNARRIVED_3, UNARRIVED_4, NO_LIST, NO_TAG, DUPLICATE):
        assert number in found
    assert ELSEWHERE not in found  # the other exchange's case
    assert "Exchange report" in found and "Page 1 of" in found and "olena" in found


def test_the_foreign_report_holds_the_foreign_case_with_its_document_and_its_photo(
    team: Team, out: Path
) -> None:
    result = team.coordinator.reports.foreign(EXCHANGE, out / "foreign.pdf")
    pdf = (out / "foreign.pdf").read_bytes()
    found = read_back(out / "foreign.pdf", result.as_dict())
    assert GNATIUK in found and "Иванов" in found and "75 1234567" in found and "RUS" in found
    assert NO_LIST not in found  # assessed own
    assert len([k for k, _ in images(pdf) if "DCT" in k]) == 1  # the passport's photo only


def test_the_discrepancies_are_exactly_the_planted_ones(team: Team, out: Path) -> None:
    with team.auditor.ctx.reading() as session:
        found = report_data.discrepancies(session, EXCHANGE)

    assert found.manifest_without_body == (
        ManifestLineWithoutBody(UNARRIVED_3, "UA-3", 4, "Шевченко", "Тарас", "ВС-333"),
        ManifestLineWithoutBody(UNARRIVED_4, "UA-4", 5, None, None, None),
    )
    assert [(b.case_number, b.tag) for b in found.bodies_without_manifest] == [
        (NO_LIST, "NOLIST-7"),
        (NO_TAG, None),
    ]
    assert all(isinstance(b, BodyWithoutManifestLine) for b in found.bodies_without_manifest)
    assert found.duplicate_tags == (DuplicateTag("UA-1", (GNATIUK, DUPLICATE)),)
    assert found.shared_document_numbers == (
        SharedDocumentNumber(
            "75 1234567", "RUS, UKR", None, (GNATIUK, NO_LIST, f"{ELSEWHERE} ({OTHER})")
        ),
    )


def test_the_discrepancy_report_prints_each_section_with_its_count(team: Team, out: Path) -> None:
    result = team.coordinator.reports.discrepancies(EXCHANGE, out / "d.pdf", language="en")
    pages = page_texts((out / "d.pdf").read_bytes())
    found = " ".join(" ".join(pages).split())  # table cells wrap
    assert len(pages) == result.pages == 1
    for line in ("UA-3", "UA-4", "NOLIST-7", "Шевченко", "75 1234567", f"{ELSEWHERE} ({OTHER})"):
        assert line in found
    assert f"{GNATIUK}, {DUPLICATE}" in found
    assert "(2)" in found and "(1)" in found


def test_the_other_exchange_sees_the_shared_number_from_its_side(team: Team) -> None:
    with team.auditor.ctx.reading() as session:
        found = report_data.discrepancies(session, OTHER)
    assert found.manifest_without_body == found.duplicate_tags == ()
    # Its one body came without a list, and its passport number is also on this exchange's cases.
    assert [b.case_number for b in found.bodies_without_manifest] == [ELSEWHERE]
    assert found.shared_document_numbers[0].cases == (
        f"{GNATIUK} ({EXCHANGE})",
        f"{NO_LIST} ({EXCHANGE})",
        ELSEWHERE,
    )


def test_labels_for_an_exchange_cases_or_both_each_case_once(team: Team, out: Path) -> None:
    with team.auditor.ctx.reading() as session:
        items = report_data.label_items(session, [NO_TAG, EXCHANGE, OTHER])
    numbers = [i.case_number for i in items]
    assert numbers[0] == NO_TAG and len(numbers) == len(set(numbers)) == 8
    assert items[numbers.index(ELSEWHERE)].exchange == OTHER

    result = team.examiner.reports.labels([EXCHANGE], out / "labels.pdf", layout="a4-8")
    found = read_back(out / "labels.pdf", result.as_dict())
    assert result.pages == 1 and GNATIUK in found and DUPLICATE in found and "UA-1" in found
    result = team.examiner.reports.labels([GNATIUK, NO_LIST], out / "two.pdf", layout="a4-24")
    assert read_back(out / "two.pdf", result.as_dict()).count("KYV-T1-") == 2


# ---- refusals ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "target", "refusal", "named"),
    [
        (ReportKind.BODY, "KYV-T1-00999", NotFound, "KYV-T1-00999"),
        (ReportKind.EXCHANGE, "R9-0000", NotFound, "R9-0000"),
        (ReportKind.FOREIGN, "R9-0000", NotFound, "R9-0000"),
        (ReportKind.DISCREPANCIES, "R9-0000", NotFound, "R9-0000"),
        (ReportKind.LABELS, "nothing-like-it", NotFound, "nothing-like-it"),
    ],
)
def test_an_unknown_target_is_refused_and_leaves_nothing(
    team: Team, out: Path, kind: ReportKind, target: str, refusal: type[Exception], named: str
) -> None:
    before = history_count(team.auditor)
    with pytest.raises(refusal, match=named):
        team.coordinator.reports.export(report_request(kind, target), out / "r.pdf")
    assert list(out.iterdir()) == [] and history_count(team.auditor) == before


def test_bad_options_are_refused_naming_them() -> None:
    with pytest.raises(InvalidInput, match="language"):
        report_request("body", "KYV-T1-00001", language="de")
    with pytest.raises(InvalidInput, match="layout"):
        report_request("labels", ["R2-0613"], layout="a5-2")
    with pytest.raises(InvalidInput, match="one case"):
        report_request("body", ["KYV-T1-00001", "KYV-T1-00002"])
    with pytest.raises(InvalidInput, match="report"):
        report_request("summary", "R2-0613")


def test_every_role_may_export_reports_as_cli_md_says(team: Team, out: Path) -> None:
    for name, services in [
        ("admin", team.admin),
        ("auditor", team.auditor),
        ("examiner", team.examiner),
    ]:
        exported = services.reports.exchange(EXCHANGE, out / f"{name}.pdf")
        assert exported.pages >= 1
    assert sorted(p.name for p in out.iterdir()) == ["admin.pdf", "auditor.pdf", "examiner.pdf"]


def test_an_output_folder_that_is_missing_or_a_folder_is_refused(
    team: Team, tmp_path: Path, out: Path
) -> None:
    before = history_count(team.auditor)
    with pytest.raises(InvalidInput, match="does not exist"):
        team.auditor.reports.exchange(EXCHANGE, tmp_path / "missing" / "r.pdf")
    with pytest.raises(InvalidInput, match="is a folder"):
        team.auditor.reports.exchange(EXCHANGE, out)
    assert not (tmp_path / "missing").exists() and list(out.iterdir()) == []
    assert history_count(team.auditor) == before


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root may write anywhere")
def test_an_unwritable_folder_is_refused(team: Team, out: Path) -> None:
    out.chmod(0o500)
    try:
        with pytest.raises(EnvironmentProblem, match="not allowed"):
            team.auditor.reports.exchange(EXCHANGE, out / "r.pdf")
    finally:
        out.chmod(0o700)
    assert list(out.iterdir()) == []


@pytest.mark.parametrize(
    "breaks",
    ["create", "flush", "rename", "history"],
)
def test_an_export_that_fails_part_way_leaves_no_file_and_no_history_entry(
    team: Team, out: Path, monkeypatch: pytest.MonkeyPatch, breaks: str
) -> None:
    """Refused by the folder, a full disk while flushing, a failed rename, or a failed commit of
    the history entry: no PDF, no temporary file, no entry."""
    (out / "old.pdf").write_bytes(b"kept")
    before = history_count(team.auditor)
    full = OSError(errno.ENOSPC, "No space left on device")

    def fail(*args: object, **kwargs: object) -> None:
        raise full

    target = {
        "create": "forensiclog.services.report_file.os.open",
        "flush": "forensiclog.services.report_file.os.fsync",
        "rename": "forensiclog.services.report_file.os.replace",
        "history": "forensiclog.services.context.history.append",
    }[breaks]
    monkeypatch.setattr(target, fail)
    with pytest.raises((EnvironmentProblem, OSError)):
        team.coordinator.reports.exchange(EXCHANGE, out / "r.pdf")
    monkeypatch.undo()
    assert sorted(p.name for p in out.iterdir()) == ["old.pdf"]
    assert history_count(team.auditor) == before


def test_progress_may_stop_the_export_before_anything_is_written(team: Team, out: Path) -> None:
    seen: list[tuple[int, int, str]] = []

    class Stop(Exception):
        pass

    def progress(done: int, total: int, stage: str) -> None:
        seen.append((done, total, stage))
        if stage == "photos" and done == 1:
            raise Stop

    before = history_count(team.auditor)
    with pytest.raises(Stop):
        team.coordinator.reports.export(report_request("body", GNATIUK), out / "case.pdf", progress)
    assert seen[:3] == [(0, 0, "reading"), (0, 2, "photos"), (1, 2, "photos")]
    assert list(out.iterdir()) == [] and history_count(team.auditor) == before


# ---- the history, overwriting, and read-only workspaces ------------------------------------


def test_the_export_is_in_the_history_with_the_sha256_of_the_pdf(team: Team, out: Path) -> None:
    result = team.auditor.reports.body(GNATIUK, out / "case.pdf")
    entry = team.auditor.audit.log(limit=1)[0]
    digest = hashlib.sha256((out / "case.pdf").read_bytes()).hexdigest()
    assert (entry.action, entry.user, entry.case_number) == ("report.export", "iryna", GNATIUK)
    assert entry.after == {
        "kind": "body",
        "target": GNATIUK,
        "language": "uk",
        "file": "case.pdf",
        "sha256": digest,
        "pages": result.pages,
        "fingerprint": result.fingerprint,
    }
    assert result.noted and team.auditor.audit.verify().valid
    # The export is the report's, not a record of the case: a second copy of the unchanged
    # case carries the same data fingerprint, as the report says it does.
    again = team.auditor.reports.body(GNATIUK, out / "again.pdf")
    assert again.fingerprint == result.fingerprint
    assert "Звіт сформовано" not in text((out / "again.pdf").read_bytes())


def test_a_second_export_replaces_the_file_whole(team: Team, out: Path) -> None:
    target = out / "labels.pdf"
    first = team.examiner.reports.labels([EXCHANGE], target, layout="a4-8")
    second = team.examiner.reports.labels([GNATIUK], target, layout="a4-24")
    assert hashlib.sha256(target.read_bytes()).hexdigest() == second.sha256 != first.sha256
    assert [p.name for p in out.iterdir()] == ["labels.pdf"]
    if os.name != "nt":  # an ordinary document, readable as the umask allows
        umask = os.umask(0)
        os.umask(umask)
        assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_reports_from_a_read_only_workspace_work_and_write_nothing_there(
    team: Team, out: Path
) -> None:
    path = team.path
    before = history_count(team.auditor)
    listing = sorted(
        p.relative_to(path) for p in path.rglob("*") if not p.name.endswith(("-wal", "-shm"))
    )
    read_only = open_workspace(path, read_only=True)
    try:
        nobody = build(read_only, None)
        made = [
            nobody.reports.body(GNATIUK, out / "case.pdf"),
            nobody.reports.exchange(EXCHANGE, out / "exchange.pdf", language="en"),
            nobody.reports.foreign(EXCHANGE, out / "foreign.pdf"),
            nobody.reports.discrepancies(EXCHANGE, out / "d.pdf"),
            nobody.reports.labels([EXCHANGE], out / "labels.pdf"),
        ]
    finally:
        read_only.close()
    assert all(not m.noted for m in made) and all(m.file.is_file() for m in made)
    assert "аудитор (лише перегляд)" in text((out / "case.pdf").read_bytes())
    assert "auditor (read-only)" in text((out / "exchange.pdf").read_bytes())
    assert history_count(team.auditor) == before
    after = sorted(
        p.relative_to(path) for p in path.rglob("*") if not p.name.endswith(("-wal", "-shm"))
    )
    assert after == listing  # no derived previews, no journal files left behind


def test_the_chain_head_and_the_workspace_are_printed(team: Team, out: Path) -> None:
    with team.auditor.ctx.reading() as session:
        head = report_data.audit_head(session, team.workspace.info.uid)
    assert head is not None
    team.auditor.reports.discrepancies(EXCHANGE, out / "d.pdf")
    found = text((out / "d.pdf").read_bytes())
    assert head in found and team.workspace.info.name in found

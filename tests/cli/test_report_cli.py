"""``forensiclog report …`` as a user runs it: the PDF written, its JSON, and the refusals."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from forensiclog.services.workspace import open_workspace
from tests.cli.conftest import Run
from tests.conftest import Team
from tests.reports.pdf_reading import needs_pdftotext, reader, text

pytestmark = needs_pdftotext

EXCHANGE = "R2-0613"
CHECKED_IN, WAITING, NO_LIST = "KYV-T1-00001", "KYV-T1-00002", "KYV-T1-00003"


def build_scenario(path: Path) -> None:
    """A handover list of two (one body arrived), a body without a line, a Russian passport."""
    workspace = open_workspace(path)
    team = Team(workspace)
    team.coordinator.exchanges.add(EXCHANGE, date="2025-06-13", declared=2, place="Київ")
    listing = path.parent / "list.csv"
    listing.write_text(
        "tag,surname,given_names\nUA-1,Гнатюк,Іван\nUA-2,Шевченко,Тарас\n", encoding="utf-8"
    )
    team.coordinator.manifest.import_file(EXCHANGE, listing)
    team.examiner.cases.register(EXCHANGE, tag="UA-1")
    team.examiner.cases.register(EXCHANGE, tag="NOLIST-1")
    team.examiner.documents.add(
        CHECKED_IN, kind="internal_passport", country="RUS", number="4619 123456", surname="Иванов"
    )
    team.examiner.cases.edit(
        CHECKED_IN, {"nationality": "foreign", "nationality_basis": "Russian internal passport"}
    )
    workspace.close()


@pytest.fixture(scope="module")
def scenario_template(tmp_path_factory: pytest.TempPathFactory, template_workspace: Path) -> Path:
    target = tmp_path_factory.mktemp("report-cli") / "workspace"
    shutil.copytree(template_workspace, target)
    build_scenario(target)
    return target


@pytest.fixture
def workspace_path(scenario_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "workspace"
    shutil.copytree(scenario_template, target)
    return target


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["body", CHECKED_IN], [CHECKED_IN, "Гнатюк", "Иванов", "4619 123456", "Сторінка 1 з"]),
        (["exchange", EXCHANGE, "--language", "en"], [CHECKED_IN, WAITING, NO_LIST, "Page 1 of"]),
        (["foreign", EXCHANGE], [CHECKED_IN, "Иванов", "4619 123456"]),
        (["discrepancies", EXCHANGE], [WAITING, "UA-2", "Шевченко", NO_LIST, "NOLIST-1"]),
        (["labels", EXCHANGE, "--layout", "a4-8"], [CHECKED_IN, WAITING, NO_LIST]),
    ],
    ids=["body", "exchange", "foreign", "discrepancies", "labels"],
)
def test_each_report_is_written_and_described_in_json(
    cli: Run, tmp_path: Path, args: list[str], expected: list[str]
) -> None:
    output = tmp_path / "Звіти #1" / f"{args[0]}.pdf"
    output.parent.mkdir()
    done = cli("--json", "report", *args, "-o", str(output), user="iryna")

    assert done.code == 0, done.stderr
    result = done.json
    assert set(result) >= {"file", "pages", "sha256"} and result["file"] == str(output)
    pdf = output.read_bytes()
    assert result["sha256"] == hashlib.sha256(pdf).hexdigest()
    assert result["pages"] == len(reader(pdf).pages) >= 1
    found = text(pdf)
    for item in expected:
        assert item in found
    assert [p.name for p in output.parent.iterdir()] == [output.name]  # no temporary left


def test_labels_for_named_cases_and_the_short_text_answer(cli: Run, tmp_path: Path) -> None:
    output = tmp_path / "labels.pdf"
    done = cli("report", "labels", CHECKED_IN, NO_LIST, "-o", str(output), user="petro")
    assert done.code == 0, done.stderr
    digest = hashlib.sha256(output.read_bytes()).hexdigest()
    assert done.stdout.strip() == f"{output}: 1 page, sha256 {digest}"
    found = text(output.read_bytes())  # small labels break the number after the team code
    assert "UA-1" in found and "NOLIST-1" in found and "UA-2" not in found


def test_the_export_is_in_the_audit_log(cli: Run, tmp_path: Path) -> None:
    output = tmp_path / "case.pdf"
    sha = cli("--json", "report", "body", CHECKED_IN, "-o", str(output)).json["sha256"]
    entry = cli("--json", "audit", "log", "--case", CHECKED_IN, "--limit", "1").json[0]
    assert entry["action"] == "report.export" and entry["user"] == "olena"
    assert entry["after"]["sha256"] == sha and entry["after"]["file"] == "case.pdf"


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["body", "KYV-T1-00999"], "KYV-T1-00999"),
        (["exchange", "R9-0000"], "R9-0000"),
        (["foreign", "R9-0000"], "R9-0000"),
        (["discrepancies", "R9-0000"], "R9-0000"),
        (["labels", CHECKED_IN, "no-such-thing"], "no-such-thing"),
    ],
    ids=["case", "exchange", "foreign", "discrepancies", "labels"],
)
def test_an_unknown_case_or_exchange_is_refused(
    cli: Run, tmp_path: Path, args: list[str], named: str
) -> None:
    done = cli("report", *args, "-o", str(tmp_path / "r.pdf"))
    assert done.code == 1 and named in done.stderr and done.stdout == ""
    assert not (tmp_path / "r.pdf").exists()


def test_a_bad_output_path_is_refused_naming_it(cli: Run, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder" / "r.pdf"
    done = cli("report", "exchange", EXCHANGE, "-o", str(missing))
    assert done.code == 1 and "no-such-folder" in done.stderr and "does not exist" in done.stderr
    done = cli("report", "exchange", EXCHANGE, "-o", str(tmp_path))
    assert done.code == 1 and "is a folder" in done.stderr
    assert not missing.parent.exists()


def test_usage_errors_and_permissions(cli: Run, tmp_path: Path) -> None:
    output = str(tmp_path / "r.pdf")
    assert cli("report", "body", CHECKED_IN, "-o", output, "--language", "de").code == 2
    assert cli("report", "labels", EXCHANGE, "-o", output, "--layout", "a5").code == 2
    assert cli("report", "body", CHECKED_IN).code == 2  # -o is required
    done = cli("report", "exchange", EXCHANGE, "-o", output, user="admin")
    assert done.code == 0 and Path(output).exists()

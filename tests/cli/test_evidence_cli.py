"""``doc add``, ``effect add``, ``photo add``, ``search`` and ``demo`` as a user types them:
exit statuses 0/1/2, the JSON keys of CLI.md, ``error:`` messages, and never a traceback."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest

from forensiclog.domain.roles import Role
from forensiclog.services.build import build
from forensiclog.services.context import Actor
from forensiclog.services.workspace import open_workspace
from tests.cli.conftest import Run, forensiclog

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))
import image_factory as make

TD3_SPECIMEN = (
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
)
# The same zone with one digit of the birth date changed.
TD3_DAMAGED = (TD3_SPECIMEN[0], TD3_SPECIMEN[1][:13] + "5" + TD3_SPECIMEN[1][14:])


@pytest.fixture
def case(workspace_path: Path) -> str:
    workspace = open_workspace(workspace_path)
    try:
        build(workspace, Actor("olena", Role.COORDINATOR)).exchanges.add(
            "R2-0613", date="2025-06-13", declared=6000
        )
        examiner = build(workspace, Actor("petro", Role.EXAMINER))
        return examiner.cases.register("R2-0613", tag="UA-1").case_number
    finally:
        workspace.close()


def mrz_options(lines: tuple[str, ...]) -> list[str]:
    return [option for line in lines for option in ("--mrz", line)]


def assert_clean(cli: Run) -> None:
    done = cli("--json", "check", user="iryna")
    assert done.code == 0 and done.json["ok"], done.stdout


def test_doc_add_checks_the_mrz_and_fills_the_fields(cli: Run, case: str) -> None:
    done = cli(
        "--json", "doc", "add", case, "--kind", "passport", *mrz_options(TD3_SPECIMEN), user="petro"
    )

    assert done.code == 0, done.stderr
    data = done.json
    assert {"document", "mrz", "warnings"} <= set(data) and isinstance(data["document"], int)
    assert data["mrz"]["valid"] is True and data["warnings"] == []
    assert data["mrz"]["fields"]["document_number"] == "L898902C3"
    assert data["mrz"]["fields"]["birth_date"] == "1974-08-12"
    shown = cli("--json", "body", "show", case, user="iryna").json
    (document,) = shown["documents"]
    assert (document["surname"], document["number"]) == ("ERIKSSON", "L898902C3")


def test_doc_add_refuses_a_changed_digit_naming_the_field(cli: Run, case: str) -> None:
    done = cli("doc", "add", case, "--kind", "passport", *mrz_options(TD3_DAMAGED), user="petro")

    assert done.code == 1 and done.stdout == ""
    assert done.stderr.startswith("error: mrz: birth_date, composite: the MRZ check failed")
    assert "birth date: line 2, position 20: check digit is 2" in done.stderr
    assert cli("--json", "body", "show", case, user="iryna").json["documents"] == []


def test_doc_add_records_a_damaged_zone_when_told_to(cli: Run, case: str) -> None:
    done = cli(
        "--json", "doc", "add", case, "--kind", "passport", *mrz_options(TD3_DAMAGED),
        "--accept-invalid-mrz", user="petro",
    )  # fmt: skip
    assert done.code == 0 and done.json["mrz"]["valid"] is False
    assert done.json["mrz"]["failures"] == ["birth_date", "composite"]
    assert any("damaged" in w for w in done.json["warnings"])


def test_doc_add_records_a_russian_internal_passport_without_mrz(
    cli: Run, case: str, tmp_path: Path
) -> None:
    page = make.plain(tmp_path / "page.png", "PNG")
    done = cli(
        "--json", "doc", "add", case, "--kind", "internal_passport", "--country", "RUS",
        "--number", "46 12 345678", "--surname", "Иванов", "--given-names", "Иван Петрович",
        "--birth-date", "1990-03-04", "--birth-place", "Московская обл.", "--photo", str(page),
        user="petro",
    )  # fmt: skip
    assert done.code == 0, done.stderr
    assert done.json["mrz"] is None and done.json["warnings"] == [] and done.json["foreign"]
    digest = hashlib.sha256(page.read_bytes()).hexdigest()
    assert done.json["photos"] == [{"sha256": digest, "file": str(page)}]
    found = cli("--json", "search", "Ivanov", user="iryna").json
    assert [(r["case"], r["matched"]) for r in found] == [(case, "name: ivanov")]
    text = cli("doc", "add", case, "--kind", "other", "--country", "RUS", user="petro")
    assert "--basis-document" in text.stdout


def test_photo_add_is_all_or_none_and_reports_duplicates(
    cli: Run, case: str, tmp_path: Path
) -> None:
    files = [make.jpeg_with_exif(tmp_path / "IMG_1.JPG")]
    files += [
        make.plain(tmp_path / f"IMG_{n}.png", "PNG", size=(200 + n, 100)) for n in range(2, 6)
    ]
    broken = make.truncated_jpeg(tmp_path / "IMG_9.jpg")

    refused = cli("photo", "add", case, *map(str, files), str(broken), user="petro")
    assert refused.code == 1 and str(broken) in refused.stderr
    assert "truncated or corrupt image data" in refused.stderr
    assert cli("--json", "body", "show", case, user="iryna").json["photos"] == []
    assert_clean(cli)

    added = cli("--json", "photo", "add", case, *map(str, files), "--kind", "face", user="petro")
    assert added.code == 0, added.stderr
    assert added.json == {
        "photos": [
            {"sha256": hashlib.sha256(f.read_bytes()).hexdigest(), "file": str(f)} for f in files
        ],
        "duplicates": [],
        "linked": [],
    }
    again = cli("--json", "photo", "add", case, str(files[0]), user="petro")
    assert again.json == {"photos": [], "duplicates": [str(files[0])], "linked": []}
    assert_clean(cli)


def test_effect_add(cli: Run, case: str, tmp_path: Path) -> None:
    photo = make.plain(tmp_path / "ring.png", "PNG")
    done = cli(
        "--json", "effect", "add", case, "--kind", "обручка", "--description", "жовтий метал",
        "--bag", "ПАК-1", "--photo", str(photo), user="petro",
    )  # fmt: skip
    assert done.code == 0 and isinstance(done.json["effect"], int)
    (effect,) = cli("--json", "body", "show", case, user="iryna").json["effects"]
    assert (effect["kind"], effect["bag"], len(effect["photos"])) == ("обручка", "ПАК-1", 1)


@pytest.mark.parametrize(
    "text", ['"', "NEAR(", "O'Neil", "-x", "*", "AND", "", "x" * 10_240, "'; DROP TABLE cases"]
)
def test_search_takes_any_text(cli: Run, case: str, text: str) -> None:
    # "--" ends the options, so text starting with "-" is the text searched for.
    done = cli("--json", "search", "--", text, user="iryna")
    assert done.code == 0 and isinstance(done.json, list)


def test_search_finds_a_case_number_first(cli: Run, case: str) -> None:
    done = cli("--json", "search", case, "--limit", "5", user="iryna")
    assert done.code == 0 and done.json[0]["case"] == case
    assert done.json[0]["matched"].startswith("case number:")
    assert cli("search", "kyv", "--limit", "0", user="iryna").code == 1


@pytest.mark.parametrize(
    "args",
    [
        ["doc", "add", "KYV-T1-00001"],
        ["doc", "add", "KYV-T1-00001", "--kind", "spaceship"],
        ["photo", "add", "KYV-T1-00001"],
        ["photo", "add", "KYV-T1-00001", "a.jpg", "--kind", "selfie"],
        ["effect", "add", "KYV-T1-00001", "--kind", "ring"],
        ["search"],
        ["search", "x", "--limit", "many"],
    ],
)
def test_usage_errors_exit_with_2(cli: Run, args: list[str]) -> None:
    assert cli(*args, user="petro").code == 2


def test_refusals_name_what_was_wrong(cli: Run, case: str, tmp_path: Path) -> None:
    denied = cli("doc", "add", case, "--kind", "other", user="iryna")
    assert denied.code == 1 and "may not add evidence" in denied.stderr
    missing = cli("photo", "add", case, str(tmp_path / "nowhere.jpg"), user="petro")
    assert missing.code == 1 and "nowhere.jpg" in missing.stderr
    unknown = cli(
        "effect", "add", "KYV-T1-09999", "--kind", "x", "--description", "y", user="petro"
    )
    assert unknown.code == 1 and "KYV-T1-09999" in unknown.stderr
    bad_date = cli(
        "doc", "add", case, "--kind", "other", "--birth-date", "31.12.1990", user="petro"
    )
    assert bad_date.code == 1 and "birth-date" in bad_date.stderr


@pytest.mark.slow
def test_demo_creates_a_workspace_with_users_of_each_role(tmp_path: Path) -> None:
    target = tmp_path / "demo"
    done = forensiclog(target, "--json", "demo")

    assert done.code == 0, done.stderr
    data = done.json
    assert set(data) >= {"workspace", "users", "exchanges"} and data["exchanges"] == ["R1-0613"]
    assert {u["role"] for u in data["users"]} == {"admin", "coordinator", "examiner", "auditor"}
    auditor = next(u for u in data["users"] if u["role"] == "auditor")
    checked = forensiclog(
        target, "--json", "check", user=auditor["name"], password=auditor["password"]
    )
    assert checked.code == 0 and checked.json["ok"]
    again = forensiclog(target, "demo")
    assert again.code == 1 and "already exists and is not empty" in again.stderr

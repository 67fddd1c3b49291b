"""What a script relying on CLI.md meets at the edges: options that must act as written, JSON
keys it names, and refusals (or usage errors) where a value is unknown or out of range."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from tests.cli.conftest import Run


@pytest.fixture
def case(cli: Run) -> str:
    """A body registered at "Холодильник 1" in exchange R2-0613."""
    cli("exchange", "add", "R2-0613", "--date", "2025-06-13", "--declared", "10")
    added = cli(
        "--json", "body", "add", "--exchange", "R2-0613", "--tag", "UA-1",
        "--location", "Холодильник 1", user="petro",
    )  # fmt: skip
    assert added.code == 0, added.stderr
    return str(added.json["case"])


def _history(cli: Run, case: str) -> list[dict]:
    return cli("--json", "audit", "log", "--case", case, user="iryna").json


def test_body_edit_location_moves_the_body_in_the_custody_log(cli: Run, case: str) -> None:
    edited = cli(
        "--json", "body", "edit", case, "--location", "Холодильник 2", "--sex", "M",
        "--reason", "перенесено", user="petro",
    )  # fmt: skip
    assert edited.code == 0, edited.stderr
    shown = cli("--json", "body", "show", case, user="petro").json
    assert (shown["location"], shown["sex"]) == ("Холодильник 2", "M")
    actions = [entry["action"] for entry in _history(cli, case)]
    assert actions[-2:] == ["case.edit", "custody.move"]


def test_a_tag_already_on_another_body_is_refused_unless_said_to_be_a_duplicate(
    cli: Run, case: str
) -> None:
    other = cli(
        "--json", "body", "add", "--exchange", "R2-0613", "--tag", "UA-2", user="petro"
    ).json["case"]  # fmt: skip
    before = _history(cli, other)
    refused = cli("body", "edit", other, "--tag", "UA-1", user="petro")
    assert refused.code == 1
    assert refused.stderr == f"error: tag: 'UA-1' is already on case {case}\n"
    assert _history(cli, other) == before
    kept = cli("--json", "body", "edit", other, "--tag", "UA-1", "--duplicate-tag", user="petro")
    assert kept.code == 0, kept.stderr
    assert cli("--json", "body", "show", other, user="petro").json["tag"] == "UA-1"


def test_a_sample_result_names_its_case(cli: Run, case: str) -> None:
    cli("sample", "add", case, "--kind", "bone", "--number", "S-1", user="petro")
    result = cli("--json", "sample", "result", "S-1", "--result", "profile", user="petro")
    assert result.json == {"sample": "S-1", "case": case, "result": "profile"}


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("--case", "KYV-T2-99999"), "case"),
        (("--limit", "0"), "limit"),
        (("--limit", "-1"), "limit"),
    ],
)
def test_audit_log_refuses_an_unknown_case_and_a_limit_below_one(
    cli: Run, case: str, args: tuple[str, ...], named: str
) -> None:
    refused = cli("--json", "audit", "log", *args, user="iryna")
    assert refused.code == 1 and refused.stdout == ""
    assert refused.stderr.startswith("error:") and named in refused.stderr


@pytest.mark.parametrize(
    ("args", "said"),
    [
        ((), "name an exchange (--exchange CODE) or the cases to export"),
        (("--exchange", "R2-0613", "KYV-T2-00001"), "name an exchange or cases, not both"),
    ],
)
def test_casefile_export_without_one_way_to_name_cases_is_a_usage_error(
    cli: Run, tmp_path: Path, args: tuple[str, ...], said: str
) -> None:
    out = tmp_path / "out.fcase"
    done = cli("casefile", "export", *args, "-o", str(out))
    assert done.code == 2 and said in done.stderr
    assert not out.exists()


def _photo(path: Path) -> Path:
    Image.new("RGB", (64, 48), (90, 120, 150)).save(path, "JPEG")
    return path


def test_a_photo_on_the_case_is_linked_to_the_document_named_and_not_added_twice(
    cli: Run, case: str, tmp_path: Path
) -> None:
    photo = _photo(tmp_path / "passport.jpg")
    cli("photo", "add", case, str(photo), user="petro")
    document = cli(
        "--json", "doc", "add", case, "--kind", "passport", "--number", "AB1", user="petro"
    ).json["document"]  # fmt: skip
    again = cli(
        "--json", "photo", "add", case, str(photo), "--document", str(document), user="petro"
    )  # fmt: skip
    assert again.json == {"photos": [], "duplicates": [str(photo)], "linked": [str(photo)]}
    shown = cli("--json", "body", "show", case, user="petro").json
    assert [p["document"] for p in shown["photos"]] == [document]
    assert _history(cli, case)[-1]["action"] == "photo.edit"


def test_a_photo_showing_another_document_is_not_moved_to_a_new_one(
    cli: Run, case: str, tmp_path: Path
) -> None:
    photo = _photo(tmp_path / "passport.jpg")
    first = cli(
        "--json", "doc", "add", case, "--kind", "passport", "--photo", str(photo), user="petro"
    ).json["document"]  # fmt: skip
    before = _history(cli, case)
    refused = cli(
        "doc", "add", case, "--kind", "military_id", "--photo", str(photo), user="petro"
    )  # fmt: skip
    assert refused.code == 1
    assert f"shown with document {first}; change that in the photo's details" in refused.stderr
    assert _history(cli, case) == before
    shown = cli("--json", "body", "show", case, user="petro").json
    assert len(shown["documents"]) == 1

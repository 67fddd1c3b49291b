"""Merge conflicts from the command line: listed, then resolved with a reason."""

from __future__ import annotations

from pathlib import Path

from tests.cli.conftest import forensiclog
from tests.conftest import PASSWORDS, Team
from tests.services.test_merge import export, laptop, office, office_template  # noqa: F401 (fixtures)


def test_conflicts_are_listed_and_resolved(laptop: Team, office: Team, tmp_path: Path) -> None:  # noqa: F811
    office.coordinator.merge.import_file(export(laptop, tmp_path, "first"))
    laptop.examiner.cases.edit("KYV-T1-00001", {"notes": "на ноутбуці"})
    office.examiner.cases.edit("KYV-T1-00001", {"notes": "в офісі"})
    office.coordinator.merge.import_file(export(laptop, tmp_path, "second"))
    office.workspace.close()
    who = {"user": "olena", "password": PASSWORDS["olena"]}
    listed = forensiclog(office.path, "--json", "casefile", "conflicts", **who)
    assert listed.code == 0
    (conflict,) = listed.json
    assert conflict["case"] == "KYV-T1-00001"
    refused = forensiclog(
        office.path,
        "casefile",
        "resolve",
        str(conflict["id"]),
        "--keep",
        "incoming",
        "--reason",
        "x",
        user="petro",
        password=PASSWORDS["petro"],
    )
    assert refused.code == 1 and "may not" in refused.stderr
    done = forensiclog(
        office.path,
        "--json",
        "casefile",
        "resolve",
        str(conflict["id"]),
        "--keep",
        "incoming",
        "--reason",
        "the laptop's note is the examiner's original",
        **who,
    )
    assert done.code == 0 and done.json["kept"] == "incoming"
    assert forensiclog(office.path, "--json", "casefile", "conflicts", **who).json == []
    shown = forensiclog(office.path, "--json", "body", "show", "KYV-T1-00001", **who).json
    assert shown["notes"] == "на ноутбуці"


def test_a_case_file_is_read_by_anyone_and_written_by_no_one(laptop: Team, tmp_path: Path) -> None:  # noqa: F811
    sealed = export(laptop, tmp_path, "sealed")
    who = {"user": "olena", "password": "not-needed"}
    shown = forensiclog(sealed, "--json", "body", "show", "KYV-T1-00001", **who)
    assert shown.code == 0 and shown.json["case"] == "KYV-T1-00001"
    refused = forensiclog(sealed, "body", "edit", "KYV-T1-00001", "--notes", "x", **who)
    assert refused.code == 1 and "read-only" in refused.stderr

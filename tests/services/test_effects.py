"""Personal effects: what, where found, in which sealed bag, with photos; edits and the lock."""

from __future__ import annotations

import hashlib
from pathlib import Path

import image_factory as make
import pytest

from forensiclog.domain.errors import CaseLocked, InvalidInput, NotFound
from tests.conftest import Team


@pytest.fixture
def case(team: Team, exchange: str) -> str:
    return team.examiner.cases.register(exchange, tag="UA-3").case_number


def test_an_effect_is_recorded_with_its_bag_and_photos(
    team: Team, case: str, tmp_path: Path
) -> None:
    photo = make.jpeg_with_exif(tmp_path / "watch.jpg")

    result = team.examiner.effects.add(
        case,
        kind="годинник",
        description="наручний годинник, гравіювання «Сину від мами»",
        found_at="ліве зап'ястя",
        bag="ПАК-0042",
        photos=[photo],
    )

    effect = result.effect
    digest = hashlib.sha256(photo.read_bytes()).hexdigest()
    assert (effect.kind, effect.bag, effect.found_at) == ("годинник", "ПАК-0042", "ліве зап'ястя")
    assert effect.photos == (digest,) and [p.sha256 for p in result.photos.photos] == [digest]
    (record,) = team.examiner.photos.for_case(case)
    assert (record.kind, record.effect) == ("effect", effect.id)
    assert team.examiner.effects.for_case(case) == (effect,)
    shown = team.examiner.cases.show(case)
    assert [h.action for h in shown.history][-3:] == ["effect.add", "photo_file.add", "photo.add"]
    assert "effects_inventory" in shown.missing  # the checklist item settles the inventory


def test_an_effect_needs_its_kind_and_description(team: Team, case: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        team.examiner.effects.add(case, kind=" ", description="x")
    assert refused.value.field == "kind"
    with pytest.raises(InvalidInput) as refused:
        team.examiner.effects.add(case, kind="ring", description="")
    assert refused.value.field == "description"
    with pytest.raises(InvalidInput) as refused:
        team.examiner.effects.add(case, kind="ring", description="x", bag="Б" * 201)
    assert refused.value.field == "bag"
    assert team.examiner.effects.for_case(case) == ()


def test_a_bad_photo_refuses_the_effect(team: Team, case: str, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="not an image"):
        team.examiner.effects.add(
            case,
            kind="лист",
            description="аркуш",
            photos=[make.text_named_jpg(tmp_path / "letter.jpg")],
        )
    assert team.examiner.effects.for_case(case) == ()


def test_an_effect_is_edited_and_the_edit_recorded(team: Team, case: str) -> None:
    effect = team.examiner.effects.add(case, kind="ring", description="обручка").effect

    edited = team.examiner.effects.edit(effect.id, {"bag": "ПАК-7", "found_at": ""})

    assert edited.bag == "ПАК-7" and edited.found_at is None
    entry = team.examiner.cases.show(case).history[-1]
    assert (entry.action, entry.before, entry.after) == (
        "effect.edit",
        {"bag": None},
        {"bag": "ПАК-7"},
    )
    with pytest.raises(InvalidInput, match="nothing to change"):
        team.examiner.effects.edit(effect.id, {"bag": "ПАК-7"})
    with pytest.raises(NotFound):
        team.examiner.effects.edit(effect.id + 100, {"bag": "x"})


def test_a_locked_case_takes_effects_only_as_a_correction(team: Team, case: str) -> None:
    effect = team.examiner.effects.add(case, kind="ring", description="обручка").effect
    team.examiner.decisions.propose_identification(
        case, surname="Шевчук", given_names="Петро", methods=["dental"], reason="зубна карта"
    )
    team.coordinator.decisions.confirm(case, reason="перевірено")

    with pytest.raises(CaseLocked):
        team.examiner.effects.add(case, kind="ring", description="друга")
    with pytest.raises(CaseLocked):
        team.examiner.effects.edit(effect.id, {"bag": "x"})
    team.coordinator.effects.edit(effect.id, {"bag": "ПАК-9"}, reason="номер пакета виправлено")
    assert team.examiner.cases.show(case).history[-1].action == "effect.edit.correction"

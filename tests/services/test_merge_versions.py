"""A record's version from its history: the last change of each origin, a version note as the
base for what follows it, and the comparisons a merge decides by."""

from __future__ import annotations

import json

from forensiclog.services.casefile_versions import (
    Mention,
    includes,
    joined,
    latest_note,
    noted,
    version_of,
)

A, B, HQ = "laptop-a", "laptop-b", "office"


def change(id_: int, origin: str, seq: int, action: str = "case.edit") -> Mention:
    return Mention(id_, origin, seq, action, "case", True, None)


def note(
    id_: int, origin: str, seq: int, content: dict[str, object], action: str = "merge.version"
) -> Mention:
    return Mention(id_, origin, seq, action, "merge", False, json.dumps(content))


def test_without_merges_the_version_is_each_origins_last_change() -> None:
    mentions = [change(1, HQ, 4), change(2, A, 7), change(3, A, 9), change(4, HQ, 12)]
    assert version_of(mentions, "case", HQ) == {HQ: 12, A: 9}


def test_bookkeeping_and_other_records_entries_are_not_changes() -> None:
    mentions = [
        change(1, A, 3),
        change(2, HQ, 8, action="merge.add"),
        change(3, HQ, 9, action="merge.seen"),
        Mention(4, HQ, 10, "photo.add", "photo", True, None),
        Mention(5, HQ, 11, "casefile.export", "case", False, None),
    ]
    assert version_of(mentions, "case", HQ) == {A: 3}


def test_a_version_note_is_the_base_for_later_changes_only() -> None:
    mentions = [
        change(1, HQ, 5),
        change(2, A, 6),  # stored by the merge, but the conflict kept the office's state
        note(3, HQ, 7, {"version": {HQ: 5}}, action="merge.conflict"),
        change(4, HQ, 8),
    ]
    assert version_of(mentions, "case", HQ) == {HQ: 8}
    assert noted(mentions, HQ)
    action, content = latest_note(mentions, HQ) or ("", {})
    assert action == "merge.conflict" and content["version"] == {HQ: 5}


def test_another_workspaces_notes_are_its_own_business() -> None:
    mentions = [change(1, A, 2), note(2, A, 3, {"version": {}}), change(3, HQ, 4)]
    assert version_of(mentions, "case", HQ) == {A: 2, HQ: 4}
    assert version_of(mentions, "case", A) == {HQ: 4}
    assert not noted(mentions, HQ)


def test_comparisons() -> None:
    assert includes({A: 3, HQ: 2}, {A: 3})
    assert includes({A: 3}, {})
    assert not includes({A: 3}, {A: 4})
    assert not includes({A: 3}, {B: 1}) and not includes({B: 1}, {A: 3})
    assert joined({A: 3, HQ: 1}, {A: 2, B: 5}) == {A: 3, HQ: 1, B: 5}

"""Hostile case files that try to get past the reader: names that escape, links, bombs,
doubles, missing and extra members, bad signatures, tampered manifests, wrong versions."""

from __future__ import annotations

import random
import stat
import zipfile
from dataclasses import replace
from typing import Any

from forensiclog.services.casefile_layout import DEFLATED
from tests.validation.hostile_casefile_forge import (
    DATABASE,
    MANIFEST,
    SIGNATURE,
    Part,
    resealed,
    stranger,
)
from tests.validation.hostile_casefile_maker import DAMAGED, TRAP, Edit, Maker, Variant


def escaping_names(token: str) -> list[str]:
    evil = f"evil-{token}"
    return [
        f"../{evil}",
        f"../../{evil}",
        f"photos/../../{evil}",
        f"photos/ab/../../../../{evil}",
        f"/tmp/forensiclog-zipslip-{token}",
        f"//tmp/forensiclog-zipslip-{token}",
        f"C:\\{evil}",
        f"C:/{evil}",
        f"c:{evil}",
        f"..\\{evil}",
        f"photos\\..\\..\\{evil}",
        "photos/./x",
        f"./{DATABASE}",
        "photos//x",
        "",
        ".",
        "..",
        f"{evil}\x00.db",
        f"\x1b[31m{evil}",
        f"{evil}\nname",
        "folder/",
        "photos/",
    ]


def zip_slip(m: Maker) -> None:
    photo = m.first("photos/")
    for name in escaping_names(m.token):
        shown = repr(name)
        m.add(f"extra member {shown}", "zip slip", TRAP, [Part(name, b"x"), *m.parts])
        listed = m.signed([Part(name, b"x"), *m.parts])
        m.add(f"extra member {shown}, listed and signed", "zip slip", TRAP, listed)
        m.add(
            f"a photo renamed {shown}, signed",
            "zip slip",
            TRAP,
            m.signed(m.renamed(photo.name, name)),
        )
        m.add(
            f"the database renamed {shown}, signed",
            "zip slip",
            TRAP,
            m.signed(m.renamed(DATABASE, name)),
        )


def links_and_modes(m: Maker) -> None:
    photo = m.first("photos/")
    link = stat.S_IFLNK | 0o777
    m.add(
        "a photo as a link to /etc/passwd",
        "links",
        TRAP,
        m.swapped(photo.name, replace(photo, content=b"/etc/passwd", mode=link)),
    )
    m.add(
        "the database as a link",
        "links",
        TRAP,
        m.swapped(DATABASE, replace(m.first(DATABASE), mode=link)),
    )
    m.add(
        "an extra link to ../../..",
        "links",
        TRAP,
        [Part("photos/ln", b"../../..", mode=link), *m.parts],
    )
    listed = m.signed([Part("x", b"../../..", mode=link), *m.parts])
    m.add("an extra link, listed and signed", "links", TRAP, listed)
    m.add(
        "a folder entry",
        "links",
        TRAP,
        [Part("photos/ab", b"", mode=stat.S_IFDIR | 0o755), *m.parts],
    )
    m.add(
        "an encrypted database",
        "links",
        TRAP,
        m.swapped(DATABASE, replace(m.first(DATABASE), flags=0x0801)),
    )
    for method in (12, 99):
        m.add(
            f"a photo compressed by method {method}",
            "links",
            TRAP,
            m.swapped(photo.name, replace(photo, method=method)),
        )
    _zipfile_link(m)


def _zipfile_link(m: Maker) -> None:
    """A symbolic link written by Python's zipfile, the way an attacker's tool would."""
    path = m.folder / f"{len(m.made):04d}.fcase"
    with zipfile.ZipFile(path, "w") as archive:
        for part in m.parts:
            archive.writestr(part.name, part.content)
        info = zipfile.ZipInfo(f"photos/link-{m.token}")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(info, "/etc/passwd")
    m.made.append(Variant("zipfile-made, with a link", "links", TRAP, path))


def bombs(m: Maker, full: bool) -> None:
    db, photo = m.first(DATABASE), m.first("photos/")
    m.add(
        "the database declaring 100 GiB",
        "bombs",
        TRAP,
        m.swapped(DATABASE, replace(db, declared_size=100 << 30)),
    )
    m.add(
        "a photo declaring 2^62 bytes",
        "bombs",
        TRAP,
        m.swapped(photo.name, replace(photo, declared_size=2**62)),
    )
    flood = bytes(64 << 20)
    bomb = Part(DATABASE, flood, DEFLATED)
    m.add("the database inflating 64 MiB from ~64 KB", "bombs", TRAP, m.swapped(DATABASE, bomb))
    m.add("the same bomb, listed and signed", "bombs", TRAP, m.signed(m.swapped(DATABASE, bomb)))
    liar = Part(DATABASE, bytes(8 << 20), DEFLATED, declared_size=db_size(db))
    m.add("the database inflating past its declared size", "bombs", TRAP, m.swapped(DATABASE, liar))
    shas = [f"{i:064x}" for i in range(20)]
    huge = [Part(f"photos/{s[:2]}/{s}", b"", declared_size=60 << 30) for s in shas]
    # Too much to extract for opening; import and verify extract no photo, and refuse it as
    # members that are not listed.
    m.add("twenty photos declaring 60 GiB each", "bombs", DAMAGED, [*huge, *m.parts])
    count = 70_000 if full else 2_000
    many = [Part(f"photos/00/{i:064x}", b"") for i in range(count)]
    m.add(f"{count:,} extra members", "bombs", DAMAGED, [*many, *m.parts])


def db_size(part: Part) -> int:
    return len(part.content)


def doubles_and_gaps(m: Maker) -> None:
    photo = m.first("photos/")
    for name in (photo.name, DATABASE, MANIFEST, SIGNATURE):
        part = next(p for p in m.parts if p.name == name)
        m.add(f"{name} twice", "doubles", TRAP, [part, *m.parts])
    m.add("no manifest.json", "missing", TRAP, m.without(MANIFEST))
    m.add("no database", "missing", TRAP, m.without(DATABASE))
    m.add("no database, listed and signed", "missing", TRAP, m.signed(m.without(DATABASE)))
    m.add("no manifest.sig", "missing", DAMAGED, m.without(SIGNATURE))
    m.add("a listed photo missing", "missing", DAMAGED, m.without(photo.name))
    m.add("an empty manifest", "missing", TRAP, m.swapped(MANIFEST, Part(MANIFEST, b"")))
    m.add("an unlisted extra file", "extra", DAMAGED, [Part("notes.txt", b"hi"), *m.parts])
    m.add(
        "an extra file, listed and signed",
        "extra",
        DAMAGED,
        m.signed([Part("notes.txt", b"hi"), *m.parts]),
    )
    m.add(
        "Manifest.json beside manifest.json",
        "extra",
        DAMAGED,
        [Part("Manifest.json", b"{}"), *m.parts],
    )
    other = "photos/00/" + "0" * 64
    m.add("an unlisted photo", "extra", DAMAGED, [Part(other, b"\xff\xd8"), *m.parts])


def signatures(m: Maker) -> None:
    sig = m.first(SIGNATURE)
    for label, data in (
        ("empty", b""),
        ("63 bytes", sig.content[:63]),
        ("65 bytes", sig.content + b"\0"),
        ("random", random.Random(m.token).randbytes(64)),
        ("of other bytes", m.sign(b"something else")),
    ):
        m.add(
            f"signature {label}", "signatures", DAMAGED, m.swapped(SIGNATURE, Part(SIGNATURE, data))
        )
    sign, public = stranger()
    m.add("signed by a stranger", "signatures", DAMAGED, resealed(m.parts, sign, relist=False))

    def claim(manifest: dict[str, Any]) -> None:
        manifest["workspace"]["public_key"] = public

    m.add(
        "signed by a stranger naming his own key",
        "signatures",
        DAMAGED,
        resealed(m.parts, sign, claim, relist=False),
    )


def _set(path: str, value: Any) -> Edit:
    def edit(manifest: dict[str, Any]) -> None:
        *parents, key = path.split(".")
        target = manifest
        for parent in parents:
            target = target[parent]
        target[key] = value

    return edit


def manifests(m: Maker) -> None:
    edits: list[tuple[str, Edit]] = [
        ("a case added to the list", lambda d: d["cases"].append("KYV-T1-99999")),
        ("a case taken off the list", lambda d: d["cases"].pop()),
        ("one photo more", _set("photos", 99)),
        ("the head one entry shorter", lambda d: d["head"].update(seq=d["head"]["seq"] - 1)),
        ("the head's hash changed", _set("head.entry_hash", "0" * 64)),
        ("another workspace uid", _set("workspace.uid", "0" * 32)),
        ("a photo's hash changed", lambda d: d["members"][0].update(sha256="f" * 64)),
        ("a member's size changed", lambda d: d["members"][0].update(size=1)),
    ]
    for label, edit in edits:
        m.add(
            f"{label}, signed by the exporter's key", "manifest", DAMAGED, m.signed(m.parts, edit)
        )
    # Who exported it is the signer's word: only a change without the key is caught.
    edits.append(("another exporter", _set("exported_by.name", "mallory")))
    for label, edit in edits:
        unsigned = resealed(m.parts, lambda _: m.first(SIGNATURE).content, edit, relist=False)
        m.add(f"{label}, not signed again", "manifest", DAMAGED, unsigned)
    for version in (2, 0, -1, "1", 1.5, None, True, 1.0, [1]):
        m.add(f"version {version!r}", "version", TRAP, m.signed(m.parts, _set("version", version)))
    m.add("another format", "version", TRAP, m.signed(m.parts, _set("format", "zip")))
    for label, data in (
        ("not JSON", b"{not json"),
        ("a JSON array", b"[]"),
        ("duplicate keys", b'{"format": "forensiclog-casefile", "format": "x"}'),
        ("NaN", b'{"format": "forensiclog-casefile", "version": NaN}'),
        ("nested 100,000 deep", b"[" * 100_000 + b"]" * 100_000),
        ("not UTF-8", b'{"format": "\xff\xfe"}'),
        ("over 64 MiB", b" " * ((64 << 20) + 1)),
    ):
        m.add(f"manifest {label}", "manifest", TRAP, _with_manifest(m, data))


def _with_manifest(m: Maker, data: bytes) -> list[Part]:
    others = [p for p in m.parts if p.name not in (MANIFEST, SIGNATURE)]
    return [*others, Part(MANIFEST, data), Part(SIGNATURE, m.sign(data))]

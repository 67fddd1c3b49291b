"""When a photo was taken: a zoned EXIF time is a moment; a camera's bare clock stays as read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PIL import ExifTags, Image

from forensiclog.reports.wording import Wording
from tests.conftest import Team


def jpeg(path: Path, taken: str, offset: str | None = None) -> Path:
    exif = Image.Exif()
    ifd = exif.get_ifd(ExifTags.IFD.Exif)
    ifd[ExifTags.Base.DateTimeOriginal] = taken
    if offset:
        ifd[ExifTags.Base.OffsetTimeOriginal] = offset
    Image.new("RGB", (64, 48), (120, 90, 60)).save(path, "JPEG", exif=exif)
    return path


def test_a_bare_camera_clock_is_kept_as_read_and_never_converted(
    team: Team, exchange: str, tmp_path: Path
) -> None:
    case = team.examiner.cases.register(exchange).case_number
    team.examiner.photos.add(
        case, [jpeg(tmp_path / "a.jpg", "2025:06:13 10:22:01")], kind="overview"
    )
    team.examiner.photos.add(
        case, [jpeg(tmp_path / "b.jpg", "2025:06:13 10:22:01", "+03:00")], kind="face"
    )
    local, zoned = sorted(team.examiner.cases.show(case).photos, key=lambda p: p.kind)[::-1]
    assert local.kind == "overview" and local.taken_at == dt.datetime(2025, 6, 13, 10, 22, 1)
    assert zoned.taken_at == dt.datetime(2025, 6, 13, 7, 22, 1, tzinfo=dt.UTC)
    kyiv = dt.timezone(dt.timedelta(hours=3))
    words = Wording("en", kyiv)
    assert words.taken(local.taken_at) == "2025-06-13 10:22, camera clock"
    assert words.taken(zoned.taken_at) == "2025-06-13 10:22"

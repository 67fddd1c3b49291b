"""QR codes for case numbers: ReportLab's own encoding, computed fast enough for 6,000 labels.

ReportLab's encoder builds a symbol nine times (eight trial masks, then the chosen one), scores
each trial cell by cell and recomputes its error-correction generator every time: about 2.4 ms
a code, 14 s for a sheet of 6,000 labels. Here everything that does not depend on the text
(function patterns, data positions, the eight masks, the format bits, the generators) is
computed once per version, a symbol is one integer (each row ``size`` bits plus a clear
separator bit), and the scoring rules are whole-symbol bit operations. The mask chosen, and so
every module, is the one ReportLab's ``QRCode.make()`` chooses: the tests compare them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import zip_longest
from typing import Any

from reportlab.graphics.barcode import qrencoder

LEVELS = {"L": 1, "M": 0, "Q": 3, "H": 2}
# Q restores a quarter of the symbol: labels on body bags get wet, creased and dirty.
DEFAULT_LEVEL = "Q"
QUIET_ZONE = 4
# ReportLab's third rule looks for a dark-light-dark-dark-dark-light-dark run followed by four
# light modules, along rows only (its column pass compares a tuple with a list and never matches).
_FINDER_LIKE = (1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0)
_DARK_RUN = re.compile(r"1+")


@dataclass(frozen=True)
class _Grid:
    """Bit masks over a symbol of ``size`` rows of ``size`` modules stored ``size + 1`` apart."""

    size: int

    @property
    def stride(self) -> int:
        return self.size + 1

    def bit(self, row: int, col: int) -> int:
        return 1 << (row * self.stride + self.size - 1 - col)

    def rows_mask(self, rows: range, low: int, high: int) -> int:
        """Bits ``low``…``high - 1`` of each row in ``rows`` (bit 0 is the last column)."""
        one_row = ((1 << high) - 1) ^ ((1 << low) - 1)
        return sum(one_row << (r * self.stride) for r in rows)

    def lines(self, symbol: int) -> tuple[str, ...]:
        text = format(symbol, f"0{self.size * self.stride}b")
        end = len(text)
        return tuple(
            text[end - r * self.stride - self.size : end - r * self.stride]
            for r in range(self.size)
        )


@dataclass(frozen=True)
class _Layout:
    """What every symbol of one version and level shares."""

    grid: _Grid
    function: int
    positions: tuple[int, ...]
    masks: tuple[int, ...]
    formats: tuple[int, ...]
    pair_cols: int
    pair_rows: int
    finder_starts: int
    cells: int


def _symbol_of(grid: _Grid, modules: list[list[Any]]) -> int:
    return sum(
        grid.bit(r, c) for r, row in enumerate(modules) for c, dark in enumerate(row) if dark
    )


def _specimen(version: int, level: int) -> Any:
    code = qrencoder.QRCode(version, level)
    code.addData("0")
    return code


@cache
def _layout(version: int, level: int) -> _Layout:
    code = _specimen(version, level)
    code.makeImpl(True, 0)
    grid = _Grid(code.getModuleCount())
    cells = code.dataPosIterator()
    positions = tuple(grid.bit(row, col) for col, row in cells)
    data_area = sum(positions)
    masks = tuple(
        sum(grid.bit(row, col) for col, row in cells if qrencoder.QRUtil.getMask(m)(row, col))
        for m in range(8)
    )
    n = grid.size
    return _Layout(
        grid=grid,
        function=_symbol_of(grid, code.modules) & ~data_area,
        positions=positions,
        masks=masks,
        formats=tuple(_format_bits(version, level, m, grid) for m in range(8)),
        pair_cols=grid.rows_mask(range(n), 0, n - 1),
        pair_rows=grid.rows_mask(range(n - 1), 0, n),
        finder_starts=grid.rows_mask(range(n), 1, n - len(_FINDER_LIKE) + 1),
        cells=n * n,
    )


def _format_bits(version: int, level: int, pattern: int, grid: _Grid) -> int:
    """The modules a final symbol sets that a trial leaves blank: format, version, dark module."""
    code = _specimen(version, level)
    code.makeImpl(True, pattern)
    trial = _symbol_of(grid, code.modules)
    code.makeImpl(False, pattern)
    return trial ^ _symbol_of(grid, code.modules)


@cache
def _generator_logs(length: int) -> tuple[int, ...]:
    """The Reed-Solomon generator of ``length`` check bytes, as logarithms, leading 1 dropped."""
    generator = qrencoder.QRUtil.getErrorCorrectPolynomial(length)
    return tuple(qrencoder.LOG_TABLE[c] for c in generator.num[1:])


def _check_bytes(data: list[int], length: int) -> list[int]:
    """The remainder of data·x^length divided by the generator: the block's check bytes."""
    logs = _generator_logs(length)
    exp, log = qrencoder.EXP_TABLE, qrencoder.LOG_TABLE
    rest = [*data, *([0] * length)]
    for i in range(len(data)):
        lead = rest[i]
        if lead:
            for j, g in enumerate(logs, start=i + 1):
                rest[j] ^= exp[(log[lead] + g) % 255]
    return rest[len(data) :]


def _interleave(data: list[int], blocks: list[Any]) -> list[int]:
    """The data and check bytes of every block, interleaved as ``QRCode.createBytes`` does."""
    data_parts: list[list[int]] = []
    check_parts: list[list[int]] = []
    offset = 0
    for block in blocks:
        part = data[offset : offset + block.dataCount]
        offset += block.dataCount
        data_parts.append(part)
        check_parts.append(_check_bytes(part, block.totalCount - block.dataCount))
    out: list[int] = []
    for parts in (data_parts, check_parts):
        for column in zip_longest(*parts):
            out.extend(b for b in column if b is not None)
    return out


def _codewords(version: int, level: int, segments: list[Any]) -> list[int]:
    """``QRCode.createData``: the segments, terminator and padding, then the check bytes."""
    blocks = qrencoder.QRRSBlock.getRSBlocks(version, level)
    capacity = 8 * sum(block.dataCount for block in blocks)
    buffer = qrencoder.QRBitBuffer()
    for segment in segments:
        segment.write(buffer, version)
    if buffer.getLengthInBits() > capacity:
        raise ValueError(f"{buffer.getLengthInBits()} bits do not fit a QR code of {capacity}")
    if buffer.getLengthInBits() + 4 <= capacity:
        buffer.put(0, 4)
    while buffer.getLengthInBits() % 8:
        buffer.putBit(False)
    pads = (qrencoder.QRCode.PAD0, qrencoder.QRCode.PAD1)
    count = 0
    while buffer.getLengthInBits() < capacity:
        buffer.put(pads[count % 2], 8)
        count += 1
    return _interleave(buffer.buffer, blocks)


def _run_points(pairs: int, step: int) -> int:
    """Rule 1 on equal neighbour pairs: a run of L ≥ 5 equal modules scores L - 2."""
    fives = pairs & (pairs >> step) & (pairs >> 2 * step) & (pairs >> 3 * step)
    return fives.bit_count() + 2 * (fives & ~(fives >> step)).bit_count()


def _finder_hits(symbol: int, starts: int) -> int:
    hits = starts
    width = len(_FINDER_LIKE)
    for i, dark in enumerate(_FINDER_LIKE):
        shifted = symbol >> (width - 1 - i)
        hits &= shifted if dark else ~shifted
    return hits.bit_count()


def _penalty(symbol: int, layout: _Layout) -> int:
    """ReportLab's ``QRUtil.getLostPoint`` for a trial symbol, rule for rule."""
    stride = layout.grid.stride
    across = ~(symbol ^ (symbol >> 1)) & layout.pair_cols
    down = ~(symbol ^ (symbol >> stride)) & layout.pair_rows
    blocks = (across & (across >> stride) & down).bit_count()
    dark = symbol.bit_count()
    balance = 10 * (abs(100 * dark // layout.cells - 50) // 5)
    finders = _finder_hits(symbol, layout.finder_starts)
    return _run_points(across, 1) + _run_points(down, stride) + 3 * blocks + 40 * finders + balance


def qr_rows(text: str, level: str = DEFAULT_LEVEL) -> tuple[str, ...]:
    """The symbol for ``text`` as rows of "0" (light) and "1" (dark), without the quiet zone."""
    code = qrencoder.QRCode(None, LEVELS[level])
    code.addData(text)
    version = code.calculate_version()
    codewords = _codewords(version, LEVELS[level], code.dataList)
    layout = _layout(version, LEVELS[level])
    data = 0
    bits = iter(layout.positions)
    for byte in codewords:
        for shift in range(7, -1, -1):
            bit = next(bits)
            if byte >> shift & 1:
                data |= bit
    trials = [layout.function | (data ^ mask) for mask in layout.masks]
    scores = [_penalty(trial, layout) for trial in trials]
    best = scores.index(min(scores))
    return layout.grid.lines(trials[best] | layout.formats[best])


def qr_path(rows: tuple[str, ...]) -> str:
    """PDF path operators filling the dark modules, one unit per module, row 0 at the top.

    Each run of dark modules in a row is one rectangle; the caller scales and places the path.
    """
    size = len(rows) + 2 * QUIET_ZONE
    parts = []
    for index, line in enumerate(rows):
        y = size - QUIET_ZONE - index - 1
        for run in _DARK_RUN.finditer(line):
            parts.append(f"{run.start() + QUIET_ZONE} {y} {run.end() - run.start()} 1 re")
    return "\n".join(parts)


def draw_qr(canvas: Any, text: str, x: float, y: float, side: float) -> None:
    """Draw the QR code of ``text`` with its quiet zone as a ``side``-point square at (x, y)."""
    rows = qr_rows(text)
    scale = side / (len(rows) + 2 * QUIET_ZONE)
    canvas.addLiteral(f"q 0 g {scale:.4f} 0 0 {scale:.4f} {x:.3f} {y:.3f} cm\n{qr_path(rows)}\nf Q")

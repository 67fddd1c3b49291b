"""The Qt binding must not leak or drop references: PySide6 6.12.0 on Python 3.11 drops one to
True on every signal emit and one to None on every empty QVariant read back, until the
interpreter aborts. The probe runs in a child process, since the failure kills its process."""

from __future__ import annotations

import subprocess
import sys

PROBE = r"""
import sys
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QStandardItemModel

class Emitter(QObject):
    fired = Signal(int)

app = QCoreApplication([])
emitter = Emitter()
emitter.fired.connect(lambda value: None)
model = QStandardItemModel(1, 1)
true_before, none_before = sys.getrefcount(True), sys.getrefcount(None)
for i in range(5000):
    emitter.fired.emit(i)
    model.index(0, 0).data()
print(sys.getrefcount(True) - true_before, sys.getrefcount(None) - none_before)
"""


def test_signals_and_empty_variants_keep_reference_counts() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-500:]
    true_delta, none_delta = (int(n) for n in done.stdout.split())
    assert abs(true_delta) < 50 and abs(none_delta) < 50

"""PySide6.QtDBus with only the Qt plugins, libraries and translations ForensicLog uses.

Filtering here, before PyInstaller resolves shared-library dependencies, keeps the left-out
plugins' dependencies (GTK, EGL, QtQuick…) out of the bundle too.
"""

from bundle_contents import keep_collected
from PyInstaller.utils.hooks.qt import add_qt6_dependencies

hiddenimports, _binaries, _datas = add_qt6_dependencies(__file__)
binaries = keep_collected(_binaries)
datas = keep_collected(_datas)

"""The packaging helpers, loaded from ``packaging/`` by path: that folder is not a Python package
(an ``__init__.py`` there would shadow the ``packaging`` library pip and PyInstaller use)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load(name: str) -> ModuleType:
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "packaging" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def contents() -> ModuleType:
    return _load("bundle_contents")


@pytest.fixture(scope="session")
def smoke_module() -> ModuleType:
    return _load("smoke")

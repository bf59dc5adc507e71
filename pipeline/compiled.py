"""Modules compiled with Cython at install (setup.py) run from their Python source when the source
changed after the build, or when XIUCI_PURE_PYTHON=1 (for profiling and debugging): same output."""
from __future__ import annotations

import importlib.machinery
import importlib.util
import os
import sys
import warnings
from pathlib import Path

INSTALL_SECONDS = 2.0


def use_fresh_source(package: str, name: str) -> None:
    """Import `package.name` from `name.py` instead of its compiled module when that is older than the
    source (with a warning: rebuild with ./setup.sh --no-run) or when XIUCI_PURE_PYTHON=1."""
    folder = Path(sys.modules[package].__file__).parent
    source = folder / f"{name}.py"
    built = [folder / f"{name}{suffix}" for suffix in importlib.machinery.EXTENSION_SUFFIXES]
    built = [path for path in built if path.exists()]
    if not built or not source.exists():
        return
    # (an install writes the source a few milliseconds after the compiled module: not an edit)
    stale = source.stat().st_mtime > built[0].stat().st_mtime + INSTALL_SECONDS
    if not stale and os.environ.get("XIUCI_PURE_PYTHON") != "1":
        return
    if stale:
        warnings.warn(f"{source} changed after it was compiled: running the source, slower, until ./setup.sh --no-run rebuilds it", stacklevel=2)
    qualified = f"{package}.{name}"
    spec = importlib.util.spec_from_file_location(qualified, source)
    module = importlib.util.module_from_spec(spec)
    sys.modules[qualified] = module
    spec.loader.exec_module(module)
    setattr(sys.modules[package], name, module)

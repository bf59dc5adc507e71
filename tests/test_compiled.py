"""The compiled parallelism module: the same spans as its source, and the source runs when it is newer."""
import importlib.machinery
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.compiled import use_fresh_source

ROOT = Path(__file__).resolve().parents[1]
SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]


@pytest.fixture
def package(tmp_path, monkeypatch):
    """A package `pkgx` holding mod.py and a (dummy) compiled mod, on sys.path."""
    folder = tmp_path / "pkgx"
    folder.mkdir()
    (folder / "__init__.py").write_text("")
    (folder / "mod.py").write_text('VALUE = "source"\n')
    (folder / f"mod{SUFFIX}").write_bytes(b"not a real extension")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delenv("XIUCI_PURE_PYTHON", raising=False)
    import pkgx  # noqa: F401

    yield folder
    for name in ("pkgx", "pkgx.mod"):
        sys.modules.pop(name, None)


def age(path: Path, seconds: float) -> None:
    stat = path.stat()
    os.utime(path, (stat.st_atime - seconds, stat.st_mtime - seconds))


def test_source_changed_after_the_build_runs_with_a_warning(package):
    age(package / f"mod{SUFFIX}", 60)
    with pytest.warns(UserWarning, match="changed after it was compiled"):
        use_fresh_source("pkgx", "mod")
    assert sys.modules["pkgx.mod"].VALUE == "source"


def test_fresh_build_is_kept(package):
    age(package / "mod.py", 60)
    use_fresh_source("pkgx", "mod")
    assert "pkgx.mod" not in sys.modules


def test_source_written_right_after_the_build_is_no_edit(package):
    age(package / f"mod{SUFFIX}", 0.5)  # an install writes the source just after the compiled module
    use_fresh_source("pkgx", "mod")
    assert "pkgx.mod" not in sys.modules


def test_pure_python_on_request(package, monkeypatch):
    age(package / "mod.py", 60)
    monkeypatch.setenv("XIUCI_PURE_PYTHON", "1")
    use_fresh_source("pkgx", "mod")
    assert sys.modules["pkgx.mod"].VALUE == "source"


SPANS = """
import json, sys
from pathlib import Path
from pipeline import load
import pipeline.rhetoric.parallelism as module
nlp = load(exclude=("paragraph_classifier",))
out = {"file": Path(module.__file__).name, "spans": []}
for path in sorted(Path("examples").glob("*.txt")):
    doc = nlp(path.read_text(encoding="utf-8"))
    out["spans"] += [[path.name, s.start_char, s.end_char, s.label_, s._.xiuci_frame, s._.xiuci_members] for s in doc.spans["parallelism"]]
print(json.dumps(out))
"""


def spans(pure: bool) -> dict:
    env = {**os.environ, "XIUCI_PURE_PYTHON": "1" if pure else "0"}
    run = subprocess.run([sys.executable, "-c", SPANS], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return json.loads(run.stdout)


def test_compiled_and_source_find_the_same_figures():
    compiled, source = spans(pure=False), spans(pure=True)
    if compiled["file"] == "parallelism.py":
        pytest.skip("parallelism is not compiled in this install (no Cython or C compiler at ./setup.sh)")
    assert source["file"] == "parallelism.py"
    assert len(compiled["spans"]) > 20
    assert compiled["spans"] == source["spans"]

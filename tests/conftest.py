"""Shared fixtures: the real default pipeline (pkuseg), loaded once, and the shared corpus when present."""
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
needs_shared = pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="../shared/data (real corpus) is not present")


@pytest.fixture(scope="session")
def nlp():
    from pipeline import load

    return load()


def spans_of(doc, key):
    """(text, label) of a span group, in order."""
    return [(s.text, s.label_) for s in sorted(doc.spans[key], key=lambda s: (s.start_char, s.end_char))]

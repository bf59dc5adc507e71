"""Annotation files for the chart tests, made by running the real pipeline (classifier included) on
speeches: the team's examples/*.txt with examples/meta.csv, and three real reports of
../shared/data/corpus with its MANIFEST.tsv (skipped when ../shared is absent)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.records import doc_to_record

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
CORPUS = ROOT.parent / "shared" / "data" / "corpus"
REAL = ("gwr_national_1975.txt", "gwr_national_1980.txt", "cpc_congress_report_12_1982.txt")


def speech_files(source: str) -> tuple[list[Path], Path | None]:
    if source == "examples":
        return sorted(EXAMPLES.glob("*.txt")), EXAMPLES / "meta.csv"
    if not CORPUS.is_dir():
        pytest.skip("../shared/data/corpus (real reports) is absent")
    return [CORPUS / f for f in REAL], CORPUS / "MANIFEST.tsv"


@pytest.fixture(scope="session", params=["examples", "corpus"])
def chart_input(request, nlp, tmp_path_factory):
    """(annotations.jsonl, metadata table, records)."""
    from pipeline.io.readers import read_speech

    files, meta = speech_files(request.param)
    speeches = [read_speech(f) for f in files]
    records = [
        doc_to_record(doc, sp.name, sp.source, sp.encoding)
        for doc, sp in zip(nlp.pipe([s.text for s in speeches]), speeches)
    ]
    assert all(p["label"] for r in records for p in r["paragraphs"] if not p["heading"])
    path = tmp_path_factory.mktemp("charts") / "annotations.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path, meta, records

"""Annotation files for the chart tests, made by running the real pipeline on real speeches.

Speeches: the team's examples/*.txt (with examples/meta.csv); when fewer than three exist, three
short documents of ../shared/data/corpus (skipped when ../shared is absent).

Labels: when the pipeline labels paragraphs, its labels are used. When every body paragraph is
still unlabelled (no paragraph classifier in the pipeline yet), the fixture assigns labels with
this deterministic rule, so that the label-based figures can be tested:
    1. the paragraph has an exhortation span           → measure
    2. else it contains an ASCII or full-width digit   → result
    3. else its relative position is below 0.25        → diagnosis
    4. else                                            → other
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline.records import doc_to_record

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
CORPUS = ROOT.parent / "shared" / "data" / "corpus"
FALLBACK = ("gwr_national_1975.txt", "gwr_national_1980.txt", "gwr_national_1998.txt")
DIGIT = re.compile(r"[0-9０-９]")


def fallback_label(paragraph: dict) -> str:
    """The documented deterministic rule (module docstring) for unlabelled body paragraphs."""
    if any(s["type"] == "exhortation" for s in paragraph["spans"]):
        return "measure"
    if DIGIT.search(paragraph["text"]):
        return "result"
    if paragraph["position"] is not None and paragraph["position"] < 0.25:
        return "diagnosis"
    return "other"


def speech_files() -> tuple[list[Path], Path | None]:
    files = sorted(EXAMPLES.glob("*.txt"))
    if len(files) >= 3:
        meta = EXAMPLES / "meta.csv"
        return files, meta if meta.exists() else None
    if not CORPUS.is_dir():
        pytest.skip("fewer than three examples/*.txt and ../shared/data/corpus is absent")
    return [CORPUS / f for f in FALLBACK], CORPUS / "MANIFEST.tsv"


@pytest.fixture(scope="session")
def chart_input(nlp, tmp_path_factory):
    """(annotations.jsonl, meta table or None, records, labels_from_pipeline)."""
    from pipeline.io.readers import read_speech

    files, meta = speech_files()
    speeches = [read_speech(f) for f in files]
    records = [
        doc_to_record(doc, sp.name, sp.source, sp.encoding)
        for doc, sp in zip(nlp.pipe([s.text for s in speeches]), speeches)
    ]
    body = [p for r in records for p in r["paragraphs"] if not p["heading"]]
    from_pipeline = any(p["label"] for p in body)
    if not from_pipeline:
        for p in body:
            p["label"] = fallback_label(p)
    path = tmp_path_factory.mktemp("charts") / "annotations.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path, meta, records, from_pipeline

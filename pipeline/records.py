"""Turn annotated Docs into plain records (the `annotations.jsonl` schema) and tables."""
from __future__ import annotations

import bisect
import hashlib
from typing import Iterable

from spacy.tokens import Doc, Span

from .extensions import doc_text

SPAN_TYPES = ("parallelism", "idiom", "exhortation")
SPAN_LABELS = {
    "parallelism": ("parallelism", "antithesis", "enumeration"),
    "idiom": ("chengyu", "formula"),
    "exhortation": ("obligation", "prohibition", "resolve", "appeal"),
}
PARAGRAPH_LABELS = ("diagnosis", "measure", "result", "other")
SCHEMA_VERSION = 1


def text_hash(text: str) -> str:
    """Short content hash used to key speeches and gold paragraphs."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def span_record(span, para_start: int, span_type: str, text: str) -> dict:
    rec = {
        "type": span_type,
        "label": span.label_,
        "start": span.start_char - para_start,
        "end": span.end_char - para_start,
        "text": text[span.start_char : span.end_char],
    }
    if span_type == "parallelism":
        rec["members"] = [[s - para_start, e - para_start] for s, e in span._.xiuci_members or []]
        rec["frame"] = span._.xiuci_frame
    return rec


def blocks_and_spans(doc: Doc) -> tuple[list[tuple[Span, bool]], list[list[tuple[str, Span]]]]:
    """Paragraphs and headings in text order (span, is_heading), and the rhetoric spans inside each."""
    blocks = sorted(
        [(s, False) for s in doc.spans.get("paragraph", [])] + [(s, True) for s in doc.spans.get("heading", [])],
        key=lambda b: b[0].start_char,
    )
    starts = [b[0].start_char for b in blocks]
    inside: list[list[tuple[str, Span]]] = [[] for _ in blocks]
    for span_type in SPAN_TYPES:
        for span in sorted(doc.spans.get(span_type, []), key=lambda s: (s.start_char, s.end_char)):
            i = bisect.bisect_right(starts, span.start_char) - 1
            if i >= 0 and span.end_char <= blocks[i][0].end_char:
                inside[i].append((span_type, span))
    return blocks, inside


def doc_to_record(doc: Doc, speech: str, source: str = "", encoding: str = "", meta: dict | None = None) -> dict:
    """One speech → one JSON-serialisable record, span offsets relative to their paragraph."""
    text = doc_text(doc)
    blocks, inside = blocks_and_spans(doc)
    paragraphs = []
    for (span, is_heading), spans in zip(blocks, inside):
        paragraphs.append(
            {
                "index": span._.xiuci_index,
                "line": span._.xiuci_line,
                "text": text[span.start_char : span.end_char],
                "heading": is_heading,
                "heading_kind": span.label_ if is_heading else None,
                "label": None if is_heading or not span.label_ else span.label_,
                "scores": {} if is_heading else dict(span._.xiuci_scores or {}),
                "mixed": False if is_heading else bool(span._.xiuci_mixed),
                "position": None if is_heading else round(span._.xiuci_position, 4),
                "spans": [span_record(s, span.start_char, span_type, text) for span_type, s in spans],
            }
        )
    return {
        "schema": SCHEMA_VERSION,
        "speech": speech,
        "source": source,
        "encoding": encoding,
        "sha1": text_hash(text),
        "meta": dict(meta or {}),
        "paragraphs": paragraphs,
    }


PARAGRAPH_COLUMNS = (
    ["speech", "index", "line", "heading", "label", "mixed", "position", "chars"]
    + [f"n_{t}" for t in SPAN_TYPES]
    + [f"n_{t}_{label}" for t in SPAN_TYPES for label in SPAN_LABELS[t]]
)


def paragraph_rows(record: dict) -> Iterable[dict]:
    """Rows of the paragraph table (`paragraphs.csv`/`.parquet`) for one speech record."""
    for p in record["paragraphs"]:
        row = {
            "speech": record["speech"],
            "index": p["index"],
            "line": p["line"],
            "heading": p["heading"],
            "label": p["label"],
            "mixed": p["mixed"],
            "position": p["position"],
            "chars": len(p["text"]),
        }
        for t in SPAN_TYPES:
            row[f"n_{t}"] = sum(s["type"] == t for s in p["spans"])
            for label in SPAN_LABELS[t]:
                row[f"n_{t}_{label}"] = sum(s["type"] == t and s["label"] == label for s in p["spans"])
        row.update(record.get("meta") or {})
        yield row


def to_dataframe(docs_or_records, names: Iterable[str] | None = None):
    """A pandas DataFrame with one row per paragraph, from annotated Docs or from records."""
    import pandas as pd

    rows = []
    names = list(names) if names is not None else None
    for i, item in enumerate(docs_or_records):
        if isinstance(item, Doc):
            item = doc_to_record(item, names[i] if names else f"doc{i}")
        rows.extend(paragraph_rows(item))
    return pd.DataFrame(rows, columns=None if not rows else list(rows[0].keys()))

"""The paragraph table: CSV (UTF-8 with BOM, for Excel) and Parquet, streamed from annotations.jsonl."""
from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Iterator

from ..errors import XiuciError
from ..records import PARAGRAPH_COLUMNS, paragraph_rows
from .atomic import atomic_path


def read_records(path: str | Path) -> Iterator[dict]:
    """Speech records of an annotations.jsonl file; a malformed line is an error naming file and line."""
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8")
    except OSError as e:
        raise XiuciError(f"{path}: cannot read ({e.strerror or e})") from None
    with handle:
        for n, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                raise XiuciError(f"{path}:{n}: not valid JSON ({e.msg})") from None
            if not isinstance(rec, dict) or not isinstance(rec.get("paragraphs"), list) or "speech" not in rec:
                raise XiuciError(f"{path}:{n}: not an xiuci speech record (needs 'speech' and 'paragraphs')")
            yield rec


def _columns(path: Path) -> list[str]:
    extra: dict[str, None] = {}
    for rec in read_records(path):
        extra.update(dict.fromkeys(k for k in (rec.get("meta") or {}) if k not in PARAGRAPH_COLUMNS))
    return PARAGRAPH_COLUMNS + list(extra)


def write_csv(annotations: Path, out: Path) -> None:
    columns = _columns(annotations)
    with atomic_path(out) as tmp, tmp.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for rec in read_records(annotations):
            writer.writerows(paragraph_rows(rec))


def _schema(columns: list[str]):
    import pyarrow as pa

    types = {"speech": pa.string(), "label": pa.string(), "heading": pa.bool_(), "mixed": pa.bool_(), "position": pa.float64()}
    return pa.schema(
        [(c, types.get(c, pa.int64()) if c in PARAGRAPH_COLUMNS else pa.string()) for c in columns]
    )


def write_parquet(annotations: Path, out: Path, batch: int = 20000) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = _columns(annotations)
    schema = _schema(columns)
    meta = [c for c in columns if c not in PARAGRAPH_COLUMNS]
    rows: list[dict] = []

    def flush(writer):
        for r in rows:
            for c in meta:
                r[c] = None if r.get(c) is None else str(r[c])
        writer.write_table(pa.Table.from_pylist(rows, schema=schema))
        rows.clear()

    with atomic_path(out) as tmp, pq.ParquetWriter(tmp, schema) as writer:
        for rec in read_records(annotations):
            rows.extend(paragraph_rows(rec))
            if len(rows) >= batch:
                flush(writer)
        flush(writer)

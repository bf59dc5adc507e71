"""Gold sets stored as offsets into the real texts of ../shared/data (the texts themselves are not stored)."""
from __future__ import annotations

import json
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from ..errors import XiuciError
from ..records import text_hash
from ..resources import ROOT

SHARED = ROOT.parent / "shared" / "data"
GOLD = ROOT / "data" / "gold"


@lru_cache(maxsize=64)
def shared_lines(file: str, shared: Path = SHARED) -> tuple[str, ...]:
    path = shared / file
    if not path.exists():
        raise XiuciError(f"{path}: the shared text is missing (gold sets need ../shared/data)")
    return tuple(path.read_text(encoding="utf-8").splitlines())


def shared_text(file: str, line: int, sha1: str, shared: Path = SHARED) -> str:
    """The paragraph a gold row points at, checked against its stored hash."""
    text = shared_lines(file, shared)[line]
    if text_hash(text) != sha1:
        raise XiuciError(f"{file}:{line}: the text no longer matches the gold hash {sha1}")
    return text


def load_rhetoric_gold(split: str | None = None, gold_dir: Path = GOLD, shared: Path = SHARED) -> list[dict]:
    """Gold paragraphs ({file, line, split, text, spans}) merged from data/gold/rhetoric-*.jsonl."""
    merged: dict = {}
    spans = defaultdict(list)
    for path in sorted(gold_dir.glob("rhetoric-*.jsonl")):
        for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            row = json.loads(raw)
            key = (row["file"], row["line"])
            merged.setdefault(key, row)
            spans[key].extend(row["spans"])
    out = []
    for key, row in sorted(merged.items()):
        if split and row["split"] != split:
            continue
        out.append({**row, "text": shared_text(row["file"], row["line"], row["sha1"], shared), "spans": spans[key]})
    return out

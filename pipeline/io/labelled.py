"""Readers for labelled paragraphs, all returning speeches: lists of {text, heading, label, line} in order.

Formats (detected per file): this project's `annotations.jsonl`; simple JSONL or CSV rows
(`text,label[,speech,index,heading]`, which is also the format of data/train/); gold rows that point
into a text file (`file,line[,sha1],label[,heading]`, e.g. data/dev/ into ../shared/data); doccano
JSONL exports (`text`, `label` list); Label Studio JSON exports (tasks with `data.text` and a
`choices` result). Problems are collected with file and line and raised together: nothing trains
on a bad row silently.
"""
from __future__ import annotations

import csv
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from ..errors import XiuciError
from ..records import PARAGRAPH_LABELS, text_hash
from .gold import SHARED

LABELS = set(PARAGRAPH_LABELS)


@dataclass
class LabelledSpeech:
    """One speech's lines in order; body lines carry a label (or None when unlabelled)."""

    speech: str
    paragraphs: list[dict] = field(default_factory=list)


class Problems(list):
    def add(self, where: str, message: str) -> None:
        self.append(f"{where}: {message}")

    def check(self) -> None:
        if self:
            more = f" (and {len(self) - 10} more)" if len(self) > 10 else ""
            raise XiuciError(f"{len(self)} bad rows in the labelled data{more}:\n  " + "\n  ".join(self[:10]))


def _rows_jsonl(path: Path, problems: Problems) -> Iterable[tuple[str, dict]]:
    for n, raw in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
        if not raw.strip():
            continue
        try:
            row = json.loads(raw)
        except json.JSONDecodeError as e:
            problems.add(f"{path}:{n}", f"not valid JSON ({e.msg})")
            continue
        if not isinstance(row, dict):
            problems.add(f"{path}:{n}", "not a JSON object")
            continue
        yield f"{path}:{n}", row


def _label_studio(path: Path, problems: Problems) -> Iterable[tuple[str, dict]]:
    try:
        tasks = json.loads(path.read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as e:
        problems.add(str(path), f"not valid JSON ({e.msg})")
        return
    for n, task in enumerate(tasks if isinstance(tasks, list) else [], 1):
        data = task.get("data", {}) if isinstance(task, dict) else {}
        choices = [
            c for ann in task.get("annotations", []) for r in ann.get("result", []) if r.get("type") == "choices" for c in r.get("value", {}).get("choices", [])
        ]
        yield f"{path}:task {n}", {"text": data.get("text"), "label": choices[0] if len(choices) == 1 else (choices or None),
                                   "speech": data.get("speech"), "index": data.get("index")}


def _csv(path: Path, problems: Problems) -> Iterable[tuple[str, dict]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        for n, row in enumerate(reader, 2):
            yield f"{path}:{n}", row


def _truthy(value) -> bool:
    return value in (True, 1, "1", "true", "True", "TRUE", "yes")


def normalise_row(where: str, row: dict, base: Path, problems: Problems) -> dict | None:
    """A row of any format → {speech, index, text, heading, label}; None (and a problem) if bad."""
    if "paragraphs" in row:  # an annotations.jsonl record is expanded by the caller
        return None
    label = row.get("label")
    if isinstance(label, list):  # doccano
        label = label[0] if len(label) == 1 else None if not label else label
    if label == "":
        label = None
    heading = _truthy(row.get("heading"))
    text = row.get("text") if "text" in row else row.get("data") if isinstance(row.get("data"), str) else None
    if text is None and "file" in row and "line" in row:
        try:
            text = gold_text(row, base)
        except XiuciError as e:
            problems.add(where, str(e))
            return None
    if not isinstance(text, str) or not text.strip():
        problems.add(where, "missing or empty text")
        return None
    if heading:
        label = None
    elif isinstance(label, list):
        problems.add(where, f"more than one label {label}")
        return None
    elif label is None:
        problems.add(where, "missing label")
        return None
    elif label not in LABELS:
        problems.add(where, f"unknown label {label!r} (expected one of {', '.join(PARAGRAPH_LABELS)})")
        return None
    speech = row.get("speech") or (row.get("file") if "file" in row else None)
    index = row.get("index", row.get("line"))
    return {"speech": str(speech) if speech is not None else None, "index": int(index) if index not in (None, "") else None,
            "text": text.strip(), "heading": heading, "label": label, "where": where}


def gold_text(row: dict, base: Path) -> str:
    """Text of a gold row `file,line[,sha1]`: relative to ../shared/data when hashed, else to the labels file."""
    root = SHARED if row.get("sha1") else base
    path = root / row["file"]
    try:
        text = path.read_text(encoding="utf-8").splitlines()[int(row["line"])]
    except (OSError, IndexError, ValueError):
        raise XiuciError(f"cannot read line {row['line']} of {path}") from None
    if row.get("sha1") and text_hash(text) != row["sha1"]:
        raise XiuciError(f"{path}:{row['line']}: text does not match the stored hash")
    return text


def read_labelled(paths: Iterable[str | Path]) -> list[LabelledSpeech]:
    """Read labelled files and folders (recursively: .jsonl, .json, .csv) into speeches."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.suffix in {".jsonl", ".json", ".csv"}))
        elif p.exists():
            files.append(p)
        else:
            raise XiuciError(f"{p}: no such file or directory")
    problems = Problems()
    speeches: dict[str, list[dict]] = defaultdict(list)
    seen: dict[str, tuple] = {}
    for f in files:
        rows = _label_studio(f, problems) if f.suffix == ".json" else _csv(f, problems) if f.suffix == ".csv" else _rows_jsonl(f, problems)
        for n, (where, row) in enumerate(rows):
            if "paragraphs" in row:
                for p in row["paragraphs"]:
                    if not p.get("heading") and p.get("label") not in LABELS:
                        problems.add(where, f"paragraph {p.get('index')} has no valid label")
                speeches[f"{row.get('speech')}@{f}"].extend(
                    {"speech": row.get("speech"), "index": p["index"], "text": p["text"], "heading": p["heading"], "label": p.get("label"), "where": where}
                    for p in row["paragraphs"]
                )
                continue
            item = normalise_row(where, row, f.parent, problems)
            if item is None:
                continue
            if not item["heading"] and len(item["text"]) > 12:
                # the same paragraph twice in one file, or with two labels anywhere, is an error;
                # real texts do repeat set sentences across documents
                earlier = seen.get(item["text"])
                if earlier and (earlier[0] == f or earlier[2] != item["label"]):
                    problems.add(where, f"duplicate of {earlier[1]}" + ("" if earlier[2] == item["label"] else f" with label {earlier[2]}"))
                    continue
                seen.setdefault(item["text"], (f, where, item["label"]))
            key = f"{item['speech']}@{f}" if item["speech"] is not None else f"{f.name}#{n}"
            speeches[key].append(item)
    problems.check()
    if not speeches:
        raise XiuciError("no labelled paragraphs found in " + ", ".join(map(str, files)))
    out = []
    for key, items in speeches.items():
        if all(i["index"] is not None for i in items):
            items.sort(key=lambda i: i["index"])
        out.append(LabelledSpeech(key.split("@")[0], [{k: i[k] for k in ("text", "heading", "label")} for i in items]))
    return out

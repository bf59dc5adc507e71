"""Annotate speeches into an output folder: streaming, resumable, never leaving a half-written file.

`annotations.jsonl` grows one whole line per finished speech (flushed as it is written); a run that is
killed leaves at most one partial last line, which the next run drops before skipping every speech
already done (keyed by source path and content hash). The paragraph tables are rebuilt from the JSONL
at the end of each run; the HTML view of a speech is written as soon as it is done.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from .errors import XiuciError
from .io.atomic import write_text
from .io.html import render_speech
from .io.readers import Speech, expand_inputs, iter_speeches
from .io.tables import read_records, write_csv, write_parquet
from .records import doc_to_record, text_hash

ANNOTATIONS = "annotations.jsonl"
ERRORS = "errors.jsonl"


@dataclass
class RunSummary:
    """What a run did: speeches written now, skipped as already done, and failures (path, reason)."""

    written: int = 0
    skipped: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)


def load_done(path: Path) -> set[tuple[str, str]]:
    """Keys of the speeches already in an annotations.jsonl; drop a partial last line left by a crash."""
    if not path.exists():
        return set()
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):
        keep = data.rfind(b"\n") + 1
        with path.open("r+b") as handle:
            handle.truncate(keep)
    return {(r["source"], r["sha1"]) for r in read_records(path)}


def html_name(record: dict, used: set[str]) -> str:
    """File name of a speech's HTML view: its stem, made unique with the content hash if needed."""
    name = f"{record['speech']}.html"
    if name in used:
        name = f"{record['speech']}-{record['sha1'][:8]}.html"
    used.add(name)
    return name


class Annotator:
    """Runs a loaded pipeline over inputs and writes the outputs of `xiuci annotate`."""

    def __init__(self, nlp, out_dir: str | Path, *, html: bool = True, parquet: bool = True, meta: Optional[dict] = None):
        self.nlp = nlp
        self.out = Path(out_dir)
        self.html = html
        self.parquet = parquet
        self.meta = meta or {}

    def speeches(self, files: Iterable[str], done: set, summary: RunSummary, errors) -> Iterator[tuple[str, Speech]]:
        for item in iter_speeches(files):
            if isinstance(item, XiuciError):
                path, reason = str(item).split(": ", 1) if ": " in str(item) else ("", str(item))
                summary.failed.append((path, reason))
                errors(path, reason)
                continue
            if (item.source, text_hash(item.text)) in done:
                summary.skipped += 1
                continue
            yield item.text, item

    def run(self, inputs: Iterable[str], n_process: int = 1, batch_size: int = 4, progress: Optional[Callable] = None) -> RunSummary:
        files = expand_inputs(inputs)
        summary = RunSummary()
        annotations = self.out / ANNOTATIONS
        done = load_done(annotations)
        pending_errors: list[dict] = []
        error_handle = None

        def errors(path: str, reason: str) -> None:
            nonlocal error_handle
            entry = {"source": path, "error": reason}
            if error_handle is None:
                pending_errors.append(entry)
            else:
                error_handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
                error_handle.flush()

        used_names: set[str] = set()
        handle = None
        try:
            docs = self.nlp.pipe(self.speeches(files, done, summary, errors), as_tuples=True, n_process=n_process, batch_size=batch_size)
            for doc, speech in docs:
                if handle is None:
                    self.out.mkdir(parents=True, exist_ok=True)
                    handle = annotations.open("a", encoding="utf-8")
                    error_handle = (self.out / ERRORS).open("w", encoding="utf-8")
                    for entry in pending_errors:
                        error_handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
                record = doc_to_record(doc, speech.name, speech.source, speech.encoding, self.meta_for(speech))
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                handle.flush()
                if self.html:
                    write_text(self.out / html_name(record, used_names), render_speech(record))
                summary.written += 1
                if progress:
                    progress(speech)
        finally:
            if handle is not None:
                os.fsync(handle.fileno())
                handle.close()
            if error_handle is not None:
                error_handle.close()
        if annotations.exists():
            if error_handle is None:
                write_text(self.out / ERRORS, "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in pending_errors))
            write_csv(annotations, self.out / "paragraphs.csv")
            if self.parquet:
                write_parquet(annotations, self.out / "paragraphs.parquet")
        return summary

    def meta_for(self, speech: Speech) -> dict:
        return dict(self.meta.get(Path(speech.source).name) or self.meta.get(speech.name) or {})

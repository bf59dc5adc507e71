"""Annotate speeches into an output folder: streaming, resumable, never leaving a half-written file.

`annotations.jsonl` grows one whole line per finished speech (flushed as it is written); a run that is
killed leaves at most one partial last line, which the next run drops before skipping every speech
already done (keyed by source path and content hash). The paragraph tables are rebuilt from the JSONL
at the end of each run; the HTML view of a speech is written as soon as it is done. Failed inputs go
to `errors.jsonl` and the run goes on.

With several processes, each worker holds the pipeline and sends back finished records, not Docs: a
Doc's bytes are about 80 per character, and decoding them would keep the writing process as busy as
a worker.
"""
from __future__ import annotations

import json
import os
from collections import deque
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
        with path.open("r+b") as handle:
            handle.truncate(data.rfind(b"\n") + 1)
    return {(r["source"], r["sha1"]) for r in read_records(path)}


def split_error(error: XiuciError) -> tuple[str, str]:
    """(path, reason) of a reader error 'path: reason'."""
    text = str(error)
    return tuple(text.split(": ", 1)) if ": " in text else ("", text)  # type: ignore[return-value]


class OutputFolder:
    """The files of one annotate run; nothing is created until the first speech is done."""

    def __init__(self, out: str | Path, html: bool = True, parquet: bool = True):
        self.out = Path(out)
        self.html = html
        self.parquet = parquet
        self.summary = RunSummary()
        self.done = load_done(self.out / ANNOTATIONS)
        self._handle = self._errors = None
        self._pending: list[dict] = []
        self._names: set[str] = set()

    def is_done(self, speech: Speech) -> bool:
        if (speech.source, text_hash(speech.text)) in self.done:
            self.summary.skipped += 1
            return True
        return False

    def error(self, path: str, reason: str) -> None:
        self.summary.failed.append((path, reason))
        entry = {"source": path, "error": reason}
        if self._errors is None:
            self._pending.append(entry)
        else:
            self._errors.write(json.dumps(entry, ensure_ascii=False) + "\n")
            self._errors.flush()

    def write(self, record: dict) -> None:
        if self._handle is None:
            self.out.mkdir(parents=True, exist_ok=True)
            self._handle = (self.out / ANNOTATIONS).open("a", encoding="utf-8")
            self._errors = (self.out / ERRORS).open("w", encoding="utf-8")
            for entry in self._pending:
                self._errors.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self._handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._handle.flush()
        if self.html:
            name = f"{record['speech']}.html"
            if name in self._names:
                name = f"{record['speech']}-{record['sha1'][:8]}.html"
            self._names.add(name)
            write_text(self.out / name, render_speech(record))
        self.summary.written += 1

    def close(self) -> RunSummary:
        """Flush and close; rebuild the paragraph tables from the whole annotations.jsonl."""
        if self._handle is not None:
            os.fsync(self._handle.fileno())
            self._handle.close()
            self._errors.close()
        if (self.out / ANNOTATIONS).exists():
            if self._handle is None:
                write_text(self.out / ERRORS, "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in self._pending))
            write_csv(self.out / ANNOTATIONS, self.out / "paragraphs.csv")
            if self.parquet:
                write_parquet(self.out / ANNOTATIONS, self.out / "paragraphs.parquet")
        return self.summary


def read_meta(path: Path) -> dict:
    """META.csv (a `file` or `speech` column, any others) → {file name or stem: {column: text}}."""
    from .charts.data import read_meta_text

    table = read_meta_text(path)
    key = "file" if "file" in table.columns else "speech"
    return {row[key]: {k: v for k, v in row.items() if k != key} for row in table.to_dict("records")}


def meta_for(meta: dict, speech: Speech) -> dict:
    """Metadata row of a speech, matched by file name or by stem."""
    return dict(meta.get(Path(speech.source).name) or meta.get(speech.name) or {})


def annotate_speech(nlp, speech: Speech, meta: dict) -> dict:
    """One speech → its `annotations.jsonl` record, carrying `meta` (its row of the metadata table)."""
    return doc_to_record(nlp(speech.text), speech.name, speech.source, speech.encoding, meta)


_worker_nlp = None


def _start_worker(nlp) -> None:
    global _worker_nlp
    _worker_nlp = nlp


def _annotate_in_worker(speech: Speech, meta: dict) -> dict:
    return annotate_speech(_worker_nlp, speech, meta)


class Annotator:
    """Runs a loaded pipeline over inputs and writes the outputs of `xiuci annotate`."""

    def __init__(self, nlp, out_dir: str | Path, *, html: bool = True, parquet: bool = True, meta: Optional[dict] = None):
        self.nlp = nlp
        self.out_dir = out_dir
        self.html = html
        self.parquet = parquet
        self.meta = meta or {}

    def run(self, inputs: Iterable[str], n_process: int = 1, progress: Optional[Callable] = None) -> RunSummary:
        """Annotate every input not yet done, in input order; `n_process` > 1 uses that many worker processes."""
        files = expand_inputs(inputs)
        out = OutputFolder(self.out_dir, self.html, self.parquet)

        def pending() -> Iterator[Speech]:
            for item in iter_speeches(files):
                if isinstance(item, XiuciError):
                    out.error(*split_error(item))
                elif not out.is_done(item):
                    yield item

        def write(record: dict) -> None:
            out.write(record)
            if progress:
                progress(record)

        try:
            if n_process == 1:
                for speech in pending():
                    write(annotate_speech(self.nlp, speech, meta_for(self.meta, speech)))
            else:
                self._run_workers(pending(), n_process, write)
        finally:
            summary = out.close()
        return summary

    def _run_workers(self, speeches: Iterator[Speech], n_process: int, write: Callable) -> None:
        """Worker processes annotate; records are written in input order. A few speeches per worker
        are in flight at a time, so memory does not grow with the corpus."""
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        pool = ProcessPoolExecutor(n_process, initializer=_start_worker, initargs=(self.nlp,))
        try:
            window: deque = deque()
            for speech in speeches:
                window.append(pool.submit(_annotate_in_worker, speech, meta_for(self.meta, speech)))
                if len(window) >= 8 * n_process:
                    write(window.popleft().result())
            while window:
                write(window.popleft().result())
        except BrokenProcessPool:
            raise XiuciError("a worker process died (out of memory?); the finished speeches are kept: run the command again to resume") from None
        finally:
            pool.shutdown(wait=False, cancel_futures=True)

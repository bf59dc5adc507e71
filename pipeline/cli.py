"""The `xiuci` command line: annotate, train, evaluate, suggest, plot. Logic lives in the modules it calls."""
from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from .errors import XiuciError

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Rhetoric and paragraph function of Chinese political speeches.")
err = Console(stderr=True)


@app.callback()
def main_callback() -> None:
    """xiuci: rhetoric and paragraph function of Chinese political speeches."""


def fail(message: str, code: int = 2) -> None:
    err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def read_meta(path: Optional[Path]) -> dict:
    """META.csv (a `file` or `speech` column, any others) → {file name or stem: {column: value}}."""
    if path is None:
        return {}
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as e:
        raise XiuciError(f"{path}: cannot read ({e.strerror or e})") from None
    if not rows or not ({"file", "speech"} & set(rows[0])):
        raise XiuciError(f"{path}: a metadata CSV needs a 'file' or 'speech' column and at least one row")
    key = "file" if "file" in rows[0] else "speech"
    return {r[key]: {k: v for k, v in r.items() if k != key} for r in rows}


@app.command()
def annotate(
    inputs: List[str] = typer.Argument(..., help="Speech files (.txt, .docx), directories, or - for stdin."),
    out: Path = typer.Option(..., "--out", "-o", help="Output folder."),
    model: Optional[Path] = typer.Option(None, help="Pipeline config (.cfg) or saved pipeline folder; default configs/default.cfg."),
    segmenter: Optional[str] = typer.Option(None, help="Override the tokenizer: pkuseg, jieba or char."),
    n_process: int = typer.Option(1, "--n-process", min=1, help="Worker processes (spaCy nlp.pipe)."),
    batch_size: int = typer.Option(4, help="Speeches per batch."),
    meta: Optional[Path] = typer.Option(None, help="CSV of metadata per file (file/speech column + year, genre, ...)."),
    html: bool = typer.Option(True, help="Write one annotated HTML view per speech."),
    dask: Optional[str] = typer.Option(None, help="Dask scheduler address, or local:N for a local cluster of N workers."),
) -> None:
    """Annotate speeches into OUT/annotations.jsonl, paragraphs.csv, paragraphs.parquet and HTML views."""
    from .annotate import Annotator
    from .io.readers import expand_inputs

    try:
        files = expand_inputs(inputs)
        metadata = read_meta(meta)
        if dask:
            from .distributed import run_dask

            summary = run_dask(files, out, dask, model=model, segmenter=segmenter, meta=metadata, html=html)
        else:
            from . import load

            nlp = load(model, segmenter=segmenter)
            annotator = Annotator(nlp, out, html=html, meta=metadata)
            if len(files) > 1:
                with Progress(TextColumn("annotating"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), console=err, transient=True) as bar:
                    task = bar.add_task("annotate", total=len(files))
                    summary = annotator.run(files, n_process=n_process, batch_size=batch_size, progress=lambda _: bar.advance(task))
            else:
                summary = annotator.run(files, n_process=n_process, batch_size=batch_size)
    except XiuciError as e:
        fail(str(e))
    for path, reason in summary.failed:
        err.print(f"[red]failed:[/] {path}: {reason}", highlight=False, soft_wrap=True)
    if summary.written or summary.skipped:
        err.print(f"{summary.written} speeches annotated, {summary.skipped} already done, {len(summary.failed)} failed → {out}", highlight=False)
    if summary.failed:
        raise typer.Exit(2)


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

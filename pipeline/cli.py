"""The `xiuci` command line: annotate, train, evaluate, suggest, plot. Logic lives in the modules it calls."""
from __future__ import annotations

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


@app.command()
def annotate(
    inputs: List[str] = typer.Argument(..., help="Speech files (.txt, .docx), directories, or - for stdin."),
    out: Path = typer.Option(..., "--out", "-o", help="Output folder."),
    model: Optional[Path] = typer.Option(None, help="Pipeline config (.cfg) or saved pipeline folder; default configs/default.cfg."),
    segmenter: Optional[str] = typer.Option(None, help="Override the tokenizer: pkuseg, jieba or char."),
    n_process: int = typer.Option(1, "--n-process", min=1, help="Worker processes, each holding the pipeline."),
    meta: Optional[Path] = typer.Option(None, help="CSV of metadata per file (file/speech column + year, genre, ...)."),
    html: bool = typer.Option(True, help="Write one annotated HTML view per speech."),
    dask: Optional[str] = typer.Option(None, help="Dask scheduler address, or local:N for a local cluster of N workers."),
) -> None:
    """Annotate speeches into OUT/annotations.jsonl, paragraphs.csv, paragraphs.parquet and HTML views."""
    from .annotate import Annotator, read_meta
    from .io.readers import expand_inputs

    try:
        files = expand_inputs(inputs)
        metadata = read_meta(meta) if meta else {}
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
                    summary = annotator.run(files, n_process=n_process, progress=lambda _: bar.advance(task))
            else:
                summary = annotator.run(files, n_process=n_process)
    except XiuciError as e:
        fail(str(e))
    for path, reason in summary.failed:
        err.print(f"[red]failed:[/] {path}: {reason}", highlight=False, soft_wrap=True)
    if summary.written or summary.skipped:
        err.print(f"{summary.written} speeches annotated, {summary.skipped} already done, {len(summary.failed)} failed → {out}", highlight=False)
    if summary.failed:
        raise typer.Exit(2)


CLASSIFIER = "paragraph_classifier"


@app.command()
def train(
    data: List[Path] = typer.Argument(..., help="Labelled files or folders (.jsonl, .csv, doccano .jsonl, Label Studio .json)."),
    out: Path = typer.Option(..., "--out", "-o", help="Model folder to write, e.g. models/my-classifier."),
    config: Optional[Path] = typer.Option(None, help="Classifier settings; default configs/classifier.cfg."),
    cv: int = typer.Option(5, "--cv", min=0, help="Cross-validation folds, grouped by speech (0 or 1: none)."),
) -> None:
    """Train the paragraph classifier; print cross-validated per-label figures; write metrics.json and confusion.png."""
    from . import load
    from .classify.model import load_settings
    from .classify.training import train as run_train

    try:
        settings = load_settings(config)
        nlp = load(exclude=(CLASSIFIER,))
        metrics = run_train([str(d) for d in data], out, settings, cv, nlp, log=typer.echo)
    except XiuciError as e:
        fail(str(e))
    typer.echo(f"model trained on {metrics['n_paragraphs']} paragraphs of {metrics['n_speeches']} speeches → {out}")


@app.command()
def evaluate(
    gold: List[Path] = typer.Argument(..., help="Labelled files or folders to evaluate against."),
    model: Optional[Path] = typer.Option(None, help="Model folder; default models/paragraph-classifier."),
    out: Optional[Path] = typer.Option(None, help="Folder for metrics.json and confusion.png."),
) -> None:
    """Evaluate a trained classifier on labelled paragraphs: per-label figures and the confusion matrix."""
    from . import load
    from .classify.component import DEFAULT_MODEL
    from .classify.model import ParagraphModel
    from .classify.training import evaluate as run_evaluate, format_report, write_metrics

    try:
        trained = ParagraphModel.load(model or DEFAULT_MODEL)
        metrics = run_evaluate([str(g) for g in gold], trained, load(exclude=(CLASSIFIER,)))
    except XiuciError as e:
        fail(str(e))
    typer.echo(format_report(metrics, f"evaluation of {model or DEFAULT_MODEL} on {metrics['n']} paragraphs"))
    if out:
        write_metrics(metrics, out)


@app.command()
def suggest(
    corpus: List[str] = typer.Argument(..., help="Unlabelled speeches (files or folders)."),
    model: Optional[Path] = typer.Option(None, help="Model folder; default models/paragraph-classifier."),
    n: int = typer.Option(50, "--n", min=1, help="How many paragraphs to suggest."),
    out: Path = typer.Option(Path("suggest.jsonl"), "--out", "-o", help="JSONL to write (doccano); a .labelstudio.json is written beside it."),
) -> None:
    """Write the paragraphs the model is least sure about, for labelling in doccano or Label Studio."""
    from . import load
    from .classify.suggest import least_certain, write_tasks
    from .io.readers import expand_inputs, iter_speeches

    try:
        nlp = load()
        if model:
            nlp.get_pipe(CLASSIFIER).from_disk(model)
        speeches = [s for s in iter_speeches(expand_inputs(corpus)) if not isinstance(s, XiuciError)]
        if not speeches:
            raise XiuciError("no readable speeches in " + ", ".join(corpus))
        paths = write_tasks(least_certain(nlp, speeches, n), out)
    except XiuciError as e:
        fail(str(e))
    typer.echo("wrote " + " and ".join(map(str, paths)))


@app.command()
def plot(
    annotations: List[Path] = typer.Argument(..., help="annotations.jsonl files (from xiuci annotate)."),
    out: Path = typer.Option(..., "--out", "-o", help="Report folder, e.g. reports/run1."),
    format: str = typer.Option("pdf,svg,png", "--format", help="Comma-separated: pdf, svg, png."),
    lang: str = typer.Option("zh", "--lang", help="Axis titles and legends: zh or en."),
    meta: Optional[Path] = typer.Option(None, help="CSV with a file or speech column and metadata (year, genre, ...)."),
    by: str = typer.Option("speech", help="speech, or a metadata column (year, genre, ...) to group by."),
    order: Optional[str] = typer.Option(None, help="Key that orders speeches or groups (a metadata column)."),
) -> None:
    """Draw the composition, arc, position, density and trend figures with their CSV tables and an index.html."""
    from .charts import plot as draw

    try:
        written = draw(annotations, out, formats=format.split(","), lang=lang, meta=meta, by=by, order=order)
    except XiuciError as e:
        fail(str(e))
    typer.echo(f"{len(written)} files → {out}/index.html")


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

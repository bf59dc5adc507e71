"""Speed and memory of annotation on the real corpus (../shared/data/corpus).

    python benchmarks/throughput.py [--repeat N] [--no-parallel] [--memory DOCS]

Prints chars/s of bare pkuseg tokenisation (the tokenizer alone) and of the full pipeline in the
same run, their ratio, the share of time each component takes, then `xiuci annotate` end to end with
1 and 2 processes and on a local Dask cluster of 2 workers, with peak RSS per process: end to end, and
in steady state (start-up, measured by the same command on two one-line files, subtracted).
--memory DOCS annotates DOCS documents (corpus paragraphs regrouped into 2,000-character documents)
and prints the RSS after 100 documents and at the end: memory must stay flat.
"""
from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "corpus"


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn):
    """Seconds fn takes; its result is freed after the clock stops, as in the full-pipeline timing."""
    start = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - start
    del result
    return seconds


def in_process(texts: list[str], repeat: int) -> None:
    from pipeline import load

    nlp = load()
    chars = sum(map(len, texts)) * repeat
    nlp(texts[0])  # warm up
    tok, total = 0.0, 0.0
    per = {name: 0.0 for name in nlp.pipe_names}
    def full(t: str) -> float:
        start = time.perf_counter()
        doc = nlp.tokenizer(t)
        for name, proc in nlp.pipeline:
            begin = time.perf_counter()
            doc = proc(doc)
            per[name] += time.perf_counter() - begin
        return time.perf_counter() - start

    for _ in range(repeat):
        # bare and full runs interleaved per document, so machine load affects both alike, and in
        # alternating order, so neither always runs on the caches the other warmed
        for k, t in enumerate(texts):
            if k % 2:
                total += full(t)
                tok += timed(lambda: nlp.tokenizer(t))
            else:
                tok += timed(lambda: nlp.tokenizer(t))
                total += full(t)
    print(f"corpus: {len(texts)} documents, {chars:,} characters (x{repeat})")
    print(f"bare pkuseg tokenisation  {chars / tok:10,.0f} chars/s")
    print(f"full pipeline             {chars / total:10,.0f} chars/s")
    print(f"ratio full / bare         {tok / total:10.3f}")
    for name, seconds in per.items():
        print(f"  {name:22} {seconds / tok * 100:6.1f}% of tokenisation time")
    rhetoric = sum(per[n] for n in ("idioms", "parallelism", "exhortation") if n in per)
    print(f"  rhetoric components together {rhetoric / tok * 100:.1f}% of tokenisation time")
    # the tokenizer's own time varies between the bare and the full runs; this ratio leaves it out
    print(f"ratio from the shares      {tok / (tok + sum(per.values())):10.3f}  (bare / (bare + every component))")
    print(f"peak RSS (this process)   {rss_mb():10,.0f} MB")


def run_cli(args: list[str], out: Path) -> tuple[float, str, str]:
    """Seconds of one `xiuci annotate` run and the peak RSS (MB) of its main process and largest worker."""
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", "import resource,sys; from pipeline.cli import app\n"
         "try:\n    app(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
         "r=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024; c=resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss/1024\n"
         "print(f'RSS {r:.0f} {c:.0f}', file=sys.stderr)", "annotate", *args, "--out", str(out), "--no-html"],
        capture_output=True, text=True, cwd=ROOT,
    )
    seconds = time.perf_counter() - start
    rss = [line for line in proc.stderr.splitlines() if line.startswith("RSS")]
    main_rss, child_rss = rss[-1].split()[1:] if rss else ("?", "?")
    return seconds, main_rss, child_rss


def cli(corpus: Path, probe: Path, options: list[str], chars: int, label: str) -> float:
    """chars/s of `xiuci annotate` end to end, and in steady state: the same command on two one-line
    files (`probe`) measures start-up (imports, loading the pipeline, starting workers), which is
    subtracted. Returns the steady-state rate."""
    out = Path(tempfile.mkdtemp())
    try:
        startup, _, _ = run_cli([str(probe), *options], out / "probe")
        seconds, main_rss, child_rss = run_cli([str(corpus), *options], out / "corpus")
    finally:
        shutil.rmtree(out, ignore_errors=True)
    steady = chars / max(seconds - startup, 1e-9)
    print(f"{label:30} {chars / seconds:8,.0f} chars/s end to end ({seconds:.1f} s), {steady:8,.0f} in steady state "
          f"(start-up {startup:.1f} s)  peak RSS main {main_rss} MB, largest worker {child_rss} MB")
    return steady


def memory(docs: int) -> None:
    from pipeline import load
    from pipeline.annotate import Annotator

    paragraphs = [p for f in sorted(CORPUS.glob("*.txt")) for p in f.read_text(encoding="utf-8").splitlines() if p.strip()]
    folder = Path(tempfile.mkdtemp())
    try:
        chunk, n, k = [], 0, 0
        while n < docs:
            chunk.append(paragraphs[k % len(paragraphs)])
            k += 1
            if sum(map(len, chunk)) >= 2000:
                (folder / f"d{n:05d}.txt").write_text("\n".join(chunk), encoding="utf-8")
                chunk, n = [], n + 1
        nlp = load()
        files = sorted(str(p) for p in folder.glob("*.txt"))
        marks = {}
        Annotator(nlp, folder / "out", html=False).run(files, progress=lambda s: marks.setdefault(len(marks) + 1, rss_mb()))
        print(f"memory: RSS after 100 documents {marks[min(100, docs)]:,.0f} MB, after {docs} documents {rss_mb():,.0f} MB")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--no-parallel", action="store_true", help="skip the CLI runs with 2 processes and Dask")
    parser.add_argument("--memory", type=int, default=0, metavar="DOCS")
    args = parser.parse_args()
    files = sorted(CORPUS.glob("*.txt"))
    if not files:
        sys.exit(f"no corpus at {CORPUS}")
    texts = [f.read_text(encoding="utf-8") for f in files]
    in_process(texts, args.repeat)
    work = Path(tempfile.mkdtemp())
    try:  # the corpus, --repeat times, and a start-up probe of two one-line files
        corpus, probe = work / "corpus", work / "probe"
        corpus.mkdir(), probe.mkdir()
        for k in range(args.repeat):
            for f, text in zip(files, texts):
                (corpus / f"{f.stem}-{k}.txt").write_text(text, encoding="utf-8")
        for name in ("a", "b"):
            (probe / f"{name}.txt").write_text("同志们：\n我们要坚持稳中求进，攻坚克难。\n", encoding="utf-8")
        chars = sum(map(len, texts)) * args.repeat
        one = cli(corpus, probe, [], chars, "xiuci annotate, 1 process")
        if not args.no_parallel:
            two = cli(corpus, probe, ["--n-process", "2"], chars, "xiuci annotate --n-process 2")
            cli(corpus, probe, ["--dask", "local:2"], chars, "xiuci annotate --dask local:2")
            print(f"speed-up of 2 processes over 1, steady state: {two / one:.2f}x")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.memory:
        memory(args.memory)


if __name__ == "__main__":
    main()

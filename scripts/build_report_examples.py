"""Build reports/examples/: annotate examples/*.txt with the default pipeline, then draw every chart.

    .venv/bin/python scripts/build_report_examples.py [--lang zh|en] [--out reports/examples]

Writes reports/examples/annotations.jsonl (the team's own example speeches, so their text may be
kept) and the figures, CSV tables and index.html of `pipeline.charts.plot`, with examples/meta.csv
as metadata (year, genre, speaker, region) and speeches ordered by year. Re-run it whenever the
pipeline (for instance the paragraph classifier) changes.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=Path, default=ROOT / "examples")
    ap.add_argument("--out", type=Path, default=ROOT / "reports" / "examples")
    ap.add_argument("--lang", default="zh", choices=("zh", "en"))
    ap.add_argument("--order", default="year")
    args = ap.parse_args(argv)

    from pipeline import load
    from pipeline.charts import plot
    from pipeline.errors import XiuciError
    from pipeline.io.atomic import write_text
    from pipeline.io.readers import read_speech
    from pipeline.records import doc_to_record

    files = sorted(args.examples.glob("*.txt"))
    if not files:
        print(f"{args.examples}: no example speeches (*.txt)", file=sys.stderr)
        return 2
    meta = args.examples / "meta.csv"
    try:
        nlp = load()
        speeches = [read_speech(f) for f in files]
        lines = []
        for doc, sp in zip(nlp.pipe([s.text for s in speeches]), speeches):
            source = str(Path(sp.source).resolve().relative_to(ROOT)) if Path(sp.source).resolve().is_relative_to(ROOT) else sp.source
            lines.append(json.dumps(doc_to_record(doc, sp.name, source, sp.encoding), ensure_ascii=False) + "\n")
        annotations = args.out / "annotations.jsonl"
        write_text(annotations, "".join(lines))
        annotations.chmod(0o644)
        written = plot([annotations], args.out, lang=args.lang, meta=meta if meta.exists() else None, order=args.order)
    except XiuciError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    labelled = sum(bool(p["label"]) for line in lines for p in json.loads(line)["paragraphs"])
    print(f"{len(files)} speeches, {labelled} labelled paragraphs → {len(written) + 1} files in {args.out}")
    if not labelled:
        print("note: no paragraph carries a label (no paragraph classifier in the pipeline yet); re-run when it lands")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Time `pipeline.charts.plot` on 1,000 synthetic speech records (seeded); prints seconds.

    python benchmarks/plots.py [--speeches 1000] [--formats pdf,svg,png] [--keep DIR]

The records follow the annotations.jsonl schema with realistic sizes (log-normal paragraph counts
around 60 per speech and paragraph lengths around 200 characters, about 8 % headings, span rates
of the order the pipeline finds in government work reports) and a year/genre metadata column, so
all five figures are drawn. The text is random CJK filler, not real speech. Target: < 30 s.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.records import PARAGRAPH_LABELS, SCHEMA_VERSION, SPAN_LABELS  # noqa: E402

FILLER = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"


def synth_records(n: int, seed: int = 0) -> list[dict]:
    rng = np.random.default_rng(seed)
    pool = np.array(list(FILLER))
    bank = "".join(rng.choice(pool, 400_000))
    genres = ["government_work_report", "party_congress_report", "local_speech"]
    records = []
    for i in range(n):
        n_par = int(np.clip(rng.lognormal(np.log(55), 0.55), 8, 320))
        heading = rng.random(n_par) < 0.08
        heading[0] = True
        body_idx = np.flatnonzero(~heading)
        positions = {j: (k / max(len(body_idx) - 1, 1)) for k, j in enumerate(body_idx)}
        paragraphs = []
        for j in range(n_par):
            size = int(np.clip(rng.lognormal(np.log(14), 0.4), 4, 40)) if heading[j] else int(
                np.clip(rng.lognormal(np.log(200), 0.7), 15, 3000)
            )
            start = int(rng.integers(0, len(bank) - size))
            text = bank[start : start + size]
            if heading[j]:
                paragraphs.append({"index": j, "line": j, "text": text, "heading": True, "heading_kind": "heading",
                                   "label": None, "scores": {}, "mixed": False, "position": None, "spans": []})
                continue
            pos = positions[j]
            # diagnosis early, results early (review) and measures in the middle, other at the close
            w = np.array([1.2 - pos, 1.0 + 1.5 * np.sin(np.pi * pos), 0.9 * (1 - pos) + 0.2, 0.15 + 1.5 * pos**8])
            label = PARAGRAPH_LABELS[int(rng.choice(4, p=w / w.sum()))]
            spans = []
            for span_type, rate in (("idiom", 6.0), ("exhortation", 4.0), ("parallelism", 1.2)):
                for _ in range(rng.poisson(rate * size / 1000)):
                    length = 4 if span_type == "idiom" else int(rng.integers(6, min(60, size) + 1)) if size > 6 else size
                    s = int(rng.integers(0, max(size - length, 0) + 1))
                    spans.append({"type": span_type, "label": str(rng.choice(SPAN_LABELS[span_type])), "start": s,
                                  "end": s + length, "text": text[s : s + length]})
            paragraphs.append({"index": j, "line": j, "text": text, "heading": False, "heading_kind": None,
                               "label": label, "scores": {label: 0.7}, "mixed": False, "position": round(pos, 4),
                               "spans": spans})
        records.append({"schema": SCHEMA_VERSION, "speech": f"speech_{i:04d}", "source": f"corpus/speech_{i:04d}.txt",
                        "encoding": "utf-8", "sha1": f"{i:016x}",
                        "meta": {"year": int(rng.integers(1950, 2026)), "genre": genres[int(rng.integers(0, 3))]},
                        "paragraphs": paragraphs})
    return records


def write_jsonl(records: list[dict], path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for rec in records:
            handle.write(json.dumps(rec, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> float:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--speeches", type=int, default=1000)
    ap.add_argument("--formats", default="pdf,svg,png")
    ap.add_argument("--by", default="speech")
    ap.add_argument("--keep", type=Path, help="write the figures here instead of a temporary folder")
    args = ap.parse_args(argv)

    from pipeline.charts import plot

    with tempfile.TemporaryDirectory(prefix="xiuci-plots-") as tmp:
        t0 = time.perf_counter()
        records = synth_records(args.speeches)
        ann = Path(tmp) / "annotations.jsonl"
        write_jsonl(records, ann)
        n_par = sum(len(r["paragraphs"]) for r in records)
        chars = sum(len(p["text"]) for r in records for p in r["paragraphs"])
        print(f"synthesised {len(records)} speeches, {n_par} paragraphs, {chars:,} characters "
              f"({ann.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - t0:.1f} s")
        out = args.keep or Path(tmp) / "out"
        t0 = time.perf_counter()
        files = plot([ann], out, formats=tuple(args.formats.split(",")), by=args.by)
        seconds = time.perf_counter() - t0
    print(f"plot(): {len(files)} files in {seconds:.2f} s (target < 30 s)")
    return seconds


if __name__ == "__main__":
    main()

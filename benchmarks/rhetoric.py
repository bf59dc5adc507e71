"""Precision, recall and F1 of the rhetoric components on the gold set, against naive baselines.

    python benchmarks/rhetoric.py [--split dev|dev2|dev3|test|all]

Gold: data/gold/rhetoric-*.jsonl, paragraphs of ../shared/data (dev: 115, test: 50 held aside;
dev2: 100 more corpus paragraphs, annotated after the rules were first tuned; dev3: 100 more,
annotated blind after a second round of tuning).
Exact = same start, end and label; overlap = same label and ≥50% of the longer span shared.
Baselines: idioms = every four-character i/l entry of jieba's dictionary (i → chengyu, l → formula);
parallelism = runs of ≥3 units (split at 、，；。) starting with the same character (2 → antithesis);
exhortation = every cue string (要, 必须, 不能, 坚决, 让我们…) to the end of its sentence.
Last, where data/gold-agreement/ holds a second annotator's spans for the split's paragraphs (dev and
test, parallelism and exhortation), their agreement with the gold: how far people agree by the guide.
"""
from __future__ import annotations

import argparse
import re
from pathlib import Path

import jieba

from pipeline import load
from pipeline.io.gold import GOLD, load_rhetoric_gold
from pipeline.rhetoric.scoring import score_overlap

TYPES = ("parallelism", "idiom", "exhortation")
SECOND = GOLD.parent / "gold-agreement"


def jieba_idioms():
    table = {}
    for line in (Path(jieba.__file__).parent / "dict.txt").read_text(encoding="utf-8").splitlines():
        w, _, t = line.split()
        if t in ("i", "l") and re.fullmatch(r"[\u4e00-\u9fff]{4}", w):
            table[w] = "chengyu" if t == "i" else "formula"
    return table


def baseline(text: str, idioms: dict) -> dict[str, list]:
    out = {t: [] for t in TYPES}
    i = 0
    while i <= len(text) - 4:
        if text[i : i + 4] in idioms:
            out["idiom"].append((i, i + 4, idioms[text[i : i + 4]]))
            i += 4
        else:
            i += 1
    units = [(m.start(), m.end()) for m in re.finditer(r"[^、，；。！？：]+", text)]
    i = 0
    while i < len(units):
        j = i + 1
        while j < len(units) and text[units[j][0]] == text[units[i][0]]:
            j += 1
        if j - i >= 2:
            out["parallelism"].append((units[i][0], units[j - 1][1], "parallelism" if j - i >= 3 else "antithesis"))
        i = j
    cues = {"要": "obligation", "必须": "obligation", "务必": "obligation", "应当": "obligation", "应该": "obligation",
            "决不能": "prohibition", "不能": "prohibition", "不得": "prohibition", "严禁": "prohibition",
            "坚决": "resolve", "切实": "resolve", "着力": "resolve", "让我们": "appeal", "希望": "appeal", "号召": "appeal"}
    for m in re.finditer("|".join(sorted(cues, key=len, reverse=True)), text):
        end = re.compile(r"[。！？；]").search(text, m.start())
        out["exhortation"].append((m.start(), end.start() if end else len(text), cues[m.group()]))
    return out


def of_type(spans: list[dict], t: str) -> list[tuple]:
    """(start, end, label) of the gold spans of one type."""
    return [(s["start"], s["end"], s["label"]) for s in spans if s["type"] == t]


def predict(nlp, text: str) -> dict[str, list]:
    doc = nlp(text)
    return {t: [(s.start_char, s.end_char, s.label_) for s in doc.spans[t]] for t in TYPES}


def table(name: str, pairs: dict[str, list]) -> None:
    print(f"\n{name}")
    print(f"  {'type':12} {'label':12} {'exact P':>8} {'R':>6} {'F1':>6} | {'overlap P':>9} {'R':>6} {'F1':>6} {'gold':>5}")
    for t in pairs:
        exact = score_overlap(pairs[t], min_share=1.0)
        over = score_overlap(pairs[t], min_share=0.5)
        for label in [""] + sorted(k for k in over if k):
            e, o = exact.get(label), over[label]
            n = o.tp + o.fn
            print(f"  {t if not label else '':12} {label or '(all)':12} {e.precision:8.3f} {e.recall:6.3f} {e.fscore:6.3f} | {o.precision:9.3f} {o.recall:6.3f} {o.fscore:6.3f} {n:5d}")
        if t == "idiom":
            unl = score_overlap([([(s, e, "") for s, e, _ in p], [(s, e, "") for s, e, _ in g]) for p, g in pairs[t]], 1.0)[""]
            print(f"  {'':12} {'(unlabelled)':12} {unl.precision:8.3f} {unl.recall:6.3f} {unl.fscore:6.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", default="dev", choices=["dev", "dev2", "dev3", "dev4", "test", "all"])
    args = parser.parse_args()
    gold = load_rhetoric_gold(None if args.split == "all" else args.split)
    nlp, idioms = load(), jieba_idioms()
    system = {t: [] for t in TYPES}
    base = {t: [] for t in TYPES}
    for row in gold:
        g = {t: of_type(row["spans"], t) for t in TYPES}
        p, b = predict(nlp, row["text"]), baseline(row["text"], idioms)
        for t in TYPES:
            system[t].append((p[t], g[t]))
            base[t].append((b[t], g[t]))
    print(f"rhetoric gold, split={args.split}: {len(gold)} paragraphs, {sum(len(r['text']) for r in gold)} characters")
    table("xiuci", system)
    table("baseline", base)
    agreement(gold)


def agreement(gold: list[dict]) -> None:
    """The second annotator's spans (data/gold-agreement/) against the gold, on the paragraphs both hold."""
    if not SECOND.is_dir():
        return
    second = {(r["file"], r["line"]): r for r in load_rhetoric_gold(None, gold_dir=SECOND)}
    rows = [(row, second[row["file"], row["line"]]) for row in gold if (row["file"], row["line"]) in second]
    if not rows:
        return
    types = sorted({s["type"] for _, other in rows for s in other["spans"]}, key=TYPES.index)
    pairs = {t: [(of_type(other["spans"], t), of_type(row["spans"], t)) for row, other in rows] for t in types}
    table(f"second annotator (data/gold-agreement/) against the gold, on {len(rows)} of these paragraphs", pairs)


if __name__ == "__main__":
    main()

"""Check the team-written training speeches in data/train/: schema, labels, duplicates, no sentence
copied from the real corpus, counts."""
import collections
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LABELS = {"diagnosis", "measure", "result", "other"}
SENTENCE = re.compile(r"[^。；！？]+")
COPIED = 18  # a sentence of this many characters or more found verbatim in the corpus is a copy


def main(paths) -> int:
    files = [Path(p) for p in paths] or sorted((ROOT / "data" / "train").glob("*.jsonl"))
    errors, seen = [], {}
    labels, genres, speeches = collections.Counter(), collections.Counter(), set()
    bodies: list[tuple[str, str]] = []  # (file:line, text) of every body paragraph
    lines: list[tuple[str, str]] = []  # (file:line, text) of every line, headings included
    for f in files:
        rows = []
        for n, raw in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{f.name}:{n}"
            try:
                r = json.loads(raw)
            except json.JSONDecodeError as e:
                errors.append(f"{where}: bad JSON ({e})")
                continue
            for key in ("speech", "genre", "index", "text", "heading", "label"):
                if key not in r:
                    errors.append(f"{where}: missing {key}")
            text = (r.get("text") or "").strip()
            lines.append((where, text))
            if not text or "\n" in text:
                errors.append(f"{where}: empty or multi-line text")
            if r.get("heading"):
                if r.get("label") is not None:
                    errors.append(f"{where}: heading with a label")
            elif r.get("label") not in LABELS:
                errors.append(f"{where}: bad label {r.get('label')!r}")
            else:
                labels[r["label"]] += 1
            if text in seen and len(text) > 12:
                errors.append(f"{where}: duplicate of {seen[text]}")
            seen.setdefault(text, where)
            rows.append(r)
            if not r.get("heading"):
                bodies.append((where, text))
        if rows:
            speeches.add(rows[0]["speech"])
            genres[rows[0].get("genre")] += 1
            if [r.get("index") for r in rows] != list(range(len(rows))):
                errors.append(f"{f.name}: index must run 0..n-1 in order")
            if len({r.get("speech") for r in rows}) != 1:
                errors.append(f"{f.name}: more than one speech id")
    print(f"speeches {len(speeches)}  body paragraphs {sum(labels.values())}  " + "  ".join(f"{k} {v}" for k, v in sorted(labels.items())))
    print("genres: " + ", ".join(f"{k} {v}" for k, v in sorted(genres.items())))
    corpus = read_corpus()
    if corpus is None:
        print("corpus overlap: ../shared/data/corpus not found, not checked")
    else:
        errors.extend(copied_sentences(lines, corpus))
        report_corpus_overlap(bodies, corpus)
    for e in errors[:50]:
        print("ERROR", e)
    return 1 if errors else 0


def read_corpus() -> str | None:
    """The real corpus (../shared/data/corpus) as one text, or None where it is absent."""
    corpus_dir = ROOT.parent / "shared" / "data" / "corpus"
    if not corpus_dir.is_dir():
        return None
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(corpus_dir.glob("*.txt")))


def copied_sentences(lines: list[tuple[str, str]], corpus: str) -> list[str]:
    """Lines holding a sentence (or clause run up to 。；！？) of `COPIED` characters or more that occurs
    verbatim in the corpus."""
    sentences = ((where, s.lstrip("—")) for where, text in lines for s in SENTENCE.findall(text))
    return [f"{where}: copies a corpus sentence ({s[:30]}…)" for where, s in sentences if len(s) >= COPIED and s in corpus]


def report_corpus_overlap(bodies: list[tuple[str, str]], corpus: str, run: int = 24, gram: int = 8, share: float = 0.3) -> None:
    """Count body paragraphs sharing a run of `run` characters with the real corpus (../shared), which
    the training speeches must not copy (stock formulae of official language make a few such runs), and
    those of which `share` or more of the `gram`-character runs occur in the corpus (speeches written
    since the 1950s-1980s round of data/train/ leave these out)."""
    runs = {corpus[i : i + run] for i in range(len(corpus) - run + 1)}
    grams = {corpus[i : i + gram] for i in range(len(corpus) - gram + 1)}
    found = [where for where, text in bodies if any(text[i : i + run] in runs for i in range(len(text) - run + 1))]
    echoes = [where for where, text in bodies if len(text) >= gram and sum(text[i : i + gram] in grams for i in range(len(text) - gram + 1)) >= share * (len(text) - gram + 1)]
    print(f"corpus overlap: {len(found)} body paragraphs share a {run}-character run with ../shared/data/corpus"
          + (f" (first: {', '.join(found[:5])})" if found else ""))
    print(f"corpus echo: {len(echoes)} body paragraphs have {share:.0%} or more of their {gram}-character runs in the corpus"
          + (f" (first: {', '.join(echoes[:5])})" if echoes else ""))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Check the team-written training speeches in data/train/: schema, labels, duplicates, counts."""
import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LABELS = {"diagnosis", "measure", "result", "other"}


def main(paths) -> int:
    files = [Path(p) for p in paths] or sorted((ROOT / "data" / "train").glob("*.jsonl"))
    errors, seen = [], {}
    labels, genres, speeches = collections.Counter(), collections.Counter(), set()
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
        if rows:
            speeches.add(rows[0]["speech"])
            genres[rows[0].get("genre")] += 1
            if [r.get("index") for r in rows] != list(range(len(rows))):
                errors.append(f"{f.name}: index must run 0..n-1 in order")
            if len({r.get("speech") for r in rows}) != 1:
                errors.append(f"{f.name}: more than one speech id")
    print(f"speeches {len(speeches)}  body paragraphs {sum(labels.values())}  " + "  ".join(f"{k} {v}" for k, v in sorted(labels.items())))
    print("genres: " + ", ".join(f"{k} {v}" for k, v in sorted(genres.items())))
    for e in errors[:50]:
        print("ERROR", e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Pick the real-text paragraphs of the rhetoric gold set (seeded, reproducible).

Writes data/gold/selection.jsonl: file (relative to ../shared/data), line, sha1, split.
150 body paragraphs of 40-500 characters from the corpus, at most 6 per document, plus every
body line of the seed speech; 50 of the corpus paragraphs are set aside as the final test split.
Then a second dev split (`dev2`) of 100 other corpus paragraphs, drawn with its own seed, and a
third (`dev3`) and a fourth (`dev4`) of 100 more each, drawn the same way with their own seeds.
"""
import hashlib
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
OUT = ROOT / "data" / "gold" / "selection.jsonl"
SEED = 20261127
N_CORPUS, N_TEST, PER_DOC = 150, 50, 6
SEED_DEV2, N_DEV2 = 20261202, 100
SEED_DEV3 = 20261203
SEED_DEV4 = 20261204


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def body_lines(path: Path):
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if 40 <= len(line) <= 500 and not re.match(r"^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）", line):
            yield i, line


def main() -> None:
    rng = random.Random(SEED)
    files = sorted((SHARED / "corpus").glob("*.txt"))
    picks = []
    for f in files:
        cands = list(body_lines(f))
        for i, line in rng.sample(cands, min(PER_DOC, len(cands))):
            picks.append({"file": f"corpus/{f.name}", "line": i, "sha1": sha1(line)})
    picks = rng.sample(picks, N_CORPUS)
    test = set(rng.sample(range(N_CORPUS), N_TEST))
    for k, p in enumerate(picks):
        p["split"] = "test" if k in test else "dev"
    seed = SHARED / "seed-speech.txt"
    for i, line in enumerate(seed.read_text(encoding="utf-8").splitlines()):
        if len(line) >= 40:
            picks.append({"file": "seed-speech.txt", "line": i, "sha1": sha1(line), "split": "dev"})
    picks.sort(key=lambda p: (p["file"], p["line"]))
    picks += second_dev(files, {(p["file"], p["line"]) for p in picks})
    picks += second_dev(files, {(p["file"], p["line"]) for p in picks}, SEED_DEV3, "dev3")
    picks += second_dev(files, {(p["file"], p["line"]) for p in picks}, SEED_DEV4, "dev4")
    OUT.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in picks), encoding="utf-8")
    print(f"{len(picks)} paragraphs -> {OUT}")


def second_dev(files, used, seed: int = SEED_DEV2, split: str = "dev2") -> list[dict]:
    """A further dev split (`dev2`, `dev3`, `dev4`): 100 more corpus paragraphs of 60-400 characters, at most 5 per document."""
    rng = random.Random(seed)
    picks = []
    for f in files:
        cands = [(i, line) for i, line in body_lines(f) if 60 <= len(line) <= 400 and (f"corpus/{f.name}", i) not in used]
        for i, line in rng.sample(cands, min(5, len(cands))):
            picks.append({"file": f"corpus/{f.name}", "line": i, "sha1": sha1(line), "split": split})
    picks = rng.sample(picks, N_DEV2)
    return sorted(picks, key=lambda p: (p["file"], p["line"]))


if __name__ == "__main__":
    main()

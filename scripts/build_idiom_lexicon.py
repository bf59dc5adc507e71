"""Build configs/lexicons/chengyu.txt from the idioms shipped in jieba's bundled dictionary.

Source: jieba (MIT licence), jieba/dict.txt, four-Han-character entries tagged `i` (idiom) or `l`
(set phrase). The raw list is noisy (改善生活, 土木工程, 精神面貌): an entry is kept when it is
common enough in jieba's counts or has an idiom's shape, and dropped when it is a free combination of
two ordinary two-character words, or listed in configs/lexicons/not_idioms.txt.
Run: python scripts/build_idiom_lexicon.py
"""
import re
from pathlib import Path

import jieba

ROOT = Path(__file__).resolve().parents[1]
LEX = ROOT / "configs" / "lexicons"
HAN4 = re.compile(r"^[\u4e00-\u9fff]{4}$")
CLASSICAL = set("之而以其于乎者所兮焉哉矣亦乃若")
CONTENT_TAGS = {"n", "v", "vn", "a", "an", "nz", "ad", "d", "s", "f", "m"}
MIN_FREQ = 4


def idiom_shape(w: str) -> bool:
    """AABB, ABAC, ABCB, ABCA-like repetitions or a classical function character."""
    a, b, c, d = w
    return a == b or a == c or b == d or c == d or bool(CLASSICAL & set(w[1:3] + w[3]))


def main() -> None:
    dict_path = Path(jieba.__file__).parent / "dict.txt"
    entries, words = {}, {}
    for line in dict_path.read_text(encoding="utf-8").splitlines():
        w, f, t = line.split()
        words[w] = (int(f), t)
        if t in ("i", "l") and HAN4.match(w):
            entries[w] = int(f)
    exclude = set((LEX / "not_idioms.txt").read_text(encoding="utf-8").split())
    keep = []
    for w, f in sorted(entries.items()):
        halves = [words.get(w[:2]), words.get(w[2:])]
        free = all(h and h[1] in CONTENT_TAGS and h[0] >= 500 for h in halves)
        if w in exclude or (free and not idiom_shape(w)):
            continue
        if f >= MIN_FREQ or idiom_shape(w):
            keep.append(w)
    header = "# Four-character idioms from jieba's dict.txt (tags i, l), filtered: see scripts/build_idiom_lexicon.py\n"
    (LEX / "chengyu.txt").write_text(header + "\n".join(keep) + "\n", encoding="utf-8")
    print(f"{len(entries)} candidates, {len(keep)} kept -> {LEX / 'chengyu.txt'}")


if __name__ == "__main__":
    main()

"""Traditional → simplified characters, one for one, so that text printed in traditional script is
segmented and matched like simplified text while every offset stays that of the original.

The table is OpenCC's TSCharacters.txt, shipped inside the `opencc-python-reimplemented` package
(Apache-2.0): the first candidate of each single-character entry of the Basic Multilingual Plane.
"""
from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path
from typing import Optional

import numpy as np

from .ngram_keys import code_points

BMP_END = 0xFFFF  # (the table maps characters of the Basic Multilingual Plane; the last code point maps to itself)


@lru_cache(maxsize=1)
def simplified_table() -> dict[int, str]:
    """Code point of a traditional character → its simplified character."""
    spec = importlib.util.find_spec("opencc")
    path = Path(spec.origin).parent / "dictionary" / "TSCharacters.txt"
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        trad, _, simple = line.partition("\t")
        simple = simple.split(" ")[0]
        if len(trad) == 1 and len(simple) == 1 and ord(trad) < BMP_END and ord(simple) < BMP_END:
            table[ord(trad)] = simple
    return table


@lru_cache(maxsize=1)
def simplified_points() -> np.ndarray:
    """`simplified_table` as an array indexed by code point (0…BMP_END)."""
    points = np.arange(BMP_END + 1, dtype=np.uint64)
    for trad, simple in simplified_table().items():
        points[trad] = ord(simple)
    return points


def simplified(text: str) -> Optional[str]:
    """The text with its traditional characters made simplified (same length), or None when it has none."""
    capped = np.minimum(code_points(text), BMP_END)
    if not (simplified_points()[capped] != capped).any():
        return None
    return text.translate(simplified_table())

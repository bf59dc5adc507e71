"""Character n-grams as integers, for finding many n-grams of a text at once with NumPy.

An n-gram of up to 3 code points becomes one uint64: its code points + 1 in base 2**21 (every code
point + 1 fits in 21 bits), so keys of different lengths never collide.
"""
from __future__ import annotations

import numpy as np

BITS = 21
MAX_N = 3


def code_points(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)


def gram_keys(codes: np.ndarray, n: int) -> np.ndarray:
    """Key of every n-gram (n ≤ 3) of a code point array, in text order."""
    keys = np.zeros(max(len(codes) - n + 1, 0), dtype=np.uint64)
    for k in range(n):
        keys = (keys << np.uint64(BITS)) | (codes[k : len(codes) - n + 1 + k] + np.uint64(1))
    return keys


def gram_key(gram: str) -> int:
    """The key `gram_keys` gives this n-gram."""
    key = 0
    for c in gram:
        key = (key << BITS) | (ord(c) + 1)
    return key

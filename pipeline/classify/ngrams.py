"""Fast TF-IDF transform for a fitted character n-gram vocabulary (n ≤ 3).

Gives the same matrix as scikit-learn's `TfidfVectorizer(analyzer="char", sublinear_tf=True)` with
its default lower-casing, whitespace folding, smoothed IDF and L2 norm, but finds and counts the
n-grams of all texts at once with NumPy (each n-gram becomes one integer: its code points in base
2**21) instead of a Python loop over every n-gram. Training still fits the scikit-learn vectorizer;
`tests/classify/test_ngrams.py` holds the two equal.
"""
from __future__ import annotations

import re
from typing import Iterable

import numpy as np
from scipy import sparse
from sklearn.preprocessing import normalize

WHITE_SPACES = re.compile(r"\s\s+")  # as scikit-learn's char analyzer
BITS = 21  # every code point + 1 fits in 21 bits, so n ≤ 3 code points fit in one uint64
MAX_N = 3


def gram_keys(codes: np.ndarray, n: int) -> np.ndarray:
    """Integer key of every n-gram of a code point array."""
    keys = np.zeros(len(codes) - n + 1, dtype=np.uint64)
    for k in range(n):
        keys = (keys << np.uint64(BITS)) | (codes[k : len(codes) - n + 1 + k] + np.uint64(1))
    return keys


def gram_key(gram: str) -> int:
    """The key `gram_keys` gives this n-gram."""
    key = 0
    for c in gram:
        key = (key << BITS) | (ord(c) + 1)
    return key


def code_points(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)


class CharNgramTfidf:
    """`transform(texts)` → L2-normalised sublinear TF-IDF rows over a fixed vocabulary."""

    def __init__(self, vocabulary: list[str], idf: np.ndarray, ngram_min: int, ngram_max: int):
        if not 1 <= ngram_min <= ngram_max <= MAX_N:
            raise ValueError(f"character n-grams of {ngram_min} to {ngram_max}: only 1 to {MAX_N} are supported")
        keys = np.array([gram_key(g) for g in vocabulary], dtype=np.uint64)
        order = np.argsort(keys)
        self.keys, self.features = keys[order], order
        self.idf = np.asarray(idf, dtype=np.float64)
        self.sizes = range(ngram_min, ngram_max + 1)

    def transform(self, texts: Iterable[str]) -> sparse.csr_matrix:
        texts = [WHITE_SPACES.sub(" ", t.lower()) for t in texts]
        codes = code_points("".join(texts))
        rows = np.repeat(np.arange(len(texts)), [len(t) for t in texts])
        found_rows, found_features = [], []
        for n in self.sizes:
            if len(codes) < n:
                continue
            keys = gram_keys(codes, n)
            inside = rows[: len(keys)] == rows[n - 1 :]  # n-grams that do not cross from one text to the next
            keys, where = keys[inside], rows[: len(keys)][inside]
            pos = np.minimum(np.searchsorted(self.keys, keys), len(self.keys) - 1)
            known = self.keys[pos] == keys
            found_rows.append(where[known])
            found_features.append(self.features[pos[known]])
        r = np.concatenate(found_rows) if found_rows else np.zeros(0, dtype=np.int64)
        f = np.concatenate(found_features) if found_features else np.zeros(0, dtype=np.int64)
        X = sparse.csr_matrix((np.ones(len(r)), (r, f)), shape=(len(texts), len(self.idf)))  # sums repeats: counts
        X.sum_duplicates()
        X.data = (np.log(X.data) + 1.0) * self.idf[X.indices]
        return normalize(X, norm="l2", copy=False)

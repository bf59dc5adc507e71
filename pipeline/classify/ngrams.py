"""Fast TF-IDF transform for a fitted character n-gram vocabulary (n ≤ 3).

Gives the same matrix as scikit-learn's `TfidfVectorizer(analyzer="char", sublinear_tf=True)` with
its default lower-casing, whitespace folding, smoothed IDF and L2 norm, but finds and counts the
n-grams of all texts at once with NumPy (each n-gram becomes one integer, `pipeline/ngram_keys.py`)
instead of a Python loop over every n-gram. Training still fits the scikit-learn vectorizer;
`tests/classify/test_ngrams.py` holds the two equal.
"""
from __future__ import annotations

import re
from typing import Iterable

import numpy as np
from scipy import sparse
from sklearn.preprocessing import normalize

from ..ngram_keys import BITS, MAX_N, code_points, gram_key, gram_keys

WHITE_SPACES = re.compile(r"\s\s+")  # as scikit-learn's char analyzer


class CharNgramTfidf:
    """`transform(texts)` → L2-normalised sublinear TF-IDF rows over a fixed vocabulary."""

    def __init__(self, vocabulary: list[str], idf: np.ndarray, ngram_min: int, ngram_max: int):
        if not 1 <= ngram_min <= ngram_max <= MAX_N:
            raise ValueError(f"character n-grams of {ngram_min} to {ngram_max}: only 1 to {MAX_N} are supported")
        keys = np.array([gram_key(g) for g in vocabulary], dtype=np.uint64)
        order = np.argsort(keys)
        self.keys, self.features = keys[order], order
        # single characters are looked up by code point in a table: a gather instead of a binary search
        single = keys < np.uint64(1 << BITS)
        self.single = np.full(int(keys[single].max()) + 1 if single.any() else 0, -1, dtype=np.int64)
        self.single[keys[single].astype(np.int64)] = np.flatnonzero(single)
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
            if n == 1:
                features = self.single[np.minimum(keys, len(self.single) - 1).astype(np.int64)] if len(self.single) else np.full(len(keys), -1)
                known = (keys < len(self.single)) & (features >= 0)
                features = features[known]
            else:
                pos = np.minimum(np.searchsorted(self.keys, keys), len(self.keys) - 1)
                known = self.keys[pos] == keys
                features = self.features[pos[known]]
            found_rows.append(where[known])
            found_features.append(features)
        r = np.concatenate(found_rows) if found_rows else np.zeros(0, dtype=np.int64)
        f = np.concatenate(found_features) if found_features else np.zeros(0, dtype=np.int64)
        X = sparse.csr_matrix((np.ones(len(r)), (r, f)), shape=(len(texts), len(self.idf)))  # sums repeats: counts
        X.sum_duplicates()
        X.data = (np.log(X.data) + 1.0) * self.idf[X.indices]
        return normalize(X, norm="l2", copy=False)

"""Fast TF-IDF transform for a fitted character n-gram vocabulary (n ≤ 3).

Gives the same matrix as scikit-learn's `TfidfVectorizer(analyzer="char", sublinear_tf=True)` with
its default lower-casing, whitespace folding, smoothed IDF and L2 norm, but finds and counts the
n-grams of all texts at once with NumPy (each n-gram becomes one integer, `pipeline/ngram_keys.py`,
looked up in an open-addressing hash table) instead of a Python loop over every n-gram. Training
still fits the scikit-learn vectorizer; `tests/classify/test_ngrams.py` holds the two equal.
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
        # single characters are looked up by code point in a table: a gather instead of a probe
        single = keys < np.uint64(1 << BITS)
        self.single = np.full(int(keys[single].max()) + 1 if single.any() else 0, -1, dtype=np.int64)
        self.single[keys[single].astype(np.int64)] = np.flatnonzero(single)
        self.table = KeyTable(keys[~single], np.flatnonzero(~single))
        self.idf = np.asarray(idf, dtype=np.float64)
        self.sizes = range(ngram_min, ngram_max + 1)

    def transform(self, texts: Iterable[str]) -> sparse.csr_matrix:
        return self.weigh(self.counts(texts))

    def weigh(self, counts: sparse.csr_matrix) -> sparse.csr_matrix:
        """Rows of n-gram counts → L2-normalised sublinear TF-IDF rows."""
        X = counts.copy()
        X.data = (np.log(X.data) + 1.0) * self.idf[X.indices]
        return normalize(X, norm="l2", copy=False)

    def counts(self, texts: Iterable[str]) -> sparse.csr_matrix:
        """How often each vocabulary n-gram occurs in each text."""
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
                features = self.table.get(keys)
                known = features >= 0
                features = features[known]
            found_rows.append(where[known])
            found_features.append(features)
        r = np.concatenate(found_rows) if found_rows else np.zeros(0, dtype=np.int64)
        f = np.concatenate(found_features) if found_features else np.zeros(0, dtype=np.int64)
        X = sparse.csr_matrix((np.ones(len(r)), (r, f)), shape=(len(texts), len(self.idf)))  # sums repeats: counts
        X.sum_duplicates()
        return X


class KeyTable:
    """Integer keys (never 0) → values, in an open-addressing hash table with linear probing,
    built and searched with NumPy for many keys at once."""

    def __init__(self, keys: np.ndarray, values: np.ndarray):
        size = 1 << max(int(3 * len(keys)).bit_length(), 4)  # at most a third full
        self.shift = np.uint64(64 - size.bit_length() + 1)
        self.mask = np.uint64(size - 1)
        self.keys = np.zeros(size, dtype=np.uint64)
        self.values = np.full(size, -1, dtype=np.int64)
        home, pending, self.probes = self.home(keys), np.arange(len(keys)), 0
        while len(pending):  # each round, every free slot takes the first pending key that probes it
            slots = (home[pending] + np.uint64(self.probes)) & self.mask
            free = self.keys[slots] == 0
            taken, first = np.unique(slots[free], return_index=True)
            winners = pending[free][first]
            self.keys[taken], self.values[taken] = keys[winners], values[winners]
            pending = np.setdiff1d(pending, winners, assume_unique=True)
            self.probes += 1

    def home(self, keys: np.ndarray) -> np.ndarray:
        with np.errstate(over="ignore"):
            return (keys * np.uint64(0x9E3779B97F4A7C15)) >> self.shift

    def get(self, keys: np.ndarray) -> np.ndarray:
        """The value of each key, -1 where it is not in the table."""
        out = np.full(len(keys), -1, dtype=np.int64)
        home, active = self.home(keys), np.arange(len(keys))
        for probe in range(self.probes):
            slots = (home[active] + np.uint64(probe)) & self.mask
            found = self.keys[slots]
            hit = found == keys[active]
            out[active[hit]] = self.values[slots[hit]]
            active = active[~hit & (found != 0)]
            if not len(active):
                break
        return out

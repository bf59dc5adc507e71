"""The word part of the paragraph model.

The guide labels a mixed paragraph by the larger part of its text, measured in characters. So every
sentence is scored on its own, and the paragraph gets the mean of its sentences' probabilities, each
weighted by its length in characters. Training gives each sentence its paragraph's label and a weight
equal to its length: a multinomial logistic regression over character n-gram TF-IDF. A second
regression over the same n-grams reads each paragraph whole (`fit_whole`). Its row sums the n-gram
counts of the paragraph's sentences: the same as counting the paragraph, since the vocabulary, fitted
on sentences, has no n-gram across a sentence end; so the n-grams are counted once, for both models. The paragraph model mixes
the two into its word probabilities (`[apply] whole_paragraph_weight`), and those with its structure
model's (`[apply] words_weight` in configs/classifier.cfg).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

import numpy as np
from scipy import sparse

from .ngrams import CharNgramTfidf

SENTENCE = re.compile(r"[^。；！？;!?]+[。；！？;!?]*")


def split(texts: Sequence[str]) -> tuple[list[str], np.ndarray]:
    """Sentences of all texts in order, and the index of the text each one came from."""
    pieces, owners = [], []
    for i, text in enumerate(texts):
        found = SENTENCE.findall(text) or [text]
        pieces.extend(found)
        owners.extend([i] * len(found))
    return pieces, np.array(owners, dtype=np.int64)


def lengths(pieces: Sequence[str]) -> np.ndarray:
    """Each sentence's weight: its length in characters (at least 1)."""
    return np.array([max(len(p), 1) for p in pieces], dtype=np.float64)


@dataclass
class SentenceModel:
    """What `fit` learned: the classes, the IDF weights and the logistic regression's coefficients."""

    classes_: np.ndarray
    idf_: np.ndarray
    coef_: np.ndarray
    intercept_: np.ndarray


def vectorizer(settings: dict):
    """scikit-learn's TF-IDF of character n-grams, as `[sentences]` sets it (`CharNgramTfidf` applies it)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(analyzer="char", ngram_range=(settings["ngram_min"], settings["ngram_max"]), min_df=settings["min_df"], sublinear_tf=True)


def fit(texts: Sequence[str], labels: Sequence[str], settings: dict) -> tuple[list[str], SentenceModel]:
    """Vocabulary and fitted numbers of the sentence model (each sentence labelled as its paragraph)."""
    from sklearn.linear_model import LogisticRegression

    pieces, owners = split(texts)
    weights = lengths(pieces)
    tfidf = vectorizer(settings)
    X = tfidf.fit_transform(pieces)
    y = np.asarray(labels, dtype=object)[owners]
    model = LogisticRegression(C=settings["C"], class_weight="balanced", max_iter=settings["max_iter"])
    model.fit(X, y, sample_weight=weights / weights.mean())
    vocabulary = sorted(tfidf.vocabulary_, key=tfidf.vocabulary_.get)
    return vocabulary, SentenceModel(model.classes_, tfidf.idf_, model.coef_, model.intercept_)


def fit_whole(tfidf: CharNgramTfidf, texts: Sequence[str], labels: Sequence[str], settings: dict):
    """The logistic regression of whole paragraphs over the sentence model's n-grams and IDF weights
    (same settings, balanced class weights, each paragraph counted once)."""
    from sklearn.linear_model import LogisticRegression

    pieces, owners = split(texts)
    rows = tfidf.weigh(membership(owners, len(texts)) @ tfidf.counts(pieces))
    return LogisticRegression(C=settings["C"], class_weight="balanced", max_iter=settings["max_iter"]).fit(rows, labels)


def membership(owners: np.ndarray, n_texts: int, weights: np.ndarray | None = None) -> sparse.csr_matrix:
    """texts × sentences: the sentence's weight (1 if none given) where the text holds the sentence."""
    values = np.ones(len(owners)) if weights is None else weights
    return sparse.csr_matrix((values, (owners, np.arange(len(owners)))), shape=(n_texts, len(owners)))


def probabilities(rows: sparse.csr_matrix, coef: np.ndarray, intercept: np.ndarray) -> np.ndarray:
    """The multinomial logistic regression's label probabilities of TF-IDF rows, as scikit-learn's."""
    scores = rows @ coef.T + intercept
    scores = np.exp(scores - scores.max(axis=1, keepdims=True))
    return scores / scores.sum(axis=1, keepdims=True)


def predict(tfidf: CharNgramTfidf, sentence: tuple[np.ndarray, np.ndarray], whole: tuple[np.ndarray, np.ndarray],
            texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Per text (labels in sorted order): the character-weighted mean of its sentences' probabilities
    under the sentence model (`sentence`: coefficients, intercepts), and the whole-paragraph model's
    probabilities (`whole`). The n-grams of every sentence are counted once, for both."""
    pieces, owners = split(texts)
    counts = tfidf.counts(pieces)
    by_text = membership(owners, len(texts), lengths(pieces))
    per_sentence = (by_text @ probabilities(tfidf.weigh(counts), *sentence)) / np.asarray(by_text.sum(axis=1))
    return per_sentence, probabilities(tfidf.weigh(membership(owners, len(texts)) @ counts), *whole)

"""The paragraph-function model: trained with scikit-learn, stored as plain JSON and NumPy arrays.

Two parts, mixed into one set of probabilities:
- words: the sentence model (`sentences.py`), character n-gram TF-IDF of every sentence into a
  multinomial logistic regression, a paragraph getting its sentences' probabilities weighted by length,
  mixed with a regression over the same n-grams of the whole paragraph;
- structure: the paragraph's cue, number, rhetoric, position and neighbourhood features
  (`features.py`), standardised, into a linear SVM with balanced class weights, calibrated into
  probabilities (sigmoid, internal folds).
The fitted numbers are exported: `model.json` (labels, vocabulary, settings, training-data hash,
versions, SHA-256 of the arrays) and `arrays.npz` (IDF weights, coefficients of the sentence and the
whole-paragraph regressions, scaler, per-fold coefficients and sigmoid parameters). Prediction runs on those arrays, so a fresh and
a loaded model give identical probabilities, and no model file is ever unpickled.
"""
from __future__ import annotations

import hashlib
import io
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import XiuciError
from ..resources import CONFIGS
from . import sentences
from .features import numeric_columns
from .ngrams import CharNgramTfidf

MODEL_FILE, ARRAYS_FILE = "model.json", "arrays.npz"
FORMAT = 3


def load_settings(path: Path | None = None) -> dict:
    """configs/classifier.cfg (or another file) as a plain dict of sections."""
    from thinc.api import Config

    path = Path(path or CONFIGS / "classifier.cfg")
    if not path.exists():
        raise XiuciError(f"{path}: classifier config not found")
    settings = {section: dict(values) for section, values in Config().from_disk(path).items()}
    missing = [section for section in ("sentences", "model", "apply") if section not in settings]
    if missing:
        raise XiuciError(f"{path}: classifier config lacks the section(s) {', '.join(f'[{m}]' for m in missing)}; see configs/classifier.cfg")
    for key in ("words_weight", "whole_paragraph_weight"):
        if key not in settings["apply"]:
            raise XiuciError(f"{path}: [apply] lacks {key} (a number between 0 and 1); see configs/classifier.cfg")
        weight = settings["apply"][key]
        if not isinstance(weight, (int, float)) or not 0.0 <= weight <= 1.0:
            raise XiuciError(f"{path}: [apply] {key} must be a number between 0 and 1, not {weight!r}")
    return settings


def design(frame: pd.DataFrame, mean: np.ndarray, scale: np.ndarray, columns: list[str]) -> np.ndarray:
    """The paragraph's structure features, standardised."""
    return (frame[columns].to_numpy(dtype=np.float64) - mean) / scale


@dataclass
class ParagraphModel:
    """Labels, vocabulary and arrays of a trained classifier, with their provenance."""

    meta: dict
    arrays: dict[str, np.ndarray]

    @property
    def labels(self) -> list[str]:
        return self.meta["labels"]

    @classmethod
    def fit(cls, frame: pd.DataFrame, labels: list[str], settings: dict, data_hash: str = "") -> "ParagraphModel":
        from sklearn.calibration import CalibratedClassifierCV
        from sklearn.preprocessing import StandardScaler
        from sklearn.svm import LinearSVC

        m = settings["model"]
        columns = numeric_columns(frame)
        scaler = StandardScaler().fit(frame[columns].to_numpy(dtype=np.float64))
        X = design(frame, scaler.mean_, scaler.scale_, columns)
        weights = m.get("class_weight", "balanced")
        if weights not in ("balanced", "none"):
            raise XiuciError(f'classifier config: class_weight must be "balanced" or "none", not {weights!r}')
        weights = None if weights == "none" else weights
        svm = LinearSVC(C=m["C"], class_weight=weights, max_iter=m["max_iter"], random_state=m["seed"])
        calibrated = CalibratedClassifierCV(svm, method=m["calibration"], cv=m["calibration_folds"]).fit(X, labels)
        folds = calibrated.calibrated_classifiers_
        s = settings["sentences"]
        vocabulary, sentence_model = sentences.fit(list(frame["text"]), labels, s)
        tfidf = CharNgramTfidf(vocabulary, sentence_model.idf_, s["ngram_min"], s["ngram_max"])
        whole = sentences.fit_whole(tfidf, list(frame["text"]), labels, s)
        if not list(sentence_model.classes_) == list(whole.classes_) == list(calibrated.classes_):
            raise XiuciError("the sentence and paragraph models learned different label sets")
        arrays = {
            "idf": sentence_model.idf_,
            "sentence_coef": sentence_model.coef_,
            "sentence_intercept": sentence_model.intercept_,
            "whole_coef": whole.coef_,
            "whole_intercept": whole.intercept_,
            "mean": scaler.mean_,
            "scale": scaler.scale_,
            "coef": np.stack([c.estimator.coef_ for c in folds]),
            "intercept": np.stack([c.estimator.intercept_ for c in folds]),
            "sigmoid_a": np.array([[cal.a_ for cal in c.calibrators] for c in folds]),
            "sigmoid_b": np.array([[cal.b_ for cal in c.calibrators] for c in folds]),
        }
        meta = {"format": FORMAT, "labels": [str(c) for c in calibrated.classes_], "columns": columns, "vocabulary": vocabulary,
                "settings": settings, "data_sha256": data_hash, "n_train": len(labels), "versions": versions()}
        return cls(meta, arrays)

    def predict_proba(self, frame: pd.DataFrame) -> np.ndarray:
        """Class probabilities (columns in `labels` order): the word models' and the structure model's,
        mixed by `[apply] words_weight`."""
        weight = self.meta["settings"]["apply"]["words_weight"]
        return weight * self.words_proba(frame) + (1 - weight) * self.structure_proba(frame)

    def words_proba(self, frame: pd.DataFrame) -> np.ndarray:
        """The sentence model's and the whole-paragraph model's, mixed by `[apply] whole_paragraph_weight`."""
        whole = self.meta["settings"]["apply"]["whole_paragraph_weight"]
        by_sentence, by_paragraph = self.word_models_proba(frame)
        return (1 - whole) * by_sentence + whole * by_paragraph

    def word_models_proba(self, frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
        """The sentence model's probabilities (its sentences' mean, weighted by length) and the
        whole-paragraph model's."""
        a = self.arrays
        if not hasattr(self, "_tfidf"):
            s = self.meta["settings"]["sentences"]
            self._tfidf = CharNgramTfidf(self.meta["vocabulary"], a["idf"], s["ngram_min"], s["ngram_max"])
        return sentences.predict(self._tfidf, (a["sentence_coef"], a["sentence_intercept"]), (a["whole_coef"], a["whole_intercept"]), list(frame["text"]))

    def structure_proba(self, frame: pd.DataFrame) -> np.ndarray:
        """Mean over the calibration folds of the normalised sigmoid scores of the linear SVM."""
        a = self.arrays
        X = design(frame, a["mean"], a["scale"], self.meta["columns"])
        probs = np.zeros((X.shape[0], len(self.labels)))
        for coef, intercept, sa, sb in zip(a["coef"], a["intercept"], a["sigmoid_a"], a["sigmoid_b"]):
            scores = X @ coef.T + intercept
            p = 1.0 / (1.0 + np.exp(sa * scores + sb))
            total = p.sum(axis=1, keepdims=True)
            probs += np.divide(p, total, out=np.full_like(p, 1.0 / p.shape[1]), where=total > 0)
        return probs / len(a["coef"])

    def save(self, path: str | Path) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        buffer = io.BytesIO()
        np.savez_compressed(buffer, **self.arrays)
        (path / ARRAYS_FILE).write_bytes(buffer.getvalue())
        meta = {**self.meta, "arrays_sha256": hashlib.sha256(buffer.getvalue()).hexdigest()}
        (path / MODEL_FILE).write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> "ParagraphModel":
        path = Path(path)
        if not (path / MODEL_FILE).exists() or not (path / ARRAYS_FILE).exists():
            raise XiuciError(f"{path}: no paragraph classifier here (expected {MODEL_FILE} and {ARRAYS_FILE}); train one with `xiuci train data/train --out {path}`")
        try:
            meta = json.loads((path / MODEL_FILE).read_text(encoding="utf-8"))
        except json.JSONDecodeError as e:
            raise XiuciError(f"{path / MODEL_FILE}: not valid JSON ({e.msg}); the model file is damaged") from None
        data = (path / ARRAYS_FILE).read_bytes()
        if hashlib.sha256(data).hexdigest() != meta.get("arrays_sha256"):
            raise XiuciError(f"{path / ARRAYS_FILE}: does not match the checksum in {MODEL_FILE} (modified or corrupted); retrain the model")
        if meta.get("format") != FORMAT or meta.get("versions", {}).get("xiuci") != versions()["xiuci"]:
            raise XiuciError(f"{path}: made by xiuci {meta.get('versions', {}).get('xiuci')} (format {meta.get('format')}); this is xiuci {versions()['xiuci']}: retrain it with `xiuci train`")
        with np.load(io.BytesIO(data), allow_pickle=False) as npz:
            arrays = {k: npz[k] for k in npz.files}
        return cls(meta, arrays)


def versions() -> dict[str, str]:
    import sklearn

    from .. import __version__

    return {"xiuci": __version__, "scikit-learn": sklearn.__version__}


def mixed(probs: np.ndarray, margin: float) -> np.ndarray:
    """True where the top two probabilities are within `margin`."""
    top = np.sort(probs, axis=1)[:, -2:]
    return (top[:, 1] - top[:, 0]) < margin

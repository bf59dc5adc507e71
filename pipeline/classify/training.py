"""Train and evaluate the paragraph classifier on labelled speeches; report honest, speech-grouped figures."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pandas as pd

from ..io.labelled import LabelledSpeech
from ..records import PARAGRAPH_LABELS, doc_to_record
from .features import speech_features
from .model import ParagraphModel

CORE = ("diagnosis", "measure", "result")


def featurize(speeches: list[LabelledSpeech], nlp) -> tuple[pd.DataFrame, list[str | None], list[str]]:
    """Features of every body paragraph (rhetoric spans from `nlp`), their labels and speech ids."""
    frames, labels, groups = [], [], []
    texts = ("\n".join(p["text"] for p in s.paragraphs) for s in speeches)
    for speech, doc in zip(speeches, nlp.pipe(texts, batch_size=8)):
        spans = {p["line"]: p["spans"] for p in doc_to_record(doc, speech.speech)["paragraphs"]}
        paragraphs = [{**p, "spans": spans.get(i, [])} for i, p in enumerate(speech.paragraphs)]
        frame = speech_features(paragraphs)
        frames.append(frame)
        labels.extend(p["label"] for p in paragraphs if not p["heading"])
        groups.extend([speech.speech] * len(frame))
    return pd.concat(frames, ignore_index=True), labels, groups


def data_hash(speeches: list[LabelledSpeech]) -> str:
    digest = hashlib.sha256()
    for s in speeches:
        for p in s.paragraphs:
            digest.update(f"{s.speech}\t{p['heading']}\t{p['label']}\t{p['text']}\n".encode("utf-8"))
    return digest.hexdigest()


def cross_validate(frame: pd.DataFrame, labels: list[str], groups: list[str], settings: dict, folds: int) -> list[str]:
    """Out-of-fold predictions, folds grouped by speech so no speech is in train and test at once."""
    from sklearn.model_selection import GroupKFold

    predictions = np.empty(len(labels), dtype=object)
    y = np.array(labels, dtype=object)
    for train, test in GroupKFold(n_splits=folds).split(frame, y, groups):
        model = ParagraphModel.fit(frame.iloc[train], list(y[train]), settings)
        probs = model.predict_proba(frame.iloc[test])
        predictions[test] = [model.labels[i] for i in probs.argmax(axis=1)]
    return list(predictions)


def report(gold: list[str], pred: list[str], groups: list[str] | None = None) -> dict:
    """Per-label precision/recall/F1, macro-F1 (core three and all four), confusion matrix, share error."""
    from sklearn.metrics import confusion_matrix, precision_recall_fscore_support

    labels = list(PARAGRAPH_LABELS)
    p, r, f, n = precision_recall_fscore_support(gold, pred, labels=labels, zero_division=0)
    per = {lab: {"precision": round(float(p[i]), 4), "recall": round(float(r[i]), 4), "f1": round(float(f[i]), 4), "support": int(n[i])} for i, lab in enumerate(labels)}
    out = {
        "n": len(gold),
        "per_label": per,
        "macro_f1_core": round(float(np.mean([per[lab]["f1"] for lab in CORE])), 4),
        "macro_f1_all": round(float(np.mean([per[lab]["f1"] for lab in labels])), 4),
        "accuracy": round(float(np.mean(np.array(gold) == np.array(pred))), 4),
        "labels": labels,
        "confusion": confusion_matrix(gold, pred, labels=labels).tolist(),
    }
    if groups is not None:
        frame = pd.DataFrame({"g": groups, "gold": gold, "pred": pred})
        errors = []
        for _, part in frame.groupby("g"):
            errors.append([abs((part["gold"] == lab).mean() - (part["pred"] == lab).mean()) for lab in labels])
        out["share_error"] = {lab: round(float(np.mean([e[i] for e in errors])), 4) for i, lab in enumerate(labels)}
    return out


def format_report(metrics: dict, title: str) -> str:
    lines = [title, f"  {'label':10} {'P':>6} {'R':>6} {'F1':>6} {'n':>5}"]
    for lab, m in metrics["per_label"].items():
        lines.append(f"  {lab:10} {m['precision']:6.3f} {m['recall']:6.3f} {m['f1']:6.3f} {m['support']:5d}")
    lines.append(f"  macro-F1 (diagnosis, measure, result) {metrics['macro_f1_core']:.3f}   macro-F1 (all four) {metrics['macro_f1_all']:.3f}   accuracy {metrics['accuracy']:.3f}")
    if "share_error" in metrics:
        lines.append("  mean |gold share - predicted share| per speech: " + "  ".join(f"{k} {v:.3f}" for k, v in metrics["share_error"].items()))
    lines.append("  confusion (rows gold, columns predicted: " + ", ".join(metrics["labels"]) + ")")
    lines.extend("  " + " ".join(f"{v:5d}" for v in row) + f"   {lab}" for lab, row in zip(metrics["labels"], metrics["confusion"]))
    return "\n".join(lines)


def save_confusion_figure(metrics: dict, path: Path) -> None:
    from matplotlib.figure import Figure

    matrix = np.array(metrics["confusion"])
    fig = Figure(figsize=(4.2, 3.6), dpi=150)
    ax = fig.add_subplot()
    ax.imshow(matrix, cmap="Blues")
    labels = metrics["labels"]
    ax.set_xticks(range(len(labels)), labels, rotation=30, ha="right")
    ax.set_yticks(range(len(labels)), labels)
    for (i, j), v in np.ndenumerate(matrix):
        ax.text(j, i, str(v), ha="center", va="center", color="white" if v > matrix.max() / 2 else "black", fontsize=8)
    ax.set_xlabel("predicted")
    ax.set_ylabel("gold")
    fig.tight_layout()
    fig.savefig(path)


def write_metrics(metrics: dict, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "metrics.json").write_text(json.dumps(metrics, ensure_ascii=False, indent=1), encoding="utf-8")
    save_confusion_figure(metrics, folder / "confusion.png")


def train(data: list[str], out: Path, settings: dict, folds: int, nlp, log=print) -> dict:
    """`xiuci train`: cross-validate (grouped by speech), fit on everything, save the model and its figures."""
    from ..io.labelled import read_labelled

    speeches = read_labelled(data)
    frame, labels, groups = featurize(speeches, nlp)
    metrics: dict = {"n_speeches": len(speeches), "n_paragraphs": len(labels)}
    if folds > 1:
        if len(set(groups)) < folds:
            from ..errors import XiuciError

            raise XiuciError(f"--cv {folds} needs at least {folds} speeches; the data has {len(set(groups))}")
        predictions = cross_validate(frame, labels, groups, settings, folds)
        metrics["cross_validation"] = {"folds": folds, "grouped_by": "speech", **report(labels, predictions, groups)}
        log(format_report(metrics["cross_validation"], f"{folds}-fold cross-validation, folds grouped by speech ({len(speeches)} speeches, {len(labels)} paragraphs)"))
    model = ParagraphModel.fit(frame, labels, settings, data_hash(speeches))
    model.save(out)
    if "cross_validation" in metrics:
        write_metrics(metrics["cross_validation"], out)
    return metrics


def evaluate(gold: list[str], model: ParagraphModel, nlp) -> dict:
    """`xiuci evaluate`: the model against labelled speeches it was not trained on."""
    from ..io.labelled import read_labelled

    speeches = read_labelled(gold)
    frame, labels, groups = featurize(speeches, nlp)
    probs = model.predict_proba(frame)
    return report(labels, [model.labels[i] for i in probs.argmax(axis=1)], groups)

"""The paragraph classifier on real text it never saw (data/dev/, read from ../shared/data), against two baselines.

    python benchmarks/classifier.py [--model models/paragraph-classifier] [--split dev|tune] [--train-time 2000]

Prints per-label precision/recall/F1, macro-F1 over diagnosis/measure/result, and the mean absolute
difference between gold and predicted label shares per speech, for: the model (with a bootstrap 95%
interval of its macro-F1, resampling whole documents, and how often the paragraphs it flags `mixed`
are right); cue-word rules
(the label whose cues of configs/lexicons/function_cues.tsv are densest); TF-IDF + logistic regression
alone (character 1-3 grams, trained on the same data/train/). Last, the agreement of a second
annotator who labelled every dev paragraph again from the guide alone (data/dev-agreement/): the
ceiling a model can be expected to reach.
--split tune scores data/tune/ instead: the 15 other real reports of the corpus (1954-2022), labelled
by other annotators, for choosing settings while data/dev stays a check; it also prints the accuracy
per document.
--train-time N only times `xiuci train --cv 5` on the first speeches of data/train/ (in file order) that
hold N body paragraphs or more.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from pipeline import load
from pipeline.classify.features import cue_counts
from pipeline.classify.model import ParagraphModel, mixed
from pipeline.classify.training import CORE, featurize, format_report, report
from pipeline.io.labelled import read_labelled

ROOT = Path(__file__).resolve().parents[1]


def cue_rules(texts) -> list[str]:
    out = []
    for text in texts:
        counts = cue_counts(text)
        out.append(max(("measure", "diagnosis", "result", "other"), key=lambda label: counts.get(label, 0)))
    return out


def tfidf_lr(train_texts, train_labels, texts) -> list[str]:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    model = make_pipeline(TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True), LogisticRegression(max_iter=2000))
    return list(model.fit(train_texts, train_labels).predict(texts))


def agreement() -> str:
    """Share of dev paragraphs on which the second annotator agrees with data/dev/, and Cohen's kappa."""
    import json

    from sklearn.metrics import cohen_kappa_score, f1_score

    first = {}
    for path in sorted((ROOT / "data" / "dev").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            first[row["file"], row["line"], row["sha1"]] = row["label"]
    pairs = [(first[r["file"], r["line"], r["sha1"]], r["label"])
             for r in map(json.loads, (ROOT / "data" / "dev-agreement" / "second-annotator.jsonl").read_text(encoding="utf-8").splitlines())]
    a, b = zip(*pairs)
    macro = f1_score(a, b, labels=list(CORE), average="macro")
    return (f"second annotator on {len(pairs)} dev paragraphs: agreement {sum(x == y for x, y in pairs) / len(pairs):.3f}, "
            f"Cohen's kappa {cohen_kappa_score(a, b):.3f}, macro-F1 (diagnosis, measure, result) {macro:.3f}")


def interval(gold: list[str], predicted: list[str], documents: list[str], draws: int = 2000) -> tuple[float, float]:
    """Bootstrap 95% interval of the core macro-F1, resampling whole documents (seeded)."""
    from sklearn.metrics import f1_score

    gold, predicted, documents = np.array(gold), np.array(predicted), np.array(documents)
    rows = [np.flatnonzero(documents == d) for d in dict.fromkeys(documents)]
    rng = np.random.default_rng(0)
    scores = []
    for _ in range(draws):
        pick = np.concatenate([rows[i] for i in rng.integers(0, len(rows), len(rows))])
        scores.append(f1_score(gold[pick], predicted[pick], labels=list(CORE), average="macro", zero_division=0))
    low, high = np.percentile(scores, [2.5, 97.5])
    return float(low), float(high)


def train_time(paragraphs: int) -> str:
    """Wall time of `xiuci train --cv 5`, in a fresh process, on the first speeches holding `paragraphs`."""
    with tempfile.TemporaryDirectory() as tmp:
        data, count = Path(tmp) / "data", 0
        data.mkdir()
        for f in sorted((ROOT / "data" / "train").glob("*.jsonl")):
            if count >= paragraphs:
                break
            shutil.copy(f, data)
            count += sum(not json.loads(line)["heading"] for line in f.read_text(encoding="utf-8").splitlines())
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "pipeline.cli", "train", str(data), "--out", str(Path(tmp) / "model"), "--cv", "5"],
                       check=True, stdout=subprocess.DEVNULL)
        return f"xiuci train --cv 5 on {len(list(data.iterdir()))} speeches, {count} body paragraphs: {time.perf_counter() - start:.0f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "paragraph-classifier")
    parser.add_argument("--split", choices=["dev", "tune"], default="dev")
    parser.add_argument("--train-time", type=int, metavar="N", help="only time `xiuci train --cv 5` on N training paragraphs")
    args = parser.parse_args()
    if args.train_time:
        print(train_time(args.train_time))
        return
    nlp = load(exclude=("paragraph_classifier",))
    start = time.perf_counter()
    train = read_labelled([ROOT / "data" / "train"])
    dev = read_labelled([ROOT / "data" / args.split])
    X, y, _ = featurize(train, nlp)
    Xd, yd, gd = featurize(dev, nlp)
    model = ParagraphModel.load(args.model)
    probs = model.predict_proba(Xd)
    predicted = [model.labels[i] for i in np.argmax(probs, axis=1)]
    print(f"{args.split}: {len(dev)} real documents, {len(yd)} body paragraphs; train: {len(train)} speeches, {len(y)} paragraphs")
    print(format_report(report(yd, predicted, gd), f"\nxiuci model ({args.model.name})"))
    print("  95% interval of macro-F1 (diagnosis, measure, result), documents resampled 2,000 times: {:.3f}–{:.3f}".format(*interval(yd, predicted, gd)))
    flagged = mixed(probs, model.meta["settings"]["apply"]["mixed_margin"])
    right = np.array(yd) == np.array(predicted)
    print(f"  flagged mixed: {flagged.mean():.1%} of paragraphs, {right[flagged].mean():.3f} of them right; "
          f"the others {right[~flagged].mean():.3f} right")
    print(format_report(report(yd, cue_rules(Xd["text"]), gd), "\nbaseline: cue-word rules"))
    print(format_report(report(yd, tfidf_lr(X["text"], y, Xd["text"]), gd), "\nbaseline: TF-IDF + logistic regression"))
    if args.split == "dev":
        print(f"\n{agreement()}")
    else:
        per_document = pd.Series(right).groupby(np.array(gd), sort=False).mean()
        print("\naccuracy per document: " + ", ".join(f"{Path(d).stem} {v:.2f}" for d, v in per_document.items()))
    print(f"\n{time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()

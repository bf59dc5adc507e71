"""Span scoring shared by the rhetoric components: exact match (spaCy's Scorer) and ≥50% overlap."""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from spacy.scorer import PRFScore, Scorer
from spacy.training import Example
from spacy.util import registry


def overlap_match(pred: tuple[int, int], gold: tuple[int, int], min_share: float = 0.5) -> bool:
    """Two character ranges match when their overlap covers ≥ min_share of the longer one."""
    inter = min(pred[1], gold[1]) - max(pred[0], gold[0])
    return inter > 0 and inter >= min_share * max(pred[1] - pred[0], gold[1] - gold[0])


def score_overlap(pairs: Iterable[tuple[list, list]], min_share: float = 0.5) -> dict[str, PRFScore]:
    """PRF per label and overall ("") for (pred, gold) lists of (start, end, label) triples, greedy one-to-one."""
    scores: dict[str, PRFScore] = defaultdict(PRFScore)
    for pred, gold in pairs:
        used = set()
        for p in pred:
            hit = next(
                (i for i, g in enumerate(gold) if i not in used and g[2] == p[2] and overlap_match(p[:2], g[:2], min_share)),
                None,
            )
            for key in (p[2], ""):
                if hit is None:
                    scores[key].fp += 1
                else:
                    scores[key].tp += 1
            if hit is not None:
                used.add(hit)
        for i, g in enumerate(gold):
            if i not in used:
                scores[g[2]].fn += 1
                scores[""].fn += 1
    return scores


def score_span_group(examples: Iterable[Example], key: str) -> dict:
    """`{key}_p/r/f` and `{key}_per_type` (exact, spaCy) plus `{key}_overlap_p/r/f` and per type (≥50%)."""
    examples = list(examples)
    result = Scorer.score_spans(examples, key, getter=lambda doc, k: doc.spans.get(k, []), labeled=True, allow_overlap=True)
    triples = lambda doc: [(s.start_char, s.end_char, s.label_) for s in doc.spans.get(key, [])]
    overlap = score_overlap((triples(eg.predicted), triples(eg.reference)) for eg in examples)
    total = overlap.pop("", PRFScore())
    result.update({f"{key}_overlap_p": total.precision, f"{key}_overlap_r": total.recall, f"{key}_overlap_f": total.fscore})
    result[f"{key}_overlap_per_type"] = {label: s.to_dict() for label, s in sorted(overlap.items())}
    return result


@registry.scorers("xiuci.span_group_scorer.v1")
def make_span_group_scorer(key: str):
    """Registered scorer: exact and overlap PRF for one span group."""

    def score(examples, **kwargs):
        return score_span_group(examples, key)

    return score

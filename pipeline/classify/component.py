"""`paragraph_classifier`: label each paragraph span diagnosis / measure / result / other.

Sets `span.label_`, `span._.xiuci_scores` (probability of every label) and `span._.xiuci_mixed`
(top two probabilities within `mixed_margin`) on `doc.spans["paragraph"]`. Features include the
rhetoric spans, so the component runs after the rhetoric components.
"""
from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.scorer import Scorer
from spacy.tokens import Doc, Span

from ..extensions import doc_text, register_extensions
from ..records import blocks_and_spans
from ..resources import MODELS
from .features import speech_features
from .model import ParagraphModel, mixed

register_extensions()
DEFAULT_MODEL = MODELS / "paragraph-classifier"


@Language.factory(
    "paragraph_classifier",
    default_config={"model": "default", "mixed_margin": 0.15},
    default_score_weights={"paragraph_f": 1.0, "paragraph_p": 0.0, "paragraph_r": 0.0},
)
def make_classifier(nlp: Language, name: str, model: str, mixed_margin: float):
    path = DEFAULT_MODEL if model == "default" else Path(model)
    return ParagraphClassifier(name, ParagraphModel.load(path) if model != "default" or path.exists() else None, mixed_margin)


class ParagraphClassifier:
    """Apply a trained ParagraphModel to the paragraphs of a speech."""

    def __init__(self, name: str, model: ParagraphModel | None, mixed_margin: float = 0.15):
        self.name = name
        self.model = model
        self.mixed_margin = mixed_margin

    def __call__(self, doc: Doc) -> Doc:
        if self.model is None:
            from ..errors import XiuciError

            raise XiuciError(f"no paragraph classifier model at {DEFAULT_MODEL}: train it with `python scripts/train_default_model.py`")
        spans = list(doc.spans.get("paragraph", []))
        if not spans:
            return doc
        text, (blocks, inside) = doc_text(doc), blocks_and_spans(doc)
        frame = speech_features([
            {"text": text[b.start_char : b.end_char], "heading": is_heading, "spans": [{"type": t, "label": s.label_} for t, s in found]}
            for (b, is_heading), found in zip(blocks, inside)
        ])
        probs = self.model.predict_proba(frame)
        flags = mixed(probs, self.mixed_margin)
        labelled = []
        for span, p, flag in zip(sorted(spans, key=lambda s: s.start_char), probs, flags):
            new = Span(doc, span.start, span.end, label=self.model.labels[int(p.argmax())])
            new._.xiuci_scores = {label: round(float(v), 4) for label, v in zip(self.model.labels, p)}
            new._.xiuci_mixed = bool(flag)
            labelled.append(new)
        doc.spans["paragraph"] = labelled
        return doc

    def score(self, examples, **kwargs) -> dict:
        """Labelled precision/recall/F1 of paragraph spans (`paragraph_p/r/f`, `paragraph_per_type`)."""
        return Scorer.score_spans(examples, "paragraph", getter=lambda doc, key: doc.spans.get(key, []), labeled=True)

    def to_disk(self, path, exclude=tuple()) -> None:
        if self.model is not None:
            self.model.save(path)

    def from_disk(self, path, exclude=tuple()):
        self.model = ParagraphModel.load(path)
        return self

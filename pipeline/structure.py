"""Paragraphs and headings of a speech: one paragraph per non-empty line of the Doc's text.

Sets `doc.spans["paragraph"]` (body paragraphs) and `doc.spans["heading"]` (structure lines, labelled
by kind: section, salutation, title, dateline). Every structural span carries `._.xiuci_index`
(0-based among all non-empty lines), `._.xiuci_line` (0-based source line) and, for paragraphs,
`._.xiuci_position` (relative position of the paragraph among the body paragraphs, 0..1).
"""
from __future__ import annotations

import re
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from .extensions import doc_text, register_extensions

register_extensions()

NUM = "一二三四五六七八九十百零〇两"
SECTION_MARKERS = re.compile(
    rf"^(?:[{NUM}]+、|（[{NUM}]+）|\([{NUM}]+\)|(?:首先|其次|再次|最后)，关于|第[{NUM}\d]+(?:点|部分|章|节|篇|条|个方面)?[，、：:\s]?|[\d]+[\.、．]\s?)"
)
SALUTATION = re.compile(
    r"^(?:(?:尊敬的|亲爱的|各位|在座的)?[\u4e00-\u9fff]{0,6}(?:同志们|代表|代表们|朋友们|来宾|来宾们|女士们|先生们|同学们|委员|委员们|老师们)[，,、\s]*)+[：:！!]?$"
)
DATELINE = re.compile(r"^[（(][^（）()]{2,40}[）)]$")
SENTENCE_END = re.compile(r"[。！？；!?;]")


def heading_kind(line: str) -> Optional[str]:
    """The kind of structural line this is (`section`, `salutation`, `dateline`, `title`), or None for body text."""
    text = line.strip()
    if not text:
        return None
    if len(text) <= 30 and SALUTATION.match(text):
        return "salutation"
    if DATELINE.match(text):
        return "dateline"
    inner = SENTENCE_END.search(text[:-1])
    if SECTION_MARKERS.match(text):
        return "section" if len(text) <= 60 and not inner else None
    if len(text) <= 40 and not inner and text[-1] not in "。！？；：:，,、!?;…”\"":
        return "title"
    return None


@Language.factory("speech_structure", default_config={})
def make_structure(nlp: Language, name: str) -> "SpeechStructure":
    # spaCy's 1,000,000-character default guards parser and NER memory; this pipeline has neither,
    # and a whole report or a long unpunctuated line must not be refused
    nlp.max_length = max(nlp.max_length, 100_000_000)
    return SpeechStructure(name)


class SpeechStructure:
    """Split a speech Doc into paragraph and heading spans, one per non-empty line."""

    def __init__(self, name: str = "speech_structure"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        paragraphs, headings = [], []
        offset, index = 0, 0
        for line_no, line in enumerate(doc_text(doc).split("\n")):
            stripped = line.strip()
            if stripped:
                start = offset + len(line) - len(line.lstrip())
                span = doc.char_span(start, start + len(stripped), alignment_mode="expand")
                kind = heading_kind(stripped)
                span = Span(doc, span.start, span.end, label=kind or "")
                span._.xiuci_index, span._.xiuci_line = index, line_no
                (headings if kind else paragraphs).append(span)
                index += 1
            offset += len(line) + 1
        for i, span in enumerate(paragraphs):
            span._.xiuci_position = i / max(len(paragraphs) - 1, 1)
        doc.spans["paragraph"] = paragraphs
        doc.spans["heading"] = headings
        return doc

    def score(self, examples, **kwargs) -> dict:
        """Precision, recall and F1 of heading detection (`heading_p/r/f`)."""
        from spacy.scorer import Scorer

        return Scorer.score_spans(examples, "heading", getter=lambda doc, key: doc.spans.get(key, []), labeled=False)

    def to_disk(self, path, **kwargs) -> None:
        """No state to save."""

    def from_disk(self, path, **kwargs):
        return self

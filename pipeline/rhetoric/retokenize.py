"""Split segmenter tokens at character offsets, keeping the span groups already on the Doc."""
from __future__ import annotations

import bisect

from spacy.attrs import IDX
from spacy.tokens import Doc


def split_tokens_at(doc: Doc, offsets: set[int]) -> None:
    """Split the tokens that have one of these character offsets strictly inside them.

    spaCy's retokenizer leaves span groups pointing at old token indices, so the spans set by earlier
    components are rebuilt on the same characters (their extension values are keyed by characters)."""
    if not offsets:
        return
    starts = doc.to_array(IDX).tolist()
    cuts: dict[int, list[int]] = {}
    for o in sorted(offsets):
        i = bisect.bisect_right(starts, o) - 1
        if i >= 0 and starts[i] < o < starts[i] + len(doc[i].text):
            cuts.setdefault(i, []).append(o - starts[i])
    if not cuts:
        return
    groups = {key: [(s.start_char, s.end_char, s.label_) for s in group] for key, group in doc.spans.items()}
    with doc.retokenize() as retokenizer:
        for i, points in cuts.items():
            token = doc[i]
            bounds = [0, *points, len(token.text)]
            orths = [token.text[a:b] for a, b in zip(bounds, bounds[1:])]
            retokenizer.split(token, orths, heads=[(token, 0)] * len(orths))
    for key, spans in groups.items():
        doc.spans[key] = [doc.char_span(a, b, label=label) for a, b, label in spans]



"""Four-character idioms → `doc.spans["idiom"]`, labels `chengyu` and `formula`.

Matching runs on characters, so an idiom is found however the segmenter cut it; where a token
boundary falls inside an idiom the token is split, so each span is exactly its four characters.
The lexicon is also added to the segmenter's user dictionary, which keeps most idioms whole tokens.
Text in traditional script is matched through its simplified characters (OpenCC's one-to-one
character table), so 蠻橫無理 is found as 蛮横无理, with the offsets of the original.
"""
from __future__ import annotations

import bisect

import numpy as np
from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import doc_text, simplified_text
from ..ngram_keys import code_points, gram_key, gram_keys
from ..segmenter import XiuciTokenizer
from .base import RhetoricComponent
from .lexicon import load_words


@Language.factory(
    "idioms",
    default_config={"chengyu": "default", "formula": "default", "exclude": "default", "spans_key": "idiom", "feed_tokenizer": True},
    default_score_weights={"idiom_f": 1.0, "idiom_p": 0.0, "idiom_r": 0.0},
)
def make_idioms(nlp: Language, name: str, chengyu: str, formula: str, exclude: str, spans_key: str, feed_tokenizer: bool):
    return IdiomTagger(
        nlp,
        name,
        chengyu=load_words(chengyu, "chengyu.txt", "chengyu_extra.txt"),
        formula=load_words(formula, "formula.txt", "formula_shapes.txt"),
        exclude=load_words(exclude, "not_idioms.txt"),
        spans_key=spans_key,
        feed_tokenizer=feed_tokenizer,
    )


class IdiomTagger(RhetoricComponent):
    """Mark every lexicon idiom, leftmost first, without overlaps; `formula` entries win over `chengyu`."""

    def __init__(self, nlp, name, *, chengyu, formula, exclude, spans_key="idiom", feed_tokenizer=True):
        self.name = name
        self.spans_key = spans_key
        self.tokenizer = nlp.tokenizer if feed_tokenizer and isinstance(nlp.tokenizer, XiuciTokenizer) else None
        self.set_lexicon(chengyu, formula, exclude)

    def set_lexicon(self, chengyu, formula, exclude) -> None:
        self.lists = {"chengyu": sorted(set(chengyu)), "formula": sorted(set(formula)), "exclude": sorted(set(exclude))}
        skip = set(exclude)
        self.labels = {w: "chengyu" for w in chengyu if len(w) == 4 and w not in skip}
        self.labels.update({w: "formula" for w in formula if len(w) == 4 and w not in skip})
        heads = np.array([gram_key(w[:2]) for w in self.labels], dtype=np.uint64)
        tails = np.array([gram_key(w[2:]) for w in self.labels], dtype=np.uint64)
        self.buckets = np.zeros(1 << BUCKET_BITS, dtype=bool)  # marks the hash buckets of the lexicon's idioms
        self.buckets[bucket(idiom_hashes(heads, tails))] = True
        if self.tokenizer is not None:
            self.tokenizer.add_words(self.labels)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, label) of the idioms in a text, leftmost first, without overlaps.

        NumPy hashes every four-character window and keeps those whose hash falls in a bucket of an
        idiom's hash; only these candidates (idioms, and about 1% others) are looked up in the lexicon."""
        found, last_end, labels = [], 0, self.labels
        if len(text) < 4 or not labels:
            return found
        pairs = gram_keys(code_points(text), 2)
        windows = idiom_hashes(pairs[:-2], pairs[2:])
        candidates = np.flatnonzero(self.buckets[bucket(windows)])
        for i in candidates.tolist():
            if i >= last_end:
                label = labels.get(text[i : i + 4])
                if label and not in_six_character_set(text, i):
                    found.append((i, i + 4, label))
                    last_end = i + 4
        return found

    def __call__(self, doc: Doc) -> Doc:
        found = self.find(simplified_text(doc) or doc_text(doc))  # (traditional script: its simplified characters, same offsets)
        split_tokens_at(doc, {o for s, e, _ in found for o in (s, e)})
        doc.spans[self.spans_key] = [doc.char_span(s, e, label=label) for s, e, label in found]
        return doc

    def apply_lists(self, lists: dict) -> None:
        self.set_lexicon(lists["chengyu"], lists["formula"], lists["exclude"])


def in_six_character_set(text: str, i: int) -> bool:
    """Whether the ABAC or BACA idiom at `i` is four characters of a six-character set of three pairs
    that repeat the same character (共商|共建共享, 共建共治|共享, 强农惠农|富农, 庸政懒政|怠政): no idiom."""
    a, b, c, d = text[i : i + 4]
    if a == c != b:
        return (i >= 2 and text[i - 2] == a) or text[i + 4 : i + 5] == a
    if b == d != a:
        return (i >= 2 and text[i - 1] == b) or text[i + 5 : i + 6] == b
    return False


def idiom_hashes(heads: np.ndarray, tails: np.ndarray) -> np.ndarray:
    """Hash of four-character strings from the keys of their first and last two characters
    (wrapping uint64 arithmetic; a collision only costs one lexicon look-up)."""
    with np.errstate(over="ignore"):
        return heads * np.uint64(0x9E3779B97F4A7C15) ^ tails


BUCKET_BITS = 22


def bucket(hashes: np.ndarray) -> np.ndarray:
    """Bucket of each hash: its top BUCKET_BITS bits."""
    return (hashes >> np.uint64(64 - BUCKET_BITS)).astype(np.intp)


def split_tokens_at(doc: Doc, offsets: set[int]) -> None:
    """Split the tokens that have one of these character offsets strictly inside them."""
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
    with doc.retokenize() as retokenizer:
        for i, points in cuts.items():
            token = doc[i]
            bounds = [0, *points, len(token.text)]
            orths = [token.text[a:b] for a, b in zip(bounds, bounds[1:])]
            retokenizer.split(token, orths, heads=[(token, 0)] * len(orths))

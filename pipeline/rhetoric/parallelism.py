"""Parallelism (排比) → `doc.spans["parallelism"]`, labels parallelism (≥3 members), antithesis (2) and
enumeration (一是…二是…, 第一，…第二，…, （一）…（二）…).

Candidate members are the units of a paragraph at three levels: sentences and `；`-clauses, `，`-clauses,
and `、`-items. A run of consecutive units is a figure when the units share a frame: characters repeated
at aligned positions (common prefix and suffix of each aligned sub-clause, or the same characters at the
same positions of equal-length members), found from the text, not from a list. Members of three
characters that repeat one token shape (1+2: 经风雨、见世面、长才干) share the frame `V+O`.
Each span carries `._.xiuci_members` (character offsets) and `._.xiuci_frame` (e.g. `靠_`, `只要_，就有_`).
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import register_extensions
from .lexicon import load_lists, load_words, read_list_setting, save_lists
from .scoring import score_span_group

register_extensions()

HAN = re.compile(r"[\u4e00-\u9fff]")
LEVELS = (  # (separator between members, separator inside a member)
    (re.compile(r"[；;。！？!?]"), "，"),
    (re.compile(r"[，,；;。！？!?：:]"), None),
    (re.compile(r"[、，,；;。！？!?：:]"), None),
)
Unit = tuple[int, int]  # character offsets in the Doc


@Language.factory(
    "parallelism",
    default_config={
        "markers": "default",
        "stopchars": "default",
        "max_item_chars": 12,
        "max_clause_chars": 60,
        "spans_key": "parallelism",
    },
    default_score_weights={"parallelism_f": 1.0, "parallelism_p": 0.0, "parallelism_r": 0.0},
)
def make_parallelism(nlp, name, markers, stopchars, max_item_chars, max_clause_chars, spans_key):
    return ParallelismTagger(
        name,
        markers=read_list_setting(markers, "enumeration_markers.tsv"),
        stopchars=load_words(stopchars, "frame_stopchars.txt"),
        max_item_chars=max_item_chars,
        max_clause_chars=max_clause_chars,
        spans_key=spans_key,
    )


def split_units(text: str, start: int, end: int, sep: re.Pattern) -> list[Unit]:
    """Non-empty pieces of text[start:end] between separators, stripped of spaces."""
    units, pos = [], start
    for m in sep.finditer(text, start, end):
        units.append((pos, m.start()))
        pos = m.end()
    units.append((pos, end))
    out = []
    for a, b in units:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def common_prefix(strings: list[str]) -> str:
    first = min(strings, key=len)
    for i, ch in enumerate(first):
        if any(s[i] != ch for s in strings):
            return first[:i]
    return first


def common_suffix(strings: list[str]) -> str:
    return common_prefix([s[::-1] for s in strings])[::-1]


class ParallelismTagger:
    """Find runs of members sharing a frame, and numbered enumerations."""

    def __init__(self, name, *, markers, stopchars, max_item_chars=12, max_clause_chars=60, spans_key="parallelism"):
        self.name = name
        self.spans_key = spans_key
        self.max_item_chars = max_item_chars
        self.max_clause_chars = max_clause_chars
        self.set_lists(markers, stopchars)

    def set_lists(self, markers: list[list[str]], stopchars: list[str]) -> None:
        self.lists = {"markers": markers, "stopchars": stopchars}
        self.markers = [re.compile(regex) for _, regex in markers]
        self.stopchars = set(stopchars)

    # frames -------------------------------------------------------------------------------
    def part_frame(self, parts: list[str]) -> Optional[str]:
        """Frame of aligned sub-clauses: shared prefix/suffix, or shared positions if equal length."""
        if len(set(parts)) < len(parts):
            return None
        lengths = {len(p) for p in parts}
        if len(lengths) == 1 and min(lengths) <= 8:
            chars = ["_" if len({p[i] for p in parts}) > 1 else parts[0][i] for i in range(len(parts[0]))]
            frame = re.sub("_+", "_", "".join(chars))
        else:
            pre, suf = common_prefix(parts), common_suffix(parts)
            if len(pre) + len(suf) >= min(lengths):
                return None
            frame = f"{pre}_{suf}"
        shared = frame.replace("_", "")
        if not HAN.search(shared) or all(c in self.stopchars for c in shared):
            return None
        return frame

    def frame(self, texts: list[str], inner: Optional[str]) -> Optional[str]:
        """Frame shared by all member texts, or None."""
        if inner:
            split = [t.split(inner) for t in texts]
            if len({len(s) for s in split}) == 1 and len(split[0]) > 1:
                frames = [self.part_frame([s[i] for s in split]) for i in range(len(split[0]))]
                if frames[0] and all(f is not None or True for f in frames):
                    return inner.join(f or "_" for f in frames)
                return None
        return self.part_frame(texts)

    def shape_frame(self, doc: Doc, units: list[Unit]) -> Optional[str]:
        """`V+O` when every member is three characters cut 1+2 by the segmenter."""
        for a, b in units:
            span = doc.char_span(a, b)
            if b - a != 3 or span is None or [len(t) for t in span] != [1, 2]:
                return None
        return "V+O"

    # runs -----------------------------------------------------------------------------------
    def trim(self, doc: Doc, members: list[Unit], tail: bool) -> list[Unit]:
        """Drop a lead-in before the first member (各级干部要|靠工作) and, for short items, a tail after
        the last (靠公认|的鲜明用人导向), cutting at token boundaries where the member aligns with its neighbour."""
        text, bounds = doc.text, self._bounds
        (a, b), ref = members[0], text[members[1][0] : members[1][1]]
        if text[a] != ref[0]:
            cuts = [p for p in range(a + 1, b) if p in bounds and text[p] == ref[0] and text[p] not in self.stopchars]
            if cuts:
                members = [(cuts[-1], b), *members[1:]]
        if tail:
            (a, b), size = members[-1], max(e - s for s, e in members[:-1])
            if b - a > size + 1 and text[b - 1] != ref[-1]:
                ends = [q for q in range(a + 1, b) if q in bounds and q - a <= size + 1]
                if ends:
                    members = [*members[:-1], (a, ends[-1])]
        return members

    def runs(self, doc: Doc, units: list[Unit], inner: Optional[str], limit: int, tail: bool = False) -> Iterable[tuple[list[Unit], str]]:
        """Maximal runs (≥2) of consecutive units that share a frame."""
        text = doc.text
        i = 0
        while i < len(units) - 1:
            best = None
            j = i + 2
            while j <= len(units):
                members = self.trim(doc, units[i:j], tail)
                if any(b - a > limit for a, b in members):
                    break
                frame = self.frame([text[a:b] for a, b in members], inner) or (
                    self.shape_frame(doc, members) if j - i >= 3 else None
                )
                if frame is None:
                    break
                best = (members, frame)
                j += 1
            if best:
                yield best
                i += len(best[0])
            else:
                i += 1

    def figures(self, doc: Doc, start: int, end: int) -> list[tuple[str, list[Unit], str]]:
        text = doc.text
        found = []
        sentences = split_units(text, start, end, LEVELS[0][0])
        for members, frame in self.runs(doc, sentences, LEVELS[0][1], self.max_clause_chars * 2):
            found.append(("parallelism" if len(members) >= 3 else "antithesis", members, frame))
        for s_start, s_end in sentences:
            clauses = split_units(text, s_start, s_end, LEVELS[1][0])
            for members, frame in self.runs(doc, clauses, None, self.max_clause_chars):
                found.append(("parallelism" if len(members) >= 3 else "antithesis", members, frame))
            for c_start, c_end in clauses:
                items = split_units(text, c_start, c_end, re.compile("[、]"))
                for members, frame in self.runs(doc, items, None, self.max_item_chars, tail=True):
                    found.append(("parallelism" if len(members) >= 3 else "antithesis", members, frame))
        found.extend(self.enumerations(text, start, end))
        return dedupe(found)

    def enumerations(self, text: str, start: int, end: int) -> list[tuple[str, list[Unit], str]]:
        found = []
        for pattern in self.markers:
            hits = [m for m in pattern.finditer(text, start, end)]
            series: list = []
            for m in hits + [None]:
                if m is not None and (not series or number(m.group("n")) == number(series[-1].group("n")) + 1):
                    series.append(m)
                    continue
                if len(series) >= 2:
                    members = []
                    for s in series:
                        stop = re.compile(r"[；;。！？!?]").search(text, s.start(), end)
                        members.append((s.start(), stop.start() if stop else end))
                    frame = "；".join(f"{s.group(0)}_" for s in series[:2]) + "…"
                    found.append(("enumeration", members, frame))
                series = [m] if m is not None and number(m.group("n")) == 1 else []
        return found

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        self._bounds = {t.idx for t in doc} | {t.idx + len(t.text) for t in doc}
        paragraphs = doc.spans.get("paragraph")
        blocks = [(s.start_char, s.end_char) for s in paragraphs] if paragraphs is not None else split_units(doc.text, 0, len(doc.text), re.compile("\n"))
        if paragraphs is not None and "heading" in doc.spans:
            blocks = sorted(blocks + [(s.start_char, s.end_char) for s in doc.spans["heading"]])
        for start, end in blocks:
            for label, members, frame in self.figures(doc, start, end):
                span = doc.char_span(members[0][0], members[-1][1], label=label, alignment_mode="expand")
                if span is None:
                    continue
                span._.xiuci_members = [tuple(m) for m in members]
                span._.xiuci_frame = frame
                spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc

    def score(self, examples, **kwargs) -> dict:
        return score_span_group(examples, self.spans_key)

    def to_disk(self, path, exclude=tuple()) -> None:
        save_lists(path, self.lists)

    def from_disk(self, path, exclude=tuple()):
        lists = load_lists(path)
        self.set_lists(lists["markers"], lists["stopchars"])
        return self


NUMERALS = {c: i for i, c in enumerate("零一二三四五六七八九十")} | {"首先": 1, "其次": 2, "再次": 3, "最后": 4}


def number(token: str) -> int:
    """Value of a marker number: 一…九十九, Arabic digits, 首先/其次/再次/最后."""
    if token in NUMERALS:
        return NUMERALS[token]
    if token.isdigit():
        return int(token)
    if "十" in token:
        tens, _, ones = token.partition("十")
        return (NUMERALS.get(tens, 1) if tens else 1) * 10 + (NUMERALS.get(ones, 0) if ones else 0)
    return -1


def dedupe(found):
    """Drop a figure whose members and label repeat one already found (same run seen at two levels)."""
    seen, out = set(), []
    for label, members, frame in found:
        key = (label, members[0][0], members[-1][1])
        if key not in seen:
            seen.add(key)
            out.append((label, members, frame))
    return out

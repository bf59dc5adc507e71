"""Parallelism (排比) → `doc.spans["parallelism"]`, labels parallelism (≥3 members), antithesis (2) and
enumeration (一是…二是…, 第一，…第二，…, （一）…（二）…).

Candidate members are the units of a paragraph at three levels: sentences and `；`-clauses, `，`-clauses,
and `、`-items. A run of consecutive units is a figure when the units share a frame: characters repeated
at aligned positions (common prefix and suffix of each aligned sub-clause, with a word every long member
holds once between them (使_不断_), or the same characters at the same positions of equal-length members),
found from the text, not from a list. Members of three
characters that repeat one token shape (1+2: 经风雨、见世面、长才干) share the frame `V+O`.
Each span carries `._.xiuci_members` (character offsets) and `._.xiuci_frame` (e.g. `靠_`, `只要_，就有_`).
"""
from __future__ import annotations

import bisect
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

import numpy as np
from spacy.attrs import IDX, LENGTH
from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import doc_text, register_extensions, simplified_text
from ..ngram_keys import code_points
from ..resources import CONFIGS, read_list
from .base import RhetoricComponent
from .lexicon import load_words, read_list_setting

register_extensions()

HAN = re.compile(r"[\u4e00-\u9fff]")
HAN_WORD = re.compile(r"[\u4e00-\u9fff]{2}")
SENTENCES = re.compile(r"[；;。！？!?]")  # members that are sentences or ；-clauses (split inside at ，)
CLAUSES = re.compile(r"[，,；;。！？!?：:]")
ITEMS = re.compile(r"[、]")
ITEM_CLAUSES = re.compile(r"[，,：:]")
CLAUSE_MARKS = "，,；;"
LINES = re.compile("\n")
GAPS = re.compile("_+")
SPACE = re.compile(r"\s")
Unit = tuple[int, int]  # character offsets in the Doc
# coarse word classes of jieba's dictionary tags, for frames of shape (经风雨、见世面、长才干 = V+O)
# (adjectives also serve as predicates: 健全法制 has the shape of 加强教育)
TAG_CLASSES = {"v": "V", "vd": "V", "vi": "V", "vn": "VN", "n": "N", "nr": "N", "ns": "N", "nt": "N", "nz": "N", "ng": "N", "a": "AV", "an": "AN", "ad": "AD", "d": "D"}
SHAPE_NAMES = {"VN": "V+O", "NV": "N+V", "AN": "A+N", "NA": "N+A", "DV": "D+V", "VV": "V+V"}


def jieba_word_classes(max_len: int = 3) -> dict[str, str]:
    """Word → coarse class from the tags of jieba's bundled dictionary (MIT), words of ≤ max_len characters."""
    import jieba

    classes = {}
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as handle:
        for line in handle:
            word, _, tag = line.split()
            if len(word) <= max_len and tag in TAG_CLASSES:
                classes[word] = TAG_CLASSES[tag]
    return classes


@Language.factory(
    "parallelism",
    default_config={
        "markers": "default",
        "stopchars": "default",
        "max_item_chars": 12,
        "max_clause_chars": 60,
        "word_classes": "jieba",
        "spans_key": "parallelism",
    },
    default_score_weights={"parallelism_f": 1.0, "parallelism_p": 0.0, "parallelism_r": 0.0},
)
def make_parallelism(nlp, name, markers, stopchars, max_item_chars, max_clause_chars, word_classes, spans_key):
    return ParallelismTagger(
        name,
        markers=read_list_setting(markers, "enumeration_markers.tsv"),
        stopchars=load_words(stopchars, "frame_stopchars.txt"),
        max_item_chars=max_item_chars,
        max_clause_chars=max_clause_chars,
        word_classes=cached_word_classes() if word_classes == "jieba" else {},
        spans_key=spans_key,
    )


@lru_cache(maxsize=1)
def cached_word_classes() -> dict[str, str]:
    """jieba's word classes (words of up to four characters), corrected by configs/lexicons/word_classes.tsv."""
    classes = jieba_word_classes(max_len=4)
    classes.update(row.split("\t") for row in read_list(CONFIGS / "lexicons" / "word_classes.tsv"))
    return classes


def split_units(text: str, start: int, end: int, seps: list[int]) -> list[Unit]:
    """Non-empty pieces of text[start:end] between the one-character separators at `seps` (sorted
    positions in the whole text), stripped of spaces."""
    cuts = seps[bisect.bisect_left(seps, start) : bisect.bisect_left(seps, end)]
    units = [(a, b) for a, b in zip([start, *[k + 1 for k in cuts]], [*cuts, end]) if b > a]
    if SPACE.search(text, start, end) is None:
        return units
    out = []
    for a, b in units:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def in_threes(first: list[bool], mid: list[bool], last: list[bool]) -> list[bool]:
    """Per unit (and False for one past the last): whether it lies in three units in a row that pass
    `first`, `mid` and `last` in turn: where a run of three members may hold it."""
    out = [False] * (len(first) + 1)
    for j in range(len(first) - 2):
        if first[j] and mid[j + 1] and last[j + 2]:
            out[j] = out[j + 1] = out[j + 2] = True
    return out


def median_size(units: list[Unit]) -> int:
    """Length of the middle unit by length (the upper middle of an even number)."""
    if len(units) == 1:
        return units[0][1] - units[0][0]
    return sorted(b - a for a, b in units)[len(units) // 2]


def common_prefix(strings: list[str]) -> str:
    return os.path.commonprefix(strings)


def common_suffix(strings: list[str]) -> str:
    return common_prefix([s[::-1] for s in strings])[::-1]


class ParallelismTagger(RhetoricComponent):
    """Find runs of members sharing a frame, and numbered enumerations."""

    def __init__(self, name, *, markers, stopchars, max_item_chars=12, max_clause_chars=60, word_classes=None, spans_key="parallelism"):
        self.name = name
        self.word_classes = word_classes or {}
        self.spans_key = spans_key
        self.max_item_chars = max_item_chars
        self.max_clause_chars = max_clause_chars
        self.set_lists(markers, stopchars)

    def set_lists(self, markers: list[list[str]], stopchars: list[str]) -> None:
        self.lists = {"markers": markers, "stopchars": stopchars}
        self.markers = [re.compile(regex) for _, regex in markers]
        self.stopchars = {w for w in stopchars if len(w) == 1}
        self.stopframes = set(stopchars)

    # frames -------------------------------------------------------------------------------
    def part_frame(self, parts: list[str]) -> Optional[str]:
        """Frame of aligned sub-clauses: shared prefix/suffix, or shared positions if equal length."""
        frame = self.shared_frame(parts)
        if frame is None:
            return None
        shared = frame.replace("_", "")
        if not HAN.search(shared) or (len(shared) > 1 and shared in self.stopframes):
            return None
        if set(shared) <= self.stopchars and not stop_head(frame, parts):
            return None
        return frame

    def shared_frame(self, parts: list[str]) -> Optional[str]:
        """What the parts share, stop characters included: positions if equal length, else ends, else a word
        at the same place near the start; None when nothing."""
        n, first = len(parts), parts[0]
        if len(set(parts)) < n or "" in parts:
            return None
        lengths = set(map(len, parts))
        shortest = min(lengths)
        if shortest <= 8 and len(lengths) == 1:
            if n == 2:
                chars = [x if x == y else "_" for x, y in zip(first, parts[1])]
            else:
                chars = [column[0] if column.count(column[0]) == n else "_" for column in zip(*parts)]
            return GAPS.sub("_", "".join(chars))
        pre = common_prefix(parts) if all(p[0] == first[0] for p in parts) else ""
        suf = common_suffix(parts) if all(p[-1] == first[-1] for p in parts) else ""
        if not pre and not suf:
            return self.aligned_word_frame(parts)
        if len(pre) + len(suf) >= shortest:
            return None
        return f"{pre}_{suf}"

    def aligned_word_frame(self, parts: list[str]) -> Optional[str]:
        """`_群众_`: a two-character word at the same place near the start of every part (倾听群众呼声，
        关心群众疾苦，接受群众的合理建议), or None."""
        for k in range(1, 4):
            word = parts[0][k : k + 2]
            if HAN_WORD.fullmatch(word) and not set(word) & self.stopchars and all(p[k : k + 2] == word and len(p) > k + 2 for p in parts):
                return f"_{word}_"
        return None

    def frame(self, texts: list[str], inner: Optional[str]) -> Optional[str]:
        """Frame shared by all member texts, or None."""
        if inner:
            split = [t.split(inner) for t in texts]
            if len({len(s) for s in split}) == 1 and len(split[0]) > 1:
                frames = [self.part_frame([s[i] for s in split]) for i in range(len(split[0]))]
                # the first sub-clause must share a frame; later ones may differ freely ("_")
                return inner.join(f or "_" for f in frames) if frames[0] else None
        return self.part_frame(texts)

    def shape_frame(self, doc: Doc, units: list[Unit], loose: bool = True) -> Optional[str]:
        """A shared word-class shape (`V+O`) when every member is 2-3 short words of the same classes,
        or (`loose`) when each is a surely-verb word plus content words (抓住机遇，深化改革，扩大开放)."""
        shapes = []
        if len(units) == 2 and units[0][1] - units[0][0] != units[1][1] - units[1][0]:
            return None
        sizes = [b - a for a, b in units]
        if max(sizes) > 8 or max(sizes) - min(sizes) > 2:
            return None
        for unit in units:
            shape = self._shapes.get(unit)
            if shape is None:
                words = self.shape_words(*unit)
                shape = self._shapes[unit] = [set(self.word_classes.get(w, "?")) for w in words] if words else []
            if not shape:
                return None
            shapes.append(shape)
        if loose and all(s[0] == {"V"} and all("?" not in c for c in s[1:]) for s in shapes):
            return "V+O"  # (the object may be one word or two) a pair of this shape alone is too common to be an antithesis: see run_at
        if len({len(x) for x in shapes}) != 1:
            return None
        common = [set.intersection(*column) for column in zip(*shapes)]
        if not all(common) or "?" in set().union(*common) or not any(c <= {"A", "V"} for c in common):
            return None  # a shape needs a word that is surely a verb or adjective: noun lists are not figures
        key = "".join(sorted(c)[0] if len(c) == 1 else ("V" if "V" in c else sorted(c)[0]) for c in common)
        return SHAPE_NAMES.get(key, "+".join(key))

    # runs -----------------------------------------------------------------------------------
    def trim_tail(self, doc: Doc, members: list[Unit]) -> list[Unit]:
        """Cut a tail after the last member (靠公认|的鲜明用人导向) at a token boundary where it aligns."""
        text, bounds = self._text, self._bounds
        typical = members[0][1] - members[0][0] if len(members) == 2 else median_size(members[1:-1])
        (a, b), ref_end = members[-1], text[members[-2][1] - 1]
        longer = b - a > (typical + 1 if typical <= self.max_item_chars else 1.5 * typical)
        if (longer and text[b - 1] != ref_end) or text[b - 1] in self.stopchars:
            ends = [q for q in range(a + 1 + typical // 2, min(b, a + typical + 3)) if bounds[q] and text[q - 1] not in self.stopchars]
            if not self.follows_clause_mark(a):  # (or a longer item that ends like the others: 农业、手工业和资本主义工商业|的…)
                ends += [q for q in range(a + typical + 3, min(b, a + self.max_item_chars + 1)) if bounds[q] and text[q - 1] == ref_end and text.find("的", a, q) < 0]
            else:
                # a clause is cut only before the noun the run modifies (…就有奖励|的氛围), and not where the
                # other members hold a 的 of their own (是…的深刻变革，…，是…千家万户的民生工程)
                inside = any(text.find("的", c, d) >= 0 for c, d in members[:-1])
                ends = [q for q in ends if text[q] == "的" and not inside]
            if ends:
                best = min(ends, key=lambda q: (text[q - 1] != ref_end, abs(q - a - typical), -q))
                return [*members[:-1], (a, best)]
        return members

    def lead_starts(self, doc: Doc, first: Unit, ref: str, typical: int, ref_start: int, inner: Optional[str] = None) -> list[int]:
        """Where the first member may start: as is, or after a lead-in (各级干部要|靠工作), best first; for
        sentences (split at `inner`), a start with as many sub-clauses as the next member before the others
        that open like it (一手抓…，一手抓…；|一手抓…，一手抓…)."""
        text, (a, b) = self._text, first
        same, head = [], ref[0]
        if head in self.stopchars and head not in STOP_HEADS | PRONOUN_HEADS and len(ref) > 2 and ref[1] not in self.stopchars and self._bounds[ref_start + 2]:
            head = ref[:2]  # (a stop character opens the members: look for its two-character word, 一手|抓…)
        if text[a] != head[0] and (head not in self.stopchars or head in STOP_HEADS):
            p = text.find(head, a + 1, b)
            while p >= 0:
                if self._bounds[p]:
                    same.append(p)
                p = text.find(head, p + 1, b)
            same.reverse()
            if inner:
                same.sort(key=lambda p: text.count(inner, p, b) != ref.count(inner))
        sized = []
        if b - a > typical:
            sized = [p for p in range(b - typical - 2, b - typical + 3) if a < p < b and self._bounds[p] and self.may_open(p, ref[0])]
            sized = sorted(sized, key=lambda p: (abs(b - p - typical), p))[:2]
        cut_first = b - a > typical + 2 or (sized and self.governs(a, sized[0]))
        return [*same, *sized, a] if cut_first else [*same, a, *sized]

    def governs(self, a: int, p: int) -> bool:
        """Whether text[a:p] is one or two words that are not nouns: a verb or preposition governing
        every member (加强|党内监督、民主监督、法律监督; 从|政治上、工作上、生活上)."""
        words = self.words(a, p)
        return bool(words) and len(words) <= 2 and all(self.word_classes.get(w, "?") not in ("N", "AN") for w in words)

    def may_open(self, p: int, next_head: str) -> bool:
        """Whether a member cut out of a longer unit may start at `p`: not at a stop character, unless a
        preposition of its own where the next member opens with one too (做到|对党忠诚、为党分忧、为党尽责;
        not 深化对|共产党执政规律、社会主义建设规律)."""
        text = self._text
        return (text[p] not in self.stopchars or (text[p] in PREPOSITIONS and next_head in PREPOSITIONS and bool(self._bounds[p + 1]))
                or (text[p] == next_head and text[p] in STOP_HEADS))

    def content_chars(self, frame: str) -> int:
        return sum(1 for c in frame if c not in self.stopchars and HAN.match(c))

    def follows_clause_mark(self, a: int) -> bool:
        """Whether the unit at `a` is a clause, opened by ，or ；(not a 、-item)."""
        return a > 0 and self._text[a - 1] in CLAUSE_MARKS

    def single_head(self, frame: str) -> bool:
        """A frame of shared first characters only, one of them a content character (是_, 是一_)."""
        return frame.endswith("_") and "_" not in frame[:-1] and self.content_chars(frame) == 1

    def may_share_end(self, members: list[Unit], inner: Optional[str]) -> bool:
        """Whether the part `frame` compares first could end alike: the whole members, or (members
        split at `inner` into the same number of sub-clauses) their first sub-clauses, unless
        those are all short enough for an equal-length frame."""
        text = self._text
        counts = {text.count(inner, a, b) for a, b in members} if inner is not None else {0}
        if len(counts) == 1 and 0 not in counts:
            ends = [text.find(inner, a, b) for a, b in members]
            return max(e - a for (a, _), e in zip(members, ends)) <= 8 or len({text[e - 1] for e in ends}) == 1
        return len({text[b - 1] for _, b in members}) == 1

    def member_frame(self, doc: Doc, members: list[Unit], inner: Optional[str]) -> Optional[str]:
        text = self._text
        sizes = [b - a for a, b in members]
        longest = max(sizes)
        head = text[members[0][0]]
        if (longest > 8 or (len(sizes) == 2 and sizes[0] != sizes[1])) and any(text[a] != head for a, _ in members) and not self.may_share_end(members, inner):
            # no shared first or last character, and too long or (a pair) too unequal for equal-length or shape frames
            return None if inner else self.aligned_word_frame([text[a:b] for a, b in members])
        texts = [text[a:b] for a, b in members]
        frame = self.frame(texts, inner)
        if frame and (counted(texts, frame, inner) or (longest > self.max_item_chars and self.topic_head(members, frame))):
            return None  # 六十斤、八十斤、一百斤: numbers; 中国主张…。中国反对…。中国将…: a repeated topic noun
        if frame and longest > self.max_item_chars and self.content_chars(frame) < 2:
            # long clauses sharing one character: a shared word too (使_不断_), or one head (是…，是…，是…)
            # that only a run of three or more may have (see run_at)
            if inner:  # sentences: only a head word of its own (有的…；有的…；有的…), not a repeated topic (我国…；我国…)
                frame = frame if self.head_word(members, frame) else None
            else:
                frame = self.with_shared_word(frame, texts) or (frame if self.single_head(frame) and self.whole_head(members, frame) and self.distinct_words(members, frame) else None)
        return frame or self.shape_frame(doc, members)

    def head_word(self, members: list[Unit], frame: str) -> bool:
        """Whether the head `X_` shared by long sentences is a word of two or more characters, whole in
        every member, that is neither a noun nor a pronoun (有的, 一些, 对于, 一定要; not 我国, 我们)."""
        head = frame[:-1]
        if not self.single_head(frame) or len(head) < 2 or head[0] in PRONOUN_HEADS:
            return False
        if not all(self._bounds[a + len(head)] for a, _ in members):
            return False
        return self.word_classes.get(self.word_at(members[0][0])) != "N"

    def topic_head(self, members: list[Unit], frame: str) -> bool:
        """Whether the shared head of a frame (`中国_`) is a noun word opening each member: a topic (not when
        the head goes on with a verb: 一手抓_)."""
        head, word = frame.split("_", 1)[0], self.word_at(members[0][0])
        if len(head) < 2 or self.word_classes.get(word) != "N" or len(word) > len(head):
            return False
        return self.word_classes.get(head[len(word) :]) != "V"

    def distinct_words(self, members: list[Unit], frame: str) -> bool:
        """Whether a head character that opens a word in the members (坚_) opens a different word in each:
        加强…，加快…，加大… share a head; 坚定…，坚持…，坚持… do not (two share the word 坚持)."""
        if self.whole_heads(members, frame):
            return True
        firsts = [self.word_at(a) for a, _ in members]
        return len(set(firsts)) == len(firsts)

    def whole_heads(self, members: list[Unit], frame: str) -> bool:
        """Whether the head of `frame` (是中国_ → 是_) ends at a token boundary in every member."""
        size = len(frame.split("_", 1)[0])
        return all(self._bounds[a + size] for a, _ in members)

    def whole_head(self, members: list[Unit], frame: str) -> bool:
        """Whether the shared head of a frame `X_` heads the same kind of word in the members: not the
        first character of different nouns (上海市…，上半年…; 军事…，军队…), which is no figure."""
        cut = len(frame) - 1
        verbal = ("V", "VN", "AV", "AD", "D")
        nouns = sum(self.word_classes.get(self.word_at(a), "N") not in verbal for a, _ in members if not self._bounds[a + cut])
        return nouns < 2

    def with_shared_word(self, frame: str, texts: list[str]) -> Optional[str]:
        """A prefix or suffix frame of one content character (使_) made longer by a two-character word
        that every member holds once, between its shared ends (使_不断_), or None."""
        pre, _, suf = frame.partition("_")
        middles = [t[len(pre) : len(t) - len(suf)] for t in texts]
        shortest = min(middles, key=len)
        for k in range(len(shortest) - 1):
            word = shortest[k : k + 2]
            if HAN_WORD.fullmatch(word) and not set(word) & self.stopchars and all(m.count(word) == 1 for m in middles):
                return f"{pre}_{word}_{suf}"
        return None

    def may_go_on(self, second: Unit, third: Unit, inner: str) -> bool:
        """Whether two long sentences may be the second and third members of one run: what `member_frame`
        asks before any frame (the same first character, the third after a linking adverb; or the same
        last character of the first sub-clauses or of the whole, the third's end wherever it is cut;
        or a first sub-clause of up to 8 characters). False only where no frame is possible."""
        text, (a, b), (c, d) = self._text, second, third
        if b - a <= 8 or d - c <= 8 or text[a] == text[c] or text[a] == text[c + 1]:
            return True
        e = text.find(inner, a, b)
        return (e >= 0 and (e - a <= 8 or text.find(text[e - 1], c, d) >= 0)) or text.find(text[b - 1], c, d) >= 0

    def run_at(self, doc: Doc, units: list[Unit], i: int, inner: Optional[str], limit: int):
        """The longest run of members starting at unit i that share a frame, or None."""
        text, best = self._text, None
        (a, b), (c, d) = units[i], units[i + 1]
        unlike = text.find(text[c], a, b) < 0 and text.find(text[b - 1], c, d) < 0  # no first or last character shared
        if d - c > 1.5 * limit or (unlike and d - c > 8):
            return None  # too long for an equal-length or shape frame: no frame possible
        if text.startswith(NARROWING, c):
            return None  # (各级领导干部，特别是高级干部: a narrowing, no second member)
        pair = self.trim_tail(doc, list(units[i : i + 2]))
        for start, frame in self.first_pairs(doc, pair, inner, limit, unlike):
            run = self.grow(doc, units, i, inner, limit, ([(start, pair[0][1]), pair[1]], frame))
            if best is None or len(run[0]) > len(best[0]):
                best = run
            if len(best[0]) > 2 or not inner:
                break  # (sentences: a later start may go on to a third member, 一手抓…，一手抓…；|一手抓…)
        if best and len(best[0]) > 2:
            end = units[i + len(best[0]) - 1][1]  # where the last member's unit ends
            best = self.whole_last_clause(doc, best, end, units[i][0], inner, limit)
            a, b = best[0][-1]
            if best[1] == "V+O" and b < end and self.follows_clause_mark(a):
                best = (best[0][:-1], best[1])  # a verb-object clause cut short (提高资源|利用效率) is no member
        if best:
            best = self.without_governing_verb(best)
        if best and len(best[0]) == 2:
            sizes = [b - a for a, b in best[0]]
            if self.single_head(best[1]) and max(sizes) > self.max_item_chars:
                return None  # two long clauses sharing only their first character: no figure
            if set(best[1].replace("_", "")) <= self.stopchars:
                return None  # a pair sharing stop characters only (`stop_head`: 以大欺小，以富压贫)
            if min(sizes) < 0.6 * max(sizes):
                return None  # a pair is an antithesis only when its members are balanced
            if best[1] == "V+O" and self.shape_frame(doc, best[0], loose=False) is None:
                return None  # two verb-object phrases of different classes: ordinary coordination
            if unlike and best[0][0][0] not in (a, b - (d - c)) and best[1].startswith("_") and best[1].endswith("_"):
                return None  # a word at the same place only once a lead-in is cut (`word_aligned_starts`): too weak for a pair
        return best

    def grow(self, doc: Doc, units: list[Unit], i: int, inner: Optional[str], limit: int, best: tuple[list[Unit], str]) -> tuple[list[Unit], str]:
        """The run that opens with the pair `best` (members and frame) at unit i, made as long as its frame allows."""
        text, start = self._text, best[0][0][0]
        for j in range(i + 3, len(units) + 1):
            members = self.trim_tail(doc, list(units[i:j]))
            members[0] = (start, members[0][1])
            if any(b - a > limit for a, b in members) or text.startswith(CATCH_ALL + NARROWING, members[-1][0]):
                break  # (其他各领域的改革: a catch-all closes a list, and 特别是… narrows it: no member)
            frame = self.member_frame(doc, members, inner)
            if frame is None and text[members[-1][0]] in LINKING_ADVERBS and self._bounds[members[-1][0] + 1]:
                shifted = [*members[:-1], (members[-1][0] + 1, members[-1][1])]  # (是…，是…，也|是…)
                frame = self.member_frame(doc, shifted, inner)
                members = shifted if frame else members
            if frame is None and limit == self.max_item_chars:
                members, frame = self.cut_at_suffix(doc, members, best[1], inner)  # (、-items only)
            if frame is None or (shorter_head(frame, best[1]) and not self.whole_heads(members, frame)):
                break  # 坚持…，坚持…，坚决…: the first members share a word the next one holds only part of
            best = (members, frame)
        return best

    def without_governing_verb(self, run):
        """The run with a verb word cut off its first member when that verb opens no other member and the
        frame is a shared end: it governs the list (选拔|妇女干部、少数民族干部、党外干部; 依靠|…的力量、…的力量)."""
        members, frame = run
        if not frame.startswith("_") or frame.count("_") != 1:
            return run
        a, b = members[0]
        k, stop = self.token_range(a, b)
        verb = self.word(k) if k is not None and stop - k >= 2 else ""
        if self.word_classes.get(verb) != "V":
            return run
        if any(self.word_classes.get(self.word_at(c)) in ("V", "VN") or verb in self._text[c : c + len(verb) + 2] for c, _ in members[1:]):
            return run  # (the other members open with verbs, or hold the same verb: 接受…，自觉接受…: the member's own)
        cut = self._token_end[k]
        if self._text[cut] in self.stopchars or b - cut < min(d - c for c, d in members[1:]):
            return run  # (制定了|刑法; 实践|创新、理论创新: what is left must be a member like the others)
        return [(cut, b), *members[1:]], frame

    def cut_at_suffix(self, doc: Doc, members: list[Unit], frame: str, inner: Optional[str]) -> tuple[list[Unit], Optional[str]]:
        """The members with the last one cut after the shared suffix of the run so far (`_会议`), where a
        tail follows it (…和成人教育|体系), and their frame; or the members unchanged and None."""
        suffix = frame[1:]
        a, b = members[-1]
        if inner or not frame.startswith("_") or "_" in suffix or len(suffix) < 2:
            return members, None
        k = self._text.find(suffix, a + 1, b)
        if k < 0 or k + len(suffix) == b or not self._bounds[k + len(suffix)]:
            return members, None
        cut = [*members[:-1], (a, k + len(suffix))]
        return cut, self.member_frame(doc, cut, inner)

    def whole_last_clause(self, doc: Doc, run, end: int, unit_start: int, inner: Optional[str], limit: int):
        """A run of clauses that opens its clause keeps its last member whole (…，解决群众的急难愁盼问题):
        only a run after a lead-in (营造了|…|的氛围) is a modifier whose tail `trim_tail` cuts."""
        members, frame = run
        a, b = members[-1]
        if b == end or members[0][0] != unit_start or not self.follows_clause_mark(a) or end - a > limit:
            return run
        whole = [*members[:-1], (a, end)]
        frame = self.member_frame(doc, whole, inner)
        return (whole, frame) if frame else run

    def first_pairs(self, doc: Doc, pair: list[Unit], inner: Optional[str], limit: int, unlike: bool) -> Iterable[tuple[int, str]]:
        """Starts and frames of the first member of a run, best first: as it is, or cut after a lead-in (`lead_starts`)."""
        (a, b), (c, d) = pair
        text = self._text
        if unlike and inner is None:
            # nothing shared at either end: only an equal-length or shape frame is possible, so the
            # first member must be cut to the length of the second
            # (or whole, or after a lead-in, for a word at the same place: 加强海洋…，发展海洋…)
            p = b - (d - c)
            if d - c > 8:
                return
            cut = p > a and self._bounds[p] and self.may_open(p, text[c])
            starts = [p] if cut or p == a else []
            if p != a and self.word_aligned(a, b, c, d):
                starts.append(a)
            starts += self.word_aligned_starts(a, b, c, d)
        else:
            starts = self.lead_starts(doc, pair[0], text[c:d], d - c, c, inner)[:4]
        for p in starts:
            if b - p <= limit and d - c <= limit:
                if inner is None and d - c > 8 and text[p] != text[c] and text[b - 1] != text[d - 1] and not self.word_aligned(p, b, c, d):
                    continue  # long, no shared end and no word at the same place: no frame (as `member_frame` finds, sooner)
                frame = self.member_frame(doc, [(p, b), (c, d)], inner)
                if frame:
                    yield p, frame

    def word_aligned(self, a: int, b: int, c: int, d: int) -> bool:
        """Whether text[a:b] and text[c:d] hold the same two characters one to three places after their starts."""
        text = self._text
        return any(text[a + k : a + k + 2] == text[c + k : c + k + 2] for k in range(1, 4))

    def word_aligned_starts(self, a: int, b: int, c: int, d: int) -> list[int]:
        """Starts after a lead-in that put a word of the second member's at the same place in the first
        (必须坚持|科技是第一生产力、人才是第一资源), for `aligned_word_frame`."""
        text, out = self._text, []
        for k in range(1, 4):
            word = text[c + k : c + k + 2]
            r = text.find(word, a + k + 1, b) if HAN_WORD.fullmatch(word) and not set(word) & self.stopchars else -1
            if r >= 0 and self._bounds[r - k] and r - k not in out:
                out.append(r - k)
        return out

    def runs(self, doc: Doc, units: list[Unit], inner: Optional[str], limit: int, least: int = 2) -> Iterable[tuple[list[Unit], str]]:
        """Non-overlapping runs of `least` or more members sharing a frame, longer runs first."""
        starts = range(len(units) - least + 1)
        if least == 3 and inner:
            starts = [i for i in starts if self.may_go_on(units[i + 1], units[i + 2], inner)]
        found: list[tuple[list[Unit], str]] = []
        for i in starts:
            run = self.run_at(doc, units, i, inner, limit)
            if not run or len(run[0]) < least:
                continue
            found.append(run)
            size = len(run[0])
            if i + size == len(units) and all(len(r[0]) < size or all(clear_of(m, run[0]) for m in r[0]) for r in found[:-1]):
                break  # a run to the last unit that no run before outranks is taken, and every later run overlaps it
        taken: list[Unit] = []
        for members, frame in sorted(found, key=lambda r: (-len(r[0]), r[0][0][0])):
            if all(clear_of(m, taken) for m in members):
                taken.extend(members)
                yield members, frame

    def figures(self, doc: Doc, start: int, end: int) -> list[tuple[str, list[Unit], str]]:
        text = self._text
        found = []
        seps = self._seps
        sentences = split_units(text, start, end, seps[SENTENCES])
        if len(sentences) > 2:  # (a pair of whole sentences is no antithesis: mostly two that open alike)
            found += [("parallelism", members, frame) for members, frame in self.runs(doc, sentences, "，", self.max_clause_chars * 2, least=3)]
        for s_start, s_end in sentences:
            clauses = split_units(text, s_start, s_end, seps[CLAUSES])
            for members, frame in self.runs(doc, clauses, None, self.max_clause_chars):
                found.append(("parallelism" if len(members) >= 3 else "antithesis", members, frame))
            found = self.with_shape_runs(clauses, found)
            for c_start, c_end in clauses:
                if text.find("、", c_start, c_end) < 0:
                    continue  # a clause without 、 is one item: no run
                items = split_units(text, c_start, c_end, seps[ITEMS])
                unsplit = items
                if CONJUNCTION_CHARS.search(text, c_start, c_end):
                    items = self.split_conjunctions(doc, items)
                here = []
                for members, frame in self.runs(doc, items, None, self.max_item_chars):
                    if "+" in frame and not self.punctuated(members):
                        continue  # a shape shared across a conjunction (突发事件、反恐斗争和维护稳定): a noun list
                    if len(members) == 2 and len(items) > 2 and self.content_chars(frame) < 2:
                        continue  # two items cut out of a longer list sharing one character (原煤、原油、天然气) are no antithesis
                    here.append(("parallelism" if len(members) >= 3 else "antithesis", members, frame))
                if unsplit is not items:
                    here = self.with_unsplit_runs(doc, unsplit, here)
                found.extend(here)
                found = self.with_shape_runs(items, found)
        enumerations = self.enumerations(text, start, end)
        items = {m[0] for label, members, _ in enumerations if label == "enumeration" for m in members}
        found = [f for f in found if not {m[0] for m in f[1]} <= items]  # numbered items sharing only their markers
        return dedupe(found + enumerations + self.repetitions(doc, start, end))

    def with_unsplit_runs(self, doc: Doc, items: list[Unit], found: list) -> list:
        """`found` (runs of the items split at their conjunctions) plus the runs of three or more whole items
        that share a frame with a conjunction inside (工农之间、积累和消费之间、…之间), where no run of
        three split items lies; a pair inside such a run is dropped."""
        taken = members_of_runs(found)
        runs = [("parallelism", members, frame) for members, frame in self.runs(doc, items, None, self.max_item_chars, least=3)
                if "+" not in frame and clear_of(extent(members), taken)]
        if not runs:
            return found
        inside = [extent(members) for _, members, _ in runs]
        return [f for f in found if clear_of(extent(f[1]), inside)] + runs

    def with_shape_runs(self, units: list[Unit], found: list) -> list:
        """`found` plus the runs of three or more members of one shape among `units` that no run of three
        sharing characters covers: short verb-object members (发展经济，改善民生，促进和谐: `V+O`), short
        subject-predicate members (`N+Pred`) and clauses opening with a verb and 了 (`V了_`); a pair inside
        such a run is dropped."""
        if len(units) < 3:
            return found
        short = [3 <= b - a <= VO_MAX_CHARS + 4 for a, b in units]  # (a last member may end in 的 and a noun)
        three_short = any(short[k] and short[k + 1] and short[k + 2] for k in range(len(units) - 2))
        perfective = self._text.count("了", units[0][0], units[-1][1]) >= 3
        if not three_short and not perfective:
            return found  # (the common case, skipped fast)
        taken = members_of_runs(found)
        runs = []
        for wanted, find in ((three_short, self.verb_object_runs), (three_short, self.predicate_runs), (perfective, self.perfective_runs)):
            if wanted:
                found_now = find(units, taken)
                taken += [m for _, members, _ in found_now for m in members]
                runs += found_now
        runs = [run for run in runs if self.punctuated(run[1])]  # (shapes are no figure across 和/与)
        if not runs:
            return found
        inside = [extent(members) for _, members, _ in runs]
        pairs_inside = [f for f in found if len(f[1]) == 2 and any(a <= f[1][0][0] and f[1][-1][1] <= b for a, b in inside)]
        return [f for f in found if f not in pairs_inside] + runs

    def verb_object_runs(self, units: list[Unit], taken: list[Unit]) -> list[tuple[str, list[Unit], str]]:
        """Runs of three or more verb-object members (`verb_object`) clear of the `taken` members."""
        out, run = [], []
        fits = [3 <= b - a <= VO_MAX_CHARS + 3 for a, b in units]  # (`verb_object` makes no member of other units)
        may = in_threes(fits, fits, [fit or 0 < b - self._text.find("的", a, b) <= 4 for fit, (a, b) in zip(fits, units)])
        if not any(may):
            return []
        for k, unit in enumerate([*units, None]):
            free = unit is not None and clear_of(unit, taken)
            member = self.verb_object(*unit, first=not run) if free and may[k] else None
            if member is not None and (not run or self.balanced([*run, member])):
                run.append(member)
                continue
            if member is None and free and len(run) >= 2 and 0 < unit[1] - (cut := self._text.find("的", *unit)) <= 4:
                last = self.verb_object(unit[0], cut, first=False)  # before the noun the run modifies (惠民生|的需要)
                if last is not None and self.balanced([*run, last]) and "N" in self.word_classes.get(self.word_at(cut - 1), ""):
                    run.append(last)
            if len(run) >= 3 and 2 * sum(self._surely_verb[a] for a, _ in run) >= len(run):
                out.append(("parallelism", run, "V+O"))  # most members open with a surely-verb word (not 工资制度、劳动制度)
            if member is None and free and may[k] and run:
                member = self.verb_object(*unit, first=True)  # (a unit with a lead-in may open the next run)
            run = [] if member is None else [member]
        return out

    def predicate_runs(self, units: list[Unit], taken: list[Unit]) -> list[tuple[str, list[Unit], str]]:
        sizes = [b - a for a, b in units]
        mid = [4 <= n <= 10 for n in sizes]  # `subject_predicate`: a first member of 4 or more characters, the others 4-10
        may = in_threes([n >= 4 for n in sizes], mid, mid)
        if not any(may):
            return []
        return self.shape_runs(units, taken, self.subject_predicate, "N+Pred", may)

    def perfective_runs(self, units: list[Unit], taken: list[Unit]) -> list[tuple[str, list[Unit], str]]:
        return self.shape_runs(units, taken, self.perfective, "V了_")

    @staticmethod
    def shape_runs(units: list[Unit], taken: list[Unit], member, frame: str, may: Optional[list[bool]] = None) -> list[tuple[str, list[Unit], str]]:
        """Runs of three or more units, clear of the `taken` members, that `member(a, b, first)` turns into
        members (the member of a unit, or None): each a figure with the frame `frame`. A unit that does not
        go on a run may open the next one (…执行了…，|新中国在世界上|赢得了信誉，赢得了朋友，…).
        `may` (per unit, optional) is False where no run of three can hold the unit, so `member` is not asked."""
        out, run = [], []
        for k, unit in enumerate([*units, None]):
            free = unit is not None and clear_of(unit, taken) and (may is None or may[k])
            opens = not run
            found = member(*unit, first=opens) if free else None
            if found is None or opens:
                if len(run) >= 3:
                    out.append(("parallelism", run, frame))
                run = []
                if found is None and free and not opens:
                    found = member(*unit, first=True)
            if found is not None:
                run.append(found)
        return out

    def subject_predicate(self, a: int, b: int, first: bool) -> Optional[Unit]:
        """The unit when text[a:b] (4-10 characters) is a subject and an adjective or verb predicate, all
        its words of known classes but one, the first a noun, or a word and a noun (纪律严明, 物价相对稳定,
        出版周期长; not 从国际看), or None.
        A first member may start after a lead-in (部队要做到|政治合格): its longest such tail that opens with
        a word of two or more characters."""
        k, stop = self.token_range(a, b)
        if k is None or stop - k < 2 or b - a < 4 or (b - a > 10 and not first):
            return None
        classes = self.classes(k, stop)
        if classes[-1] not in ("AV", "V") or self.word(stop - 1) in ("来", "以来"):
            return None  # (声明签署三年来: a time, no predicate)
        for modified in (False, True):  # a subject noun first (东北|全面振兴), else a word and a noun (进取意识|不强)
            for i in range(k, stop - 1) if first else (k,):
                start = self._token_start[i]
                if b - start < 4:
                    break
                rest = classes[i - k :]
                subject = self.modified_subject(i, rest) if modified else rest[0] in ("N", "VN", "AN")
                if (i == k or self._token_end[i] - start > 1) and b - start <= 10 and subject and rest.count("?") <= 1 and "M" not in rest:
                    return (start, b)
        return None

    def modified_subject(self, i: int, classes: list[str]) -> bool:
        """Whether tokens i… (of `classes`) are a word of two or more characters and a noun, then only the
        adverbs and adjectives or verbs of a predicate (进取|意识|不强, 出版|周期|长; not 力争|农民|收入增加)."""
        return (len(classes) > 2 and classes[0] not in ("M", "D", "AD") and self._token_end[i] - self._token_start[i] > 1
                and classes[1] == "N" and all(c in ("D", "AD", "AV", "V") for c in classes[2:]))

    def perfective(self, a: int, b: int, first: bool) -> Optional[Unit]:
        """The member a clause makes when it opens with a verb and the token 了, after at most one adverb
        (充分显示了…), or None. A first member may start later, after its subject (这些措施|有效稳定了…)."""
        k, stop = self.token_range(a, b)
        le = self._text.find("了", a, b - 2 if first else min(b - 2, a + 7))
        if k is None or le < 0:
            return None
        verb = bisect.bisect_right(self._token_start, le - 1) - 1
        if self._token_start[verb + 1] != le or self._token_end[verb + 1] != le + 1 or self.word_classes.get(self.word(verb)) not in ("V", "VN", "AV"):
            return None
        if verb - k <= 1 or (verb - k == 2 and self.word(k + 1) == "地"):
            return (a, b)  # (有力地促进了…)
        if not first:
            return None
        adverb = self.word_classes.get(self.word(verb - 1), "N") not in ("N", "VN")
        return (self._token_start[verb - 1 if adverb else verb], b)

    def punctuated(self, members: list[Unit]) -> bool:
        """Whether every two members in a row are joined by a punctuation mark (、，；), not only by 和/与."""
        return all(PUNCTUATION_JOIN.search(self._text, b, c) for (_, b), (c, _) in zip(members, members[1:]))

    @staticmethod
    def balanced(members: list[Unit]) -> bool:
        sizes = [b - a for a, b in members]
        return max(sizes) - min(sizes) <= VO_SPREAD

    def verb_object(self, a: int, b: int, first: bool) -> Optional[Unit]:
        """The member a verb-object unit makes (3-10 characters: a verb, then 1-3 content words, all of
        known classes; adverbs before the verb allowed), or None. A first member starts after its lead-in
        up to a modal (各地要, 这既是: class M in configs/lexicons/word_classes.tsv).
        """
        if not 3 <= b - a <= VO_MAX_CHARS + 3:
            return None
        k, stop = self.token_range(a, b)
        if k is None:
            return None
        classes = self.classes(k, stop)
        lead = len(classes) - classes[::-1].index("M") if first and "M" in classes else 0  # after 各地要, 这既是
        start = self._token_start[k + lead] if lead < len(classes) else b
        verb = lead
        while verb < len(classes) and classes[verb] in ("D", "AD", "M"):
            verb += 1
        rest = classes[verb:]
        if not (3 <= b - start <= VO_MAX_CHARS and 2 <= len(rest) <= 4) or "?" in rest or "M" in rest or "D" in rest:
            return None
        if rest[0] not in ("V", "VN", "AV"):
            return None
        if any(self.word(i) in CONJUNCTIONS for i in range(k + verb, stop)):
            return None  # two objects joined (改革财政体制和工资制度): a list inside one member
        self._surely_verb[start] = rest[0] != "VN"
        return (start, b)

    def split_conjunctions(self, doc: Doc, items: list[Unit]) -> list[Unit]:
        """Split list items at a conjunction token (凝聚力和战斗力 → 凝聚力 | 战斗力) when the list has 、."""
        if len(items) < 2:
            return items
        out = []
        for a, b in items:
            first, stop = self.token_range(a, b)
            cut = next((k for k in range(first + 1, stop) if self.word(k) in CONJUNCTIONS), None) if first is not None else None
            if cut is not None and self._token_end[cut] < b:
                out.extend([(a, self._token_start[cut]), (self._token_end[cut], b)])
            else:
                out.append((a, b))
        return out

    def word(self, k: int) -> str:
        return self._text[self._token_start[k] : self._token_end[k]]

    def word_at(self, a: int) -> str:
        """The token that holds the character at `a`."""
        return self.word(bisect.bisect_right(self._token_start, a) - 1)

    def words(self, a: int, b: int) -> Optional[list[str]]:
        """The tokens of text[a:b], or None when a or b falls inside a token (as Doc.char_span)."""
        first, stop = self.token_range(a, b)
        return None if first is None else [self.word(k) for k in range(first, stop)]

    def shape_words(self, a: int, b: int) -> Optional[list[str]]:
        """The 2-3 words of a short member for its shape: its tokens, or, where pkuseg glued a verb to its
        object (长才干) or split a word, the one split of its 3-4 characters into two known words, or the
        two characters of a verb-object word (放权)."""
        words = self.words(a, b)
        if words and 2 <= len(words) <= 3 and all(w in self.word_classes for w in words):
            return words
        if 3 <= b - a <= 4:
            text = self._text[a:b]
            splits = [[text[:k], text[k:]] for k in range(1, b - a) if text[:k] in self.word_classes and text[k:] in self.word_classes]
            if len(splits) == 1:
                return splits[0]
        if b - a == 2 and self.word_classes.get(self._text[a]) == "V" and self.word_classes.get(self._text[a + 1]) == "N":
            return [self._text[a], self._text[a + 1]]  # a verb character and its object (采矿、洗煤、放权、减税)
        return words if words and 2 <= len(words) <= 3 else None

    def classes(self, k: int, stop: int) -> list[str]:
        """Word classes of the tokens k…stop-1 ("?" where unknown), computed once per unit of a Doc."""
        found = self._classes.get((k, stop))
        if found is None:
            found = self._classes[k, stop] = [self.word_classes.get(self.word(i), "?") for i in range(k, stop)]
        return found

    def token_range(self, a: int, b: int) -> tuple[Optional[int], Optional[int]]:
        """Indices of the first token and one past the last of text[a:b], or (None, None) when a or b is inside a token."""
        starts, ends = self._token_start, self._token_end
        first, last = bisect.bisect_left(starts, a), bisect.bisect_left(ends, b)
        if first < len(starts) and starts[first] == a and last < len(ends) and ends[last] == b and last >= first:
            return first, last + 1
        return None, None

    def repetitions(self, doc: Doc, start: int, end: int) -> list[tuple[str, list[Unit], str]]:
        """Unpunctuated runs: 新时代新担当新作为, 治党治国治军 (one character before each word), 苦干实干巧干,
        革命化现代化正规化 (a shared last character)."""
        found = []
        # a place word is shared at the end (思想上政治上行动上, not 上政治|上行动|上同以); other characters
        # in the order of REPEATS (最关心最直接最现实, not 人民最|关心最|直接最)
        hits = [(pattern, size, frame, m) for pattern, _, size, frame in REPEATS for m in self.hits(pattern, start, end)]
        hits.sort(key=lambda h: not (h[0] is REPEAT_TAIL3 and h[3].group(1) in PLACE_WORDS))
        for _, size, frame, m in hits:
            members = [(a, a + size) for a in range(m.start(), m.end(), size)]
            shared = m.group(1)
            if shared in self.stopchars or m.group() in self.stopframes or set(m.group()) <= NUMBER_CHARS or not self.members_whole(members) or not self._bounds[m.end()]:
                continue
            if any(taken[0][0] < m.end() and m.start() < taken[-1][1] for _, taken, _ in found):
                continue  # a run the patterns before found already (最关心最直接最现实, not 人民最|关心最|直接最)
            found.append(("parallelism", members, frame.format(shared)))
        return found

    def members_whole(self, members: list[Unit]) -> bool:
        """Whether every member starts at a token boundary, or inside a token made of whole members
        (苦干实干|巧干: pkuseg keeps the set phrase 苦干实干 whole)."""
        starts, ends = {a for a, _ in members}, {b for _, b in members}
        for a, _ in members:
            if not self._bounds[a]:
                k = bisect.bisect_right(self._token_start, a) - 1
                if self._token_start[k] not in starts or self._token_end[k] not in ends:
                    return False
        return True

    def hits(self, pattern: re.Pattern, start: int, end: int) -> list[re.Match]:
        """Matches of `pattern` inside text[start:end], from the search of the whole Doc (no pattern
        crosses a line)."""
        found = self._hits[pattern]
        first = bisect.bisect_left(found, start, key=re.Match.start)
        return found[first : bisect.bisect_left(found, end, lo=first, key=re.Match.start)]

    def enumerations(self, text: str, start: int, end: int) -> list[tuple[str, list[Unit], str]]:
        found = []
        for pattern in self.markers:
            hits = self.hits(pattern, start, end)
            series: list = []
            for m in hits + [None]:
                if m is not None and (not series or number(m.group("n")) == number(series[-1].group("n")) + 1):
                    series.append(m)
                    continue
                if len(series) >= 2:
                    members = []
                    for s, after in zip(series, [*series[1:], None]):
                        stop = SENTENCES.search(text, s.start(), end)
                        b = min(stop.start() if stop else end, after.start() if after else end)
                        while b > s.start() + 1 and text[b - 1] in "，,、 ":
                            b -= 1  # (an item ends before the next marker in its sentence: 一要…，二要…)
                        members.append((s.start(), b))
                    if all(b > s.end() for s, (_, b) in zip(series, members)):  # (not ordinals: 第一、第二、第三产业)
                        frame = "；".join(f"{s.group(0)}_" for s in series[:2]) + "…"
                        found.append(("enumeration", members, frame))
                        shared = self.item_frame(text, series, members)
                        if shared and len(members) >= 3:
                            found.append(("parallelism", members, shared))
                series = [m] if m is not None and number(m.group("n")) == 1 else []
        return found

    def item_frame(self, text: str, series: list, members: list[Unit]) -> Optional[str]:
        """Frame of numbered items that also share words after their markers, in their first clause
        (一是突出_考核) or their first two (一是对于_的问题，要_). The markers align the items, so
        stop characters count here (一是在_上): at least two shared characters, one a content character."""
        clauses = [ITEM_CLAUSES.split(text[m.end() : b]) for m, (a, b) in zip(series, members)]
        frames = []
        for k in range(2):
            if not all(len(c) > k and c[k] for c in clauses):
                break
            frames.append(self.shared_frame([c[k] for c in clauses]))
        if not frames or frames[0] is None and (len(frames) < 2 or frames[1] is None):
            return None
        frame = "，".join(f or "_" for f in frames)
        shared = "".join(HAN.findall(frame))
        if len(shared) >= 2 and not set(shared) <= self.stopchars:
            return f"{MARKER_GAP}{frame}"
        return None

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        # per-Doc state for the helpers: the text and the token boundaries
        self._text = simplified_text(doc) or doc_text(doc)  # (same offsets; frames of traditional text come out simplified)
        offsets = doc.to_array([IDX, LENGTH])
        self._token_start = offsets[:, 0].tolist()
        self._token_end = (offsets[:, 0] + offsets[:, 1]).tolist()
        marks = np.zeros(len(self._text) + 1, dtype=np.uint8)
        marks[offsets[:, 0]] = marks[offsets[:, 0] + offsets[:, 1]] = 1
        self._bounds = marks.tobytes()  # self._bounds[c] is 1 where a token starts or ends
        self._shapes: dict[Unit, list] = {}  # word classes of a member, [] when it has no shape
        self._classes: dict[tuple[int, int], list[str]] = {}  # word classes of a unit's tokens (`classes`)
        self._surely_verb: dict[int, bool] = {}  # verb-object members: whether the verb is not also a noun
        paragraphs = doc.spans.get("paragraph")
        self._seps = {sep: [m.start() for m in sep.finditer(self._text)] for sep in (SENTENCES, CLAUSES, ITEMS)}
        self._hits = {pattern: list(pattern.finditer(self._text)) for pattern in self.markers}
        self._hits.update(repetition_matches(self._text))
        blocks = [(s.start_char, s.end_char) for s in paragraphs] if paragraphs is not None else split_units(self._text, 0, len(self._text), [m.start() for m in LINES.finditer(self._text)])
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

    def apply_lists(self, lists: dict) -> None:
        self.set_lists(lists["markers"], lists["stopchars"])


MARKER_GAP = "_"
REPEAT_HEAD = re.compile(r"([\u4e00-\u9fff])[\u4e00-\u9fff]{2}(?:\1[\u4e00-\u9fff]{2}){2,}")
REPEAT_TAIL = re.compile(r"[\u4e00-\u9fff]([\u4e00-\u9fff])(?:[\u4e00-\u9fff]\1){2,}")
REPEAT_HEAD2 = re.compile(r"([\u4e00-\u9fff])[\u4e00-\u9fff](?:\1[\u4e00-\u9fff]){2,}")
REPEAT_TAIL3 = re.compile(r"[\u4e00-\u9fff]{2}([\u4e00-\u9fff])(?:[\u4e00-\u9fff]{2}\1){2,}")
# (pattern, offset of the repeated character in a member, member size, frame)
REPEATS = ((REPEAT_HEAD, 0, 3, "{}_"), (REPEAT_TAIL, 1, 2, "_{}"), (REPEAT_HEAD2, 0, 2, "{}_"), (REPEAT_TAIL3, 2, 3, "_{}"))
CATCH_ALL = ("其他", "其它", "其余")
NARROWING = ("特别是", "尤其是")
LINKING_ADVERBS = set("也又还更并都")  # before the last member, outside its frame (是…，是…，也是…)
PREPOSITIONS = set("对把在将从以为向同给")
PLACE_WORDS = set("上中里下内外间面")  # (在…上，在…中，在…方面)
STOP_HEADS = PREPOSITIONS | {"和"}  # stop characters that may head members of three or more (`stop_head`)
CONJUNCTIONS = {"和", "与", "及", "以及", "或"}
VO_MAX_CHARS, VO_SPREAD = 10, 4  # verb-object members: at most 10 characters, lengths within 4 of each other
PRONOUN_HEADS = set("我你他她它咱")
CONJUNCTION_CHARS = re.compile("[和与及或]")
PUNCTUATION_JOIN = re.compile("[、，,；;。！？!?]")
NUMERALS = {c: i for i, c in enumerate("零一二三四五六七八九十")} | {"首先": 1, "其次": 2, "再次": 3, "最后": 4}


def repetition_matches(text: str) -> dict[re.Pattern, list[re.Match]]:
    """Matches of the REPEATS patterns in the whole text, as `finditer` finds them; the regexes are
    tried only where NumPy finds the character repeated at the right distances."""
    codes = code_points(text)
    found = {}
    for pattern, offset, step, _ in REPEATS:
        n = len(codes) - offset - 2 * step
        same = codes[offset : offset + n] if n > 0 else codes[:0]
        maybe = np.flatnonzero((same == codes[offset + step : offset + step + n]) & (same == codes[offset + 2 * step : offset + 2 * step + n]))
        matches, end = [], 0
        for i in maybe.tolist():
            if i >= end and (m := pattern.match(text, i)):
                matches.append(m)
                end = m.end()
        found[pattern] = matches
    return found


def extent(members: list[Unit]) -> Unit:
    """From the start of the first member to the end of the last."""
    return members[0][0], members[-1][1]


def members_of_runs(found: list) -> list[Unit]:
    """The members of the runs of three or more among `found` figures."""
    return [m for _, members, _ in found if len(members) > 2 for m in members]


def clear_of(unit: Unit, taken: list[Unit]) -> bool:
    """Whether a unit overlaps none of the taken members."""
    return not any(a < unit[1] and unit[0] < b for a, b in taken)


NUMBER_CHARS = set("0123456789０１２３４５６７８９.．，,零一二三四五六七八九十百千万亿两多余")  # (多, 余: 3300多公里, 十余万)


def shorter_head(frame: str, before: str) -> bool:
    """Whether `frame` keeps only part of the head of two or more characters that `before` had (坚持_ → 坚_, 是中国_ → 是_)."""
    head, old = frame.split("_", 1)[0], before.split("_", 1)[0]
    return 0 < len(head) < len(old) and len(old) >= 2 and old.startswith(head)


def stop_head(frame: str, parts: list[str]) -> bool:
    """Whether a frame of stop characters only is a head shared by four-character members (以大欺小，以富压贫)
    or a preposition and a place word around clauses (在…上，在…中): a figure of three or more only."""
    if len(set(map(len, parts))) == 1 and len(parts[0]) == 4:
        return frame.endswith("_") and frame.count("_") == 1 and frame[0] in STOP_HEADS
    pre, _, suf = frame.partition("_")
    return len(pre) == 1 and pre in PREPOSITIONS and all(p[-1] in PLACE_WORDS for p in parts)


def counted(texts: list[str], frame: str, inner: Optional[str] = None) -> bool:
    """Whether the members differ only in numbers: a shared unit after a number (六十斤、八十斤; 1.2万亿元，
    4000亿元) or equal-length members whose gaps are all numbers (1950年、1952年); for sentences split at
    `inner`, in every sub-clause that shares more than a gap (纸520万吨，增加20万吨；糖260万吨，增加10万吨)."""
    if inner and inner in frame:
        parts = [(part, [t.split(inner)[k] for t in texts]) for k, part in enumerate(frame.split(inner))]
        return all(counted(part_texts, part) for part, part_texts in parts if part != "_")
    shared = frame.replace("_", "")
    if len(shared) >= 2 and set(shared) <= NUMBER_CHARS:
        return True  # a shared number (一九七三、一九七四年; 十九大、十九届; not 百花齐放、百家争鸣)
    suf = frame.partition("_")[2]
    if suf and "_" not in suf:  # a shared end after one gap (_斤, 195_年): a number right before it
        return all(len(t) > len(suf) and t[-len(suf) - 1] in NUMBER_CHARS for t in texts)
    if frame == "_" or len({len(t) for t in texts}) != 1:
        return False
    return all(set(t) - set(frame) <= NUMBER_CHARS for t in texts)


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

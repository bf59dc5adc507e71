"""Exhortations → `doc.spans["exhortation"]`, labels obligation, prohibition, resolve and appeal.

Cues are token sequences matched by spaCy's PhraseMatcher over the segmenter's tokens (configs/lexicons/exhortation_cues.tsv),
so 要 inside 要求/重要/主要/需要 never matches; cues and context are read in the tokens' normal forms and the
text's simplified characters, so text in traditional script is read like simplified text; context rules (configs/lexicons/exhortation_context.tsv)
drop observations (要看到, 要充分认识), purposes and 'about to' (要实现…，必须…; 要动手了), 'unable' 不能 (不能满足, 就不能, 能不能), 坚决/切实 used as modifiers
(采取切实有力的措施) or in a stance or condition (我们坚决反对, 不坚决惩治), cues inside a title (《…》),
reported requirements of others and reports of past steps.
A span runs from its cue to the end of the sentence, or to the end of the last clause before the
clause holding the next cue; a cue right after another (必须坚决) joins its span.
"""
from __future__ import annotations

import bisect
import re
from collections import defaultdict

import numpy as np
from spacy.attrs import IDX, LENGTH, ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..extensions import doc_text, simplified_text
from .base import RhetoricComponent
from .lexicon import read_list_setting

SENTENCE_END = re.compile(r"[。！？；!?;]")
CLAUSE_END = re.compile(r"[，,：:]")
SPAN_END = re.compile(r"[。！？；!?;\n]")  # a span ends at its sentence's end, and never runs past the line
CLAUSE_BOUND = re.compile(r"[，,：:。！？；!?;\n]")  # end of the cue's clause
LIST_MARK = re.compile(r"^(?:第?[一二三四五六七八九十]+[、是，,]|（[一二三四五六七八九十]+）|首先，?|其次，?)")  # 第二、中国主张…
OBJECT_MARKS = set("对向给把同跟与让")  # before a word of others, it makes the word an object (对他们…)
CONTEXT_CHARS = 300  # how far the context checks look before and after a cue
GOAL_SUBJECT_CHARS = 8  # 要实现…，美国政府必须…: how far into the next clause 必须 makes a goal clause its purpose


@Language.factory(
    "exhortation",
    default_config={"cues": "default", "context": "default", "spans_key": "exhortation"},
    default_score_weights={"exhortation_f": 1.0, "exhortation_p": 0.0, "exhortation_r": 0.0},
)
def make_exhortation(nlp: Language, name: str, cues: str, context: str, spans_key: str):
    return ExhortationTagger(
        nlp, name, cues=read_list_setting(cues, "exhortation_cues.tsv"), context=read_list_setting(context, "exhortation_context.tsv"), spans_key=spans_key
    )


class ExhortationTagger(RhetoricComponent):
    """Find directive clauses and their subtype."""

    def __init__(self, nlp, name, *, cues, context, spans_key="exhortation"):
        self.name = name
        self.vocab = nlp.vocab
        self.spans_key = spans_key
        self.set_rules(cues, context)

    def set_rules(self, cues: list[list[str]], context: list[list[str]]) -> None:
        self.lists = {"cues": cues, "context": context}
        self.matcher = PhraseMatcher(self.vocab, attr="NORM")
        self.copula = self.vocab.strings.add("是")
        by_label = defaultdict(list)
        for tokens, subtype in cues:
            by_label[subtype].append(Doc(self.vocab, words=tokens.split(), spaces=[False] * len(tokens.split())))
        for subtype, patterns in by_label.items():
            self.matcher.add(subtype, patterns)
        self.context = defaultdict(set)
        for kind, word in context:
            self.context[kind].add(word)
        self.others = re.compile("|".join(map(re.escape, sorted(self.context["others"])))) if self.context["others"] else None
        # a report verb before the cue (中央提出，要…; 反复提醒大家，要…), not a noun or adjective (按照…的要求，…;
        # 开展批评与自我批评，…; 必须十分明确，…: the `unreported` words before it)
        reports = "|".join(map(re.escape, sorted(self.context["report"])))
        persons = "|".join(map(re.escape, sorted(self.context["addressee"])))
        unreported = "".join(f"(?<!{re.escape(word)})" for word in sorted(self.context["unreported"]))
        self.report = re.compile(f"{unreported}(?:{reports})(?:{persons})?[，,：:“]") if reports else None
        self.report_word = re.compile(reports) if reports else None

    def cues(self, doc: Doc, text: str) -> list[tuple[int, int, str]]:
        """Accepted cue matches as (start token, end token, subtype), longest first at a position."""
        strings = self.vocab.strings
        matches = sorted(self.matcher(doc), key=lambda m: (m[1], -m[2]))
        found, last_end = [], -1
        for match_id, start, end in matches:
            if start < last_end:
                continue
            label = strings[match_id]
            if self.accept(doc, text, start, end, label):
                found.append((start, end, label))
                last_end = end
        return found

    def accept(self, doc: Doc, text: str, start: int, end: int, label: str) -> bool:
        ctx = self.context
        nxt = self.word(doc, end) if end < len(doc) else ""
        after = end
        while after < len(doc) and self.word(doc, after) in ctx["adverb"]:
            after += 1
        if (after < len(doc) and self.word(doc, after) in ctx["observation"]) or (nxt and SENTENCE_END.match(nxt)) or nxt in {"的", "是"}:
            return False
        if self.modifies_noun(doc, end):
            return False
        if nxt == "，" and label != "appeal":  # 号召，…/呼吁，… still appeal; 要，… is no directive
            return False
        prev = self.word(doc, start - 1) if start > 0 else ""
        preceding = prev in ctx["preceding"] or (start > 1 and self.words(doc, start - 2, start) in ctx["preceding"])  # (one token or two: 忙 着)
        if preceding or prev in ctx["report"] or (prev in ctx["past"] and start > 1 and self.word(doc, start - 2) in ctx["report"]):
            return False  # 不是要动摇…, 由于要…, 响应…的号召, 忙着要…; 提出要…, 提出了要…
        cue = self.words(doc, start, end)
        char = doc[start].idx
        bound = CLAUSE_BOUND.search(text, char, char + CONTEXT_CHARS)
        stop = bound.start() if bound else min(len(text), char + CONTEXT_CHARS)  # end of the cue's clause
        cue_end = doc[end - 1].idx + len(doc[end - 1])
        if label == "prohibition" and cue == "不能":
            verb = self.word(doc, after) if after < len(doc) else ""
            if nxt in ctx["unable"] or verb in ctx["unable"] or prev in ctx["consequence"] or text.startswith("、", cue_end + 1) or self.unable_goes_on(text, char, prev):
                self._unable.append(char)
                return False  # 不能满足; 不能充分适应; 就不能; 不敢腐、不能腐、不想腐 (a list item); …就不能A，不能B
        if cue == "不要" and text.startswith(tuple(ctx["duration"]), cue_end):
            return False  # 不要很久，…就能…: 'before long'
        if label == "resolve":
            if prev in ctx["stance"] or prev in ctx["object"] or prev in ctx["negation"] or nxt in ctx["modifier"]:
                return False
            if any(self.word(doc, k) in ctx["past"] for k in range(end, min(end + 4, len(doc))) if doc[k].idx < stop):
                return False
        if self.is_subject(doc, text, end, stop) or (prev.endswith("是") and text[stop - 1] == "的" and cue != "必须") or prev == "就是":
            return False  # 坚决反对腐败，是…的任务 / 斗争是要长期进行下去的 / 改革就是要…: a topic, prediction or definition
        if cue == "要" and prev == "是" and any(0 <= char - text.rfind(word, 0, char) - len(word) <= 3 for word in ctx["definition"]):
            return False  # 目的是要…, 它的实质和目标，是要…: a definition (not 关键是要…, a directive)
        if cue == "要" and (text[stop - 1] == "了" or self.is_condition(text, stop, nxt in ctx["goal"]) or nxt in ctx["fate"]):
            return False  # 他们要动手了: 'about to'; 要实现…，必须…: a purpose the next clause serves
        k = bisect.bisect_right(self._sentence_ends, char) - 1  # the last sentence end before the cue, within the context
        sent_start = max(self._sentence_ends[k] if k >= 0 else 0, char - CONTEXT_CHARS, 0)
        clause_start = max(sent_start, *(text.rfind(mark, sent_start, char) + 1 for mark in "，,：:"))
        if self.others and any(not self.object_of(text, m) for m in self.others.finditer(text, clause_start, char)):
            return False  # 他们要取消…: what others want (not 对他们的…都要鼓励)
        before = text[sent_start:char]
        if label == "resolve" and (self.stance_goes_on(before, cue, prev) or any(word in before for word in ctx["review"])):
            return False  # 我们坚决反对…，坚决反对…; 中国主张…，也坚决反对…: the stance goes on; 十大以来，…坚决贯彻…: a review
        if before.count("《") > before.count("》"):
            return False  # inside a title
        if self.report and (self.report.search(before) or self.report_word.search(text, clause_start, char)):
            return False  # 中央提出，要…; 新党章强调各级组织都必须…: requirements of others, reported
        if text.rfind("“", max(0, char - CONTEXT_CHARS), char) > text.rfind("”", max(0, char - CONTEXT_CHARS), char):
            return False  # inside a quotation: someone else's words (指示：“…要…”) or a slogan (“两手都要硬”)
        return True

    def unable_goes_on(self, text: str, char: int, prev: str) -> bool:
        """Whether a 不能 opening its clause follows a clause that held a 'cannot' 不能 (就不能坚持…，不能促进…)."""
        if prev not in {"，", ","} or not self._unable:
            return False
        clause_start = max(text.rfind(mark, 0, char - 1) for mark in "，,；;。！？\n")
        return self._unable[-1] > clause_start

    @staticmethod
    def object_of(text: str, match: re.Match) -> bool:
        """Whether a word of others is no subject: after a preposition or before 的 (对他们的…)."""
        return text.startswith("的", match.end()) or (match.start() > 0 and text[match.start() - 1] in OBJECT_MARKS)

    def stance_goes_on(self, before: str, cue: str, prev: str) -> bool:
        """Whether a 坚决/切实 clause continues the declaration its sentence opened: the stance word right
        before an earlier same cue, or opening a sentence that holds no obligation cue before this one."""
        if prev not in {"，", "也", "都", "还"}:
            return False
        if prev == "，" and any(word + cue in before for word in self.context["stance"]):
            return True
        opening = LIST_MARK.sub("", before.lstrip(), count=1)
        return opening.startswith(tuple(self.context["stance"])) and not any(c in before for c in self.context["modal"])

    def is_condition(self, text: str, stop: int, goal: bool = False) -> bool:
        """Whether the clause after the cue's opens with a word that makes the cue's clause its condition (…，就必须…),
        or (`goal`: the cue's verb names a goal, 要实现…) holds 必须 after a short subject (…，美国必须…)."""
        if not text.startswith("，", stop):
            return False
        if goal and text.find("必须", stop + 1, stop + 1 + GOAL_SUBJECT_CHARS) >= 0:
            return True
        return any(text.startswith(word, stop + 1) for word in self.context["condition"])

    def is_subject(self, doc: Doc, text: str, end: int, stop: int) -> bool:
        """Whether the cue's clause is the subject of a 是 that follows it, in the clause or right after its comma
        (not when the verb after the cue takes a clause as its object: 必须坚持科技是第一生产力)."""
        if text.startswith("，是", stop):
            return True
        after = doc[end].idx if end < len(doc) else stop
        if text.find("是", after, stop) < 0 or self.word(doc, end) in self.context["clausal"]:
            return False
        if self._copulas is None:
            copulas = np.flatnonzero(doc.to_array(ORTH) == self.copula).tolist()  # the tokens 是 (not 但是, 是否), but not 特别|是 ('especially')
            self._copulas = [self._starts[i] for i in copulas if i == 0 or self.word(doc, i - 1) not in self.context["especially"]]
        k = bisect.bisect_left(self._copulas, after)
        return k < len(self._copulas) and self._copulas[k] < stop

    def word(self, doc: Doc, i: int) -> str:
        """Token i's text, in simplified characters where the Doc is in traditional script."""
        return self._text[self._starts[i] : self._ends[i]]

    def words(self, doc: Doc, start: int, end: int) -> str:
        return "".join(self.word(doc, i) for i in range(start, end))

    def modifies_noun(self, doc: Doc, end: int) -> bool:
        """Whether the cue and the verb after it modify a noun (必须长期坚持的指导思想, 不能回避的问题):
        的 right after the verb, itself right after the cue or after one adverb."""
        verb = end + 1 if end < len(doc) and self.word(doc, end) in self.context["adverb"] else end
        return verb + 1 < len(doc) and self.word(doc, verb + 1) == "的"

    def __call__(self, doc: Doc) -> Doc:
        # (same offsets: the lists are written in simplified characters)
        text = self._text = simplified_text(doc) or doc_text(doc)
        offsets = doc.to_array([IDX, LENGTH])
        self._starts = offsets[:, 0].tolist()
        self._ends = (offsets[:, 0] + offsets[:, 1]).tolist()
        self._sentence_ends = [m.end() for m in SENTENCE_END.finditer(text)]
        self._copulas = None
        self._unable: list[int] = []  # where a 不能 was read as 'cannot' (`unable_goes_on`)
        cues = self.cues(doc, text)
        ends = [m.start() for m in SPAN_END.finditer(text)] if cues else []
        found = []
        i = 0
        while i < len(cues):
            start, end, label = cues[i]
            begin = doc[start].idx
            k = bisect.bisect_left(ends, begin)
            stop = ends[k] if k < len(ends) else len(text)  # the end of the sentence or line
            j = i + 1
            # cues joined to this one, or in the same clause, belong to this span
            while j < len(cues) and doc[cues[j][0]].idx < stop and (
                cues[j][0] <= cues[j - 1][1] or not CLAUSE_END.search(text, doc[cues[j - 1][0]].idx, doc[cues[j][0]].idx)
            ):
                j += 1
            if j < len(cues) and doc[cues[j][0]].idx < stop:
                nxt = doc[cues[j][0]].idx
                cut = max(m.start() for m in CLAUSE_END.finditer(text, begin, nxt))
                stop = cut
            found.append((begin, stop, label))
            i = j
        spans = (doc.char_span(begin, stop, label=label, alignment_mode="contract") for begin, stop, label in found)
        doc.spans[self.spans_key] = [s for s in spans if s is not None and text[s.start_char : s.end_char].strip()]  # (Span.text joins every token)
        return doc

    def apply_lists(self, lists: dict) -> None:
        self.set_rules(lists["cues"], lists["context"])

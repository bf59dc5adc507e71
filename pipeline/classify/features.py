"""Features of body paragraphs: text for character n-grams, plus cue, number, rhetoric, position and
neighbourhood columns. The same code builds them for training and for annotating, from paragraph
records of the `annotations.jsonl` schema (`text`, `heading`, `spans`)."""
from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

import pandas as pd

from ..records import PARAGRAPH_LABELS, SPAN_LABELS
from ..resources import CONFIGS
from ..traditional import simplified

NUMBER = re.compile(r"[0-9０-９]+(?:\.[0-9]+)?")
PERCENT = re.compile(r"[0-9０-９]+(?:\.[0-9]+)?(?:%|％|个百分点)")
PLAIN_WORDS = re.compile(r"[\u4e00-\u9fff|]+")  # a cue line of plain words joined by |
OPENING_CUE = re.compile(r"(要|必须|坚持|加强|推进|着力|一是|第[一二三四五六七八九十]+，)")


@lru_cache(maxsize=1)
def cue_patterns() -> dict[str, list[re.Pattern]]:
    """Per label from configs/lexicons/function_cues.tsv: one alternation of the plain-word cues and one
    of the pattern cues (numbers with units).

    The cues are joined flat (not each wrapped in a group), and plain words apart from patterns, so
    that the regex engine can skip ahead to the possible first characters: several times faster, same
    matches (no word cue starts inside a number, nor a number inside a word)."""
    cues: dict[str, tuple[list[str], list[str]]] = {}
    for line in (CONFIGS / "lexicons" / "function_cues.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, cue = line.split("\t")
            words, patterns = cues.setdefault(label, ([], []))
            (words if PLAIN_WORDS.fullmatch(cue) else patterns).append(cue)
    return {label: [re.compile("|".join(parts)) for parts in groups if parts] for label, groups in cues.items()}


def cue_counts(text: str) -> dict[str, int]:
    """Number of cue matches of each label in a text."""
    return {label: sum(len(p.findall(text)) for p in patterns) for label, patterns in cue_patterns().items()}


def plain_text(p: dict) -> str:
    """The paragraph's text with traditional characters made simplified, as the cues and the training text."""
    return simplified(p["text"]) or p["text"]


def own_features(p: dict, text: str) -> dict[str, float]:
    """Per-100-character densities of cues, numbers and rhetoric, and the paragraph's length (`text`: its
    `plain_text`)."""
    per = 100.0 / max(len(text), 1)
    row = {f"cue_{label}": count * per for label, count in cue_counts(text).items()}
    row["numbers"] = len(NUMBER.findall(text)) * per
    row["percents"] = len(PERCENT.findall(text)) * per
    row["log_chars"] = math.log1p(len(text))
    row["opens_with_cue"] = float(bool(OPENING_CUE.match(text)))
    row["ends_with_colon"] = float(text.rstrip().endswith(("：", ":")))  # announces a list (今年重点做好以下工作：)
    spans = Counter((s["type"], s["label"]) for s in p.get("spans", ()))
    for span_type, labels in SPAN_LABELS.items():
        for label in labels:
            row[f"{span_type}_{label}"] = spans[span_type, label] * per
    return row


def speech_features(paragraphs: list[dict]) -> pd.DataFrame:
    """One row per body paragraph of one speech (headings give structure only), in order."""
    body = [i for i, p in enumerate(paragraphs) if not p.get("heading")]
    texts = {i: plain_text(paragraphs[i]) for i in body}
    own = {i: own_features(paragraphs[i], texts[i]) for i in body}
    rows = []
    for k, i in enumerate(body):
        row = {"text": texts[i], **own[i]}
        row["position"] = k / max(len(body) - 1, 1)
        row["first"] = float(k == 0)
        row["last"] = float(k == len(body) - 1)
        row["after_heading"] = float(i > 0 and bool(paragraphs[i - 1].get("heading")))
        for side, j in (("prev", body[k - 1] if k > 0 else None), ("next", body[k + 1] if k + 1 < len(body) else None)):
            for label in PARAGRAPH_LABELS:
                row[f"{side}_cue_{label}"] = own[j][f"cue_{label}"] if j is not None else 0.0
        rows.append(row)
    return pd.DataFrame(rows)


def numeric_columns(frame: pd.DataFrame) -> list[str]:
    return [c for c in frame.columns if c != "text"]

"""Gold sets stored as offsets into ../shared/data: they load, their spans fit their paragraphs, and a
changed text is refused."""
import json
from collections import Counter

import pytest

from pipeline.errors import XiuciError
from pipeline.io.gold import GOLD, load_rhetoric_gold
from pipeline.io.labelled import read_labelled
from pipeline.records import SPAN_LABELS
from tests.conftest import needs_shared


def check_spans(rows):
    for row in rows:
        for span in row["spans"]:
            assert span["label"] in SPAN_LABELS[span["type"]], (row["file"], row["line"], span)
            assert 0 <= span["start"] < span["end"] <= len(row["text"]), (row["file"], row["line"], span)
            if span["type"] == "parallelism":
                members = span["members"]
                assert members[0][0] == span["start"] and members[-1][1] == span["end"]
                assert all(a < b <= c for (a, b), (c, _) in zip(members, members[1:]))
            if span["type"] == "idiom":
                assert span["end"] - span["start"] == 4


@needs_shared
def test_rhetoric_gold_loads_with_its_splits():
    rows = load_rhetoric_gold()
    assert Counter(r["split"] for r in rows) == {"dev": 115, "dev2": 100, "dev3": 100, "dev4": 100, "test": 50}
    check_spans(rows)


@needs_shared
def test_second_annotator_covers_dev_and_test():
    rows = load_rhetoric_gold(gold_dir=GOLD.parent / "gold-agreement")
    assert Counter(r["split"] for r in rows) == {"dev": 115, "test": 50}
    assert {s["type"] for r in rows for s in r["spans"]} == {"parallelism", "exhortation"}
    check_spans(rows)


@needs_shared
def test_changed_text_is_refused(tmp_path):
    row = json.loads((GOLD / "rhetoric-exhortation.jsonl").read_text(encoding="utf-8").splitlines()[0])
    row["sha1"] = "0" * 16
    (tmp_path / "rhetoric-x.jsonl").write_text(json.dumps(row), encoding="utf-8")
    with pytest.raises(XiuciError, match=f"{row['file']}:{row['line']}: the text no longer matches"):
        load_rhetoric_gold(gold_dir=tmp_path)


@needs_shared
def test_function_label_sets_cover_every_corpus_report_once():
    dev, tune = read_labelled([GOLD.parent / "dev"]), read_labelled([GOLD.parent / "tune"])
    assert len(dev) == 12 and len(tune) == 15
    assert not {s.speech for s in dev} & {s.speech for s in tune}
    body = [p for s in tune for p in s.paragraphs if not p["heading"]]
    assert len(body) == 1817 and Counter(p["label"] for p in body)["diagnosis"] == 136

import json

import pytest

from pipeline.errors import XiuciError
from pipeline.io.labelled import read_labelled

A = "我们要坚持稳中求进工作总基调，推动经济持续健康发展。"
B = "一些干部还存在不担当、不作为的问题，群众反映强烈。"
C = "全县地区生产总值增长6.5%，城乡居民收入稳步提高。"


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_simple_jsonl_with_speech_and_index(tmp_path):
    rows = [
        {"speech": "s1", "index": 1, "text": B, "label": "diagnosis"},
        {"speech": "s1", "index": 0, "text": "一、总体要求", "heading": True, "label": None},
        {"speech": "s1", "index": 2, "text": A, "label": "measure"},
    ]
    f = write(tmp_path / "d.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    [speech] = read_labelled([f])
    assert speech.speech == "s1"
    assert [(p["heading"], p["label"]) for p in speech.paragraphs] == [(True, None), (False, "diagnosis"), (False, "measure")]


def test_csv(tmp_path):
    f = write(tmp_path / "d.csv", f"text,label\n{A},measure\n{C},result\n")
    speeches = read_labelled([f])
    assert sorted(p["label"] for s in speeches for p in s.paragraphs) == ["measure", "result"]


def test_doccano_and_label_studio(tmp_path):
    d = write(tmp_path / "doccano.jsonl", json.dumps({"id": 1, "text": A, "label": ["measure"]}, ensure_ascii=False) + "\n")
    ls = [{"id": 7, "data": {"text": C}, "annotations": [{"result": [{"type": "choices", "value": {"choices": ["result"]}}]}]}]
    s = write(tmp_path / "studio.json", json.dumps(ls, ensure_ascii=False))
    labels = [p["label"] for sp in read_labelled([d, s]) for p in sp.paragraphs]
    assert sorted(labels) == ["measure", "result"]


def test_annotations_jsonl_round_trip(tmp_path):
    rec = {"speech": "x", "paragraphs": [{"index": 0, "line": 0, "text": A, "heading": False, "label": "measure", "spans": []}]}
    f = write(tmp_path / "annotations.jsonl", json.dumps(rec, ensure_ascii=False) + "\n")
    assert read_labelled([f])[0].paragraphs[0]["label"] == "measure"


@pytest.mark.parametrize(
    "line, message",
    [
        ('{"text": "' + A + '", "label": "measures"}', "unknown label 'measures'"),
        ('{"text": "  ", "label": "measure"}', "missing or empty text"),
        ('{"label": "measure"}', "missing or empty text"),
        ('{"text": "' + A + '"}', "missing label"),
        ('{"text": "' + A + '", "label": ["measure", "result"]}', "more than one label"),
        ("{not json", "not valid JSON"),
    ],
)
def test_bad_rows_are_reported_with_file_and_line(tmp_path, line, message):
    f = write(tmp_path / "bad.jsonl", json.dumps({"text": C, "label": "result"}, ensure_ascii=False) + "\n" + line + "\n")
    with pytest.raises(XiuciError, match=message) as err:
        read_labelled([f])
    assert f"{f}:2" in str(err.value)


def test_duplicates_in_one_file_and_conflicting_labels(tmp_path):
    f = write(tmp_path / "dup.csv", f"text,label\n{A},measure\n{A},measure\n")
    with pytest.raises(XiuciError, match="duplicate of"):
        read_labelled([f])
    g = write(tmp_path / "g.csv", f"text,label\n{A},result\n")
    h = write(tmp_path / "h.csv", f"text,label\n{A},measure\n")
    with pytest.raises(XiuciError, match="with label result"):
        read_labelled([g, h])

"""The classifier trains deterministically, saves without pickle, refuses tampered or foreign files,
and labels a real speech through the spaCy component."""
import json
from pathlib import Path

import numpy as np
import pytest

from pipeline.classify.model import ParagraphModel, load_settings
from pipeline.classify.training import featurize
from pipeline.errors import XiuciError
from pipeline.io.labelled import read_labelled

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def features(nlp):
    from pipeline import load

    bare = load(exclude=("paragraph_classifier",))
    files = sorted((ROOT / "data" / "train").glob("*.jsonl"))[::6]
    frame, labels, groups = featurize(read_labelled(files), bare)
    return frame, labels


@pytest.fixture(scope="module")
def model(features):
    return ParagraphModel.fit(*features, load_settings())


def test_training_twice_gives_identical_predictions(features, model):
    again = ParagraphModel.fit(*features, load_settings())
    assert np.array_equal(model.predict_proba(features[0]), again.predict_proba(features[0]))


def test_save_load_round_trip(tmp_path, features, model):
    model.save(tmp_path / "m")
    assert sorted(p.name for p in (tmp_path / "m").iterdir()) == ["arrays.npz", "model.json"]
    loaded = ParagraphModel.load(tmp_path / "m")
    assert loaded.labels == model.labels == ["diagnosis", "measure", "other", "result"]
    assert np.array_equal(loaded.predict_proba(features[0]), model.predict_proba(features[0]))


def test_tampered_arrays_are_refused(tmp_path, model):
    model.save(tmp_path / "m")
    data = bytearray((tmp_path / "m" / "arrays.npz").read_bytes())
    data[100] ^= 0xFF
    (tmp_path / "m" / "arrays.npz").write_bytes(bytes(data))
    with pytest.raises(XiuciError, match="does not match the checksum"):
        ParagraphModel.load(tmp_path / "m")


def test_model_from_another_version_is_refused(tmp_path, model):
    model.save(tmp_path / "m")
    meta = json.loads((tmp_path / "m" / "model.json").read_text(encoding="utf-8"))
    meta["versions"]["xiuci"] = "0.0.1"
    (tmp_path / "m" / "model.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(XiuciError, match="made by xiuci 0.0.1"):
        ParagraphModel.load(tmp_path / "m")


def test_missing_model_names_the_fix(tmp_path):
    with pytest.raises(XiuciError, match="xiuci train"):
        ParagraphModel.load(tmp_path)


SPEECH = """同志们：
刚才，几位同志作了很好的发言，讲得都很实在，我都赞成。
当前，一些干部还存在不担当、不作为的问题，有的遇到矛盾绕着走，有的工作标准不高、满足于过得去，群众对此反映强烈。
今年，我们要坚持问题导向，制定实施干部担当作为激励办法，建立容错纠错机制，对不作为的干部严肃问责。
去年全县地区生产总值增长6.5%，新建学校12所，城乡居民人均可支配收入分别增长5.8%和7.2%。
"""


def test_component_labels_a_speech(nlp):
    doc = nlp(SPEECH)
    paras = sorted(doc.spans["paragraph"], key=lambda s: s.start_char)
    assert [p.label_ for p in paras] == ["other", "diagnosis", "measure", "result"]
    for p in paras:
        assert set(p._.xiuci_scores) == {"diagnosis", "measure", "result", "other"}
        assert abs(sum(p._.xiuci_scores.values()) - 1) < 1e-3
        top = sorted(p._.xiuci_scores.values())[-2:]
        assert p._.xiuci_mixed == (top[1] - top[0] < 0.15)


def test_class_weight_setting(features, model):
    settings = load_settings()
    settings["model"]["class_weight"] = "none"
    unweighted = ParagraphModel.fit(*features, settings)
    assert not np.array_equal(unweighted.predict_proba(features[0]), model.predict_proba(features[0]))
    settings["model"]["class_weight"] = "equal"
    with pytest.raises(XiuciError, match='class_weight must be "balanced" or "none"'):
        ParagraphModel.fit(*features, settings)


def test_traditional_script_is_labelled_as_its_simplified_text(nlp):
    simple = "我们必须继续努力，发展经济，巩固国防，改善人民生活。\n今年粮食产量达到三亿吨，比上年增长百分之五，工业总产值增长百分之十二。"
    traditional = "我們必須繼續努力，發展經濟，鞏固國防，改善人民生活。\n今年糧食產量達到三億噸，比上年增長百分之五，工業總產值增長百分之十二。"
    docs = [nlp(t) for t in (simple, traditional)]
    scores = [[p._.xiuci_scores for p in sorted(doc.spans["paragraph"], key=lambda s: s.start_char)] for doc in docs]
    assert [[max(s, key=s.get) for s in doc] for doc in scores] == [["measure", "result"]] * 2
    for a, b in zip(*scores):
        assert all(abs(a[k] - b[k]) < 1e-6 for k in a)

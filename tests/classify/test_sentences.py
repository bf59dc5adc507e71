"""The sentence part of the paragraph model: sentences split at 。；！？, probabilities weighted by length,
and the mixing weight read and checked from the config."""
import numpy as np
import pandas as pd
import pytest

from pipeline.classify import sentences
from pipeline.classify.model import load_settings
from pipeline.errors import XiuciError
from pipeline.resources import CONFIGS

MIXED = "一些地方形式主义、官僚主义问题仍然突出，群众反映强烈。要坚决纠正！全年城镇新增就业1244万人；"


def test_split_keeps_the_closing_marks_and_the_owner():
    pieces, owners = sentences.split([MIXED, "同志们："])
    assert pieces == ["一些地方形式主义、官僚主义问题仍然突出，群众反映强烈。", "要坚决纠正！", "全年城镇新增就业1244万人；", "同志们："]
    assert owners.tolist() == [0, 0, 0, 1]


def test_a_paragraph_gets_the_length_weighted_mean_of_its_sentences(nlp):
    model = nlp.get_pipe("paragraph_classifier").model
    frame = pd.DataFrame({"text": [MIXED]})
    whole = model.sentence_proba(frame)[0]
    pieces, _ = sentences.split([MIXED])
    each = model.sentence_proba(pd.DataFrame({"text": pieces}))
    lengths = np.array([len(p) for p in pieces], dtype=float)
    np.testing.assert_allclose(whole, lengths @ each / lengths.sum(), rtol=1e-12)


def test_the_sentence_weight_must_be_a_share(tmp_path):
    text = (CONFIGS / "classifier.cfg").read_text(encoding="utf-8")
    bad = tmp_path / "classifier.cfg"
    bad.write_text(text.replace("sentence_weight = 0.6", "sentence_weight = 1.5"), encoding="utf-8")
    with pytest.raises(XiuciError, match=r"\[apply\] sentence_weight must be a number between 0 and 1, not 1.5"):
        load_settings(bad)
    bad.write_text(text.replace("[sentences]", "[words]"), encoding="utf-8")
    with pytest.raises(XiuciError, match=r"lacks the section\(s\) \[sentences\]"):
        load_settings(bad)

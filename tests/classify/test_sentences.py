"""The word part of the paragraph model: sentences split at 。；！？, probabilities weighted by length,
the whole-paragraph regression mixed in, and the mixing weights read and checked from the config."""
import re

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
    whole = model.word_models_proba(frame)[0][0]
    pieces, _ = sentences.split([MIXED])
    each = model.word_models_proba(pd.DataFrame({"text": pieces}))[0]
    lengths = np.array([len(p) for p in pieces], dtype=float)
    np.testing.assert_allclose(whole, lengths @ each / lengths.sum(), rtol=1e-12)


@pytest.mark.parametrize("key", ["words_weight", "whole_paragraph_weight"])
def test_the_mixing_weights_must_be_shares(tmp_path, key):
    text = (CONFIGS / "classifier.cfg").read_text(encoding="utf-8")
    assert f"\n{key} = " in text
    bad = tmp_path / "classifier.cfg"
    bad.write_text(re.sub(rf"\n{key} = .*", f"\n{key} = 1.5", text), encoding="utf-8")
    with pytest.raises(XiuciError, match=rf"\[apply\] {key} must be a number between 0 and 1, not 1.5$"):
        load_settings(bad)
    bad.write_text(re.sub(rf"\n{key} = .*", "", text), encoding="utf-8")
    with pytest.raises(XiuciError, match=rf"\[apply\] lacks {key} \(a number between 0 and 1\)"):
        load_settings(bad)


def test_a_config_must_have_its_sections(tmp_path):
    text = (CONFIGS / "classifier.cfg").read_text(encoding="utf-8")
    bad = tmp_path / "classifier.cfg"
    bad.write_text(text.replace("[sentences]", "[words]"), encoding="utf-8")
    with pytest.raises(XiuciError, match=r"lacks the section\(s\) \[sentences\]"):
        load_settings(bad)


def test_the_word_probabilities_mix_sentences_and_the_whole_paragraph(nlp):
    model = nlp.get_pipe("paragraph_classifier").model
    frame = pd.DataFrame({"text": [MIXED, "同志们，今天我们召开全市经济工作会议。"]})
    whole = model.meta["settings"]["apply"]["whole_paragraph_weight"]
    assert 0 < whole < 1
    by_sentence, by_paragraph = model.word_models_proba(frame)
    np.testing.assert_allclose(model.words_proba(frame), (1 - whole) * by_sentence + whole * by_paragraph, rtol=1e-12)
    # the whole-paragraph regression reads the paragraph at once, not as the mean of its sentences
    pieces, _ = sentences.split([MIXED])
    lengths = np.array([len(p) for p in pieces], dtype=float)
    each = model.word_models_proba(pd.DataFrame({"text": pieces}))[1]
    assert not np.allclose(by_paragraph[0], lengths @ each / lengths.sum())


def test_the_whole_paragraph_row_sums_its_sentences_counts(nlp):
    model = nlp.get_pipe("paragraph_classifier").model
    model.word_models_proba(pd.DataFrame({"text": [MIXED]}))
    tfidf = model._tfidf
    pieces, owners = sentences.split([MIXED])
    summed = sentences.membership(owners, 1) @ tfidf.counts(pieces)
    # the vocabulary, fitted on sentences, holds no n-gram across a sentence end (。要, ！全年): so the
    # sum of the sentences' counts is the paragraph's own
    np.testing.assert_array_equal(summed.toarray(), tfidf.counts([MIXED]).toarray())
    assert summed.sum() > max(tfidf.counts([p]).sum() for p in pieces)

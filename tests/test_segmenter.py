import pytest

from pipeline import load
from pipeline.errors import XiuciError
from pipeline.segmenter import find_pkuseg_model


def test_pkuseg_model_found_inside_the_installed_package():
    path = find_pkuseg_model()
    assert path.parts[-3:] == ("pkuseg", "models", "default")
    assert (path / "weights.npz").exists()


def test_missing_model_is_a_clear_error(tmp_path):
    with pytest.raises(XiuciError, match="no-build-isolation pkuseg==0.0.25"):
        find_pkuseg_model(str(tmp_path))


@pytest.mark.parametrize(
    "text, tokens",
    [
        ("刚才，听了几位同志的发言，很受启发。", ["刚才", "，", "听", "了", "几", "位", "同志", "的", "发言", "，", "很", "受", "启发", "。"]),
        ("我们要坚持党的领导。", ["我们", "要", "坚持", "党", "的", "领导", "。"]),
        ("各级政府要切实履行职责", ["各级", "政府", "要", "切实", "履行", "职责"]),
        # political vocabulary of configs/userdict.txt and the idiom lexicon stay whole
        ("推动高质量发展，攻坚克难。", ["推动", "高质量发展", "，", "攻坚克难", "。"]),
        # pkuseg glues 就要/还要; the modal 要 stays a token of its own (configs/lexicons/token_splits.txt)
        ("要让群众满意，就要把实事办好，还要办得更好。", ["要", "让", "群众", "满意", "，", "就", "要", "把", "实事", "办", "好", "，", "还", "要", "办", "得", "更", "好", "。"]),
    ],
)
def test_pkuseg_segmentation(nlp, text, tokens):
    assert [t.text for t in nlp.make_doc(text)] == tokens


def test_traditional_script_is_cut_as_simplified(nlp):
    # pkuseg knows simplified text: 還必須 would be cut 還必 | 須; the tokens keep the original characters
    text = "我們還必須繼續努力，發展經濟。"
    doc = nlp.make_doc(text)
    assert [t.text for t in doc] == ["我們", "還", "必須", "繼續", "努力", "，", "發展", "經濟", "。"]
    assert doc.text == text


def test_jieba_segmenter_is_selectable():
    nlp = load(segmenter="jieba")
    doc = nlp("同志们：\n我们要坚持党的领导。")
    assert "坚持" in [t.text for t in doc]
    assert [s.text for s in doc.spans["heading"]] == ["同志们："]


def test_unknown_segmenter_is_rejected():
    with pytest.raises(XiuciError, match="unknown segmenter"):
        load(segmenter="hanlp")

import pytest

from tests.conftest import spans_of


@pytest.mark.parametrize(
    "text, expected",
    [
        ("对于这些思想问题决不能掉以轻心，必须坚决纠正。", [("掉以轻心", "chengyu")]),
        ("各级干部要真抓实干，攻坚克难。", [("真抓实干", "formula"), ("攻坚克难", "formula")]),
        ("他们工作一针见血，处事真抓实干的作风令人敬佩。", [("一针见血", "chengyu"), ("真抓实干", "formula")]),
        ("破除论资排辈的落后思维，为干部遮风挡雨。", [("论资排辈", "formula"), ("遮风挡雨", "formula")]),
        # free combinations of two ordinary words are not idioms (guide 2)
        ("全市干部精神面貌焕然一新，干部队伍结构不断优化。", [("焕然一新", "chengyu")]),
        ("推动新时代转型振兴，展现担当作为的政治品格。", []),
        # adjacent idioms, leftmost first without overlap; characters outside the Basic Multilingual Plane
        ("𠀀攻坚克难真抓实干𠀀", [("攻坚克难", "formula"), ("真抓实干", "formula")]),
        ("应保尽保应助尽助", [("应保尽保", "formula"), ("应助尽助", "formula")]),
        # modern legal set phrases are formula, not chengyu; a classical AABB idiom stays chengyu
        ("做到有法可依、有法必依，勤勤恳恳为人民服务。", [("有法可依", "formula"), ("有法必依", "formula"), ("勤勤恳恳", "chengyu")]),
        # a classical idiom of the dictionaries is chengyu; a modern slogan is formula
        ("坚持和平共处的原则，弘扬尊师重教的风尚，坚持安全第一、预防为主。", [("和平共处", "chengyu"), ("尊师重教", "formula"), ("安全第一", "formula"), ("预防为主", "formula")]),
        # traditional script matches through its simplified characters, with the original offsets
        ("美國的態度蠻橫無理，問題長期懸而未决。", [("蠻橫無理", "chengyu"), ("懸而未决", "chengyu")]),
        # four characters of a six-character set of three pairs (共建共治共享, 强农惠农富农) are no idiom;
        # the same four characters alone are
        ("坚持共建共治共享，落实强农惠农富农政策，做到共建共享。", [("共建共享", "formula")]),
        ("全党全国团结一致，能工巧匠辈出。", [("团结一致", "chengyu"), ("能工巧匠", "chengyu")]),
        # entries from the fifth review of fresh paragraphs; 毫不 + a verb is a free combination
        ("对死不改悔的分子依法惩处，按期还本付息，工作毫不松懈。", [("死不改悔", "chengyu"), ("还本付息", "formula")]),
        # ordinary phrases and fragments that the jieba lexicon lists are not idioms
        ("继续解放思想，让一部分人先富起来，一般来说效果不错。", []),
    ],
)
def test_idioms(nlp, text, expected):
    assert spans_of(nlp(text), "idiom") == expected


def test_idiom_offsets_are_the_four_characters_even_inside_a_token(nlp):
    # the user dictionary keeps 全面从严治党 one token; the formula inside it is split out, offsets exact
    assert [t.text for t in nlp.make_doc("推进全面从严治党。")] == ["推进", "全面从严治党", "。"]
    doc = nlp("推进全面从严治党。")
    [span] = doc.spans["idiom"]
    assert (span.text, span.label_, span.start_char, span.end_char) == ("从严治党", "formula", 4, 8)
    assert [t.text for t in doc] == ["推进", "全面", "从严治党", "。"]


def test_lexicon_round_trip(nlp, tmp_path):
    pipe = nlp.get_pipe("idioms")
    pipe.to_disk(tmp_path)
    clone = type(pipe).__new__(type(pipe))
    clone.tokenizer, clone.spans_key, clone.name = None, "idiom", "idioms"
    clone.from_disk(tmp_path)
    assert clone.labels == pipe.labels

import pytest

from pipeline.structure import heading_kind

# Lines in the styles of the government work reports and party congress reports of ../shared/data/corpus
# and of the seed speech, written for this test.
CASES = [
    ("各位代表：", "salutation"),
    ("各位代表！", "salutation"),
    ("同志们：", "salutation"),
    ("同志们，朋友们：", "salutation"),
    ("尊敬的各位来宾，女士们、先生们：", "salutation"),
    ("一、过去一年的工作回顾", "section"),
    ("十二、加强政府自身建设", "section"),
    ("（一）注重激发干部担当作为的内生动力。", "section"),
    ("（三）坚定不移推进全面从严治党", "section"),
    ("第一点认识和体会，只有担当作为，才能推进事业发展", "section"),
    ("第三部分", "section"),
    ("第二，大力发展县域经济", "section"),
    ("再次，关于坚持计划调节与市场调节相结合的问题。", "section"),
    ("结束语", "title"),
    ("今后五年的主要任务", "title"),
    ("关于教育改革问题", "title"),
    ("在全市干部作风建设大会上的讲话", "title"),
    ("（2023年1月12日）", "dateline"),
    # body paragraphs
    ("（一）注重激发干部担当作为的内生动力。要通过专项行动，引导各级干部强化理论武装。", None),
    ("一、二季度经济运行总体平稳，主要指标好于预期，为全年目标打下了基础，各项工作有序推进。群众满意度持续提升。", None),
    ("今年重点做好以下工作：", None),
    ("全国各族人民大团结万岁！", None),
    ("（１）建立科技人员合理流动的制度，促进人才成长。", None),
    ("第一，要坚持解放思想。我们必须从实际出发，把各项工作做得更好。", None),
    ("同志们！我们正处在一个大有可为的历史机遇期。", None),
    ("刚才，听了几位同志的领学和发言，很受启发，有很大收获。", None),
]


@pytest.mark.parametrize("line, kind", CASES)
def test_heading_kind(line, kind):
    assert heading_kind(line) == kind


def test_paragraph_and_heading_spans(nlp):
    text = "同志们：\n\n一、总体要求\n我们要坚持稳中求进。\r\n去年经济增长6.2%。\n"
    from pipeline.io.readers import normalise

    doc = nlp(normalise(text))
    heads = [(s.text, s.label_, s._.xiuci_line, s._.xiuci_index) for s in doc.spans["heading"]]
    paras = [(s.text, s._.xiuci_line, s._.xiuci_index, s._.xiuci_position) for s in doc.spans["paragraph"]]
    assert heads == [("同志们：", "salutation", 0, 0), ("一、总体要求", "section", 2, 1)]
    assert paras == [("我们要坚持稳中求进。", 3, 2, 0.0), ("去年经济增长6.2%。", 4, 3, 1.0)]

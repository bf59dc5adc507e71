import pytest

from tests.conftest import spans_of


@pytest.mark.parametrize(
    "text, expected",
    [
        # the guide's own examples: one span to the sentence end; two spans split before the next cue's clause
        ("要通过专项行动，引导各级干部强化理论武装，加强党性修养，不断增强主动担当作为的思想自觉和行动自觉。",
         [("要通过专项行动，引导各级干部强化理论武装，加强党性修养，不断增强主动担当作为的思想自觉和行动自觉", "obligation")]),
        ("对于这些思想问题决不能掉以轻心，必须坚决纠正。", [("决不能掉以轻心", "prohibition"), ("必须坚决纠正", "obligation")]),
        ("各级党委要加强组织领导，切实履行主体责任，着力解决群众反映强烈的突出问题。",
         [("要加强组织领导", "obligation"), ("切实履行主体责任", "resolve"), ("着力解决群众反映强烈的突出问题", "resolve")]),
        ("让我们更加紧密地团结在党中央周围，为全面建设社会主义现代化国家而团结奋斗！",
         [("让我们更加紧密地团结在党中央周围，为全面建设社会主义现代化国家而团结奋斗", "appeal")]),
        ("各地不得擅自提高标准；严禁弄虚作假。", [("不得擅自提高标准", "prohibition"), ("严禁弄虚作假", "prohibition")]),
        # traditional script, and an appeal introduced with a comma
        ("今後中小學敎育應當着重質量的提高。", [("應當着重質量的提高", "obligation")]),
        ("我们呼吁，全体中华儿女团结起来，共同推进祖国统一大业。", [("呼吁，全体中华儿女团结起来，共同推进祖国统一大业", "appeal")]),
        # a 的 further on belongs to the object: still a directive
        ("我们必须长期坚持党的基本路线。", [("必须长期坚持党的基本路线", "obligation")]),
        # a 是 in the next clause with its own subject leaves the directive alone; after a full stop, 企图 is another sentence's
        ("要坚持问题导向，这是做好工作的关键。", [("要坚持问题导向，这是做好工作的关键", "obligation")]),
        ("敌人的企图落空了。我们呼吁，各界人士共同维护和平。", [("呼吁，各界人士共同维护和平", "appeal")]),
        # 要 in a purpose clause that the next clause serves: only the 必须/就要 clause directs
        ("要实现今年的增长目标，必须扩大有效投资。", [("必须扩大有效投资", "obligation")]),
        # …, or holds 必须 after a short subject, when the 要 clause names a goal (要实现/达到/完成/做到)
        ("要实现今年的增长目标，各地区必须扩大有效投资。", [("必须扩大有效投资", "obligation")]),
        ("要加强安全生产，各地区必须压实责任。", [("要加强安全生产", "obligation"), ("必须压实责任", "obligation")]),
        ("要让群众满意，就要把实事办好。", [("要把实事办好", "obligation")]),  # the span starts at 要, not at the glued 就
        # a cue inside a quoted slogan is part of the slogan, not a directive of its own
        ("要坚持“两手抓、两手都要硬”的方针。", [("要坚持“两手抓、两手都要硬”的方针", "obligation")]),
        # 的要求 is a noun, not a report of what others required
        # a 是 inside the object of 坚持 leaves the directive alone
        ("各级干部必须坚持发展是第一要务的思想。", [("必须坚持发展是第一要务的思想", "obligation")]),
        ("按照中央的要求，着力解决群众反映强烈的突出问题。", [("着力解决群众反映强烈的突出问题", "resolve")]),
        # 不应当 forbids
        ("各地不应当层层加码。", [("不应当层层加码", "prohibition")]),
        # 决不能 cut by the segmenter into 决 / 不 / 能 still starts at 决
        ("要继续发挥市场调节的作用，但决不能放松计划的统一领导。", [("要继续发挥市场调节的作用", "obligation"), ("决不能放松计划的统一领导", "prohibition")]),
        # 坚决 inside a relative clause (那些坚决…的干部) is no cue: the obligation runs on
        ("必须树立正气，表扬那些坚决抵制歪风的干部。", [("必须树立正气，表扬那些坚决抵制歪风的干部", "obligation")]),
        # a word of others after a preposition or before 的 is no subject: each 要 directs
        ("对各阶层人们都要团结，对他们的创业精神都要鼓励。", [("要团结", "obligation"), ("要鼓励", "obligation")]),
        # a report word used as a noun or an adjective before the comma reports nothing
        ("为了实现这个要求，各有关部门必须共同努力。", [("必须共同努力", "obligation")]),
        ("全党同志必须十分明确，不应当有丝毫含糊。", [("必须十分明确", "obligation"), ("不应当有丝毫含糊", "prohibition")]),
        ("要开展批评与自我批评，着力解决作风方面的突出问题。", [("要开展批评与自我批评", "obligation"), ("着力解决作风方面的突出问题", "resolve")]),
        ("经济的长期稳定发展，从根本上说，必须依靠改革的顺利推进。", [("必须依靠改革的顺利推进", "obligation")]),
        # 是必须…的 still directs (是要…的 predicts)
        ("这种作风，是必须坚决加以克服和纠正的。", [("必须坚决加以克服和纠正的", "obligation")]),
        # context in traditional script is read in simplified characters (認爲 = 认为, 之所以 before 要)
        ("我國之所以要發展工業，是爲了改善人民生活。", []),
        # 特别是 ('especially') is no copula that makes the cue's clause a subject
        ("今年务必使企业特别是小微企业的负担有实质性下降。", [("务必使企业特别是小微企业的负担有实质性下降", "obligation")]),
        # 关键是要… still directs (目的是要… defines)
        ("做好这项工作，关键是要抓好落实。", [("要抓好落实", "obligation")]),
        # 不要 + a verb still forbids; 不要很久 does not
        ("我们不要满足于现状。", [("不要满足于现状", "prohibition")]),
        # a 不能 clause after a prohibition stays a prohibition; after a 'cannot' clause, only one opening with its own subject
        ("各地既不能照抄照搬，也不能因循守旧。", [("不能照抄照搬", "prohibition"), ("不能因循守旧", "prohibition")]),
        ("人手不够，就不能按时完工，我们不能坐等上级支援。", [("不能坐等上级支援", "prohibition")]),
        # text in traditional script is cut as its simplified characters, so 還必須 yields the cue 必須
        ("為了適應經濟發展的需要，還必須在發展生產的同時推廣新式農具。", [("必須在發展生產的同時推廣新式農具", "obligation")]),
    ],
)
def test_exhortations(nlp, text, expected):
    assert spans_of(nlp(text), "exhortation") == expected


@pytest.mark.parametrize(
    "text",
    [
        "上级的要求很明确，这项工作十分重要，主要任务已经完成。",  # 要求 / 重要 / 主要
        "现有设施还不能满足群众需要。",  # 不能 = unable
        "我们要看到，经济发展面临的外部环境依然复杂。",  # an observation
        "总书记强调“广大干部要在知行合一中主动担当作为”。",  # a reported requirement
        "去年我们坚决打赢了脱贫攻坚战，切实改善了群众生活。",  # steps already taken
        "全党同志要充分认识作风建设的长期性。",  # 要 + adverb + observation
        "我们采取了切实有力的措施。",  # 切实 as a modifier after a light verb
        "如果不坚决纠正这些问题，就会失去群众信任。",  # a condition
        "人手不够，就不能把这件事办好。",  # 就不能: a consequence, not a prohibition
        "会上学习了《坚决反对形式主义》一文。",  # a title
        "应该说，这一年的工作是有成效的。",  # 应该说: a discourse marker
        "这是我们必须长期坚持的指导思想。",  # the cue and its verb modify a noun
        "这是一个不能回避的重大问题。",
        "坚决反对形式主义，是全党的一项长期任务。",  # the cue's clause is the subject of 是
        "坚决整治庸懒散是群众的普遍期盼。",
        "他们要取消农民的自留地。",  # what others want
        "这场改革是要长期坚持下去的。",  # 是要…的: a prediction
        "反对派要发动罢工了。",  # 要…了: 'about to'
        "霸权主义者总是忙着要干涉别国的内政。",  # 忙着要: 'eager to' (two tokens before the cue)
        "这次改革的目的是要调动广大职工的积极性。",  # 目的是要…: a definition
        "我们不要忘记，前进道路上还有不少困难。",  # an observation
        "全党必须时刻牢记，我国仍处于发展中阶段。",
        "任何力量都不能阻挡我们前进的步伐。",  # 'cannot'
        "搞现代化建设，就是要让人民过上更好的日子。",  # 就是要: a definition
        "我们认为，解决这个问题应该从改善供给入手。",  # an opinion reported
        "他们叫嚷要取消一切管制。",  # what others want
        "侵略者叫嚣要占领整个地区。",
        "我们坚决反对一切分裂国家的言行，坚决反对外部势力的干涉。",  # a stance, and its continuation
        "坚持不敢贪、不能贪、不想贪一体推进。",  # 不能 as a list item
        "这次改革不是要动摇社会主义制度。",  # a denied purpose
        "必须清醒地看到，发展中还有不少困难。",  # an observation after an adverb with 地
        "必须肯定，这几年工作的成绩是主要的。",  # 'it must be affirmed that': an observation
        "这里还要特别强调，农业是国民经济的基础。",  # the speaker's emphasis
        "美国必须停止干涉别国内政。",  # a demand on a foreign state, not the audience
        "中国主张各国一律平等，坚决反对以大欺小。",  # the stance of the sentence's subject goes on
        "第二、中国主张各国一律平等，坚决反对以大欺小。",
        "广大群众积极响应政府的号召。",  # 号召 as a noun
        "老书记反复提醒大家，要注意这个问题。",  # a reminder reported
        "他在提纲中提出了要全面清查。",  # a demand of others reported (提出了要…, 提出要…)
        "他又托人提出要王某当副主任。",
        "新党章强调各级组织都必须严格遵守民主集中制。",  # a report verb earlier in the clause
        "我们一贯坚决支持各国人民的正义斗争。",  # a standing stance
        "要实现这个目标，需要付出艰苦的努力。",  # a purpose the next clause serves
        "这表明他们不懂得必须经过长期艰苦建设才能提高生活水平的道理。",  # inside a noun phrase
        "老领导当面批评王某：“你不要搞小圈子。”",  # inside a quotation a report verb opens
        "上级批示：“材料印发各同志。有些意见是好的，要容许批评。”",
        "这个统一战线必然还要进一步巩固和发展。",  # a prediction
        "恢复两国贸易的愿望至今不能实现。",  # 不能 = cannot
        "他們也就越要加緊地破壞我們的事業。",  # what others want, in traditional script
        "由于要适应建设的需要，学校招生较多。",  # a cause
        "这项改革还是要不断进行的。",  # 是要…的: a prediction
        "不要很久，我们的科学事业一定能够进入一个昌盛的时代。",  # 'before long'
        "要把农业搞上去，主要靠科学种田。",  # a purpose the next clause serves
        "这次胜利应当归功于全体人民的努力。",  # credit, not a directive
        "否则重点建设的任务就要落空。",  # 'will fall through'
        "中国把坚决支持发展中国家看作自己的义务。",  # 坚决 inside the object of 把
        "民族利益的实现不能离开人类的总体利益。",  # 'cannot be separated from'
        "旧的管理办法已经不能充分适应生产发展的需要。",  # 不能 + adverb + 'unable' verb
        "这些企业目前还不能按期偿还贷款。",  # 还不能: 'not yet able'
        "技术力量薄弱，许多问题也变得不能解决了。",  # 变得不能
        "忽视了阶级斗争，就不能巩固新生的政权，不能保障生产的发展，不能振奋群众的精神。",  # 就不能A，不能B，不能C
        "计划之所以要集中力量发展重工业，是因为重工业是基础。",  # an explanation
        "这并不等于一切具体工作都要由党委直接管理。",  # a denied equation
        "几年来，我们把依法行政作为基本准则，着力加强社会管理和公共服务。",  # a review of the years past
        "十大以来，我们党坚决贯彻执行既定的路线，进一步推动了形势的发展。",
    ],
)
def test_hard_negatives(nlp, text):
    assert spans_of(nlp(text), "exhortation") == []

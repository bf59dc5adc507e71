import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from pipeline.rhetoric.parallelism import REPEAT_HEAD, REPEAT_TAIL, repetition_matches


def figures(doc):
    return [(s.text, s.label_, s._.xiuci_frame) for s in sorted(doc.spans["parallelism"], key=lambda s: s.start_char)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("各级干部要靠工作、靠实绩、靠人品、靠公认，真抓实干。", [("靠工作、靠实绩、靠人品、靠公认", "parallelism", "靠_")]),
        ("营造只要想干，就有舞台；只要敢干，就有支持；只要干成，就有奖励的良好氛围。",
         [("只要想干，就有舞台；只要敢干，就有支持；只要干成，就有奖励", "parallelism", "只要_，就有_")]),
        ("始终保持强大的创造力、凝聚力、战斗力。", [("创造力、凝聚力、战斗力", "parallelism", "_力")]),
        ("努力重拾信心、重塑形象、重振雄风。", [("重拾信心、重塑形象、重振雄风", "parallelism", "重_")]),
        ("坚持加强教育，发展民主，健全法制，强化监督。", [("加强教育，发展民主，健全法制，强化监督", "parallelism", "V+O")]),
        # three verbs with objects of different word classes (思想 n, 理解 v, 隔阂 n) still repeat V+O
        ("同人民群众沟通思想，加深理解，消除隔阂。", [("沟通思想，加深理解，消除隔阂", "parallelism", "V+O")]),
        ("激励干部新时代新担当新作为。", [("新时代新担当新作为", "parallelism", "新_")]),
        # pkuseg keeps the set phrase 苦干实干 whole: the run still counts; a repeated digit of a number does not
        ("全体职工苦干实干巧干，超额完成了计划。", [("苦干实干巧干", "parallelism", "_干")]),
        ("比上年增加三百三十三亿元。", []),
        # 深化 is a verb by configs/lexicons/word_classes.tsv (jieba tags it j); objects of one or two words
        ("我们要抓住机遇，深化改革，扩大开放，促进发展，保持稳定。",
         [("抓住机遇，深化改革，扩大开放，促进发展，保持稳定", "parallelism", "V+O")]),
        ("各部门要克服官僚主义，提高工作效率，树立良好政风。", [("克服官僚主义，提高工作效率，树立良好政风", "parallelism", "V+O")]),
        # long clauses sharing one head character and a word every clause holds once
        ("使城乡居民收入水平不断提高，使社会保障体系覆盖面不断扩大，使生态环境质量状况不断改善。",
         [("使城乡居民收入水平不断提高，使社会保障体系覆盖面不断扩大，使生态环境质量状况不断改善", "parallelism", "使_不断_")]),
        # verb + object of three characters (guide 2), where pkuseg glues 长才干 into one token
        ("要让年轻干部到基层一线去经风雨、见世面、长才干。", [("经风雨、见世面、长才干", "parallelism", "V+O")]),
        # a word at the same place in every clause; a run that opens its clause keeps its last clause whole
        ("各级干部要走进田间地头，了解群众期盼，回应群众关切，解决群众的急难愁盼问题。",
         [("了解群众期盼，回应群众关切，解决群众的急难愁盼问题", "parallelism", "_群众_")]),
        # three long clauses with one shared head; the last clause is not cut at its own 的
        ("这次改革是一场触及利益格局的深刻变革，是一次凝聚人心的伟大实践，是一项惠及千家万户的民生工程。",
         [("是一场触及利益格局的深刻变革，是一次凝聚人心的伟大实践，是一项惠及千家万户的民生工程", "parallelism", "是一_")]),
        # two such clauses are no figure
        ("这次改革是一场触及利益格局的深刻变革，是一次凝聚人心的伟大实践。", []),
        # a verb-object clause is never cut short to fit (提高资源|利用效率): the run ends before it
        ("要坚持厉行节约，杜绝浪费，降低消耗，提高资源利用效率。", [("厉行节约，杜绝浪费，降低消耗", "parallelism", "V+O")]),
        # verb-object members with verbs that are also nouns (发展), an adverb before the verb (密切), a lead-in
        # (要), and a last member before the noun the run modifies (惠民生|的需要)
        ("各地要发展经济，改善民生，促进和谐。", [("发展经济，改善民生，促进和谐", "parallelism", "V+O")]),
        ("领导干部要密切联系群众，改进工作作风，提高办事效率。", [("密切联系群众，改进工作作风，提高办事效率", "parallelism", "V+O")]),
        ("这既是稳就业、防风险、惠民生的需要。", [("稳就业、防风险、惠民生", "parallelism", "V+O")]),
        # a word at the same place in clauses of different lengths
        ("加强海洋综合管理，发展海洋经济，保护海洋生态环境。", [("加强海洋综合管理，发展海洋经济，保护海洋生态环境", "parallelism", "_海洋_")]),
        # a verb or preposition governing every member of a suffix frame stays out of the first member
        ("加强党内监督、民主监督、法律监督、舆论监督。", [("党内监督、民主监督、法律监督、舆论监督", "parallelism", "_监督")]),
        ("从政治上、工作上、生活上关心干部。", [("政治上、工作上、生活上", "parallelism", "_上")]),
        # a last item with a tail after the shared suffix is cut there (…和合作经济|的同时)
        ("在大力发展全民所有制经济、城乡集体经济和合作经济的同时，鼓励个体经济发展。",
         [("全民所有制经济、城乡集体经济和合作经济", "parallelism", "_经济")]),
        # short subject-predicate members; a clause opening with a preposition is no subject
        ("城乡市场繁荣，商品供应充裕，居民生活质量提高。", [("城乡市场繁荣，商品供应充裕，居民生活质量提高", "parallelism", "N+Pred")]),
        ("从国际看，世界百年变局加速演进，外部环境更趋复杂严峻。", []),
        # ... whose subject may be a word and a noun (出版|周期), with a one-character predicate
        ("当时图书品种少，出版周期长，印刷技术落后。", [("图书品种少，出版周期长，印刷技术落后", "parallelism", "N+Pred")]),
        # four-character members may share a head that is a stop character (以, 和) when there are three or more
        ("我们反对以大欺小、以强凌弱、以富压贫的霸权行径。", [("以大欺小、以强凌弱、以富压贫", "parallelism", "以_")]),
        ("邻里之间要和睦相处、和衷共济、和谐共生。", [("和睦相处、和衷共济、和谐共生", "parallelism", "和_")]),
        ("我们反对以大欺小、以强凌弱。", []),
        # a verb before the first of members sharing an end governs the list (选拔|妇女干部); not a word that
        # leaves less than a member (实践|创新), nor a verb the other members hold too (接受…，自觉接受…)
        ("要注意选拔妇女干部、少数民族干部、党外干部。", [("妇女干部、少数民族干部、党外干部", "parallelism", "_干部")]),
        ("坚持实践创新、理论创新、制度创新。", [("实践创新、理论创新、制度创新", "parallelism", "_创新")]),
        # a clause or item that narrows the one before (特别是…, 尤其是…) is no member
        ("要关心各级领导干部，特别是高级干部。", []),
        # a last item longer than the others keeps the end it shares with them (资本主义工商业|的…)
        ("完成对农业、手工业和资本主义工商业的社会主义改造。", [("农业、手工业和资本主义工商业", "parallelism", "_业")]),
        # two-character members that are a verb character and its object (放权、减税) share the shape V+O
        ("对企业实行放权、减税、让利。", [("放权、减税、让利", "parallelism", "V+O")]),
        # two items of a longer list that share one character are no antithesis (but 敢打硬仗、能打胜仗 above is)
        ("原煤、原油、天然气的产量都有增长。", []),
        ("水产品、水果、蔬菜供应充足。", []),
        # an unpunctuated run sharing a place word at its end (not 上政治|上行动|上同以)
        ("各级干部要在思想上政治上行动上同以人民为中心的要求对标对表。", [("思想上政治上行动上", "parallelism", "_上")]),
        # a first member after a lead-in that opens with a stop character and a word (坚持|一手抓…)
        ("会议要求一手抓疫情防控，一手抓经济发展，一手抓社会稳定。",
         [("一手抓疫情防控，一手抓经济发展，一手抓社会稳定", "parallelism", "一手抓_")]),
        # members that share only a number of two or more characters are no pair (二十大和二十届二中)
        ("要全面贯彻党的二十大和二十届二中、三中全会精神。", []),
        # ... and not a time (条例实施三年来)
        ("条例实施三年来，社会安定，经济繁荣。", [("社会安定，经济繁荣", "antithesis", "N+V")]),
        # a head word that jieba tags as a noun but opens clauses as an adverb (着力, configs/lexicons/word_classes.tsv)
        ("要着力提高产品质量，着力提升企业核心竞争力和品牌影响力，着力推进产业转型升级。",
         [("着力提高产品质量，着力提升企业核心竞争力和品牌影响力，着力推进产业转型升级", "parallelism", "着力_")]),
        # sentences that share only units after numbers, clause by clause, are statistics, no figure
        ("钢产量三千万吨，比去年增加二百万吨；煤产量六亿吨，增加三千万吨；棉纱产量三百万吨，增加十万吨。", []),
        # ... but not a verb that takes a clause (力争|粮食产量增加)
        ("明年要再获丰收，力争粮食产量增加，保持市场价格稳定。", []),
        # ... also after a lead-in that the first member sheds (必须坚持|科技是第一…)
        ("必须坚持科技是第一生产力、人才是第一资源、创新是第一动力。",
         [("科技是第一生产力、人才是第一资源、创新是第一动力", "parallelism", "_是第_")]),
        # clauses that each open with a verb and 了 (after at most one adverb)
        ("这些措施有效稳定了市场预期，明显改善了营商环境，切实减轻了企业负担。",
         [("有效稳定了市场预期，明显改善了营商环境，切实减轻了企业负担", "parallelism", "V了_")]),
        # a shape shared only across 和 is a noun list, not a figure (the guide joins members by 、，；)
        ("要把突发事件、反恐斗争和维护稳定结合起来。", []),
        ("团结革命军人、革命干部和知识分子。", []),
        # nouns whose first word jieba also tags as a verb (工资制度、劳动制度) are no verb-object run
        ("第三、改革财政体制和工资制度、劳动制度。", [("工资制度、劳动制度", "antithesis", "_制度")]),
        ("培养一支能够担当重任、敢打硬仗、能打胜仗的干部队伍。", [("敢打硬仗、能打胜仗", "antithesis", "_打_仗")]),
        ("一是坚持大胆使用；二是坚决处理惩戒；三是注重教育引导。",
         [("一是坚持大胆使用；二是坚决处理惩戒；三是注重教育引导", "enumeration", "一是_；二是_…")]),
        # unrelated noun lists and lists of concepts share no frame (guide 2)
        ("统筹推进乡村振兴、防范风险、扫黑除恶、环境保护等工作。", []),
        ("坚持创新、协调、绿色、开放、共享的发展理念。", []),
        # sentences sharing a head word of their own; a repeated topic noun or pronoun is no figure
        ("有的不愿担责；有的作风漂浮，调研走马观花，习惯于坐在办公室听汇报；有的纪律松弛，工作敷衍了事。",
         [("有的不愿担责；有的作风漂浮，调研走马观花，习惯于坐在办公室听汇报；有的纪律松弛，工作敷衍了事", "parallelism", "有的_")]),
        # three sentences opening with 必须 (a two-character head word); a pair of whole sentences is no
        # antithesis (most such pairs only open alike)
        ("必须加强基层党组织建设，提高党员队伍素质；必须密切党同人民群众的联系，改进领导作风；必须严肃党的纪律，坚决惩治腐败。",
         [("必须加强基层党组织建设，提高党员队伍素质；必须密切党同人民群众的联系，改进领导作风；必须严肃党的纪律，坚决惩治腐败", "parallelism", "必须_，_")]),
        ("必须加强基层党组织建设，提高党员队伍素质；必须严肃党的纪律，坚决惩治腐败。", []),
        # a shared head that is a verb phrase is a figure; one that is a topic noun, or numbers, are not
        ("代表中国先进生产力的发展要求，代表中国先进文化的前进方向，代表中国最广大人民的根本利益。",
         [("代表中国先进生产力的发展要求，代表中国先进文化的前进方向，代表中国最广大人民的根本利益", "parallelism", "代表中国_")]),
        ("中国主张和平解决国际争端，不赞成动辄诉诸武力。中国反对各种形式的霸权主义，永远不称霸。中国将坚持走和平发展道路。", []),
        ("粮食亩产从六十斤、八十斤提高到一百斤。", []),
        ("我国经济总量稳步扩大；我国科技实力明显增强，创新成果不断涌现，一批重大工程相继完成；我国对外开放水平继续提升，外资准入进一步放宽。", []),
        # unpunctuated runs of two-character words with one head, three-character words with one tail;
        # the fixed 全党全军全国 is no figure
        ("这支队伍要在防汛抗旱中做到沿海沿江沿线全覆盖。", [("沿海沿江沿线", "parallelism", "沿_")]),
        ("加快推进部队革命化现代化正规化建设。", [("革命化现代化正规化", "parallelism", "_化")]),
        ("全党全军全国各族人民团结起来。", []),
        # long clauses whose first character opens different nouns share no head (上游/上半年/上市);
        # verbs with a shared first character do (加强/加快/加大)
        ("上游企业的订单数量比去年明显增加，上半年全市出口总额增长较快，上市公司数量和融资规模也有所增加。", []),
        ("加强基层组织建设和干部队伍建设，加快乡村特色产业发展和农民增收，加大生态保护和环境治理力度。",
         [("加强基层组织建设和干部队伍建设，加快乡村特色产业发展和农民增收，加大生态保护和环境治理力度", "parallelism", "加_")]),
        # a head two members share as a word (坚持) ends the run where the next holds only its first character
        ("必须坚持独立自主的外交方针，坚持走和平发展的道路，坚决反对一切形式的霸权主义。",
         [("坚持独立自主的外交方针，坚持走和平发展的道路", "antithesis", "坚持_")]),
        # a catch-all (其他…) closes a list and is no member
        ("继续推进经济体制改革、政治体制改革以及其他各领域的改革。", [("经济体制改革、政治体制改革", "antithesis", "_体制改革")]),
        # verb + 了 clauses, the last after an adverb with 地
        ("这些措施加强了工农联盟，激发了农民的积极性，有力地促进了生产的发展。",
         [("加强了工农联盟，激发了农民的积极性，有力地促进了生产的发展", "parallelism", "V了_")]),
        # subject-predicate members after a lead-in (民兵要做到|…); prepositions opening every member
        ("民兵要做到政治合格，军事过硬，作风优良，纪律严明。",
         [("政治合格，军事过硬，作风优良，纪律严明", "parallelism", "N+V")]),
        ("党员干部要做到对党忠诚、为党分忧、为党尽责。", [("对党忠诚、为党分忧、为党尽责", "parallelism", "_党_")]),
        # a preposition that governs the whole list stays out of the first member
        ("加深了对共产党执政规律、社会主义建设规律、人类社会发展规律的认识。",
         [("共产党执政规律、社会主义建设规律、人类社会发展规律", "parallelism", "_规律")]),
        # verb-object members of up to ten characters
        ("要开展国防教育，增强全民国防观念，做好民兵预备役工作。",
         [("开展国防教育，增强全民国防观念，做好民兵预备役工作", "parallelism", "V+O")]),
        # a clause that does not go on a run may open the next one; a lead-in verb (有利于) stays out
        ("正因为我们坚定地执行了这些原则，新中国在世界上赢得了信誉，赢得了朋友，保持了自己的尊严。",
         [("赢得了信誉，赢得了朋友，保持了自己的尊严", "parallelism", "V了_")]),
        ("这有利于稳预期、稳增长、调结构。", [("稳预期、稳增长、调结构", "parallelism", "V+O")]),
        # whole items with a conjunction inside, where the split items make no run of three; and a last
        # member after 也 (是…，是…，也是…)
        ("工农之间、积累和消费之间、集体利益和个人利益之间、眼前利益和长远利益之间的关系都要兼顾。",
         [("工农之间、积累和消费之间、集体利益和个人利益之间、眼前利益和长远利益之间", "parallelism", "_之间")]),
        ("创新是一个民族进步的灵魂，是一个国家兴旺发达的动力，也是一个政党永葆生机的源泉。",
         [("是一个民族进步的灵魂，是一个国家兴旺发达的动力，也是一个政党永葆生机的源泉", "parallelism", "是一个_")]),
        # a head character shared by different words, two of them the same word, is no head of three
        # (and the unbalanced pair 坚持…，坚持… is no antithesis)
        ("坚定不移走中国特色社会主义政治发展道路，坚持党的领导和依法治国有机统一，坚持人民主体地位。", []),
    ],
)
def test_figures(nlp, text, expected):
    assert figures(nlp(text)) == expected


def test_numbered_items_sharing_a_frame_are_also_parallelism_each_with_its_own_frame(nlp):
    doc = nlp("一是在思想认识上，打牢理论根基；二是在工作作风上，坚持真抓实干；三是在制度建设上，扎紧制度笼子。")
    members = [(0, 15), (16, 31), (32, 47)]
    assert [(s.label_, s._.xiuci_frame, s._.xiuci_members) for s in doc.spans["parallelism"]] == [
        ("enumeration", "一是_；二是_…", members),
        ("parallelism", "_在_上，_", members),  # 在_上 in the first clause: stop characters count once markers align the items
    ]
    # items with nothing shared after their markers stay an enumeration only
    doc = nlp("一是加强理论学习；二是改进工作作风；三是完善制度建设。")
    assert [s.label_ for s in doc.spans["parallelism"]] == ["enumeration"]


def test_members_are_recorded_as_offsets(nlp):
    doc = nlp("要靠工作、靠实绩、靠人品。")
    [span] = doc.spans["parallelism"]
    assert [doc.text[a:b] for a, b in span._.xiuci_members] == ["靠工作", "靠实绩", "靠人品"]


def test_two_members_are_never_parallelism(nlp):
    doc = nlp("广大干部要敢担当、善作为，敢于容错，善于纠错。")
    assert all(s.label_ != "parallelism" for s in doc.spans["parallelism"])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="新时代担当作为苦干实巧，a\n", max_size=120))
@example("新时代新担当新作为")
@example("苦干实干巧干")
@example("新新新新新新新新新新")
def test_repetition_search_finds_what_the_regexes_find(text):
    found = repetition_matches(text)
    for pattern in (REPEAT_HEAD, REPEAT_TAIL):
        assert [m.span() for m in found[pattern]] == [m.span() for m in pattern.finditer(text)]


def test_numbered_items_in_one_sentence_end_before_the_next_marker(nlp):
    doc = nlp("当前的困难，一是资金不足，二是人才短缺，三是技术落后。")
    assert [(s.label_, [doc.text[a:b] for a, b in s._.xiuci_members]) for s in doc.spans["parallelism"] if s.label_ == "enumeration"] == [
        ("enumeration", ["一是资金不足", "二是人才短缺", "三是技术落后"])
    ]
    # ordinals with nothing between them number no items
    doc = nlp("第一、第二、第三产业的结构都需要调整。")
    assert [s.label_ for s in doc.spans["parallelism"]] == []


def test_sentences_after_a_lead_in_start_where_the_next_sentence_has_as_many_clauses(nlp):
    doc = nlp("我们必须坚持一手抓生产发展，一手抓生态保护；一手抓城市建设，一手抓乡村振兴；一手抓对外开放，一手抓风险防范。")
    runs = [s for s in doc.spans["parallelism"] if s.label_ == "parallelism"]
    assert [(s._.xiuci_frame, [doc.text[a:b] for a, b in s._.xiuci_members]) for s in runs] == [
        ("一手抓_，一手抓_", ["一手抓生产发展，一手抓生态保护", "一手抓城市建设，一手抓乡村振兴", "一手抓对外开放，一手抓风险防范"])
    ]

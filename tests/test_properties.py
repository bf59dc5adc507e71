"""Annotation never crashes on arbitrary text, and every span's offsets point at its text."""
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pipeline import doc_to_record

TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
        st.sampled_from(list("，。；、：！？“”要必须坚决不能决不靠工作实绩攻坚克难一是二是三是\n\r\t\x00\x0b　")),
    ),
    max_size=300,
)


def check(nlp, text):
    from pipeline.io.readers import normalise

    doc = nlp(normalise(text))
    record = doc_to_record(doc, "prop")
    for p in record["paragraphs"]:
        for s in p["spans"]:
            assert 0 <= s["start"] < s["end"] <= len(p["text"])
            assert p["text"][s["start"] : s["end"]] == s["text"]
            for a, b in s.get("members", []):
                assert s["start"] <= a < b <= s["end"]


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(TEXT)
def test_arbitrary_text(nlp, text):
    check(nlp, text)


@settings(max_examples=20, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@example(["靠工作", "，", "。", "，"])  # an empty clause after a comma once broke frame finding
@given(st.lists(st.sampled_from(["靠工作", "靠实绩", "、", "，", "要坚持", "必须", "一是", "；二是", "Hello", "2024年", "。", "\n"]), max_size=60))
def test_mixed_scripts_and_figures(nlp, parts):
    check(nlp, "".join(parts))


def test_one_megabyte_line_without_punctuation(nlp):
    check(nlp, "攻坚克难真抓实干要靠工作靠实绩" * 70000)

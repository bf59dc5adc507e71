"""The fast n-gram TF-IDF transform equals scikit-learn's vectorizer on the same vocabulary."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.classify.sentences import vectorizer
from pipeline.classify.ngrams import CharNgramTfidf, KeyTable

TRAIN = [
    "要坚持稳中求进工作总基调，推动经济实现质的有效提升和量的合理增长。",
    "一些地方形式主义、官僚主义问题仍然突出，群众反映强烈。",
    "全年国内生产总值增长5.2%，城镇新增就业1244万人。",
    "同志们，让我们更加紧密地团结起来！  Thank You",
]


@pytest.fixture(scope="module", params=[(1, 2), (1, 3), (2, 2)])
def fitted(request):
    lo, hi = request.param
    sk = vectorizer({"ngram_min": lo, "ngram_max": hi, "min_df": 1}).fit(TRAIN)
    fast = CharNgramTfidf(sorted(sk.vocabulary_, key=sk.vocabulary_.get), sk.idf_, lo, hi)
    return sk, fast


def assert_same(sk, fast, texts):
    expected, got = sk.transform(texts), fast.transform(texts)
    assert got.shape == expected.shape
    np.testing.assert_allclose(got.toarray(), expected.toarray(), rtol=1e-12, atol=1e-15)


def test_equal_on_known_text(fitted):
    assert_same(*fitted, TRAIN + ["", "增长", "推动  经济\t\n增长 THANK"])


def test_unknown_grams_only_give_an_empty_row(fitted):
    _, fast = fitted
    assert fast.transform(["ξψω"]).nnz == 0


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.lists(st.text(alphabet=st.sampled_from(list("要坚持增长5.2%，。 \t\nAaΣσ一些地方")), max_size=40), min_size=1, max_size=5))
def test_equal_on_arbitrary_text(texts):
    sk = vectorizer({"ngram_min": 1, "ngram_max": 2, "min_df": 1}).fit(TRAIN)
    fast = CharNgramTfidf(sorted(sk.vocabulary_, key=sk.vocabulary_.get), sk.idf_, 1, 2)
    assert_same(sk, fast, texts)


def test_key_table_finds_every_key_and_only_those_keys():
    rng = np.random.default_rng(0)
    keys = np.unique(rng.integers(1, 1 << 62, 5000, dtype=np.int64)).astype(np.uint64)
    crowded = np.arange(1, 200, dtype=np.uint64) << np.uint64(50)  # keys that share their low bits
    keys = np.concatenate([keys, crowded])
    table = KeyTable(keys, np.arange(len(keys)))
    np.testing.assert_array_equal(table.get(keys), np.arange(len(keys)))
    absent = np.array([7, 9, 201 << 50], dtype=np.uint64)
    assert set(table.get(absent)) == {-1} and not set(absent.tolist()) & set(keys.tolist())

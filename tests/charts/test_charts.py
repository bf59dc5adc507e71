"""Charts from real annotation records: every figure kind renders without a warning (so no missing
glyph), the PDF embeds the CJK font, and each CSV table agrees with counts taken here from the records."""
from __future__ import annotations

import collections
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from pipeline.charts import FIGURES, plot
from pipeline.charts import data as chart_data
from pipeline.errors import XiuciError
from pipeline.records import PARAGRAPH_LABELS

CATS = {
    "chengyu": ("idiom", "chengyu"), "formula": ("idiom", "formula"),
    "obligation": ("exhortation", "obligation"), "prohibition": ("exhortation", "prohibition"),
    "resolve": ("exhortation", "resolve"), "appeal": ("exhortation", "appeal"),
    "parallelism": ("parallelism", None),
}


def n_spans(paragraph: dict, cat: str) -> int:
    t, label = CATS[cat]
    return sum(s["type"] == t and (label is None or s["label"] == label) for s in paragraph["spans"])


def body(record: dict) -> list[dict]:
    return [p for p in record["paragraphs"] if not p["heading"]]


def read_csv(path: Path) -> pd.DataFrame:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{path.name} has no UTF-8 BOM"
    return pd.read_csv(path, encoding="utf-8-sig", keep_default_na=False, na_values=[""])


def meta_years(meta: Path | None, records: list[dict]) -> dict[str, float]:
    if meta is None:
        return {}
    table = pd.read_csv(meta, sep="\t" if meta.suffix == ".tsv" else ",", dtype=str, encoding="utf-8-sig")
    years = dict(zip(table["file"], table["year"]))
    return {r["speech"]: float(years[Path(r["source"]).name]) for r in records if Path(r["source"]).name in years}


@pytest.fixture(scope="module")
def rendered(chart_input, tmp_path_factory):
    """All figures, all formats, Chinese, with metadata (so trends are drawn), warnings as errors."""
    annotations, meta, records = chart_input
    out = tmp_path_factory.mktemp("figures")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        files = plot([annotations], out, formats=("pdf", "svg", "png"), lang="zh", meta=meta, by="speech")
    return out, files, records, meta


def test_every_figure_in_every_format_with_its_table_and_index(rendered):
    out, files, records, meta = rendered
    expected = {f"{name}.{ext}" for name in FIGURES for ext in ("pdf", "svg", "png", "csv")}
    if meta is None:
        expected = {f for f in expected if not f.startswith("trends")}
    assert {f.name for f in files} == expected | {"index.html"}
    assert all(f.stat().st_size > 0 for f in files)
    index = (out / "index.html").read_text(encoding="utf-8")
    for f in files:
        if f.suffix in (".png", ".csv", ".pdf", ".svg"):
            assert f"'{f.name}'" in index


def test_pdf_embeds_the_cjk_font_and_png_is_300_dpi(rendered):
    from PIL import Image

    out, files, _, _ = rendered
    for pdf in [f for f in files if f.suffix == ".pdf"]:
        raw = pdf.read_bytes()
        assert b"NotoSansCJKsc" in raw, pdf.name
        assert b"/FontFile" in raw, f"{pdf.name}: font not embedded"
        assert b"/Type3" not in raw.replace(b" ", b"")
    for png in [f for f in files if f.suffix == ".png"]:
        with Image.open(png) as im:
            assert im.info["dpi"][0] == pytest.approx(300, abs=1), png.name
    svg = (out / "composition.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg


def test_composition_table_matches_records(rendered):
    out, _, records, _ = rendered
    table = read_csv(out / "composition.csv").set_index("group")
    assert list(table.index) == [r["speech"] for r in records]  # default order: input order
    for r in records:
        labels = collections.Counter(p["label"] for p in body(r))
        row = table.loc[r["speech"]]
        assert row["paragraphs"] == len(body(r))
        for label in PARAGRAPH_LABELS:
            assert row[f"n_{label}"] == labels[label]
            assert row[f"share_{label}"] == pytest.approx(labels[label] / len(body(r)), abs=1e-6)


def test_arc_table_matches_records(rendered):
    out, _, records, _ = rendered
    table = read_csv(out / "arc.csv")
    for r in records:
        rows = table[table["speech"] == r["speech"]]
        assert len(rows) == len(r["paragraphs"])
        assert rows["chars"].tolist() == [len(p["text"]) for p in r["paragraphs"]]
        assert rows["heading"].astype(bool).tolist() == [p["heading"] for p in r["paragraphs"]]
        assert rows["x1"].iloc[-1] == pytest.approx(1.0) and rows["x0"].iloc[0] == 0
        assert (rows["label"] == "heading").sum() == sum(p["heading"] for p in r["paragraphs"])


def test_position_table_matches_records(rendered):
    out, _, records, _ = rendered
    table = read_csv(out / "position.csv")
    counts = collections.Counter()
    for r in records:
        for p in body(r):
            if p["label"] and p["position"] is not None:
                counts[(min(int(p["position"] * 10), 9), p["label"])] += 1
    for _, row in table.iterrows():
        d, label = int(row["decile"]), row["label"]
        n_decile = sum(counts[(d, lab)] for lab in PARAGRAPH_LABELS)
        assert row["n"] == counts[(d, label)]
        assert row["n_decile"] == n_decile
        if n_decile:
            assert row["share"] == pytest.approx(counts[(d, label)] / n_decile, abs=1e-6)
            if not np.isnan(row["ci_low"]):
                assert row["ci_low"] - 1e-9 <= row["share"] <= row["ci_high"] + 1e-9


def test_density_table_matches_records(rendered):
    out, _, records, _ = rendered
    table = read_csv(out / "density.csv")
    for r in records:
        chars = sum(len(p["text"]) for p in body(r))
        for cat in CATS:
            row = table[(table["level"] == "speech") & (table["speech"] == r["speech"]) & (table["category"] == cat)]
            count = sum(n_spans(p, cat) for p in body(r))
            assert row["count"].item() == count and row["chars"].item() == chars
            assert row["per_1000"].item() == pytest.approx(count / chars * 1000, abs=1e-5)
            for label in PARAGRAPH_LABELS:
                ps = [p for p in body(r) if p["label"] == label]
                row = table[(table["level"] == "label") & (table["speech"] == r["speech"])
                            & (table["label"] == label) & (table["category"] == cat)]
                if not ps:
                    assert row.empty
                    continue
                assert row["count"].item() == sum(n_spans(p, cat) for p in ps)
                assert row["chars"].item() == sum(len(p["text"]) for p in ps)


def test_trends_table_matches_records(rendered):
    out, _, records, meta = rendered
    if meta is None:
        pytest.skip("no metadata table for these speeches")
    years = meta_years(meta, records)
    table = read_csv(out / "trends.csv")
    assert sorted(table["time"].unique()) == sorted(set(years.values()))
    for year in set(years.values()):
        ps = [p for r in records if years.get(r["speech"]) == year for p in body(r)]
        labelled = [p for p in ps if p["label"]]
        chars = sum(len(p["text"]) for p in ps)
        at = table[table["time"] == year].set_index(["measure", "key"])
        for label in PARAGRAPH_LABELS:
            n = sum(p["label"] == label for p in labelled)
            assert at.loc[("share", label), "count"] == n and at.loc[("share", label), "base"] == len(labelled)
            assert at.loc[("share", label), "value"] == pytest.approx(n / len(labelled), abs=1e-6)
        for cat in CATS:
            n = sum(n_spans(p, cat) for p in ps)
            assert at.loc[("density", cat), "count"] == n and at.loc[("density", cat), "base"] == chars
        idioms = sum(n_spans(p, "chengyu") + n_spans(p, "formula") for p in ps)
        assert at.loc[("density", "idiom"), "value"] == pytest.approx(idioms / chars * 1000, abs=1e-5)


def test_grouped_english_without_time_skips_trends_with_a_note(chart_input, tmp_path):
    """by = a metadata column keyed by speech stem; no year/date → trends skipped, said in index.html."""
    annotations, _, records = chart_input
    meta = tmp_path / "META.csv"
    genres = ["alpha", "beta"]
    meta.write_text("speech,genre\n" + "".join(f"{r['speech']},{genres[i % 2]}\n" for i, r in enumerate(records)),
                    encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        files = plot([annotations], tmp_path / "out", formats=("svg",), lang="en", meta=meta, by="genre",
                     order="-measure")
    names = {f.name for f in files}
    assert "trends.svg" not in names and "composition.svg" in names and "density.svg" in names
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "trends" in index and "no year or date column" in index
    table = read_csv(tmp_path / "out" / "composition.csv")
    assert sorted(table["group"]) == sorted(set(genres[: len(records)]))
    for g in table["group"]:
        members = [r for i, r in enumerate(records) if genres[i % 2] == g]
        row = table[table["group"] == g].iloc[0]
        assert row["speeches"] == len(members)
        assert row["n_measure"] == sum(p["label"] == "measure" for r in members for p in body(r))


def test_unknown_grouping_column_lists_the_available_ones(chart_input, tmp_path):
    annotations, meta, _ = chart_input
    with pytest.raises(XiuciError) as err:
        plot([annotations], tmp_path / "out", meta=meta, by="no_such_column")
    assert "no_such_column" in str(err.value) and "speech" in str(err.value)
    if meta is not None:
        assert "year" in str(err.value)
    assert not (tmp_path / "out").exists()


def test_unknown_order_key_and_format_are_errors(chart_input, tmp_path):
    annotations, _, _ = chart_input
    with pytest.raises(XiuciError, match="order key"):
        plot([annotations], tmp_path / "out", order="nonsense")
    with pytest.raises(XiuciError, match="format"):
        plot([annotations], tmp_path / "out", formats=("jpg",))


def test_malformed_annotations_name_file_and_line(chart_input, tmp_path):
    annotations, _, _ = chart_input
    first = annotations.read_text(encoding="utf-8").splitlines()[0]
    bad = tmp_path / "bad.jsonl"
    bad.write_text(first + "\n{\"speech\": \"x\", \"paragraphs\": [\n", encoding="utf-8")
    with pytest.raises(XiuciError, match=r"bad\.jsonl:2:"):
        plot([bad], tmp_path / "out")
    not_record = tmp_path / "list.jsonl"
    not_record.write_text(first + "\n" + first + "\n[1, 2]\n", encoding="utf-8")
    with pytest.raises(XiuciError, match=r"list\.jsonl:3:"):
        plot([not_record], tmp_path / "out")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("content", ["", "\n\n"])
def test_empty_annotations_file_is_an_error_naming_it(tmp_path, content):
    empty = tmp_path / "empty.jsonl"
    empty.write_text(content, encoding="utf-8")
    with pytest.raises(XiuciError, match=r"empty\.jsonl: empty"):
        plot([empty], tmp_path / "out")


def test_metadata_without_key_column_is_an_error(chart_input, tmp_path):
    annotations, _, _ = chart_input
    meta = tmp_path / "META.csv"
    meta.write_text("name,year\na,2020\n", encoding="utf-8")
    with pytest.raises(XiuciError, match=r"META\.csv: .*'file' or 'speech'"):
        plot([annotations], tmp_path / "out", meta=meta)


def test_bootstrap_is_seeded(chart_input):
    annotations, meta, _ = chart_input
    d = chart_data.load([annotations], meta)
    a = chart_data.position_table(d, np.random.default_rng([7, 3]), n_boot=200)
    b = chart_data.position_table(d, np.random.default_rng([7, 3]), n_boot=200)
    pd.testing.assert_frame_equal(a, b)
    assert a["ci_low"].notna().any()

"""`xiuci annotate` end to end on real text: outputs, schema, errors and resuming."""
import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SPEECH = """在全县干部作风建设大会上的讲话
同志们：
刚才，几位同志作了很好的发言，我都赞成。
一、充分认识作风建设的重要性
一些干部还存在不担当、不作为的问题，有的干部遇到困难绕着走。对于这些问题决不能掉以轻心，必须坚决纠正。
各级领导干部要靠工作、靠实绩、靠人品、靠公认，真抓实干，攻坚克难。
"""


def run(*args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "pipeline.cli", *map(str, args)], input=stdin, capture_output=True, cwd=ROOT
    )


@pytest.fixture(scope="module")
def annotated(tmp_path_factory):
    src = tmp_path_factory.mktemp("in")
    (src / "zuofeng.txt").write_text(SPEECH, encoding="utf-8")
    (src / "gbk.txt").write_bytes("各位代表：\n我们要坚持稳中求进。\n".encode("gbk"))
    out = tmp_path_factory.mktemp("out")
    result = run("annotate", src, "--out", out)
    assert result.returncode == 0, result.stderr.decode()
    return out


def test_outputs_exist(annotated):
    names = sorted(p.name for p in annotated.iterdir())
    assert names == ["annotations.jsonl", "errors.jsonl", "gbk.html", "paragraphs.csv", "paragraphs.parquet", "zuofeng.html"]


def test_jsonl_schema(annotated):
    records = {r["speech"]: r for r in map(json.loads, (annotated / "annotations.jsonl").read_text(encoding="utf-8").splitlines())}
    assert records["gbk"]["encoding"] == "gb18030"
    rec = records["zuofeng"]
    assert set(rec) >= {"speech", "source", "encoding", "paragraphs"}
    paras = rec["paragraphs"]
    assert [(p["line"], p["heading"]) for p in paras] == [(0, True), (1, True), (2, False), (3, True), (4, False), (5, False)]
    for p in paras:
        assert set(p) >= {"index", "line", "text", "heading", "label", "scores", "spans"}
        assert p["text"] == SPEECH.splitlines()[p["line"]]
        for s in p["spans"]:
            assert p["text"][s["start"] : s["end"]] == s["text"]
            assert s["type"] in {"parallelism", "idiom", "exhortation"}
    spans = {(s["type"], s["label"], s["text"]) for s in paras[4]["spans"] + paras[5]["spans"]}
    assert ("exhortation", "prohibition", "决不能掉以轻心") in spans
    assert ("exhortation", "obligation", "必须坚决纠正") in spans
    assert ("idiom", "chengyu", "掉以轻心") in spans
    assert ("idiom", "formula", "攻坚克难") in spans
    par = next(s for s in paras[5]["spans"] if s["type"] == "parallelism")
    assert (par["text"], par["label"], par["frame"]) == ("靠工作、靠实绩、靠人品、靠公认", "parallelism", "靠_")
    assert par["members"] == [[7, 10], [11, 14], [15, 18], [19, 22]]


def test_csv_opens_in_excel_and_matches_jsonl(annotated):
    raw = (annotated / "paragraphs.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert len(rows) == 6 + 2
    row = next(r for r in rows if r["speech"] == "zuofeng" and r["line"] == "5")
    assert (row["n_parallelism"], row["n_idiom"], row["n_exhortation"]) == ("1", "2", "1")


def test_parquet_matches_csv(annotated):
    import pandas as pd

    df = pd.read_parquet(annotated / "paragraphs.parquet")
    assert len(df) == 8 and df["heading"].dtype == bool


def test_html_shows_spans(annotated):
    page = (annotated / "zuofeng.html").read_text(encoding="utf-8")
    assert "决不能掉以轻心" not in page or "prohibition" in page
    assert "formula" in page and "parallelism" in page


def test_stdin(tmp_path):
    result = run("annotate", "-", "--out", tmp_path / "o", stdin="各位代表：\n我们要坚持稳中求进。\n".encode("gb18030"))
    assert result.returncode == 0, result.stderr.decode()
    rec = json.loads((tmp_path / "o" / "annotations.jsonl").read_text(encoding="utf-8"))
    assert (rec["speech"], rec["encoding"]) == ("stdin", "gb18030")


@pytest.mark.parametrize(
    "name, content",
    [("binary.txt", bytes(range(256)) * 8), ("empty.txt", b""), ("slides.pdf", b"%PDF"), ("missing.txt", None)],
)
def test_bad_input_one_line_error_exit_2_no_output(tmp_path, name, content):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    out = tmp_path / "out"
    result = run("annotate", path, "--out", out)
    assert result.returncode == 2
    assert len(result.stderr.decode().strip().splitlines()) == 1
    assert "Traceback" not in result.stderr.decode()
    assert not out.exists()


def test_unreadable_path(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root can read any file")
    path = tmp_path / "locked.txt"
    path.write_text("我们要坚持。")
    path.chmod(0)
    result = run("annotate", path, "--out", tmp_path / "out")
    assert result.returncode == 2 and not (tmp_path / "out").exists()

"""Corpus runs: Dask and multiprocessing give the same records, a killed run resumes cleanly, bad files
are reported without stopping the run, metadata reaches every row."""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))


def run(*args, **kw):
    return subprocess.run([sys.executable, "-m", "pipeline.cli", *map(str, args)], capture_output=True, text=True, cwd=ROOT, **kw)


def sorted_lines(path: Path) -> list[str]:
    return sorted(path.read_text(encoding="utf-8").splitlines())


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Ten speeches of ~8,000 characters made from the example speeches."""
    folder = tmp_path_factory.mktemp("corpus")
    texts = [p.read_text(encoding="utf-8") for p in EXAMPLES]
    for i in range(10):
        body = "\n".join(texts[(i + k) % len(texts)] for k in range(4))
        (folder / f"speech{i:02d}.txt").write_text(f"第{i + 1}号讲话\n{body}", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def single(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("single")
    result = run("annotate", corpus, "--out", out, "--no-html")
    assert result.returncode == 0, result.stderr
    return out / "annotations.jsonl"


def test_dask_local_cluster_matches_single_process(corpus, single, tmp_path):
    result = run("annotate", corpus, "--out", tmp_path, "--dask", "local:2", "--no-html")
    assert result.returncode == 0, result.stderr
    assert sorted_lines(tmp_path / "annotations.jsonl") == sorted_lines(single)


def test_two_processes_match_single_process(corpus, single, tmp_path):
    result = run("annotate", corpus, "--out", tmp_path, "--n-process", "2", "--no-html")
    assert result.returncode == 0, result.stderr
    assert sorted_lines(tmp_path / "annotations.jsonl") == sorted_lines(single)


def test_killed_run_resumes_to_the_same_output(corpus, single, tmp_path):
    cmd = [sys.executable, "-m", "pipeline.cli", "annotate", str(corpus), "--out", str(tmp_path), "--no-html"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    target = tmp_path / "annotations.jsonl"
    deadline = time.time() + 120
    while time.time() < deadline and (not target.exists() or target.read_text(encoding="utf-8").count("\n") < 2):
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done = target.read_text(encoding="utf-8").count("\n")
    assert 2 <= done < 10, "the run must be killed mid-way"
    result = run("annotate", corpus, "--out", tmp_path, "--no-html")
    assert result.returncode == 0, result.stderr
    assert f"{10 - done} speeches annotated, {done} already done" in result.stderr
    lines = sorted_lines(target)
    assert lines == sorted_lines(single)
    assert len({json.loads(line)["source"] for line in lines}) == 10


def test_bad_files_are_reported_and_the_rest_annotated(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_bytes("同志们：\n我们要坚持稳中求进。\n".encode("gb18030"))
    (src / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (src / "empty.txt").write_bytes(b"")
    result = run("annotate", src, "--out", tmp_path / "out")
    assert result.returncode == 2
    records = [json.loads(line) for line in (tmp_path / "out" / "annotations.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(r["speech"], r["encoding"]) for r in records] == [("good", "gb18030")]
    errors = [json.loads(line) for line in (tmp_path / "out" / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted((Path(e["source"]).name, e["error"][:15]) for e in errors) == [("binary.txt", "not a text file"), ("empty.txt", "the file is emp")]


def test_metadata_reaches_every_row(tmp_path):
    import pandas as pd

    result = run("annotate", ROOT / "examples", "--out", tmp_path, "--meta", ROOT / "examples" / "meta.csv", "--no-html")
    assert result.returncode == 0, result.stderr
    table = pd.read_parquet(tmp_path / "paragraphs.parquet")
    meta = pd.read_csv(ROOT / "examples" / "meta.csv")
    years = dict(zip(meta["file"].str.replace(".txt", "", regex=False), meta["year"].astype(str)))
    assert table["year"].notna().all()
    assert (table["year"] == table["speech"].map(years)).all()
    csv = pd.read_csv(tmp_path / "paragraphs.csv", encoding="utf-8-sig")
    assert list(csv.columns) == list(table.columns) and len(csv) == len(table)


def worker_pids(parent: int) -> list[int]:
    """Children of a process that carry its command line (forked workers, not a resource tracker)."""
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            cmdline = (stat.parent / "cmdline").read_bytes()
        except OSError:
            continue
        if int(fields[1]) == parent and b"pipeline.cli" in cmdline:
            pids.append(int(stat.parent.name))
    return sorted(pids)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds the worker processes through /proc (Linux)")
def test_a_killed_worker_ends_the_run_with_a_message(corpus, tmp_path):
    cmd = [sys.executable, "-m", "pipeline.cli", "annotate", str(corpus), "--out", str(tmp_path), "--no-html", "--n-process", "2"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    workers: list[str] = []
    deadline = time.time() + 120
    while time.time() < deadline and len(workers) < 2:
        time.sleep(0.1)
        workers = worker_pids(proc.pid)
    assert workers, "the run must start its workers"
    os.kill(workers[-1], signal.SIGKILL)
    _, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 2
    assert "a worker process died" in stderr and "Traceback" not in stderr
    target = tmp_path / "annotations.jsonl"
    lines = target.read_text(encoding="utf-8").splitlines() if target.exists() else []
    assert all(json.loads(line)["paragraphs"] for line in lines)  # only whole records

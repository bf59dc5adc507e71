"""`xiuci train`, `evaluate` and `suggest` on the team's speeches."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*args):
    return subprocess.run([sys.executable, "-m", "pipeline.cli", *map(str, args)], capture_output=True, text=True, cwd=ROOT)


def test_train_cv_then_evaluate_and_suggest(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    for f in sorted((ROOT / "data" / "train").glob("*.jsonl"))[::10]:
        (data / f.name).write_bytes(f.read_bytes())
    result = run("train", data, "--out", tmp_path / "m", "--cv", "3")
    assert result.returncode == 0, result.stderr
    assert "3-fold cross-validation, folds grouped by speech" in result.stdout and "macro-F1" in result.stdout
    assert sorted(p.name for p in (tmp_path / "m").iterdir()) == ["arrays.npz", "confusion.png", "metrics.json", "model.json"]
    metrics = json.loads((tmp_path / "m" / "metrics.json").read_text())
    assert set(metrics["per_label"]) == {"diagnosis", "measure", "result", "other"}

    result = run("evaluate", ROOT / "examples" / "labels.jsonl", "--model", tmp_path / "m")
    assert result.returncode == 0, result.stderr
    assert "evaluation of" in result.stdout and "confusion" in result.stdout

    result = run("suggest", ROOT / "examples", "--model", tmp_path / "m", "--n", "5", "--out", tmp_path / "s.jsonl")
    assert result.returncode == 0, result.stderr
    tasks = [json.loads(line) for line in (tmp_path / "s.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(tasks) == 5 and all(t["label"] == [] and t["text"] for t in tasks)
    margins = [t["margin"] for t in tasks]
    assert margins == sorted(margins)
    studio = json.loads((tmp_path / "s.labelstudio.json").read_text(encoding="utf-8"))
    assert [t["data"]["text"] for t in studio] == [t["text"] for t in tasks]


def test_train_refuses_bad_rows(tmp_path):
    (tmp_path / "bad.csv").write_text("text,label\n我们要坚持稳中求进工作总基调，推动发展。,measurement\n", encoding="utf-8")
    result = run("train", tmp_path / "bad.csv", "--out", tmp_path / "m")
    assert result.returncode == 2 and "unknown label 'measurement'" in result.stderr
    assert not (tmp_path / "m").exists()

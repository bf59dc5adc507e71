"""The team-written training speeches pass scripts/check_train.py: schema, labels, duplicates, and no
sentence copied from the real corpus (which is why these tests need ../shared)."""
import json
import subprocess
import sys

from tests.conftest import ROOT, SHARED, needs_shared

CHECK = ROOT / "scripts" / "check_train.py"


def run_check(*paths):
    return subprocess.run([sys.executable, str(CHECK), *map(str, paths)], capture_output=True, text=True, encoding="utf-8")


@needs_shared
def test_training_speeches_pass_the_check():
    result = run_check()
    assert result.returncode == 0, result.stdout[-2000:]
    assert "ERROR" not in result.stdout


@needs_shared
def test_a_sentence_copied_from_the_corpus_is_an_error(tmp_path):
    text = (SHARED / "corpus" / "gwr_national_2019.txt").read_text(encoding="utf-8")
    sentence = next(s for s in text.replace("\n", "。").split("。") if len(s) >= 30 and "；" not in s and "！" not in s)
    rows = [{"speech": "s", "genre": "gwr_city", "index": 0, "text": "本市工作报告", "heading": True, "label": None},
            {"speech": "s", "genre": "gwr_city", "index": 1, "text": f"我们要把各项工作抓紧抓实。{sentence}。", "heading": False, "label": "measure"}]
    path = tmp_path / "copy.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    result = run_check(path)
    assert result.returncode == 1
    assert "copy.jsonl:2: copies a corpus sentence" in result.stdout

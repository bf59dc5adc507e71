"""A saved pipeline is small (no pkuseg weights inside) and loads with plain spacy.load."""
import json
import subprocess
import sys

TEXT = "同志们：\n各级干部要靠工作、靠实绩、靠人品，真抓实干，决不能掉以轻心，必须坚决纠正。"


def spans(doc):
    return sorted((k, s.start_char, s.end_char, s.label_) for k in ("idiom", "parallelism", "exhortation", "heading") for s in doc.spans[k])


def test_round_trip_without_pkuseg_weights(nlp, tmp_path):
    path = tmp_path / "xiuci-model"
    nlp.to_disk(path)
    size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    assert size < 20 * 1024 * 1024
    assert not list(path.rglob("weights.npz")) and not list(path.rglob("features*"))
    code = (
        "import json, sys, spacy\n"
        f"nlp = spacy.load({str(path)!r})\n"
        f"doc = nlp({TEXT!r})\n"
        "print(json.dumps(sorted([k, s.start_char, s.end_char, s.label_] for k in ('idiom','parallelism','exhortation','heading') for s in doc.spans[k])))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert [tuple(x) for x in json.loads(out)] == spans(nlp(TEXT))


def test_pipeline_pickles_for_worker_processes(nlp):
    import pickle

    clone = pickle.loads(pickle.dumps(nlp))
    assert spans(clone(TEXT)) == spans(nlp(TEXT))

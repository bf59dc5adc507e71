"""Active learning: the paragraphs a model is least sure about, as tasks doccano and Label Studio import."""
from __future__ import annotations

import json
from pathlib import Path

from ..io.atomic import write_text
from ..records import doc_to_record


def least_certain(nlp, speeches, n: int) -> list[dict]:
    """The `n` body paragraphs with the smallest gap between their two most probable labels."""
    candidates = []
    docs = nlp.pipe(((s.text, s) for s in speeches), as_tuples=True, batch_size=4)
    for doc, speech in docs:
        for p in doc_to_record(doc, speech.name, speech.source)["paragraphs"]:
            if p["heading"] or not p["scores"]:
                continue
            top = sorted(p["scores"].values(), reverse=True)
            candidates.append((top[0] - top[1], speech, p))
    candidates.sort(key=lambda c: (c[0], c[1].name, c[2]["line"]))
    return [
        {"text": p["text"], "label": [], "speech": speech.name, "source": speech.source, "line": p["line"],
         "predicted": p["label"], "scores": p["scores"], "margin": round(margin, 4)}
        for margin, speech, p in candidates[:n]
    ]


def write_tasks(tasks: list[dict], out: Path) -> list[Path]:
    """OUT (doccano JSONL: text, empty label list, the rest as metadata) and OUT.labelstudio.json."""
    write_text(out, "".join(json.dumps(t, ensure_ascii=False) + "\n" for t in tasks))
    studio = out.with_name(out.stem + ".labelstudio.json")
    write_text(studio, json.dumps([{"data": {k: v for k, v in t.items() if k != "label"}} for t in tasks], ensure_ascii=False, indent=1))
    return [out, studio]

"""The annotated HTML view of one speech: displaCy's span visualiser, one block per paragraph."""
from __future__ import annotations

import html

from spacy import displacy

from ..records import PARAGRAPH_LABELS, SPAN_LABELS

# Okabe-Ito colours (colour-blind safe), one per paragraph label, shared with the charts.
LABEL_COLORS = {"diagnosis": "#D55E00", "measure": "#0072B2", "result": "#009E73", "other": "#999999"}
SPAN_COLORS = {
    "parallelism": "#E69F00", "antithesis": "#F0E442", "enumeration": "#CC79A7",
    "chengyu": "#56B4E9", "formula": "#9ad0f0",
    "obligation": "#fdb863", "prohibition": "#e66101", "resolve": "#b2abd2", "appeal": "#5e3c99",
}
STYLE = """<style>
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;max-width:60em;margin:2em auto;line-height:1.6}
.para{border-left:6px solid #ccc;padding:.2em 1em;margin:.8em 0}
.heading{font-weight:bold;border-left:none;margin-top:1.6em}
.meta{font-size:.8em;color:#555}
.legend span{display:inline-block;padding:0 .5em;margin:.1em;border-radius:3px;font-size:.85em}
</style>"""


def _manual(paragraph: dict) -> dict:
    """displaCy 'manual' span input for one paragraph, one token per character so any offset renders."""
    text = paragraph["text"]
    spans = [
        {"start_token": s["start"], "end_token": s["end"], "label": s["label"]}
        for s in sorted(paragraph["spans"], key=lambda s: (s["start"], -s["end"]))
    ]
    return {"text": text, "tokens": list(text), "spans": spans}


def render_speech(record: dict) -> str:
    """A standalone HTML page for one annotation record."""
    parts = [f"<!DOCTYPE html><html lang='zh'><head><meta charset='utf-8'><title>{html.escape(record['speech'])}</title>{STYLE}</head><body>"]
    parts.append(f"<h1>{html.escape(record['speech'])}</h1><div class='legend'>")
    for label in PARAGRAPH_LABELS:
        parts.append(f"<span style='border-left:6px solid {LABEL_COLORS[label]}'>{label}</span>")
    for group, labels in SPAN_LABELS.items():
        parts.extend(f"<span style='background:{SPAN_COLORS[label]}'>{group}: {label}</span>" for label in labels)
    parts.append("</div>")
    for p in record["paragraphs"]:
        if p["heading"]:
            parts.append(f"<div class='para heading'>{html.escape(p['text'])}</div>")
            continue
        color = LABEL_COLORS.get(p["label"], "#ccc")
        score = p["scores"].get(p["label"]) if p["label"] else None
        meta = f"#{p['index']} · {p['label'] or 'unlabelled'}" + (f" ({score:.2f})" if score is not None else "")
        meta += " · mixed" if p["mixed"] else ""
        body = displacy.render(_manual(p), style="span", manual=True, options={"colors": SPAN_COLORS}, page=False, jupyter=False)
        parts.append(f"<div class='para' style='border-left-color:{color}'><div class='meta'>{html.escape(meta)}</div>{body}</div>")
    parts.append("</body></html>")
    return "\n".join(parts)

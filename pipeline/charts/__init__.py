"""Charts and reports for papers: five figures from annotations.jsonl, each with its CSV table.

    from pipeline.charts import plot
    plot([Path("annotations.jsonl")], Path("reports/run"), meta=Path("META.csv"), by="year")

Writes composition, arc, position, density and trends (the last only with a year/date column) as
PDF, SVG and 300-dpi PNG, the table behind each as CSV (UTF-8 with BOM), and an index.html.
Charts read only the annotation records, never the pipeline.
"""
from __future__ import annotations

import html
import os
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from ..errors import XiuciError
from ..io.atomic import atomic_path, write_text
from . import arc, composition, data, density, position, trends
from .style import chart_style, check_lang, word

__all__ = ["plot", "FIGURES", "FORMATS"]

FORMATS = ("pdf", "svg", "png")
FIGURES = ("composition", "arc", "position", "density", "trends")
DPI = 300

CAPTIONS = {
    "composition": (
        "每篇讲话（或每组）正文段落的功能构成；右侧为段落数。",
        "Function of body paragraphs per speech (or group), as shares; paragraph counts at right.",
    ),
    "arc": (
        "每篇讲话按段落顺序排成一条，宽度与字数成正比，颜色为段落功能，深色块与小三角为标题。",
        "Each speech as a strip of its paragraphs in order, widths proportional to characters, coloured by label; dark blocks and ticks mark headings.",
    ),
    "position": (
        "已标注正文段落在相对位置十分位中的功能占比；阴影为 95% 自助法区间（重抽样单位见 CSV 的 ci_unit 列）。",
        "Share of each label among labelled body paragraphs per relative-position decile; bands are 95% bootstrap intervals (resampling unit in the CSV's ci_unit column).",
    ),
    "density": (
        "每千字修辞次数。上：按段落功能，每点为一篇讲话中该功能段落的合计；下：每点为一篇讲话的全部正文。",
        "Rhetoric per 1,000 characters. Top: by paragraph label, one point per speech and label (pooled); bottom: one point per speech (all body text).",
    ),
    "trends": (
        "段落功能占比与修辞密度随时间的变化；阴影为 95% 自助法区间。",
        "Label shares and rhetoric densities over time; bands are 95% bootstrap intervals.",
    ),
}


def _check_formats(formats: Iterable[str]) -> tuple[str, ...]:
    formats = tuple(dict.fromkeys(str(f).lower().lstrip(".") for f in formats))
    bad = [f for f in formats if f not in FORMATS]
    if bad or not formats:
        raise XiuciError(f"unknown figure format {', '.join(bad) or '(none)'}: use {', '.join(FORMATS)}")
    return formats


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _readable(path: Path) -> Path:
    """Atomic writes start from a private temp file; give the result the usual umask permissions."""
    os.chmod(path, 0o666 & ~_umask())
    return path


def _save(fig, out: Path, name: str, formats: Sequence[str]) -> list[Path]:
    paths = []
    for fmt in formats:
        path = out / f"{name}.{fmt}"
        metadata = {"pdf": {"CreationDate": None, "ModDate": None}, "svg": {"Date": None}, "png": {"Software": None}}[fmt]
        with atomic_path(path) as tmp:
            fig.savefig(tmp, format=fmt, dpi=DPI, metadata=metadata)
        paths.append(_readable(path))
    return paths


def _write_csv(table, path: Path) -> Path:
    with atomic_path(path) as tmp:
        table.to_csv(tmp, index=False, encoding="utf-8-sig", lineterminator="\n")
    return _readable(path)


def plot(
    annotations: Sequence[Path] | Path,
    out: Path,
    formats: Sequence[str] = FORMATS,
    lang: str = "zh",
    meta: Path | None = None,
    by: str = "speech",
    order: str | None = None,
    *,
    seed: int = 0,
    n_boot: int = data.N_BOOT,
) -> list[Path]:
    """Draw every figure for the speeches in `annotations` into `out`; return the files written.

    `by` groups the composition and density charts by a metadata column (default: per speech);
    `order` sorts speeches by a column of the speech table or a label share ('-' = descending).
    Bootstrap intervals are seeded by `seed`. Problems the user can fix raise XiuciError.
    """
    if isinstance(annotations, (str, Path)):
        annotations = [annotations]
    lang = check_lang(lang)
    formats = _check_formats(formats)
    out = Path(out)
    d = data.load([Path(a) for a in annotations], Path(meta) if meta else None)
    # the tables that check `by` and `order` come first: a bad option writes nothing
    tables = {
        "composition": data.composition_table(d, by=by, order=order),
        "arc": data.arc_table(d, order=order),
        "density": data.density_table(d, by=by, order=order),
    }
    out.mkdir(parents=True, exist_ok=True)

    written: list[Path] = []
    sections: list[dict] = []

    def emit(name: str, fig, table, notes: list[str] | None = None):
        written.append(_write_csv(table, out / f"{name}.csv"))
        files = _save(fig, out, name, formats)
        written.extend(files)
        sections.append({"name": name, "files": files, "csv": out / f"{name}.csv", "notes": notes or []})

    with chart_style():
        table = tables["composition"]
        emit("composition", composition.draw(table, lang=lang, by=by), table)

        table = tables["arc"]
        emit("arc", arc.draw(table, lang=lang), table)

        table = data.position_table(d, np.random.default_rng([seed, 3]), n_boot=n_boot)
        emit("position", position.draw(table, lang=lang), table)

        table = tables["density"]
        emit("density", density.draw(table, lang=lang, by=by, rng=np.random.default_rng([seed, 4])), table)

        times, source = data.time_values(d)
        if times is None:
            sections.append({"name": "trends", "files": [], "csv": None, "notes": [f"skipped: {source}"]})
        else:
            table = data.trends_table(d, np.random.default_rng([seed, 5]), n_boot=n_boot)
            emit("trends", trends.draw(table, lang=lang, time_source=source), table, [f"time from the '{source}' column"])

    index = out / "index.html"
    write_text(index, _index_html(d, sections, lang, by, order, annotations, meta))
    written.append(_readable(index))
    return written


def _index_html(d: data.Data, sections: list[dict], lang: str, by: str, order, annotations, meta) -> str:
    zh = lang == "zh"
    e = html.escape
    sp = d.speeches
    title = "修辞与段落功能图表" if zh else "Rhetoric and paragraph function charts"
    parts = [
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>{e(title)}</title>",
        "<style>body{font-family:'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif;"
        "max-width:64em;margin:2em auto;padding:0 1em;line-height:1.5}figure{margin:1.5em 0}img{max-width:100%;"
        "border:1px solid #eee}figcaption{font-size:.9em;color:#333}.files a{margin-right:.8em}.note{color:#8a4b00}"
        "table{border-collapse:collapse;font-size:.85em}td,th{padding:.1em .6em;border-bottom:1px solid #eee}</style>",
        f"</head><body><h1>{e(title)}</h1>",
        "<p>"
        + e(
            f"{len(sp)} 篇讲话，{int(sp['paragraphs'].sum())} 个正文段落，{int(sp['headings'].sum())} 个标题，"
            f"{int(sp['chars'].sum()):,} 字（正文）。分组：{by}；排序：{order or '输入顺序'}。"
            if zh
            else f"{len(sp)} speeches, {int(sp['paragraphs'].sum())} body paragraphs, {int(sp['headings'].sum())} headings, "
            f"{int(sp['chars'].sum()):,} body characters. Grouped by: {by}; order: {order or 'input order'}."
        )
        + "</p>",
        "<p class='files'>"
        + e(("标注文件：" if zh else "Annotations: ") + ", ".join(Path(a).name for a in annotations))
        + (e(("；元数据：" if zh else "; metadata: ") + Path(meta).name) if meta else "")
        + "</p>",
    ]
    if d.notes:
        parts.append("<ul>" + "".join(f"<li class='note'>{e(n)}</li>" for n in d.notes) + "</ul>")
    for s in sections:
        name = s["name"]
        caption = CAPTIONS[name][0 if zh else 1]
        parts.append(f"<section id='{name}'><h2>{e(word(name, lang))}</h2>")
        if not s["files"]:
            msg = ("未生成此图：" if zh else "Not drawn: ") + "; ".join(s["notes"])
            parts.append(f"<p class='note'>{e(msg)}</p></section>")
            continue
        shown = next((f for f in s["files"] if f.suffix == ".png"), None) or next(
            (f for f in s["files"] if f.suffix == ".svg"), None
        )
        parts.append("<figure>")
        if shown is not None:
            parts.append(f"<img src='{e(shown.name)}' alt='{e(word(name, lang))}'>")
        else:
            pdf = s["files"][0]
            parts.append(f"<object data='{e(pdf.name)}' type='application/pdf' width='100%' height='600'></object>")
        links = "".join(f"<a href='{e(f.name)}'>{f.suffix[1:].upper()}</a>" for f in s["files"])
        links += f"<a href='{e(s['csv'].name)}'>CSV</a>"
        notes = "".join(f"<br><span class='note'>{e(n)}</span>" for n in s["notes"])
        parts.append(f"<figcaption>{e(caption)}{notes}<br><span class='files'>{links}</span></figcaption></figure></section>")
    parts.append("</body></html>")
    return "\n".join(parts)

"""Figure 2: each speech as a strip of its paragraphs in order, coloured by label, widths ∝ characters."""
from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import PercentFormatter

from ..records import PARAGRAPH_LABELS
from .style import (
    DOUBLE, HEADING_COLOR, RASTER_ROWS, UNLABELLED, label_style, legend_patch, segments, speech_ticks, strip_height,
    strip_image, word,
)

NAME = "arc"


def draw(table: pd.DataFrame, lang: str = "zh") -> Figure:
    rows = table.drop_duplicates("row").sort_values("row")
    n = len(rows)
    fig = Figure(figsize=(DOUBLE, strip_height(n, per=0.24, base=1.3)), layout="constrained")
    ax = fig.subplots()
    present = [c for c in (*PARAGRAPH_LABELS, UNLABELLED) if (table["label"] == c).any()]
    heads = table[table["label"] == "heading"]
    if n > RASTER_ROWS:
        strip_image(ax, n, table["row"], table["x0"], table["x1"], table["label"])
    else:
        height = 0.62
        for cat in present:
            seg = table[table["label"] == cat]
            kw = label_style(cat)
            kw.update(edgecolor="white", linewidth=0.25)
            segments(ax, seg["row"], seg["x0"], seg["x1"] - seg["x0"], height=height, **kw)
        if len(heads):
            segments(ax, heads["row"], heads["x0"], heads["x1"] - heads["x0"], height=height,
                     facecolor=HEADING_COLOR, edgecolor="none", linewidth=0)
            # a tick above the strip where each heading sits
            ax.scatter(heads["x0"] + (heads["x1"] - heads["x0"]) / 2, heads["row"] - height / 2 - 0.08,
                       marker="v", s=6, color=HEADING_COLOR, linewidths=0, zorder=3)
    speech_ticks(ax, list(rows["speech"]))
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.set_xlabel(word("relchars", lang))
    if n <= 80:
        for r, chars in zip(rows["row"], rows["speech_chars"]):
            ax.text(1.01, r, f"{int(chars):,}{word('chars', lang) if lang == 'zh' else ' ' + word('chars', lang)}",
                    va="center", ha="left", fontsize=6, transform=ax.get_yaxis_transform())
    ax.spines["left"].set_visible(False)
    ax.set_title(word("arc", lang), loc="left")
    handles = [legend_patch(c, lang) for c in present] + ([legend_patch("heading", lang)] if len(heads) else [])
    fig.legend(handles=handles, loc="outside lower center", ncol=len(handles), frameon=False)
    return fig

"""Figure 1: share of diagnosis / measure / result / other per speech (or per group), 100 % stacked bars."""
from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import PercentFormatter

from ..records import PARAGRAPH_LABELS
from .style import (
    DOUBLE, RASTER_ROWS, UNLABELLED, label_style, legend_patch, segments, speech_ticks, strip_height, strip_image, word,
)

NAME = "composition"


def draw(table: pd.DataFrame, lang: str = "zh", by: str = "speech") -> Figure:
    n = len(table)
    cats = list(PARAGRAPH_LABELS) + ([UNLABELLED] if table[f"n_{UNLABELLED}"].sum() > 0 else [])
    fig = Figure(figsize=(DOUBLE * 0.85, strip_height(n, per=0.2, base=1.3)), layout="constrained")
    ax = fig.subplots()
    if n > RASTER_ROWS:
        rows, x0, x1, cs = [], [], [], []
        left = np.zeros(n)
        for cat in cats:
            width = table[f"share_{cat}"].to_numpy(dtype=float)
            rows.extend(range(n)), x0.extend(left), x1.extend(left + width), cs.extend([cat] * n)
            left = left + width
        strip_image(ax, n, rows, x0, x1, cs)
    else:
        y = np.arange(n)
        left = np.zeros(n)
        for cat in cats:
            width = table[f"share_{cat}"].to_numpy(dtype=float)
            segments(ax, y, left, width, height=0.8, **label_style(cat))
            left = left + width
    ax.set_xlim(0, 1)
    speech_ticks(ax, [str(g) if str(g) else word("none", lang) for g in table["group"]])
    ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.set_xlabel(word("share", lang))
    ax.set_ylabel(word("speech", lang) if by == "speech" else by)
    if n <= 80:
        for i, (count, k) in enumerate(zip(table["paragraphs"], table["speeches"])):
            text = f"n={count}" if by == "speech" else f"n={count} ({k})"
            ax.text(1.01, i, text, va="center", ha="left", fontsize=6, transform=ax.get_yaxis_transform())
    if table["paragraphs"].sum() == 0:
        ax.text(0.5, 0.5, word("no_labels", lang), ha="center", va="center", transform=ax.transAxes)
    ax.spines["left"].set_visible(False)
    ax.set_title(word("composition", lang), loc="left")
    fig.legend(handles=[legend_patch(c, lang) for c in cats], loc="outside lower center", ncol=len(cats), frameon=False)
    return fig

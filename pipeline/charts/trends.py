"""Figure 5: label shares and rhetoric densities over time (year or date), with bootstrap bands."""
from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator, PercentFormatter

from ..records import PARAGRAPH_LABELS
from .style import (
    COLORS, DOUBLE, FAMILIES, FAMILY_COLORS, FAMILY_LINESTYLES, FAMILY_MARKERS, LINESTYLES, MARKERS, word,
)

NAME = "trends"


def _line(ax, t: pd.DataFrame, color, linestyle, marker, label):
    t = t.sort_values("time")
    x = t["time"].to_numpy(dtype=float)
    y = t["value"].to_numpy(dtype=float)
    lo, hi = t["ci_low"].to_numpy(dtype=float), t["ci_high"].to_numpy(dtype=float)
    ok = np.isfinite(lo) & np.isfinite(hi)
    if ok.sum() >= 2:
        ax.fill_between(x[ok], lo[ok], hi[ok], color=color, alpha=0.18, linewidth=0)
    elif ok.any():
        ax.vlines(x[ok], lo[ok], hi[ok], color=color, linewidth=0.8)
    ax.plot(x, y, color=color, linestyle=linestyle, marker=marker, label=label, markeredgecolor="white",
            markeredgewidth=0.4, markersize=3.5 if len(x) < 60 else 2)


def draw(table: pd.DataFrame, lang: str = "zh", time_source: str = "year") -> Figure:
    fig = Figure(figsize=(DOUBLE, 2.9), layout="constrained")
    left, right = fig.subplots(1, 2)
    shares = table[table["measure"] == "share"]
    for lab in PARAGRAPH_LABELS:
        t = shares[shares["key"] == lab]
        if t["value"].notna().any():
            _line(left, t, COLORS[lab], LINESTYLES[lab], MARKERS[lab], word(lab, lang))
    if not shares["value"].notna().any():
        left.text(0.5, 0.5, word("no_labels", lang), ha="center", va="center", transform=left.transAxes)
    left.set_ylim(0, 1)
    left.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    left.set_ylabel(word("label_share", lang))
    left.set_title(word("label_share", lang), loc="left")
    dens = table[table["measure"] == "density"]
    for fam in FAMILIES:
        t = dens[dens["key"] == fam]
        _line(right, t, FAMILY_COLORS[fam], FAMILY_LINESTYLES[fam], FAMILY_MARKERS[fam], word(fam, lang))
    right.set_ylim(bottom=0)
    right.set_ylabel(word("per1000", lang))
    right.set_title(word("density", lang), loc="left")
    for ax in (left, right):
        ax.set_xlabel(word("year" if time_source == "year" else "time", lang))
        ax.xaxis.set_major_locator(MaxNLocator(nbins=6, integer=True))
        ax.grid(axis="y", linewidth=0.3, color="#dddddd")
        if ax.get_legend_handles_labels()[0]:
            ax.legend(frameon=False, loc="best", fontsize=6)
    fig.suptitle(f"{word('trends', lang)}  ({word('ci', lang)})", x=0.01, ha="left", fontsize=9)
    return fig

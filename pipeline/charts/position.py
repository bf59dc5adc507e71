"""Figure 3: share of each paragraph label by relative position (deciles), with bootstrap bands."""
from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import PercentFormatter

from ..records import PARAGRAPH_LABELS
from .style import COLORS, LINESTYLES, MARKERS, SINGLE, word

NAME = "position"


def draw(table: pd.DataFrame, lang: str = "zh") -> Figure:
    fig = Figure(figsize=(SINGLE * 1.45, 2.9), layout="constrained")
    ax = fig.subplots()
    for lab in PARAGRAPH_LABELS:
        t = table[table["label"] == lab].sort_values("decile")
        x = (t["from"] + t["to"]).to_numpy() / 2
        y = t["share"].to_numpy(dtype=float)
        if not np.isfinite(y).any():
            continue
        lo, hi = t["ci_low"].to_numpy(dtype=float), t["ci_high"].to_numpy(dtype=float)
        if np.isfinite(lo).any():
            ax.fill_between(x, lo, hi, color=COLORS[lab], alpha=0.18, linewidth=0)
        ax.plot(x, y, color=COLORS[lab], linestyle=LINESTYLES[lab], marker=MARKERS[lab], label=word(lab, lang),
                markeredgecolor="white", markeredgewidth=0.4)
    if not np.isfinite(table["share"].to_numpy(dtype=float)).any():
        ax.text(0.5, 0.5, word("no_labels", lang), ha="center", va="center", transform=ax.transAxes)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_xticks(np.arange(0, 1.01, 0.1))
    ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.set_xlabel(word("relpos", lang))
    ax.set_ylabel(word("label_share", lang))
    ax.set_title(word("position", lang), loc="left")
    ax.grid(axis="y", linewidth=0.3, color="#dddddd")
    handles, labels = ax.get_legend_handles_labels()
    if handles:
        fig.legend(handles, labels, loc="outside right center", frameon=False,
                   title=word("ci", lang) if table["ci_low"].notna().any() else None)
    return fig

"""Figure 4: rhetoric per 1,000 characters, by paragraph label (top) and by speech or group (bottom).

Box plots with every point shown. Top: one point per speech × paragraph label (that label's
paragraphs pooled). Bottom: one point per speech (all body paragraphs); with `by` naming a
metadata column, one box per group (up to MAX_GROUPS groups; beyond that, one box).
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from ..records import PARAGRAPH_LABELS
from .data import group_order
from .style import CATEGORIES, COLORS, DOUBLE, EDGE, HATCHES, MARKERS, word

NAME = "density"
MAX_GROUPS = 8
GROUP_SHADES = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
GROUP_MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")


def _boxes(ax, data: list[np.ndarray], positions: list[float], width: float, face, hatch, marker, rng, point_color):
    keep = [(d, p) for d, p in zip(data, positions) if len(d)]
    if not keep:
        return
    values, pos = [k[0] for k in keep], [k[1] for k in keep]
    bp = ax.boxplot(values, positions=pos, widths=width, patch_artist=True, showfliers=False, manage_ticks=False,
                    medianprops={"color": "black", "linewidth": 0.8}, whiskerprops={"linewidth": 0.6},
                    capprops={"linewidth": 0.6}, boxprops={"linewidth": 0.5})
    for box in bp["boxes"]:
        box.set_facecolor(face)
        box.set_alpha(0.55)
        box.set_hatch(hatch)
        box.set_edgecolor(EDGE)
    xs = np.concatenate([p + rng.uniform(-width * 0.35, width * 0.35, len(v)) for v, p in zip(values, pos)])
    ys = np.concatenate(values)
    ax.scatter(xs, ys, s=4 if len(ys) < 2000 else 1, marker=marker, color=point_color, edgecolors="white",
               linewidths=0.2, zorder=3, alpha=0.85 if len(ys) < 2000 else 0.4, rasterized=len(ys) > 5000)


def draw(table: pd.DataFrame, lang: str = "zh", by: str = "speech", rng: np.random.Generator | None = None) -> Figure:
    rng = rng or np.random.default_rng(0)
    cats = [c[0] for c in CATEGORIES]
    fig = Figure(figsize=(DOUBLE, 5.2), layout="constrained")
    top, bottom = fig.subplots(2, 1, sharex=True)
    x = np.arange(len(cats))

    lab = table[(table["level"] == "label") & table["per_1000"].notna()]
    width = 0.8 / len(PARAGRAPH_LABELS)
    handles = []
    for i, label in enumerate(PARAGRAPH_LABELS):
        sub = lab[lab["label"] == label]
        if not len(sub):
            continue
        vals = [sub.loc[sub["category"] == c, "per_1000"].to_numpy(dtype=float) for c in cats]
        pos = list(x - 0.4 + width * (i + 0.5))
        _boxes(top, vals, pos, width * 0.85, COLORS[label], HATCHES[label], MARKERS[label], rng, COLORS[label])
        handles.append(Patch(facecolor=COLORS[label], hatch=HATCHES[label], edgecolor=EDGE, alpha=0.55, label=word(label, lang)))
    if handles:
        top.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    else:
        top.text(0.5, 0.5, word("no_labels", lang), ha="center", va="center", transform=top.transAxes)
    top.set_title(f"{word('density', lang)} · {word('by_label', lang)}", loc="left")

    sp = table[(table["level"] == "speech") & table["per_1000"].notna()]
    groups = group_order(sp["group"]) if by != "speech" else []
    if by == "speech" or len(groups) > MAX_GROUPS or len(groups) < 2:
        vals = [sp.loc[sp["category"] == c, "per_1000"].to_numpy(dtype=float) for c in cats]
        _boxes(bottom, vals, list(x), 0.5, "#BBBBBB", "", "o", rng, "#333333")
        title = word("by_speech", lang) if by == "speech" else f"{word('by_speech', lang)} ({by})"
    else:
        width = 0.8 / len(groups)
        handles = []
        for i, g in enumerate(groups):
            sub = sp[sp["group"] == g]
            vals = [sub.loc[sub["category"] == c, "per_1000"].to_numpy(dtype=float) for c in cats]
            pos = list(x - 0.4 + width * (i + 0.5))
            color = GROUP_SHADES[i % len(GROUP_SHADES)]
            _boxes(bottom, vals, pos, width * 0.85, color, "", GROUP_MARKERS[i % len(GROUP_MARKERS)], rng, color)
            handles.append(Patch(facecolor=color, edgecolor=EDGE, alpha=0.55, label=str(g) or word("none", lang)))
        bottom.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, title=by)
        title = f"{word('by_group', lang)} ({by})"
    bottom.set_title(f"{word('density', lang)} · {title}", loc="left")
    for ax in (top, bottom):
        ax.set_ylabel(word("per1000", lang))
        ax.set_ylim(bottom=0)
        ax.grid(axis="y", linewidth=0.3, color="#dddddd")
        for k in range(1, len(cats)):
            ax.axvline(k - 0.5, color="#eeeeee", linewidth=0.5, zorder=0)
    bottom.set_xticks(x)
    bottom.set_xticklabels([word(c, lang) for c in cats])
    bottom.set_xlim(-0.5, len(cats) - 0.5)
    return fig

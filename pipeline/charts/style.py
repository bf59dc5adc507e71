"""Fonts, palette, sizes and bilingual wording shared by every chart.

The CJK font is Noto Sans CJK SC as shipped inside the `mplfonts` package (no system font is
assumed); it is registered with matplotlib's font manager once. PDFs embed it as a TrueType/CID
font (`pdf.fonttype` 42) so the text stays selectable; SVGs draw glyphs as paths so they look the
same on a machine without the font.
"""
from __future__ import annotations

import contextlib
import functools
from pathlib import Path
from typing import Iterator

from ..errors import XiuciError
from ..io.html import LABEL_COLORS
from ..records import PARAGRAPH_LABELS

FONT_FILE_NAME = "NotoSansCJKsc-Regular.otf"
LANGS = ("zh", "en")

# One fixed colour per paragraph label (Okabe-Ito, shared with the HTML view), plus hatching and
# line/marker styles so the labels stay apart in greyscale print and for colour-blind readers.
COLORS = dict(LABEL_COLORS)
UNLABELLED = "unlabelled"
COLORS[UNLABELLED] = "#FFFFFF"
HEADING_COLOR = "#222222"
HATCHES = {"diagnosis": "////", "measure": "", "result": "....", "other": "xx", UNLABELLED: "\\\\\\\\"}
MARKERS = {"diagnosis": "s", "measure": "o", "result": "^", "other": "D"}
LINESTYLES = {"diagnosis": "-", "measure": "--", "result": "-.", "other": ":"}
EDGE = "#333333"

# Rhetoric categories shown in the density and trend charts: (key, span type, span label or None=all).
CATEGORIES = (
    ("chengyu", "idiom", "chengyu"),
    ("formula", "idiom", "formula"),
    ("obligation", "exhortation", "obligation"),
    ("prohibition", "exhortation", "prohibition"),
    ("resolve", "exhortation", "resolve"),
    ("appeal", "exhortation", "appeal"),
    ("parallelism", "parallelism", None),
)
FAMILIES = ("idiom", "exhortation", "parallelism")
FAMILY_COLORS = {"idiom": "#56B4E9", "exhortation": "#CC79A7", "parallelism": "#E69F00"}
FAMILY_MARKERS = {"idiom": "o", "exhortation": "s", "parallelism": "^"}
FAMILY_LINESTYLES = {"idiom": "-", "exhortation": "--", "parallelism": "-."}

WORDS = {
    "diagnosis": ("诊断", "Diagnosis"),
    "measure": ("措施", "Measure"),
    "result": ("成效", "Result"),
    "other": ("其他", "Other"),
    UNLABELLED: ("未标注", "Unlabelled"),
    "heading": ("标题", "Heading"),
    "chengyu": ("成语", "Chengyu"),
    "formula": ("套语", "Formula"),
    "obligation": ("义务", "Obligation"),
    "prohibition": ("禁止", "Prohibition"),
    "resolve": ("决心", "Resolve"),
    "appeal": ("号召", "Appeal"),
    "parallelism": ("排比/对偶/列举", "Parallelism (all)"),
    "idiom": ("熟语", "Idioms"),
    "exhortation": ("劝勉", "Exhortations"),
    "speech": ("讲话", "Speech"),
    "share": ("占比", "Share"),
    "paragraphs": ("段落数", "paragraphs"),
    "composition": ("段落功能构成", "Paragraph function composition"),
    "arc": ("讲话结构弧线", "Speech arcs"),
    "position": ("各功能随位置的分布", "Label share by position"),
    "density": ("修辞密度", "Rhetoric density"),
    "trends": ("随时间的变化", "Trends over time"),
    "relpos": ("相对位置（十分位）", "Relative position (decile)"),
    "relchars": ("累计字数占比", "Cumulative share of characters"),
    "per1000": ("每千字次数", "per 1,000 characters"),
    "by_label": ("按段落功能", "By paragraph label"),
    "by_speech": ("按讲话", "By speech"),
    "by_group": ("按分组", "By group"),
    "label_share": ("段落功能占比", "Paragraph label share"),
    "time": ("时间", "Time"),
    "year": ("年份", "Year"),
    "ci": ("阴影：95% 自助法区间", "Bands: 95% bootstrap interval"),
    "no_labels": ("没有已标注的段落", "No labelled paragraphs"),
    "none": ("（无）", "(none)"),
    "chars": ("字", "chars"),
}


def word(key: str, lang: str = "zh") -> str:
    """The zh or en wording of a key (labels, categories, titles); unknown keys pass through."""
    pair = WORDS.get(key)
    if pair is None:
        return str(key)
    return pair[0] if lang == "zh" else pair[1]


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise XiuciError(f"unknown language {lang!r}: use one of {', '.join(LANGS)}")
    return lang


def label_style(label: str) -> dict:
    """Patch keywords (face colour, hatch, edge) for a paragraph label."""
    return {"facecolor": COLORS[label], "hatch": HATCHES.get(label, ""), "edgecolor": EDGE, "linewidth": 0.3}


@functools.lru_cache(maxsize=1)
def font_file() -> Path:
    """The Noto Sans CJK SC file inside the installed mplfonts package."""
    try:
        import mplfonts
    except ImportError:  # pragma: no cover - declared dependency
        raise XiuciError("charts need the 'mplfonts' package (pip install mplfonts)") from None
    root = Path(mplfonts.__file__).parent
    for candidate in [root / "fonts" / FONT_FILE_NAME, *sorted(root.rglob("NotoSansCJK*sc*.otf"))]:
        if candidate.is_file():
            return candidate
    raise XiuciError(f"{root}: Noto Sans CJK SC ({FONT_FILE_NAME}) not found in the mplfonts package")


@functools.lru_cache(maxsize=1)
def register_font() -> str:
    """Register the CJK font with matplotlib (once) and return its family name."""
    from matplotlib import font_manager

    path = font_file()
    font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(path)).get_name()


def rc() -> dict:
    """rcParams for print: 8-pt text, thin lines, embedded CJK font, 300-dpi bitmaps."""
    family = register_font()
    return {
        "font.family": "sans-serif",
        "font.sans-serif": [family, "DejaVu Sans"],
        "axes.unicode_minus": False,
        "pdf.fonttype": 42,
        "ps.fonttype": 42,
        "svg.fonttype": "path",
        "font.size": 8,
        "axes.titlesize": 9,
        "axes.labelsize": 8,
        "xtick.labelsize": 7,
        "ytick.labelsize": 7,
        "legend.fontsize": 7,
        "legend.title_fontsize": 7,
        "figure.titlesize": 10,
        "axes.linewidth": 0.6,
        "xtick.major.width": 0.6,
        "ytick.major.width": 0.6,
        "lines.linewidth": 1.2,
        "lines.markersize": 4,
        "hatch.linewidth": 0.5,
        "hatch.color": EDGE,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "savefig.dpi": 300,
        "savefig.pad_inches": 0.03,
        "figure.dpi": 100,
        "svg.hashsalt": "xiuci",
        "pdf.compression": 6,
    }


@contextlib.contextmanager
def chart_style() -> Iterator[None]:
    """Apply the chart style to figures made and saved inside the block (rcParams are read at both)."""
    import matplotlib as mpl

    with mpl.rc_context(rc()):
        yield


# Print widths in inches: a journal single column and full width.
SINGLE = 3.5
DOUBLE = 7.0


def strip_height(n: int, per: float = 0.22, cap: float = 9.0, base: float = 0.9) -> float:
    """Figure height for `n` horizontal strips or bars, capped so huge corpora stay one page."""
    return min(cap, base + per * max(n, 1))


def label_order() -> tuple[str, ...]:
    return PARAGRAPH_LABELS


def segments(ax, y, left, width, height: float = 0.8, rasterized: bool = False, **style_kw):
    """Horizontal bar segments as one PolyCollection (fast for thousands of bars)."""
    import numpy as np
    from matplotlib.collections import PolyCollection

    y = np.asarray(y, dtype=float)
    left = np.asarray(left, dtype=float)
    right = left + np.asarray(width, dtype=float)
    lo, hi = y - height / 2, y + height / 2
    verts = np.stack([np.stack([left, lo], 1), np.stack([left, hi], 1), np.stack([right, hi], 1), np.stack([right, lo], 1)], 1)
    hatch = style_kw.pop("hatch", None) or None
    coll = PolyCollection(verts, hatch=hatch, rasterized=rasterized, **style_kw)
    ax.add_collection(coll)
    return coll


def legend_patch(label: str, lang: str):
    from matplotlib.patches import Patch

    if label == "heading":
        return Patch(facecolor=HEADING_COLOR, edgecolor=EDGE, linewidth=0.3, label=word("heading", lang))
    return Patch(**label_style(label), label=word(label, lang))


def speech_ticks(ax, names: list[str], max_labels: int = 80) -> None:
    """Y tick labels for speech rows (every k-th when there are many)."""
    n = len(names)
    step = max(1, -(-n // max_labels))
    ticks = list(range(0, n, step))
    ax.set_yticks(ticks)
    ax.set_yticklabels([names[i] for i in ticks], fontsize=7 if n <= 40 else 5)
    ax.set_ylim(n - 0.5, -0.5)
    ax.tick_params(axis="y", length=0)


# Above this many rows, strips and stacked bars are drawn as one raster image (pixel patterns stand
# in for hatching); hatched vector polygons by the ten thousand are far too slow to render.
RASTER_ROWS = 150
_PATTERN_PERIOD = {"diagnosis": 4, "result": 6, UNLABELLED: 3}


def _rgb(color: str):
    from matplotlib.colors import to_rgb

    return to_rgb(color)


def strip_image(ax, n_rows: int, rows, x0, x1, cats, width_px: int = 1200):
    """Rows of [x0, x1) segments (x in 0..1) coloured by category, as an image on `ax`.

    Diagnosis gets light vertical stripes, result sparser ones, so they stay apart in greyscale.
    """
    import numpy as np

    names = list(dict.fromkeys([*COLORS, "heading"]))
    code = {c: i for i, c in enumerate(names)}
    base = np.array([_rgb(HEADING_COLOR if c == "heading" else ("#EEEEEE" if c == UNLABELLED else COLORS[c])) for c in names] + [(1, 1, 1)])
    alt = base.copy()
    for c, _p in _PATTERN_PERIOD.items():
        alt[code[c]] = 1 - 0.55 * (1 - base[code[c]])  # lighter tint of the same hue
    if UNLABELLED in code:
        alt[code[UNLABELLED]] = _rgb("#BBBBBB")
    lab = np.full((n_rows, width_px), len(names), dtype=np.int16)
    c0 = np.clip(np.rint(np.asarray(x0, dtype=float) * width_px).astype(int), 0, width_px)
    c1 = np.clip(np.rint(np.asarray(x1, dtype=float) * width_px).astype(int), 0, width_px)
    for r, a, b, c in zip(np.asarray(rows, dtype=int), c0, c1, cats):
        if b > a:
            lab[r, a:b] = code[c]
    img = base[lab]
    cols = np.arange(width_px)
    for c, period in _PATTERN_PERIOD.items():
        stripe = (cols % period) == 0
        mask = (lab == code[c]) & stripe[None, :]
        img[mask] = alt[lab[mask]]
    ax.imshow(img, aspect="auto", interpolation="none", extent=(0, 1, n_rows - 0.5, -0.5))

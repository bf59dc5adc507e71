"""Annotation records → pandas tables; the table behind every figure is computed here.

Charts read only the records of `annotations.jsonl` (never the pipeline). Conventions:

* body paragraphs are the non-heading paragraphs; shares and densities use body paragraphs only;
* label shares are shares of *labelled* body paragraphs, except the composition chart, which shows
  unlabelled paragraphs as their own segment when there are any;
* densities are span counts per 1,000 characters of body text (characters = `len(text)`);
* bootstrap intervals are percentile intervals (95 %) from a seeded generator; the resampled unit
  is the speech when a cell has at least `MIN_CLUSTERS` speeches, otherwise the paragraph (the
  `ci_unit` column says which).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np
import pandas as pd

from ..errors import XiuciError
from ..io.tables import read_records
from ..records import PARAGRAPH_LABELS
from .style import CATEGORIES, FAMILIES, UNLABELLED

MIN_CLUSTERS = 10
N_BOOT = 1000
LEVEL = 0.95
CAT_KEYS = tuple(c[0] for c in CATEGORIES)
CORE_SPEECH_COLUMNS = ("speech", "stem", "file", "source", "input_order", "paragraphs", "headings", "chars")
TIME_COLUMNS = ("year", "date")


# ---------------------------------------------------------------- reading


def read_annotations(paths: Iterable[str | Path]) -> list[dict]:
    """All speech records of one or more annotations.jsonl files; an empty file is an error."""
    records: list[dict] = []
    paths = [Path(p) for p in paths]
    if not paths:
        raise XiuciError("no annotations file given")
    for path in paths:
        before = len(records)
        records.extend(read_records(path))
        if len(records) == before:
            raise XiuciError(f"{path}: empty annotations file (no speech records)")
    return records


def read_meta(path: str | Path) -> pd.DataFrame:
    """META.csv (or .tsv): a `file` or `speech` column plus free columns; numbers become numbers."""
    df = read_meta_text(path)
    for col in df.columns:
        if col in ("file", "speech"):
            continue
        df[col] = _numeric_or_text(df[col])
    return df


def read_meta_text(path: str | Path) -> pd.DataFrame:
    """The metadata table as text, its key column checked (present, no duplicates)."""
    path = Path(path)
    sep = "\t" if path.suffix.lower() in (".tsv", ".tab") else ","
    try:
        df = pd.read_csv(path, sep=sep, dtype=str, encoding="utf-8-sig", keep_default_na=False)
    except FileNotFoundError:
        raise XiuciError(f"{path}: no such metadata file") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as e:
        raise XiuciError(f"{path}: cannot read metadata table ({e})") from None
    df.columns = [str(c).strip() for c in df.columns]
    if "file" not in df.columns and "speech" not in df.columns:
        raise XiuciError(f"{path}: metadata needs a 'file' or 'speech' column (has: {', '.join(df.columns)})")
    for key in ("file", "speech"):
        if key in df.columns:
            df[key] = df[key].str.strip()
            dup = df[key][df[key].duplicated() & (df[key] != "")]
            if len(dup):
                raise XiuciError(f"{path}: {key} {dup.iloc[0]!r} appears more than once")
    return df


def _numeric_or_text(col: pd.Series) -> pd.Series:
    """Numbers when every non-empty value is one, else text; empty cells become missing."""
    values = pd.Series([np.nan if v is None or (isinstance(v, str) and not v.strip()) else v for v in col],
                       index=col.index, dtype=object)
    try:
        return pd.to_numeric(values)
    except (ValueError, TypeError):
        return values


# ---------------------------------------------------------------- base tables


@dataclass
class Data:
    """Paragraph and speech tables plus notes for the report."""

    paragraphs: pd.DataFrame  # one row per paragraph (headings included)
    speeches: pd.DataFrame  # one row per speech, in input order, with metadata columns
    meta_columns: list[str]
    notes: list[str] = field(default_factory=list)

    @property
    def body(self) -> pd.DataFrame:
        return self.paragraphs[~self.paragraphs["heading"]]


_CAT_INDEX = {}
for _i, (_key, _type, _label) in enumerate(CATEGORIES):
    _CAT_INDEX[(_type, _label)] = _i
_TYPE_INDEX = {t: i for (t, l), i in _CAT_INDEX.items() if l is None}


def _span_counts(spans: list[dict]) -> list[int]:
    """Counts of each CATEGORIES entry among a paragraph's spans."""
    out = [0] * len(CATEGORIES)
    for s in spans:
        t = s.get("type")
        i = _CAT_INDEX.get((t, s.get("label")))
        if i is not None:
            out[i] += 1
        j = _TYPE_INDEX.get(t)
        if j is not None:
            out[j] += 1
    return out


def build(records: Sequence[dict], meta: pd.DataFrame | None = None) -> Data:
    """Paragraph and speech tables from records (and an optional META table)."""
    rows = []
    speech_rows = []
    seen: dict[str, int] = {}
    unknown: dict[str, int] = {}
    for order, rec in enumerate(records):
        stem = str(rec["speech"])
        seen[stem] = seen.get(stem, 0) + 1
        key = stem if seen[stem] == 1 else f"{stem} ({seen[stem]})"
        source = str(rec.get("source") or "")
        n_body = n_head = chars = 0
        for p in rec["paragraphs"]:
            heading = bool(p.get("heading"))
            text = p.get("text") or ""
            label = None if heading else p.get("label")
            if label is not None and label not in PARAGRAPH_LABELS:
                unknown[str(label)] = unknown.get(str(label), 0) + 1
                label = "other" if label else None
            pos = p.get("position")
            rows.append(
                [key, p.get("index"), p.get("line"), heading, label, np.nan if pos is None else float(pos), len(text)]
                + _span_counts(p.get("spans") or [])
            )
            if heading:
                n_head += 1
            else:
                n_body += 1
                chars += len(text)
        speech_rows.append(
            {
                "speech": key,
                "stem": stem,
                "file": Path(source).name if source else "",
                "source": source,
                "input_order": order,
                "paragraphs": n_body,
                "headings": n_head,
                "chars": chars,
                "_meta": dict(rec.get("meta") or {}),
            }
        )
    columns = ["speech", "index", "line", "heading", "label", "position", "chars"] + [f"n_{k}" for k in CAT_KEYS]
    paragraphs = pd.DataFrame(rows, columns=columns)
    paragraphs["heading"] = paragraphs["heading"].astype(bool)
    paragraphs["label"] = paragraphs["label"].astype(object)
    speeches = pd.DataFrame([{k: v for k, v in r.items() if k != "_meta"} for r in speech_rows])
    notes: list[str] = []
    dups = [s for s, n in seen.items() if n > 1]
    if dups:
        notes.append(f"{len(dups)} speech name(s) occur more than once and were numbered, e.g. {dups[0]}")
    if unknown:
        shown = ", ".join(f"{k} ({n})" for k, n in sorted(unknown.items()))
        notes.append(f"paragraph labels outside {'/'.join(PARAGRAPH_LABELS)} were counted as 'other': {shown}")

    # metadata: record["meta"] first, then META.csv (which wins on conflicts)
    meta_columns: list[str] = []
    rec_meta = pd.DataFrame([r["_meta"] for r in speech_rows], index=speeches.index)
    for col in rec_meta.columns:
        if col in CORE_SPEECH_COLUMNS:
            continue
        speeches[col] = _numeric_or_text(rec_meta[col])
        meta_columns.append(col)
    if meta is not None:
        key = "file" if "file" in meta.columns else "speech"
        left = speeches["file"] if key == "file" else speeches["stem"]
        table = meta.set_index(key)
        matched = left.isin(table.index) & (left != "")
        if key == "file" and "speech" in meta.columns:  # rows may also be keyed by stem
            by_stem = meta[meta["speech"] != ""].set_index("speech")
            use_stem = ~matched & speeches["stem"].isin(by_stem.index)
        else:
            by_stem, use_stem = None, pd.Series(False, index=speeches.index)
        for col in meta.columns:
            if col in CORE_SPEECH_COLUMNS:
                continue
            values = left.map(table[col]) if matched.any() else pd.Series(np.nan, index=speeches.index)
            if use_stem.any():
                values = values.where(~use_stem, speeches["stem"].map(by_stem[col]))
            values = values.where(matched | use_stem)
            if col in speeches.columns:
                values = values.where(matched | use_stem, speeches[col])
            speeches[col] = _numeric_or_text(values.astype(object))
            if col not in meta_columns:
                meta_columns.append(col)
        missing = int((~(matched | use_stem)).sum())
        if missing:
            notes.append(f"{missing} of {len(speeches)} speeches have no row in the metadata table")
    # a date column gives a year when there is none
    if "year" not in speeches.columns and "date" in speeches.columns:
        dates = _to_datetime(speeches["date"])
        if dates.notna().any():
            speeches["year"] = dates.dt.year.astype("Int64").astype(float)
            meta_columns.append("year")

    # label counts and shares per speech (body paragraphs)
    body = paragraphs[~paragraphs["heading"]]
    counts = _label_counts(body, "speech").reindex(speeches["speech"]).fillna(0).astype(int)
    for label in (*PARAGRAPH_LABELS, UNLABELLED):
        speeches[f"n_{label}"] = counts[label].to_numpy()
    labelled = counts[list(PARAGRAPH_LABELS)].sum(axis=1).to_numpy()
    for label in PARAGRAPH_LABELS:
        with np.errstate(invalid="ignore", divide="ignore"):
            speeches[f"share_{label}"] = np.where(labelled > 0, counts[label].to_numpy() / np.maximum(labelled, 1), np.nan)
    if len(body) and body["label"].isna().all():
        notes.append("no paragraph carries a label (is the paragraph classifier in the pipeline?)")
    return Data(paragraphs=paragraphs, speeches=speeches, meta_columns=meta_columns, notes=notes)


def _to_datetime(col: pd.Series) -> pd.Series:
    text = col.astype(object).where(col.notna(), None).map(lambda v: None if v is None else str(v))
    out = []
    for v in text:
        try:
            out.append(pd.Timestamp(v) if v else pd.NaT)
        except (ValueError, TypeError):
            out.append(pd.NaT)
    return pd.Series(pd.to_datetime(out), index=col.index)


def _label_counts(body: pd.DataFrame, key: str) -> pd.DataFrame:
    labels = body["label"].fillna(UNLABELLED)
    table = pd.crosstab(body[key], labels) if len(body) else pd.DataFrame()
    return table.reindex(columns=[*PARAGRAPH_LABELS, UNLABELLED], fill_value=0)


def load(annotations: Iterable[str | Path], meta: str | Path | None = None) -> Data:
    return build(read_annotations(annotations), read_meta(meta) if meta else None)


# ---------------------------------------------------------------- grouping and order


def available_by(data: Data) -> list[str]:
    return ["speech", *[c for c in data.meta_columns if c in data.speeches.columns]]


def group_of(data: Data, by: str) -> pd.Series:
    """The group key of each speech (indexed like data.speeches) for `by`."""
    if by == "speech":
        return data.speeches["speech"].copy()
    if by not in available_by(data):
        raise XiuciError(f"unknown grouping column {by!r}: available are {', '.join(available_by(data))}")
    return data.speeches[by]


def format_value(v) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    if isinstance(v, (float, np.floating)) and float(v).is_integer():
        return str(int(v))
    return str(v)


def speech_order(data: Data, order: str | None) -> list[str]:
    """Speech keys in the chosen order: None = input order; a column of the speech table or a
    paragraph label (its share); a leading '-' sorts descending."""
    sp = data.speeches
    if not order:
        return list(sp["speech"])
    desc = order.startswith("-")
    col = order[1:] if desc else order
    if col in PARAGRAPH_LABELS:
        col = f"share_{col}"
    allowed = ["speech", "file", "paragraphs", "headings", "chars", *PARAGRAPH_LABELS, *data.meta_columns]
    if col not in sp.columns or col in ("stem", "source", "input_order") or col.startswith("n_"):
        raise XiuciError(f"unknown order key {order!r}: available are {', '.join(dict.fromkeys(allowed))} (prefix '-' for descending)")
    keyed = sp.assign(_k=_sort_key(sp[col]))
    keyed = keyed.sort_values(["_k", "input_order"], ascending=[not desc, True], na_position="last", kind="stable")
    return list(keyed["speech"])


def _sort_key(col: pd.Series) -> pd.Series:
    if pd.api.types.is_numeric_dtype(col):
        return col
    return col.map(lambda v: None if v is None or (isinstance(v, float) and math.isnan(v)) else str(v))


def group_order(values: Iterable) -> list:
    """Distinct group values in natural order (numbers numerically), missing last."""
    vals = list(dict.fromkeys(values))
    present = [v for v in vals if format_value(v) != ""]
    missing = [v for v in vals if format_value(v) == ""]
    try:
        present.sort(key=lambda v: float(v))
    except (TypeError, ValueError):
        present.sort(key=lambda v: str(v))
    return present + missing[:1]


# ---------------------------------------------------------------- bootstrap


def bootstrap_ratio(num: np.ndarray, den: np.ndarray, rng: np.random.Generator, n_boot: int = N_BOOT, level: float = LEVEL):
    """Percentile interval of sum(num)/sum(den) over units resampled with replacement.

    num, den: arrays (units, cells). Returns (low, high) arrays of length `cells` (NaN when fewer
    than two units or an undefined ratio).
    """
    num = np.asarray(num, dtype=float)
    den = np.asarray(den, dtype=float)
    if den.ndim == 1:
        den = np.repeat(den[:, None], num.shape[1], axis=1)
    units, cells = num.shape
    lo = np.full(cells, np.nan)
    hi = np.full(cells, np.nan)
    if units < 2 or n_boot < 1:
        return lo, hi
    chunk = max(1, min(n_boot, int(2e7 // max(units, 1))))
    parts = []
    done = 0
    while done < n_boot:
        m = min(chunk, n_boot - done)
        draws = rng.integers(0, units, size=(m, units)) + (np.arange(m) * units)[:, None]
        w = np.bincount(draws.ravel(), minlength=m * units).reshape(m, units).astype(float)
        n, d = w @ num, w @ den
        with np.errstate(invalid="ignore", divide="ignore"):
            parts.append(np.where(d > 0, n / np.where(d > 0, d, 1.0), np.nan))
        done += m
    ratios = np.vstack(parts)
    ok = np.isfinite(ratios)
    q = [(1 - level) / 2 * 100, (1 + level) / 2 * 100]
    full = ok.all(axis=0)
    if full.any():
        lo[full], hi[full] = np.percentile(ratios[:, full], q, axis=0)
    for j in np.flatnonzero(~full & ok.any(axis=0)):
        lo[j], hi[j] = np.percentile(ratios[ok[:, j], j], q)
    return lo, hi


def _unit_matrices(body: pd.DataFrame, num_cols: list[str], den_col: str | None, n_speeches: int):
    """Aggregate to speech units when there are enough speeches, else keep paragraphs."""
    if n_speeches >= MIN_CLUSTERS:
        g = body.groupby("speech", sort=False)
        num = g[num_cols].sum().to_numpy(dtype=float)
        den = g[den_col].sum().to_numpy(dtype=float) if den_col else None
        return num, den, "speech"
    num = body[num_cols].to_numpy(dtype=float)
    den = body[den_col].to_numpy(dtype=float) if den_col else None
    return num, den, "paragraph"


# ---------------------------------------------------------------- figure tables


def composition_table(data: Data, by: str = "speech", order: str | None = None) -> pd.DataFrame:
    """Counts and shares of each paragraph label per speech (or per group of `by`)."""
    sp = data.speeches
    labels = [*PARAGRAPH_LABELS, UNLABELLED]
    if by == "speech":
        keyed = sp.set_index("speech").loc[speech_order(data, order)]
        table = pd.DataFrame({"group": keyed.index, "speeches": 1, "paragraphs": keyed["paragraphs"].to_numpy()})
        for label in labels:
            table[f"n_{label}"] = keyed[f"n_{label}"].to_numpy()
    else:
        groups = group_of(data, by)
        keys = groups.map(format_value)
        ordered = [format_value(v) for v in group_order(groups)]
        agg = sp.assign(_g=keys).groupby("_g", sort=False)
        table = pd.DataFrame({"group": ordered})
        table["speeches"] = agg.size().reindex(ordered).to_numpy()
        table["paragraphs"] = agg["paragraphs"].sum().reindex(ordered).to_numpy()
        for label in labels:
            table[f"n_{label}"] = agg[f"n_{label}"].sum().reindex(ordered).to_numpy()
        if order:
            table = _order_groups(data, table, keys, by, order)
    table.insert(0, "by", by)
    for label in labels:
        denom = table["paragraphs"].where(table["paragraphs"] > 0)
        table[f"share_{label}"] = (table[f"n_{label}"] / denom).fillna(0.0).round(6)
    return table.reset_index(drop=True)


def _order_groups(data: Data, table: pd.DataFrame, keys: pd.Series, by: str, order: str) -> pd.DataFrame:
    """Sort group rows by `order`: the grouping column, a count, a label share, or a speech column
    (numeric: the group mean; text: the group's first value in sorted order)."""
    desc = order.startswith("-")
    col = order[1:] if desc else order
    if col in (by, "group"):
        return table.iloc[::-1] if desc else table
    if col in PARAGRAPH_LABELS:
        sort_key = table[f"n_{col}"] / table["paragraphs"].where(table["paragraphs"] > 0)
    elif col in ("speeches", "paragraphs"):
        sort_key = table[col]
    elif col in data.speeches.columns and col not in ("stem", "source", "input_order") and not col.startswith("n_"):
        values = data.speeches[col]
        if pd.api.types.is_numeric_dtype(values):
            per_group = values.groupby(keys).mean()
        else:
            per_group = values.map(lambda v: format_value(v) or None).groupby(keys).min()
        sort_key = table["group"].map(per_group)
    else:
        allowed = [by, "speeches", "paragraphs", *PARAGRAPH_LABELS, "chars", "headings", *data.meta_columns]
        raise XiuciError(f"unknown order key {order!r}: available are {', '.join(dict.fromkeys(allowed))} (prefix '-' for descending)")
    return table.assign(_k=sort_key.to_numpy()).sort_values("_k", ascending=not desc, kind="stable", na_position="last").drop(columns="_k")


def arc_table(data: Data, order: str | None = None) -> pd.DataFrame:
    """Every paragraph (headings included) as a segment [x0, x1) of its speech's characters."""
    para = data.paragraphs
    keys = speech_order(data, order)
    rank = {k: i for i, k in enumerate(keys)}
    df = para[["speech", "index", "line", "heading", "label", "chars"]].copy()
    df["row"] = df["speech"].map(rank)
    df = df.sort_values(["row"], kind="stable")
    total = df.groupby("speech", sort=False)["chars"].transform("sum")
    cum = df.groupby("speech", sort=False)["chars"].cumsum()
    with np.errstate(invalid="ignore", divide="ignore"):
        df["x0"] = ((cum - df["chars"]) / total.where(total > 0)).fillna(0.0).round(6)
        df["x1"] = (cum / total.where(total > 0)).fillna(0.0).round(6)
    df["label"] = np.where(df["heading"], "heading", df["label"].fillna(UNLABELLED))
    df["speech_chars"] = total
    return df[["row", "speech", "index", "line", "heading", "label", "chars", "speech_chars", "x0", "x1"]].reset_index(drop=True)


def decile(position: pd.Series) -> pd.Series:
    return np.minimum(np.floor(position.to_numpy(dtype=float) * 10), 9).astype(int)


def position_table(data: Data, rng: np.random.Generator, n_boot: int = N_BOOT) -> pd.DataFrame:
    """Share of each label among labelled body paragraphs in each position decile, with CIs."""
    body = data.body
    body = body[body["label"].notna() & body["position"].notna()].copy()
    labels = list(PARAGRAPH_LABELS)
    body["decile"] = decile(body["position"]) if len(body) else pd.Series(dtype=int)
    cells = [(d, lab) for d in range(10) for lab in labels]
    rows = []
    if len(body):
        onehot = {}
        for d, lab in cells:
            onehot[f"{d}|{lab}"] = ((body["decile"] == d) & (body["label"] == lab)).astype(float)
        for d in range(10):
            onehot[f"{d}|*"] = (body["decile"] == d).astype(float)
        mat = pd.DataFrame(onehot, index=body.index)
        mat["speech"] = body["speech"].to_numpy()
        num_cols = [f"{d}|{lab}" for d, lab in cells]
        den_cols = [f"{d}|*" for d, _lab in cells]
        n_sp = body["speech"].nunique()
        if n_sp >= MIN_CLUSTERS:
            g = mat.groupby("speech", sort=False)
            num, den, unit = g[num_cols].sum().to_numpy(), g[den_cols].sum().to_numpy(), "speech"
        else:
            num, den, unit = mat[num_cols].to_numpy(), mat[den_cols].to_numpy(), "paragraph"
        lo, hi = bootstrap_ratio(num, den, rng, n_boot)
        n = num.sum(axis=0)
        nd = den.sum(axis=0)
    for j, (d, lab) in enumerate(cells):
        if not len(body):
            rows.append((d, lab, 0, 0, np.nan, np.nan, np.nan, "", 0))
            continue
        share = n[j] / nd[j] if nd[j] else np.nan
        rows.append((d, lab, int(n[j]), int(nd[j]), share, lo[j], hi[j], unit, n_boot))
    out = pd.DataFrame(rows, columns=["decile", "label", "n", "n_decile", "share", "ci_low", "ci_high", "ci_unit", "n_boot"])
    for c in ("share", "ci_low", "ci_high"):
        out[c] = out[c].round(6)
    out.insert(1, "from", out["decile"] / 10)
    out.insert(2, "to", (out["decile"] + 1) / 10)
    return out


def density_table(data: Data, by: str = "speech", order: str | None = None) -> pd.DataFrame:
    """Rhetoric counts per 1,000 body characters (long format).

    level 'label': one row per speech × paragraph label × category (that label's paragraphs pooled);
    level 'speech': one row per speech × category (all body paragraphs), with its group under `by`.
    """
    body = data.body
    cat_cols = [f"n_{k}" for k in CAT_KEYS]
    groups = group_of(data, by).map(format_value)
    group_by_speech = dict(zip(data.speeches["speech"], groups))
    keys = speech_order(data, order)
    rank = {k: i for i, k in enumerate(keys)}
    frames = []
    lab = body[body["label"].notna()]
    if len(lab):
        g = lab.groupby(["speech", "label"], sort=False)[["chars", *cat_cols]].sum().reset_index()
        g.insert(0, "level", "label")
        frames.append(g)
    g = body.groupby("speech", sort=False)[["chars", *cat_cols]].sum().reset_index()
    g = g.set_index("speech").reindex(keys).fillna(0).reset_index()
    g.insert(0, "level", "speech")
    g.insert(2, "label", "all")
    frames.append(g)
    wide = pd.concat(frames, ignore_index=True)
    long = wide.melt(id_vars=["level", "speech", "label", "chars"], value_vars=cat_cols, var_name="category", value_name="count")
    long["category"] = long["category"].str[2:]
    long["family"] = long["category"].map({k: t for k, t, _l in CATEGORIES})
    long["group"] = long["speech"].map(group_by_speech)
    long["by"] = by
    long["count"] = long["count"].astype(int)
    long["chars"] = long["chars"].astype(int)
    long["per_1000"] = (long["count"] / long["chars"].where(long["chars"] > 0) * 1000).round(6)
    long["_r"] = long["speech"].map(rank)
    long["_l"] = long["label"].map({l: i for i, l in enumerate([*PARAGRAPH_LABELS, "all"])})
    long["_c"] = long["category"].map({k: i for i, k in enumerate(CAT_KEYS)})
    long["_v"] = long["level"].map({"label": 0, "speech": 1})
    long = long.sort_values(["_v", "_c", "_l", "_r"], kind="stable").drop(columns=["_r", "_l", "_c", "_v"])
    return long[["level", "speech", "group", "by", "label", "family", "category", "count", "chars", "per_1000"]].reset_index(drop=True)


def time_values(data: Data) -> tuple[pd.Series, str] | tuple[None, str]:
    """The time of each speech (year, or decimal year from a date) and the column it came from;
    (None, reason) when no usable year/date exists."""
    sp = data.speeches
    if "year" in sp.columns:
        years = pd.to_numeric(sp["year"], errors="coerce")
        if years.notna().any():
            return years.astype(float), "year"
    if "date" in sp.columns:
        dates = _to_datetime(sp["date"])
        if dates.notna().any():
            frac = (dates.dt.dayofyear - 1) / np.where(dates.dt.is_leap_year, 366, 365)
            return (dates.dt.year + frac).astype(float), "date"
    cols = ", ".join(data.meta_columns) or "none"
    return None, f"no year or date column in the metadata (metadata columns: {cols})"


def trends_table(data: Data, rng: np.random.Generator, n_boot: int = N_BOOT) -> pd.DataFrame | None:
    """Per time point: label shares and rhetoric densities with bootstrap intervals; None without time.

    measure 'share': value = count / base, count = paragraphs with the label, base = labelled body paragraphs;
    measure 'density': value = count / base * 1000, base = body characters.
    """
    times, _source = time_values(data)
    if times is None:
        return None
    t_of = dict(zip(data.speeches["speech"], times))
    body = data.body
    t_par = body["speech"].map(t_of).to_numpy(dtype=float)
    keep = np.isfinite(t_par)
    body, t_par = body[keep], t_par[keep]
    labels = body["label"].to_numpy(dtype=object)
    shares = np.stack([(labels == lab) for lab in PARAGRAPH_LABELS], 1).astype(float)
    labelled = shares.sum(axis=1)
    counts = body[[f"n_{k}" for k in CAT_KEYS]].to_numpy(dtype=float)
    extra = [f for f in FAMILIES if f not in CAT_KEYS]  # 'parallelism' is already a category (all of them)
    fam = np.stack([counts[:, [i for i, (_k, t, _l) in enumerate(CATEGORIES) if t == f]].sum(axis=1) for f in extra], 1)
    dens = np.hstack([counts, fam])
    chars = body["chars"].to_numpy(dtype=float)
    speech_codes, _names = pd.factorize(body["speech"])
    keys = [*CAT_KEYS, *extra]
    rows = []
    order = np.argsort(t_par, kind="stable")
    uniq, first = np.unique(t_par[order], return_index=True)
    for t, idx in zip(uniq, np.split(order, first[1:])):
        codes = speech_codes[idx]
        n_sp = len(np.unique(codes))
        n_par = len(idx)
        if n_sp >= MIN_CLUSTERS:  # resample speeches: sum paragraphs within each speech
            _u, inv = np.unique(codes, return_inverse=True)

            def agg(m):
                out = np.zeros((len(_u),) + m.shape[1:])
                np.add.at(out, inv, m[idx])
                return out

            unit = "speech"
        else:

            def agg(m):
                return m[idx]

            unit = "paragraph"
        num, den = agg(shares), agg(labelled)
        lo, hi = bootstrap_ratio(num, den, rng, n_boot)
        total = den.sum()
        for j, lab in enumerate(PARAGRAPH_LABELS):
            val = num[:, j].sum() / total if total else np.nan
            rows.append((t, "share", lab, val, lo[j], hi[j], n_sp, n_par, int(num[:, j].sum()), int(total), unit))
        num, den = agg(dens), agg(chars)
        lo, hi = bootstrap_ratio(num * 1000, den, rng, n_boot)
        total = den.sum()
        for j, k in enumerate(keys):
            val = num[:, j].sum() / total * 1000 if total else np.nan
            rows.append((t, "density", k, val, lo[j], hi[j], n_sp, n_par, int(num[:, j].sum()), int(total), unit))
    out = pd.DataFrame(
        rows, columns=["time", "measure", "key", "value", "ci_low", "ci_high", "speeches", "paragraphs", "count", "base", "ci_unit"]
    )
    for c in ("value", "ci_low", "ci_high"):
        out[c] = out[c].astype(float).round(6)
    return out

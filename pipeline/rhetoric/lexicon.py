"""Word and cue lists of the rhetoric components: resolved from configs/lexicons, saved with a pipeline."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import srsly

from ..errors import XiuciError
from ..resources import CONFIGS, read_list

LEXICONS = CONFIGS / "lexicons"


def resolve(setting: Optional[str], default_name: str) -> Optional[Path]:
    """"default" → configs/lexicons/<default_name> (None if absent: a saved pipeline brings its own)."""
    if not setting:
        return None
    if setting == "default":
        path = LEXICONS / default_name
        return path if path.exists() else None
    path = Path(setting)
    if not path.exists():
        raise XiuciError(f"{path}: lexicon file not found")
    return path


def load_words(setting: Optional[str], *default_names: str) -> list[str]:
    """Words of a list file; "default" reads and joins the named files of configs/lexicons."""
    paths = [resolve(setting, name) for name in default_names] if setting == "default" else [resolve(setting, "")]
    return [w for path in paths if path for w in read_list(path)]


def save_lists(path, lists: dict[str, list]) -> None:
    """Save a component's lists as one JSON file in its folder of a saved pipeline."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    srsly.write_json(path / "lexicon.json", lists)


def load_lists(path) -> dict[str, list]:
    return srsly.read_json(Path(path) / "lexicon.json")


def read_list_setting(setting: Optional[str], default_name: str) -> list[list[str]]:
    """Rows of a tab-separated list file (comments and blank lines skipped)."""
    path = resolve(setting, default_name)
    if path is None:
        return []
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]

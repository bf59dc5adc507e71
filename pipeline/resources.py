"""Where the project's data files live: configs/ (lexicons, cue lists, configs) and models/."""
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONFIGS = Path(os.environ.get("XIUCI_CONFIGS", ROOT / "configs"))
MODELS = Path(os.environ.get("XIUCI_MODELS", ROOT / "models"))
DEFAULT_CONFIG = CONFIGS / "default.cfg"


def read_list(path: Path) -> list[str]:
    """Non-empty lines of a UTF-8 word list, without `#` comments."""
    words = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.append(line)
    return words

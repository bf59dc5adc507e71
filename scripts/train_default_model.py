"""Rebuild the default paragraph classifier, models/paragraph-classifier, from data/train/ (seeded).

Run: python scripts/train_default_model.py   (same as `xiuci train data/train --out models/paragraph-classifier --cv 5`)
"""
import sys
from pathlib import Path

from pipeline.cli import app

ROOT = Path(__file__).resolve().parents[1]

if __name__ == "__main__":
    sys.exit(app(["train", str(ROOT / "data" / "train"), "--out", str(ROOT / "models" / "paragraph-classifier"), "--cv", "5"]))

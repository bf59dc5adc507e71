"""xiuci: rhetoric and paragraph function of Chinese political speeches, as a spaCy pipeline.

    from pipeline import load, to_dataframe
    nlp = load()                      # the default pipeline (configs/default.cfg)
    doc = nlp(text)
    doc.spans["exhortation"], doc.spans["paragraph"]
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from .extensions import register_extensions
from .records import doc_to_record, to_dataframe

register_extensions()

__all__ = ["load", "to_dataframe", "doc_to_record"]
__version__ = "0.1.0"


def load(path: Optional[str | Path] = None, *, segmenter: Optional[str] = None, exclude: tuple[str, ...] = ()):
    """Load a pipeline: the default config, another `.cfg`, or a saved pipeline directory.

    `segmenter` ("pkuseg", "jieba" or "char") overrides the config's tokenizer.
    """
    import spacy
    from spacy import util

    from .errors import XiuciError
    from .resources import DEFAULT_CONFIG

    path = Path(path) if path else DEFAULT_CONFIG
    overrides = {"nlp.tokenizer.segmenter": segmenter} if segmenter else {}
    if path.is_dir():
        return spacy.load(path, exclude=list(exclude), config=overrides)
    if not path.exists():
        raise XiuciError(f"{path}: no such pipeline config or directory")
    config = util.load_config(path, overrides=overrides, interpolate=False)
    return util.load_model_from_config(config, auto_fill=True, exclude=list(exclude))

"""The zh tokenizer: pkuseg weights found in the installed `pkuseg` distribution, plus a user dictionary.

Saving a pipeline stores only the settings and the user words; the ~180 MB pkuseg weights stay in
the `pkuseg` package and are located again when the pipeline is loaded.
"""
from __future__ import annotations

import contextlib
import importlib.metadata
import io
from pathlib import Path
from typing import Optional

import srsly
from spacy.lang.zh import ChineseTokenizer, Segmenter
from spacy.tokens import Doc
from spacy.util import get_words_and_spaces, registry

from .errors import XiuciError
from .extensions import SIMPLE_KEY, TEXT_KEY
from .resources import CONFIGS, read_list
from .traditional import simplified

PKUSEG_FIX = (
    "install it with `pip install numpy cython wheel && pip install --no-build-isolation pkuseg==0.0.25` "
    "(or run ./setup.sh), or choose segmenter = \"jieba\" in the config"
)


def find_pkuseg_model(name: str = "default") -> Path:
    """Directory of a pkuseg model: a path, or a model shipped inside the installed `pkuseg` package."""
    if Path(name).is_dir():
        path = Path(name)
    else:
        try:
            dist = importlib.metadata.distribution("pkuseg")
        except importlib.metadata.PackageNotFoundError:
            raise XiuciError(f"the pkuseg model '{name}' is not installed: {PKUSEG_FIX}") from None
        path = Path(dist.locate_file(f"pkuseg/models/{name}"))
    if not (path / "weights.npz").exists() or not any((path / f).exists() for f in ("features.pkl", "features.msgpack")):
        raise XiuciError(f"no pkuseg model (weights.npz, features.pkl) in {path}: {PKUSEG_FIX}")
    return path


def resolve_user_dict(user_dict: str) -> Path:
    """The user dictionary file: "default" is configs/userdict.txt."""
    path = CONFIGS / "userdict.txt" if user_dict == "default" else Path(user_dict)
    if not path.exists():
        raise XiuciError(f"{path}: user dictionary not found")
    return path


def glued_words() -> dict[str, list[str]]:
    """Words pkuseg glues that are two tokens here (就要 → 就 要: the modal 要 is a token of its own), from
    configs/lexicons/token_splits.txt."""
    return {"".join(parts): parts for parts in (line.split() for line in read_list(CONFIGS / "lexicons" / "token_splits.txt"))}


GLUED = glued_words()


def split_glued(words: list[str]) -> list[str]:
    """The segmenter's words with the glued ones split."""
    if not GLUED.keys() & set(words):
        return words
    return [part for w in words for part in GLUED.get(w, (w,))]


def same_places(words: list[str], spaces: list[bool], text: str) -> list[str]:
    """The pieces of `text` at the places of `words` (with `spaces`) in a text of the same length."""
    out, start = [], 0
    for word, space in zip(words, spaces):
        out.append(text[start : start + len(word)])
        start += len(word) + space
    return out


class XiuciTokenizer(ChineseTokenizer):
    """spaCy's ChineseTokenizer that never serialises the segmenter weights."""

    def __init__(self, vocab, segmenter: str, pkuseg_model: str, user_dict: Optional[str]):
        super().__init__(vocab, segmenter=segmenter)
        self.pkuseg_model = pkuseg_model
        self.user_words: list[str] = read_list(resolve_user_dict(user_dict)) if user_dict else []
        self._load_segmenter()

    def _load_segmenter(self) -> None:
        if self.segmenter == Segmenter.pkuseg:
            import spacy_pkuseg

            model = find_pkuseg_model(self.pkuseg_model)
            quiet = io.StringIO()
            with contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):
                self.pkuseg_seg = spacy_pkuseg.pkuseg(str(model))
        elif self.segmenter == Segmenter.jieba:
            import jieba

            jieba.setLogLevel(60)
            self.jieba_seg = jieba.Tokenizer()
        self.add_words(self.user_words)

    def add_words(self, words) -> None:
        """Add words to the segmenter's user dictionary (kept when the pipeline is saved)."""
        words = [w for w in words if w]
        if self.segmenter == Segmenter.pkuseg:
            for w in words:
                self.pkuseg_seg.preprocesser.insert(w, "")
        elif self.segmenter == Segmenter.jieba:
            for w in words:
                self.jieba_seg.add_word(w)
        self.user_words = sorted(set(self.user_words) | set(words))

    def __call__(self, text: str) -> Doc:
        simple = simplified(text)
        cut = simple or text  # (traditional script is cut as its simplified characters, which pkuseg knows)
        if self.segmenter == Segmenter.pkuseg:
            words = self.pkuseg_seg.cut(cut)
        elif self.segmenter == Segmenter.jieba:
            words = [w for w in self.jieba_seg.cut(cut, cut_all=False) if w]
        else:
            words = list(cut)
        words, spaces = get_words_and_spaces(split_glued(words), cut)
        doc = Doc(self.vocab, words=same_places(words, spaces, text) if simple is not None else words, spaces=spaces)
        if simple is not None:
            for token, word in zip(doc, words):
                token.norm_ = word  # (the simplified word: what cue lists and lexicons are written in)
        doc.user_data[TEXT_KEY] = text  # the Doc's text is exactly the input: no need to rebuild it from tokens
        doc.user_data[SIMPLE_KEY] = simple  # (read by the components: `simplified_text`)
        return doc

    def initialize(self, get_examples=None, *, nlp=None, **kwargs):
        """Nothing to do: the segmenter is ready at construction."""

    def to_bytes(self, **kwargs) -> bytes:
        return srsly.msgpack_dumps(self._settings())

    def from_bytes(self, data: bytes, **kwargs):
        self._apply(srsly.msgpack_loads(data))
        return self

    def to_disk(self, path, **kwargs) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "cfg", self._settings())

    def from_disk(self, path, **kwargs):
        self._apply(srsly.read_json(Path(path) / "cfg"))
        return self

    def _settings(self) -> dict:
        return {"segmenter": self.segmenter, "pkuseg_model": self.pkuseg_model, "user_words": self.user_words}

    def _apply(self, cfg: dict) -> None:
        if cfg["segmenter"] != self.segmenter or cfg["pkuseg_model"] != self.pkuseg_model:
            self.segmenter, self.pkuseg_model = Segmenter(cfg["segmenter"]), cfg["pkuseg_model"]
            self.user_words = []
            self._load_segmenter()
        self.add_words(cfg["user_words"])

    def __reduce__(self):
        return (_rebuild_tokenizer, (self.vocab, self._settings()))


def _rebuild_tokenizer(vocab, settings: dict) -> XiuciTokenizer:
    tok = XiuciTokenizer(vocab, settings["segmenter"], settings["pkuseg_model"], None)
    tok.add_words(settings["user_words"])
    return tok


@registry.tokenizers("xiuci.ChineseTokenizer.v1")
def create_tokenizer(
    segmenter: str = "pkuseg", pkuseg_model: str = "default", user_dict: Optional[str] = "default"
):
    """Tokenizer factory for configs: `segmenter` is pkuseg, jieba or char."""
    if segmenter not in {s.value for s in Segmenter}:
        raise XiuciError(f"unknown segmenter '{segmenter}': choose pkuseg, jieba or char")

    def make(nlp):
        return XiuciTokenizer(nlp.vocab, Segmenter(segmenter), pkuseg_model, user_dict)

    return make

"""Extension attributes of the xiuci pipeline, all prefixed `xiuci_`, registered at import."""
from typing import Optional

from spacy.tokens import Doc, Span

from .traditional import simplified

SPAN_ATTRS = {
    "xiuci_index": None,  # paragraph/heading: order among the speech's non-empty lines
    "xiuci_line": None,  # paragraph/heading: 0-based line of the source text
    "xiuci_position": None,  # paragraph: relative position among body paragraphs, 0..1
    "xiuci_scores": None,  # paragraph: {label: probability} from the classifier
    "xiuci_mixed": False,  # paragraph: top two probabilities within the classifier's margin
}
# kept per label too (spaCy keys span extensions by offsets only): an enumeration and the parallelism of
# the same numbered items cover the same characters with different frames
LABELLED_SPAN_ATTRS = (
    "xiuci_members",  # parallelism: [(start_char, end_char), ...] of each member in the Doc
    "xiuci_frame",  # parallelism: the shared frame, e.g. "靠_" or "V+O"
)
DOC_ATTRS = {
    "xiuci_source": None,  # path the speech was read from
    "xiuci_encoding": None,  # encoding detected when reading it
}


TEXT_KEY = "xiuci_text"
SIMPLE_KEY = "xiuci_simplified"  # the text in simplified characters, None when it has no traditional ones


def doc_text(doc: Doc) -> str:
    """The Doc's text, kept in `doc.user_data` by the tokenizer or built once (Doc.text joins every token)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def simplified_text(doc: Doc) -> Optional[str]:
    """The Doc's text with its traditional characters made simplified (same offsets), or None when it has
    none: kept in `doc.user_data` by the tokenizer, or found once."""
    if SIMPLE_KEY not in doc.user_data:
        doc.user_data[SIMPLE_KEY] = simplified(doc_text(doc))
    return doc.user_data[SIMPLE_KEY]


def register_extensions() -> None:
    """Register every xiuci extension once (safe to call repeatedly)."""
    for name, default in SPAN_ATTRS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)
    for name in LABELLED_SPAN_ATTRS:
        if not Span.has_extension(name):
            Span.set_extension(name, getter=labelled_getter(name), setter=labelled_setter(name))
    for name, default in DOC_ATTRS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def labelled_key(name: str, span: Span) -> tuple:
    return ("._.", name, span.start_char, span.end_char, span.label_)


def labelled_getter(name: str):
    return lambda span: span.doc.user_data.get(labelled_key(name, span))


def labelled_setter(name: str):
    def setter(span: Span, value) -> None:
        span.doc.user_data[labelled_key(name, span)] = value

    return setter

"""What the three rhetoric components share: a span group, lists saved with the pipeline, span scoring."""
from __future__ import annotations

from .lexicon import load_lists, save_lists
from .scoring import score_span_group


class RhetoricComponent:
    """Subclasses set `name`, `spans_key` and `lists`, and rebuild their matchers in `apply_lists`."""

    name: str
    spans_key: str
    lists: dict

    def apply_lists(self, lists: dict) -> None:
        raise NotImplementedError

    def score(self, examples, **kwargs) -> dict:
        """Exact and ≥50%-overlap precision, recall and F1 of the component's span group."""
        return score_span_group(examples, self.spans_key)

    def to_disk(self, path, exclude=tuple()) -> None:
        save_lists(path, self.lists)

    def from_disk(self, path, exclude=tuple()):
        self.apply_lists(load_lists(path))
        return self

"""Rhetoric components: parallelism, four-character idioms and exhortations (annotation guide, section 2).
parallelism is compiled at install (setup.py); see pipeline/compiled.py for when its source runs instead."""
from ..compiled import use_fresh_source

use_fresh_source(__name__, "parallelism")

"""Rhetoric components: parallelism, four-character idioms and exhortations (annotation guide, section 2)."""

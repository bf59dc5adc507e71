"""Paragraph function: labelled-data readers, features, the scikit-learn model and its spaCy component."""

"""Mend's communication coach. Pure Python: no Django, no network, nothing leaves the process.

    from mend.coach import analyze
    result = analyze("You never listen to me", "message")

Rules and vocabularies live in data files per language (rules/<lang>.toml); the code here only
reads them, finds spans, and weighs context (negation, quotation, reported speech).
"""

from mend.coach.analyze import CATEGORIES, HARMFUL, HELPFUL, PURPOSES, Finding, analyze, labels_of

__all__ = ["CATEGORIES", "HARMFUL", "HELPFUL", "PURPOSES", "Finding", "analyze", "labels_of"]

"""Extraction: action items from meetings (spaCy patterns, line shapes and the note's layout)."""

from bot.extract.extractor import Extractor

__all__ = ["Extractor"]

"""Extraction: action items from meetings (spaCy patterns, line shapes and the note's layout).

`bot.extraction.extractor.Extractor` runs it. The package itself imports nothing, so that reading the
config (which names the model, `bot.extraction.nlp`) does not load spaCy.
"""

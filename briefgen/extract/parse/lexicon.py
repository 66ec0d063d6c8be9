"""The parse-based extractor's word lists (``briefgen/data/triggers.yaml``), loaded once.

Lists hold lemmas. A word is looked up by its own form first (regular and
irregular inflections are generated here), then by the parser's lemma, so a
weak lemmatizer costs nothing on the common forms.
"""

from __future__ import annotations

from functools import cached_property, lru_cache
from importlib import resources
from typing import Any

from briefgen.yamlsafe import safe_load

_VOWELS = "aeiou"


def inflections(lemma: str) -> set[str]:
    """Regular forms of an English verb or noun: -s, -ed, -ing, with the usual spelling rules."""
    forms = {lemma}
    if lemma.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(lemma + "es")
    elif lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in _VOWELS:
        forms.add(lemma[:-1] + "ies")
    else:
        forms.add(lemma + "s")
    if lemma.endswith("ee"):
        forms.update({lemma + "d", lemma + "ing"})  # "agreed", "agreeing"
    elif lemma.endswith("e"):
        forms.update({lemma + "d", lemma[:-1] + "ing"})
    elif lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in _VOWELS:
        forms.update({lemma[:-1] + "ied", lemma + "ing"})
    else:
        forms.update({lemma + "ed", lemma + "ing"})
        if (
            len(lemma) >= 3
            and lemma[-1] not in _VOWELS + "wxy"
            and lemma[-2] in _VOWELS
            and lemma[-3] not in _VOWELS
            and len(lemma) <= 4
        ):
            # Short words double their last consonant: "stopped", "planned", "vetted".
            forms.update({lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"})
    return forms


class Lexicon:
    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        # The rules ask for the same lists for every sentence they read: each is made once.
        self._words: dict[tuple[str, str | None], frozenset[str]] = {}

    def words(self, kind: str, part: str | None = None) -> frozenset[str]:
        found = self._words.get((kind, part))
        if found is None:
            value = self.data[kind] if part is None else self.data[kind][part]
            found = self._words[kind, part] = frozenset(str(v).lower() for v in value)
        return found

    @cached_property
    def lemma_of(self) -> dict[str, str]:
        """Word form (lower case) -> the lemma of every listed word."""
        lemmas: set[str] = set()
        for key in _KINDS:
            for words in self.data[key].values():
                lemmas.update(str(w).lower() for w in words)
        for key in ("speech", "stance", "negating", "planning"):
            lemmas.update(str(w).lower() for w in self.data[key])
        table: dict[str, str] = {}
        for lemma in sorted(lemmas):
            for form in inflections(lemma):
                table.setdefault(form, lemma)
        for form, lemma in self.data["irregular"].items():
            table[str(form).lower()] = str(lemma).lower()
        return table

    @cached_property
    def forms(self) -> frozenset[str]:
        """Every word form that may state a fact: sentences without one are not parsed."""
        kinds: set[str] = set()
        for key in _KINDS:
            for part, words in self.data[key].items():
                if part not in _NOT_ON_THEIR_OWN:
                    kinds.update(str(w).lower() for w in words)
        return frozenset(form for form, lemma in self.lemma_of.items() if lemma in kinds)

    @cached_property
    def noun_forms(self) -> frozenset[str]:
        """Forms of the event nouns ("talks", "calls", "deals"), which the parser may tag
        verbs where they stand as nouns."""
        lemmas = {str(w).lower() for key in _KINDS for w in self.data[key].get("nouns", [])}
        return frozenset(f for f, lemma in self.lemma_of.items() if lemma in lemmas)

    @cached_property
    def proposal_forms(self) -> frozenset[str]:
        """Forms of the verbs and nouns that state a proposal ("urged", "plans")."""
        return self._forms_of("proposal", "verbs") | self._forms_of("proposal", "nouns")

    @cached_property
    def refusal_forms(self) -> frozenset[str]:
        """Forms of words that state a fact only when refused ("did not accept")."""
        return self._forms_of("disagreement", "refusal_verbs")

    @cached_property
    def speech_forms(self) -> frozenset[str]:
        """Forms of verbs of speech: with a duty modal, a call ("said X should act")."""
        lemmas = self.words("speech")
        return frozenset(f for f, lemma in self.lemma_of.items() if lemma in lemmas)

    @cached_property
    def misconduct_forms(self) -> frozenset[str]:
        """Forms of verbs of misconduct: with a verb of speech, a side ("said X wasted")."""
        return self._forms_of("disagreement", "misconduct_verbs")

    @cached_property
    def denial_forms(self) -> frozenset[str]:
        """Forms of verbs of denial: after a claim, a contrast ("Y denied A")."""
        return self._forms_of("disagreement", "denial_verbs")

    def _forms_of(self, kind: str, part: str) -> frozenset[str]:
        lemmas = self.words(kind, part)
        return frozenset(f for f, lemma in self.lemma_of.items() if lemma in lemmas)

    @cached_property
    def negator_forms(self) -> frozenset[str]:
        lemmas = self.words("negating")
        negators = {f for f, lemma in self.lemma_of.items() if lemma in lemmas}
        return frozenset({*negators, "not", "never", "n't", "no"})

    def past(self, lemma: str) -> str:
        """The past tense of a listed verb: ``past`` in the table, else the regular form."""
        irregular = self.data.get("past", {})
        if lemma in irregular:
            return str(irregular[lemma])
        if lemma.endswith("e"):
            return lemma + "d"
        if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in _VOWELS:
            return lemma[:-1] + "ied"
        return lemma + "ed"

    def lemma(self, form: str, parser_lemma: str) -> str:
        lower = form.lower()
        if (known := self.lemma_of.get(lower)) is not None:
            return known
        prefix, hyphen, rest = lower.partition("-")
        if hyphen and prefix in _AGAIN_OR_JOINTLY:
            # "re-affirmed" is "reaffirmed", "re-emphasized" "emphasized" again
            known = self.lemma_of.get(prefix + rest) or self.lemma_of.get(rest)
            if known is not None:
                return known
        return parser_lemma.lower() or lower


_KINDS = ("meeting", "agreement", "disagreement", "proposal")
# Prefixes that leave a verb's meaning as it is: "re-affirm", "co-sign".
_AGAIN_OR_JOINTLY = frozenset({"re", "co"})
# Words that state a fact only beside another trigger ("held talks", "called
# for"): a sentence is not parsed for them alone.
_NOT_ON_THEIR_OWN = frozenset(
    {
        "light_verbs",
        "call_preps",
        "refusal_verbs",
        "concern_verbs",
        "offer_adjectives",
        "claim_nouns",
        "judging_verbs",
        "resolving",
        "prospect_nouns",
        "blow_verbs",
        "facing_verbs",
        "need_verbs",
        "dead_adjectives",
        "personal_plans",
        "personal_acts",
        "standing_verbs",
        "offices",
        "pledging_speech",
        "pledge_modals",
        "not_acts",
        "expressions",
        "owned_nouns",
        "presenting_verbs",
        "presented_nouns",
        "promise_nouns",
        "misconduct_verbs",
        "displeased_adjectives",
        "reply_verbs",
        "won_offices",
        "invited_acts",
        "act_need_nouns",
    }
)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    text = resources.files("briefgen.data").joinpath("triggers.yaml").read_text("utf-8")
    data = safe_load(text)
    _check(data, "triggers.yaml")
    return Lexicon(data)


def _check(value: object, where: str) -> None:
    """Every entry a word: YAML reads a bare ``on`` or ``no`` as a boolean."""
    if isinstance(value, dict):
        for key, item in value.items():
            _check(item, f"{where}: {key}")
    elif isinstance(value, list):
        for item in value:
            if not isinstance(item, str):
                raise ValueError(f"{where}: {item!r} is not a word (quote it)")
    elif not isinstance(value, str):
        raise ValueError(f"{where}: {value!r} is not a word (quote it)")

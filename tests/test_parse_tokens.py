"""A parsed sentence's tree walks (dependents, subtrees) give what the plain definitions give."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from briefgen.extract.parse.tokens import Sentence, Token

_LABELS = ["nsubj", "nsubj:pass", "obj", "obl:agent", "case", "conj", "ROOT", "acl:relcl"]


@st.composite
def sentences(draw: st.DrawFn) -> Sentence:
    """A tree over a few tokens (each head an earlier or later token; the root its own),
    or, as ``verbs_as_verbs`` may leave it, a few tokens heading each other in a loop."""
    n = draw(st.integers(1, 12))
    heads = [draw(st.integers(0, n - 1)) for _ in range(n)]
    deps = [draw(st.sampled_from(_LABELS)) for _ in range(n)]
    tokens = tuple(
        Token(i, f"w{i}", 3 * i, f"w{i}", "NOUN", deps[i], heads[i], True, "") for i in range(n)
    )
    return Sentence(tokens, ())


def _children(s: Sentence, i: int, *rels: str) -> list[Token]:
    main = [t for t in s.tokens if t.head == i and t.i != i]
    return [t for t in main if not rels or t.dep.split(":")[0].lower() in rels or t.dep in rels]


def _subtree(s: Sentence, i: int) -> list[int]:
    inside = {i}
    changed = True
    while changed:
        changed = False
        for t in s.tokens:
            if t.i not in inside and t.head in inside and t.head != t.i:
                inside.add(t.i)
                changed = True
    return sorted(inside)


@given(sentences(), st.lists(st.sampled_from(["nsubj", "nsubj:pass", "obl", "case", "root"])))
def test_dependents_and_subtrees_are_the_plain_definitions(sentence, rels):
    for t in sentence.tokens:
        assert sentence.children(t.i) == _children(sentence, t.i)
        assert sentence.children(t.i, *rels) == _children(sentence, t.i, *rels)
        assert sentence.subtree(t.i) == _subtree(sentence, t.i)
        assert t.rel == t.dep.split(":")[0].lower()


def test_a_walk_never_changes_the_sentence():
    tokens = (
        Token(0, "Leaders", 0, "leader", "NOUN", "nsubj", 1, True, ""),
        Token(1, "met", 8, "meet", "VERB", "ROOT", 1, False, ""),
    )
    sentence = Sentence(tokens, ())
    sentence.children(1).clear()  # a caller's list is its own
    assert [t.i for t in sentence.children(1)] == [0]
    assert sentence == Sentence(tokens, ())

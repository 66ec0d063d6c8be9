"""Which meeting an agreement, disagreement or proposal came out of.

A reader wants the outcomes of a meeting under the meeting, not three
sections further on. The digest records the link as ``meeting:`` on the
outcome (the meeting's index in ``meetings``), computed here, once, after the
articles' facts are merged and the corrections applied, so every format and
every template reads the same link.

An outcome belongs to a meeting when all of these hold:

* **same article**: one of its quotes comes from a source that reports the
  meeting;
* **same sentence chain**: in that source, the quote starts inside the run of
  sentences that report the meeting, or at most ``CHAIN_GAP`` characters
  (about two sentences) after its last one, the run growing with each
  outcome that joins it; or the source reports no other meeting (a readout
  of one call is one chain from its first line to its last), for an outcome
  whose parties are named;
* **same parties**: every party of the outcome (an agreement's or
  disagreement's parties, a proposal's author) is a participant, one of their
  aliases, or the state or organisation a participant belongs to (from the
  digest's people). A proposal with no author qualifies on the first two.

When several meetings qualify, the outcome goes to the one whose reporting
sentences are nearest to its quote, then to the first in the digest. The
rules use nothing but the digest's own fields, so they hold for any
extractor's digest.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from briefgen.model import Agreement, Digest, Disagreement, Evidence, Person, Proposal

# Characters after a meeting's last reporting sentence that still continue its chain.
CHAIN_GAP = 320
# Distance given to a link by the rule "the article reports only this meeting",
# so a link by sentence chain always wins over it.
SOLE_MEETING = 10**9

Outcome = Agreement | Disagreement | Proposal


def _norm(name: str) -> str:
    return " ".join(name.casefold().replace(".", " ").split())


class _Parties:
    """Each participant's name, aliases and affiliation, normalised, by participant."""

    def __init__(self, people: Iterable[Person]) -> None:
        self._forms: dict[str, set[str]] = {}
        for person in people:
            forms = {_norm(person.name), *(_norm(a) for a in person.aliases)}
            if person.affiliation:
                forms.add(_norm(person.affiliation))
            for form in [person.name, *person.aliases]:
                self._forms.setdefault(_norm(form), set()).update(forms)

    def of(self, participants: Sequence[str]) -> set[str]:
        """Every form by which ``participants`` (or their side) may be named."""
        forms: set[str] = set()
        for name in participants:
            forms.add(_norm(name))
            forms.update(self._forms.get(_norm(name), ()))
        return forms


def outcome_parties(fact: Outcome) -> list[str]:
    """Who an outcome is about: its parties, or a proposal's author (none when unknown)."""
    if isinstance(fact, Proposal):
        return [fact.by] if fact.by else []
    return list(fact.parties)


def chain_distance(outcome: Sequence[Evidence], meeting: Sequence[Evidence]) -> int | None:
    """How far (in characters) the outcome's nearest quote is from the meeting's chain.

    ``0`` is a quote inside the chain; None means no quote is in the same
    source within ``CHAIN_GAP`` of it.
    """
    best: int | None = None
    for e in outcome:
        spans = [(m.start, m.end) for m in meeting if m.source == e.source]
        if not spans:
            continue
        first, last = min(s for s, _ in spans), max(end for _, end in spans)
        if e.start < first:
            continue
        distance = max(0, e.start - last)
        if distance <= CHAIN_GAP and (best is None or distance < best):
            best = distance
    return best


class _Chains:
    """The meetings' sentence chains of one round, indexed by source.

    Only a meeting reported by one of an outcome's sources can be its
    meeting (both rules need a shared source), so an outcome is compared
    with those alone, not with every meeting of the digest.
    """

    def __init__(self, chains: Sequence[Sequence[Evidence]]) -> None:
        self.evidence = chains
        # The meetings reporting each source, in the digest's order.
        self.by_source: dict[str, list[int]] = {}
        for index, chain in enumerate(chains):
            for source in dict.fromkeys(e.source for e in chain):
                self.by_source.setdefault(source, []).append(index)


def meeting_of(fact: Outcome, chains: _Chains, sides: Sequence[set[str]]) -> int | None:
    """The index of the meeting ``fact`` came out of, or None (rules in the module doc);
    ``sides`` are the forms of each meeting's participants (``_Parties.of``)."""
    wanted = [_norm(p) for p in outcome_parties(fact)]
    own = {e.source for e in fact.evidence}
    # Sources that report exactly one meeting: an article about one meeting is one chain.
    sole = {s for s in own if len(chains.by_source.get(s, ())) == 1}
    candidates = sorted({i for s in own for i in chains.by_source.get(s, ())})
    best: tuple[int, int] | None = None
    for index in candidates:
        evidence = chains.evidence[index]
        distance = chain_distance(fact.evidence, evidence)
        if distance is None:
            if not wanted or not any(e.source in sole for e in evidence):
                continue
            distance = SOLE_MEETING
        if not all(p in sides[index] for p in wanted):
            continue
        if best is None or distance < best[0]:
            best = (distance, index)
    return None if best is None else best[1]


def link_outcomes(digest: Digest) -> Digest:
    """``digest`` with ``meeting`` set on every outcome that came out of a meeting.

    The chain grows with what joins it: an outcome reported right after
    another outcome of the meeting belongs to the meeting too, as a readout
    lists what its two sides agreed one sentence after the other. Links are
    computed from scratch until nothing changes, so the result depends only
    on the facts: a correction that drops or adds a meeting moves its
    outcomes with it.
    """
    parties = _Parties(digest.people)
    sides = [parties.of(m.participants) for m in digest.meetings]
    outcomes: list[Outcome] = [*digest.agreements, *digest.disagreements, *digest.proposals]
    links: dict[int, int | None] = {}
    for _ in range(len(outcomes) + 1):  # each round can only add to the chains it uses
        chains = [list(m.evidence) for m in digest.meetings]
        reports = _Chains(chains).by_source
        for i, index in links.items():
            if index is not None:
                # Only the quotes that lie in this meeting's report: one proposal told of
                # two meetings in one article ("Seoul's proposal" at the Rome talks, the
                # same proposal pressed in Paris) extends the chain of neither beyond it.
                chain = list(chains[index])
                chains[index].extend(
                    e
                    for e in outcomes[i].evidence
                    if reports.get(e.source) == [index] or chain_distance([e], chain) is not None
                )
        round_chains = _Chains(chains)
        found = {i: meeting_of(fact, round_chains, sides) for i, fact in enumerate(outcomes)}
        if found == links:
            break
        links = found
    linked = [f.model_copy(update={"meeting": links.get(i)}) for i, f in enumerate(outcomes)]
    n_agree, n_dis = len(digest.agreements), len(digest.disagreements)
    return digest.model_copy(
        update={
            "agreements": linked[:n_agree],
            "disagreements": linked[n_agree : n_agree + n_dis],
            "proposals": linked[n_agree + n_dis :],
        }
    )

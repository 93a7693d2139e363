"""A relative clause's possessive "whose" names the noun the clause modifies: "the
demonstrators, whose demands included ..." are the demonstrators' demands, not no one's."""

from __future__ import annotations

from eventwire import Pipeline
from eventwire.extract.event_actors import whose_noun
from eventwire.nlp.model import load_model


def test_whose_is_the_noun_its_clause_modifies() -> None:
    doc = load_model("md")("The talks failed to satisfy the farmers, whose demands included higher prices.")
    whose = next(t for t in doc if t.lower_ == "whose")
    noun = whose_noun(whose)
    assert noun is not None and noun.lower_ == "farmers", noun
    other = next(t for t in doc if t.lower_ == "farmers")
    assert whose_noun(other) is None


def test_a_demand_of_whose_is_the_modified_groups(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Police fired tear gas at thousands of demonstrators in Beirut on Monday. The cabinet made "
        "concessions, but they failed to satisfy the demonstrators, whose demands included the "
        "resignation of the government."
    )
    requests = [e for e in analysis.events if e.type == "REQUEST"]
    assert any(e.source and e.source.actor and "protesters" in e.source.actor for e in requests), requests

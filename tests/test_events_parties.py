"""Several participants on the same words: one event per party (coding rule 2), through
coordination with appositions, mutual acts done "with" a partner, and mediation."""

from __future__ import annotations

from eventwire import Pipeline
from eventwire.models import Analysis


def pairs(analysis: Analysis, type_: str) -> set[tuple[str | None, str | None]]:
    """(source, target) words of the body's events of ``type_``."""
    return {
        (e.source.text if e.source else None, e.target.text if e.target else None)
        for e in analysis.events
        if e.type == type_ and e.section.value == "body"
    }


def actor_pairs(analysis: Analysis, type_: str) -> set[tuple[str | None, str | None]]:
    """(source, target) actor ids of the events of ``type_`` with both sides."""
    return {
        (e.source.actor, e.target.actor)
        for e in analysis.events
        if e.type == type_ and e.source is not None and e.target is not None
    }


def names(analysis: Analysis, type_: str, side: str) -> set[str]:
    return {text for pair in pairs(analysis, type_) if (text := pair[side == "target"]) is not None}


def test_apposition_after_a_later_member_names_that_member(candidates: Pipeline) -> None:
    """The parser hangs ", Ibrahim Sesay," on "he": the name is the secretary general's."""
    analysis = candidates.analyze_text(
        "Last year he and the party's secretary general, Ibrahim Sesay, were arrested in Freetown."
    )
    targets = names(analysis, "COERCE", "target")
    assert any("Ibrahim Sesay" in t for t in targets), targets
    assert not any(t.startswith("he and") for t in targets), targets  # not one phrase for both


def test_each_detained_party_is_one_event(candidates: Pipeline) -> None:
    """Coreference keeps the two parties apart though "he" resolves to the speaker."""
    analysis = candidates.analyze_text(
        "The opposition leader, Hakim Salim, said he and the party's treasurer, Musa Bello, "
        "were detained by soldiers."
    )
    targets = names(analysis, "COERCE", "target")
    assert "he" in targets and any("Musa Bello" in t for t in targets), targets


def test_named_apposition_of_a_possessed_noun_is_not_its_owner(candidates: Pipeline) -> None:
    """ "its ally, Afghanistan" names Afghanistan, not whoever "its" is."""
    analysis = candidates.analyze_text(
        "Pakistan threatened to strike India and its ally, Afghanistan, on Sunday."
    )
    targets = [e.target.country for e in analysis.events if e.type == "THREATEN" and e.target]
    assert sorted(targets) == ["AFG", "IND"], targets
    analysis = candidates.analyze_text(
        "Kenyan police detained the mayor and his deputy, Mary Wanjiku, on Monday."
    )
    assert any("Mary Wanjiku" in t for t in names(analysis, "COERCE", "target"))


def test_description_after_a_list_is_of_the_whole_list(candidates: Pipeline) -> None:
    """ "Egypt and Sudan, rivals in ...": the description renames neither member alone."""
    analysis = candidates.analyze_text(
        "Egypt and Sudan, rivals in the long dispute over the river, agreed on Monday to resume talks."
    )
    assert pairs(analysis, "AGREE") == {("Egypt", "Sudan"), ("Sudan", "Egypt")}


def test_mediator_deals_with_each_party(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text("Norway brokered a ceasefire between the government and the rebels.")
    assert pairs(analysis, "CONSULT") >= {("Norway", "the government"), ("Norway", "the rebels")}
    analysis = candidates.analyze_text(
        "The talks between Serbia and Kosovo were mediated by the European Union."
    )
    assert {t for s, t in pairs(analysis, "CONSULT") if s == "the European Union"} == {"Serbia", "Kosovo"}


def test_talks_mediated_by_a_third_party(candidates: Pipeline) -> None:
    """A participle's agent mediates; the talks stay between their own parties."""
    analysis = candidates.analyze_text("Iran and Saudi Arabia held talks in Baghdad, mediated by Iraq.")
    found = pairs(analysis, "CONSULT")
    assert {("Iraq", "Iran"), ("Iraq", "Saudi Arabia"), ("Iran", "Saudi Arabia")} <= found, found
    assert ("Saudi Arabia", "Iraq") not in found


def test_mediators_named_together_do_not_deal_with_each_other(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Observers from the African Union and the United Nations, which mediated the talks, left."
    )
    found = pairs(analysis, "CONSULT")
    assert ("the African Union", "the United Nations") not in found, found
    assert ("the United Nations", "the African Union") not in found, found


def test_a_mediator_of_the_story_pair_deals_with_each_party(candidates: Pipeline) -> None:
    """Where the words name no party of the mediated act, or one, the story's two parties."""
    analysis = candidates.analyze_text(
        "Armenia and Azerbaijan signed a peace deal in Geneva on Friday. Both leaders thanked "
        "Switzerland, which had mediated the negotiations for months."
    )
    found = {t for s, t in pairs(analysis, "CONSULT") if s == "Switzerland"}
    assert found == {"Armenia", "Azerbaijan"}, pairs(analysis, "CONSULT")


def test_pact_signed_with_a_partner_goes_both_ways(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text("Fiji signed a security agreement with Australia on Monday.")
    assert pairs(analysis, "SUPPORT") == {("Fiji", "Australia"), ("Australia", "Fiji")}


def test_talks_with_one_partner_go_both_ways(candidates: Pipeline) -> None:
    """Holding talks or joint work "with" one partner is an act of both (coding rule 2)."""
    analysis = candidates.analyze_text("Kenyan President William Ruto held talks with Nigeria on Monday.")
    found = pairs(analysis, "CONSULT")
    assert {(t, s) for s, t in found} == found and len(found) == 2, found
    analysis = candidates.analyze_text("The Estonian navy has been holding joint drills with Finland.")
    found = pairs(analysis, "COOPERATE")
    assert {(t, s) for s, t in found} == found and len(found) == 2, found


def test_one_met_by_another_met_them_too(candidates: Pipeline) -> None:
    """ "X met Y" is a meeting of both; "X visited Y" is X's act alone."""
    analysis = candidates.analyze_text("Chilean Foreign Minister Ana Soto met Pope Leo in Rome on Monday.")
    found = pairs(analysis, "CONSULT")
    assert {(t, s) for s, t in found} == found and len(found) == 2, found


def test_meeting_a_demand_or_a_deadline_meets_no_one(candidates: Pipeline) -> None:
    for text in (
        "Lima has moved to meet Quito's demand that it close the border crossing.",
        "The government met the unions' demands on Friday.",
    ):
        assert [e for e in candidates.analyze_text(text).events if e.type == "CONSULT"] == [], text
    met = candidates.analyze_text("The Peruvian foreign minister met his Ecuadorian counterpart in Quito.")
    assert [e.type for e in met.events] == ["CONSULT", "CONSULT"]


def test_work_with_a_list_of_partners_stays_one_way(candidates: Pipeline) -> None:
    """Training "with" several partners is coded from the side that tells it."""
    analysis = candidates.analyze_text(
        "The Kenyan army held joint exercises with Uganda and Rwanda last month."
    )
    found = pairs(analysis, "COOPERATE")
    assert found and all(s == "The Kenyan army" for s, _ in found), found


def test_members_a_group_noun_names_by_apposition_are_parties(candidates: Pipeline) -> None:
    """ "its neighbours Chad and Sudan" names two parties, not the owner of "its"."""
    analysis = candidates.analyze_text(
        "Libya and its southern neighbours Chad and Sudan signed a border security pact on Friday."
    )
    found = pairs(analysis, "SUPPORT")
    assert {t for _, t in found} >= {"Chad", "Sudan"}, found
    assert all(s == "Libya" for s, _ in found), found


def test_name_coordinated_with_the_role_of_the_name_before_is_listed() -> None:
    """The parser may hang the second name on the first name's role ("Ama Owusu, Ghana's
    trade chief, and Ali Musa, ..." with "Musa" a conjunct of "chief"): both are members."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from eventwire.extract.event_patterns import conjuncts

    words = ["Ama", "Owusu", ",", "Ghana", "'s", "trade", "chief", ",", "and", "Ali", "Musa", "met"]
    heads = [1, 11, 1, 6, 3, 6, 1, 6, 6, 10, 6, 11]
    deps = ["compound", "nsubj", "punct", "poss", "case", "compound", "appos", "punct", "cc",
            "compound", "conj", "ROOT"]  # fmt: skip
    pos = ["PROPN", "PROPN", "PUNCT", "PROPN", "PART", "NOUN", "NOUN", "PUNCT", "CCONJ",
           "PROPN", "PROPN", "VERB"]  # fmt: skip
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)
    assert [t.text for t in conjuncts(doc[1])] == ["Owusu", "Musa"]
    # a role coordinated with another role renames the one person: "the chief and founder"
    words = ["Ama", "Owusu", ",", "the", "chief", "and", "founder", ",", "met"]
    heads = [1, 8, 1, 4, 1, 4, 4, 1, 8]
    deps = ["compound", "nsubj", "punct", "det", "appos", "cc", "conj", "punct", "ROOT"]
    pos = ["PROPN", "PROPN", "PUNCT", "DET", "NOUN", "CCONJ", "NOUN", "PUNCT", "VERB"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)
    assert [t.text for t in conjuncts(doc[1])] == ["Owusu"]


def test_fighting_between_two_parties_is_each_ones_attack(candidates: Pipeline) -> None:
    """A gerund subject ("Fighting between X and Y") has its sides in "between", as the noun
    "clashes" has: one attack each way (coding rule 2)."""
    analysis = candidates.analyze_text(
        "Fighting between the militia and the army has displaced thousands of families."
    )
    found = pairs(analysis, "ASSAULT")
    assert ("the militia", "the army") in found and ("the army", "the militia") in found, found


def test_sides_sharing_one_noun_between_them_are_two_parties(candidates: Pipeline) -> None:
    """ "between the Sudanese and Ethiopian sides": each modifier names one side, even where
    the phrase alone would be read as one actor."""
    analysis = candidates.analyze_text(
        "Four farmers died in renewed clashes between the Sudanese and Ethiopian sides near the border."
    )
    found = actor_pairs(analysis, "ASSAULT")
    assert {("country:SDN", "country:ETH"), ("country:ETH", "country:SDN")} <= found, found


def test_unnamed_group_listed_with_named_targets_is_a_target(candidates: Pipeline) -> None:
    """A request to "Apple, Amazon and internet providers" is one request to each, the group
    of no known name too, as a source list keeps its unnamed groups."""
    analysis = candidates.analyze_text(
        "The judge called on Apple, Amazon and internet providers to block the accounts within a day."
    )
    targets = names(analysis, "REQUEST", "target")
    assert {"Apple", "Amazon", "internet providers"} <= targets, targets


def test_unnamed_group_listed_first_with_a_named_party_is_a_party(candidates: Pipeline) -> None:
    """ "Clashes between hawkers and police": with the hawkers too, listed first or last; a
    first member an owner names ("their fighters") is the owner's, no group of its own."""
    analysis = candidates.analyze_text(
        "Clashes erupted between hawkers and municipal police near the old market on Thursday."
    )
    found = actor_pairs(analysis, "ASSAULT")
    assert ("unk:hawkers", "unk:municipal-police") in found, found
    assert ("unk:municipal-police", "unk:hawkers") in found, found
    owned = candidates.analyze_text("The rebels pulled back their fighters and the police from the town.")
    assert not any(e.target and e.target.actor == "unk:fighters" for e in owned.events), owned.events


def test_things_listed_with_a_named_target_are_no_targets(candidates: Pipeline) -> None:
    """Only a group of people joins the list: "vehicles" and "weapons" are things (coding rule 3)."""
    analysis = candidates.analyze_text(
        "Troops seized weapons, vehicles and fighters from the Houthis on Friday."
    )
    targets = {t for pair in pairs(analysis, "COERCE") | pairs(analysis, "ASSAULT") for t in pair[1:] if t}
    assert not {"vehicles", "weapons"} & targets, targets


def test_a_pronoun_owners_supporters_are_a_party_of_their_own(candidates: Pipeline) -> None:
    """ "clashes between his supporters and protesters": the supporters fight, not the leader
    "his" names (as the resolver reads "supporters of X"), and the clash goes both ways."""
    analysis = candidates.analyze_text(
        "The governor resigned on Monday. Clashes between his supporters and student protesters "
        "left ten people injured."
    )
    found = pairs(analysis, "ASSAULT")
    assert ("his supporters", "student protesters") in found, found
    assert ("student protesters", "his supporters") in found, found


def test_a_member_owned_by_the_member_before_is_a_party_of_its_own(candidates: Pipeline) -> None:
    """ "condemned Russia and its allies": the allies are condemned too, each its own event
    (coding rule 2), not Russia again through "its"."""
    analysis = candidates.analyze_text(
        "Ukraine condemned Russia and its allies for the strike on the hospital."
    )
    targets = names(analysis, "ACCUSE", "target")
    assert {"Russia", "its allies"} <= targets, targets


def test_a_listed_doer_owned_by_the_doer_before_acts_too(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "The Congolese army and its allied militias attacked the town of Bunagana."
    )
    sources = names(analysis, "ASSAULT", "source")
    assert {"The Congolese army", "its allied militias"} <= sources, sources


def test_a_thing_owned_by_a_listed_party_is_no_party(candidates: Pipeline) -> None:
    """ "the tribunal and its ruling": a ruling is no one (coding rule 3)."""
    analysis = candidates.analyze_text("The minister said Beijing rejects the tribunal and its ruling.")
    targets = {t for pair in pairs(analysis, "REJECT") for t in pair[1:] if t}
    assert not any("ruling" in t for t in targets), targets


def test_two_states_joined_by_a_hyphen_are_two_parties(candidates: Pipeline) -> None:
    """ "the joint Russian-Chinese naval patrol": each state's, one event per party (coding
    rule 2), not one actor of the whole words."""
    analysis = candidates.analyze_text("Tokyo protested against the joint Russian-Chinese naval patrol.")
    targets = names(analysis, "ACCUSE", "target")  # a state's protest: an official complaint
    assert {"Russian", "Chinese"} <= targets, targets


def test_a_state_named_with_a_hyphen_is_one_party(candidates: Pipeline) -> None:
    """ "Guinea-Bissau" is one state, though "Guinea" is another."""
    analysis = candidates.analyze_text("The African Union suspended Guinea-Bissau after the coup.")
    targets = names(analysis, "SANCTION", "target")
    assert targets and all("Bissau" in t for t in targets), targets


def test_a_count_of_several_kinds_of_people_is_each_a_doer(candidates: Pipeline) -> None:
    """ "hundreds of police and soldiers fired": the count lists two doers, each a source of
    its own, as "arrested dozens of students and teachers" has two targets; people named by
    no role ("thousands of men and women") stay one crowd."""
    analysis = candidates.analyze_text(
        "Hundreds of police and soldiers fired tear gas at the crowd in Lagos."
    )
    assert {"police", "soldiers"} <= names(analysis, "COERCE", "source"), pairs(analysis, "COERCE")
    analysis = candidates.analyze_text(
        "Thousands of nurses and teachers marched against the government on Friday."
    )
    assert {"nurses", "teachers"} <= names(analysis, "PROTEST", "source"), pairs(analysis, "PROTEST")
    analysis = candidates.analyze_text("Thousands of men and women marched against the government on Friday.")
    assert "women" not in names(analysis, "PROTEST", "source"), pairs(analysis, "PROTEST")

"""A person's role said with no name ("the reporter", "the 58-year-old opposition leader")
that nobody was titled with is the person the sentences just before are about
(ActorResolver._topic_person in eventwire/resolve/actors.py)."""

from __future__ import annotations

from eventwire import Pipeline
from eventwire.models import Mention
from eventwire.resolve.actors import ActorStage


def link_at(pipeline: Pipeline, text: str, phrase: str, head: str) -> Mention:
    analysis = pipeline.analyze_text(text)
    stage = next(s for s in pipeline.stages if isinstance(s, ActorStage))
    start = text.index(phrase)
    return stage.link(analysis, start, start + len(phrase), head=text.index(head, start))


def test_a_role_description_is_the_person_just_introduced_with_another_word(pipeline: Pipeline) -> None:
    text = (
        "Police detained Marta Oyelaran, a freelance photographer from Ghana, on Monday. "
        "An officer said the reporter would be freed after questioning."
    )
    assert link_at(pipeline, text, "the reporter", "reporter").actor == "person:marta-oyelaran"


def test_a_role_description_continues_the_person_of_the_sentence_before(pipeline: Pipeline) -> None:
    text = (
        "The court jailed Rashid Kamara for ten years on Friday. "
        "The 58-year-old opposition leader denied the charges."
    )
    assert link_at(pipeline, text, "The 58-year-old", "leader").actor == "person:rashid-kamara"


def test_a_person_titled_with_another_office_is_not_the_description(pipeline: Pipeline) -> None:
    text = "President Tomas Velez arrived in Lima on Monday. The minister said the visit would last two days."
    assert link_at(pipeline, text, "The minister", "minister").actor != "person:tomas-velez"


def test_the_teller_is_not_the_role_he_tells_of(pipeline: Pipeline) -> None:
    text = "Ahmed Bello said on Tuesday that the minister would resign."
    assert link_at(pipeline, text, "the minister", "minister").actor != "person:ahmed-bello"


def test_two_people_named_in_passing_leave_the_description_open(pipeline: Pipeline) -> None:
    text = (
        "Protesters marched past the homes of Ahmed Bello and Fatima Sani. "
        "The minister said the march was peaceful."
    )
    assert link_at(pipeline, text, "The minister", "minister").actor not in (
        "person:ahmed-bello", "person:fatima-sani",
    )  # fmt: skip


def test_one_who_only_owns_the_role_is_not_it(pipeline: Pipeline) -> None:
    text = (
        "Police arrested Omar Haddad's deputy on Monday. The lawmaker was taken to a prison in the capital."
    )
    assert link_at(pipeline, text, "The lawmaker", "lawmaker").actor != "person:omar-haddad"


def test_a_person_set_beside_a_role_of_another_kind_is_not_the_description(pipeline: Pipeline) -> None:
    text = (
        "Joseph Adeyemi, a local journalist, says calm has returned to the town. "
        '"The governor has imposed a curfew on the town," Adeyemi said.'
    )
    assert link_at(pipeline, text, "The governor", "governor").actor != "person:joseph-adeyemi"


def test_an_office_left_is_no_other_title(pipeline: Pipeline) -> None:
    text = (
        "A court jailed former president Rashid Kamara for ten years on Friday. "
        "The opposition leader denied the charges."
    )
    assert link_at(pipeline, text, "The opposition leader", "leader").actor == "person:rashid-kamara"
    text = "President Rashid Kamara flew to Paris on Friday. The opposition leader denied the charges."
    assert link_at(pipeline, text, "The opposition leader", "leader").actor != "person:rashid-kamara"


def test_members_of_a_named_court_not_in_the_knowledge_base_are_that_court(pipeline: Pipeline) -> None:
    """ActorResolver._same_sector: an organisation's name whose words give it the sector
    ("Supreme Court": JUD) counts as a known body does."""
    text = (
        "Kenya's Supreme Court annulled the vote on Friday. "
        "By four votes to two, the judges found the count flawed."
    )
    assert link_at(pipeline, text, "the judges", "judges").actor == "unk:supreme-court"


def test_of_two_people_the_one_named_in_the_description_s_own_sentence_is_nearer(pipeline: Pipeline) -> None:
    text = (
        '"He was hit with a baton," Omar Haddad, a witness, wrote on Facebook. '
        "A police officer denied that Marta Oyelaran had been beaten, but said the reporter was held."
    )
    assert link_at(pipeline, text, "the reporter", "reporter").actor == "person:marta-oyelaran"

"""Pronouns read from their own sentence: a bracketed name, the subject or controlling object
of the verb above the pronoun's clause (resolve/pronouns.py, resolve/actors.py)."""

from __future__ import annotations

from eventwire import Pipeline
from eventwire.models import Mention
from eventwire.resolve.actors import ActorStage
from eventwire.resolve.pronouns import bracketed


def link_at(pipeline: Pipeline, text: str, phrase: str, size: int) -> Mention:
    analysis = pipeline.analyze_text(text)
    stage = next(s for s in pipeline.stages if isinstance(s, ActorStage))
    start = text.index(phrase)
    return stage.link(analysis, start, start + size, head=start)


def test_bracketed_finds_the_inserted_name_only_right_after_the_pronoun() -> None:
    text = "They (the police) beat us. It said (in a statement) that"
    assert bracketed(text, 4) == (6, 16)
    assert bracketed(text, text.index("It") + 2) is None  # "said" comes first


def test_a_bracketed_name_says_who_they_are(pipeline: Pipeline) -> None:
    text = (
        "Residents of Kibera said officers raided the market at dawn. "
        '"They (the police) beat us and took our goods," one trader said.'
    )
    assert link_at(pipeline, text, "They (", 4).actor == "unk:police"


def test_a_bracket_that_names_no_actor_is_passed_over(pipeline: Pipeline) -> None:
    """ "its (nuclear) programme": the words in brackets are no actor, so the usual search runs."""
    text = "Iran said on Monday that its (nuclear) programme was peaceful."
    assert link_at(pipeline, text, "its (", 3).actor == "country:IRN"


def test_a_possessive_takes_the_subject_over_a_name_in_its_relative_clause(pipeline: Pipeline) -> None:
    text = (
        "Omar Sadiq, whose memoir was praised by the novelist Ahmed Farouk, has been in custody "
        "since his arrest in Cairo last year."
    )
    assert link_at(pipeline, text, "his arrest", 3).actor == "person:omar-sadiq"


def test_a_possessive_in_a_reported_clause_is_the_reporter(pipeline: Pipeline) -> None:
    """The clause conjoined before ("Somalia had closed ...") has a subject of its own: a
    sibling, not the clause "its troops" is under."""
    text = (
        "The Kenyan army said Somalia had closed the crossing and that its troops would stay on the border."
    )
    assert link_at(pipeline, text, "its troops", 3).actor == "country:KEN"


def test_an_infinitive_or_gerund_clause_is_its_controlling_object_s(pipeline: Pipeline) -> None:
    text = "The opposition leader Raila Odinga accused President Uhuru Kenyatta of abusing his office."
    assert link_at(pipeline, text, "his office", 3).actor == "person:uhuru-kenyatta"
    text = "The United States urged Pakistan to end its blockade of the border crossing."
    assert link_at(pipeline, text, "its blockade", 3).actor == "country:PAK"


def test_a_thing_above_the_pronoun_is_no_antecedent(pipeline: Pipeline) -> None:
    """ "a report finding that it ...": the report, the nearest subject above, is no actor,
    so the usual search decides."""
    text = "Venezuela has dismissed a human rights report finding that it tortured detainees."
    assert link_at(pipeline, text, "it tortured", 2).actor == "country:VEN"


def test_a_relative_clause_on_a_copula_complement_is_the_copula_subject_s(pipeline: Pipeline) -> None:
    """ "X was the commander who ordered the raid when he ...": he is X, not the general
    named in X's apposition nearer the pronoun."""
    text = (
        "Hassan Ali, an aide to General Omar Bashir, was the commander who ordered the raid "
        "when he took charge of the brigade."
    )
    assert link_at(pipeline, text, "he took", 2).actor == "person:hassan-ali"


def test_a_parenthetical_speaker_is_not_the_clause_it_interrupts(pipeline: Pipeline) -> None:
    """ "fighters who, they said, were killed": the speakers are not the fighters."""
    text = "Militia leaders named three fighters who, they said, were killed in a Kenyan air strike."
    assert link_at(pipeline, text, "they said", 4).actor != "unk:fighters"


def test_the_source_of_an_according_to_phrase_is_not_the_pronoun(pipeline: Pipeline) -> None:
    """ "According to his lawyer X, he refused": the teller is not the one who refused; the
    person the sentence before is about is."""
    text = (
        "Opposition leader Amos Kariuki stayed away from the hearing on Monday. "
        "According to his lawyer John Otieno, he refused to appear by video link."
    )
    assert link_at(pipeline, text, "he refused", 2).actor == "person:amos-kariuki"


def test_they_never_stands_for_one_person(pipeline: Pipeline) -> None:
    """ "they" is a group or a state, never the single person named just before."""
    text = (
        "Activist Peter Mwangi was arrested outside parliament in Nairobi on Monday. "
        "His family said they had beaten him in custody."
    )
    they = link_at(pipeline, text, "they had", 4)
    assert they.actor != "person:peter-mwangi"


def test_a_speaker_pronoun_is_not_someone_named_in_its_quote(pipeline: Pipeline) -> None:
    """ "'People must stop seeing Belarusians as aggressors,' she wrote": she is not the
    Belarusians of her quote, but the person the sentence before is about."""
    text = (
        "Opposition leader Maria Kalesnikava announced an anti-war campaign on Monday. "
        '"The world must stop seeing Belarusians as aggressors," she wrote on Telegram.'
    )
    assert link_at(pipeline, text, "she wrote", 3).actor == "person:maria-kalesnikava"


def test_a_possessive_on_a_conjoined_noun_is_the_actor_it_is_joined_to(pipeline: Pipeline) -> None:
    """ "Ethiopia and its neighbours": the possessive is the conjunct's, not the reporter's above."""
    text = "Kenya's foreign minister said the talks with Ethiopia and its neighbours would resume."
    assert link_at(pipeline, text, "its neighbours", 3).actor == "country:ETH"
    text = "Opposition leader Farida Okello is the fiercest critic of President Yoweri Museveni and his government."
    assert link_at(pipeline, text, "his government", 3).actor == "person:yoweri-museveni"


def test_it_under_a_relative_clause_is_the_junta_the_tagger_calls_an_adjective(pipeline: Pipeline) -> None:
    """The tagger takes the subject "junta" for an adjective; a role noun the resolver knows is
    still what "it" may stand for: the junta overthrew the government, not the Pentagon
    named before."""
    text = (
        "The Pentagon said it was watching events in Niger closely. The junta, which is holding "
        "most ministers of the government it toppled on Wednesday, said elections would follow."
    )
    analysis = pipeline.analyze_text(text)
    stage = next(s for s in pipeline.stages if isinstance(s, ActorStage))
    start, at = text.index("it toppled"), text.index("The junta")
    junta = stage.link(analysis, at, at + len("The junta"), head=at + 4)
    assert junta.actor is not None and stage.link(analysis, start, start + 2, head=start).actor == junta.actor


def test_a_pronoun_after_a_report_is_what_was_reported_not_its_teller(pipeline: Pipeline) -> None:
    """ "X was arrested, his lawyer Y said. [He] has since been released": the sentence is about
    X; the lawyer at its end only tells of it. A pronoun that speaks again ("He added") may
    still be the teller."""
    text = (
        "Zambian police arrested opposition leader Hakainde Hichilema on Monday, his lawyer Jack "
        "Mwiimbu said. He has since been released."
    )
    assert link_at(pipeline, text, "He has", 2).actor == "person:hakainde-hichilema"


def test_an_object_pronoun_continues_the_subject_not_a_name_in_its_apposition(pipeline: Pipeline) -> None:
    """ "Guevara, a close ally of Juan Guaido, was taken into custody. The government accused
    [him]": the topic of the sentence before, not the last name in its apposition."""
    text = (
        "Intelligence agents arrested opposition lawmaker Freddy Guevara on Monday. Guevara, a close "
        "ally of opposition leader Juan Guaido, was taken into custody in Caracas. The government "
        "has in the past accused him of stirring up violence."
    )
    assert link_at(pipeline, text, "him of", 3).actor == "person:freddy-guevara"


def test_a_nearer_agreeing_phrase_that_names_no_actor_stops_the_search(pipeline: Pipeline) -> None:
    """ "He lashed out at the West and its double standards": "its" is the West's, which
    names no actor here; the state named a sentence before is not taken in its place."""
    text = (
        "Prime Minister Dragan Novak spoke in Belgrade on Monday. "
        "He lashed out at the West and its double standards."
    )
    assert link_at(pipeline, text, "its double", 3).actor is None
    text = "The Kenyan government said on Monday that its troops had left the border."
    assert link_at(pipeline, text, "its troops", 3).actor == "country:KEN"

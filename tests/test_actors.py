"""Actor knowledge base and resolution: aliases, roles, unknowns, user files, the linker."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire import Pipeline, PipelineConfig
from eventwire.errors import ConfigError
from eventwire.models import Analysis
from eventwire.resolve.actors import ActorStage, resolver_for
from eventwire.resolve.kb import KnowledgeBase, load_knowledge_base, normalise, read_kb_file


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return resolver_for((), "md").kb


def kb_id(kb: KnowledgeBase, name: str) -> str:
    match = kb.lookup(name)
    assert match is not None, f"{name!r} is not in the shipped knowledge base"
    return match.record.id


def actor_of(analysis: Analysis, text: str):  # type: ignore[no-untyped-def]
    """The actor one of whose mentions is exactly ``text``."""
    for actor in analysis.actors:
        if any(m.text == text for m in actor.mentions):
            return actor
    raise AssertionError(
        f"no actor mentioned as {text!r}: {[(a.id, [m.text for m in a.mentions]) for a in analysis.actors]}"
    )


def link(pipeline: Pipeline, analysis: Analysis, phrase: str, **kwargs):  # type: ignore[no-untyped-def]
    stage = next(s for s in pipeline.stages if isinstance(s, ActorStage))
    start = analysis.article.text.index(phrase)
    return stage.link(analysis, start, start + len(phrase), **kwargs)


def link_all(pipeline: Pipeline, analysis: Analysis, phrase: str, **kwargs):  # type: ignore[no-untyped-def]
    """Every actor the actor stage links the first ``phrase`` of the article to."""
    stage = next(s for s in pipeline.stages if isinstance(s, ActorStage))
    start = analysis.article.text.index(phrase)
    return stage.link_all(analysis, start, start + len(phrase), **kwargs)


# ------------------------------------------------------------------ the knowledge base
def test_normalise_strips_case_dots_articles_and_possessives() -> None:
    assert normalise("the U.S.") == "us"
    assert normalise("Hamas’s") == "hamas"
    assert normalise("The New York Times") == "new york times"


def test_every_islamic_state_alias_is_one_record(kb: KnowledgeBase) -> None:
    ids = {kb_id(kb, name) for name in ("ISIS", "ISIL", "Islamic State", "Daesh")}
    assert len(ids) == 1


def test_countries_demonyms_and_capitals_give_iso3(kb: KnowledgeBase) -> None:
    assert kb_id(kb, "Israel") == "country:ISR"
    assert kb.country_of_word("Israeli") == "ISR"
    assert kb.country_of_word("Tehran") == "IRN"
    match = kb.lookup("Tehran")
    assert match is not None and match.how == "capital" and "GOV" in match.sectors


def test_plural_demonyms_name_a_people(kb: KnowledgeBase) -> None:
    """ "Syrians", "Lebanese" name a country's people; "Syrian" is the adjective (or one
    person) and "the Philippines" a country's name."""
    for word, iso3 in (("Syrians", "SYR"), ("Lebanese", "LBN"), ("Kyrgyz", "KGZ"), ("Afghans", "AFG")):
        record = kb.nationals(word)
        assert record is not None and record.country == iso3, word
    assert kb.nationals("Syrian") is None and kb.nationals("Philippines") is None


def test_spelling_variants_resolve_by_fuzzy_match(kb: KnowledgeBase) -> None:
    match = kb.lookup("Hezbolah")
    assert match is not None and match.how == "fuzzy"
    assert match.record.id == kb_id(kb, "Hezbollah")
    assert kb.lookup("Iraq").record.id != kb.lookup("Iran").record.id  # type: ignore[union-attr]


def test_article_before_an_abbreviation_is_not_part_of_the_name(kb: KnowledgeBase) -> None:
    for written in ("the U.S.", "The U.S.", "the US", "the UN"):
        assert kb.lookup(written) is not None, written
    assert kb_id(kb, "the U.S.") == "country:USA"


def test_short_acronyms_match_only_in_capitals(kb: KnowledgeBase) -> None:
    for word in ("Who", "who", "Is", "is", "It", "Un", "us"):
        assert kb.lookup(word) is None, word
    assert kb_id(kb, "WHO") == kb_id(kb, "World Health Organization")
    assert kb_id(kb, "IS") == kb_id(kb, "Islamic State")
    assert kb_id(kb, "Isis") == kb_id(kb, "ISIS")  # newspapers that write acronyms as names


def test_common_words_in_a_sentence_are_not_acronym_actors(pipeline: Pipeline, kb: KnowledgeBase) -> None:
    analysis = pipeline.analyze_text(
        "Who fired first is unclear. Is it true? It is, the U.S. envoy said after the WHO briefing."
    )
    ids = {a.id for a in analysis.actors}
    assert kb_id(kb, "ISIS") not in ids
    assert kb_id(kb, "WHO") in ids and "country:USA" in ids
    assert all(m.text not in ("Who", "Is", "It") for a in analysis.actors for m in a.mentions)


def test_user_file_adds_and_overrides_records(tmp_path: Path) -> None:
    extra = tmp_path / "my-actors.csv"
    extra.write_text(
        "id,name,aliases,kind,country,sector,wikidata\n"
        "sunrise-front,Sunrise Liberation Front,SLF|Sunrise Front,armed_group,NPL,REB,\n",
        encoding="utf-8",
    )
    kb = load_knowledge_base([extra])
    match = kb.lookup("Sunrise Front")
    assert match is not None and match.record.id == "sunrise-front" and match.record.country == "NPL"
    assert kb.lookup("SLF") is not None
    assert str(extra) in kb.sources


def test_user_role_file_and_bad_files_are_named(tmp_path: Path) -> None:
    kb = KnowledgeBase()
    roles = tmp_path / "roles.csv"
    roles.write_text("term,sector,kind\nharbour master,GOV,person\n", encoding="utf-8")
    read_kb_file(kb, roles)
    assert kb.role("harbour masters") is not None
    bad = tmp_path / "bad.csv"
    bad.write_text("who,what\nx,y\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="bad.csv:1"):
        read_kb_file(kb, bad)
    broken = tmp_path / "countries.csv"
    broken.write_text("iso3,name,aliases,demonyms,capitals,wikidata\nISRAEL,Israel,,,,\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="countries.csv:2"):
        read_kb_file(kb, broken)


def test_kb_option_reaches_the_pipeline(tmp_path: Path) -> None:
    extra = tmp_path / "extra.csv"
    extra.write_text(
        "id,name,aliases,kind,country,sector,wikidata\n"
        "lake-council,Lake Harbour Council,,government_body,KEN,GOV,\n",
        encoding="utf-8",
    )
    pipeline = Pipeline(PipelineConfig(model="md", kb_files=(extra,)))
    analysis = pipeline.analyze_text("The Lake Harbour Council condemned the attack on the ferry.")
    actor = actor_of(analysis, "Lake Harbour Council")
    assert actor.id == "lake-council" and actor.known and actor.country == "KEN"


# ------------------------------------------------------------------ mentions in articles
def test_aliases_in_text_resolve_to_one_actor(pipeline: Pipeline, kb: KnowledgeBase) -> None:
    analysis = pipeline.analyze_text(
        "Daesh claimed the bombing in Baghdad. Iraqi officials said Islamic State fighters had planted it."
    )
    isis = kb_id(kb, "ISIS")
    assert actor_of(analysis, "Daesh").id == isis
    assert any(m.text.startswith("Islamic State") for m in actor_of(analysis, "Daesh").mentions)


def test_a_group_name_ner_took_for_a_person_is_the_group_in_another_spelling(
    pipeline: Pipeline, kb: KnowledgeBase
) -> None:
    """NER tags these spellings PERSON; the knowledge base has the group under a close one."""
    analysis = pipeline.analyze_text(
        "Jaish Al Adl claimed the attack on a border post near Saravan on Tuesday."
    )
    assert actor_of(analysis, "Jaish Al Adl").id == kb_id(kb, "Jaish al-Adl")
    analysis = pipeline.analyze_text("Officials blamed Jaysh al-Islam for the rocket fire on Sunday.")
    assert actor_of(analysis, "Jaysh al-Islam").id == kb_id(kb, "Jaish al-Islam")


def test_demonym_and_role_make_a_sector(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text("The Israeli government has accused the two groups of working together.")
    mention = link(pipeline, analysis, "The Israeli government")
    assert mention.actor == "country:ISR" and mention.country == "ISR" and "GOV" in mention.sectors


def test_a_demonym_heading_its_phrase_names_the_people(pipeline: Pipeline) -> None:
    """A plural demonym used as a noun, counted or not, is the country's civilians; "the
    Iranians" with no count stays the state (news names a government by its people); a
    demonym before a role is that role of the state."""
    analysis = pipeline.analyze_text(
        "Shelling killed thousands of Eritreans last year. Negotiators later met the Iranians. "
        "Mediators appealed to all Burundians for calm. Eritrean troops withdrew."
    )
    text = analysis.article.text
    for phrase, word, iso3 in (
        ("thousands of Eritreans", "Eritreans", "ERI"),
        ("all Burundians", "Burundians", "BDI"),
    ):
        mention = link(pipeline, analysis, phrase, head=text.index(word))
        assert (mention.actor, mention.sectors) == (f"country:{iso3}", ["CVL"]), phrase
    mention = link(pipeline, analysis, "the Iranians", head=text.index("Iranians"))
    assert mention.actor == "country:IRN" and mention.sectors == []
    mention = link(pipeline, analysis, "Eritrean troops", head=text.index("troops"))
    assert mention.actor == "country:ERI" and "CVL" not in mention.sectors


def test_an_organ_placed_in_another_state_is_that_states(pipeline: Pipeline, kb: KnowledgeBase) -> None:
    """The knowledge base files "Congress" and "Senate" under the United States, but every
    state may have one: the words that place the organ ("the Chilean Senate", "Ecuador's
    Congress", "Congress in Bolivia", "the Senate of Colombia") make it that state's, with
    the organ's sector, as "Kenyan police" is Kenya's; said bare after that, it is the same
    organ. Unplaced, or placed in its own state, it stays the knowledge base's."""
    analysis = pipeline.analyze_text(
        "Protesters marched on Congress in Bolivia on Monday. Later Congress voted to censure the minister. "
        "The Chilean Senate approved the treaty. Ecuador's Congress rejected the budget. "
        "The Senate of Colombia summoned the defence minister. The US Senate passed the bill. "
        "Then the Senate adjourned."
    )
    text = analysis.article.text
    stage = next(s for s in pipeline.stages if isinstance(s, ActorStage))

    def organ(phrase: str, head: str) -> tuple[str | None, list[str]]:
        start = text.index(phrase)
        mention = stage.link(analysis, start, start + len(phrase), head=start + phrase.index(head))
        return mention.actor, mention.sectors

    assert organ("Congress in Bolivia", "Congress") == ("country:BOL", ["LEG"])
    assert organ("Later Congress", "Congress") == ("country:BOL", ["LEG"])
    assert organ("The Chilean Senate", "Senate") == ("country:CHL", ["LEG"])
    assert organ("Ecuador's Congress", "Congress") == ("country:ECU", ["LEG"])
    assert organ("The Senate of Colombia", "Senate") == ("country:COL", ["LEG"])
    senate = kb_id(kb, "US Senate")
    assert organ("The US Senate", "Senate")[0] == senate
    assert organ("the Senate adjourned", "Senate")[0] == senate


def test_title_before_a_name_gives_person_country_and_sector(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "On Tuesday the Israeli intelligence minister Israel Katz said the two groups cooperate."
    )
    actor = actor_of(analysis, "Israeli intelligence minister Israel Katz")
    assert actor.id == "person:israel-katz" and actor.kind == "person" and actor.country == "ISR"
    assert "GOV" in link(pipeline, analysis, "Israel Katz").sectors


def test_appositive_gives_a_person_a_role(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "Reuters quoted Moshe Levanon, the Israeli housing minister, as saying talks would resume."
    )
    mention = link(pipeline, analysis, "Moshe Levanon")
    assert mention.actor == "person:moshe-levanon" and mention.country == "ISR" and "GOV" in mention.sectors


def test_title_set_off_before_a_name_gives_its_country(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "Estonia's foreign minister, Kaarel Voorand, who met officials in Minsk, "
        "said Belarus must free the detained truckers. Belarus refused."
    )
    mention = link(pipeline, analysis, "Kaarel Voorand")
    assert mention.country == "EST" and "GOV" in mention.sectors


def test_a_role_set_off_without_a_country_adds_nothing(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "After talks with the envoy, Tomas Varga said Slovakia would reopen its consulate in Lviv."
    )
    assert not link(pipeline, analysis, "Tomas Varga").sectors


def test_name_in_apposition_after_its_title_takes_the_title_country(pipeline: Pipeline) -> None:
    """ "Bolivia's defence minister, Ramiro Tellez, said ...": the title before the comma is
    the person's, not the main country's guess (nor the words of what the person said)."""
    analysis = pipeline.analyze_text(
        "Chile recalled its ambassador on Friday. Bolivia's defence minister, Ramiro Tellez, "
        "said officers would stay on the border. Chile's interior minister, Ana Ruiz, said the "
        "patrols were a provocation."
    )
    assert link(pipeline, analysis, "Ramiro Tellez").country == "BOL"
    assert link(pipeline, analysis, "Ana Ruiz").country == "CHL"


def test_a_title_with_no_country_before_a_name_adds_no_guess(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "Brazil fined the platform on Friday. Its owner has been feuding with the judge, "
        "Pedro Lins, who ordered the suspension."
    )
    assert actor_of(analysis, "Pedro Lins").country is None


def test_an_international_envoy_gets_no_country_guess(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "Myanmar's military rejected a ceasefire on Monday. The United Nations special envoy, "
        "Karen Holm, met the junta's leaders in Naypyitaw and said the fighting must end."
    )
    assert actor_of(analysis, "United Nations special envoy, Karen Holm").country is None


def test_capital_stands_for_its_government(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text("Tehran rejected the offer on Monday, state media said.")
    mention = link(pipeline, analysis, "Tehran")
    assert mention.actor == "country:IRN" and "GOV" in mention.sectors


def test_unknown_actor_is_kept_with_a_country_guess(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "The Kathmandu Valley Traders Association called a strike against the new tax in Nepal."
    )
    actor = actor_of(analysis, "Kathmandu Valley Traders Association")
    assert actor.id.startswith("unk:") and not actor.known
    assert actor.country == "NPL"


def test_unknown_person_is_not_forced_onto_a_known_one(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text("Spokesman Yonatan Israeli said the army would investigate.")
    actor = actor_of(analysis, "Spokesman Yonatan Israeli")
    assert actor.kind == "person" and actor.id == "person:yonatan-israeli"


def test_anti_prefix_is_not_the_group(pipeline: Pipeline, kb: KnowledgeBase) -> None:
    analysis = pipeline.analyze_text("Anti-Hamas militants in Gaza have formed a council.")
    hamas = kb_id(kb, "Hamas")
    assert all(a.id != hamas for a in analysis.actors)


def test_short_outlet_name_takes_the_full_name_given_before(pipeline: Pipeline, kb: KnowledgeBase) -> None:
    analysis = pipeline.analyze_text(
        "Militants fired rockets at the town, the New York Times reported. "
        "Two people were hurt, according to the Times."
    )
    nyt = kb_id(kb, "The New York Times")
    assert actor_of(analysis, "Times").id == nyt
    assert kb.get(nyt).kind == "media"  # type: ignore[union-attr]


def test_surname_takes_the_person_named_before(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "Foreign Minister Anwar Qadri visited Amman on Monday. Qadri met King Abdullah on Tuesday."
    )
    assert actor_of(analysis, "Qadri").id == "person:anwar-qadri"


def test_a_first_name_word_alone_takes_the_person_named_before(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "Kim Jong Un met South Korean President Moon Jae-in at the border on Friday. "
        "Kim later agreed to close a nuclear test site, Moon's office said."
    )
    assert actor_of(analysis, "Kim").id == "person:kim-jong-un"  # family name first
    analysis = pipeline.analyze_text(
        "Ethiopian Prime Minister Abiy Ahmed flew to Asmara on Sunday. Abiy told reporters the war was over."
    )
    assert actor_of(analysis, "Abiy").id == "person:abiy-ahmed"  # called by his given name


def test_a_family_name_said_without_its_article_takes_the_person(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "Sudanese President Omar al-Bashir met rebel envoys in Khartoum on Monday. "
        "Bashir later accused South Sudan of arming the rebels."
    )
    assert actor_of(analysis, "Bashir").id == "person:omar-al-bashir"


def test_caption_mentions_are_not_story_actors(pipeline: Pipeline, kb: KnowledgeBase) -> None:
    text = (
        "Police-Cairo-rally\n"
        "Hezbollah supporters wave flags during a rally in Beirut on Friday. Reuters/Jane Example\n\n"
        "Egypt's parliament approved a new budget on Sunday."
    )
    analysis = pipeline.analyze_text(text)
    assert all(a.id != kb_id(kb, "Hezbollah") for a in analysis.actors)
    caption_start = text.index("Hezbollah")
    mention = link(pipeline, analysis, "Hezbollah supporters")
    assert mention.start == caption_start and mention.actor == kb_id(kb, "Hezbollah")


# ------------------------------------------------------------------ the linker
def test_link_group_words_around_an_organisation(pipeline: Pipeline, kb: KnowledgeBase) -> None:
    analysis = pipeline.analyze_text(
        "Extremists loyal to ISIS have launched several attacks against Hamas over the past months."
    )
    mention = link(
        pipeline, analysis, "Extremists loyal to ISIS", head=analysis.article.text.index("Extremists")
    )
    assert mention.actor == kb_id(kb, "ISIS") and mention.text == "Extremists loyal to ISIS"


def test_link_pronoun_to_previous_actor_not_the_source(pipeline: Pipeline, kb: KnowledgeBase) -> None:
    analysis = pipeline.analyze_text(
        "ISIS accused Hamas of laxity and threatened to drive it out of the region."
    )
    start = analysis.article.text.index(" it ") + 1
    stage = next(s for s in pipeline.stages if isinstance(s, ActorStage))
    mention = stage.link(analysis, start, start + 2, exclude={kb_id(kb, "ISIS")})
    assert mention.actor == kb_id(kb, "Hamas") and mention.text == "it"


def test_link_the_two_groups_to_the_last_pair(pipeline: Pipeline, kb: KnowledgeBase) -> None:
    analysis = pipeline.analyze_text(
        "The rivalry between Hamas and ISIS is complicated. Israel has accused the two groups of working together."
    )
    mentions = link_all(pipeline, analysis, "the two groups")
    assert {m.actor for m in mentions} == {kb_id(kb, "Hamas"), kb_id(kb, "ISIS")}


def test_link_definite_description_to_an_earlier_group(pipeline: Pipeline, kb: KnowledgeBase) -> None:
    analysis = pipeline.analyze_text(
        "The video was addressed to the leaders of Hamas. It challenges Gaza's ruling Islamist group, "
        "which has been cracking down on jihadists."
    )
    mention = link(
        pipeline, analysis, "Gaza's ruling Islamist group", head=analysis.article.text.index("group,")
    )
    assert mention.actor == kb_id(kb, "Hamas")


def test_link_role_phrase_in_a_country_is_that_country_with_a_sector(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text("Security forces in Kenya dispersed the crowd.")
    head = analysis.article.text.index("forces")
    mention = link(pipeline, analysis, "Security forces in Kenya", head=head)
    assert mention.actor == "country:KEN" and mention.sectors and "GOV" not in mention.sectors


def test_link_role_phrase_alone_is_an_unknown_actor_with_a_sector(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text("Security forces dispersed the crowd on Friday.")
    head = analysis.article.text.index("forces")
    mention = link(pipeline, analysis, "Security forces", head=head, register=True)
    assert mention.actor is not None and mention.actor.startswith("unk:") and mention.sectors
    assert any(a.id == mention.actor and not a.known for a in analysis.actors)


def test_the_president_is_the_person_last_named_with_that_title(pipeline: Pipeline) -> None:
    """ "the president" refers back to a person named with the title before ("President
    Paul Biya"), the most recently mentioned one, even by another form ("Mr Biya")."""
    analysis = pipeline.analyze_text(
        "President Paul Biya received Governor Samuel Dieudonne Ivaha Diboua in Yaounde. "
        "Later Mr Ivaha Diboua left and Mr Biya spoke to reporters. The president said the roads would be repaired."
    )
    start = analysis.article.text.index("The president")
    mention = link(pipeline, analysis, "The president", head=start + 4)
    assert mention.actor == "person:paul-biya"
    mention = link(pipeline, analysis, "The president", head=start + 4, exclude={"person:paul-biya"})
    assert mention.actor != "person:paul-biya"  # no other president: an unknown one


def test_a_name_that_describes_a_noun_is_not_a_pronouns_antecedent(pipeline: Pipeline) -> None:
    """ "a fierce Kenyatta critic": Kenyatta only says what kind of critic; "him" after it
    is the person the sentence is about."""
    analysis = pipeline.analyze_text(
        "Raila Odinga, the opposition leader and a prominent Uhuru Kenyatta critic, was taken away by police "
        "on Monday. Police arrested him at the airport."
    )
    start = analysis.article.text.index("him ")
    stage = next(s for s in pipeline.stages if isinstance(s, ActorStage))
    assert stage.link(analysis, start, start + 3).actor == "person:raila-odinga"


# ------------------------------------------------------------------ the head decides
def test_people_tied_to_a_person_are_not_that_person(pipeline: Pipeline) -> None:
    """ "critics of X", "supporters of X", "lawyers for X": the head names other people."""
    analysis = pipeline.analyze_text(
        "President Amadou Sall spoke in Dakar on Monday. Police detained several critics of President "
        "Sall on Tuesday, and supporters of Mr Sall marched through the city."
    )
    text = analysis.article.text
    for phrase, head in (
        ("several critics of President Sall", "critics"),
        ("supporters of Mr Sall", "supporters"),
    ):
        mention = link(pipeline, analysis, phrase, head=text.index(head))
        assert mention.actor is not None and mention.actor != "person:amadou-sall", phrase
        assert mention.actor.startswith("unk:") and "sall" in mention.actor, phrase


def test_a_groups_supporters_and_a_countrys_people_stay_theirs(pipeline: Pipeline, kb: KnowledgeBase) -> None:
    """ "supporters of Hamas" stand for Hamas; "a Kenyan activist" is Kenya's."""
    analysis = pipeline.analyze_text(
        "Supporters of Hamas rallied in the square. Police arrested a Kenyan activist in Nairobi."
    )
    text = analysis.article.text
    mention = link(pipeline, analysis, "Supporters of Hamas", head=text.index("Supporters"))
    assert mention.actor == kb_id(kb, "Hamas")
    mention = link(pipeline, analysis, "a Kenyan activist", head=text.index("activist"))
    assert mention.country == "KEN"


def test_a_place_described_by_an_apposition_stays_a_place(pipeline: Pipeline) -> None:
    """ "Kherson, the home city of President X" is where a missile fell, not X."""
    analysis = pipeline.analyze_text(
        "A missile hit Nova Kakhovka, the home city of Ukrainian President Volodymyr Zelensky, on Friday."
    )
    text = analysis.article.text
    phrase = "Nova Kakhovka, the home city of Ukrainian President Volodymyr Zelensky"
    mention = link(pipeline, analysis, phrase, head=text.index("Kakhovka"))
    assert mention.actor is None
    mention = link(pipeline, analysis, "the home city of Ukrainian President Volodymyr Zelensky",
                   head=text.index("city"))  # fmt: skip
    assert mention.actor is None and mention.country == "UKR"


def test_a_clipped_word_before_a_role_is_not_a_person(pipeline: Pipeline) -> None:
    """ "Zim police", "the Globe correspondent": a short capitalised modifier of a role noun
    that nobody introduced is not a person's name."""
    analysis = pipeline.analyze_text(
        "Zim police detain opposition official\n\nThe Globe correspondent was released after three hours."
    )
    assert not any(a.kind == "person" for a in analysis.actors), [(a.id, a.kind) for a in analysis.actors]


def test_the_two_countries_are_the_pair_of_states_named_earlier(pipeline: Pipeline) -> None:
    """A story keeps calling its two states "the two countries" long after naming them;
    "the two countries' leaders" are both states' leaders."""
    analysis = pipeline.analyze_text(
        "Thailand and Cambodia agreed to a ceasefire on Monday. The talks were held in Kuala Lumpur. "
        "Fighting has displaced thousands of villagers. Shelling continued overnight. "
        "Officials said the two countries' leaders would meet again."
    )
    text = analysis.article.text
    stage = next(s for s in pipeline.stages if isinstance(s, ActorStage))
    start = text.index("the two countries' leaders")
    mentions = stage.link_all(
        analysis, start, start + len("the two countries' leaders"), text.index("leaders")
    )
    assert {m.actor for m in mentions} == {"country:THA", "country:KHM"}


def test_an_office_of_both_countries_is_not_the_presidents_named_before(pipeline: Pipeline) -> None:
    """ "The defence ministers of both countries" are not the two presidents the story named
    last: with no defence minister named, they stand for the two states."""
    analysis = pipeline.analyze_text(
        "Sudan and South Sudan agreed to resume oil exports on Thursday. Presidents Omar al-Bashir "
        "and Salva Kiir met for four hours in Addis Ababa. "
        "The defence ministers of both countries signed a separate border deal."
    )
    text = analysis.article.text
    phrase = "The defence ministers of both countries"
    mentions = link_all(pipeline, analysis, phrase, head=text.index("ministers"))
    assert {m.actor for m in mentions} == {"country:SDN", "country:SSD"}, [
        (m.text, m.actor) for m in mentions
    ]


def test_a_sponsor_before_backed_or_led_is_not_the_group(pipeline) -> None:  # type: ignore[no-untyped-def]
    analysis = pipeline.analyze_text(
        "A Russia-backed militia shelled the town on Monday, and a UN-led convoy turned back."
    )
    text = analysis.article.text
    militia = link(pipeline, analysis, "A Russia-backed militia", head=text.index("militia"))
    assert militia.actor != "country:RUS"
    convoy = link(pipeline, analysis, "a UN-led convoy", head=text.index("convoy"))
    assert convoy.actor is None or "un" not in convoy.actor.split(":")[-1]
    russia = link(pipeline, analysis, "Russia", head=text.index("Russia"))
    assert russia.actor == "country:RUS"  # the name itself is still Russia


_TRUCE = (
    "Armenia and Azerbaijan agree to truce\n\n"
    "Armenia's and Azerbaijan's leaders have agreed to a truce after weeks of fighting.\n\n"
    "Armenian Prime Minister Aram Vartanyan and Azerbaijan's acting President Elchin Rzayev met in "
    "Geneva on Monday. France and Germany sent observers.\n\n"
    "After the meeting, the host said the two sides had agreed to stop shooting at midnight. "
    "Earlier, an envoy said the two countries' leaders had agreed to talk."
)


def test_the_two_sides_are_the_pair_the_article_is_about(pipeline) -> None:  # type: ignore[no-untyped-def]
    analysis = pipeline.analyze_text(_TRUCE)
    sides = link_all(pipeline, analysis, "the two sides")
    assert {m.country for m in sides} == {"ARM", "AZE"}  # not France and Germany, named last


def test_the_two_sides_never_named_together_are_the_two_states_named_most(pipeline) -> None:  # type: ignore[no-untyped-def]
    analysis = pipeline.analyze_text(
        "Border guards fire warning shots\n\n"
        "Ecuador fired warning shots across the river on Monday, Peru said. Peru called the shots "
        "a provocation. Ecuador denied it had aimed at anyone. Peru moved more troops to the river. "
        "Ecuador said its guards had acted lawfully.\n\n"
        "In March the two sides pledged to settle the dispute by talks."
    )
    sides = link_all(pipeline, analysis, "the two sides")
    assert {m.country for m in sides} == {"ECU", "PER"}


def test_the_two_countries_leaders_are_the_leaders_named(pipeline) -> None:  # type: ignore[no-untyped-def]
    analysis = pipeline.analyze_text(_TRUCE)
    stage = next(s for s in pipeline.stages if isinstance(s, ActorStage))
    phrase = "the two countries' leaders"
    start = analysis.article.text.index(phrase)
    leaders = stage.link_all(analysis, start, start + len(phrase), head=start + len(phrase) - len("leaders"))
    assert {m.actor for m in leaders} == {"person:aram-vartanyan", "person:elchin-rzayev"}
    rzayev = next(a for a in analysis.actors if a.id == "person:elchin-rzayev")
    assert rzayev.country == "AZE"  # "Azerbaijan's acting President": the title reaches back


def test_the_two_governments_are_the_states_the_article_pairs_most(pipeline) -> None:  # type: ignore[no-untyped-def]
    analysis = pipeline.analyze_text(
        "Chile and Bolivia swap prisoners\n\n"
        "Chile and Bolivia exchanged two prisoners on Friday, officials in Santiago said.\n\n"
        + "The talks took months. "
        * 10
        + "Chile sent a plane. The first man landed in Bolivia at noon. "
        "Officials in Peru, which has helped Bolivia and its neighbours before, said the two "
        "governments had agreed to hold more talks."
    )
    pair = link_all(pipeline, analysis, "the two governments")
    assert {m.country for m in pair} == {"CHL", "BOL"}


def test_an_outlet_in_the_dateline_does_not_give_the_story_its_country(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "Stones thrown at town hall\n\n"
        "TEGUCIGALPA (Reuters) - Protesters threw stones at the town hall of Honduras's second "
        "city on Wednesday, demanding a new vote after the mayor resigned."
    )
    assert actor_of(analysis, "Protesters").country == "HND"  # not the outlet's GBR


def test_a_title_set_off_before_a_name_is_the_persons_mention(pipeline: Pipeline) -> None:
    """ "Chile's interim prime minister, X, condemned": the speaker is X, not Chile."""
    analysis = pipeline.analyze_text(
        "Chile's interim prime minister, Tomas Ortega, condemned the attack on the embassy on Monday."
    )
    actor = actor_of(analysis, "Chile's interim prime minister, Tomas Ortega")
    assert actor.id == "person:tomas-ortega" and actor.country == "CHL"
    assert not any(a.id == "country:CHL" for a in analysis.actors)


def test_an_ambassador_takes_the_country_that_sent_him(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "Peru's ambassador to Bolivia, Raul Quispe, protested the detention of two miners."
    )
    mention = link(pipeline, analysis, "Raul Quispe")
    assert mention.actor == "person:raul-quispe" and mention.country == "PER" and "GOV" in mention.sectors


def test_a_title_opening_its_sentence_names_a_person_without_a_country(pipeline: Pipeline) -> None:
    """ "The regional governor, X, said": X is a person with the title's role, placed by the
    article's main country (NER may call the name an organisation)."""
    analysis = pipeline.analyze_text(
        "Artillery hit Sumy overnight. The regional governor, Petro Hnatyuk, said three people were wounded."
    )
    actor = actor_of(analysis, "governor, Petro Hnatyuk")
    assert actor.id == "person:petro-hnatyuk" and actor.kind == "person" and actor.country == "UKR"


def test_a_spokeswoman_of_a_ministry_is_government(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "In Hanoi, foreign ministry spokeswoman Le Thi Hoa said the coast guard had rammed a fishing boat."
    )
    mention = link(pipeline, analysis, "Le Thi Hoa")
    assert mention.country == "VNM" and "GOV" in mention.sectors


# ------------------------------------------------------------------ pronouns and descriptions
def test_it_as_subject_takes_the_previous_main_subject(pipeline: Pipeline) -> None:
    """Salience and number: "It said" continues the ministry that spoke, not the troops
    named inside its clause."""
    analysis = pipeline.analyze_text(
        "The Indian foreign ministry said Pakistani troops had violated the ceasefire. "
        "It said two villagers were killed."
    )
    start = analysis.article.text.index("It said")
    assert link(pipeline, analysis, "It said", head=start).actor == "country:IND"


def test_it_takes_the_owner_of_the_main_subject_over_a_later_name(pipeline: Pipeline) -> None:
    """ "Mexico's foreign ministry said ... It urged": the ministry speaking for Mexico, not the
    body named in the clause added after it, nor the countries of the reported clause."""
    analysis = pipeline.analyze_text(
        "Cuba and Mexico will serve as guarantors, Mexico’s foreign ministry said in a statement, "
        "adding that armed groups named by the UN security council were left out of the truce. "
        "It urged all parties to respect the agenda."
    )  # the curly apostrophe: the name alone is the mention, the ministry its head
    start = analysis.article.text.index("It urged")
    assert link(pipeline, analysis, "It urged", head=start).actor == "country:MEX"


def test_it_skips_a_country_named_in_a_place_phrase(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "Chad's interior ministry said the rebels had been routed near the Libyan border. "
        "It added that France had helped."
    )
    start = analysis.article.text.index("It added")
    assert link(pipeline, analysis, "It added", head=start).actor == "country:TCD"


def test_a_ministry_named_as_one_organisation_is_its_state(pipeline: Pipeline) -> None:
    """NER takes "Kuwait's Foreign Ministry" for one organisation: the state's own organ is
    that state with the government's sector, as "the Kuwaiti government" is; so is "it"."""
    analysis = pipeline.analyze_text(
        "Kuwait's Foreign Ministry said on Sunday that it had summoned the envoy."
    )
    head = analysis.article.text.index("Ministry")
    ministry = link(pipeline, analysis, "Kuwait's Foreign Ministry", head=head)
    assert ministry.actor == "country:KWT" and ministry.sectors == ["GOV"]
    start = analysis.article.text.index("it had")
    assert link(pipeline, analysis, "it", head=start).actor == "country:KWT"


def test_an_embassy_is_the_state_it_serves_not_the_host(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text("Protesters gathered outside the Turkish Embassy in Athens on Friday.")
    head = analysis.article.text.index("Embassy")
    embassy = link(pipeline, analysis, "the Turkish Embassy in Athens", head=head)
    assert embassy.actor == "country:TUR" and embassy.sectors == ["GOV"]


def test_a_council_named_with_a_country_is_no_state(pipeline: Pipeline) -> None:
    """A council or commission may be a body apart from the state: its name stays its own."""
    analysis = pipeline.analyze_text(
        "The Norwegian Refugee Council said aid convoys were blocked near the border."
    )
    assert not (link(pipeline, analysis, "The Norwegian Refugee Council").actor or "").startswith("country:")


def test_the_alliance_is_the_body_named_an_alliance_not_the_last_body(
    pipeline: Pipeline, kb: KnowledgeBase
) -> None:
    """ "the alliance" names a body of its kind: NATO (the Atlantic alliance), not the UN
    named since."""
    analysis = pipeline.analyze_text(
        "NATO defence ministers met in Brussels on Thursday to discuss troop levels in the Baltic states. "
        "Finland and Sweden sent observers, and the United Nations welcomed the talks. "
        "The alliance said it would send more aircraft to the region."
    )
    start = analysis.article.text.index("The alliance")
    assert link(pipeline, analysis, "The alliance", head=start + 4).actor == kb_id(kb, "NATO")


def test_a_government_named_after_its_leader_is_the_state(pipeline: Pipeline) -> None:
    """ "The Merkel government", "the government of President X": the leader's state as its
    government, an actor apart from the leader."""
    analysis = pipeline.analyze_text(
        "The Merkel government rejected the demand on Tuesday. Critics said Chancellor Angela Merkel "
        "had misjudged the mood."
    )
    start = analysis.article.text.index("government")
    government = link(pipeline, analysis, "The Merkel government", head=start)
    assert government.actor == "country:DEU" and government.sectors == ["GOV"]
    start = analysis.article.text.index("Angela Merkel")
    assert link(pipeline, analysis, "Angela Merkel", head=start).actor == "person:angela-merkel"


def test_an_acronym_the_kb_knows_is_not_the_end_of_a_persons_name(pipeline: Pipeline) -> None:
    """ "UN" after "Kim Jong Un" is the United Nations, not the leader named by his last word."""
    analysis = pipeline.analyze_text(
        "North Korean leader Kim Jong Un inspected a missile site on Monday. "
        "A UN commission said the country had committed crimes against humanity."
    )
    start = analysis.article.text.index("UN commission")
    assert link(pipeline, analysis, "UN commission", head=start).actor == "un"


def test_the_ministry_takes_the_mention_it_repeats(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "Ukraine's energy ministry said Russia hit a power plant overnight. "
        "The ministry said repairs would take weeks."
    )
    start = analysis.article.text.index("The ministry")
    assert link(pipeline, analysis, "The ministry", head=start + 4).actor == "country:UKR"


def test_the_group_is_the_armed_group_not_the_army(pipeline: Pipeline, kb: KnowledgeBase) -> None:
    analysis = pipeline.analyze_text(
        "The Colombian army said the FARC had attacked a base near the border. The group denied it."
    )
    start = analysis.article.text.index("The group")
    assert link(pipeline, analysis, "The group", head=start + 4).actor == kb_id(kb, "FARC")


def test_he_after_a_titled_speaker_with_a_name_is_that_person(pipeline: Pipeline) -> None:
    """ "The regional governor, Oleh Kiper, said ... He said": the name beside the title."""
    analysis = pipeline.analyze_text(
        "The regional governor, Oleh Kiper, said two drones were shot down overnight. "
        "He said nobody was hurt in the attack."
    )
    speakers = [q.speaker for q in analysis.quotes if q.speaker is not None]
    first = next(s for s in speakers if s.text != "He")
    pronoun = next(s for s in speakers if s.text == "He")
    assert first.actor is not None and pronoun.actor == first.actor


def test_a_repeated_link_gives_equal_mentions_of_their_own(pipeline: Pipeline) -> None:
    """link_all answers a repeated call from what it kept: equal mentions, new objects, that
    a caller's changes to an earlier answer do not reach; new quotes make it look again."""
    text = "Kenyan riot police dispersed the marchers in Nairobi. The police said they used tear gas."
    analysis = pipeline.analyze_text(text)
    resolver = resolver_for((), "md")
    start = text.index("The police")
    first = resolver.link_all(analysis, start, start + len("The police"), head=start + 4)
    second = resolver.link_all(analysis, start, start + len("The police"), head=start + 4)
    assert first == second and first[0] is not second[0]
    first[0].sectors.append("XXX")
    first[0].actor = "changed"
    third = resolver.link_all(analysis, start, start + len("The police"), head=start + 4)
    assert third == second and third[0].sectors is not second[0].sectors
    analysis.quotes = []  # another list: the article changed, nothing kept is read
    assert resolver.link_all(analysis, start, start + len("The police"), head=start + 4) == second


def test_byline_banner_and_credits_name_no_actor(pipeline: Pipeline) -> None:
    text = (
        "Rebels shell Hodeidah port\n\nHarbour Daily Herald\n\nBy Amina Yusuf, Example News\n\n"
        "Houthi rebels shelled the port of Hodeidah on Tuesday, killing four dockworkers, officials said.\n\n"
        "(Reporting by Tom Reed; Editing by Karl Weber)"
    )
    analysis = pipeline.analyze_text(text)
    names = {m.text for actor in analysis.actors for m in actor.mentions}
    assert "Houthi rebels" in names or "Houthi" in names
    assert not names & {"Amina Yusuf", "Example News", "Tom Reed", "Karl Weber", "Harbour Daily Herald"}


def test_a_titled_person_named_as_one_of_a_group_takes_its_country(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "Britain widens sanctions over Crimea\n\n"
        "Britain imposed asset freezes on eight people on Tuesday. The British Foreign Office said the "
        "measures target Russian officials, including Transport Minister Pavel Orlovsky and Health "
        "Minister Irina Belova. Britain said it would also act against Britain's own arms brokers."
    )
    assert actor_of(analysis, "Minister Pavel Orlovsky").country == "RUS"
    assert actor_of(analysis, "Minister Irina Belova").country == "RUS"


def test_a_titled_person_in_no_group_keeps_the_story_country_guess(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "Britain widens sanctions\n\nBritain imposed asset freezes on eight people on Tuesday. "
        "Transport Minister Pavel Orlovsky said Britain would act again in London next month."
    )
    person = next(a for a in analysis.actors if a.id == "person:pavel-orlovsky")
    assert person.country == "GBR"  # the story's main country, as before


def test_an_acronym_is_not_a_persons_family_name(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "Kim Jong Un inspected a missile launch on Friday. A UN panel condemned the launch on Saturday."
    )
    panel = {a.id for a in analysis.actors for m in a.mentions if m.text.startswith("UN")}
    assert panel == {"un"}  # the United Nations, not Kim Jong Un by his family name


def test_a_government_named_by_its_leader_is_the_leaders_state(pipeline: Pipeline) -> None:
    for text in (
        "The Trudeau government expelled a Chinese diplomat on Monday.",
        "President Donald Trump's administration imposed sanctions on Turkey.",
    ):
        analysis = pipeline.analyze_text(text)
        doers = [e.source for e in analysis.events if e.source is not None]
        assert doers, text
        country = "country:CAN" if "Trudeau" in text else "country:USA"
        assert doers[0].actor == country and doers[0].sectors == ["GOV"], (text, doers[0])


def test_an_unknown_organisation_of_a_country_is_that_countrys(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text("The Ministry of Foreign Affairs of Pakistan condemned the attack.")
    ministry = next(a for a in analysis.actors if a.name.startswith("Ministry of Foreign Affairs"))
    assert ministry.country == "PAK" and ministry.sectors == ["GOV"]


def test_an_unknown_organ_of_a_state_takes_the_sector_its_name_says(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text("The U.S. Pacific Fleet accused China of unsafe manoeuvres near Taiwan.")
    fleet = next(a for a in analysis.actors if "Fleet" in a.name)
    assert fleet.country == "USA" and fleet.sectors == ["MIL"]


def test_a_short_form_given_in_brackets_names_the_organisation_later(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "Lawmakers of the opposition Movement for Rural Renewal (MR) were arrested on Monday.\n\n"
        "The MR party condemned the arrests, and a spokesman for MR demanded their release."
    )
    renewal = next(a for a in analysis.actors if a.name == "Movement for Rural Renewal")
    later = [m.text for m in renewal.mentions if m.start > analysis.article.text.index("(MR)") + 4]
    assert later == ["MR party", "MR"], renewal.mentions  # NER tagged the first, not the second


def test_a_newsroom_named_by_its_role_only_reports_acts_of_hands_but_speaks_for_its_state(
    kb: KnowledgeBase,
) -> None:
    """ "Iranian state media" never raids, rallies or signs a joint exercise (it reports them),
    but its charges stand for its state, so an ACCUSE keeps it as the source."""
    from eventwire.extract.event_actors import only_reports
    from eventwire.models import Mention

    state_media = Mention("Iranian state media", 0, 19, "country:IRN", "IRN")
    for type_ in ("ASSAULT", "COERCE", "PROTEST", "COOPERATE", "CONCEDE"):
        assert only_reports(type_, state_media, "government", kb), type_
    assert not only_reports("ACCUSE", state_media, "government", kb)
    minister = Mention("the Iranian foreign minister", 0, 28, "country:IRN", "IRN")
    assert not only_reports("ASSAULT", minister, "government", kb)

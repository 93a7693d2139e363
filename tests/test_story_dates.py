"""The story's day (resolve/story_dates.py): acts told without a date take the lede's day, weakly."""

import datetime as dt

THURSDAY = dt.date(2024, 4, 11)

SHELLING = """Army shells rebel positions near border town

The army shelled rebel positions near the border town of Karsa on Tuesday, killing at least twelve fighters, a military spokesman said.

Soldiers also arrested six suspected rebel commanders at a checkpoint outside the town.

The rebels had ambushed an army convoy on the same road before the offensive began.

The government banned the rebel movement in 2016.

The interior minister will meet the governor to discuss the security of the region.
"""

ARRESTS = """Police have arrested 40 opposition supporters in the capital, the interior ministry said.

Police arrested the party's leader at his home, his lawyer said.

The party's spokesman condemned the raids in a statement.

Gunmen attacked a police station in the north of the country, the army said.
"""


def body_events(pipeline, text: str):
    return [e for e in pipeline.analyze_text(text, published=THURSDAY).events if e.section.value == "body"]


def by_trigger(events, word: str):
    found = [e for e in events if e.trigger.text == word]
    assert found, f"no event on {word!r} in {[e.trigger.text for e in events]}"
    return found[0]


def test_an_act_told_later_in_the_past_takes_the_ledes_day_weakly(pipeline) -> None:
    events = body_events(pipeline, SHELLING)
    shelling, arrest = by_trigger(events, "shelled"), by_trigger(events, "arrested")
    assert (shelling.date, shelling.date_precision) == (dt.date(2024, 4, 9), "day")
    assert (arrest.date, arrest.date_precision) == (dt.date(2024, 4, 9), "story")
    assert arrest.date_evidence is not None and arrest.date_evidence.text == "Tuesday"
    assert arrest.signals["date_weak"] == 1.0


def test_background_takes_no_story_day(pipeline) -> None:
    events = body_events(pipeline, SHELLING)
    assert by_trigger(events, "ambushed").date is None  # past perfect: before the story's day
    ban = by_trigger(events, "banned")  # a time of its own
    assert (ban.date.year, ban.date_precision) == (2016, "year")


def test_a_present_perfect_lede_gives_the_publication_day_to_the_storys_opening(pipeline) -> None:
    events = body_events(pipeline, ARRESTS)
    arrests = sorted((e for e in events if e.trigger.text == "arrested"), key=lambda e: e.trigger.start)
    assert len(arrests) == 2
    first, leader = arrests
    assert (first.date, first.date_precision, first.date_evidence) == (THURSDAY, "story", None)
    assert leader.date == THURSDAY  # past, in the paragraphs right after the lede
    assert by_trigger(events, "attacked").date is None  # further on, a story may go back a day


def test_a_plan_told_in_the_future_takes_the_day_it_is_told(pipeline) -> None:
    meetings = [e for e in body_events(pipeline, SHELLING) if e.trigger.text == "meet"]
    assert meetings
    for meeting in meetings:  # "will meet": announced on the story's day
        assert (meeting.date, meeting.date_precision) == (dt.date(2024, 4, 9), "story")


def test_a_dated_lede_is_not_needed_for_firm_dates(pipeline) -> None:
    text = "Police arrested 40 protesters on Monday night, a spokesman in Nairobi said."
    arrest = by_trigger(body_events(pipeline, text), "arrested")
    assert (arrest.date, arrest.date_precision) == (dt.date(2024, 4, 8), "day")


SUMMARY_LEDE = """Gunmen kill border guard in raid on customs post

Gunmen killed a border guard and wounded two customs officers during a raid on a remote customs post near the frontier town of Tiko.

Police arrested two suspects at a roadblock outside the town on Tuesday night, the regional police chief said.

Soldiers also shelled the forest where the gunmen were hiding.

The gunmen then kidnapped a teacher in a village on their way back to the border.
"""

OLD_DAY_LATER = """Gunmen killed a border guard and wounded two customs officers during a raid on a remote customs post near the frontier town of Tiko.

Police arrested the leader of the gang in the town on 2 February.

The guard's colleagues returned fire before the gunmen fled into the forest.
"""


def test_a_lede_that_names_no_day_takes_the_day_of_the_next_paragraph(pipeline) -> None:
    events = body_events(pipeline, SUMMARY_LEDE)
    tuesday = dt.date(2024, 4, 9)
    killing = by_trigger(events, "killed")
    assert (killing.date, killing.date_precision) == (tuesday, "story")
    assert killing.date_evidence is not None and killing.date_evidence.text == "Tuesday"
    shelling = by_trigger(events, "shelled")
    assert (shelling.date, shelling.date_precision) == (tuesday, "story")


def test_an_act_told_as_following_another_takes_no_story_day(pipeline) -> None:
    kidnapping = by_trigger(body_events(pipeline, SUMMARY_LEDE), "kidnapped")
    assert kidnapping.date is None  # "then": the day of the act told before it


def test_an_older_day_after_the_lede_is_background_not_the_storys(pipeline) -> None:
    events = body_events(pipeline, OLD_DAY_LATER)
    assert by_trigger(events, "killed").date is None


CAPTION_FIRST = """Border clashes leave villages empty

Residents flee as soldiers fire shells at a farming village near the border on Monday. Photo: Example Agency

Published: Thursday, 11 April 2024, 09:30

Troops shelled three villages along the border on Tuesday, the local governor said.

Soldiers also arrested four farmers near the river crossing.
"""

PERFECT_LEDE_DAY_LATER = """Police have arrested the leader of the dockworkers' union, his lawyer said.

Officers stormed the union's offices on Tuesday and seized its records.

Police also detained two of his deputies.
"""


def test_a_caption_or_a_date_line_is_no_lede(pipeline) -> None:
    events = body_events(pipeline, CAPTION_FIRST)
    arrest = by_trigger(events, "arrested")  # the lede's Tuesday, not the caption's Monday
    assert (arrest.date, arrest.date_precision) == (dt.date(2024, 4, 9), "story")
    assert arrest.date_evidence is not None and arrest.date_evidence.text == "Tuesday"


def test_a_present_perfect_lede_takes_the_day_the_next_paragraph_names(pipeline) -> None:
    events = body_events(pipeline, PERFECT_LEDE_DAY_LATER)
    tuesday = dt.date(2024, 4, 9)
    arrest = by_trigger(events, "arrested")  # the lede's news of Tuesday's raid
    assert (arrest.date, arrest.date_precision) == (tuesday, "story")
    assert by_trigger(events, "detained").date == tuesday


UNCODED_LEDE = """Port workers end strike

Thousands of dockworkers returned to work at the port of Kalba on Tuesday after a ten-day strike over pay.

Police arrested two union organisers outside the port gates.
"""

FRONTED_REPORT = """Ministry says 40 detained after clashes

The interior ministry announced on Wednesday that police had detained 40 people after clashes in the capital.

Protesters threw stones at riot police in the city centre.
"""

TRAILING_REPORT = """Two killed in clashes in capital

Two protesters were killed overnight when police opened fire on a march in the capital, medical sources said on Wednesday.

Protesters threw stones at riot police in the city centre.
"""

REPORTED_LATER = """Opposition leader freed after talks

The army released the opposition leader Sam Odu on Tuesday after talks with church mediators.

His lawyer told reporters that soldiers had beaten him during his detention, adding that the army had seized his phone.

The army's spokesman said the military would withdraw its troops from the opposition's offices.
"""

SPANS_OF_TIME = """Border guard killed in raid

Gunmen killed a border guard in a raid on a customs post near the frontier town of Tiko on Tuesday.

Soldiers also shelled the forest where the gunmen were hiding, two days after the army had launched an offensive in the region.

The army detained a local chief for almost three hours.
"""


def test_the_ledes_main_clause_dates_the_story_when_its_act_is_not_coded(pipeline) -> None:
    arrest = by_trigger(body_events(pipeline, UNCODED_LEDE), "arrested")
    assert (arrest.date, arrest.date_precision) == (dt.date(2024, 4, 9), "story")
    assert arrest.date_evidence is not None and arrest.date_evidence.text == "Tuesday"


def test_a_report_told_before_what_it_reports_dates_the_story(pipeline) -> None:
    stones = by_trigger(body_events(pipeline, FRONTED_REPORT), "threw stones")
    assert (stones.date, stones.date_precision) == (dt.date(2024, 4, 10), "story")


def test_a_report_told_after_what_it_reports_dates_only_the_telling(pipeline) -> None:
    stones = by_trigger(body_events(pipeline, TRAILING_REPORT), "threw stones")
    assert stones.date is None  # "killed overnight, sources said on Wednesday": maybe Tuesday


def test_acts_reported_by_an_untensed_or_past_report_take_the_story_day(pipeline) -> None:
    events = body_events(pipeline, REPORTED_LATER)
    tuesday = dt.date(2024, 4, 9)
    seized = by_trigger(events, "seized")  # "adding that the army had seized": past perfect, reported
    assert (seized.date, seized.date_precision) == (tuesday, "story")
    withdraw = by_trigger(events, "withdraw")  # "said the military would withdraw": the pledge's day
    assert (withdraw.date, withdraw.date_precision) == (tuesday, "story")


def test_a_span_of_time_is_no_time_of_its_own_but_a_gap_is(pipeline) -> None:
    events = body_events(pipeline, SPANS_OF_TIME)
    detained = by_trigger(events, "detained")  # "for almost three hours"
    assert (detained.date, detained.date_precision) == (dt.date(2024, 4, 9), "story")
    assert by_trigger(events, "shelled").date is None  # "two days after ...": another time


REPORTED_LEDE_DAY = """Border clash leaves soldier dead

The army said a clash broke out on Monday between its troops and rebels near the border town of Tiko.

One soldier was killed and two were wounded in the fighting.
"""

CAPTION_IN_THE_PAST = """Curfew in the capital

Soldiers patrol the empty streets of the capital under a curfew on Monday. The government imposed the curfew and arrested dozens of opposition activists. (Photo by Jane Doe/Example Images)

Riot police fired tear gas on Wednesday to break up a rally by opposition supporters in the capital.

Police arrested at least 200 people.
"""


def test_a_ledes_report_dates_the_story_by_what_it_reports(pipeline) -> None:
    killed = by_trigger(body_events(pipeline, REPORTED_LEDE_DAY), "killed")
    assert (killed.date, killed.date_precision) == (dt.date(2024, 4, 8), "story")


def test_a_captions_past_sentence_is_no_lede(pipeline) -> None:
    events = body_events(pipeline, CAPTION_IN_THE_PAST)
    arrests = [e for e in events if e.trigger.text == "arrested" and "200" in e.evidence.text]
    assert arrests and arrests[0].date == dt.date(2024, 4, 10)  # the rally's Wednesday


TIMES_OF_THE_DAY = """Two protesters shot dead in capital

Security forces shot dead two protesters in the capital on Tuesday, the interior ministry said.

Riot police detained dozens of students at 3pm outside the university.

Police arrested the leader of the student union on Tuesday night at his home.
"""

RELATIVE_PRESENT = """Gunmen attack village

According to Amina Yusuf, who heads the regional council, gunmen attacked the village of Dara on Monday and burned its market.

Soldiers arrested three suspects at a roadblock near the village.
"""

LEDE_DATE_IN_A_CLAUSE = """Police fire tear gas at pension march

Police fired tear gas as thousands of workers marched through the capital on Wednesday against the pension reform.

Riot police detained dozens of union members near the parliament.
"""

A_DETAIL_OF_THE_ACT = """Government lifts curfew

The government lifted the nightly curfew in the capital on Tuesday, the interior minister said.

The opposition party welcomed the decision, which ends a curfew that has been in place since 2019.
"""

DAYS_OF_A_STORY = """Opposition protests continue

Thousands of opposition supporters marched through the capital on Monday to demand the release of their leader.

On Wednesday night, riot police broke up a vigil outside the prison. Officers arrested two organisers of the vigil.

Police arrested dozens of marchers, the opposition said.
"""


def test_a_time_of_day_or_the_storys_own_day_is_no_other_time(pipeline) -> None:
    events = body_events(pipeline, TIMES_OF_THE_DAY)
    tuesday = dt.date(2024, 4, 9)
    detained = by_trigger(events, "detained")  # "at 3pm": when in the story's day
    assert (detained.date, detained.date_precision) == (tuesday, "story")


def test_a_relative_clauses_present_does_not_make_the_lede_a_standfirst(pipeline) -> None:
    arrest = by_trigger(body_events(pipeline, RELATIVE_PRESENT), "arrested")
    assert (arrest.date, arrest.date_precision) == (dt.date(2024, 4, 8), "story")


def test_a_ledes_day_in_a_clause_inside_its_sentence_dates_the_story(pipeline) -> None:
    detained = by_trigger(body_events(pipeline, LEDE_DATE_IN_A_CLAUSE), "detained")
    assert (detained.date, detained.date_precision) == (dt.date(2024, 4, 10), "story")
    assert detained.date_evidence is not None and detained.date_evidence.text == "Wednesday"


def test_a_time_of_a_clause_the_act_holds_is_not_the_acts(pipeline) -> None:
    welcomed = by_trigger(body_events(pipeline, A_DETAIL_OF_THE_ACT), "welcomed")  # "since 2019"
    assert (welcomed.date, welcomed.date_precision) == (dt.date(2024, 4, 9), "story")


def test_an_act_takes_the_day_its_paragraph_names_before_it(pipeline) -> None:
    events = body_events(pipeline, DAYS_OF_A_STORY)
    arrests = sorted((e for e in events if e.trigger.text == "arrested"), key=lambda e: e.trigger.start)
    assert len(arrests) == 2
    organisers, marchers = arrests
    assert (organisers.date, organisers.date_precision) == (dt.date(2024, 4, 10), "story")
    assert organisers.date_evidence is not None and organisers.date_evidence.text == "Wednesday night"
    assert (marchers.date, marchers.date_precision) == (dt.date(2024, 4, 8), "story")  # the lede's Monday


SAID_IN_THE_PRESENT = """Troops and rebels clashed near the northern border town of Karsa on Tuesday, killing at least twelve people, the army said.

The United Nations condemns the violence and urges both sides to return to talks.

The rebels regularly attack army posts in the hills around the town.
"""


def test_an_act_done_by_saying_told_in_the_present_takes_the_storys_day(pipeline) -> None:
    events = body_events(pipeline, SAID_IN_THE_PRESENT)
    tuesday = dt.date(2024, 4, 9)
    urging = by_trigger(events, "urges")
    assert (urging.date, urging.date_precision) == (tuesday, "story")
    for event in events:
        if event.trigger.text == "attack":  # a habit, told in the present: no day
            assert event.date is None


A_DATE_THAT_NAMES_A_THING = """Rebels clashed with the army near the border town of Karsa on Tuesday, the governor said.

The mediator urged the signatories of the 2018 peace agreement to respect the ceasefire.
"""


def test_a_date_that_names_a_thing_leaves_the_act_the_storys_day(pipeline) -> None:
    urged = by_trigger(body_events(pipeline, A_DATE_THAT_NAMES_A_THING), "urged")
    assert (urged.date, urged.date_precision) == (dt.date(2024, 4, 9), "story")  # not 2018


A_YEAR_OF_ANOTHER_CLAUSE = """Rebels clashed with the army near the border town of Karsa on Tuesday, the governor said.

Rebel leaders agreed to cooperate with a disarmament programme that the government set up last year.
"""


def test_a_year_another_clause_gives_is_background_not_the_acts_time(pipeline) -> None:
    agreed = by_trigger(body_events(pipeline, A_YEAR_OF_ANOTHER_CLAUSE), "agreed to")
    assert (agreed.date, agreed.date_precision) == (dt.date(2024, 4, 9), "story")  # not 2023


VERBLESS_HEADLINE = """Government to expel ambassador over spying row

The foreign ministry ordered the ambassador to leave the country on Tuesday after police arrested two embassy staff on spying charges.
"""


def test_a_verbless_headline_tells_the_storys_news(pipeline) -> None:
    events = pipeline.analyze_text(VERBLESS_HEADLINE, published=THURSDAY).events
    expel = next(e for e in events if e.section.value == "title" and e.trigger.text == "expel")
    assert (expel.date, expel.date_precision) == (dt.date(2024, 4, 9), "story")


MONTHS_OF_OTHER_CLAUSES = """Rebels clashed with the army near the border town of Karsa on Tuesday, the governor said.

Police arrested two journalists, the interior ministry said in a statement, adding that their newspaper had been banned in 2019.

Troops shelled rebel positions in the hills, the army said, adding that the rebels had seized the area in January.

Soldiers freed four hostages, the governor said, saying the kidnappers had demanded a ransom in February.
"""


def test_a_month_or_year_of_another_clause_leaves_the_act_the_storys_day(pipeline) -> None:
    events = body_events(pipeline, MONTHS_OF_OTHER_CLAUSES)
    tuesday = dt.date(2024, 4, 9)
    # "in 2019", "in January", "in February": details of the report, not the acts' times
    for word in ("arrested", "shelled", "freed"):
        event = by_trigger(events, word)
        assert (event.date, event.date_precision) == (tuesday, "story"), word
    seized = by_trigger(events, "seized")  # the clause's own month stays its time
    assert (seized.date, seized.date_precision) == (dt.date(2024, 1, 1), "month")


A_MONTH_OF_THE_ACTS_OWN = """Rebels clashed with the army near the border town of Karsa on Tuesday, the governor said.

Police detained the editor of a weekly newspaper in March.
"""


def test_a_month_of_the_acts_own_clause_is_still_its_time(pipeline) -> None:
    detained = by_trigger(body_events(pipeline, A_MONTH_OF_THE_ACTS_OWN), "detained")
    assert (detained.date, detained.date_precision) == (dt.date(2024, 3, 1), "month")


STANDFIRST_DAY = """Curfew stays in force in port city

The port city of Kalba remains under a night curfew after dockworkers and police clashed near the harbour on Tuesday.

Riot police fired tear gas at hundreds of dockworkers outside the harbour gates.

The union's leaders met the regional governor at his residence.

Police then arrested two union organisers.
"""

OLDER_DAY_BETWEEN = """Curfew stays in force in port city

The port city of Kalba remains under a night curfew after dockworkers and police clashed near the harbour on Tuesday.

The dockworkers first walked out over pay on 2 February.

Riot police fired tear gas at hundreds of dockworkers outside the harbour gates.
"""


def test_an_act_with_no_story_day_takes_the_recent_day_named_before_it(pipeline) -> None:
    events = body_events(pipeline, STANDFIRST_DAY)  # the standfirst's present gives no story day
    tuesday = dt.date(2024, 4, 9)
    for word in ("fired tear gas", "met"):
        act = by_trigger(events, word)
        assert (act.date, act.date_precision) == (tuesday, "story")
        assert act.date_evidence is not None and act.date_evidence.text == "Tuesday"
        assert act.signals["date_weak"] == 1.0
    assert by_trigger(events, "arrested").date is None  # "then": the day of the act told before it


def test_an_older_day_named_last_before_an_act_is_background(pipeline) -> None:
    tear_gas = by_trigger(body_events(pipeline, OLDER_DAY_BETWEEN), "fired tear gas")
    assert tear_gas.date is None  # "on 2 February": the story went back to background


LAST_NIGHT = """Police break up vigil outside parliament

Riot police fired tear gas at students holding a candlelit vigil outside the parliament building late last night.

Officers detained a dozen students at the scene, a lawyer for the students said.
"""


def test_last_night_dates_an_act_the_day_before_publication(pipeline) -> None:
    events = body_events(pipeline, LAST_NIGHT)
    wednesday = dt.date(2024, 4, 10)
    tear_gas = by_trigger(events, "fired tear gas")
    assert (tear_gas.date, tear_gas.date_precision) == (wednesday, "day")
    detained = by_trigger(events, "detained")
    assert (detained.date, detained.date_precision) == (wednesday, "story")


def test_a_day_in_the_possessive_dates_the_act_it_names(pipeline) -> None:
    text = "Friday night's raid on the camp killed six refugees, the agency said."
    killed = by_trigger(body_events(pipeline, text), "killed")
    assert (killed.date, killed.date_precision) == (dt.date(2024, 4, 5), "day")
    assert killed.date_evidence is not None and killed.date_evidence.text == "Friday night's"


def test_last_nights_in_the_possessive_is_the_day_before_publication(pipeline) -> None:
    text = "Last night's clashes between police and protesters left three people dead."
    clashes = by_trigger(body_events(pipeline, text), "clashes")
    assert (clashes.date, clashes.date_precision) == (dt.date(2024, 4, 10), "day")


def test_a_time_of_day_in_the_possessive_keeps_the_storys_day() -> None:
    from eventwire.resolve.story_dates import _same_day

    assert _same_day("this morning's", THURSDAY, THURSDAY)  # "this morning's raid"
    assert _same_day("Thursday's", THURSDAY, THURSDAY)
    assert not _same_day("Tuesday's", THURSDAY, THURSDAY)

"""Layout of copied pages: page furniture around the headline is never taken for story."""

from __future__ import annotations

import pytest

from eventwire.ingest.furniture import furniture_line
from eventwire.ingest.layout import split_layout

LEDE = "Rebels shelled the port of Hodeidah on Tuesday, killing four dockworkers, officials said."
SECOND = "The coalition said it would answer the attack within days."


def parts(text: str) -> tuple[str | None, str]:
    layout = split_layout(text)
    return layout.part("title"), layout.part("body") or ""


@pytest.mark.parametrize(
    "line",
    [
        "/ 3 March 2011",
        "21 June 2019",
        "Sep 4, 2018, 6:15 PM EDT",
        "Tue Mar 5, 2019 10:2AM",
        "Posted Friday, October 4, 2019 7:12 am",
        "Last Updated: Tuesday, 8 May 2012, 14:20 GMT",
        "Published Mar 2, 2021",
        ". Last Updated: 11/02/2018",
        "Updated 2 hours ago",
        "This Article is From Feb 12, 2018",
        "This article is more than 5 years old",
        "© 2023 Valley Public Radio",
        "Copyright 2020 Example Media Group",
        "By Amina Yusuf",
        "By Tom Reed and Ana Lima",
        "By Karl Weber | May 6, 2014 | 9:10am EDT",
        "Source: Example Agency| 2019-03-02 10:12:30|Editor: Li Wen",
        "Advertisement",
        "2. Skip to main menu",
    ],
)
def test_furniture_lines(line: str) -> None:
    assert furniture_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Rebels shell Hodeidah port",
        "Video: Militia fighters storm a courthouse in Tripoli",
        "Live: Troops cross the border",
        "May 9 clashes leave five dead in the capital",
        "By Boat And Bus, Refugees Reach The Border",
        "By Land And Sea",
        "Example Wire",
        "Coalition vows to answer port attack | Example News",
        LEDE,
    ],
)
def test_story_lines_are_not_furniture(line: str) -> None:
    assert not furniture_line(line)


def test_date_line_above_the_headline_is_passed_over() -> None:
    text = f"/ 3 March 2011\n\nRebels shell Hodeidah port\n\n{LEDE}\n\n{SECOND}"
    assert parts(text) == ("Rebels shell Hodeidah port", f"{LEDE}\n\n{SECOND}")


def test_archive_notice_above_a_repeated_headline() -> None:
    text = f"This Article is From Feb 12, 2018\n\nRebels Shell Hodeidah Port\n\nRebels Shell Hodeidah Port\n\n{LEDE}"
    layout = split_layout(text)
    assert layout.part("title") == "Rebels Shell Hodeidah Port"
    repeat = text.rindex("Rebels Shell Hodeidah Port")
    assert layout.sections["body"][0] == repeat
    # the headline printed again is furniture: its act is the title's, not a second report
    assert (repeat, repeat + len("Rebels Shell Hodeidah Port")) in layout.boilerplate


def test_site_banner_opened_by_a_copyright_notice_is_passed_over() -> None:
    text = (
        "© 2023 Valley Public Radio\nNews and music for the valley since 1972\nPlay Live Radio\n"
        f"Next Up:\n0:00 0:00\n\nRebels shell Hodeidah port, killing four\n\n{LEDE}"
    )
    assert parts(text) == ("Rebels shell Hodeidah port, killing four", LEDE)


def test_headline_followed_by_a_single_newline() -> None:
    text = (
        "Rebels shell Hodeidah port\nExample Wire\nLast Updated: Tuesday, 8 May 2012, 14:20 GMT\n"
        f"Dockworkers carry a wounded colleague\n\n{LEDE}\n\n{SECOND}"
    )
    layout = split_layout(text)
    assert layout.part("title") == "Rebels shell Hodeidah port"
    body = layout.part("body") or ""
    assert body.startswith("Example Wire\nLast Updated")
    marked = [text[a:b] for a, b in layout.boilerplate]
    assert "Last Updated: Tuesday, 8 May 2012, 14:20 GMT" in marked


def test_headline_and_lede_in_one_block() -> None:
    text = f"Rebels shell Hodeidah port\n{LEDE}\n\n{SECOND}"
    assert parts(text) == ("Rebels shell Hodeidah port", f"{LEDE}\n\n{SECOND}")


def test_hard_wrapped_prose_has_no_single_newline_headline() -> None:
    text = (
        "Rebels shelled the port of Hodeidah on Tuesday, killing four\n"
        "dockworkers and wounding a dozen more, officials at the port\n"
        "said in a statement read on local television late in the day.\n\n"
        "The coalition said it would answer the attack within days and\n"
        "called on the United Nations to send observers to the port.\n"
    ).rstrip()
    assert parts(text) == (None, text)


def test_wrapped_first_line_that_runs_on_is_no_headline() -> None:
    text = f"Rebels shelled the port of Hodeidah on Tuesday and\nkilled four dockworkers.\n\n{SECOND}"
    assert parts(text)[0] is None
    text = f"Rebels shelled the port of Hodeidah on Tuesday and\nKhalid Ali, a dockworker, died.\n\n{SECOND}"
    assert parts(text)[0] is None


def test_byline_above_the_story_is_no_headline() -> None:
    text = f"By Amina Yusuf\n\n{LEDE}\n\n{SECOND}"
    title, body = parts(text)
    assert title is None and body == f"{LEDE}\n\n{SECOND}"


def test_kicker_headline_is_kept() -> None:
    text = f"Video: Militia fighters storm a courthouse in Tripoli\n\n{LEDE}"
    assert parts(text)[0] == "Video: Militia fighters storm a courthouse in Tripoli"


def test_furniture_only_text_is_all_body() -> None:
    text = "21 June 2019\n\nBy Amina Yusuf"
    assert parts(text) == (None, text)


def test_no_headline_detection_keeps_the_text_whole() -> None:
    text = f"/ 3 March 2011\n\nRebels shell Hodeidah port\n\n{LEDE}"
    layout = split_layout(text, detect_headline=False)
    assert layout.part("title") is None and layout.sections["body"] == (0, len(text))


def test_a_label_of_its_own_heads_a_list_of_links() -> None:
    links = ["Guyana recalls its envoy from Caracas", "Protesters rally against fuel prices in Quito"]
    caption = "Police fire tear gas at marchers near the parliament in Quito"
    text = (
        f"Rebels shell Hodeidah port\n\n{LEDE}\n\nRelated coverage:\n{links[0]}\n {links[1]}\n\n{SECOND}\n\n"
        f"Image caption,\n{caption}\n\nRead also:\n\nThe coalition said the port would reopen on Friday."
    )
    marked = [text[a:b].strip() for a, b in split_layout(text).boilerplate]
    assert links[0] in marked and links[1] in marked  # other articles' headlines
    assert caption not in marked  # the page's own caption is no link
    assert SECOND not in marked and not any("reopen" in line for line in marked)  # sentences stay


def test_page_with_a_line_per_paragraph_and_no_blank_line_has_its_headline() -> None:
    # a page copied one line per paragraph, without a blank line anywhere: one block
    text = f"Rebels shell Hodeidah port\n{LEDE}\n{SECOND}"
    assert parts(text) == ("Rebels shell Hodeidah port", f"{LEDE}\n{SECOND}")


def test_link_line_under_a_one_block_headline_does_not_continue_it() -> None:
    text = f"Rebels shell Hodeidah port: officials\nhttps://example.org/r/8h2k\n{LEDE}\n{SECOND}"
    layout = split_layout(text)
    assert layout.part("title") == "Rebels shell Hodeidah port: officials"
    assert [text[a:b] for a, b in layout.boilerplate] == ["https://example.org/r/8h2k"]


def test_one_block_of_headline_and_lede_only_stays_body() -> None:
    # a lone lede under the line is too little to tell a headline from a short first paragraph
    text = f"Rebels shell Hodeidah port\n{LEDE}"
    assert parts(text) == (None, text)


def test_one_block_of_prose_has_no_headline() -> None:
    text = f"{LEDE}\n{SECOND}\nThe port was closed to ships for the rest of the week."
    assert parts(text)[0] is None


@pytest.mark.parametrize(
    "line",
    [
        "This website uses cookies so that we can remember your settings and count our visitors.",
        "We use cookies to improve your experience on our site.",
        "(Reporting by Amina Yusuf; Editing by Tom Reed)",
        "(Additional reporting by Ana Lima in Quito, writing by Karl Weber, editing by Tom Reed)",
    ],
)
def test_cookie_notices_and_wire_credits_are_furniture(line: str) -> None:
    assert furniture_line(line)


def test_credits_opening_a_sentence_are_story() -> None:
    assert not furniture_line(
        "(Reporting by phone was impossible, the agency said.) Rebels shelled the port."
    )
    assert not furniture_line("We used cookies and tea to calm the children, a nurse said.")

"""Metadata: outlet, headline, byline, dateline and date, from what the page itself says."""

from __future__ import annotations

import pytest

from sidebyside.ingest.clean import clean
from sidebyside.ingest.meta import Meta, detect, parse_date

LEAD = (
    "Rail workers across the north walked out on Tuesday in the biggest strike in three decades, halting most trains."
)
MORE = "The union said 40,000 members had joined the action, which is set to last 48 hours across the region."


def meta_of(*lines: str) -> Meta:
    return detect(clean("\n".join(lines) + "\n"))[0]


def body_of(*lines: str) -> tuple[str, ...]:
    return detect(clean("\n".join(lines) + "\n"))[1]


# --- outlet ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "outlet"),
    [
        (("Strike halts trains", f"LONDON (Reuters) - {LEAD}", MORE), "Reuters"),
        (("Strike halts trains", LEAD, MORE, "© 2019 AFP"), "AFP"),
        (("Strike halts trains", LEAD, MORE, "© 0 Reuters. All Rights Reserved."), "Reuters"),
        (("Strike halts trains", LEAD, MORE, "©2019 GPlusMedia Inc."), "GPlusMedia"),
        (
            (
                "Strike halts trains",
                LEAD,
                MORE,
                (
                    "Copyright 2024 BBC. All rights reserved. The BBC is not responsible for the content of "
                    "external sites."
                ),
            ),
            "BBC",
        ),
        (
            ("METRO BULLETIN", "Trains", "North grinds to a halt on first day of rail strike", LEAD, MORE),
            "Metro Bulletin",
        ),
        (("Alpine Post", "HOME | NEWS | EUROPE", "Strike halts trains across the north", LEAD, MORE), "Alpine Post"),
        (
            ("The Sentinel | Yorkshire's paper since 1872", "Subscribe | Sign in", "Strike halts trains", LEAD, MORE),
            "The Sentinel",
        ),
        (("international", "Strike halts trains", "SMA News – Agencies", LEAD, MORE), "SMA News"),
        (("Valdoria Today - Agencies", "Strike halts trains", LEAD, MORE), "Valdoria Today"),
        (("Strike halts trains across the north | Capital Courier", LEAD, MORE), "Capital Courier"),
        (("Strike halts trains", "Paris- Asharq Al-Awsat", LEAD, MORE), "Asharq Al-Awsat"),
        (("Strike halts trains", LEAD, MORE, "Source: Al Jazeera and news agencies"), "Al Jazeera"),
        (("Strike halts trains", LEAD, MORE, "More from RTV News"), "RTV News"),
        (("Asharq Al-Awsat", "Asharq Al-Awsat", "World", "Strike halts trains", LEAD, MORE), "Asharq Al-Awsat"),
    ],
    ids=[
        "wire-dateline",
        "copyright-afp",
        "copyright-reuters",
        "copyright-legal-suffix",
        "copyright-long-line",
        "masthead-caps",
        "masthead-first-line",
        "masthead-tagline",
        "agencies-label",
        "agencies-label-hyphen",
        "title-suffix",
        "masthead-dateline",
        "source-line",
        "more-from",
        "repeated-masthead",
    ],
)
def test_outlet_comes_from_what_the_page_says(lines: tuple[str, ...], outlet: str) -> None:
    assert meta_of(*lines).outlet == outlet


@pytest.mark.parametrize(
    "lines",
    [
        ("Strike halts trains across the north", LEAD, MORE),
        ("Gen. Haftar tells Macron no ceasefire for now", "", LEAD, MORE),
        ("Skip to content", "Menu", "Strike halts trains across the north", "By Jane Doe", LEAD, MORE),
    ],
)
def test_outlet_is_null_when_the_text_does_not_say(lines: tuple[str, ...]) -> None:
    assert meta_of(*lines).outlet is None


def test_a_place_labelled_agencies_is_a_dateline_not_an_outlet() -> None:
    meta = meta_of(
        "Strike halts trains",
        "Tripoli – Agencies",
        "Fighting resumed in Tripoli on Sunday after a brief lull, officials said.",
        MORE,
    )
    assert meta.outlet is None
    assert meta.dateline == "Tripoli"


# --- headline -------------------------------------------------------------------------


def test_headline_is_the_first_headline_shaped_line() -> None:
    assert meta_of("world", "Strike halts trains across the north", "0 Comments", LEAD, MORE).title == (
        "Strike halts trains across the north"
    )


def test_headline_loses_the_site_suffix_and_update_prefix() -> None:
    assert meta_of("Updated Strike halts trains across the north | Capital Courier", LEAD, MORE).title == (
        "Strike halts trains across the north"
    )


def test_headline_skips_promotions_that_share_no_words_with_the_story() -> None:
    meta = meta_of(
        "Support the Guardian",
        "Fund independent journalism with £5 per month",
        "News",
        "Opinion",
        "Rail strike halts trains as workers walk out",
        "Union says 40,000 members joined the action",
        LEAD,
        MORE,
    )
    assert meta.title == "Rail strike halts trains as workers walk out"


def test_headline_skips_breadcrumbs_and_menus() -> None:
    meta = meta_of(
        "NEWS > TRANSPORT",
        "HOME | NEWS | SPORT",
        "Strike talks to resume as union leader signals compromise",
        LEAD,
        MORE,
    )
    assert meta.title == "Strike talks to resume as union leader signals compromise"


def test_no_headline_when_the_page_starts_with_its_text() -> None:
    assert meta_of(LEAD, MORE).title is None


# --- byline ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("By Mahmud TURKIA", "Mahmud TURKIA"),
        ("By Reuters Staff", "Reuters Staff"),
        ("By: Jane Doe", "Jane Doe"),
        ("By Helen Okonjo, Transport Correspondent", "Helen Okonjo"),
        ("By Jill Lawless and Danica Kirka, The Associated Press", "Jill Lawless and Danica Kirka"),
        ("By Martin Luther King Jr.", "Martin Luther King Jr."),
        ("By Daniel Farrow | Published 3 hours ago", "Daniel Farrow"),
        ("By Alpine Post staff", "Alpine Post staff"),
        ("Anna Kowalczyk in Merano", "Anna Kowalczyk"),
    ],
)
def test_byline(line: str, byline: str) -> None:
    assert meta_of("Strike halts trains across the north", line, LEAD, MORE).byline == byline


def test_byline_glued_to_the_headline_is_recovered() -> None:
    meta = meta_of(f"Strike halts trains across the northBy Reuters Staff3 Min Read{LEAD}", MORE)
    assert meta.byline == "Reuters Staff"
    assert meta.title == "Strike halts trains across the north"


def test_a_bare_name_above_where_the_reporter_filed_from_is_the_byline() -> None:
    meta = meta_of(
        "Strike halts trains across the north", "4 June 2024", "Marta Ekholm", "Reporting from Leeds", LEAD, MORE
    )
    assert (meta.byline, meta.date) == ("Marta Ekholm", "2024-06-04")


def test_no_byline_when_none_is_given() -> None:
    assert meta_of("Strike halts trains across the north", LEAD, MORE).byline is None


# --- dateline -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "dateline", "opening"),
    [
        (
            "PARIS (Reuters) - Libyan eastern commander Khalifa Haftar has ruled out a ceasefire.",
            "PARIS",
            "Libyan eastern",
        ),
        (
            "WASHINGTON — The Senate voted on Tuesday to extend the program by two more years.",
            "WASHINGTON",
            "The Senate",
        ),
        (
            "TRIPOLI, May 8 (AFP) - Fighting resumed on the southern edge of the capital on Wednesday.",
            "TRIPOLI",
            "Fighting",
        ),
        (
            "BEIRUT, Lebanon (AP) — An explosion shook the port district of the capital late on Friday.",
            "BEIRUT, Lebanon",
            "An explosion",
        ),
        ("Paris (AFP) - France's president met the eastern commander at the Elysee on Wednesday.", "Paris", "France's"),
        (
            "ST. LOUIS (AP) — A judge ruled on Monday that the city must release the records it held.",
            "ST. LOUIS",
            "A judge",
        ),
        (
            "LONDON -- Rail workers walked out on Tuesday in the biggest strike in three decades.",
            "LONDON",
            "Rail workers",
        ),
    ],
)
def test_wire_dateline_is_recognised_and_removed_from_the_first_sentence(
    first: str, dateline: str, opening: str
) -> None:
    meta, body = detect(clean(f"Headline about the story here\n{first}\n{MORE}\n"))
    assert meta.dateline == dateline
    assert body[0].startswith(opening)


def test_dateline_from_a_masthead_line() -> None:
    meta = meta_of("Haftar to Macron: Conditions Not Met for Libya Truce", "Paris- Asharq Al-Awsat", LEAD, MORE)
    assert (meta.dateline, meta.outlet) == ("Paris", "Asharq Al-Awsat")


def test_dateline_from_a_place_line_after_the_byline() -> None:
    assert meta_of("Strike halts trains across the north", "By Mahmud TURKIA", "PARIS", LEAD, MORE).dateline == "PARIS"


def test_dateline_from_a_byline_with_place() -> None:
    assert meta_of("Strike halts trains across the north", "Anna Kowalczyk in Merano", LEAD, MORE).dateline == "Merano"


@pytest.mark.parametrize(
    "first",
    [
        "UPDATE: The minister resigned on Tuesday after weeks of pressure from her own party.",
        "NATO allies agreed on Tuesday to raise spending, officials said after the summit.",
        "Sunday's vote was the first since the war ended, the electoral commission said.",
    ],
)
def test_no_dateline_invented_from_an_ordinary_first_sentence(first: str) -> None:
    meta, body = detect(clean(f"Headline about the story here\n{first}\n{MORE}\n"))
    assert meta.dateline is None
    assert body[0] == first


def test_section_words_are_not_datelines() -> None:
    assert meta_of("Strike halts trains across the north", "WORLD", LEAD, MORE).dateline is None


# --- date -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Sun 12 May 2024 10.35 BST", "2024-05-12"),
        ("Posted May 17, 2024 10:45 am | Updated 11:02 am", "2024-05-17"),
        ("Published On 14 Jun 2024", "2024-06-14"),
        ("Updated 4:12 PM GMT, March 3, 2024", "2024-03-03"),
        ("16/05/2024 | 18:40", "2024-05-16"),
        ("2024-05-16T18:40:00Z", "2024-05-16"),
        ("Tuesday 4 June 2024, 6:15 am", "2024-06-04"),
        ("Published 3 hours ago", None),
        ("03/04/2024", None),
        ("31 February 2024", None),
    ],
)
def test_parse_date(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


def test_date_comes_from_a_head_timestamp() -> None:
    assert (
        meta_of("Strike halts trains across the north", "By Jane Doe", "Tuesday 4 June 2024, 6:15 am", LEAD, MORE).date
        == "2024-06-04"
    )


@pytest.mark.parametrize(
    ("stamp", "iso"),
    [("Published: 06 June 2024", "2024-06-06"), ("Published: Monday, March 3, 2025 — 10:55 p.m.", "2025-03-03")],
)
def test_date_comes_from_a_labelled_timestamp(stamp: str, iso: str) -> None:
    assert meta_of("Strike halts trains across the north", "By Jane Doe", stamp, LEAD, MORE).date == iso


def test_no_date_from_the_body() -> None:
    assert (
        meta_of(
            "Strike halts trains across the north",
            "The strike began on 4 June 2024, the union said in a statement.",
            MORE,
        ).date
        is None
    )


@pytest.mark.parametrize(
    "first",
    ["Libya", "North Africa", "Breaking News", "Latest News", "Climate Crisis", "Middle East"],
)
def test_a_section_label_at_the_top_is_not_taken_for_the_outlet(first: str) -> None:
    assert meta_of(first, "Strike halts trains across the north", LEAD, MORE).outlet is None


@pytest.mark.parametrize(
    ("first", "outlet"),
    [
        ("RTV News", "RTV News"),
        ("Independent", "Independent"),
        ("The Sentinel", "The Sentinel"),
        ("DAILY LEDGER", "Daily Ledger"),
    ],
)
def test_a_masthead_that_says_what_it_is_is_the_outlet(first: str, outlet: str) -> None:
    assert meta_of(first, "Strike halts trains across the north", LEAD, MORE).outlet == outlet


def test_masthead_named_in_the_body_is_the_outlet_not_the_headline() -> None:
    page = (
        "The Lowveld Courier\n"
        "NEWS | Courts\n"
        "Judge orders new inquiry into dam collapse near Mbombela\n"
        "By Thabo Nkosi\n\n"
        "A high court judge on Tuesday ordered a new inquiry into the collapse of the Mbombela dam wall last year.\n\n"
        "“The first inquiry failed the families,” the judge said, according to court papers seen by The Lowveld "
        "Courier.\n"
    )
    meta, _ = detect(clean(page))
    assert meta.title == "Judge orders new inquiry into dam collapse near Mbombela"
    assert meta.outlet == "The Lowveld Courier"


def test_dateline_keeps_the_region_of_a_wire_dateline() -> None:
    meta, body = detect(
        clean(
            "Quake hits coast\n\nSENDAI, Japan (Northern Wire) - A strong earthquake struck the coast on Monday, "
            "officials said.\n"
        )
    )
    assert meta.dateline == "SENDAI, Japan"
    assert body[0].startswith("A strong earthquake")


PROSE = (
    "A fire tore through a chemical storage plant in the port late on Wednesday, forcing about 1,500 "
    "residents from their homes, officials said."
)
FIRE_MORE = "Police said they had opened an investigation but had no reason to suspect a crime at the plant."


@pytest.mark.parametrize(
    "credit",
    [
        "With AP",
        "— AFP",
        "(Reuters)",
        "Agencies",
        "New York Times News Service",
        "The Associated Press contributed to this report.",
    ],
)
def test_credit_lines_are_kept_as_credits_and_never_a_byline(credit: str) -> None:
    meta = meta_of("Brennvik Herald", "Chemical fire forces 1,500 from homes in the port", credit,
                   "Thursday 13 March 2025, 07:45", PROSE, FIRE_MORE, credit)  # fmt: skip
    assert meta.byline is None
    assert credit in meta.credits


def test_an_agency_the_page_credits_is_the_source_not_the_outlet() -> None:
    meta = meta_of("Brennvik Herald", "Chemical fire forces 1,500 from homes in the port",
                   f"BRENNVIK, Norway (NPA) — {PROSE}", FIRE_MORE, "With NPA")  # fmt: skip
    assert meta.outlet == "Brennvik Herald" and meta.credits == ("With NPA",)
    wire = meta_of("Chemical fire forces 1,200 from homes in the port", f"BRENNVIK, Norway (NPA) — {PROSE}", FIRE_MORE)
    assert wire.outlet == "NPA" and wire.credits == ()

"""Cleaning: one test (or parametrised group) per rule, on scraped-page snippets written
for these tests in the shape of real outlets' pages (wire, public broadcaster, British
daily, Gulf broadcaster, aggregators), none of them the seed story.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sidebyside.ingest.clean import (
    DROP_CONTENT,
    clean,
    drop_content,
    fold_quotes,
    paragraphs_of,
    recurring_camel_words,
    split_seams,
    strip_shortcodes,
)
from sidebyside.ingest.lines import is_junk

LEAD = "Hundreds of people were told to leave their homes after the River Wye burst its banks on Sunday."
SECOND = "Natural Resources Wales said 42 flood warnings were in force on Monday morning, with more rain expected."
LAST = "The Met Office said a further 60mm of rain could fall on higher ground before Wednesday."


def body_of(page: str) -> list[str]:
    return list(clean(page).body)


def page(*middle: str, before: tuple[str, ...] = (), after: tuple[str, ...] = ()) -> str:
    """A page: chrome before, the lead, some lines, the last paragraph, chrome after."""
    return "\n".join([*before, LEAD, SECOND, *middle, LAST, *after]) + "\n"


# --- site chrome and navigation -------------------------------------------------------


def test_public_broadcaster_chrome_is_removed() -> None:
    text = "\n".join(
        [
            "Skip to content",
            "Homepage",
            "Accessibility links",
            "Home",
            "News",
            "Sport",
            "Weather",
            "Menu",
            "Flood warnings issued as rivers burst banks across Wales",
            "Published 3 hours ago",
            "Share",
            "close panel",
            "Share page",
            "Copy link",
            "About sharing",
            "Image source, Getty Images",
            "Image caption, Residents were evacuated from homes in Builth Wells on Sunday",
            "By Sian Evans",
            "BBC News",
            LEAD,
            SECOND,
            LAST,
            "Related Topics",
            "Flooding",
            "Wales weather",
            "More on this story",
            "Rivers rise after storm",
            "Published 2 days ago",
            "Copyright 2024 BBC. All rights reserved. The BBC is not responsible for the content of external sites.",
        ]
    )
    cleaned = clean(text)
    assert list(cleaned.body) == [LEAD, SECOND, LAST]
    assert "By Sian Evans" in cleaned.head


@pytest.mark.parametrize(
    "line",
    [
        "HOME | NEWS | EUROPE | SPORT | WEATHER",
        "News > Transport",
        "Home / World / Middle East",
        "News|Conflict|Protests",
        "Skip to main content",
        "Listen to this article",
        "Listen to this article 2 min",
        "3 min read",
        "Print",
        "Save article",
        "Published On 14 Jun 2024",
        "Updated 4:12 PM GMT, March 3, 2024",
        "Sun 12 May 2024 10.35 BST",
        "Posted May 17, 2024 10:45 am | Updated 11:02 am",
        "16/05/2024 | 18:40",
        "Published 3 hours ago",
        "Published: Monday, March 3, 2025 — 10:55 p.m.",
        "Published March 5, 2025 at 8:15 p.m. · Updated March 5, 2025 at 9:02 p.m.",
        "[Image] Kestrel Telecom's headquarters in central Skarsholm, March 11, 2025.",
        "Tarrenford 19°C Sunny  |  Thursday, June 12, 2025",
        "Live updates: our rolling coverage of the Port Ellery fire continues here",
        "Tonight in Port Ellery: 27°C, clear, heavy smoke",
        "Port Ellery today: 26°C, smoke haze, wind SW 20 km/h",
    ],
)
def test_navigation_and_page_furniture_are_junk(line: str) -> None:
    assert is_junk(line)
    assert line not in body_of(page(line))


def test_glued_wire_page_chrome_is_removed() -> None:
    text = (
        "Dam bursts in Valdoria, thousands flee | ReutersDiscover Thomson ReutersDirectory of "
        "sitesLoginContactSupportfor-phone-onlyfor-tablet-portrait-upfor-desktop-upEditor's picks"
        f"Dam bursts in Valdoria, thousands fleeBy Reuters Staff3 Min Read{LEAD}{SECOND}"
        "Reporting by Anna Weber; Editing by Tom HoggOur Standards: The Thomson Reuters Trust "
        "Principles.AppsNewslettersAdvertise with UsCookiesTerms of UsePrivacy© 2024 Reuters. "
        "All Rights Reserved."
    )
    body = body_of(text)
    assert body == [LEAD, SECOND]


# --- sign-up walls, paywalls, cookie banners ------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Sign up for our morning briefing",
        "Sign up to our newsletter and get the news first.",
        "Subscribe to continue reading",
        "You have reached your limit of free articles this month.",
        "Already a subscriber? Log in",
        "Already a member? Sign in here",
        "We use cookies to improve your experience on our site. By continuing you agree to our cookie policy.",
        "Accept all cookies",
        "Support the Guardian",
        "Download the app",
        "Get all your news in one place.",
        "Click here to subscribe to our newsletter.",
    ],
)
def test_sign_up_and_paywall_prompts_are_removed(line: str) -> None:
    assert line not in body_of(page(line))


def test_a_paywall_ends_the_body() -> None:
    text = page(
        after=(
            "Sign up to read this article",
            "Read news from 100’s of titles, curated specifically for you.",
            "Already a member? Sign in here",
            "One subscription that gives you access to news from hundreds of sites",
        )
    )
    assert body_of(text) == [LEAD, SECOND, LAST]


# --- comment widgets, share buttons ---------------------------------------------------


@pytest.mark.parametrize(
    "widget",
    [
        ("Comments (212)", "Sign in or create your account to join the discussion", "Most viewed"),
        ("0 Comments", "Login to comment", "Be the first to comment on this story."),
        ("Show comments", "Jane42: This is a disgrace, the council knew for years about this river."),
        ("Join the conversation", "Please keep comments civil. Our moderators review every comment posted here."),
    ],
    ids=["guardian", "japantoday", "show", "conversation"],
)
def test_comment_widgets_end_the_body(widget: tuple[str, ...]) -> None:
    assert body_of(page(after=widget)) == [LEAD, SECOND, LAST]


@pytest.mark.parametrize(
    "line",
    ["Share", "Share this article", "Share on Facebook", "Share on Twitter", "Tweet", "Email", "Copy link", "WhatsApp"],
)
def test_share_buttons_are_removed(line: str) -> None:
    assert body_of(page(line)) == [LEAD, SECOND, LAST]


# --- related stories and links --------------------------------------------------------


def test_related_stories_at_the_foot_end_the_body() -> None:
    text = page(
        after=(
            "Related stories",
            "Rivers rise after storm",
            "Farmers count cost of wettest winter on record, survey finds.",
            "Storm Bert: what we know",
        )
    )
    assert body_of(text) == [LEAD, SECOND, LAST]


def test_a_related_box_mid_article_is_skipped_and_the_article_resumes() -> None:
    middle = (
        "Related stories",
        "Rivers rise after storm",
        "What to do if your home floods",
        "Residents in Builth Wells said the water rose faster than at any time in living memory.",
    )
    body = body_of(page(*middle))
    assert body == [LEAD, SECOND, middle[-1], LAST]


@pytest.mark.parametrize(
    "line",
    [
        "READ MORE: How to protect your home from flooding",
        "Read more: Rail strike dates announced for next month as talks collapse again",
        "Related: Europe braces for wetter summers",
        "Also read: Valdoria's dams were built in the 1960s and have never been inspected",
        "Watch: Aerial footage shows the extent of the flooding",
        "See also: Timeline of the crisis",
    ],
)
def test_read_more_links_are_removed(line: str) -> None:
    assert body_of(page(line)) == [LEAD, SECOND, LAST]


# --- ad blocks ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "ad",
    ["Advertisement", "ADVERTISEMENT", "Story continues below advertisement", "Sponsored content", "[Advertisement]"],
)
def test_ad_lines_mid_body_are_removed(ad: str) -> None:
    assert body_of(page(ad)) == [LEAD, SECOND, LAST]


def test_words_like_advertisers_in_prose_are_kept() -> None:
    prose = "Advertisers have pulled out of the network after the broadcast, the company said on Monday."
    assert body_of(page(prose)) == [LEAD, SECOND, prose, LAST]


# --- copyright lines ------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "© 2024 The Associated Press. All rights reserved.",
        "Copyright © 2019 Al Jazeera Media Network",
        "Copyright 2024 BBC. All rights reserved. The BBC is not responsible for the content of external sites.",
        "©2019 GPlusMedia Inc.",
        "This material may not be published, broadcast, rewritten or redistributed.",
        "(c) 2023 Valdoria Post Ltd",
        "All rights reserved.",
    ],
)
def test_copyright_lines_leave_the_body(line: str) -> None:
    assert body_of(page(after=(line, "Terms of use"))) == [LEAD, SECOND, LAST]
    assert is_junk(line)


# --- wire credit lines ----------------------------------------------------------------


@pytest.mark.parametrize(
    "credit",
    [
        "Reporting by John Smith; Editing by Jane Doe",
        "(Reporting by Mark John; editing by Kevin Liffey)",
        "Reporting by Ahmed Tolba and Aidan Lewis in Cairo; Additional reporting by Ulf Laessing; "
        "Writing by Aidan Lewis; Editing by Peter Graff",
        "Additional reporting by Sarah Jones in London",
        "Writing by Tom Perry; Editing by Alison Williams",
        "Compiled by Cairo newsroom",
        "Source: Al Jazeera and news agencies",
    ],
)
def test_wire_credit_lines_leave_the_body(credit: str) -> None:
    assert body_of(page(after=(credit,))) == [LEAD, SECOND, LAST]
    assert is_junk(credit)


def test_a_chart_source_line_mid_body_does_not_end_the_article() -> None:
    body = body_of(page("Source: Valdoria Ministry of Health"))
    assert body == [LEAD, SECOND, LAST]


# --- photo captions -------------------------------------------------------------------


@pytest.mark.parametrize(
    "caption",
    [
        (
            "Commuters queue for buses outside Waterloo station in London, Tuesday, March 3, 2024. "
            "(AP Photo/Kirsty Wigglesworth)"
        ),
        "FILE PHOTO: A general view of the dam in Valdoria, May 1, 2024. REUTERS/Yannis Kolesidis/File Photo",
        "Police officers stand guard near the parliament building. Getty Images",
        "Rescue workers search the rubble. Photograph: Petros Giannakouris/AP",
        "Protesters throw stones at police in the capital on Friday [Ahmed Hassan/Reuters]",
        "A woman walks past a flooded street in Valdoria. (Photo by John Doe/Getty Images)",
        "In this Aug. 14, 2017 file photo, the minister meets reporters in Moscow, Russia.",
        "Flooded homes in Castelbruno on Wednesday. Photo: AFP/File",
        "Image caption, Residents were evacuated from homes in Builth Wells on Sunday",
        "Rescuers carry a survivor from the debris (Reuters/Amr Abdallah Dalsh)",
    ],
)
def test_photo_captions_leave_the_body(caption: str) -> None:
    assert body_of(page(caption)) == [LEAD, SECOND, LAST]


@pytest.mark.parametrize(
    "prose",
    [
        "He declined to comment.",
        'Mr. Smith said comments made by the minister were "deeply unhelpful".',
        "The union said members would read more details of the offer on Friday.",
        "The committee said it would publish its report on the subscription scheme next month.",
        "“We will not sign up to a deal that abandons workers,” he said.",
        "Residents were asked to share their photos of the flooding with the council.",
        "Eight people remain missing.",
    ],
)
def test_prose_that_mentions_furniture_words_is_kept(prose: str) -> None:
    assert not is_junk(prose)
    assert body_of(page(prose)) == [LEAD, SECOND, prose, LAST]


# --- glued text -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("glued", "parts"),
    [
        (
            "newspaperBy Reuters Staff2 Min ReadFILE PHOTO: x",
            ["newspaper", "By Reuters Staff", "2 Min Read", "FILE PHOTO: x"],
        ),
        ("Kasolowsky.Our Standards: The Trust Principles.", ["Kasolowsky.", "Our Standards: The Trust Principles."]),
        (
            "in Le Journal du Dimanche.Haftar’s army advanced.",
            ["in Le Journal du Dimanche.", "Haftar’s army advanced."],
        ),
        (
            "the militias,” he said.“Partition is what they want.”",
            ["the militias,” he said.", "“Partition is what they want.”"],
        ),
        ("toppled in 2019.Officials said", ["toppled in 2019.", "Officials said"]),
        ("delays.© 2024 Reuters.", ["delays.", "© 2024 Reuters."]),
        ("Al-FetoriPARIS (Reuters) - Libyan", ["Al-Fetori", "PARIS (Reuters) - Libyan"]),
    ],
)
def test_glued_blocks_are_split_at_the_seams(glued: str, parts: list[str]) -> None:
    assert [p.strip() for p in split_seams(glued)] == parts


@pytest.mark.parametrize(
    "name",
    [
        "Ronald McDonald",
        "General MacArthur",
        "Ron DeSantis",
        "Fayez al-Serraj",
        "an iPhone",
        "on YouTube",
        "on LinkedIn",
        "Leonardo DiCaprio",
        "Fiorello LaGuardia",
        "Sean O'Neill",
        "McKinsey",
        "an eBay seller",
        "a PhD student",
        "the iPad",
        "WhatsApp groups",
        "U.S.-backed forces",
        "3.5 percent",
        "St. Louis",
        "No.10 Downing Street",
        "LeBron James",
    ],
)
def test_seam_repair_keeps_names_whole(name: str) -> None:
    sentence = f"He spoke about {name} at length on Monday."
    assert split_seams(sentence) == [sentence]


def test_an_inner_capital_word_the_page_repeats_is_a_name_not_a_seam() -> None:
    text = page(
        "Users of the ZapGram app said ZapGram had stopped working during the floods on Sunday night.",
    )
    assert any("ZapGram app said ZapGram had stopped" in p for p in body_of(text))


# --- shortcodes -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("[su_dropcap]L[/su_dropcap]ibyan forces advanced.", "Libyan forces advanced."),
        ('[su_label type="info"]SMA News – Agencies[/su_label]', "\nSMA News – Agencies\n"),
        ("[vc_row][vc_column][vc_column_text]Body text.[/vc_column_text][/vc_column][/vc_row]", "Body text."),
        ('[caption id="a1" align="alignnone"]<img src=x> Flooded street[/caption]The water rose.', "The water rose."),
        ("[embed]https://video.example/123[/embed]", ""),
        ('[su_spacer size="10"]', ""),
        ('[et_pb_text admin_label="Text"]The council met.[/et_pb_text]', "The council met."),
        ("[highlight]Key fact[/highlight] stays inline.", "Key fact stays inline."),
    ],
)
def test_shortcodes_are_removed(raw: str, expected: str) -> None:
    assert strip_shortcodes(raw).strip() == expected.strip()


@pytest.mark.parametrize(
    "text",
    [
        "He said the report was “[sic] incomplete” and would be redone.",
        "“[The president] will not resign,” his spokesman said on Monday.",
        "The figures [see table] were revised twice.",
        "The court cited Article [3] of the charter.",
    ],
)
def test_editorial_brackets_are_kept(text: str) -> None:
    assert strip_shortcodes(text) == text
    assert text in body_of(page(text))


# --- duplicated body ------------------------------------------------------------------


def test_a_body_repeated_by_the_scraper_is_kept_once() -> None:
    paragraphs = [LEAD, SECOND, "“Every available resource is being used,” she said.", LAST]
    text = "Dam bursts in Valdoria\n" + "\n".join(paragraphs) + "\n" + "\n".join(paragraphs[1:]) + "\n"
    assert body_of(text) == paragraphs


def test_repeats_that_differ_only_in_quote_style_are_kept_once() -> None:
    straight = 'The minister said the bridge was "safe" and would reopen next week after repairs.'
    curly = "The minister said the bridge was “safe” and would reopen next week after repairs."
    assert body_of(page(straight, curly)) == [LEAD, SECOND, straight, LAST]


# --- hard wraps -----------------------------------------------------------------------

WRAPPED = """\
Dam bursts in northern Valdoria

The dam above Castelbruno gave way shortly after midnight on Tuesday,
sending a wall of water through three villages, the regional governor
said, adding that the army had been called in to help search for the
missing.

The U.S. embassy said it was in contact with local authorities and Mr.
Jones, the ambassador, would visit the area on Thursday with officials
from the European Union's civil protection mechanism and the Red Cross.
"""


def test_hard_wrapped_paragraphs_are_joined_again() -> None:
    assert body_of(WRAPPED) == [
        "The dam above Castelbruno gave way shortly after midnight on Tuesday, sending a wall of water "
        "through three villages, the regional governor said, adding that the army had been called in "
        "to help search for the missing.",
        "The U.S. embassy said it was in contact with local authorities and Mr. Jones, the ambassador, "
        "would visit the area on Thursday with officials from the European Union's civil protection "
        "mechanism and the Red Cross.",
    ]


def test_unwrapped_lines_starting_lower_case_continue_the_paragraph() -> None:
    text = "The minister said the bridge, which was closed in March after\nengineers found cracks, would reopen."
    assert paragraphs_of(text) == [
        "The minister said the bridge, which was closed in March after engineers found cracks, would reopen."
    ]


# --- odd pages ------------------------------------------------------------------------


def test_a_page_with_no_punctuation_at_all_still_yields_text() -> None:
    text = (
        "Dam bursts in Valdoria\nthousands flee their homes as water rises in three villages\n"
        "officials say army is on the way\n"
    )
    body = body_of(text)
    assert "thousands flee their homes as water rises in three villages" in " ".join(body)
    assert "officials say army is on the way" in " ".join(body)


def test_a_one_line_article_yields_its_line() -> None:
    line = "The dam above Castelbruno gave way shortly after midnight on Tuesday, officials said."
    assert body_of(line) == [line]


def test_right_to_left_text_is_kept() -> None:
    arabic = "قال المتحدث باسم الحكومة إن الفيضانات أدت إلى نزوح الآلاف من السكان في ثلاث قرى."
    assert arabic in body_of(page(arabic))


# --- property: cleaning never invents text -------------------------------------------

WORDS = st.sampled_from(
    "the minister said on Monday that bridge would reopen Share Advertisement READ MORE: Sign up "
    "Reuters © 2024 FILE PHOTO: McDonald newspaperBy Staff2 Haftar’s “quoted” [su_label] [sic] "
    "Comments (3) 3.5 U.N. Gen. al-Serraj YouTube. Photo: AP/File Related stories".split()
)
LINE = st.lists(WORDS, min_size=0, max_size=25).map(" ".join)
PAGE = st.lists(LINE, min_size=1, max_size=15).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(PAGE)
def test_cleaning_never_invents_text(text: str) -> None:
    """Every word of the result occurs in the page (seams and shortcodes aside, which only
    cut words apart or glue a drop cap back, so the word is still in the untagged text)."""
    cleaned = clean(text)
    untagged = re.sub(r"\[/?[A-Za-z_]+[^\[\]]*\]", "", text)
    for paragraph in (*cleaned.head, *cleaned.body, *cleaned.tail):
        for word in re.findall(r"\w+", paragraph):
            assert word in untagged or word in text


@pytest.mark.parametrize(
    "text",
    [
        "[su_dropcap]T[/su_dropcap]he minister said the bridge would reopen next week after repairs.",
        "newspaperBy Reuters Staff2 Min Read\nThe minister said the bridge would reopen next week after repairs.",
    ],
)
def test_seam_and_shortcode_repair_only_reuse_the_pages_letters(text: str) -> None:
    test_cleaning_never_invents_text.hypothesis.inner_test(text)  # type: ignore[attr-defined]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_cleaning_any_text_never_fails(text: str) -> None:
    cleaned = clean(text)
    assert all(p.strip() == p and p for p in cleaned.body)


# --- further furniture: agency credits, embeds, prompts with links ----------------------


@pytest.mark.parametrize(
    "line",
    [
        "Rescuers search the rubble in Castelbruno. Luca Zennaro/EPA-EFE",
        "A man wades through water on Tuesday. Filippo Monteforte/AFP via Getty Images",
        "The water is rising fast in Castelbruno pic.twitter.com/AbC123 — Jane Doe (@janedoe) May 12, 2024",
        "Follow AP's coverage of the floods at https://apnews.com/hub/floods",
        "Sign up to First Edition, our free daily newsletter – every weekday morning at 7am BST",
    ],
)
def test_agency_credits_embeds_and_link_prompts_are_removed(line: str) -> None:
    assert is_junk(line)
    assert body_of(page(line)) == [LEAD, SECOND, LAST]


@pytest.mark.parametrize(
    "credit",
    [
        "Associated Press writers John Leicester in Paris and Sylvie Corbet contributed to this report.",
        "Keyton reported from Stockholm. Associated Press writer Frances D'Emilio in Rome contributed to this report.",
        "Rossi reported from Merano.",
    ],
)
def test_contributor_credits_end_the_body(credit: str) -> None:
    assert body_of(page(after=(credit, "Follow our coverage at https://example.org"))) == [LEAD, SECOND, LAST]


@pytest.mark.parametrize(
    "prose",
    [
        "The ministry published the list of shelters at www.gov.vd on Tuesday, officials said.",
        "Reporters Without Borders said three journalists had been detained on Monday.",
        "He said Reuters reporters contributed to the report.",
    ],
)
def test_prose_near_credit_patterns_is_kept(prose: str) -> None:
    assert body_of(page(prose)) == [LEAD, SECOND, prose, LAST]


@pytest.mark.parametrize("seed", range(5))
def test_squash_of_a_huge_line_equals_split_and_join(seed: int) -> None:
    import random

    from sidebyside.ingest.clean import HUGE, squash

    rng = random.Random(seed)
    text = "".join(rng.choice(["a", "bb", " ", "  ", "\n", "\t", "ccc", "é"]) for _ in range(3 * HUGE))
    assert squash(text) == " ".join(text.split())


def test_a_long_analysis_paragraph_is_not_taken_for_a_link() -> None:
    prose = (
        "Analysis: the figures published on Monday show that the dam had been flagged as at risk in "
        "three separate inspections since 2019, yet no repairs were ordered by the regional authority."
    )
    assert body_of(page(prose)) == [LEAD, SECOND, prose, LAST]


def test_rich_markup_in_article_text_stays_text() -> None:
    prose = "The poster read [bold]STOP THE DAM[/bold] and [red]never again[/red], witnesses said on Monday."
    assert strip_shortcodes(prose) == prose
    assert body_of(page(prose)) == [LEAD, SECOND, prose, LAST]


def test_a_short_unpunctuated_last_line_is_a_prompt_not_body() -> None:
    page = (
        "Strike ends after talks\n\n"
        "Rail workers voted on Friday to end a three-week strike after the company improved its pay offer.\n\n"
        "The union said services would return to normal by Monday morning across the whole network.\n\n"
        "Listen to the full interview\n"
    )
    body = clean(page).body
    assert body[-1].startswith("The union said")
    assert all("Listen to the full" not in line for line in body)


SHORTCODE_PIECES = [
    "[caption]", "[/caption]", "[CAPTION id=1]", "[/Caption]", "[embed]", "[/embed]", "[ad]", "[adsense]",
    "[/adsense]", "[/ad]", "[ad sense]", "[video [embed]", "[/video]", "[caption x=[ad]", "[related]", "[", "]",
    "x", " ", "\n",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SHORTCODE_PIECES), max_size=20).map("".join))
def test_dropping_shortcode_content_is_the_regex_without_its_quadratic_scan(text: str) -> None:
    assert drop_content(text) == DROP_CONTENT.sub("\n", text)


def test_a_long_mixed_case_run_is_split_as_before() -> None:
    # a capital starts a block unless the rest is a short acronym ("BaB": "B" is too short)
    assert split_seams("xaBaBaB") == ["xa", "Ba", "BaB"]
    assert split_seams("on McDonaldBy Reuters") == ["on McDonald", "By Reuters"]


# --- the fast forms of two whole-page passes (issue 13: load time of long articles) ---------

CAMEL_WORD = re.compile(r"\b[A-Za-z]*[a-z][A-Z][A-Za-z]*\b")


@given(st.text(alphabet="aAbBzZ 1_é.-\n", max_size=40))
def test_recurring_camel_words_are_the_regex_definition(text: str) -> None:
    page = f"{text} {text}"
    counts: dict[str, int] = {}
    for match in CAMEL_WORD.finditer(page):
        counts[match.group(0)] = counts.get(match.group(0), 0) + 1
    assert recurring_camel_words(page) == frozenset(w for w, n in counts.items() if n >= 2)


def test_recurring_camel_words_examples() -> None:
    page = "WeChat and WeChat; iPhone once; 3eBay and 3eBay are glued; éWeChat éWeChat too."
    assert recurring_camel_words(page) == frozenset({"WeChat"})


@given(st.text(alphabet="ab “”‘’–—\"'-", max_size=30))
def test_fold_quotes_is_the_character_mapping(text: str) -> None:
    table = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})
    assert fold_quotes(text) == text.translate(table)


# --- ads ----------------------------------------------------------------------------------


def test_an_ads_copy_under_its_label_goes_with_it() -> None:
    ad = "Brennick Auto Centre — Spring service special, book online today"
    assert body_of(page("ADVERTISEMENT", ad)) == [LEAD, SECOND, LAST]


@pytest.mark.parametrize(
    "ad",
    [
        "Switch to Voltia Energy and save up to 30% on your power bill. Fixed prices for two years, no hidden fees. "
        "Get your quote in two minutes at voltia.eu",
        "Beat the heat this autumn: Coolbreeze portable air conditioners from 199.99. Free delivery, shop now.",
        "Valley Kitchens & Baths — 20% off all fitted kitchens this June. Visit our Tarrenford showroom.",
    ],
)
def test_an_ads_pitch_under_its_label_goes_with_it(ad: str) -> None:
    assert body_of(page("ADVERTISEMENT", ad)) == [LEAD, SECOND, LAST]


@pytest.mark.parametrize(
    "line",
    [
        "Temperatures reached 45°C in Seville on Friday, the highest ever recorded there.",
        "Temperatures hit 45°C in Seville",
        "Temperatures hit 45°C as wind fans the flames",
        "Highs of 44°C and clear skies forecast until Sunday",
    ],
)
def test_a_temperature_in_the_article_stays(line: str) -> None:
    assert body_of(page(line)) == [LEAD, SECOND, line, LAST]


@pytest.mark.parametrize(
    "sentence",
    [
        "The governor said nine people were still missing.",
        "The US has sent two navy ships to help with the rescue effort.",
        "Fuel prices rose from €1.85 to €2.10 a litre on Monday.",
        "The outage was first reported by Downdetector.com, which logged 40,000 complaints.",
        "Shops had no bottled water in stock by the evening.",
        "The new barriers could save up to 400 homes from flooding.",
        "Shares closed 40% off all-time highs on Friday.",
        '"Nobody could visit our store for a week," said Ana Ruiz, who runs a bakery.',
        "The council suspended free delivery of sandbags on Monday.",
        "Rescue teams reach cut-off villages",
    ],
)
def test_a_paragraph_under_an_ad_label_stays(sentence: str) -> None:
    # The label stood alone (the ad was an image): the line under it is the article's.
    assert body_of(page("Advertisement", sentence)) == [LEAD, SECOND, sentence, LAST]


def test_a_time_in_a_sentence_is_no_timestamp() -> None:
    sentence = "At 10:55 p.m. on Monday, March 3, the ground shook again."
    assert body_of(page(sentence)) == [LEAD, SECOND, sentence, LAST]

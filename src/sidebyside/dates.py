"""Month and weekday names as pages print them, in one place.

Three parts of the app read dates: cleaning recognises a timestamp line ("Updated Tue 14
May 2024"), metadata turns a printed date into an ISO one, and figures tell a date ("May
25") from a count ("25 people"). They must agree on what a month is ("Sept" included), so
the words are listed once, here. All are lower case: callers fold a word before looking
it up.
"""

from __future__ import annotations

#: Every spelling of a month, full or abbreviated, with the month's number.
MONTH_NUMBER: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")],
        start=1,
    )
    for name in names
}  # fmt: skip
#: The same spellings in calendar order (each month's short forms before its full name),
#: for membership tests and regular-expression alternations.
MONTHS: tuple[str, ...] = tuple(MONTH_NUMBER)
#: Weekdays, full and abbreviated ("Tue", "Tues", "Thur", "Thurs").
DAYS: tuple[str, ...] = (
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)  # fmt: skip
#: Each weekday's full name with its number as `datetime.date.weekday` counts (Monday 0).
WEEKDAY_NUMBER: dict[str, int] = {name: number for number, name in enumerate(DAYS[-7:])}

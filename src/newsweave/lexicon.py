"""Word tables that several stages share: months, weekdays, countries and demonyms.

One place for each piece of knowledge, so the extractor, the entity grouping and
the conflict checks agree on what "U.K.", "Iraqi" or "Sept." mean. Keys are lower
case; canonical country names are lower case too (display forms are derived).
"""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
}  # fmt: skip

# A month name or abbreviation as a regex (no groups; case-insensitive use), longest
# spelling first so "sept" wins over "sep" and "june" over "jun".
MONTH_PATTERN = (
    "(?:" + "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True)) + r")(?![a-z])"
)

# Other names of a country -> its canonical name.
COUNTRY_ALIASES: dict[str, str] = {
    "us": "united states", "usa": "united states", "america": "united states",
    "united states of america": "united states", "the states": "united states",
    "uk": "united kingdom", "britain": "united kingdom",
    "great britain": "united kingdom", "gb": "united kingdom",
    "uae": "united arab emirates", "ussr": "soviet union", "drc": "congo",
    "prc": "china", "dprk": "north korea", "rok": "south korea",
    "eu": "european union",
}  # fmt: skip
# Demonyms -> the country ("Iraqi Parliament", "6,000 Americans").
DEMONYMS: dict[str, str] = {
    "iraqi": "iraq", "iranian": "iran", "syrian": "syria", "afghan": "afghanistan",
    "israeli": "israel", "american": "united states", "british": "united kingdom",
    "french": "france", "german": "germany", "russian": "russia", "chinese": "china",
    "japanese": "japan", "indian": "india", "pakistani": "pakistan",
    "turkish": "turkey", "egyptian": "egypt", "mexican": "mexico",
    "canadian": "canada", "australian": "australia", "italian": "italy",
    "spanish": "spain", "ukrainian": "ukraine", "korean": "korea",
    "greek": "greece", "somali": "somalia", "yemeni": "yemen",
    "european": "european union", "north korean": "north korea",
    "south korean": "south korea",
}  # fmt: skip
# How a canonical country is written where space is short ("US troops").
SHORT_NAMES: dict[str, str] = {
    "united states": "US", "united kingdom": "UK", "european union": "EU",
}


def country_display(canonical: str) -> str:
    """The short display form of a canonical country name ("united states" -> "US")."""
    return SHORT_NAMES.get(canonical, canonical.title())

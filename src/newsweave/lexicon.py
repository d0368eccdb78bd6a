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

# Words just before a date that say on which side of publication it lies, whatever
# the tense ("this coming Monday", "the past January", "since March"): general
# English time words, not collected from any data set. The date patterns of
# extract/dates.py read "last", "this" and "next" inside the expression itself.
FORWARD_WORDS = frozenset({"next", "coming", "upcoming"})
BACKWARD_WORDS = frozenset({"last", "past", "previous", "since"})

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

# Reporting verbs, as lemmas: the verbs that introduce what someone says, writes or
# holds true. Drawn from the most frequent attribution cues of the PARC 3.0
# attribution corpus (Pareti 2016; verbs of saying, stating, arguing, announcing and
# believing) and the common reporting verbs of news style guides. "accord" stands for
# "according to". A verb here only attributes when it governs a clause or sits beside
# a quotation, so words with other senses ("maintain", "post") are safe.
SPEECH_VERBS: frozenset[str] = frozenset({
    "say", "tell", "add", "announce", "write", "state", "claim", "report", "insist",
    "argue", "explain", "note", "warn", "confirm", "deny", "declare", "acknowledge",
    "admit", "allege", "assert", "contend", "maintain", "reply", "respond", "tweet",
    "post", "comment", "continue", "predict", "promise", "vow", "pledge", "estimate",
    "suggest", "stress", "emphasise", "emphasize", "recall", "reveal", "disclose",
    "indicate", "observe", "remark", "conclude", "ask", "testify", "concede",
    "complain", "caution", "urge", "assure", "inform", "believe", "think", "fear",
    "charge", "accuse", "boast", "joke", "shout", "quote", "accord",
    "reiterate", "blog", "counter", "retort", "answer", "agree", "specify",
})  # fmt: skip

# US state abbreviations as the AP Stylebook writes them in datelines and after a
# city ("Palmer, Calif."); keys are written without dots, lower case. The eight
# states AP never abbreviates (Alaska, Hawaii, Idaho, Iowa, Maine, Ohio, Texas, Utah)
# are absent. Only abbreviations written with their dots are read as states, so
# "Miss" and "Wash" as words are not.
STATE_ABBREVIATIONS: dict[str, str] = {
    "ala": "alabama", "ariz": "arizona", "ark": "arkansas", "calif": "california",
    "colo": "colorado", "conn": "connecticut", "del": "delaware", "fla": "florida",
    "ga": "georgia", "ill": "illinois", "ind": "indiana", "kan": "kansas",
    "ky": "kentucky", "la": "louisiana", "md": "maryland", "mass": "massachusetts",
    "mich": "michigan", "minn": "minnesota", "miss": "mississippi", "mo": "missouri",
    "mont": "montana", "neb": "nebraska", "nev": "nevada", "nh": "new hampshire",
    "nj": "new jersey", "nm": "new mexico", "ny": "new york", "nc": "north carolina",
    "nd": "north dakota", "okla": "oklahoma", "ore": "oregon", "pa": "pennsylvania",
    "ri": "rhode island", "sc": "south carolina", "sd": "south dakota",
    "tenn": "tennessee", "vt": "vermont", "va": "virginia", "wash": "washington",
    "wva": "west virginia", "wis": "wisconsin", "wyo": "wyoming",
}  # fmt: skip

# Forms of address and formal titles written before a person's name in English news
# (AP style capitalises formal titles before a name: "Sen.", "Deputy", "Judge"), with
# the sex that the gendered forms of address imply. Keys are lower case without dots.
TITLES_MALE = frozenset({
    "mr", "mister", "sir", "lord", "king", "prince", "monsieur",
})  # fmt: skip
TITLES_FEMALE = frozenset({
    "mrs", "ms", "miss", "madam", "madame", "mme", "lady", "dame", "queen", "princess",
    "duchess", "countess", "baroness",
})  # fmt: skip
# Abbreviated titles: never a name by themselves, so also stripped from organisations
# and from the end of a span that lost its name ("Missouri Highway Patrol Capt").
TITLES_ABBREVIATED = frozenset({
    "mr", "mrs", "ms", "mme", "dr", "prof", "rev", "gen", "lt", "col", "maj", "capt",
    "cpt", "cmdr", "adm", "sgt", "cpl", "pvt", "det", "insp", "supt", "const", "atty",
    "sen", "rep", "gov", "brig", "amb", "pres", "esq", "hon", "fr",
})  # fmt: skip
TITLES_NEUTRAL = frozenset({
    *TITLES_ABBREVIATED, "doctor", "professor", "reverend", "father", "pastor",
    "rabbi", "imam", "bishop", "cardinal", "pope", "ayatollah", "sheikh", "general",
    "colonel", "major", "captain", "commander", "admiral", "lieutenant", "sergeant",
    "corporal", "private", "detective", "inspector", "superintendent", "constable",
    "officer", "deputy", "sheriff", "marshal", "trooper", "agent", "chief",
    "attorney", "judge", "justice", "clerk", "president", "vice", "premier",
    "chancellor", "minister", "secretary", "ambassador", "senator", "representative",
    "congressman", "congresswoman", "councilman", "councilwoman", "councillor",
    "alderman", "governor", "mayor", "coach", "emir",
})  # fmt: skip
# Generational suffixes after a surname ("John G. Roberts Jr.", "Robert S. Mueller III").
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Function words that acronyms usually skip ("NATO": North Atlantic Treaty
# Organization; "CIS": Commonwealth of Independent States).
ACRONYM_SKIPPED = frozenset({"of", "the", "and", "for", "&"})

# Common given names of each sex, after the US Social Security Administration's list
# of the 100 most popular names of each sex over a century of births (1920s-2010s);
# names given to both sexes in numbers (Jordan, Kelly, Terry, Jean, Marie) are left
# out. A name here only ever keeps two forms apart ("Lady Hunter" from "Duncan
# Hunter"), never joins them.
GIVEN_NAMES_MALE = frozenset({
    "james", "robert", "john", "michael", "david", "william", "richard", "joseph",
    "thomas", "charles", "christopher", "daniel", "matthew", "anthony", "mark",
    "donald", "steven", "paul", "andrew", "joshua", "kenneth", "kevin", "brian",
    "george", "timothy", "ronald", "edward", "jason", "jeffrey", "ryan", "jacob",
    "gary", "nicholas", "eric", "jonathan", "stephen", "larry", "justin", "scott",
    "brandon", "benjamin", "samuel", "gregory", "alexander", "frank", "patrick",
    "raymond", "jack", "dennis", "jerry", "tyler", "aaron", "jose", "adam", "nathan",
    "henry", "douglas", "zachary", "peter", "kyle", "ethan", "walter", "noah",
    "jeremy", "christian", "keith", "roger", "gerald", "harold", "sean", "austin",
    "carl", "arthur", "lawrence", "dylan", "jesse", "bryan", "billy", "joe", "bruce",
    "gabriel", "logan", "albert", "willie", "alan", "juan", "wayne", "elijah", "randy",
    "roy", "vincent", "ralph", "eugene", "russell", "bobby", "mason", "philip", "louis",
})  # fmt: skip
GIVEN_NAMES_FEMALE = frozenset({
    "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan",
    "jessica", "sarah", "karen", "lisa", "nancy", "betty", "margaret", "sandra",
    "ashley", "kimberly", "emily", "donna", "michelle", "carol", "amanda", "dorothy",
    "melissa", "deborah", "stephanie", "rebecca", "sharon", "laura", "cynthia",
    "kathleen", "amy", "angela", "shirley", "anna", "brenda", "pamela", "emma",
    "nicole", "helen", "samantha", "katherine", "christine", "debra", "rachel",
    "carolyn", "janet", "catherine", "maria", "heather", "diane", "ruth", "julie",
    "olivia", "joyce", "virginia", "victoria", "lauren", "christina", "joan",
    "evelyn", "judith", "megan", "andrea", "cheryl", "hannah", "jacqueline", "martha",
    "gloria", "teresa", "ann", "sara", "madison", "frances", "kathryn", "janice",
    "abigail", "alice", "judy", "sophia", "grace", "denise", "amber", "doris",
    "marilyn", "danielle", "beverly", "isabella", "theresa", "diana", "natalie",
    "brittany", "charlotte", "kayla", "alexis", "lori",
})  # fmt: skip

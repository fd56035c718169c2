"""What the world-data converters share: the repository's own dictionaries
(places.tsv, actors.tsv), ISO codes to canonical country names, ASCII folding,
and the checks that keep a name from being dangerous as a match.

Used by tools/gazetteer.py, tools/given_names.py and tools/leaders.py; see
data/README.md ("Sources and licences") for how to run them.
"""

import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "data")


def fail(message):
    print(f"error: {message}", file=sys.stderr)
    sys.exit(1)


def rows(path):
    """(line number, fields) of a dictionary file, without comments and blank lines."""
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\r\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            yield number, [field.strip() for field in line.split("\t")]


def items(field):
    return [s.strip() for s in field.split("|") if s.strip()]


def field(fields, i):
    return fields[i] if i < len(fields) else ""


class Places:
    """data/places.tsv: the canonical countries with their aliases and adjectives, and every place's spellings."""

    def __init__(self, path=os.path.join(DATA, "places.tsv")):
        self.countries = {}  # canonical name -> set of lower-case spellings (name, aliases)
        self.country_words = set()  # lower case: every country name, alias and adjective
        self.spellings = set()  # (lower-case spelling, country) of every place
        for _, f in rows(path):
            name, kind, country = f[0], field(f, 1), field(f, 2)
            spellings = [name] + items(field(f, 3))
            for s in spellings:
                self.spellings.add((fold(s).lower(), country))
            if kind == "country":
                self.countries[name] = {s.lower() for s in spellings}
                self.country_words.update(s.lower() for s in spellings)
                self.country_words.update(fold(s).lower() for s in spellings)
                self.country_words.update(a.lower() for a in items(field(f, 4)))

    def has(self, spelling, country):
        return (fold(spelling).lower(), country) in self.spellings


class Actors:
    """data/actors.tsv: every actor's name and aliases, lower case."""

    def __init__(self, path=os.path.join(DATA, "actors.tsv"), stop_at=None):
        self.names = {}  # lower-case spelling -> canonical name
        self.rows = []  # (line, fields) of the hand-written part
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if stop_at and stop_at in text:
            text = text[: text.index(stop_at)]
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            f = [s.strip() for s in line.split("\t")]
            self.rows.append((number, f))
            for s in [f[0]] + items(field(f, 3)):
                self.names.setdefault(s.lower(), f[0])
                self.names.setdefault(fold(s).lower(), f[0])


# ISO 3166-1 alpha-2 codes whose canonical name in places.tsv differs from
# every name pycountry gives, or that are territories of a state in
# places.tsv (a place there is reported under its state).
ISO_NAMES = {
    "CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo", "CI": "Cote d'Ivoire",
    "CV": "Cape Verde", "CZ": "Czech Republic", "FM": "Micronesia", "GB": "United Kingdom",
    "KP": "North Korea", "KR": "South Korea", "LA": "Laos", "MD": "Moldova", "MK": "North Macedonia",
    "PS": "Palestine", "RU": "Russia", "ST": "Sao Tome and Principe", "SY": "Syria", "TL": "Timor-Leste",
    "TW": "Taiwan", "TZ": "Tanzania", "US": "United States", "VA": "Vatican City", "VE": "Venezuela",
    "VN": "Vietnam", "XK": "Kosovo", "IR": "Iran", "BO": "Bolivia", "BN": "Brunei", "SZ": "Eswatini",
    "TR": "Turkey", "NL": "Netherlands",
    # Territories, under their state.
    "AS": "United States", "GU": "United States", "MP": "United States", "PR": "United States",
    "VI": "United States", "UM": "United States",
    "HK": "China", "MO": "China",
    "GL": "Denmark", "FO": "Denmark",
    "AX": "Finland", "SJ": "Norway", "BV": "Norway",
    "AW": "Netherlands", "CW": "Netherlands", "SX": "Netherlands", "BQ": "Netherlands",
    "GF": "France", "GP": "France", "MQ": "France", "RE": "France", "YT": "France", "NC": "France",
    "PF": "France", "PM": "France", "WF": "France", "BL": "France", "MF": "France", "TF": "France",
    "GI": "United Kingdom", "IM": "United Kingdom", "JE": "United Kingdom", "GG": "United Kingdom",
    "BM": "United Kingdom", "KY": "United Kingdom", "VG": "United Kingdom", "TC": "United Kingdom",
    "AI": "United Kingdom", "MS": "United Kingdom", "FK": "United Kingdom", "SH": "United Kingdom",
    "IO": "United Kingdom", "PN": "United Kingdom", "GS": "United Kingdom",
    "CK": "New Zealand", "NU": "New Zealand", "TK": "New Zealand",
    "NF": "Australia", "CX": "Australia", "CC": "Australia", "HM": "Australia",
}

# Codes left out on purpose: no state in places.tsv holds them undisputed.
ISO_SKIPPED = {"EH": "Western Sahara (disputed)", "AQ": "Antarctica"}


def country_of(code, places, pycountry):
    """The canonical places.tsv name of an ISO alpha-2 code; None for a skipped code; fails on any other."""
    if code in ISO_SKIPPED:
        return None
    if code in ISO_NAMES:
        name = ISO_NAMES[code]
        if name not in places.countries:
            fail(f"ISO code {code} maps to '{name}', which is not a country in data/places.tsv")
        return name
    c = pycountry.countries.get(alpha_2=code)
    if c is None:
        fail(f"unknown ISO 3166-1 code '{code}': add it to ISO_NAMES or ISO_SKIPPED in tools/worlddata.py")
    for candidate in (getattr(c, "common_name", None), c.name, getattr(c, "official_name", None)):
        if not candidate:
            continue
        for name, spellings in places.countries.items():
            if candidate.lower() in spellings or fold(candidate).lower() in spellings:
                return name
    fail(f"cannot map ISO code {code} ({c.name}) to a country of data/places.tsv: add it to ISO_NAMES in tools/worlddata.py")


# Letters that NFKD does not take apart, spelled in ASCII.
_ASCII = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
                        "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d", "ħ": "h",
                        "ʼ": "'", "’": "'", "‘": "'", "ʻ": "'", "ʿ": "'", "ʾ": "'", "`": "'", "´": "'",
                        "‐": "-", "–": "-", "—": "-"})


def fold(s):
    """An ASCII spelling: accents dropped, apostrophe-like marks as "'"."""
    s = unicodedata.normalize("NFKD", s.translate(_ASCII))
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def is_latin(s):
    """Whether every letter is Latin script (accents allowed)."""
    for ch in s:
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


def english_words(path="/usr/share/dict/words"):
    """Lower-case common English words: entries of the word list written in lower case."""
    if not os.path.exists(path):
        fail(f"no English word list at {path}: apt-get install wamerican (see data/README.md)")
    with open(path, encoding="utf-8", errors="replace") as f:
        return {w.strip() for w in f if w.strip() and w[0].islower() and "'" not in w}


CLEAN = re.compile(r"^[A-Z][A-Za-z' .-]*[a-z.]$")


def plausible_name(s):
    """A spelling a news article could use for a place: capitalised ASCII letters, not a code."""
    return bool(CLEAN.match(s)) and not s.isupper() and len(s) >= 3 and "  " not in s

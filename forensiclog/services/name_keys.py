"""Search keys: names folded and transliterated across Cyrillic and Latin; identifiers normalised.

The search stores rows ``(case_id, key, kind)`` and answers a query by B-tree prefix range scans,
so every decision about what matches what is made here, in the keys.

A name word gets three kinds of key, all lowercase, without spaces, shorter than 64 characters:

* its **fold** — casefolded NFKC, ё→е, apostrophes (ʼ ' ’ ` …) and stress marks removed, in the
  script it was printed in;
* for a Cyrillic word, its **transliterations** by the tables passports use (see
  ``_transliterations``): ``Гнатюк`` → ``hnatiuk``, ``gnatiuk``, ``gnatyuk``;
* a **loose** key, ``~`` followed by a rough phonetic skeleton of each Latin form (see ``_loose``),
  so that spellings outside the official tables still meet: ``Hnatyuk`` → ``~гнатиук``.

A query word is turned into the same keys; the case matches the word when one of the query's keys
is a prefix of one of the case's keys. Loose keys carry the ``~`` mark so that they only ever
meet other loose keys: a folded query cannot match half of a skeleton by accident.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata

from translitua import (
    RussianGOST2006,
    RussianICAO,
    RussianInternationalPassport1997,
    UkrainianKMU,
    translit,
)

# PostgreSQL and SQLite index a VARCHAR(64) alike; index and query are cut at the same length,
# so a cut key is still a prefix of the same word's key and prefix search keeps working.
MAX_KEY_LENGTH = 63
# A person's name has a handful of words; a pasted paragraph must not become thousands of keys.
MAX_NAME_WORDS = 32
LOOSE_MARK = "~"
LOOSE_END = "$"

# Every sign people type for the Ukrainian apostrophe or the one in O'Neil: U+0027, U+2019,
# U+02BC (the official Ukrainian one), the backtick, U+2018, the acute accent, modifier primes
# and the turned comma. None of them is a letter in any table we use.
_APOSTROPHES = "'\u2019\u02bc`\u2018\u00b4\u02b9\u02bb\u2032"
_NAME_FOLD = str.maketrans({"ё": "е", "Ё": "е", **dict.fromkeys(_APOSTROPHES)})
# Characters beyond U+FFFF are dropped: a key holding one right after a query's prefix would
# sort above the scan's upper bound ``prefix || '\uffff'`` and never be found.
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
# Combining marks left after NFC are stress accents copied from dictionaries (Ива́нов) or marks
# with no precomposed letter; й, ї, ё and Latin accented letters are precomposed and stay.
_STRESS_MARKS = re.compile("[\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff]")
_WORD = re.compile(r"[^\W_]+")
_CYRILLIC = re.compile("[\u0400-\u052f]")

# The national table has no ы э ъ (Russian words); the Russian tables leave і ї є ґ untouched
# (Ukrainian words). Each word is first respelled as the other language's clerks would write it:
# Іваненко → Иваненко, Гордієнко → Гордиенко, Рыбак → Рибак.
_FOR_UKRAINIAN_TABLE = str.maketrans({"ы": "и", "э": "е", "ъ": None})
_FOR_RUSSIAN_TABLES = str.maketrans({"і": "и", "ї": "йи", "є": "е", "ґ": "г"})

# Which tables give the Latin keys (``_transliterations``), and why these:
# - UkrainianKMU: Cabinet of Ministers resolution 55 (2010), Ukrainian passports since 2010
#   (г→h, зг→zgh, word-initial є ї й ю я → ye yi y yu ya, else ie i i iu ia).
# - RussianICAO: ICAO Doc 9303, Russian passports since 2014 (й→i, ю→iu, я→ia, ц→ts).
# - RussianInternationalPassport1997: Russian passports 1997–2010 (й→y, ю→yu, я→ya) — many
#   people and older documents keep this spelling.
# - RussianGOST2006: Russian passports 2010–2014 (ц→tc, ъ dropped).
# Left out because the loose key already reaches them (tests prove it): Ukrainian passports
# 2007–2010 (the national table with г→g), the 1996 national table (щ→sch), the reduced 1997
# Russian variant (ий→y).

# The loose skeleton respells Latin roughly back into Cyrillic, one symbol per sound, so that the
# tables' disagreements vanish. Each rule is one that the tables or everyday spelling need:
# - digraphs first, longest first: shch and sch are щ (the 1996 table writes щ as sch; Russian сч,
#   which ICAO writes sch, is said щ); zgh and zg are з+г (zgh is the national table's way of
#   keeping з+г apart from ж, and reading zg first keeps t+zg from becoming ц+г); tch is т+ч (not
#   ц+г); kh х, zh ж, ch ч, sh ш; ts, tc, tz are ц (ICAO, GOST 2006, German-style Kravetz);
# - g and h are one sound, г: Ukrainian г is h in the national table and g in the Russian tables
#   and in Ukrainian passports before 2010 (Hnatiuk, Gnatiuk; Hordiienko, Gordienko). kh stays х:
#   folding х into г would merge real, different families (Харченко, Гарченко);
# - i, y and j are one sound, и, and a run of them is one и: the tables disagree exactly on
#   и і ї й ы and on the glides of є ю я (Yuliia, Iuliia, Yuliya; Zghurskyi, Zgurskii, Zgursky);
#   a skeleton that ends in и is closed with LOOSE_END (see ``_loose``);
# - x is кс, w is в, q is к; diacritics are dropped (Müller = Muller); c stays c, as English,
#   Polish and ISO 9 read it differently.
# Other vowels stay apart and no other consonants merge: that keeps the skeleton precise, which
# tests/bench/bench_name_keys.py measures: loose keys make 0.9% more of its surnames find another.
_LOOSE_DIGRAPHS = (
    ("shch", "щ"),
    ("sch", "щ"),
    ("zgh", "зг"),
    ("zg", "зг"),
    ("tch", "тч"),
    ("kh", "х"),
    ("zh", "ж"),
    ("ch", "ч"),
    ("sh", "ш"),
    ("ts", "ц"),
    ("tc", "ц"),
    ("tz", "ц"),
)
_LOOSE_LETTERS = str.maketrans(
    {
        "a": "а", "b": "б", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "г", "i": "и",
        "j": "и", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "q": "к",
        "r": "р", "s": "с", "t": "т", "u": "у", "v": "в", "w": "в", "x": "кс", "y": "и",
        "z": "з",
    }
)  # fmt: skip
_I_RUN = re.compile("и{2,}")

# Identifiers: separators people put inside numbers and may or may not type.
_IDENTIFIER_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212/\\.#]+")
# Cyrillic letters that look like Latin ones in document series: people type them on either
# keyboard layout (АВ, ЕК, МТ). Ukrainian і is added to the given list for the same reason.
_LOOKALIKES = str.maketrans(
    {
        "а": "a", "в": "b", "е": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
        "с": "c", "т": "t", "у": "y", "х": "x", "і": "i",
    }
)  # fmt: skip


def name_index_keys(text: str) -> frozenset[str]:
    """Every key under which a name as printed (any script, one or more words) is found."""
    return frozenset(itertools.chain.from_iterable(_name_word_keys(text)))


def name_query_keys(text: str) -> tuple[frozenset[str], ...]:
    """For each word the user typed, the alternative keys that find it (empty: no words)."""
    return tuple(dict.fromkeys(_name_word_keys(text)))


def identifier_key(text: str) -> str:
    """A case number, tag or document number without case, spaces, hyphens, slashes or dots."""
    # NFKC folds fullwidth digits and the like; № goes first, as NFKC would spell it "No".
    text = text.replace("№", " ")
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    if not folded.isprintable():
        folded = "".join(char for char in folded if char.isprintable())
    return _IDENTIFIER_SEPARATORS.sub("", _ASTRAL.sub("", folded))[:MAX_KEY_LENGTH]


def identifier_keys(text: str) -> frozenset[str]:
    """The identifier's key, and the same with Cyrillic look-alike letters typed as Latin."""
    key = identifier_key(text)
    return frozenset(k for k in (key, key.translate(_LOOKALIKES)) if k)


def _name_word_keys(text: str) -> list[frozenset[str]]:
    words = _WORD.finditer(_fold_name(text))
    return [_word_keys(match.group()) for match in itertools.islice(words, MAX_NAME_WORDS)]


def _fold_name(text: str) -> str:
    # NFKC rather than NFC: fullwidth letters and "bold" mathematical letters pasted from chat
    # or social media are the same name; Cyrillic letters are not changed by it.
    # Apostrophes go before NFKC, which would turn the acute accent into a space and a mark.
    text = unicodedata.normalize("NFKC", text.translate(_NAME_FOLD)).casefold()
    folded = unicodedata.normalize("NFKC", text).translate(_NAME_FOLD)
    return _ASTRAL.sub("", _STRESS_MARKS.sub("", folded))


# Given names, patronymics and common surnames repeat through a manifest and a word's keys never
# change; a few thousand entries (a few MB) hold the repeating words of any one list.
@functools.lru_cache(maxsize=4096)
def _word_keys(word: str) -> frozenset[str]:
    # Cutting the source word first bounds the work; index and query cut it alike.
    word = word[:MAX_KEY_LENGTH]
    latin = _transliterations(word) if _CYRILLIC.search(word) else {word}
    keys = latin | {LOOSE_MARK + _loose(form) for form in latin}
    keys.add(word)
    # An empty key or a bare mark would be a prefix of everything (a word of one soft sign).
    keys.difference_update(("", LOOSE_MARK))
    if max(map(len, keys)) > MAX_KEY_LENGTH:
        return frozenset(key[:MAX_KEY_LENGTH] for key in keys)
    return frozenset(keys)


def _transliterations(word: str) -> set[str]:
    russian = word.translate(_FOR_RUSSIAN_TABLES)
    forms = {
        translit(word.translate(_FOR_UKRAINIAN_TABLE), UkrainianKMU),
        translit(russian, RussianICAO),
        # The 1997 table writes ъ and ьe with an apostrophe (Grigor'yev); keys carry none.
        translit(russian, RussianInternationalPassport1997).translate(_NAME_FOLD),
    }
    # GOST 2006 differs from ICAO only in ц (tc) and ъ (dropped), so it is asked only then.
    if "ц" in russian or "ъ" in russian:
        forms.add(translit(russian, RussianGOST2006))
    return forms


def _loose(latin: str) -> str:
    if not latin.isascii():
        decomposed = unicodedata.normalize("NFD", latin)
        latin = "".join(char for char in decomposed if not unicodedata.combining(char))
    for digraph, sound in _LOOSE_DIGRAPHS:
        if digraph in latin:
            latin = latin.replace(digraph, sound)
    skeleton = _I_RUN.sub("и", latin.translate(_LOOSE_LETTERS))
    # A word that ends in an i-sound (-ий, -ій, -yi, -iy, -y) keeps its end: without it the
    # skeleton of Валеній would be a prefix of Валенюк and Валенишин (валени·ук, валени·шин).
    return skeleton + LOOSE_END if skeleton.endswith("и") else skeleton

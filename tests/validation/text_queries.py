"""Hostile search text: query-language syntax, SQL, and strings that break encoders."""

from __future__ import annotations

HOSTILE_QUERIES: list[str] = [
    '"',
    '""',
    '"""',
    'a"b',
    "NEAR(",
    "NEAR(a b",
    "NEAR/3",
    "O'Neil",
    "O’Neil",
    "''",
    "-x",
    "--",
    "*",
    "**",
    "a*",
    "AND",
    "OR",
    "NOT",
    "a AND b",
    "a OR",
    "NOT a",
    "%",
    "%%",
    "_",
    "\\",
    "%_\\",
    "'; DROP TABLE cases; --",
    '"; DROP TABLE search_keys; --',
    "1' OR '1'='1",
    "x') UNION SELECT sql FROM sqlite_master --",
    "^a",
    "{a b}",
    "[a]",
    "col:val",
    "case_number:KYV",
    "(",
    ")",
    "()",
    "?",
    "?1",
    ":p0",
    "@p",
    "$1",
    "\x00",
    "a\x00b",
    "\n",
    "\t",
    " ",
    "",
    "\ud800",
    "\udfff",
    "a\udcffb",
    "Ivanov\udc80",
    "\ufffe",
    "\uffff",
    "\U0010ffff",
    "🙂",
    "\u202eIvanov",
    "e\u0301",
    "ʼ",
    "ё",
    "ІВАНЕНКО",
    "x" * 10_000,
    "Іваненко " * 1_200,
    "a b c d e f g h i j k l m n o p q r s t u v w x y z " * 20,
    "%" * 5_000,
    '"' * 3_000,
]

# Punctuation around a real name: the name must still be found.
PUNCTUATION_GARNISH: list[str] = [
    '"{}"',
    '"{}',
    "{}*",
    "*{}*",
    "-{}",
    "({})",
    "{})",
    "'{}'",
    "%{}%",
    "_{}",
    "{}_",
    "{}\\",
    "{};",
    "«{}»",
    "{}^",
    ":{}",
    "{{{}}}",
    "[{}]",
    "{}--",
    " {} ",
    "\t{}\n",
    "{}\udcff",
    "\ud800{}",
    "\x00{}",
    "{}\u200b",
]

# Query-language words around a real name: words are ANDed, so only "no error" is expected.
WORD_GARNISH: list[str] = [
    "{} AND x",
    "NEAR({} x)",
    "{} OR y",
    "NOT {}",
    "{}'; DROP TABLE cases; --",
    "{} NEAR/2 z",
]


def surrogates_for_argv(text: str) -> str:
    """``text`` as it can reach a program's argv: what the C library cannot pass (NUL) is
    dropped, and a lone surrogate becomes the undecodable byte Python reads back as one."""
    out = []
    for c in text.replace("\x00", ""):
        if "\ud800" <= c <= "\udfff" and not "\udc80" <= c <= "\udcff":
            out.append("\udcff")
        else:
            out.append(c)
    return "".join(out)

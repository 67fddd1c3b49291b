"""Benchmark of name search keys: keys per second for 100,000 names, and how precise they are.

Run: .venv/bin/python tests/bench/bench_name_keys.py
Names are generated from small lists of Ukrainian and Russian stems, endings and given names,
a fifth of them printed in Latin as a passport would print them.
"""

from __future__ import annotations

import bisect
import random
import time
from collections.abc import Iterable

from translitua import RussianICAO, UkrainianKMU, translit

from forensiclog.services import name_keys
from forensiclog.services.name_keys import name_index_keys, name_query_keys

NAMES = 100_000
MANIFEST = 6_000
SEED = 20250612


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Surnames are built from a first syllable, an optional middle one and an ending, which gives
# about as many distinct surnames per 6,000 names as a real handover list has.
UKRAINIAN_SYLLABLES = _words(
    "Ко Ма Пе Гна Шев Ти Бо Зга Яро Ю Лі Дми Сте Хо Цю Жу Єр Ще Ів Пи Ру Гри Ста Ла Мо Ва Ґа Оле"
)
UKRAINIAN_MIDDLES = _words("валь рен лен ман тю чен рош мах бар дун лин рат сен нич гай зар")
UKRAINIAN_ENDINGS = ("енко", "ук", "юк", "чук", "ський", "ів", "ець", "ак", "ишин", "ій")
RUSSIAN_SYLLABLES = _words(
    "Ко Ми Се Бе Ка Ти Ле Жу Ро Ва Кры Щу Фё Ев Ю Я Ан Гу Ше Ор Ды Зы Эр Пы Ху Це Тю Сё"
)
RUSSIAN_MIDDLES = _words("ва ле зне ло бу хо ро гу ли ко тя мы шу ре ря ду")
RUSSIAN_ENDINGS = ("ов", "ев", "ин", "ский", "цкий", "ых", "ёв", "ой", "ьев", "ицын")
UKRAINIAN_GIVEN = _words(
    "Олександр Іван Юрій Євген Андрій Сергій Дмитро Ярослав Михайло Василь Олег Тарас Богдан "
    "Віталій Ігор Микола Григорій Назар Остап Ілля Марʼян Яків Петро Федір Кирило Семен"
)
UKRAINIAN_PATRONYMICS = _words(
    "Олександрович Іванович Юрійович Євгенович Андрійович Сергійович Дмитрович Ярославович "
    "Михайлович Васильович Олегович Тарасович Богданович Віталійович Ігорович Миколайович"
)
RUSSIAN_GIVEN = _words(
    "Александр Иван Юрий Евгений Андрей Сергей Дмитрий Алексей Михаил Николай Владимир "
    "Артём Максим Илья Кирилл Денис Роман Павел Григорий Анатолий Виктор Пётр Фёдор Яков"
)
RUSSIAN_PATRONYMICS = _words(
    "Александрович Иванович Юрьевич Евгеньевич Андреевич Сергеевич Дмитриевич Алексеевич "
    "Михайлович Николаевич Владимирович Максимович Романович Павлович Григорьевич Петрович"
)


def generated_names(count: int, seed: int = SEED) -> list[str]:
    """Surname, given name and patronymic, Ukrainian or Russian, some printed in Latin."""
    chooser = random.Random(seed)
    names = []
    for _ in range(count):
        ukrainian = chooser.random() < 0.5
        first, middles, endings, given, patronymics = (
            (
                UKRAINIAN_SYLLABLES,
                UKRAINIAN_MIDDLES,
                UKRAINIAN_ENDINGS,
                UKRAINIAN_GIVEN,
                UKRAINIAN_PATRONYMICS,
            )
            if ukrainian
            else (
                RUSSIAN_SYLLABLES,
                RUSSIAN_MIDDLES,
                RUSSIAN_ENDINGS,
                RUSSIAN_GIVEN,
                RUSSIAN_PATRONYMICS,
            )
        )
        middle = chooser.choice(middles) if chooser.random() < 0.8 else ""
        surname = chooser.choice(first) + middle + chooser.choice(endings)
        name = f"{surname} {chooser.choice(given)} {chooser.choice(patronymics)}"
        if chooser.random() < 0.2:
            name = translit(name, UkrainianKMU if ukrainian else RussianICAO).upper()
        names.append(name)
    return names


def measure_speed(names: list[str]) -> None:
    name_keys._word_keys.cache_clear()
    started = time.perf_counter()
    key_count = sum(len(name_index_keys(name)) for name in names)
    elapsed = time.perf_counter() - started
    print(f"{len(names):,} names, word cache starting empty: {elapsed:.2f} s")
    print(f"  {key_count / elapsed:,.0f} keys/s, {len(names) / elapsed:,.0f} names/s")
    print(f"  {key_count / len(names):.1f} keys per name on average")
    print(f"  word cache: {name_keys._word_keys.cache_info()}")


def measure_manifest(names: list[str]) -> None:
    """A manifest import of 6,000 names: best of five runs, each starting with an empty cache."""
    manifest = names[:MANIFEST]
    cached = min(_manifest_seconds(manifest, cached=True) for _ in range(5))
    uncached = min(_manifest_seconds(manifest, cached=False) for _ in range(5))
    print(
        f"manifest of {MANIFEST:,} names: {cached:.3f} s (word cache empty at start), "
        f"{uncached:.3f} s (every word computed, no cache)"
    )


def _manifest_seconds(manifest: list[str], *, cached: bool) -> float:
    name_keys._word_keys.cache_clear()
    keys_of_word = name_keys._word_keys if cached else name_keys._word_keys.__wrapped__
    started = time.perf_counter()
    for name in manifest:
        for word in name_keys._WORD.findall(name_keys._fold_name(name)):
            keys_of_word(word)
    return time.perf_counter() - started


def measure_precision(names: list[str]) -> None:
    """How many other surnames a whole surname, typed as printed, finds — exact keys vs all."""
    surnames = sorted({name.split()[0] for name in names if not name.isascii()})
    for label, keep in (
        ("folded and transliterated keys only", _not_loose),
        ("with loose keys", None),
    ):
        index = _sorted_index(surnames, keep)
        others = [len(_found(index, surname, keep) - {surname}) for surname in surnames]
        hit = sum(1 for count in others if count)
        print(
            f"precision, {label}: of {len(surnames):,} distinct Cyrillic surnames, "
            f"{hit:,} find another surname (mean {sum(others) / len(surnames):.3f} others)"
        )


def _not_loose(key: str) -> bool:
    return not key.startswith(name_keys.LOOSE_MARK)


def _sorted_index(surnames: Iterable[str], keep: object) -> list[tuple[str, str]]:
    rows = [
        (key, surname)
        for surname in surnames
        for key in name_index_keys(surname)
        if keep is None or _not_loose(key)
    ]
    return sorted(rows)


def _found(index: list[tuple[str, str]], query: str, keep: object) -> set[str]:
    """The same prefix range scan the search runs: key >= k AND key < k || U+FFFF."""
    found: set[str] | None = None
    for alternatives in name_query_keys(query):
        owners: set[str] = set()
        for key in alternatives:
            if keep is not None and not _not_loose(key):
                continue
            start = bisect.bisect_left(index, (key, ""))
            stop = bisect.bisect_left(index, (key + "\uffff", ""))
            owners.update(owner for _, owner in index[start:stop])
        found = owners if found is None else found & owners
    return found or set()


def main() -> None:
    names = generated_names(NAMES)
    measure_speed(names)
    measure_manifest(names)
    measure_precision(names)


if __name__ == "__main__":
    main()

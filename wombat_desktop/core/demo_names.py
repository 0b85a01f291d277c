"""Name, place and phone pools for the demo network, in several scripts.

Pure Python. `make_person` draws one believable person (names, phonetic names, an ASCII
slug for e-mail, a country) from a seeded `random.Random`.
"""

from __future__ import annotations

import functools
import random
import unicodedata
from dataclasses import dataclass


def _w(text: str) -> list[str]:
    return text.split()


@dataclass(frozen=True, slots=True)
class Person:
    given: str
    family: str
    formatted: str
    phonetic_given: str
    phonetic_family: str
    ascii_given: str
    ascii_family: str
    country: str  # ISO 3166 alpha-2 of the culture's home country
    culture: str
    female: bool


# --- Latin-script cultures: (given female, given male, family, countries) ------------------

LATIN: dict[str, tuple[list[str], list[str], list[str], list[str]]] = {
    "english": (
        _w("Emma Olivia Grace Hannah Chloe Megan Rachel Laura Sarah Jessica Abigail Nora Ruth "
           "Claire Diana Fiona Heather Julia Kate Lucy Maya Naomi Paige Tessa Wendy Zoe Priya"),
        _w("James John Michael David Daniel Ryan Kevin Brian Jason Mark Owen Ethan Liam Noah "
           "Caleb Dylan Gavin Isaac Marcus Nathan Peter Simon Tyler Victor Wesley Darnell Raj"),
        _w("Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore "
           "Martin Thompson White Harris Clark Lewis Walker Hall Young King Wright Hill Green "
           "Baker Adams Nelson Carter Mitchell Roberts Turner Phillips Campbell Parker Evans "
           "Edwards Collins Stewart Morris Murphy Cook Rogers Reed Bailey Bell Cooper Okafor "
           "Patel Nguyen Kim Washington Fitzgerald O'Brien MacLeod Sullivan Bennett Hayes"),
        ["US", "US", "US", "GB", "CA", "AU", "IE"],
    ),
    "french": (
        _w("Amélie Chloé Hélène Inès Noémie Céline Élodie Françoise Léa Manon Margaux Océane "
           "Solène Zoé Geneviève Anaïs"),
        _w("François Jérôme Étienne Benoît Théo Raphaël Mathéo Gaël Loïc Cédric Frédéric "
           "Hervé Rémi Sébastien Noël Aurélien"),
        _w("Lefèvre Dubois Moreau Laurent Girard Bonnet Dupré Rousseau Lemaître Fournier "
           "Mercier Chevalier Gauthier Bérenger Marchand Perrin Faure Leroy Béranger Morel"),
        ["FR", "FR", "BE", "CA"],
    ),
    "spanish": (
        _w("María Lucía Sofía Ana Carmen Inés Julia Paula Valentina Ximena Begoña Nuria "
           "Guadalupe Mónica Raquel Pilar"),
        _w("José Mateo Diego Javier Andrés Álvaro Íñigo Sergio Tomás Rubén Joaquín Martín "
           "Ramón Adrián Héctor Nicolás"),
        _w("García Fernández González Rodríguez López Martínez Sánchez Pérez Gómez Jiménez "
           "Muñoz Álvarez Romero Navarro Domínguez Vázquez Ibáñez Castillo Ortega Núñez"),
        ["ES", "MX", "MX", "AR", "CO"],
    ),
    "german": (
        _w("Anna Lena Katharina Sabine Ursula Jutta Bärbel Jana Annika Sünje Hanna Greta"),
        _w("Jürgen Günter Lukas Maximilian Felix Jonas Matthias Stefan Tobias Florian "
           "Dieter Uwe Wolfgang Sven"),
        _w("Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schäfer Koch Bauer "
           "Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Krüger Hofmann Weiß Groß"),
        ["DE", "DE", "AT", "CH"],
    ),
    "polish": (
        _w("Małgorzata Agnieszka Katarzyna Zofia Łucja Joanna Magdalena Ewa Dorota Barbara"),
        _w("Łukasz Paweł Michał Krzysztof Tomasz Grzegorz Wojciech Piotr Jakub Bartłomiej"),
        _w("Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński "
           "Szymański Woźniak Dąbrowski Kozłowski Jankowski Mazur Krawczyk"),
        ["PL"],
    ),
    "portuguese": (
        _w("Beatriz Mariana Leonor Inês Luísa Conceição Fernanda Gabriela Letícia Vitória"),
        _w("João Luís Gonçalo Tiago Rafael Thiago Vinícius Sérgio Antônio Caio Otávio"),
        _w("Silva Santos Ferreira Pereira Oliveira Costa Rodrigues Martins Gonçalves Araújo "
           "Magalhães Conceição Assunção Brandão Simões"),
        ["PT", "BR", "BR"],
    ),
    "nordic": (
        _w("Åsa Ingrid Sigrid Astrid Maja Linnéa Freja Solveig Kaja Märta Ylva Signe"),
        _w("Søren Lars Anders Mikael Nils Øyvind Henrik Magnus Björn Erik Jørgen Pål"),
        _w("Andersson Johansson Karlsson Nilsson Lindqvist Bergström Sjöberg Hansen Jensen "
           "Kristiansen Haugen Ødegård Sørensen Nygård Lindgren Åberg Østergaard"),
        ["SE", "NO", "DK"],
    ),
}

# --- Chinese: (characters, pinyin with tone marks) ----------------------------------------

ZH_FAMILY = [
    ("王", "Wáng"), ("李", "Lǐ"), ("张", "Zhāng"), ("刘", "Liú"), ("陈", "Chén"),
    ("杨", "Yáng"), ("黄", "Huáng"), ("赵", "Zhào"), ("吴", "Wú"), ("周", "Zhōu"),
    ("徐", "Xú"), ("孙", "Sūn"), ("马", "Mǎ"), ("朱", "Zhū"), ("胡", "Hú"), ("郭", "Guō"),
    ("何", "Hé"), ("林", "Lín"), ("罗", "Luó"), ("高", "Gāo"), ("欧阳", "Ōuyáng"),
]
ZH_GIVEN_F = [
    ("丽娜", "Lìnà"), ("静", "Jìng"), ("晓燕", "Xiǎoyàn"), ("美玲", "Měilíng"), ("雪", "Xuě"),
    ("婷婷", "Tíngting"), ("慧敏", "Huìmǐn"), ("佳怡", "Jiāyí"), ("欣然", "Xīnrán"),
]
ZH_GIVEN_M = [
    ("伟", "Wěi"), ("明", "Míng"), ("志强", "Zhìqiáng"), ("建华", "Jiànhuá"), ("浩然", "Hàorán"),
    ("俊杰", "Jùnjié"), ("子轩", "Zǐxuān"), ("宇航", "Yǔháng"), ("国栋", "Guódòng"),
]

# --- Japanese: (kanji, kana, romaji) -------------------------------------------------------

JA_FAMILY = [
    ("佐藤", "さとう", "Sato"), ("鈴木", "すずき", "Suzuki"), ("高橋", "たかはし", "Takahashi"),
    ("田中", "たなか", "Tanaka"), ("伊藤", "いとう", "Ito"), ("渡辺", "わたなべ", "Watanabe"),
    ("山本", "やまもと", "Yamamoto"), ("中村", "なかむら", "Nakamura"),
    ("小林", "こばやし", "Kobayashi"), ("加藤", "かとう", "Kato"), ("吉田", "よしだ", "Yoshida"),
    ("松本", "まつもと", "Matsumoto"), ("井上", "いのうえ", "Inoue"), ("森", "もり", "Mori"),
]
JA_GIVEN_F = [
    ("陽子", "ようこ", "Yoko"), ("美咲", "みさき", "Misaki"), ("由美", "ゆみ", "Yumi"),
    ("さくら", "さくら", "Sakura"), ("恵子", "けいこ", "Keiko"), ("愛", "あい", "Ai"),
    ("真由美", "まゆみ", "Mayumi"), ("結衣", "ゆい", "Yui"),
]
JA_GIVEN_M = [
    ("健太", "けんた", "Kenta"), ("大輔", "だいすけ", "Daisuke"), ("翔", "しょう", "Sho"),
    ("浩", "ひろし", "Hiroshi"), ("誠", "まこと", "Makoto"), ("拓也", "たくや", "Takuya"),
    ("健二", "けんじ", "Kenji"), ("直樹", "なおき", "Naoki"),
]

# --- Cyrillic: Russian and Ukrainian (family names in the masculine form) -----------------

CY_GIVEN_F = _w("Анна Мария Елена Ольга Наталья Татьяна Ирина Светлана Оксана Олена Ганна "
                "Юлія Дарина Ксения")
CY_GIVEN_M = _w("Александр Дмитрий Сергей Андрей Алексей Иван Михаил Николай Олександр "
                "Дмитро Андрій Тарас Богдан Юрій")
CY_FAMILY_RU = _w("Иванов Смирнов Кузнецов Попов Соколов Лебедев Козлов Новиков Морозов "
                  "Волков Соловьёв Васильев Зайцев Павлов Орлов")
CY_FAMILY_UA = _w("Шевченко Коваленко Бондаренко Ткаченко Кравченко Олійник Мельник Лисенко "
                  "Бойко Савченко Руденко Петренко")

_CY_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch",
    "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "'": "",
}
_LATIN_SPECIAL = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss",
                                "æ": "ae", "Æ": "AE", "đ": "d", "'": ""})

# --- culture weights -----------------------------------------------------------------------

CULTURES: list[tuple[str, int]] = [
    ("english", 40), ("spanish", 8), ("chinese", 11), ("japanese", 6), ("cyrillic", 7),
    ("french", 6), ("german", 6), ("polish", 4), ("portuguese", 5), ("nordic", 4),
    ("ukrainian", 3),
]
_NAMES = [c for c, _ in CULTURES]
_WEIGHTS = [w for _, w in CULTURES]


@functools.lru_cache(maxsize=4096)
def to_ascii(text: str) -> str:
    """A lower-case ASCII rendering of a Latin or Cyrillic name (for e-mail local parts)."""
    low = text.lower()
    if any("\u0400" <= ch <= "\u04ff" for ch in low):
        low = "".join(_CY_LATIN.get(ch, ch) for ch in low)
    low = low.translate(_LATIN_SPECIAL)
    decomposed = unicodedata.normalize("NFKD", low)
    return "".join(ch for ch in decomposed if ch.isascii() and (ch.isalnum() or ch == "-"))


def _latin(rng: random.Random, culture: str, female: bool) -> Person:
    f_given, m_given, family, countries = LATIN[culture]
    given = rng.choice(f_given if female else m_given)
    fam = rng.choice(family)
    return Person(given, fam, f"{given} {fam}", "", "", to_ascii(given), to_ascii(fam),
                  rng.choice(countries), culture, female)


def _chinese(rng: random.Random, female: bool) -> Person:
    fam, fam_py = rng.choice(ZH_FAMILY)
    given, given_py = rng.choice(ZH_GIVEN_F if female else ZH_GIVEN_M)
    return Person(given, fam, fam + given, given_py, fam_py, to_ascii(given_py),
                  to_ascii(fam_py), rng.choice(["CN", "CN", "TW", "SG"]), "chinese", female)


def _japanese(rng: random.Random, female: bool) -> Person:
    fam, fam_kana, fam_ro = rng.choice(JA_FAMILY)
    given, given_kana, given_ro = rng.choice(JA_GIVEN_F if female else JA_GIVEN_M)
    return Person(given, fam, fam + given, given_kana, fam_kana, given_ro.lower(),
                  fam_ro.lower(), "JP", "japanese", female)


def _cyrillic(rng: random.Random, female: bool, ukrainian: bool) -> Person:
    given = rng.choice(CY_GIVEN_F if female else CY_GIVEN_M)
    if ukrainian:
        fam, country = rng.choice(CY_FAMILY_UA), "UA"
    else:
        fam, country = rng.choice(CY_FAMILY_RU), "RU"
        if female:
            fam += "а"
    return Person(given, fam, f"{given} {fam}", "", "", to_ascii(given), to_ascii(fam),
                  country, "ukrainian" if ukrainian else "cyrillic", female)


def make_person(rng: random.Random, culture: str | None = None) -> Person:
    """One person of a (weighted random) culture."""
    culture = culture or rng.choices(_NAMES, _WEIGHTS)[0]
    female = rng.random() < 0.5
    if culture == "chinese":
        return _chinese(rng, female)
    if culture == "japanese":
        return _japanese(rng, female)
    if culture in ("cyrillic", "ukrainian"):
        return _cyrillic(rng, female, culture == "ukrainian")
    return _latin(rng, culture, female)


# --- places and phones ---------------------------------------------------------------------

# The user works in Portland, Oregon: most of the network is local.
US_CITIES = [
    ("Portland", "OR", "972", "503"), ("Beaverton", "OR", "970", "503"),
    ("Lake Oswego", "OR", "970", "503"), ("Vancouver", "WA", "986", "360"),
    ("Hillsboro", "OR", "971", "503"), ("Gresham", "OR", "970", "971"),
    ("Salem", "OR", "973", "503"), ("Seattle", "WA", "981", "206"),
    ("Bend", "OR", "977", "541"), ("San Francisco", "CA", "941", "415"),
]
STREETS = _w("Alder Burnside Division Hawthorne Belmont Clinton Fremont Killingsworth Sandy "
             "Macadam Multnomah Glisan Couch Flanders Everett Morrison Yamhill Taylor Salmon")
STREET_KINDS = ["St", "Ave", "Blvd", "Way", "Rd"]

ABROAD: dict[str, tuple[str, str, str]] = {
    # country: (city, country name, phone prefix and national format)
    "GB": ("London", "United Kingdom", "+44 20 7946 0{3}"),
    "CA": ("Vancouver", "Canada", "+1 604 555 {4}"),
    "AU": ("Melbourne", "Australia", "+61 3 9{3} {4}"),
    "IE": ("Dublin", "Ireland", "+353 1 {3} {4}"),
    "FR": ("Lyon", "France", "+33 6 {2} {2} {2} {2}"),
    "BE": ("Bruxelles", "Belgique", "+32 2 {3} {2} {2}"),
    "ES": ("Valencia", "España", "+34 6{2} {3} {3}"),
    "MX": ("Guadalajara", "México", "+52 33 {4} {4}"),
    "AR": ("Córdoba", "Argentina", "+54 351 {3}-{4}"),
    "CO": ("Medellín", "Colombia", "+57 4 {3} {4}"),
    "DE": ("München", "Deutschland", "+49 89 {4}{3}"),
    "AT": ("Wien", "Österreich", "+43 1 {3} {4}"),
    "CH": ("Zürich", "Schweiz", "+41 44 {3} {2} {2}"),
    "PL": ("Kraków", "Polska", "+48 12 {3} {2} {2}"),
    "PT": ("Porto", "Portugal", "+351 91{1} {3} {3}"),
    "BR": ("São Paulo", "Brasil", "+55 11 9{4}-{4}"),
    "SE": ("Göteborg", "Sverige", "+46 31 {3} {2} {2}"),
    "NO": ("Tromsø", "Norge", "+47 4{2} {2} {3}"),
    "DK": ("Aarhus", "Danmark", "+45 {2} {2} {2} {2}"),
    "CN": ("上海", "中国", "+86 13{1} {4} {4}"),
    "TW": ("台北", "台灣", "+886 2 {4} {4}"),
    "SG": ("Singapore", "Singapore", "+65 9{3} {4}"),
    "JP": ("東京", "日本", "+81 3-{4}-{4}"),
    "RU": ("Москва", "Россия", "+7 495 {3}-{2}-{2}"),
    "UA": ("Київ", "Україна", "+380 44 {3} {2} {2}"),
}
TLD = {"GB": "co.uk", "FR": "fr", "DE": "de", "PL": "pl", "ES": "es", "MX": "com.mx",
       "PT": "pt", "BR": "com.br", "SE": "se", "NO": "no", "DK": "dk", "CN": "cn", "JP": "jp",
       "RU": "ru", "UA": "com.ua", "TW": "com.tw", "AT": "at", "CH": "ch", "BE": "be"}


def _digits(rng: random.Random, n: int) -> str:
    return str(rng.randrange(10**n)).zfill(n)


def phone_for(rng: random.Random, country: str, area: str = "503") -> str:
    """A plausible phone number in international format for a country ("US" uses *area*)."""
    if country == "US" or country not in ABROAD:
        return f"+1 {area}-555-{_digits(rng, 4)}"
    pattern = ABROAD[country][2]
    out, i = [], 0
    while i < len(pattern):
        if pattern[i] == "{":
            out.append(_digits(rng, int(pattern[i + 1])))
            i += 3
        else:
            out.append(pattern[i])
            i += 1
    return "".join(out)

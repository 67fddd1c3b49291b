"""Country codes (ISO 3166-1 alpha-3 and ICAO MRZ codes) with English and Ukrainian names."""

from __future__ import annotations

import unicodedata

from forensiclog.domain.errors import InvalidInput

# ISO 3166-1 alpha-3, every officially assigned code: (English short name, Ukrainian short name).
# Short names as people read them in a report ("Iran", not "Iran, Islamic Republic of").
ISO_COUNTRIES: dict[str, tuple[str, str]] = {
    "ABW": ("Aruba", "Аруба"),
    "AFG": ("Afghanistan", "Афганістан"),
    "AGO": ("Angola", "Ангола"),
    "AIA": ("Anguilla", "Ангілья"),
    "ALA": ("Åland Islands", "Аландські острови"),
    "ALB": ("Albania", "Албанія"),
    "AND": ("Andorra", "Андорра"),
    "ARE": ("United Arab Emirates", "Об’єднані Арабські Емірати"),
    "ARG": ("Argentina", "Аргентина"),
    "ARM": ("Armenia", "Вірменія"),
    "ASM": ("American Samoa", "Американське Самоа"),
    "ATA": ("Antarctica", "Антарктида"),
    "ATF": ("French Southern Territories", "Французькі Південні Території"),
    "ATG": ("Antigua and Barbuda", "Антигуа і Барбуда"),
    "AUS": ("Australia", "Австралія"),
    "AUT": ("Austria", "Австрія"),
    "AZE": ("Azerbaijan", "Азербайджан"),
    "BDI": ("Burundi", "Бурунді"),
    "BEL": ("Belgium", "Бельгія"),
    "BEN": ("Benin", "Бенін"),
    "BES": ("Bonaire, Sint Eustatius and Saba", "Бонайре, Сінт-Естатіус і Саба"),
    "BFA": ("Burkina Faso", "Буркіна-Фасо"),
    "BGD": ("Bangladesh", "Бангладеш"),
    "BGR": ("Bulgaria", "Болгарія"),
    "BHR": ("Bahrain", "Бахрейн"),
    "BHS": ("Bahamas", "Багамські Острови"),
    "BIH": ("Bosnia and Herzegovina", "Боснія і Герцеговина"),
    "BLM": ("Saint Barthélemy", "Сен-Бартельмі"),
    "BLR": ("Belarus", "Білорусь"),
    "BLZ": ("Belize", "Беліз"),
    "BMU": ("Bermuda", "Бермудські острови"),
    "BOL": ("Bolivia", "Болівія"),
    "BRA": ("Brazil", "Бразилія"),
    "BRB": ("Barbados", "Барбадос"),
    "BRN": ("Brunei", "Бруней"),
    "BTN": ("Bhutan", "Бутан"),
    "BVT": ("Bouvet Island", "Острів Буве"),
    "BWA": ("Botswana", "Ботсвана"),
    "CAF": ("Central African Republic", "Центральноафриканська Республіка"),
    "CAN": ("Canada", "Канада"),
    "CCK": ("Cocos (Keeling) Islands", "Кокосові (Кілінг) острови"),
    "CHE": ("Switzerland", "Швейцарія"),
    "CHL": ("Chile", "Чилі"),
    "CHN": ("China", "Китай"),
    "CIV": ("Côte d’Ivoire", "Кот-д’Івуар"),
    "CMR": ("Cameroon", "Камерун"),
    "COD": ("Democratic Republic of the Congo", "Демократична Республіка Конго"),
    "COG": ("Republic of the Congo", "Республіка Конго"),
    "COK": ("Cook Islands", "Острови Кука"),
    "COL": ("Colombia", "Колумбія"),
    "COM": ("Comoros", "Коморські Острови"),
    "CPV": ("Cabo Verde", "Кабо-Верде"),
    "CRI": ("Costa Rica", "Коста-Рика"),
    "CUB": ("Cuba", "Куба"),
    "CUW": ("Curaçao", "Кюрасао"),
    "CXR": ("Christmas Island", "Острів Різдва"),
    "CYM": ("Cayman Islands", "Кайманові острови"),
    "CYP": ("Cyprus", "Кіпр"),
    "CZE": ("Czechia", "Чехія"),
    "DEU": ("Germany", "Німеччина"),
    "DJI": ("Djibouti", "Джибуті"),
    "DMA": ("Dominica", "Домініка"),
    "DNK": ("Denmark", "Данія"),
    "DOM": ("Dominican Republic", "Домініканська Республіка"),
    "DZA": ("Algeria", "Алжир"),
    "ECU": ("Ecuador", "Еквадор"),
    "EGY": ("Egypt", "Єгипет"),
    "ERI": ("Eritrea", "Еритрея"),
    "ESH": ("Western Sahara", "Західна Сахара"),
    "ESP": ("Spain", "Іспанія"),
    "EST": ("Estonia", "Естонія"),
    "ETH": ("Ethiopia", "Ефіопія"),
    "FIN": ("Finland", "Фінляндія"),
    "FJI": ("Fiji", "Фіджі"),
    "FLK": ("Falkland Islands", "Фолклендські острови"),
    "FRA": ("France", "Франція"),
    "FRO": ("Faroe Islands", "Фарерські острови"),
    "FSM": ("Micronesia", "Мікронезія"),
    "GAB": ("Gabon", "Габон"),
    "GBR": ("United Kingdom", "Велика Британія"),
    "GEO": ("Georgia", "Грузія"),
    "GGY": ("Guernsey", "Гернсі"),
    "GHA": ("Ghana", "Гана"),
    "GIB": ("Gibraltar", "Гібралтар"),
    "GIN": ("Guinea", "Гвінея"),
    "GLP": ("Guadeloupe", "Гваделупа"),
    "GMB": ("Gambia", "Гамбія"),
    "GNB": ("Guinea-Bissau", "Гвінея-Бісау"),
    "GNQ": ("Equatorial Guinea", "Екваторіальна Гвінея"),
    "GRC": ("Greece", "Греція"),
    "GRD": ("Grenada", "Гренада"),
    "GRL": ("Greenland", "Гренландія"),
    "GTM": ("Guatemala", "Гватемала"),
    "GUF": ("French Guiana", "Французька Гвіана"),
    "GUM": ("Guam", "Гуам"),
    "GUY": ("Guyana", "Гаяна"),
    "HKG": ("Hong Kong", "Гонконг"),
    "HMD": ("Heard Island and McDonald Islands", "Острів Герд і острови Макдональд"),
    "HND": ("Honduras", "Гондурас"),
    "HRV": ("Croatia", "Хорватія"),
    "HTI": ("Haiti", "Гаїті"),
    "HUN": ("Hungary", "Угорщина"),
    "IDN": ("Indonesia", "Індонезія"),
    "IMN": ("Isle of Man", "Острів Мен"),
    "IND": ("India", "Індія"),
    "IOT": ("British Indian Ocean Territory", "Британська територія в Індійському океані"),
    "IRL": ("Ireland", "Ірландія"),
    "IRN": ("Iran", "Іран"),
    "IRQ": ("Iraq", "Ірак"),
    "ISL": ("Iceland", "Ісландія"),
    "ISR": ("Israel", "Ізраїль"),
    "ITA": ("Italy", "Італія"),
    "JAM": ("Jamaica", "Ямайка"),
    "JEY": ("Jersey", "Джерсі"),
    "JOR": ("Jordan", "Йорданія"),
    "JPN": ("Japan", "Японія"),
    "KAZ": ("Kazakhstan", "Казахстан"),
    "KEN": ("Kenya", "Кенія"),
    "KGZ": ("Kyrgyzstan", "Киргизстан"),
    "KHM": ("Cambodia", "Камбоджа"),
    "KIR": ("Kiribati", "Кірибаті"),
    "KNA": ("Saint Kitts and Nevis", "Сент-Кіттс і Невіс"),
    "KOR": ("South Korea", "Південна Корея"),
    "KWT": ("Kuwait", "Кувейт"),
    "LAO": ("Laos", "Лаос"),
    "LBN": ("Lebanon", "Ліван"),
    "LBR": ("Liberia", "Ліберія"),
    "LBY": ("Libya", "Лівія"),
    "LCA": ("Saint Lucia", "Сент-Люсія"),
    "LIE": ("Liechtenstein", "Ліхтенштейн"),
    "LKA": ("Sri Lanka", "Шрі-Ланка"),
    "LSO": ("Lesotho", "Лесото"),
    "LTU": ("Lithuania", "Литва"),
    "LUX": ("Luxembourg", "Люксембург"),
    "LVA": ("Latvia", "Латвія"),
    "MAC": ("Macao", "Макао"),
    "MAF": ("Saint Martin (French part)", "Сен-Мартен (французька частина)"),
    "MAR": ("Morocco", "Марокко"),
    "MCO": ("Monaco", "Монако"),
    "MDA": ("Moldova", "Молдова"),
    "MDG": ("Madagascar", "Мадагаскар"),
    "MDV": ("Maldives", "Мальдіви"),
    "MEX": ("Mexico", "Мексика"),
    "MHL": ("Marshall Islands", "Маршаллові Острови"),
    "MKD": ("North Macedonia", "Північна Македонія"),
    "MLI": ("Mali", "Малі"),
    "MLT": ("Malta", "Мальта"),
    "MMR": ("Myanmar", "М’янма"),
    "MNE": ("Montenegro", "Чорногорія"),
    "MNG": ("Mongolia", "Монголія"),
    "MNP": ("Northern Mariana Islands", "Північні Маріанські острови"),
    "MOZ": ("Mozambique", "Мозамбік"),
    "MRT": ("Mauritania", "Мавританія"),
    "MSR": ("Montserrat", "Монтсеррат"),
    "MTQ": ("Martinique", "Мартиніка"),
    "MUS": ("Mauritius", "Маврикій"),
    "MWI": ("Malawi", "Малаві"),
    "MYS": ("Malaysia", "Малайзія"),
    "MYT": ("Mayotte", "Майотта"),
    "NAM": ("Namibia", "Намібія"),
    "NCL": ("New Caledonia", "Нова Каледонія"),
    "NER": ("Niger", "Нігер"),
    "NFK": ("Norfolk Island", "Острів Норфолк"),
    "NGA": ("Nigeria", "Нігерія"),
    "NIC": ("Nicaragua", "Нікарагуа"),
    "NIU": ("Niue", "Ніуе"),
    "NLD": ("Netherlands", "Нідерланди"),
    "NOR": ("Norway", "Норвегія"),
    "NPL": ("Nepal", "Непал"),
    "NRU": ("Nauru", "Науру"),
    "NZL": ("New Zealand", "Нова Зеландія"),
    "OMN": ("Oman", "Оман"),
    "PAK": ("Pakistan", "Пакистан"),
    "PAN": ("Panama", "Панама"),
    "PCN": ("Pitcairn", "Піткерн"),
    "PER": ("Peru", "Перу"),
    "PHL": ("Philippines", "Філіппіни"),
    "PLW": ("Palau", "Палау"),
    "PNG": ("Papua New Guinea", "Папуа Нова Гвінея"),
    "POL": ("Poland", "Польща"),
    "PRI": ("Puerto Rico", "Пуерто-Рико"),
    "PRK": ("North Korea", "Північна Корея"),
    "PRT": ("Portugal", "Португалія"),
    "PRY": ("Paraguay", "Парагвай"),
    "PSE": ("Palestine", "Палестина"),
    "PYF": ("French Polynesia", "Французька Полінезія"),
    "QAT": ("Qatar", "Катар"),
    "REU": ("Réunion", "Реюньйон"),
    "ROU": ("Romania", "Румунія"),
    "RUS": ("Russian Federation", "Російська Федерація"),
    "RWA": ("Rwanda", "Руанда"),
    "SAU": ("Saudi Arabia", "Саудівська Аравія"),
    "SDN": ("Sudan", "Судан"),
    "SEN": ("Senegal", "Сенегал"),
    "SGP": ("Singapore", "Сінгапур"),
    "SGS": (
        "South Georgia and the South Sandwich Islands",
        "Південна Джорджія та Південні Сандвічеві острови",
    ),
    "SHN": (
        "Saint Helena, Ascension and Tristan da Cunha",
        "Острови Святої Єлени, Вознесіння і Тристан-да-Кунья",
    ),
    "SJM": ("Svalbard and Jan Mayen", "Острови Свальбард і Ян Маєн"),
    "SLB": ("Solomon Islands", "Соломонові Острови"),
    "SLE": ("Sierra Leone", "Сьєрра-Леоне"),
    "SLV": ("El Salvador", "Сальвадор"),
    "SMR": ("San Marino", "Сан-Марино"),
    "SOM": ("Somalia", "Сомалі"),
    "SPM": ("Saint Pierre and Miquelon", "Сен-П’єр і Мікелон"),
    "SRB": ("Serbia", "Сербія"),
    "SSD": ("South Sudan", "Південний Судан"),
    "STP": ("Sao Tome and Principe", "Сан-Томе і Принсіпі"),
    "SUR": ("Suriname", "Суринам"),
    "SVK": ("Slovakia", "Словаччина"),
    "SVN": ("Slovenia", "Словенія"),
    "SWE": ("Sweden", "Швеція"),
    "SWZ": ("Eswatini", "Есватіні"),
    "SXM": ("Sint Maarten (Dutch part)", "Сінт-Мартен (нідерландська частина)"),
    "SYC": ("Seychelles", "Сейшели"),
    "SYR": ("Syria", "Сирія"),
    "TCA": ("Turks and Caicos Islands", "Острови Теркс і Кайкос"),
    "TCD": ("Chad", "Чад"),
    "TGO": ("Togo", "Того"),
    "THA": ("Thailand", "Таїланд"),
    "TJK": ("Tajikistan", "Таджикистан"),
    "TKL": ("Tokelau", "Токелау"),
    "TKM": ("Turkmenistan", "Туркменістан"),
    "TLS": ("Timor-Leste", "Східний Тимор"),
    "TON": ("Tonga", "Тонга"),
    "TTO": ("Trinidad and Tobago", "Тринідад і Тобаго"),
    "TUN": ("Tunisia", "Туніс"),
    "TUR": ("Türkiye", "Туреччина"),
    "TUV": ("Tuvalu", "Тувалу"),
    "TWN": ("Taiwan", "Тайвань"),
    "TZA": ("Tanzania", "Танзанія"),
    "UGA": ("Uganda", "Уганда"),
    "UKR": ("Ukraine", "Україна"),
    "UMI": ("United States Minor Outlying Islands", "Зовнішні малі острови США"),
    "URY": ("Uruguay", "Уругвай"),
    "USA": ("United States", "Сполучені Штати Америки"),
    "UZB": ("Uzbekistan", "Узбекистан"),
    "VAT": ("Holy See (Vatican)", "Ватикан"),
    "VCT": ("Saint Vincent and the Grenadines", "Сент-Вінсент і Гренадини"),
    "VEN": ("Venezuela", "Венесуела"),
    "VGB": ("British Virgin Islands", "Британські Віргінські острови"),
    "VIR": ("United States Virgin Islands", "Віргінські острови (США)"),
    "VNM": ("Vietnam", "В’єтнам"),
    "VUT": ("Vanuatu", "Вануату"),
    "WLF": ("Wallis and Futuna", "Волліс і Футуна"),
    "WSM": ("Samoa", "Самоа"),
    "YEM": ("Yemen", "Ємен"),
    "ZAF": ("South Africa", "Південна Африка"),
    "ZMB": ("Zambia", "Замбія"),
    "ZWE": ("Zimbabwe", "Зімбабве"),
}

# Codes that Doc 9303 part 3 adds for MRZs: British nationality classes, Kosovo, international
# organisations and the nationality statuses of stateless persons and refugees.
ICAO_CODES: dict[str, tuple[str, str]] = {
    "EUE": ("European Union", "Європейський Союз"),
    "GBD": ("British Overseas Territories Citizen", "Громадянин британських заморських територій"),
    "GBN": ("British National (Overseas)", "Британський національний статус (заморський)"),
    "GBO": ("British Overseas Citizen", "Британський заморський громадянин"),
    "GBP": ("British Protected Person", "Особа під британським захистом"),
    "GBS": ("British Subject", "Британський підданий"),
    "RKS": ("Kosovo", "Косово"),
    "UNA": ("Specialized agency of the United Nations", "Спеціалізована установа ООН"),
    "UNK": ("Resident of Kosovo (UNMIK)", "Мешканець Косова (МООНК)"),
    "UNO": ("United Nations", "Організація Об’єднаних Націй"),
    "XBA": ("African Development Bank", "Африканський банк розвитку"),
    "XCC": ("Caribbean Community (CARICOM)", "Карибське співтовариство (КАРИКОМ)"),
    "XCE": ("Council of Europe", "Рада Європи"),
    "XCO": (
        "Common Market for Eastern and Southern Africa (COMESA)",
        "Спільний ринок Східної та Південної Африки (КОМЕСА)",
    ),
    "XDC": (
        "Southern African Development Community (SADC)",
        "Співтовариство розвитку Півдня Африки (САДК)",
    ),
    "XEC": (
        "Economic Community of West African States (ECOWAS)",
        "Економічне співтовариство країн Західної Африки (ЕКОВАС)",
    ),
    "XES": ("Organisation of Eastern Caribbean States", "Організація східнокарибських держав"),
    "XIM": ("African Export-Import Bank", "Африканський експортно-імпортний банк"),
    "XOM": ("Sovereign Military Order of Malta", "Суверенний Мальтійський орден"),
    "XPO": ("INTERPOL", "Інтерпол"),
    "XXA": ("Stateless person", "Особа без громадянства"),
    "XXB": ("Refugee (1951 Convention)", "Біженець (Конвенція 1951 року)"),
    "XXC": ("Refugee (other)", "Біженець (інший статус)"),
    "XXX": ("Unspecified nationality", "Громадянство не зазначено"),
}

# ICAO's fictional state of its specimen documents; it appears in training and test data only.
SPECIMEN_CODES: dict[str, tuple[str, str]] = {
    "UTO": ("Utopia (ICAO specimen)", "Утопія (зразок ICAO)"),
}

# Germany writes a one-letter code in its MRZs ("D<<"); everywhere else it is DEU.
ALIASES = {"D": "DEU"}

# Codes that stand for a state or its nationals, beyond ISO: British nationality classes and Kosovo.
STATE_CODES = frozenset({"GBD", "GBN", "GBO", "GBP", "GBS", "RKS"})

NAMES: dict[str, tuple[str, str]] = {**ISO_COUNTRIES, **ICAO_CODES, **SPECIMEN_CODES}
LANGUAGES = ("en", "uk")
# Code-point order puts Є, І, Ї and Ґ after Я; a pick list must follow the alphabet.
UKRAINIAN_ALPHABET = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"


def canonical(text: str) -> str:
    """``text`` as a code: trimmed, upper case, MRZ filler dropped, ``D`` read as DEU."""
    code = text.strip().upper().rstrip("<")
    return ALIASES.get(code, code)


def is_known(code: str) -> bool:
    return canonical(code) in NAMES


def is_state(code: str) -> bool:
    """True for a state or territory (ISO code, a British nationality class, Kosovo)."""
    known = canonical(code)
    return known in ISO_COUNTRIES or known in STATE_CODES


def parse_country(text: str, field: str = "country") -> str:
    """The upper-case alpha-3 code that ``text`` names; a refusal naming the value otherwise."""
    code = canonical(text)
    if code not in NAMES:
        raise InvalidInput(
            field, f"{text!r} is not a country code (ISO 3166-1 alpha-3, e.g. UKR, RUS, DEU)"
        )
    return code


def country_name(code: str, language: str = "en") -> str:
    """The short name of ``code`` in English (``en``) or Ukrainian (``uk``).

    An unknown code is returned as it is: a stored value must always be printable.
    """
    if language not in LANGUAGES:
        raise InvalidInput("language", f"{language!r} is not one of {', '.join(LANGUAGES)}")
    names = NAMES.get(canonical(code))
    if names is None:
        return code
    return names[LANGUAGES.index(language)]


def country_choices(language: str = "en") -> tuple[tuple[str, str], ...]:
    """Every known code with its name, sorted by name, for pick lists."""
    pairs = ((code, country_name(code, language)) for code in NAMES)
    return tuple(sorted(pairs, key=lambda pair: alphabetical_key(pair[1])))


def alphabetical_key(name: str) -> tuple[tuple[int, int], ...]:
    """Sort key for a Latin or Ukrainian name: Latin accents ignored, Cyrillic in its order."""
    key: list[tuple[int, int]] = []
    for char in name.casefold():
        position = UKRAINIAN_ALPHABET.find(char)
        if position >= 0:
            key.append((1, position))
        else:
            key.append((0, ord(unicodedata.normalize("NFKD", char)[0])))
    return tuple(key)

"""Which NUTS 2 region an organisation's address lies in.

An organisation gives its country, its region as people write it (a Polish
voivodeship, an Italian regione, an Austrian Land, a Czech kraj, a Hungarian
megye, a Romanian județ, a Bulgarian oblast) and its town. `nuts_region_for`
finds the NUTS 2 region they name, or None when the text names none the portal
knows: it never guesses.
"""

import re
import unicodedata

from companies.analysis.models import Region
from portal.common.languages import LANGUAGE_CODES

# Words a region's text may carry around its name ("województwo podlaskie",
# "Jihomoravský kraj", "Județul Cluj", "Bács-Kiskun megye", "Област Пловдив").
_GENERIC_WORDS = {
    "wojewodztwo",
    "woj",
    "kraj",
    "judetul",
    "judet",
    "jud",
    "megye",
    "oblast",
    "област",
    "region",
    "regione",
    "bundesland",
    "land",
    "county",
    "voivodeship",
}

# Units below NUTS 2 (and other usual names) that a NUTS 2 region's own names do
# not cover, by country. A NUTS 2 region's names in the portal's languages match
# without being listed here.
# fmt: off
SUBREGIONS = {
    "PL": {
        # Mazowieckie is two NUTS 2 regions: Warsaw's (PL91) and the rest (PL92).
        "mazowieckie": "PL92", "masovian": "PL92", "masowien": "PL92",
    },
    "CZ": {
        "hlavni mesto praha": "CZ01", "stredocesky": "CZ02", "jihocesky": "CZ03",
        "plzensky": "CZ03", "karlovarsky": "CZ04", "ustecky": "CZ04", "liberecky": "CZ05",
        "kralovehradecky": "CZ05", "pardubicky": "CZ05", "vysocina": "CZ06",
        "jihomoravsky": "CZ06", "olomoucky": "CZ07", "zlinsky": "CZ07",
        "moravskoslezsky": "CZ08",
    },
    "HU": {
        "fejer": "HU21", "komarom esztergom": "HU21", "veszprem": "HU21",
        "gyor moson sopron": "HU22", "vas": "HU22", "zala": "HU22",
        "baranya": "HU23", "somogy": "HU23", "tolna": "HU23",
        "borsod abauj zemplen": "HU31", "heves": "HU31", "nograd": "HU31",
        "hajdu bihar": "HU32", "jasz nagykun szolnok": "HU32", "szabolcs szatmar bereg": "HU32",
        "bacs kiskun": "HU33", "bekes": "HU33", "csongrad": "HU33", "csongrad csanad": "HU33",
    },
    "RO": {
        "bihor": "RO11", "bistrita nasaud": "RO11", "cluj": "RO11", "maramures": "RO11",
        "satu mare": "RO11", "salaj": "RO11",
        "alba": "RO12", "brasov": "RO12", "covasna": "RO12", "harghita": "RO12",
        "mures": "RO12", "sibiu": "RO12",
        "bacau": "RO21", "botosani": "RO21", "iasi": "RO21", "neamt": "RO21",
        "suceava": "RO21", "vaslui": "RO21",
        "braila": "RO22", "buzau": "RO22", "constanta": "RO22", "galati": "RO22",
        "tulcea": "RO22", "vrancea": "RO22",
        "arges": "RO31", "calarasi": "RO31", "dambovita": "RO31", "giurgiu": "RO31",
        "ialomita": "RO31", "prahova": "RO31", "teleorman": "RO31",
        "bucuresti": "RO32", "municipiul bucuresti": "RO32", "bucharest": "RO32",
        "ilfov": "RO32",
        "dolj": "RO41", "gorj": "RO41", "mehedinti": "RO41", "olt": "RO41", "valcea": "RO41",
        "arad": "RO42", "caras severin": "RO42", "hunedoara": "RO42", "timis": "RO42",
    },
    "BG": {
        "vidin": "BG31", "видин": "BG31", "vratsa": "BG31", "враца": "BG31",
        "montana": "BG31", "монтана": "BG31", "pleven": "BG31", "плевен": "BG31",
        "lovech": "BG31", "ловеч": "BG31",
        "veliko tarnovo": "BG32", "велико търново": "BG32", "gabrovo": "BG32",
        "габрово": "BG32", "ruse": "BG32", "русе": "BG32", "razgrad": "BG32",
        "разград": "BG32", "silistra": "BG32", "силистра": "BG32",
        "varna": "BG33", "варна": "BG33", "dobrich": "BG33", "добрич": "BG33",
        "shumen": "BG33", "шумен": "BG33", "targovishte": "BG33", "търговище": "BG33",
        "burgas": "BG34", "бургас": "BG34", "sliven": "BG34", "сливен": "BG34",
        "yambol": "BG34", "ямбол": "BG34", "stara zagora": "BG34", "стара загора": "BG34",
        "sofia": "BG41", "софия": "BG41", "sofia grad": "BG41", "софия град": "BG41",
        "sofia city": "BG41", "blagoevgrad": "BG41", "благоевград": "BG41",
        "pernik": "BG41", "перник": "BG41", "kyustendil": "BG41", "кюстендил": "BG41",
        "plovdiv": "BG42", "пловдив": "BG42", "haskovo": "BG42", "хасково": "BG42",
        "pazardzhik": "BG42", "пазарджик": "BG42", "smolyan": "BG42", "смолян": "BG42",
        "kardzhali": "BG42", "кърджали": "BG42",
    },
    "IT": {
        "valle d aosta": "ITC2", "vallee d aoste": "ITC2", "aosta valley": "ITC2",
        "bolzano": "ITH1", "bozen": "ITH1", "alto adige": "ITH1", "sudtirol": "ITH1",
        "south tyrol": "ITH1", "trento": "ITH2", "trentino": "ITH2",
    },
}
# fmt: on
# Warsaw, in the languages its firms and partners write it.
_WARSAW = {"warszawa", "warsaw", "warschau", "varsavia", "varsava", "varso", "varsovia", "варшава"}


def name_key(text):
    """A name as the lookup compares it: lower case, no diacritics, no punctuation,
    without the words around it such as "województwo" or "kraj"."""
    text = unicodedata.normalize("NFKD", (text or "").casefold().replace("ł", "l"))
    text = "".join(char for char in text if not unicodedata.combining(char))
    words = re.sub(r"[\W_]+", " ", text).split()
    return " ".join(word for word in words if word not in _GENERIC_WORDS)


def nuts_code_for(country, region, town, names):
    """The NUTS 2 code that `region` (and, for Mazowieckie, `town`) names in
    `country`, or None. `names` maps the `name_key` of each name of the country's
    NUTS 2 regions to its code."""
    country = str(getattr(country, "code", country) or "").upper()
    key = name_key(region)
    if not key:
        return None
    if key.upper() in names.values():
        return key.upper()
    code = SUBREGIONS.get(country, {}).get(key) or names.get(key)
    if code == "PL92" and name_key(town) in _WARSAW:
        return "PL91"
    return code


def nuts_region_for(country, region, town=""):
    """The NUTS 2 Region of an address, or None when its region text names none."""
    country = str(getattr(country, "code", country) or "").upper()
    if not country or not name_key(region):
        return None
    fields = ["name"] + [f"name_{language}" for language in LANGUAGE_CODES]
    names = {}
    for code, *texts in Region.objects.filter(
        country=country, level=Region.Level.NUTS2
    ).values_list("code", *fields):
        for text in texts:
            names.setdefault(name_key(text), code)
    names.pop("", None)
    code = nuts_code_for(country, region, town, names)
    return Region.objects.filter(code=code).first() if code else None

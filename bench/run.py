"""The portal's benchmark (`make bench`): offer and directory pages under load, beside /healthz.

1. Makes (or reuses) the PostgreSQL database `portal_bench` (`--database`), migrates
   it and fills it with COPY: 10,000 organisations and 100,000 live offers, a quarter
   of them translated into all eight languages, with texts about dairy products and
   farm machinery in real words, so that a search finds a realistic number of offers;
   and for the dairy cluster's analysis 300 NUTS 3 regions with ten years of figures
   of the dairy industry, manufacturing and all activities (`fill_statistics`).
2. Serves it as in production: gunicorn (several sync workers), DEBUG off,
   whitenoise serving the collected static files, the cache in Redis.
3. Loads each page in PAGES with wrk, each on a fresh gunicorn and an idle
   database, twice: without the anonymous page cache (PAGE_CACHE_SECONDS=0) and
   with it, on an emptied cache each time. Prints requests per second, latency
   percentiles and wrk's errors, beside the same figures for /healthz (one query)
   measured in the same run, the ratio of each to it, the time of one request
   alone and the highest peak RSS of a gunicorn worker; then the EXPLAIN (ANALYZE,
   BUFFERS) of the offer searches, whose plans should show the GIN indexes at work,
   and whether the pages with a target (ALONE_TARGETS_MS: the analysis, 100 ms)
   answered one request alone within it.

The report (a markdown table) and every figure (JSON) are saved in bench/results/
as <date>-<commit>.md and .json, and the report as bench/results/latest.md. The
run exits with status 1 when any page answered an error.

    python bench/run.py [--fresh] [--database NAME] [--offers N] [--organisations N]
                        [--duration 10s]
"""

import argparse
import hashlib
import http.client
import io
import json
import os
import random
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent
RESULTS_DIR = BASE_DIR / "bench" / "results"
PROC = Path("/proc")
DATABASE_NAME = "portal_bench"

# Each page is measured twice: without and with the anonymous page cache
# (PAGE_CACHE_SECONDS), the cache in a Redis database of the bench's own, emptied
# before each run. The uncached run uses the same Redis, as production does, so
# that the page cache is the only difference.
CACHE_URL = "redis://127.0.0.1:6379/3"
RUNS = {"uncached": {"PAGE_CACHE_SECONDS": "0"}, "cached": {"PAGE_CACHE_SECONDS": "300"}}

# The pages measured: (label, path). "{reference}" is an offer and
# "{organisation}" an organisation's slug, both translated into every language
# and chosen from the data. /healthz comes first: the others are compared with it.
HEALTH_PAGE = ("/healthz", "/healthz")
PAGES = [
    HEALTH_PAGE,
    ("offer list", "/pl/offers/"),
    ("search (pl)", "/pl/offers/?q=" + quote("ser dojrzewający")),
    ("search (it)", "/it/offers/?q=" + quote("formaggio stagionato")),
    ("search (cs)", "/cs/offers/?q=" + quote("zrající sýr")),
    ("offer page", "/pl/offers/{reference}/"),
    ("directory", "/pl/directory/"),
    # "Mleczarnia" begins the names of a share of the dairy firms (HOMES).
    ("directory search", "/pl/directory/?q=mleczarnia"),
    ("organisation", "/pl/directory/{organisation}/"),
    ("events", "/pl/events/"),
    ("news", "/pl/news/"),
    ("project", "/pl/project/"),
    ("documents", "/pl/documents/"),
    # The dairy cluster's analysis: 300 regions, 10 years (fill_statistics).
    ("cluster analysis", "/pl/clusters/dairy/analysis/"),
]
# Pages that must answer one request alone within so many milliseconds, in the
# run without the page cache (issue 16: the analysis of 300 regions and 10 years).
ALONE_TARGETS_MS = {"cluster analysis": 100}
# The offer list and its searches: their query plans are shown.
EXPLAINED = [path for _label, path in PAGES if "/offers/" in path and "{" not in path]

LANGUAGES = ("pl", "en", "de", "it", "cs", "hu", "ro", "bg")
FIELDS = ("title", "summary", "description", "partner_sought")

# ---------------------------------------------------------------------------
# Vocabulary: every entry in the order of LANGUAGES, so that a translated offer
# says the same thing in each language.

DAIRY_PRODUCTS = [
    ("ser dojrzewający", "ripened cheese", "gereifter Käse", "formaggio stagionato",
     "zrající sýr", "érlelt sajt", "brânză maturată", "зряло сирене"),
    ("mleko w proszku", "milk powder", "Milchpulver", "latte in polvere",
     "sušené mléko", "tejpor", "lapte praf", "мляко на прах"),
    ("masło ekstra", "extra butter", "Markenbutter", "burro extra",
     "máslo extra", "extra vaj", "unt extra", "масло екстра"),
    ("jogurt naturalny", "natural yoghurt", "Naturjoghurt", "yogurt naturale",
     "bílý jogurt", "natúr joghurt", "iaurt natural", "натурално кисело мляко"),
    ("twaróg półtłusty", "semi-skimmed quark", "Halbfettquark", "quark semigrasso",
     "polotučný tvaroh", "félzsíros túró", "brânză de vaci semidegresată",
     "полуобезмаслена извара"),
    ("serwatka w proszku", "whey powder", "Molkenpulver", "siero di latte in polvere",
     "sušená syrovátka", "tejsavópor", "zer praf", "суроватка на прах"),
    ("ser mozzarella", "mozzarella cheese", "Mozzarella-Käse", "mozzarella di latte vaccino",
     "sýr mozzarella", "mozzarella sajt", "brânză mozzarella", "сирене моцарела"),
    ("śmietana kremówka", "whipping cream", "Schlagsahne", "panna da montare",
     "šlehačková smetana", "habtejszín", "smântână pentru frișcă", "сметана за разбиване"),
    ("kefir tradycyjny", "traditional kefir", "traditioneller Kefir", "kefir tradizionale",
     "tradiční kefír", "hagyományos kefir", "chefir tradițional", "традиционен кефир"),
    ("lody mleczne", "milk ice cream", "Milchspeiseeis", "gelato al latte",
     "mléčná zmrzlina", "tejes fagylalt", "înghețată din lapte", "млечен сладолед"),
    ("laktoza spożywcza", "food-grade lactose", "Speiselaktose", "lattosio alimentare",
     "potravinářská laktóza", "étkezési laktóz", "lactoză alimentară", "хранителна лактоза"),
    ("ser topiony", "processed cheese", "Schmelzkäse", "formaggio fuso",
     "tavený sýr", "ömlesztett sajt", "brânză topită", "топено сирене"),
]  # fmt: skip

MACHINERY_PRODUCTS = [
    ("przyczepa rolnicza", "farm trailer", "landwirtschaftlicher Anhänger", "rimorchio agricolo",
     "zemědělský přívěs", "mezőgazdasági pótkocsi", "remorcă agricolă",
     "селскостопанско ремарке"),
    ("prasa do słomy", "straw baler", "Strohpresse", "pressa per paglia",
     "lis na slámu", "szalmabálázó", "presă de balotat paie", "преса за слама"),
    ("opryskiwacz polowy", "field sprayer", "Feldspritze", "irroratrice da campo",
     "polní postřikovač", "szántóföldi permetező", "pulverizator de câmp", "полска пръскачка"),
    ("pług obracalny", "reversible plough", "Drehpflug", "aratro reversibile",
     "otočný pluh", "váltvaforgató eke", "plug reversibil", "обръщателен плуг"),
    ("kosiarka dyskowa", "disc mower", "Scheibenmähwerk", "falciatrice a dischi",
     "diskový žací stroj", "tárcsás kasza", "cositoare cu discuri", "дискова косачка"),
    ("siewnik zbożowy", "grain drill", "Getreidesämaschine", "seminatrice per cereali",
     "secí stroj na obilí", "gabonavetőgép", "semănătoare de cereale",
     "сеялка за зърнени култури"),
    ("rozrzutnik obornika", "manure spreader", "Stalldungstreuer", "spandiletame",
     "rozmetadlo hnoje", "trágyaszóró", "mașină de împrăștiat gunoi de grajd",
     "торачка за оборски тор"),
    ("agregat uprawowy", "cultivator combination", "Saatbettkombination", "erpice combinato",
     "kombinátor pro přípravu půdy", "talajművelő kombinátor", "combinator agricol",
     "комбиниран култиватор"),
    ("ładowacz czołowy", "front loader", "Frontlader", "caricatore frontale",
     "čelní nakladač", "homlokrakodó", "încărcător frontal", "челен товарач"),
    ("wóz paszowy", "feed mixer wagon", "Futtermischwagen", "carro miscelatore",
     "krmný míchací vůz", "takarmánykeverő kocsi", "remorcă furajeră", "фуражен миксер"),
    ("zbiornik do chłodzenia mleka", "milk cooling tank", "Milchkühltank",
     "refrigeratore per latte", "chladicí tank na mléko", "tejhűtő tartály",
     "tanc de răcire a laptelui", "танк за охлаждане на мляко"),
    ("dojarka przewodowa", "pipeline milking machine", "Rohrmelkanlage",
     "mungitrice a lattodotto", "potrubní dojicí zařízení", "fejőberendezés",
     "instalație de muls", "доилна инсталация"),
]  # fmt: skip

TITLES = {
    "business_offer": (
        "{p} dla odbiorców hurtowych", "{p} for wholesale buyers", "{p} für Großabnehmer",
        "{p} per acquirenti all'ingrosso", "{p} pro velkoodběratele",
        "{p} nagykereskedelmi vevőknek", "{p} pentru cumpărători angro",
        "{p} за търговци на едро"),
    "business_request": (
        "Szukamy dostawcy: {p}", "Supplier wanted: {p}", "Lieferant gesucht: {p}",
        "Cerchiamo fornitore: {p}", "Hledáme dodavatele: {p}", "Beszállítót keresünk: {p}",
        "Căutăm furnizor: {p}", "Търсим доставчик: {p}"),
    "technology_offer": (
        "Nowa technologia: {p} o niższym zużyciu energii",
        "New technology: {p} with lower energy use",
        "Neue Technologie: {p} mit geringerem Energieverbrauch",
        "Nuova tecnologia: {p} con minori consumi energetici",
        "Nová technologie: {p} s nižší spotřebou energie",
        "Új technológia: {p} alacsonyabb energiafelhasználással",
        "Tehnologie nouă: {p} cu consum redus de energie",
        "Нова технология: {p} с по-нисък разход на енергия"),
    "technology_request": (
        "Poszukujemy rozwiązania technicznego: {p}", "Technical solution sought: {p}",
        "Technische Lösung gesucht: {p}", "Cerchiamo una soluzione tecnica: {p}",
        "Hledáme technické řešení: {p}", "Műszaki megoldást keresünk: {p}",
        "Căutăm o soluție tehnică: {p}", "Търсим техническо решение: {p}"),
    "research": (
        "Wspólny projekt badawczy: {p}", "Joint research project: {p}",
        "Gemeinsames Forschungsprojekt: {p}", "Progetto di ricerca congiunto: {p}",
        "Společný výzkumný projekt: {p}", "Közös kutatási projekt: {p}",
        "Proiect comun de cercetare: {p}", "Съвместен изследователски проект: {p}"),
    "subcontracting": (
        "Podwykonawstwo: {p} na zamówienie", "Subcontracting: {p} made to order",
        "Lohnfertigung: {p} nach Auftrag", "Subfornitura: {p} su commessa",
        "Subdodávky: {p} na zakázku", "Alvállalkozás: {p} megrendelésre",
        "Subcontractare: {p} la comandă", "Подизпълнение: {p} по поръчка"),
}  # fmt: skip

SUMMARIES = [
    ("W ofercie firmy z województwa podlaskiego: {p} oraz {p2}. Stała jakość, certyfikaty "
     "i terminowe dostawy.",
     "In the range of a firm from the Podlaskie region: {p} and {p2}. Consistent quality, "
     "certificates and on-time delivery.",
     "Im Angebot eines Unternehmens aus der Woiwodschaft Podlachien: {p} und {p2}. "
     "Gleichbleibende Qualität, Zertifikate und pünktliche Lieferung.",
     "Nell'offerta di un'azienda della regione Podlachia: {p} e {p2}. Qualità costante, "
     "certificazioni e consegne puntuali.",
     "V nabídce firmy z Podleského vojvodství: {p} a {p2}. Stálá kvalita, certifikáty "
     "a včasné dodávky.",
     "Egy podlasiei vállalkozás kínálatában: {p} és {p2}. Állandó minőség, tanúsítványok "
     "és pontos szállítás.",
     "În oferta unei firme din regiunea Podlasie: {p} și {p2}. Calitate constantă, "
     "certificări și livrări la timp.",
     "В предлагането на фирма от Подляско войводство: {p} и {p2}. Постоянно качество, "
     "сертификати и навременни доставки."),
    ("Poszukiwany partner na dostawy: {p} i {p2}, w dużych ilościach przez cały rok.",
     "Partner wanted for supplies: {p} and {p2}, in large quantities all year round.",
     "Gesucht wird ein Partner für Lieferungen: {p} und {p2}, in großen Mengen das ganze Jahr.",
     "Cerchiamo un partner per forniture: {p} e {p2}, in grandi quantità tutto l'anno.",
     "Hledáme partnera pro dodávky: {p} a {p2}, ve velkém množství po celý rok.",
     "Partnert keresünk szállításra: {p}, {p2}, nagy mennyiségben egész évben.",
     "Căutăm un partener pentru livrări: {p} și {p2}, în cantități mari tot anul.",
     "Търсим партньор за доставки: {p} и {p2}, в големи количества през цялата година."),
]  # fmt: skip

SENTENCES = [
    ("Produkcja odbywa się w nowoczesnym zakładzie z certyfikatem IFS i ISO 22000.",
     "Production takes place in a modern plant certified to IFS and ISO 22000.",
     "Die Produktion erfolgt in einem modernen, nach IFS und ISO 22000 zertifizierten Werk.",
     "La produzione avviene in uno stabilimento moderno certificato IFS e ISO 22000.",
     "Výroba probíhá v moderním závodě s certifikací IFS a ISO 22000.",
     "A gyártás modern, IFS és ISO 22000 tanúsítvánnyal rendelkező üzemben folyik.",
     "Producția are loc într-o fabrică modernă certificată IFS și ISO 22000.",
     "Производството се извършва в модерен завод, сертифициран по IFS и ISO 22000."),
    ("Roczna zdolność produkcyjna wynosi kilkaset ton, możliwe są dostawy całopojazdowe.",
     "Annual capacity is several hundred tonnes; full truckloads are possible.",
     "Die Jahreskapazität beträgt mehrere hundert Tonnen, Komplettladungen sind möglich.",
     "La capacità annua è di alcune centinaia di tonnellate; sono possibili carichi completi.",
     "Roční kapacita je několik set tun, možné jsou celokamionové dodávky.",
     "Az éves kapacitás több száz tonna, teljes kamionrakomány is lehetséges.",
     "Capacitatea anuală este de câteva sute de tone; sunt posibile livrări cu camion complet.",
     "Годишният капацитет е няколкостотин тона, възможни са доставки с цял камион."),
    ("Szukamy partnera do wspólnego wejścia na rynki Włoch, Austrii i Czech.",
     "We are looking for a partner to enter the markets of Italy, Austria and Czechia together.",
     "Wir suchen einen Partner für den gemeinsamen Markteintritt in Italien, Österreich "
     "und Tschechien.",
     "Cerchiamo un partner per entrare insieme nei mercati di Italia, Austria e Repubblica Ceca.",
     "Hledáme partnera pro společný vstup na trhy Itálie, Rakouska a Česka.",
     "Partnert keresünk az olasz, osztrák és cseh piacra való közös belépéshez.",
     "Căutăm un partener pentru a intra împreună pe piețele din Italia, Austria și Cehia.",
     "Търсим партньор за съвместно навлизане на пазарите в Италия, Австрия и Чехия."),
    ("Oferujemy serwis, części zamienne i szkolenia dla operatorów.",
     "We offer service, spare parts and operator training.",
     "Wir bieten Service, Ersatzteile und Schulungen für Bediener.",
     "Offriamo assistenza, ricambi e formazione per gli operatori.",
     "Nabízíme servis, náhradní díly a školení obsluhy.",
     "Szervizt, alkatrészeket és kezelői képzést kínálunk.",
     "Oferim service, piese de schimb și instruire pentru operatori.",
     "Предлагаме сервиз, резервни части и обучение на операторите."),
    ("Nasz produkt ({p}) jest dostępny w opakowaniach dostosowanych do potrzeb klienta.",
     "Our product ({p}) is available in packaging tailored to the customer.",
     "Unser Produkt ({p}) ist in kundenspezifischen Verpackungen erhältlich.",
     "Il nostro prodotto ({p}) è disponibile in confezioni su misura per il cliente.",
     "Náš výrobek ({p}) je k dispozici v balení podle potřeb zákazníka.",
     "Termékünk ({p}) a vevő igényeihez igazított csomagolásban kapható.",
     "Produsul nostru ({p}) este disponibil în ambalaje adaptate clientului.",
     "Нашият продукт ({p}) се предлага в опаковки според нуждите на клиента."),
    ("Współpracujemy z Politechniką Białostocką i lokalnymi gospodarstwami rolnymi.",
     "We work with Białystok University of Technology and local farms.",
     "Wir arbeiten mit der Technischen Universität Białystok und Höfen der Region zusammen.",
     "Collaboriamo con il Politecnico di Białystok e con aziende agricole locali.",
     "Spolupracujeme s Technickou univerzitou v Białystoku a místními zemědělci.",
     "Együttműködünk a Białystoki Műszaki Egyetemmel és helyi gazdaságokkal.",
     "Colaborăm cu Universitatea Tehnică din Białystok și cu ferme locale.",
     "Работим с Техническия университет в Бялисток и местни ферми."),
]  # fmt: skip

PARTNERS = [
    ("Dystrybutor lub importer z doświadczeniem w branży spożywczej.",
     "A distributor or importer experienced in the food sector.",
     "Ein Händler oder Importeur mit Erfahrung in der Lebensmittelbranche.",
     "Un distributore o importatore con esperienza nel settore alimentare.",
     "Distributor nebo dovozce se zkušenostmi v potravinářství.",
     "Élelmiszeripari tapasztalattal rendelkező forgalmazó vagy importőr.",
     "Un distribuitor sau importator cu experiență în industria alimentară.",
     "Дистрибутор или вносител с опит в хранителния сектор."),
    ("Producent maszyn rolniczych szukający podwykonawcy części spawanych.",
     "A maker of farm machinery looking for a subcontractor of welded parts.",
     "Ein Landmaschinenhersteller, der einen Zulieferer für Schweißteile sucht.",
     "Un costruttore di macchine agricole che cerca un subfornitore di parti saldate.",
     "Výrobce zemědělských strojů, který hledá subdodavatele svařovaných dílů.",
     "Mezőgazdasági gépgyártó, amely hegesztett alkatrészek alvállalkozóját keresi.",
     "Un producător de utilaje agricole care caută un subcontractor pentru piese sudate.",
     "Производител на селскостопанска техника, който търси подизпълнител на заварени части."),
    ("Instytut badawczy lub uczelnia do wspólnego projektu w programie Horyzont Europa.",
     "A research institute or university for a joint Horizon Europe project.",
     "Ein Forschungsinstitut oder eine Hochschule für ein gemeinsames Projekt in Horizont Europa.",
     "Un istituto di ricerca o un'università per un progetto comune in Orizzonte Europa.",
     "Výzkumný ústav nebo univerzita pro společný projekt v programu Horizont Evropa.",
     "Kutatóintézet vagy egyetem közös Horizont Európa projekthez.",
     "Un institut de cercetare sau o universitate pentru un proiect comun Orizont Europa.",
     "Изследователски институт или университет за съвместен проект по „Хоризонт Европа“."),
]  # fmt: skip

# Organisations: (country, towns, name prefixes by cluster, legal form).
HOMES = [
    ("PL", ["Białystok", "Łomża", "Suwałki", "Augustów", "Zambrów", "Wysokie Mazowieckie",
            "Grajewo", "Hajnówka", "Bielsk Podlaski", "Sokółka", "Mońki", "Siemiatycze"],
     {"dairy": ["Mleczarnia", "Spółdzielnia Mleczarska", "Serowarnia"],
      "agricultural-machinery": ["Fabryka Maszyn Rolniczych", "Zakład Mechaniki Rolniczej",
                                 "Agro-Tech"]},
     "sp. z o.o."),
    ("IT", ["Parma", "Reggio Emilia", "Cremona", "Udine", "Pescara", "Ancona"],
     {"dairy": ["Caseificio", "Latteria Sociale"],
      "agricultural-machinery": ["Officine Meccaniche", "Macchine Agricole"]},
     "S.r.l."),
    ("AT", ["Linz", "Graz", "Wels"],
     {"dairy": ["Molkerei"], "agricultural-machinery": ["Landtechnik"]}, "GmbH"),
    ("CZ", ["Brno", "Olomouc", "Jihlava"],
     {"dairy": ["Mlékárna"], "agricultural-machinery": ["Zemědělské stroje"]}, "s.r.o."),
]  # fmt: skip
NAME_WORDS = ["Podlasie", "Narew", "Biebrza", "Supraśl", "Bug", "Puszcza", "Wigry", "Rospuda",
              "Sokół", "Żubr", "Bóbr", "Łoś"]  # fmt: skip

KINDS = list(TITLES)
COOPERATION = ["commercial", "distribution", "supplier", "manufacturing", "subcontracting",
               "licence", "technical", "research", "joint_venture"]  # fmt: skip
TARGETS = ["IT", "AT", "CZ", "HU", "RO", "BG", "DE"]
# Source languages of offers: mostly Polish, some from the partners.
SOURCE_WEIGHTS = {"pl": 85, "it": 7, "de": 5, "cs": 3}

ORGANISATION_COLUMNS = [
    "id", "kind", "name", "slug", "legal_form", "nip", "regon", "krs", "vat_id", "country",
    "region", "town", "street_address", "postal_code", "latitude", "longitude", "website",
    "email", "phone", "size_class", "employees", "founded_year",
    "description", *(f"description_{code}" for code in LANGUAGES),
    "products", *(f"products_{code}" for code in LANGUAGES),
    "export_markets", "languages_spoken", "logo", "is_published", "created_at", "updated_at",
]  # fmt: skip
OFFER_COLUMNS = [
    "id", "reference", "organisation_id", "kind", "cooperation_types",
    *(name for field in FIELDS for name in (field, *(f"{field}_{code}" for code in LANGUAGES))),
    "source_language", "target_countries", "keywords", "is_anonymous", "status",
    "open_for_interest", "published_at", "expires_at", "rejection_reason",
    "created_at", "updated_at",
]  # fmt: skip
CHUNK = 5000


def _say(message):
    print(message, flush=True)


# ---------------------------------------------------------------------------
# Filling the database


def _copy_value(value):
    """One value in PostgreSQL's COPY text format."""
    if value is None:
        return r"\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, datetime):
        return value.isoformat()
    text = str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def copy_rows(cursor, table, columns, rows):
    """COPY rows (tuples in the order of columns) into a table, CHUNK rows at a time."""
    sql = f'COPY "{table}" ({", ".join(f'"{c}"' for c in columns)}) FROM STDIN'
    count = 0
    buffer = io.StringIO()
    for row in rows:
        buffer.write("\t".join(_copy_value(value) for value in row))
        buffer.write("\n")
        count += 1
        if count % CHUNK == 0:
            buffer.seek(0)
            cursor.copy_expert(sql, buffer)
            buffer = io.StringIO()
    if buffer.tell():
        buffer.seek(0)
        cursor.copy_expert(sql, buffer)
    return count


def _gin_indexes(cursor, tables):
    cursor.execute(
        "SELECT indexname, indexdef FROM pg_indexes "
        "WHERE schemaname = current_schema() AND tablename = ANY(%s) "
        "AND indexdef LIKE '%% USING gin %%'",
        [list(tables)],
    )
    return cursor.fetchall()


def _organisation_rows(rng, first_id, count, now, cluster_ids):
    """Organisations and their cluster (one each): (row, cluster slug)."""
    for number in range(first_id, first_id + count):
        country, towns, prefixes, legal_form = (
            HOMES[0] if rng.random() < 0.85 else rng.choice(HOMES[1:])
        )
        cluster = rng.choice(list(cluster_ids))
        products_of = DAIRY_PRODUCTS if cluster == "dairy" else MACHINERY_PRODUCTS
        products = rng.sample(products_of, 3)
        name = f"{rng.choice(prefixes[cluster])} {rng.choice(NAME_WORDS)} {number} {legal_form}"
        translated = number % 4 == 0
        descriptions, product_texts = {}, {}
        for index, code in enumerate(LANGUAGES):
            if code != "pl" and not translated:
                descriptions[code] = product_texts[code] = None
                continue
            descriptions[code] = SUMMARIES[0][index].format(
                p=products[0][index], p2=products[1][index]
            )
            product_texts[code] = "; ".join(product[index] for product in products)
        created = now - timedelta(days=rng.uniform(300, 1500))
        row = (
            number,
            "firm" if rng.random() < 0.9 else rng.choice(["university", "agency", "training"]),
            name,
            f"bench-{number}",
            legal_form,
            "",
            "",
            "",
            "",
            country,
            "podlaskie" if country == "PL" else "",
            rng.choice(towns),
            f"ul. Przemysłowa {rng.randint(1, 200)}" if country == "PL" else "",
            f"15-{rng.randint(100, 999)}" if country == "PL" else "",
            f"{53.1 + rng.uniform(-0.9, 1.0):.5f}" if country == "PL" else None,
            f"{23.0 + rng.uniform(-0.8, 0.8):.5f}" if country == "PL" else None,
            f"https://bench-{number}.example.com/",
            f"biuro@bench-{number}.example.com",
            "",
            rng.choice(["micro", "small", "medium", "large"]),
            rng.randint(2, 900),
            rng.randint(1950, 2024),
            descriptions["pl"],
            *(descriptions[code] for code in LANGUAGES),
            product_texts["pl"],
            *(product_texts[code] for code in LANGUAGES),
            ",".join(sorted(rng.sample(TARGETS, 2))),
            "pl,en",
            "",
            True,
            created,
            created,
        )
        yield row, cluster


def _offer_texts(rng, kind, cluster):
    """The offer's four texts in every language: {field: [text per language]}."""
    products_of = DAIRY_PRODUCTS if cluster == "dairy" else MACHINERY_PRODUCTS
    main, second = rng.sample(products_of, 2)
    summary = rng.choice(SUMMARIES)
    sentences = rng.sample(SENTENCES, 3)
    partner = rng.choice(PARTNERS)
    texts = {field: [] for field in FIELDS}
    for index in range(len(LANGUAGES)):
        values = {"p": main[index], "p2": second[index]}
        title = TITLES[kind][index].format(**values)
        texts["title"].append(title[0].upper() + title[1:])
        texts["summary"].append(summary[index].format(**values))
        texts["description"].append(
            " ".join(sentence[index].format(**values) for sentence in sentences[:2])
            + "\n\n"
            + sentences[2][index].format(**values)
        )
        texts["partner_sought"].append(partner[index])
    return texts, main


def _offer_rows(rng, first_id, count, now, organisation_ids):
    """Offers: (row, translation rows, cluster slug)."""
    sources = list(SOURCE_WEIGHTS)
    weights = list(SOURCE_WEIGHTS.values())
    for number in range(first_id, first_id + count):
        kind = rng.choice(KINDS)
        cluster = rng.choice(["dairy", "agricultural-machinery"])
        texts, main = _offer_texts(rng, kind, cluster)
        source = rng.choices(sources, weights)[0]
        translated = number % 4 == 0  # a quarter: every language
        source_index = LANGUAGES.index(source)
        columns = []
        for field in FIELDS:
            in_languages = [
                text if translated or code == source else None
                for code, text in zip(LANGUAGES, texts[field], strict=True)
            ]
            columns.extend([texts[field][source_index], *in_languages])
        digest = hashlib.sha256(
            "\x1f".join(texts[field][source_index] for field in FIELDS).encode()
        ).hexdigest()
        published = now - timedelta(days=rng.uniform(0, 300))
        row = (
            number,
            f"OF-2026-{number:06d}",
            rng.choice(organisation_ids),
            kind,
            json.dumps(rng.sample(COOPERATION, rng.randint(1, 3))),
            *columns,
            source,
            ",".join(sorted(rng.sample(TARGETS, rng.randint(1, 3)))),
            f"{main[source_index]}, {'mleczarstwo' if cluster == 'dairy' else 'maszyny rolnicze'}",
            rng.random() < 0.1,
            "published",
            True,
            published,
            published + timedelta(days=365),
            "",
            published - timedelta(days=rng.uniform(1, 10)),
            published,
        )
        translations = [
            (
                number,
                code,
                "source" if code == source else "human" if translated else "missing",
                "human" if code == source or translated else "",
                digest if code == source or translated else "",
                published,
            )
            for code in LANGUAGES
        ]
        yield row, translations, cluster


def fill_database(*, organisations, offers, seed=2026, now=None):
    """Add organisations and live offers to the default database with COPY; ANALYZE.

    Offer numbers (and references OF-2026-NNNNNN) follow the highest id already
    there. The GIN indexes are dropped during the copy and made again after it.
    Returns the seconds taken by each stage.
    """
    from django.db import connection, transaction

    from companies.models import Activity, Cluster

    rng = random.Random(seed)
    now = now or datetime.now(UTC)
    clusters = dict(Cluster.objects.filter(slug__in=["dairy", "agricultural-machinery"])
                    .values_list("slug", "id"))  # fmt: skip
    if len(clusters) != 2:
        raise RuntimeError("The clusters 'dairy' and 'agricultural-machinery' are missing.")
    activities = dict(
        Activity.objects.filter(code__in=["10.51", "28.30"]).values_list("code", "id")
    )
    activity_of = {
        "dairy": activities.get("10.51"),
        "agricultural-machinery": activities.get("28.30"),
    }
    timings = {}
    started = time.monotonic()
    with transaction.atomic(), connection.cursor() as cursor:
        tables = ["companies_organisation", "offers_offer"]
        indexes = _gin_indexes(cursor, tables)
        for name, _definition in indexes:
            cursor.execute(f'DROP INDEX "{name}"')

        cursor.execute("SELECT coalesce(max(id), 0) FROM companies_organisation")
        first_organisation = cursor.fetchone()[0] + 1
        organisation_clusters = []

        def organisation_rows():
            for row, cluster in _organisation_rows(
                rng, first_organisation, organisations, now, clusters
            ):
                organisation_clusters.append((row[0], cluster))
                yield row

        copy_rows(cursor, "companies_organisation", ORGANISATION_COLUMNS, organisation_rows())
        copy_rows(
            cursor,
            "companies_organisation_clusters",
            ["organisation_id", "cluster_id"],
            ((number, clusters[slug]) for number, slug in organisation_clusters),
        )
        copy_rows(
            cursor,
            "companies_organisation_activities",
            ["organisation_id", "activity_id"],
            ((number, activity_of[slug]) for number, slug in organisation_clusters
             if activity_of[slug]),
        )  # fmt: skip
        timings["organisations"] = time.monotonic() - started

        started = time.monotonic()
        cursor.execute("SELECT coalesce(max(id), 0) FROM offers_offer")
        first_offer = cursor.fetchone()[0] + 1
        organisation_ids = [number for number, _slug in organisation_clusters]
        translations, offer_clusters = [], []

        def offer_rows():
            for row, offer_translations, cluster in _offer_rows(
                rng, first_offer, offers, now, organisation_ids
            ):
                translations.extend(offer_translations)
                offer_clusters.append((row[0], cluster))
                yield row

        copy_rows(cursor, "offers_offer", OFFER_COLUMNS, offer_rows())
        copy_rows(
            cursor,
            "offers_offertranslation",
            ["offer_id", "language", "state", "origin", "source_digest", "updated_at"],
            translations,
        )
        copy_rows(
            cursor,
            "offers_offer_clusters",
            ["offer_id", "cluster_id"],
            ((number, clusters[slug]) for number, slug in offer_clusters),
        )
        copy_rows(
            cursor,
            "offers_offer_activities",
            ["offer_id", "activity_id"],
            ((number, activity_of[slug]) for number, slug in offer_clusters if activity_of[slug]),
        )
        for table in ["companies_organisation", "offers_offer"]:
            # Our own table names, not input.
            query = f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"  # noqa: E501, S608
            cursor.execute(query)
        timings["offers"] = time.monotonic() - started

        started = time.monotonic()
        # Check the deferred foreign keys now: an index is not made on a table with
        # checks pending.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
        for _name, definition in indexes:
            cursor.execute(definition)
        timings["GIN indexes"] = time.monotonic() - started

    started = time.monotonic()
    with connection.cursor() as cursor:
        for table in [
            "companies_organisation",
            "companies_organisation_clusters",
            "offers_offer",
            "offers_offertranslation",
            "offers_offer_clusters",
        ]:
            cursor.execute(f"ANALYZE {table}")
    timings["ANALYZE"] = time.monotonic() - started
    return timings


# ---------------------------------------------------------------------------
# Regional statistics for the cluster analysis page

# The analysis page measured reads these: the dairy industry (NACE group 10.5, the
# dairy cluster's statistics activity), its two bases and four indicators, for
# STATISTICS_REGIONS NUTS 3 regions over STATISTICS_YEARS years.
STATISTICS_REGIONS = 300
STATISTICS_YEARS = 10
STATISTICS_LAST_YEAR = 2024
STATISTICS_NACE = ("10.5", "C", "TOTAL")
STATISTICS_INDICATORS = ("employees", "enterprises", "value_added", "wages")
STATISTICS_SOURCE = "bench: invented figures"
# The countries of the bench's regions: Poland and the partners.
STATISTICS_COUNTRIES = ("PL", "IT", "DE", "CZ", "HU", "RO", "BG", "AT")
REGION_COLUMNS = [
    "id", "code", "level", "name", *(f"name_{code}" for code in LANGUAGES), "country",
    "parent_id", "added_by_id",
]  # fmt: skip
FIGURE_COLUMNS = [
    "id", "region_id", "nace", "year", "indicator", "value", "status", "flags", "source",
    "statistics_import_id",
]  # fmt: skip


def statistics_region_codes(count, taken=()):
    """`count` NUTS 3 codes (a country's two letters and three digits, 1 to 9) of the
    bench's countries in turn, none of them in `taken`."""
    codes = []
    number = 0
    while len(codes) < count:
        for country in STATISTICS_COUNTRIES:
            digits = f"{1 + number // 81}{1 + number // 9 % 9}{1 + number % 9}"
            code = country + digits
            if code not in taken and len(codes) < count:
                codes.append(code)
        number += 1
    return codes


def _figure_values(rng, years):
    """{(nace, year, indicator): value or None (confidential)} of one region."""
    total = rng.randint(40_000, 600_000)
    manufacturing_share = rng.uniform(0.12, 0.32)
    # A few regions hold most of the dairy industry, as in the Observatory's maps.
    dairy_share = rng.choice([0.01, 0.02, 0.03, 0.05, 0.12]) * rng.uniform(0.5, 1.5)
    growth = {nace: rng.uniform(-0.02, 0.04) for nace in STATISTICS_NACE}
    productivity = rng.uniform(15.0, 70.0)  # thousand euro of value added per person
    values = {}
    for offset, year in enumerate(years):
        employees = {"TOTAL": total * (1 + growth["TOTAL"]) ** offset}
        employees["C"] = employees["TOTAL"] * manufacturing_share * (1 + growth["C"]) ** offset
        employees["10.5"] = employees["C"] * dairy_share * (1 + growth["10.5"]) ** offset
        for nace, persons in employees.items():
            size = {"TOTAL": 8.0, "C": 18.0, "10.5": 35.0}[nace]
            values[nace, year, "employees"] = round(persons)
            values[nace, year, "enterprises"] = max(1, round(persons / size))
            # Million euro, as Eurostat's structural business statistics give them.
            values[nace, year, "value_added"] = round(persons * productivity / 1000, 1)
            values[nace, year, "wages"] = round(persons * productivity * 0.45 / 1000, 1)
    # Now and then a figure the office may not publish: kept as confidential.
    if rng.random() < 0.05:
        values["10.5", rng.choice(years), "value_added"] = None
    return values


def fill_statistics(
    *, regions=STATISTICS_REGIONS, years=STATISTICS_YEARS, last_year=STATISTICS_LAST_YEAR, seed=2026
):
    """Add `regions` NUTS 3 regions and `years` years of figures with COPY; ANALYZE.

    The figures are the dairy industry's (10.5), manufacturing's (C) and all
    activities' (TOTAL), of STATISTICS_INDICATORS, marked with STATISTICS_SOURCE;
    a confidential figure has no value. The dairy cluster's statistics activity
    becomes 10.5 if it had none. Returns the seconds taken.
    """
    from django.db import connection, transaction

    from companies.models import Activity, Cluster, Region

    rng = random.Random(seed)
    started = time.monotonic()
    year_list = list(range(last_year - years + 1, last_year + 1))
    with transaction.atomic(), connection.cursor() as cursor:
        Cluster.objects.filter(slug="dairy", statistics_activity=None).update(
            statistics_activity=Activity.objects.get(code="10.5")
        )
        taken = set(Region.objects.values_list("code", flat=True))
        codes = statistics_region_codes(regions, taken)
        cursor.execute("SELECT coalesce(max(id), 0) FROM companies_region")
        first_region = cursor.fetchone()[0] + 1
        region_ids = range(first_region, first_region + len(codes))

        def region_rows():
            for number, code in zip(region_ids, codes, strict=True):
                name = f"Region {code}"
                yield (number, code, 3, name, *(name for _code in LANGUAGES), code[:2], None, None)

        copy_rows(cursor, "companies_region", REGION_COLUMNS, region_rows())
        cursor.execute("SELECT coalesce(max(id), 0) FROM companies_regionalfigure")
        next_figure = cursor.fetchone()[0] + 1

        def figure_rows():
            number = next_figure
            for region_id in region_ids:
                for (nace, year, indicator), value in _figure_values(rng, year_list).items():
                    status = "" if value is not None else "confidential"
                    yield (number, region_id, nace, year, indicator, value, status, "",
                           STATISTICS_SOURCE, None)  # fmt: skip
                    number += 1

        copy_rows(cursor, "companies_regionalfigure", FIGURE_COLUMNS, figure_rows())
        for table in ["companies_region", "companies_regionalfigure"]:
            # Our own table names, not input.
            query = f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"  # noqa: E501, S608
            cursor.execute(query)
    with connection.cursor() as cursor:
        for table in ["companies_region", "companies_regionalfigure"]:
            cursor.execute(f"ANALYZE {table}")
    return time.monotonic() - started


def load_statistics(*, regions=STATISTICS_REGIONS, years=STATISTICS_YEARS):
    """Fill the bench's regional statistics unless they are already there in full."""
    from companies.models import Region, RegionalFigure

    figures = RegionalFigure.objects.filter(source=STATISTICS_SOURCE)
    expected = regions * years * len(STATISTICS_NACE) * len(STATISTICS_INDICATORS)
    if figures.count() == expected:
        _say(f"reusing the regional statistics: {regions} regions, {years} years")
        return {}
    bench_regions = Region.objects.filter(figures__source=STATISTICS_SOURCE).distinct()
    region_ids = list(bench_regions.values_list("pk", flat=True))
    figures.delete()
    Region.objects.filter(pk__in=region_ids, figures=None, organisations=None).delete()
    _say(f"filling the regional statistics: {regions} regions, {years} years")
    return {"regional statistics": fill_statistics(regions=regions, years=years)}


# ---------------------------------------------------------------------------
# Query plans


def explain_search(path):
    """EXPLAIN (ANALYZE, BUFFERS) of the page of offers the list view shows for `path`.

    The queryset is the view's own: the live offers of selectors.live_offers,
    filtered by OfferFilter with the URL's parameters, first page. A search is
    read as the view reads it (portal.common.search.SearchResults): the plans of
    the keys of its ranked matches with their count and of its first page ranked,
    or of its count up to its limit and of its first page.
    """
    from django.conf import settings
    from django.http import QueryDict
    from django.utils import translation

    from offers import selectors
    from offers.filters import OfferFilter
    from portal.common.search import SearchResults, matches_read_through_indexes

    parts = urlsplit(path)
    language = parts.path.strip("/").split("/")[0]
    with translation.override(language):
        filterset = OfferFilter(
            QueryDict(parts.query),
            queryset=selectors.live_offers(language),
            language=language,
        )
        queryset = filterset.qs
        results = filterset.results(queryset)
        size = settings.DIRECTORY_PAGE_SIZE
        if not isinstance(results, SearchResults):
            plan = queryset[:size].explain(analyze=True, buffers=True)
            return queryset.count(), plan.splitlines()
        found = results.count()
        if results.ranked_order:
            # The keys of the ranked matches with their count, then those rows ranked.
            with matches_read_through_indexes():
                counted = results.first_with_count().explain(analyze=True, buffers=True)
            plan = results.ranked_rows()[:size].explain(analyze=True, buffers=True)
        else:
            with matches_read_through_indexes():
                counted = results.counted().explain(analyze=True, buffers=True)
            plan = results.matches[:size].explain(analyze=True, buffers=True)
    return found, [*counted.splitlines(), *plan.splitlines()]


def index_lines(plan_lines):
    """The nodes of a plan that read a table or an index, and the plan's times."""
    scans = re.compile(r"(Bitmap Index Scan|Bitmap Heap Scan|BitmapOr|BitmapAnd|Index Scan|"
                       r"Index Only Scan|Seq Scan)")  # fmt: skip
    nodes = [line for line in plan_lines if scans.search(line)]
    indent = min((len(line) - len(line.lstrip()) for line in nodes), default=0)
    times = [line for line in plan_lines if line.startswith(("Planning Time", "Execution Time"))]
    return [line[indent:] for line in nodes] + times


# ---------------------------------------------------------------------------
# Load with wrk

SOCKET_ERRORS = ("connect", "read", "write", "timeout")
_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0, "h": 3600000.0}


def _milliseconds(text):
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text)
    if not match:
        raise ValueError(f"not a wrk duration: {text!r}")
    return float(match.group(1)) * _UNITS_MS[match.group(2)]


def parse_wrk(output):
    """Requests per second, latency percentiles (ms) and errors from `wrk --latency`."""
    result = {}
    if match := re.search(r"Requests/sec:\s+([\d.]+)", output):
        result["rps"] = float(match.group(1))
    if match := re.search(r"(\d+) requests in ([\d.]+\w+)", output):
        result["requests"] = int(match.group(1))
    for percent in ("50", "75", "90", "99"):
        if match := re.search(rf"^\s+{percent}(?:\.0+)?%\s+(\S+)", output, re.MULTILINE):
            result[f"p{percent}"] = _milliseconds(match.group(1))
    errors = wrk_errors(output)
    result["errors"] = errors["non_2xx"] + sum(errors["socket"].values())
    if result.get("requests") == 0:  # every request outlived the run
        result.update(p50=None, p75=None, p90=None, p99=None)
    missing = {"rps", "p50", "p90", "p99"} - result.keys()
    if missing:
        raise ValueError(f"wrk output without {', '.join(sorted(missing))}:\n{output}")
    return result


def wrk_errors(output):
    """The requests wrk counts as failed, by kind.

    `non_2xx`: answers with another status ("Non-2xx or 3xx responses"); `socket`:
    connections that could not be made, read or written, and requests that
    outlived wrk's --timeout ("Socket errors"). wrk prints each line only when
    its count is not zero.
    """
    errors = {"non_2xx": 0, "socket": dict.fromkeys(SOCKET_ERRORS, 0)}
    if match := re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output):
        errors["non_2xx"] = int(match.group(1))
    if match := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    ):
        errors["socket"] = dict(zip(SOCKET_ERRORS, map(int, match.groups()), strict=True))
    return errors


def ensure_wrk():
    if shutil.which("wrk"):
        return shutil.which("wrk")
    _say("wrk is missing: apt-get install -y -qq wrk")
    command = ["apt-get", "install", "-y", "-qq", "wrk"]
    quiet = {"check": False, "stdout": subprocess.DEVNULL}
    if subprocess.run(command, **quiet).returncode != 0:  # noqa: S603
        subprocess.run(["apt-get", "update", "-qq"], **quiet)  # noqa: S607
        subprocess.run(command, **quiet)  # noqa: S603
    if not shutil.which("wrk"):
        raise SystemExit("wrk could not be installed; install the Debian package wrk (as root).")
    return shutil.which("wrk")


def run_wrk(wrk, url, *, threads, connections, duration):
    command = [
        wrk, "--latency", f"-t{threads}", f"-c{connections}", f"-d{duration}", "--timeout", "30s",
        url,
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603
    return parse_wrk(result.stdout), result.stdout


# ---------------------------------------------------------------------------
# The server


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url, timeout=30):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def start_gunicorn(*, port, workers, env, log):
    command = [
        sys.executable, "-m", "gunicorn", "portal.wsgi",
        "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--log-level", "warning",
        "--graceful-timeout", "2",  # stopping only: a measure's leftovers are not waited for
    ]  # fmt: skip
    return subprocess.Popen(  # noqa: S603
        command, cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT
    )


def wait_until_up(process, base_url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn stopped with exit code {process.returncode}")
        try:
            if _get(base_url + "/healthz", timeout=2)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not answer on {base_url} within {seconds} s")


def stop(process):
    """Stop gunicorn: its workers get --graceful-timeout to finish their request."""
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def worker_pids(master, proc=PROC):
    """The pids of the gunicorn master's children: its workers."""
    pids = []
    for children in sorted((proc / str(master) / "task").glob("*/children")):
        try:
            pids += [int(pid) for pid in children.read_text().split()]
        except FileNotFoundError:  # the thread ended meanwhile
            continue
    return pids


def peak_rss_kib(pid, proc=PROC):
    """A process's peak resident set size (VmHWM) in KiB, None once it has ended.

    It counts the pages a worker shares with the master since the fork too: it
    is what the worker holds at worst, not what it adds.
    """
    try:
        status = (proc / str(pid) / "status").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return None
    match = re.search(r"^VmHWM:\s+(\d+) kB$", status, re.MULTILINE)
    return int(match.group(1)) if match else None


def workers_peak_rss(master, proc=PROC):
    """{worker pid: peak RSS in KiB} of the master's workers still running."""
    peaks = {pid: peak_rss_kib(pid, proc) for pid in worker_pids(master, proc)}
    return {pid: kib for pid, kib in peaks.items() if kib is not None}


def wait_for_idle_database(seconds=300):
    """Wait until no other session runs a query in this database.

    A query whose worker was stopped runs on to its end: the next page's measure
    would share the processors with it.
    """
    from django.db import connection

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid() AND backend_type = 'client backend' "
                "AND state = 'active'"
            )
            if cursor.fetchone()[0] == 0:
                return
        time.sleep(0.5)


def _request_alone(url):
    """(milliseconds, None) for one request answered 200, else (None, what went wrong)."""
    started = time.monotonic()
    try:
        status, _body = _get(url, timeout=600)
    except (OSError, http.client.HTTPException) as error:
        # gunicorn kills a worker whose request takes longer than its --timeout (30 s).
        return None, f"no answer ({error.__class__.__name__}: {error})"
    if status != 200:
        return None, f"status {status}"
    return (time.monotonic() - started) * 1000, None


def measure(page, *, wrk, args, env, log):
    """One page on a fresh gunicorn: wrk's figures (with `alone`, the time of one
    request on the idle server, `problem`, wrk's errors by kind and each worker's
    peak RSS) and wrk's output.

    Two requests per worker warm them all up (and fill the page cache when it is
    on); `alone` is then the median of five requests, each alone on the server. A
    page that does not answer one request alone is not loaded with wrk.
    """
    label, path = page
    port = int(env["PORTAL_URL"].rsplit(":", 1)[1])
    base_url = f"http://127.0.0.1:{port}"
    process = start_gunicorn(port=port, workers=args.workers, env=env, log=log)
    try:
        wait_until_up(process, base_url)
        alone, problem = _request_alone(base_url + path)
        for _warm_up in range(2 * args.workers - 1):
            if problem:
                break
            alone, problem = _request_alone(base_url + path)
        timed = []
        while not problem and len(timed) < 5:
            alone, problem = _request_alone(base_url + path)
            timed.append(alone)
        if not problem:
            alone = statistics.median(timed)
        if problem:
            _say(f"{label}: {path}: {problem}; not loaded with wrk")
            figures = {"rps": 0.0, "p50": None, "p90": None, "p99": None, "errors": None}
            figures.update(non_2xx=None, socket=None)
            output = ""
        else:
            _say(f"wrk {args.duration} {label}: {path} (one request alone: {alone:.0f} ms)")
            figures, output = run_wrk(
                wrk,
                base_url + path,
                threads=args.threads,
                connections=args.connections,
                duration=args.duration,
            )
            figures.update(wrk_errors(output))
        # Before the workers stop: their peaks over the whole run.
        rss = workers_peak_rss(process.pid)
    finally:
        stop(process)
        wait_for_idle_database()
    figures.update(
        alone=alone,
        problem=problem,
        rss_kib={str(pid): kib for pid, kib in rss.items()},
        peak_rss_kib=max(rss.values(), default=None),
    )
    return figures, output


# ---------------------------------------------------------------------------
# The whole run


def _environment(port, database, cache_url):
    """Production-like settings for this process and gunicorn (page cache off)."""
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "portal.settings",
            "DATABASE_URL": f"postgres:///{database}",
            "DEBUG": "false",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "PORTAL_URL": f"http://127.0.0.1:{port}",
            "HTTPS": "false",
            "CACHE_URL": cache_url,
            **RUNS["uncached"],
        }
    )
    env.pop("STATICFILES_BACKEND", None)  # whitenoise's compressed manifest storage
    return env


def prepare_database(fresh, database):
    import psycopg2
    from psycopg2 import sql

    admin = psycopg2.connect(dbname="postgres")
    admin.autocommit = True
    try:
        with admin.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database])
            exists = cursor.fetchone() is not None
            if exists and fresh:
                _say(f"dropping database {database}")
                cursor.execute(sql.SQL("DROP DATABASE {}").format(sql.Identifier(database)))
                exists = False
            if not exists:
                _say(f"creating database {database}")
                cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database)))
    finally:
        admin.close()


def empty_cache(cache_url):
    """Empty the bench's Redis database, so that every run starts with a cold cache."""
    import redis

    client = redis.Redis.from_url(cache_url)
    try:
        client.flushdb()
    except redis.RedisError as error:
        raise SystemExit(f"the cache {cache_url} does not answer ({error}); start Redis") from None
    finally:
        client.close()


def load_data(*, organisations, offers, regions=STATISTICS_REGIONS, years=STATISTICS_YEARS):
    """Fill the bench database unless it already holds exactly this much data: the
    organisations and offers, and the regional statistics."""
    timings = load_directory(organisations=organisations, offers=offers)
    timings.update(load_statistics(regions=regions, years=years))
    return timings


def load_directory(*, organisations, offers):
    """Fill the organisations and offers unless the database holds exactly so many."""
    from django.db import connection

    from companies.models import Organisation
    from offers.models import Offer
    from offers.search import refresh_search_words

    database = connection.settings_dict["NAME"]
    have = (Organisation.objects.count(), Offer.objects.count())
    if have == (organisations, offers):
        _say(f"reusing {database}: {offers} offers, {organisations} organisations")
        return {}
    if any(have):
        _say(f"emptying {database} (it held {have[1]} offers, {have[0]} organisations)")
        with connection.cursor() as cursor:
            cursor.execute("TRUNCATE companies_organisation, offers_offer CASCADE")
    _say(f"filling {database}: {offers} offers, {organisations} organisations")
    timings = fill_database(organisations=organisations, offers=offers)
    started = time.monotonic()
    with connection.cursor() as cursor:
        # What autovacuum does soon after on a server: the visibility map lets
        # the list's count read only the index on (status, expires_at).
        cursor.execute("VACUUM offers_offer")
    timings["VACUUM"] = time.monotonic() - started
    started = time.monotonic()
    refresh_search_words()
    timings["search words"] = time.monotonic() - started
    _say("  " + ", ".join(f"{stage} {seconds:.1f} s" for stage, seconds in timings.items()))
    return timings


def offer_reference():
    """A live offer translated into every language, in the middle of the list."""
    from offers.models import Offer, OfferTranslation

    live = Offer.objects.live().filter(
        translations__language="it", translations__state=OfferTranslation.State.HUMAN
    )
    total = live.count()
    if not total:
        raise RuntimeError("no live translated offer in the bench database")
    return live.order_by("pk").values_list("reference", flat=True)[total // 2]


def organisation_slug():
    """A published organisation described in every language, in the middle of the list."""
    from companies.models import Organisation

    described = Organisation.objects.published().filter(description_it__gt="")
    total = described.count()
    if not total:
        raise RuntimeError("no published translated organisation in the bench database")
    return described.order_by("pk").values_list("slug", flat=True)[total // 2]


def _number(value, digits=1):
    return "-" if value is None else f"{value:.{digits}f}"


def _socket_errors(socket):
    """The socket errors' total, with the kinds that occurred: `3 (read 2, timeout 1)`."""
    if socket is None:
        return "-"
    total = sum(socket.values())
    kinds = ", ".join(f"{kind} {count}" for kind, count in socket.items() if count)
    return f"{total} ({kinds})" if total else "0"


def _mib(kib):
    return None if kib is None else kib / 1024


def failures(runs):
    """(page, run, what went wrong) of every run with an error or that was not loaded."""
    found = []
    for run_name, results in runs.items():
        for label, figures in results.items():
            if figures["problem"]:
                found.append((label, run_name, figures["problem"]))
            elif figures["errors"]:
                found.append((label, run_name, f"{figures['errors']} errors"))
    return found


def peak_rss(runs):
    """The highest peak RSS (KiB) of a worker per page, over its runs, and overall."""
    per_page = {}
    for results in runs.values():
        for label, figures in results.items():
            peaks = [per_page.get(label), figures.get("peak_rss_kib")]
            per_page[label] = max((kib for kib in peaks if kib is not None), default=None)
    overall = max((kib for kib in per_page.values() if kib is not None), default=None)
    return per_page, overall


def format_table(runs):
    """A markdown table of every page in every run ({run: {page: figures}}).

    A page's rows are side by side, one per run; its ratios are to /healthz of
    the same run. Below: the highest peak RSS of a worker, and every run that
    had errors or could not be loaded.
    """
    lines = [
        "| page | run | req/s | p50 ms | p90 ms | p99 ms | req/s ratio | p50 ratio | alone ms "
        "| non-2xx | socket errors | peak RSS MiB |",
        "|:--|:--|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    labels = list(dict.fromkeys(label for results in runs.values() for label in results))
    for label in labels:
        for run_name, results in runs.items():
            if label not in results:
                continue
            figures, health = results[label], results[HEALTH_PAGE[0]]
            rps_ratio = figures["rps"] / health["rps"] if health["rps"] else None
            p50_ratio = figures["p50"] / health["p50"] if figures["p50"] and health["p50"] else None
            cells = [
                label,
                run_name,
                _number(figures["rps"]),
                _number(figures["p50"]),
                _number(figures["p90"]),
                _number(figures["p99"]),
                _number(rps_ratio, 3),
                _number(p50_ratio) + "x" if p50_ratio else "-",
                _number(figures["alone"], 0),
                "-" if figures.get("non_2xx") is None else str(figures["non_2xx"]),
                _socket_errors(figures.get("socket")),
                _number(_mib(figures.get("peak_rss_kib"))),
            ]
            lines.append("| " + " | ".join(cells) + " |")
    per_page, overall = peak_rss(runs)
    if overall is not None:
        highest = next(label for label, kib in per_page.items() if kib == overall)
        lines += ["", f"Highest peak RSS of a worker: {_mib(overall):.1f} MiB ({highest})."]
    failed = failures(runs)
    if failed:
        lines += ["", "Runs with errors:"]
        lines += [f"- {label} ({run_name}): {what}" for label, run_name, what in failed]
    else:
        lines += ["", "No errors in any run."]
    return "\n".join(lines)


def targets(runs, targets_ms=ALONE_TARGETS_MS):
    """Each page with a target: its time alone in the run without the page cache,
    the target and whether it was met (None when the page was not measured)."""
    results = runs.get("uncached", {})
    found = []
    for label, target in targets_ms.items():
        if label not in results:
            continue
        alone = results[label]["alone"]
        met = None if alone is None or results[label]["problem"] else alone < target
        found.append({"page": label, "alone_ms": alone, "target_ms": target, "met": met})
    return found


def format_targets(checked):
    """The report's lines on the targets of one request alone ([] without any)."""
    if not checked:
        return []
    lines = ["Targets, one request alone without the page cache:", ""]
    for target in checked:
        verdict = {True: "met", False: "MISSED", None: "not measured"}[target["met"]]
        lines.append(
            f"- {target['page']}: {_number(target['alone_ms'], 0)} ms, "
            f"target under {target['target_ms']} ms: {verdict}"
        )
    return lines


def git_commit():
    """The short hash of the checked-out commit, with `-dirty` when the code differs."""

    def git(*arguments):
        command = ["git", *arguments]
        result = subprocess.run(command, cwd=BASE_DIR, capture_output=True, text=True)  # noqa: S603
        return result.stdout.strip() if result.returncode == 0 else None

    commit = git("rev-parse", "--short", "HEAD")
    if commit is None:
        return "unknown"
    changed = git("status", "--porcelain", "--untracked-files=no", "--", ".", ":!bench/results")
    return f"{commit}-dirty" if changed else commit


def save_results(*, report, data, stamp, commit, results_dir=RESULTS_DIR):
    """Write <stamp>-<commit>.md (the report) and .json (every figure); latest.md too."""
    results_dir.mkdir(parents=True, exist_ok=True)
    base = results_dir / f"{stamp}-{commit}"
    markdown = report + "\n"
    base.with_suffix(".md").write_text(markdown)
    base.with_suffix(".json").write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    (results_dir / "latest.md").write_text(markdown)
    return base.with_suffix(".md"), base.with_suffix(".json")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default=DATABASE_NAME, help="the database to fill and serve")
    parser.add_argument("--fresh", action="store_true", help="drop and re-create the database")
    parser.add_argument("--offers", type=int, default=100_000)
    parser.add_argument("--organisations", type=int, default=10_000)
    parser.add_argument("--regions", type=int, default=STATISTICS_REGIONS, help="NUTS 3 regions")
    parser.add_argument("--years", type=int, default=STATISTICS_YEARS, help="years of figures")
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections")
    parser.add_argument("--duration", default="10s", help="wrk duration of each page")
    parser.add_argument(
        "--cache-url", default=CACHE_URL, help="a Redis database of the bench's own (emptied)"
    )
    args = parser.parse_args(argv)

    started_at = datetime.now(UTC)
    load_at_start = os.getloadavg()
    commit = git_commit()
    wrk = ensure_wrk()
    port = _free_port()
    env = _environment(port, args.database, args.cache_url)
    os.environ.update(env)
    sys.path.insert(0, str(BASE_DIR))
    empty_cache(args.cache_url)
    prepare_database(args.fresh, args.database)

    import django
    from django.core.management import call_command

    django.setup()
    _say("migrating")
    call_command("migrate", interactive=False, verbosity=0)
    timings = load_data(
        organisations=args.organisations, offers=args.offers, regions=args.regions, years=args.years
    )
    _say("collecting static files")
    call_command("collectstatic", interactive=False, verbosity=0)
    found = {"reference": offer_reference(), "organisation": organisation_slug()}
    pages = [(label, path.format(**found)) for label, path in PAGES]

    stamp = started_at.strftime("%Y%m%d-%H%M%S")
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    log_path = RESULTS_DIR / f"{stamp}-{commit}-gunicorn.log"
    runs = {run_name: {} for run_name in RUNS}
    outputs = {run_name: {} for run_name in RUNS}
    load_before = os.getloadavg()[0]
    _say(f"each page: a fresh gunicorn with {args.workers} workers on port {port}")
    with log_path.open("w") as log:
        for run_name, settings in RUNS.items():
            _say(f"{run_name}: " + ", ".join(f"{name}={value}" for name, value in settings.items()))
            for label, path in pages:
                empty_cache(args.cache_url)
                runs[run_name][label], outputs[run_name][label] = measure(
                    (label, path), wrk=wrk, args=args, env={**env, **settings}, log=log
                )

    plans = [(path, *explain_search(path)) for path in EXPLAINED]
    conn_max_age = env.get("CONN_MAX_AGE", "60 (default)")
    fragments = env.get("FRAGMENT_CACHE_SECONDS", "300 (default)")
    settings_line = (
        f"{args.offers} offers, {args.organisations} organisations; "
        f"{args.regions} regions, {args.years} years of regional figures; gunicorn {args.workers} "
        f"sync workers; wrk -t{args.threads} -c{args.connections} -d{args.duration}; "
        f"{os.cpu_count()} CPUs; CONN_MAX_AGE={conn_max_age}; "
        f"FRAGMENT_CACHE_SECONDS={fragments} in both runs; "
        f"runs: uncached PAGE_CACHE_SECONDS={RUNS['uncached']['PAGE_CACHE_SECONDS']}, "
        f"cached PAGE_CACHE_SECONDS={RUNS['cached']['PAGE_CACHE_SECONDS']}; "
        f"CACHE_URL={args.cache_url}"
    )
    report = [
        f"# Portal benchmark {started_at:%Y-%m-%d %H:%M} UTC, commit {commit}",
        "",
        settings_line,
        "",
        f"Load average (1, 5, 15 min) at the start: {', '.join(f'{v:.2f}' for v in load_at_start)};"
        f" (1 min) before the pages: {load_before:.2f}.",
    ]
    if timings:
        report += [
            "",
            "Fill: " + ", ".join(f"{stage} {seconds:.1f} s" for stage, seconds in timings.items()),
        ]
    report += ["", "Pages:", ""]
    report += [f"- {label}: `{path}`" for label, path in pages]
    report += ["", format_table(runs), ""]
    checked = targets(runs)
    if checked:
        report += [*format_targets(checked), ""]
    for path, count, lines in plans:
        query = parse_qs(urlsplit(path).query).get("q", [""])[0]
        words = f"q={query!r}, " if query else ""
        report += [f"Plan of `{path}` ({words}{count} offers found):", "", "```"]
        report += index_lines(lines)
        report += ["```", ""]
    _say("\n" + "\n".join(report))

    per_page, overall = peak_rss(runs)
    failed = failures(runs)
    data = {
        "date": started_at.isoformat(timespec="seconds"),
        "commit": commit,
        "machine": {"cpus": os.cpu_count(), "load_average_at_start": list(load_at_start)},
        "load_average_before_pages": load_before,
        "settings": {
            "database": args.database,
            "offers": args.offers,
            "organisations": args.organisations,
            "regions": args.regions,
            "years": args.years,
            "gunicorn_workers": args.workers,
            "wrk": {
                "threads": args.threads,
                "connections": args.connections,
                "duration": args.duration,
            },
            "conn_max_age": conn_max_age,
            "cache_url": args.cache_url,
            "runs": RUNS,
        },
        "fill_seconds": timings,
        "pages": dict(pages),
        "runs": runs,
        "peak_rss_kib": {"per_page": per_page, "overall": overall},
        "targets": checked,
        "failures": [
            {"page": label, "run": run_name, "problem": what} for label, run_name, what in failed
        ],
        "plans": [{"path": path, "found": count, "lines": lines} for path, count, lines in plans],
        "wrk_output": outputs,
    }
    markdown_path, json_path = save_results(
        report="\n".join(report).rstrip(), data=data, stamp=stamp, commit=commit
    )
    _say(
        f"saved in {markdown_path.relative_to(BASE_DIR)}, {json_path.relative_to(BASE_DIR)} "
        f"and bench/results/latest.md"
    )
    if failed:
        raise SystemExit(f"{len(failed)} runs had errors")


if __name__ == "__main__":
    main()

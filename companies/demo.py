"""Demo data for `make run`: fictional firms and institutions of the clusters, and a
sample of regional statistics for the cluster analysis.

Every name, address, identifier and person here is invented. Identifiers get
valid check digits so that the demo passes the same validation as real data.
The regional figures are invented too, of plausible size, and say so in their
source: they are not official statistics.
"""

import datetime
import random
from decimal import Decimal

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext_noop
from stdnum.eu import vat
from stdnum.pl import nip, regon

from companies.analysis.regions import nuts_region_for
from companies.models import (
    Activity,
    Certification,
    Cluster,
    ContactPerson,
    Organisation,
    Region,
    RegionalFigure,
    StatisticsImport,
)

CONSENT_AT = datetime.datetime(2026, 1, 15, 10, 0, tzinfo=datetime.UTC)

# town: (country, region, postal code, latitude, longitude)
TOWNS = {
    "Białystok": ("PL", "Podlaskie", "15-001", "53.13249", "23.16884"),
    "Łomża": ("PL", "Podlaskie", "18-400", "53.17806", "22.05903"),
    "Suwałki": ("PL", "Podlaskie", "16-400", "54.11175", "22.93088"),
    "Wysokie Mazowieckie": ("PL", "Podlaskie", "18-200", "52.91667", "22.51667"),
    "Zambrów": ("PL", "Podlaskie", "18-300", "52.98573", "22.24312"),
    "Grajewo": ("PL", "Podlaskie", "19-200", "53.64734", "22.45489"),
    "Mońki": ("PL", "Podlaskie", "19-100", "53.40407", "22.79849"),
    "Bielsk Podlaski": ("PL", "Podlaskie", "17-100", "52.76530", "23.18653"),
    "Hajnówka": ("PL", "Podlaskie", "17-200", "52.74329", "23.58115"),
    "Kolno": ("PL", "Podlaskie", "18-500", "53.41167", "21.93333"),
    "Siemiatycze": ("PL", "Podlaskie", "17-300", "52.42718", "22.86256"),
    "Sokółka": ("PL", "Podlaskie", "16-100", "53.40640", "23.50290"),
    "Augustów": ("PL", "Podlaskie", "16-300", "53.84321", "22.97980"),
    "Piątnica": ("PL", "Podlaskie", "18-421", "53.19944", "22.09222"),
    "Choroszcz": ("PL", "Podlaskie", "16-070", "53.14437", "22.98546"),
    "Łapy": ("PL", "Podlaskie", "18-100", "52.99079", "22.88470"),
    "Kleosin": ("PL", "Podlaskie", "16-001", "53.10437", "23.11659"),
    "Cremona": ("IT", "Lombardia", "26100", "45.13325", "10.02422"),
    "Lodi": ("IT", "Lombardia", "26900", "45.31443", "9.50373"),
    "Reggio Emilia": ("IT", "Emilia-Romagna", "42121", "44.69825", "10.63125"),
    "Parma": ("IT", "Emilia-Romagna", "43121", "44.80151", "10.32798"),
    "San Daniele del Friuli": ("IT", "Friuli-Venezia Giulia", "33038", "46.15694", "13.01083"),
    "Pescara": ("IT", "Abruzzo", "65121", "42.46179", "14.21609"),
    "Ancona": ("IT", "Marche", "60121", "43.61582", "13.51883"),
    "Graz": ("AT", "Steiermark", "8010", "47.07071", "15.43950"),
    "Linz": ("AT", "Oberösterreich", "4020", "48.30694", "14.28583"),
    "Wels": ("AT", "Oberösterreich", "4600", "48.16667", "14.03333"),
    "Debrecen": ("HU", "Hajdú-Bihar", "4024", "47.53160", "21.62731"),
    "Győr": ("HU", "Győr-Moson-Sopron", "9021", "47.68746", "17.65040"),
    "Kecskemét": ("HU", "Bács-Kiskun", "6000", "46.90618", "19.69128"),
    "Cluj-Napoca": ("RO", "Cluj", "400001", "46.77122", "23.62363"),
    "Timișoara": ("RO", "Timiș", "300001", "45.75372", "21.22571"),
    "Plovdiv": ("BG", "Пловдив", "4000", "42.14354", "24.74966"),
    "Ruse": ("BG", "Русе", "7000", "43.84871", "25.95338"),
    "Brno": ("CZ", "Jihomoravský kraj", "602 00", "49.19522", "16.60796"),
    "Olomouc": ("CZ", "Olomoucký kraj", "779 00", "49.59552", "17.25175"),
    "Jihlava": ("CZ", "Kraj Vysočina", "586 01", "49.39610", "15.59124"),
}

DAIRY = "dairy"
MACHINERY = "agricultural-machinery"

# Each organisation: name, kind, legal form, town, clusters, NACE codes, size,
# persons employed, year founded, certifications, export markets, languages
# spoken, and texts: {language: (description, products and services)}.
ORGANISATIONS = [
    # Dairy firms of Podlaskie.
    (
        "Spółdzielnia Mleczarska Narew",
        "firm",
        "spółdzielnia mleczarska",
        "Łomża",
        [DAIRY],
        ["10.51"],
        "large",
        820,
        1928,
        ["iso-22000", "ifs-food", "brcgs-food-safety"],
        ["DE", "IT", "CZ", "HU"],
        "pl,en,de",
        {
            "pl": (
                "Spółdzielnia skupuje mleko od ponad dwóch tysięcy gospodarstw z doliny Narwi. "
                "Produkujemy sery dojrzewające, masło i mleko w proszku, które eksportujemy do "
                "kilkunastu krajów Unii Europejskiej.",
                "Sery dojrzewające typu gouda i edam, masło ekstra, mleko w proszku.",
            ),
            "en": (
                "The cooperative buys milk from over two thousand farms of the Narew valley. "
                "We make ripened cheeses, butter and milk powder, exported to a dozen EU "
                "countries.",
                "Gouda and Edam type ripened cheeses, butter, milk powder.",
            ),
            "it": (
                "La cooperativa raccoglie il latte di oltre duemila aziende agricole della valle "
                "del Narew. Produciamo formaggi stagionati, burro e latte in polvere.",
                "Formaggi stagionati tipo gouda ed edam, burro, latte in polvere.",
            ),
        },
    ),
    (
        "Mleczarnia Biebrza",
        "firm",
        "spółka z o.o.",
        "Grajewo",
        [DAIRY],
        ["10.51"],
        "medium",
        210,
        1995,
        ["iso-9001", "haccp"],
        ["LT", "LV", "DE"],
        "pl,ru,en",
        {
            "pl": (
                "Rodzinna mleczarnia znad Biebrzy. Wytwarzamy twarogi, jogurty i kefiry z mleka "
                "od okolicznych rolników, bez konserwantów.",
                "Twaróg półtłusty, jogurt naturalny, kefir, śmietana 18%.",
            ),
        },
    ),
    (
        "Serowar Podlaski",
        "firm",
        "spółka jawna",
        "Wysokie Mazowieckie",
        [DAIRY],
        ["10.51"],
        "small",
        38,
        2009,
        ["haccp"],
        ["IT"],
        "pl,it",
        {
            "pl": (
                "Mała serowarnia rzemieślnicza. Robimy sery długo dojrzewające z mleka krowiego "
                "według własnych receptur, nagradzane na targach w Polsce i we Włoszech.",
                "Sery długo dojrzewające, ser korycinski, sery z ziołami.",
            ),
            "it": (
                "Piccolo caseificio artigianale. Produciamo formaggi a lunga stagionatura da "
                "latte vaccino secondo ricette proprie.",
                "Formaggi a lunga stagionatura, formaggi alle erbe.",
            ),
        },
    ),
    (
        "Lody Kleosin",
        "firm",
        "spółka z o.o.",
        "Kleosin",
        [DAIRY],
        ["10.52"],
        "small",
        45,
        2004,
        ["iso-22000"],
        ["LT", "BY"],
        "pl,en",
        {
            "pl": (
                "Wytwórnia lodów tradycyjnych i rzemieślniczych na mleku z Podlasia. Dostarczamy "
                "lody do kawiarni, hoteli i sieci handlowych.",
                "Lody śmietankowe, sorbety, desery lodowe.",
            ),
        },
    ),
    (
        "Proszkownia Zambrów",
        "firm",
        "spółka akcyjna",
        "Zambrów",
        [DAIRY],
        ["10.51"],
        "large",
        340,
        1976,
        ["fssc-22000", "iso-14001"],
        ["DE", "NL", "CZ", "RO", "BG"],
        "pl,en,de",
        {
            "pl": (
                "Jeden z największych w regionie producentów mleka w proszku i serwatki. Suszarnia "
                "rozpyłowa przerabia 1,2 mln litrów mleka dziennie.",
                "Mleko w proszku pełne i odtłuszczone, serwatka w proszku, laktoza.",
            ),
            "en": (
                "One of the region's largest producers of milk and whey powder. Our spray dryer "
                "processes 1.2 million litres of milk a day.",
                "Whole and skimmed milk powder, whey powder, lactose.",
            ),
            "de": (
                "Einer der größten Hersteller von Milch- und Molkenpulver in der Region. Der "
                "Sprühtrockner verarbeitet täglich 1,2 Millionen Liter Milch.",
                "Voll- und Magermilchpulver, Molkenpulver, Laktose.",
            ),
        },
    ),
    (
        "Pasze Mońki",
        "firm",
        "spółka z o.o.",
        "Mońki",
        [DAIRY],
        ["10.91"],
        "medium",
        95,
        1998,
        ["iso-9001"],
        ["LT"],
        "pl",
        {
            "pl": (
                "Wytwórnia pasz dla bydła mlecznego. Doradzamy hodowcom w układaniu dawek "
                "żywieniowych, które zwiększają wydajność mleczną stada.",
                "Mieszanki paszowe dla krów mlecznych, koncentraty, premiksy mineralne.",
            ),
        },
    ),
    (
        "Hurtownia Nabiału Podlasie",
        "firm",
        "spółka z o.o.",
        "Białystok",
        [DAIRY],
        ["46.33"],
        "small",
        27,
        2001,
        [],
        ["LT", "LV"],
        "pl,ru",
        {
            "pl": (
                "Hurtownia nabiału obsługująca sklepy i gastronomię w województwie podlaskim. "
                "Własna flota chłodni i magazyn w Białymstoku.",
                "Dystrybucja serów, masła, jogurtów i mleka; logistyka chłodnicza.",
            ),
        },
    ),
    (
        "Inox-Mlek",
        "firm",
        "spółka z o.o.",
        "Łapy",
        [DAIRY],
        ["28.93"],
        "medium",
        120,
        1992,
        ["iso-9001", "ce-marking"],
        ["DE", "UA", "CZ"],
        "pl,en,de",
        {
            "pl": (
                "Projektujemy i wykonujemy urządzenia ze stali nierdzewnej dla mleczarni: "
                "zbiorniki, pasteryzatory i linie do produkcji serów.",
                "Zbiorniki na mleko, pasteryzatory płytowe, wanny serowarskie, mycie CIP.",
            ),
            "en": (
                "We design and build stainless-steel equipment for dairies: tanks, pasteurisers "
                "and cheese production lines.",
                "Milk tanks, plate pasteurisers, cheese vats, CIP cleaning.",
            ),
        },
    ),
    (
        "Gospodarstwo Mleczne Kowalczyk",
        "firm",
        "jednoosobowa działalność gospodarcza",
        "Kolno",
        [DAIRY],
        ["01.41"],
        "micro",
        6,
        1990,
        ["eu-organic"],
        [],
        "pl",
        {
            "pl": (
                "Ekologiczne gospodarstwo mleczne ze stadem 80 krów rasy holsztyńsko-fryzyjskiej. "
                "Szukamy odbiorców mleka ekologicznego.",
                "Mleko ekologiczne, cielęta hodowlane.",
            ),
        },
    ),
    (
        "Mleczarnia Piątnica Dolna",
        "firm",
        "spółka z o.o.",
        "Piątnica",
        [DAIRY],
        ["10.51"],
        "medium",
        180,
        2003,
        ["brcgs-food-safety", "iso-22000"],
        ["IT", "DE", "AT"],
        "pl,en,it",
        {
            "pl": (
                "Produkujemy serki homogenizowane i twarogi kanapkowe sprzedawane w całej Polsce. "
                "Nowa linia do pakowania pozwala na produkcję pod marką własną odbiorcy.",
                "Serki homogenizowane, twarożki kanapkowe, produkcja pod marką odbiorcy.",
            ),
            "cs": (
                "Vyrábíme tvarohové krémy a pomazánky prodávané po celém Polsku. Nabízíme "
                "výrobu pod privátní značkou.",
                "Tvarohové krémy, pomazánky, výroba pod privátní značkou.",
            ),
        },
    ),
    (
        "Kozi Ser Hajnówka",
        "firm",
        "spółka cywilna",
        "Hajnówka",
        [DAIRY],
        ["10.51"],
        "micro",
        8,
        2014,
        ["eu-organic"],
        ["DE"],
        "pl,de",
        {
            "pl": (
                "Serowarnia przy gospodarstwie kozim na skraju Puszczy Białowieskiej. Sery "
                "kozie świeże i dojrzewające.",
                "Sery kozie, jogurt kozi.",
            ),
        },
    ),
    (
        "Transmlek",
        "firm",
        "spółka z o.o.",
        "Siemiatycze",
        [DAIRY],
        ["46.33"],
        "small",
        40,
        2007,
        [],
        ["LT", "DE"],
        "pl,en",
        {
            "pl": (
                "Transport mleka surowego i wyrobów mleczarskich cysternami i chłodniami. Odbiór "
                "mleka od rolników w całym regionie.",
                "Transport mleka, logistyka chłodnicza.",
            ),
        },
    ),
    (
        "Masło Suwalskie",
        "firm",
        "spółdzielnia mleczarska",
        "Suwałki",
        [DAIRY],
        ["10.51"],
        "medium",
        150,
        1948,
        ["ifs-food"],
        ["LT", "DE", "HU"],
        "pl,lt,en",
        {
            "pl": (
                "Spółdzielnia znana z masła i serów topionych. Współpracujemy z przetwórcami z "
                "Litwy i Niemiec.",
                "Masło, sery topione, mleko spożywcze.",
            ),
            "en": (
                "A cooperative known for its butter and processed cheese, working with "
                "processors in Lithuania and Germany.",
                "Butter, processed cheese, drinking milk.",
            ),
        },
    ),
    (
        "Laboratorium Mleka Lacto-Test",
        "firm",
        "spółka z o.o.",
        "Białystok",
        [DAIRY],
        ["72.19"],
        "micro",
        9,
        2016,
        ["iso-9001"],
        [],
        "pl,en",
        {
            "pl": (
                "Akredytowane laboratorium badań mleka i wyrobów mleczarskich. Wykonujemy "
                "analizy mikrobiologiczne i fizykochemiczne dla mleczarni.",
                "Badania mikrobiologiczne, oznaczanie tłuszczu i białka, szkolenia HACCP.",
            ),
        },
    ),
    (
        "Opakowania Mleczne Choroszcz",
        "firm",
        "spółka z o.o.",
        "Choroszcz",
        [DAIRY],
        ["28.93"],
        "small",
        48,
        2011,
        ["iso-9001"],
        ["LT", "LV", "EE"],
        "pl,en",
        {
            "pl": (
                "Produkcja i serwis maszyn do pakowania jogurtów i serków w kubki. Obsługujemy "
                "mleczarnie w Polsce i krajach bałtyckich.",
                "Maszyny do napełniania kubków, zgrzewarki, serwis.",
            ),
        },
    ),
    # Agricultural-machinery firms of Podlaskie.
    (
        "Agromet Sokółka",
        "firm",
        "spółka akcyjna",
        "Sokółka",
        [MACHINERY],
        ["28.30"],
        "large",
        410,
        1952,
        ["iso-9001", "ce-marking"],
        ["DE", "CZ", "HU", "RO", "UA"],
        "pl,en,de,ru",
        {
            "pl": (
                "Producent przyczep rolniczych, rozrzutników obornika i wozów paszowych. Maszyny "
                "eksportujemy do ponad dwudziestu krajów.",
                "Przyczepy rolnicze, rozrzutniki obornika, wozy paszowe.",
            ),
            "en": (
                "Manufacturer of farm trailers, manure spreaders and feed wagons, exported to over "
                "twenty countries.",
                "Farm trailers, manure spreaders, feed mixer wagons.",
            ),
            "de": (
                "Hersteller von landwirtschaftlichen Anhängern, Stalldungstreuern und "
                "Futtermischwagen.",
                "Anhänger, Stalldungstreuer, Futtermischwagen.",
            ),
            "cs": (
                "Výrobce zemědělských přívěsů, rozmetadel hnoje a krmných vozů.",
                "Zemědělské přívěsy, rozmetadla hnoje, krmné vozy.",
            ),
        },
    ),
    (
        "Prasy Rolnicze Metalbud",
        "firm",
        "spółka z o.o.",
        "Bielsk Podlaski",
        [MACHINERY],
        ["28.30"],
        "medium",
        160,
        1996,
        ["ce-marking"],
        ["DE", "FR", "RO"],
        "pl,en",
        {
            "pl": (
                "Projektujemy i produkujemy prasy zwijające i owijarki do bel. Własne biuro "
                "konstrukcyjne i stacja badań polowych.",
                "Prasy zwijające, owijarki bel, prasokostkarki.",
            ),
            "en": (
                "We design and make round balers and bale wrappers, with our own design office "
                "and field test station.",
                "Round balers, bale wrappers, square balers.",
            ),
        },
    ),
    (
        "Opryskiwacze Krukowski",
        "firm",
        "spółka jawna",
        "Zambrów",
        [MACHINERY],
        ["28.30"],
        "small",
        44,
        1989,
        ["ce-marking"],
        ["LT", "UA"],
        "pl,ru",
        {
            "pl": (
                "Opryskiwacze polowe zawieszane i przyczepiane, z belkami do 24 metrów. "
                "Zapewniamy serwis i części w całym kraju.",
                "Opryskiwacze polowe, belki opryskowe, części zamienne.",
            ),
        },
    ),
    (
        "Siewniki Podlasie",
        "firm",
        "spółka z o.o.",
        "Wysokie Mazowieckie",
        [MACHINERY],
        ["28.30"],
        "medium",
        75,
        2000,
        ["iso-9001", "ce-marking"],
        ["DE", "CZ"],
        "pl,de",
        {
            "pl": (
                "Siewniki zbożowe i agregaty uprawowo-siewne dla gospodarstw średniej wielkości.",
                "Siewniki mechaniczne i pneumatyczne, agregaty uprawowo-siewne.",
            ),
            "de": (
                "Drillmaschinen und Bestellkombinationen für mittelgroße Betriebe.",
                "Mechanische und pneumatische Drillmaschinen, Bestellkombinationen.",
            ),
        },
    ),
    (
        "Kuźnia Augustów",
        "firm",
        "spółka z o.o.",
        "Augustów",
        [MACHINERY],
        ["25.62"],
        "small",
        35,
        1983,
        ["iso-9001"],
        ["DE"],
        "pl",
        {
            "pl": (
                "Kuźnia i obróbka skrawaniem. Wykonujemy lemiesze, zęby bron i części "
                "zamienne do maszyn rolniczych na zlecenie producentów.",
                "Odkuwki, części zużywające się, obróbka CNC.",
            ),
        },
    ),
    (
        "Metal-Spaw Łomża",
        "firm",
        "spółka z o.o.",
        "Łomża",
        [MACHINERY],
        ["25.11"],
        "small",
        49,
        2005,
        ["iso-9001"],
        ["DE", "SE"],
        "pl,en",
        {
            "pl": (
                "Konstrukcje stalowe i ramy maszyn rolniczych. Spawanie zrobotyzowane i "
                "malowanie proszkowe.",
                "Ramy maszyn, konstrukcje spawane, malowanie proszkowe.",
            ),
            "en": (
                "Steel structures and frames for farm machinery; robotic welding and powder "
                "coating.",
                "Machine frames, welded structures, powder coating.",
            ),
        },
    ),
    (
        "Serwis Maszyn Rolniczych Agro-Naprawa",
        "firm",
        "jednoosobowa działalność gospodarcza",
        "Mońki",
        [MACHINERY],
        ["33.12"],
        "micro",
        7,
        2012,
        [],
        [],
        "pl",
        {
            "pl": (
                "Naprawa ciągników i kombajnów wszystkich marek, z dojazdem do gospodarstwa.",
                "Naprawy, przeglądy, regeneracja hydrauliki.",
            ),
        },
    ),
    (
        "Agro-Handel Kolno",
        "firm",
        "spółka z o.o.",
        "Kolno",
        [MACHINERY],
        ["46.61"],
        "small",
        22,
        1997,
        [],
        ["LT"],
        "pl",
        {
            "pl": (
                "Sprzedaż ciągników i maszyn rolniczych, także używanych, z finansowaniem.",
                "Ciągniki, maszyny używane, leasing.",
            ),
        },
    ),
    (
        "Hydraulika Siłowa Hydro-Pol",
        "firm",
        "spółka z o.o.",
        "Białystok",
        [MACHINERY],
        ["28.30"],
        "small",
        30,
        2010,
        ["iso-9001"],
        ["DE", "CZ", "IT"],
        "pl,en,it",
        {
            "pl": (
                "Siłowniki i układy hydrauliczne dla producentów maszyn rolniczych.",
                "Siłowniki hydrauliczne, rozdzielacze, węże.",
            ),
            "it": (
                "Cilindri e impianti idraulici per i costruttori di macchine agricole.",
                "Cilindri idraulici, distributori, tubi flessibili.",
            ),
        },
    ),
    (
        "Wozy Paszowe Suwałki",
        "firm",
        "spółka z o.o.",
        "Suwałki",
        [MACHINERY, DAIRY],
        ["28.30"],
        "medium",
        90,
        2002,
        ["ce-marking"],
        ["LT", "LV", "EE", "FI"],
        "pl,en",
        {
            "pl": (
                "Wozy paszowe i paszowozy samojezdne dla ferm bydła mlecznego.",
                "Wozy paszowe z pionowym mieszadłem, paszowozy samojezdne.",
            ),
        },
    ),
    (
        "Części Agro Łapy",
        "firm",
        "spółka jawna",
        "Łapy",
        [MACHINERY],
        ["46.61"],
        "micro",
        5,
        2018,
        [],
        [],
        "pl",
        {
            "pl": (
                "Sklep internetowy i stacjonarny z częściami do maszyn rolniczych.",
                "Części zamienne, łożyska, pasy klinowe.",
            ),
        },
    ),
    (
        "Brony Hajnówka",
        "firm",
        "spółka z o.o.",
        "Hajnówka",
        [MACHINERY],
        ["28.30"],
        "small",
        28,
        1994,
        ["ce-marking"],
        ["BY", "UA"],
        "pl,ru",
        {
            "pl": (
                "Brony talerzowe, kultywatory i wały uprawowe.",
                "Brony talerzowe, kultywatory, wały Cambridge.",
            ),
        },
    ),
    (
        "Precyzja CNC Kleosin",
        "firm",
        "spółka z o.o.",
        "Kleosin",
        [MACHINERY],
        ["25.62"],
        "small",
        26,
        2015,
        ["iso-9001"],
        ["DE", "AT"],
        "pl,de",
        {
            "pl": (
                "Precyzyjna obróbka CNC części do maszyn rolniczych i przemysłu spożywczego.",
                "Toczenie i frezowanie CNC, krótkie serie.",
            ),
        },
    ),
    (
        "Ładowacze Czołowe Agro-Lift",
        "firm",
        "spółka z o.o.",
        "Siemiatycze",
        [MACHINERY],
        ["28.30"],
        "small",
        40,
        2008,
        ["ce-marking"],
        ["RO", "BG", "HU"],
        "pl,en",
        {
            "pl": (
                "Ładowacze czołowe do ciągników i osprzęt: łyżki, widły, chwytaki do bel.",
                "Ładowacze czołowe, osprzęt do ładowaczy.",
            ),
            "en": (
                "Front loaders for tractors and attachments: buckets, forks, bale grabs.",
                "Front loaders and attachments.",
            ),
        },
    ),
    # Business-support institutions of Podlaskie.
    (
        "Podlaska Wyższa Szkoła Techniczna",
        "university",
        "uczelnia publiczna",
        "Białystok",
        [DAIRY, MACHINERY],
        ["85.42", "72.19"],
        "large",
        1400,
        1949,
        [],
        [],
        "pl,en,de,ru",
        {
            "pl": (
                "Uczelnia techniczna z wydziałem mechanicznym i katedrą technologii żywności. "
                "Prowadzimy badania na zlecenie firm i praktyki studenckie.",
                "Badania maszyn rolniczych, technologia mleczarska, praktyki studenckie.",
            ),
            "en": (
                "A technical university with a faculty of mechanical engineering and a chair of "
                "food technology. We do contract research for firms.",
                "Farm machinery testing, dairy technology, student placements.",
            ),
        },
    ),
    (
        "Podlaska Agencja Rozwoju Regionalnego",
        "agency",
        "spółka akcyjna",
        "Białystok",
        [DAIRY, MACHINERY],
        ["70.22"],
        "small",
        40,
        1993,
        [],
        [],
        "pl,en",
        {
            "pl": (
                "Agencja wspiera firmy regionu w dostępie do funduszy, eksporcie i współpracy "
                "w klastrach. Prowadzi punkt konsultacyjny dla przedsiębiorców.",
                "Doradztwo, pożyczki, misje gospodarcze.",
            ),
            "en": (
                "The agency helps the region's firms with funding, exports and co-operation in "
                "clusters.",
                "Advice, loans, trade missions.",
            ),
        },
    ),
    (
        "Bank Spółdzielczy Ziemi Łomżyńskiej",
        "bank",
        "bank spółdzielczy",
        "Łomża",
        [DAIRY, MACHINERY],
        ["64.19"],
        "medium",
        130,
        1921,
        [],
        [],
        "pl",
        {
            "pl": (
                "Bank spółdzielczy finansujący gospodarstwa rolne i firmy przetwórcze. "
                "Kredyty na maszyny i modernizację obór.",
                "Kredyty inwestycyjne, leasing maszyn, obsługa dopłat.",
            ),
        },
    ),
    (
        "Ośrodek Doradztwa Rolniczego Szepietowo-Wieś",
        "training",
        "państwowa jednostka",
        "Wysokie Mazowieckie",
        [DAIRY, MACHINERY],
        ["85.42", "70.22"],
        "medium",
        220,
        1956,
        [],
        [],
        "pl",
        {
            "pl": (
                "Doradztwo dla rolników, szkolenia z żywienia bydła i bezpiecznej obsługi "
                "maszyn. Organizujemy pokazy polowe.",
                "Szkolenia, doradztwo, pokazy polowe.",
            ),
        },
    ),
    (
        "Izba Przemysłowo-Handlowa Podlasia",
        "chamber",
        "stowarzyszenie",
        "Białystok",
        [DAIRY, MACHINERY],
        ["94.11"],
        "micro",
        8,
        1990,
        [],
        [],
        "pl,en,ru",
        {
            "pl": (
                "Samorząd gospodarczy regionu. Organizujemy misje handlowe i targi, "
                "reprezentujemy interesy firm.",
                "Misje handlowe, świadectwa pochodzenia, szkolenia.",
            ),
        },
    ),
    (
        "Centrum Szkoleń Mleczarskich",
        "training",
        "fundacja",
        "Zambrów",
        [DAIRY],
        ["85.42"],
        "micro",
        6,
        2012,
        [],
        [],
        "pl",
        {
            "pl": (
                "Szkolenia dla pracowników mleczarni: higiena, HACCP, obsługa linii produkcyjnych.",
                "Kursy HACCP, szkolenia technologiczne.",
            ),
        },
    ),
    (
        "Park Naukowo-Technologiczny Podlasie",
        "agency",
        "spółka z o.o.",
        "Białystok",
        [MACHINERY],
        ["70.22", "72.19"],
        "small",
        25,
        2010,
        [],
        [],
        "pl,en",
        {
            "pl": (
                "Park oferuje biura, laboratoria i pomoc we wdrażaniu innowacji dla firm "
                "produkujących maszyny.",
                "Inkubator, laboratoria, doradztwo innowacyjne.",
            ),
        },
    ),
    (
        "Fundusz Pożyczkowy Podlasia",
        "bank",
        "spółka z o.o.",
        "Białystok",
        [DAIRY, MACHINERY],
        ["64.19"],
        "micro",
        9,
        2003,
        [],
        [],
        "pl",
        {
            "pl": (
                "Pożyczki dla mikro i małych firm z regionu na inwestycje i kapitał obrotowy.",
                "Pożyczki, poręczenia.",
            ),
        },
    ),
    # Partners abroad.
    (
        "Caseificio Lodigiano",
        "firm",
        "S.r.l.",
        "Lodi",
        [DAIRY],
        ["10.51"],
        "medium",
        110,
        1961,
        ["ifs-food", "brcgs-food-safety"],
        ["DE", "FR", "PL"],
        "it,en",
        {
            "it": (
                "Caseificio lodigiano specializzato in formaggi a pasta molle e mascarpone. "
                "Cerchiamo fornitori di latte e partner commerciali nell'Europa centrale.",
                "Mascarpone, taleggio, crescenza.",
            ),
            "en": (
                "Dairy in Lodi making soft cheeses and mascarpone, looking for milk suppliers "
                "and trade partners in central Europe.",
                "Mascarpone, taleggio, crescenza.",
            ),
        },
    ),
    (
        "Latteria Cremonese",
        "firm",
        "Soc. Coop. Agricola",
        "Cremona",
        [DAIRY],
        ["10.51"],
        "large",
        300,
        1950,
        ["iso-22000"],
        ["DE", "AT", "PL", "CZ"],
        "it,en,de",
        {
            "it": (
                "Cooperativa di allevatori che produce grana e burro. Interessata a scambi "
                "tecnologici con caseifici dell'Est europeo.",
                "Formaggio grana, burro, panna.",
            ),
            "en": (
                "A farmers' cooperative making grana cheese and butter, interested in technology "
                "exchange with dairies in eastern Europe.",
                "Grana cheese, butter, cream.",
            ),
            "pl": (
                "Spółdzielnia hodowców produkująca ser grana i masło. Zainteresowana wymianą "
                "technologiczną z mleczarniami z Europy Wschodniej.",
                "Ser grana, masło, śmietana.",
            ),
        },
    ),
    (
        "Emilia Macchine Agricole",
        "firm",
        "S.p.A.",
        "Reggio Emilia",
        [MACHINERY],
        ["28.30"],
        "large",
        480,
        1972,
        ["iso-9001", "ce-marking"],
        ["PL", "RO", "HU", "BG"],
        "it,en",
        {
            "it": (
                "Costruiamo rimorchi agricoli e spandiletame. Cerchiamo subfornitori di "
                "carpenteria metallica in Polonia.",
                "Rimorchi agricoli, spandiletame, carri miscelatori.",
            ),
            "en": (
                "We build farm trailers and manure spreaders and look for metal fabrication "
                "subcontractors in Poland.",
                "Farm trailers, manure spreaders, mixer wagons.",
            ),
        },
    ),
    (
        "Parma Impianti Caseari",
        "firm",
        "S.r.l.",
        "Parma",
        [DAIRY],
        ["28.93"],
        "medium",
        140,
        1985,
        ["iso-9001", "ce-marking"],
        ["PL", "CZ", "HU"],
        "it,en",
        {
            "it": (
                "Impianti per caseifici: caldaie per formaggio, polivalenti e linee di salatura.",
                "Caldaie casearie, polivalenti, impianti di salatura.",
            ),
        },
    ),
    (
        "Consorzio Latte Friuli",
        "chamber",
        "Consorzio",
        "San Daniele del Friuli",
        [DAIRY],
        ["94.11"],
        "micro",
        9,
        1999,
        [],
        [],
        "it,de,en",
        {
            "it": (
                "Consorzio di produttori di latte e formaggi del Friuli, promuove la "
                "cooperazione transfrontaliera.",
                "Promozione, formazione, missioni commerciali.",
            ),
        },
    ),
    (
        "Università Adriatica, Dipartimento di Scienze Agrarie",
        "university",
        "Università",
        "Ancona",
        [DAIRY, MACHINERY],
        ["85.42", "72.19"],
        "large",
        900,
        1969,
        [],
        [],
        "it,en",
        {
            "it": (
                "Ricerca su meccanizzazione agricola e qualità del latte. Disponibili per "
                "progetti europei di ricerca.",
                "Ricerca applicata, prove di laboratorio.",
            ),
        },
    ),
    (
        "Abruzzo Meccanica",
        "firm",
        "S.r.l.",
        "Pescara",
        [MACHINERY],
        ["28.30"],
        "small",
        35,
        2001,
        ["ce-marking"],
        ["PL", "AL"],
        "it",
        {
            "it": ("Seminatrici di precisione per orticoltura.", "Seminatrici di precisione."),
        },
    ),
    (
        "Steirische Landtechnik",
        "firm",
        "GmbH",
        "Graz",
        [MACHINERY],
        ["28.30"],
        "medium",
        160,
        1964,
        ["iso-9001"],
        ["PL", "HU", "CZ"],
        "de,en",
        {
            "de": (
                "Hersteller von Mähwerken und Heuwerbungstechnik für Grünlandbetriebe. "
                "Wir suchen Vertriebspartner in Polen.",
                "Mähwerke, Kreiselheuer, Schwader.",
            ),
            "en": (
                "Maker of mowers and haymaking machinery; looking for dealers in Poland.",
                "Mowers, tedders, rakes.",
            ),
        },
    ),
    (
        "Molkerei Innviertel",
        "firm",
        "eGen",
        "Wels",
        [DAIRY],
        ["10.51"],
        "medium",
        230,
        1911,
        ["ifs-food", "eu-organic"],
        ["DE", "IT", "PL"],
        "de,en",
        {
            "de": (
                "Genossenschaftsmolkerei für Bio-Heumilchprodukte. Interesse an gemeinsamen "
                "Projekten zur Käsereifung.",
                "Bio-Heumilch, Bergkäse, Joghurt.",
            ),
        },
    ),
    (
        "Business Upper Austria Cluster Agentur",
        "agency",
        "GmbH",
        "Linz",
        [MACHINERY],
        ["70.22"],
        "small",
        45,
        1991,
        [],
        [],
        "de,en",
        {
            "de": (
                "Clusterorganisation für Maschinenbau und Lebensmittel, vermittelt "
                "internationale Kooperationen.",
                "Clustermanagement, Kooperationsbörsen.",
            ),
        },
    ),
    (
        "Debreceni Tejipari Kft.",
        "firm",
        "Kft.",
        "Debrecen",
        [DAIRY],
        ["10.51"],
        "medium",
        190,
        1993,
        ["iso-22000"],
        ["RO", "SK", "PL"],
        "hu,en",
        {
            "hu": (
                "Tejfeldolgozó üzem: trappista sajt, vaj és tejföl. Lengyel partnereket keresünk "
                "a tejporgyártásban.",
                "Trappista sajt, vaj, tejföl.",
            ),
            "en": (
                "Dairy plant making trappist cheese, butter and sour cream; looking for Polish "
                "partners in milk powder.",
                "Trappist cheese, butter, sour cream.",
            ),
        },
    ),
    (
        "Győri Mezőgép Zrt.",
        "firm",
        "Zrt.",
        "Győr",
        [MACHINERY],
        ["28.30"],
        "large",
        260,
        1950,
        ["iso-9001"],
        ["AT", "SK", "PL"],
        "hu,de,en",
        {
            "hu": ("Talajművelő gépek és vetőgépek gyártója.", "Tárcsás boronák, vetőgépek."),
        },
    ),
    (
        "Kecskeméti Agrárinnovációs Központ",
        "training",
        "Nonprofit Kft.",
        "Kecskemét",
        [MACHINERY],
        ["85.42"],
        "small",
        30,
        2009,
        [],
        [],
        "hu,en",
        {
            "hu": ("Képzések és bemutatók a precíziós gazdálkodásról.", "Képzés, gépbemutatók."),
        },
    ),
    (
        "Transilvania Lactate",
        "firm",
        "S.R.L.",
        "Cluj-Napoca",
        [DAIRY],
        ["10.51"],
        "medium",
        150,
        1997,
        ["iso-22000"],
        ["HU", "PL"],
        "ro,en",
        {
            "ro": (
                "Producem brânzeturi maturate și telemea. Căutăm furnizori de echipamente "
                "pentru lactate din Polonia.",
                "Telemea, brânzeturi maturate, iaurt.",
            ),
            "en": (
                "We make ripened cheeses and telemea, looking for Polish suppliers of dairy "
                "equipment.",
                "Telemea, ripened cheeses, yoghurt.",
            ),
        },
    ),
    (
        "Banat Agro Utilaje",
        "firm",
        "S.A.",
        "Timișoara",
        [MACHINERY],
        ["46.61"],
        "small",
        40,
        2004,
        [],
        ["RS"],
        "ro,en",
        {
            "ro": (
                "Distribuitor de mașini agricole din vestul României.",
                "Tractoare, remorci, piese de schimb.",
            ),
        },
    ),
    (
        "Тракийски млечни продукти ЕООД",
        "firm",
        "ЕООД",
        "Plovdiv",
        [DAIRY],
        ["10.51"],
        "small",
        45,
        2006,
        ["haccp"],
        ["GR", "RO"],
        "bg,en",
        {
            "bg": (
                "Произвеждаме бяло саламурено сирене и кисело мляко по традиционна рецепта.",
                "Бяло саламурено сирене, кашкавал, кисело мляко.",
            ),
            "en": (
                "We make white brined cheese and yoghurt to a traditional recipe.",
                "White brined cheese, kashkaval, yoghurt.",
            ),
        },
    ),
    (
        "Русе Агромаш АД",
        "firm",
        "АД",
        "Ruse",
        [MACHINERY],
        ["28.30"],
        "medium",
        120,
        1960,
        ["iso-9001"],
        ["RO", "PL"],
        "bg,ro,en",
        {
            "bg": (
                "Производител на култиватори и сеялки за зърнени култури.",
                "Култиватори, сеялки.",
            ),
        },
    ),
    (
        "Moravská mlékárna Olomouc",
        "firm",
        "a.s.",
        "Olomouc",
        [DAIRY],
        ["10.51"],
        "large",
        280,
        1948,
        ["ifs-food"],
        ["SK", "PL", "AT"],
        "cs,de,en",
        {
            "cs": (
                "Mlékárna vyrábí tvarohy, jogurty a zrající sýry. Hledáme partnery pro "
                "společný vývoj výrobků.",
                "Tvaroh, jogurty, zrající sýry.",
            ),
            "pl": (
                "Mleczarnia produkuje twarogi, jogurty i sery dojrzewające. Szukamy partnerów "
                "do wspólnego rozwoju produktów.",
                "Twaróg, jogurty, sery dojrzewające.",
            ),
        },
    ),
    (
        "Agrostroj Jihlava",
        "firm",
        "s.r.o.",
        "Jihlava",
        [MACHINERY],
        ["28.30"],
        "medium",
        170,
        1991,
        ["iso-9001", "ce-marking"],
        ["PL", "SK", "DE"],
        "cs,de,en",
        {
            "cs": (
                "Výrobce secích strojů a zemědělských přívěsů. Hledáme subdodavatele "
                "svařovaných dílů v Polsku.",
                "Secí stroje, zemědělské přívěsy.",
            ),
            "en": (
                "Maker of seed drills and farm trailers; looking for welded-part "
                "subcontractors in Poland.",
                "Seed drills, farm trailers.",
            ),
        },
    ),
    (
        "Jihomoravské inovační centrum",
        "agency",
        "zájmové sdružení",
        "Brno",
        [MACHINERY],
        ["70.22"],
        "small",
        60,
        2003,
        [],
        [],
        "cs,en",
        {
            "cs": (
                "Podporujeme inovace a mezinárodní spolupráci strojírenských firem.",
                "Poradenství, inkubace, zprostředkování kontaktů.",
            ),
        },
    ),
]

# Slugs of names that are not in the Latin alphabet.
LATIN_SLUGS = {
    "Тракийски млечни продукти ЕООД": "trakiyski-mlechni-produkti",
    "Русе Агромаш АД": "ruse-agromash",
}

# Unpublished: waiting for the office's review.
UNPUBLISHED = {"Części Agro Łapy", "Abruzzo Meccanica"}

FIRST_NAMES = ["Anna", "Piotr", "Katarzyna", "Tomasz", "Magdalena", "Marek", "Ewa", "Jan"]
LAST_NAMES = ["Zalewska", "Sokołowski", "Wróblewska", "Kamiński", "Borowska", "Dąbrowski"]
PARTNER_PEOPLE = {
    "IT": ("Giulia", "Bianchi"),
    "AT": ("Lukas", "Gruber"),
    "HU": ("Eszter", "Nagy"),
    "RO": ("Andrei", "Popescu"),
    "BG": ("Мария", "Иванова", "maria.ivanova"),
    "CZ": ("Petra", "Novotná"),
}

VAT_FORMATS = {
    "IT": "IT{body:07d}019{check}",
    "AT": "ATU{body:07d}{check}",
    "HU": "HU{body:07d}{check}",
    "RO": "RO{body:07d}{check}",
    "BG": "BG{body:08d}{check}",
    "CZ": "CZ{body:07d}{check}",
}


def organisation_slug(name):
    return LATIN_SLUGS.get(name) or slugify(name)


def _with_check_digit(template, start, is_valid):
    """The first number from the template, counting up from start, that is valid."""
    for body in range(start, start + 100):
        for check in "0123456789":
            number = template.format(body=body, check=check)
            if is_valid(number):
                return number
    raise ValueError(template)


def _identifiers(index, country):
    if country == "PL":
        return {
            "nip": _with_check_digit("542{body:06d}{check}", 100000 + index * 37, nip.is_valid),
            "regon": _with_check_digit("20{body:06d}{check}", 500000 + index * 41, regon.is_valid),
            "krs": f"{index * 7919:010d}" if index % 3 == 0 else "",
            "vat_id": "",
        }
    return {
        "nip": "",
        "regon": "",
        "krs": "",
        "vat_id": _with_check_digit(VAT_FORMATS[country], 2100000 + index * 53, vat.is_valid),
    }


def _defaults(index, row):
    (
        name,
        kind,
        legal_form,
        town,
        _clusters,
        _codes,
        size,
        employees,
        founded,
        _certifications,
        markets,
        languages,
        texts,
    ) = row
    country, region, postal_code, latitude, longitude = TOWNS[town]
    domain = organisation_slug(name)[:40].strip("-") + ".example"
    defaults = {
        "kind": kind,
        "name": name,
        "legal_form": legal_form,
        "country": country,
        "region": region,
        "town": town,
        "street_address": f"ul. Przemysłowa {index + 1}" if country == "PL" else "",
        "postal_code": postal_code,
        "latitude": Decimal(latitude),
        "longitude": Decimal(longitude),
        "website": f"https://{domain}",
        "email": f"info@{domain}",
        "phone": f"+48 85 {700 + index:03d} {index % 100:02d} {(index * 7) % 100:02d}"
        if country == "PL"
        else "",
        "size_class": size,
        "employees": employees,
        "founded_year": founded,
        "export_markets": markets,
        "languages_spoken": languages,
        "is_published": name not in UNPUBLISHED,
        **_identifiers(index, country),
    }
    for language, (description, products) in texts.items():
        defaults[f"description_{language}"] = description
        defaults[f"products_{language}"] = products
    # The untranslated column mirrors the default language (Polish).
    defaults["description"] = defaults.get("description_pl", "")
    defaults["products"] = defaults.get("products_pl", "")
    return defaults, domain


# The language a demo contact person gets e-mails in, by the organisation's country.
CONTACT_LANGUAGES = {
    "PL": "pl",
    "IT": "it",
    "AT": "de",
    "DE": "de",
    "CZ": "cs",
    "HU": "hu",
    "RO": "ro",
    "BG": "bg",
}


def _contact(index, organisation, domain):
    if index % 2:
        return None
    country = organisation.country.code
    first_name, last_name, *mailbox = PARTNER_PEOPLE.get(
        country,
        (FIRST_NAMES[index % len(FIRST_NAMES)], LAST_NAMES[index % len(LAST_NAMES)]),
    )
    mailbox = mailbox[0] if mailbox else f"{slugify(first_name)}.{slugify(last_name)}"
    consent = index % 4 == 0
    return ContactPerson.objects.update_or_create(
        organisation=organisation,
        email=f"{mailbox}@{domain}",
        defaults={
            "first_name": first_name,
            "last_name": last_name,
            "job_title": "Export manager" if country != "PL" else "Kierownik ds. współpracy",
            "phone": f"+48 85 {800 + index:03d} 12 34" if country == "PL" else "",
            "publication_consent": consent,
            "publication_consent_at": CONSENT_AT if consent else None,
            "publication_consent_version": "2026-01" if consent else "",
            "language": CONTACT_LANGUAGES.get(country, "en"),
        },
    )[1]


@transaction.atomic
def load_demo_data():
    """Create or update the demo organisations; a second run creates nothing."""
    clusters = {cluster.slug: cluster for cluster in Cluster.objects.all()}
    activities = {activity.code: activity for activity in Activity.objects.all()}
    certifications = {item.slug: item for item in Certification.objects.all()}
    nuts_regions = {
        town: nuts_region_for(place[0], place[1], town) for town, place in TOWNS.items()
    }
    created = contacts_created = 0
    for index, row in enumerate(ORGANISATIONS):
        defaults, domain = _defaults(index, row)
        defaults["nuts_region"] = nuts_regions[row[3]]
        organisation, is_new = Organisation.objects.update_or_create(
            slug=organisation_slug(row[0]), defaults=defaults
        )
        created += is_new
        organisation.clusters.set(clusters[slug] for slug in row[4] if slug in clusters)
        organisation.activities.set(activities[code] for code in row[5] if code in activities)
        organisation.certifications.set(
            certifications[slug] for slug in row[9] if slug in certifications
        )
        contacts_created += bool(_contact(index, organisation, domain))
    return {
        "organisations": len(ORGANISATIONS),
        "organisations_created": created,
        "contacts_created": contacts_created,
        "clusters": len(clusters),
    }


# The regional statistics sample: invented figures of plausible size for every
# NUTS 2 region of Poland and the partner countries, so that the analysis pages
# have something to show. Units as in Eurostat's regional business statistics:
# persons employed and enterprises in numbers, value added and wages in million EUR.
DEMO_SOURCE = gettext_noop("Illustrative sample for the demo, not official statistics")
DEMO_FILE = "demo-sample-regional-figures.csv"
DEMO_YEARS = range(2016, 2023)
DEMO_INDUSTRIES = ("10.5", "28.3")
DEMO_NACE = (*DEMO_INDUSTRIES, "C", "TOTAL")

# Population, in millions (rounded, about 2016).
# fmt: off
DEMO_POPULATION = {
    "AT11": 0.29, "AT12": 1.66, "AT13": 1.87, "AT21": 0.56, "AT22": 1.24, "AT31": 1.47,
    "AT32": 0.55, "AT33": 0.74, "AT34": 0.39,
    "BG31": 0.77, "BG32": 0.81, "BG33": 0.94, "BG34": 1.04, "BG41": 2.11, "BG42": 1.44,
    "CZ01": 1.27, "CZ02": 1.34, "CZ03": 1.22, "CZ04": 1.12, "CZ05": 1.51, "CZ06": 1.69,
    "CZ07": 1.22, "CZ08": 1.21,
    "HU11": 1.76, "HU12": 1.23, "HU21": 1.07, "HU22": 0.99, "HU23": 0.91, "HU31": 1.16,
    "HU32": 1.47, "HU33": 1.25,
    "ITC1": 4.40, "ITC2": 0.13, "ITC3": 1.57, "ITC4": 10.0, "ITF1": 1.32, "ITF2": 0.31,
    "ITF3": 5.85, "ITF4": 4.07, "ITF5": 0.57, "ITF6": 1.97, "ITG1": 5.07, "ITG2": 1.66,
    "ITH1": 0.52, "ITH2": 0.54, "ITH3": 4.91, "ITH4": 1.22, "ITH5": 4.45, "ITI1": 3.74,
    "ITI2": 0.89, "ITI3": 1.54, "ITI4": 5.89,
    "PL21": 3.37, "PL22": 4.56, "PL41": 3.48, "PL42": 1.71, "PL43": 1.02, "PL51": 2.90,
    "PL52": 0.99, "PL61": 2.08, "PL62": 1.44, "PL63": 2.31, "PL71": 2.49, "PL72": 1.25,
    "PL81": 2.13, "PL82": 2.13, "PL84": 1.19, "PL91": 3.00, "PL92": 2.37,
    "RO11": 2.58, "RO12": 2.35, "RO21": 3.24, "RO22": 2.47, "RO31": 3.07, "RO32": 2.30,
    "RO41": 2.04, "RO42": 1.79,
}
# fmt: on
CAPITALS = {"AT13", "BG41", "CZ01", "HU11", "ITI4", "PL91", "RO32"}
SOUTHERN_ITALY = {"ITF1", "ITF2", "ITF3", "ITF4", "ITF5", "ITF6", "ITG1", "ITG2"}
# By country: persons employed in the business economy per inhabitant, manufacturing's
# share of them, and the industries' shares of all persons employed.
DEMO_COUNTRIES = {
    # employed, C share, 10.5 share, 28.3 share, VA per person (kEUR), wage (kEUR),
    # wage growth a year, employment growth a year
    "PL": (0.27, 0.28, 0.0035, 0.0015, 30, 14, 0.07, 0.020),
    "IT": (0.25, 0.28, 0.0025, 0.0018, 55, 30, 0.015, 0.005),
    "AT": (0.33, 0.25, 0.0020, 0.0025, 75, 45, 0.025, 0.012),
    "CZ": (0.34, 0.38, 0.0020, 0.0010, 32, 18, 0.06, 0.010),
    "HU": (0.27, 0.30, 0.0020, 0.0010, 25, 13, 0.08, 0.015),
    "RO": (0.22, 0.28, 0.0025, 0.0006, 18, 11, 0.09, 0.010),
    "BG": (0.26, 0.24, 0.0030, 0.0008, 12, 8, 0.08, 0.005),
}
# How much more (or less) of an industry a region has than its country's share.
DEMO_SPECIALISATION = {
    "10.5": {
        "PL84": 6.0,
        "PL62": 2.0,
        "PL92": 1.6,
        "PL41": 1.4,
        "ITH5": 2.0,
        "ITC4": 1.8,
        "ITH1": 2.2,
        "ITG2": 1.8,
        "ITF3": 1.6,
        "ITH4": 1.3,
        "AT32": 1.5,
        "AT34": 1.4,
        "AT31": 1.3,
        "AT33": 1.3,
        "CZ03": 1.4,
        "BG34": 1.3,
        "RO12": 1.3,
        "RO21": 1.2,
        "HU32": 1.2,
    },
    "28.3": {
        "PL41": 3.0,
        "PL84": 3.5,
        "PL81": 1.5,
        "PL82": 1.2,
        "PL62": 1.2,
        "ITH5": 4.0,
        "ITH3": 2.5,
        "ITC4": 2.0,
        "AT31": 3.0,
        "AT12": 1.5,
        "HU32": 1.5,
        "CZ06": 1.5,
        "CZ05": 1.3,
        "BG32": 1.3,
        "RO12": 1.3,
    },
}
# Persons employed per enterprise, by industry and country.
DEMO_ENTERPRISE_SIZE = {
    "TOTAL": {"PL": 4.5, "IT": 4, "AT": 9, "CZ": 3.5, "HU": 3.5, "RO": 7, "BG": 5},
    "C": {"PL": 12, "IT": 10, "AT": 26, "CZ": 8, "HU": 12, "RO": 18, "BG": 14},
    "10.5": {"PL": 45, "IT": 20, "AT": 30, "CZ": 40, "HU": 30, "RO": 25, "BG": 25},
    "28.3": {"PL": 20, "IT": 18, "AT": 40, "CZ": 25, "HU": 20, "RO": 15, "BG": 15},
}
# An industry's value added and wages per person against the business economy's.
DEMO_PRODUCTIVITY = {"TOTAL": 1.0, "C": 1.15, "10.5": 1.1, "28.3": 1.05}
DEMO_WAGES = {"TOTAL": 1.0, "C": 1.05, "10.5": 0.95, "28.3": 1.0}
# A few figures a statistical office would not publish:
# (region, industry, indicators, years): status.
_ALL = ("employees", "enterprises", "value_added", "wages")
DEMO_WITHHELD = {
    ("ITC2", "28.3", _ALL, DEMO_YEARS): "confidential",
    ("ITF2", "28.3", ("employees", "value_added", "wages"), DEMO_YEARS): "confidential",
    ("CZ01", "28.3", ("employees", "value_added", "wages"), DEMO_YEARS): "confidential",
    ("AT11", "10.5", ("value_added", "wages"), DEMO_YEARS): "confidential",
    ("HU11", "28.3", ("employees",), range(2019, 2023)): "confidential",
    ("BG31", "28.3", _ALL, range(2016, 2018)): "missing",
    ("RO32", "10.5", _ALL, range(2022, 2023)): "missing",
}


def _withheld(code, nace, indicator, year):
    for (region, industry, indicators, years), status in DEMO_WITHHELD.items():
        if (region, industry) == (code, nace) and indicator in indicators and year in years:
            return status
    return ""


def demo_figures(code):
    """The sample's figures of one region: {(nace, year, indicator): value}, the
    same on every run (its random numbers are seeded by the region's code)."""
    rng = random.Random(f"demo-statistics-{code}")
    country = code[:2]
    employed, c_share, dairy, machinery, productivity, wage, wage_growth, growth = DEMO_COUNTRIES[
        country
    ]
    capital = code in CAPITALS
    total = DEMO_POPULATION[code] * 1e6 * employed * (1.5 if capital else 1)
    shares = {
        "TOTAL": 1.0,
        "C": c_share * (0.4 if capital else 0.75 if code in SOUTHERN_ITALY else 1),
        "10.5": dairy * (0.3 if capital else 1),
        "28.3": machinery * (0.3 if capital else 1),
    }
    figures = {}
    for nace in DEMO_NACE:
        special = DEMO_SPECIALISATION.get(nace, {}).get(code)
        share = shares[nace] * (
            special * rng.uniform(0.95, 1.05)
            if special
            else rng.uniform(0.85, 1.15)
            if nace in ("TOTAL", "C")
            else rng.uniform(0.6, 1.3)
        )
        rate = growth + rng.gauss(0, 0.006) + (0.01 if special else 0)
        size = DEMO_ENTERPRISE_SIZE[nace][country] * rng.uniform(0.85, 1.15)
        for year in DEMO_YEARS:
            years = year - 2016
            employees = round(total * share * (1 + rate) ** years * rng.uniform(0.99, 1.01))
            output = productivity * DEMO_PRODUCTIVITY[nace] * (1.3 if capital else 1)
            pay = wage * DEMO_WAGES[nace] * (1.2 if capital else 1) * (1 + wage_growth) ** years
            values = {
                "employees": Decimal(employees),
                "enterprises": Decimal(max(1, round(employees / size))),
                "value_added": Decimal(
                    f"{employees * output * 1.03**years * rng.uniform(0.9, 1.1) / 1000:.3f}"
                ),
                "wages": Decimal(f"{employees * 0.85 * pay * rng.uniform(0.95, 1.05) / 1000:.3f}"),
            }
            for indicator, value in values.items():
                figures[nace, year, indicator] = value
    return figures


@transaction.atomic
def load_demo_statistics():
    """Add the regional statistics sample; a second run adds nothing."""
    regions = {region.code: region for region in Region.objects.filter(code__in=DEMO_POPULATION)}
    statistics_import, _created = StatisticsImport.objects.get_or_create(
        file_name=DEMO_FILE,
        defaults={"format": StatisticsImport.Format.CSV, "source": DEMO_SOURCE},
    )
    existing = set(
        RegionalFigure.objects.filter(
            region__in=regions.values(), nace__in=DEMO_NACE, year__in=DEMO_YEARS
        ).values_list("region__code", "nace", "year", "indicator")
    )
    new = []
    for code, region in regions.items():
        for (nace, year, indicator), value in demo_figures(code).items():
            if (code, nace, year, indicator) in existing:
                continue
            status = _withheld(code, nace, indicator, year)
            new.append(
                RegionalFigure(
                    region=region,
                    nace=nace,
                    year=year,
                    indicator=indicator,
                    value=None if status else value,
                    status=status,
                    source=DEMO_SOURCE,
                    statistics_import=statistics_import,
                )
            )
    RegionalFigure.objects.bulk_create(new, batch_size=500)
    count = statistics_import.figures.count()
    statistics_import.summary = {
        "created": count,
        "updated": 0,
        "unchanged": 0,
        "regions_added": [],
    }
    statistics_import.save(update_fields=["summary"])
    return {"figures": count, "figures_created": len(new), "regions": len(regions)}


def load_demo():
    """The organisations' demo data and the regional statistics sample, as
    `load_demo` loads and reports them
    (registered with portal.common.demo from CompaniesConfig.ready())."""
    counts = load_demo_data()
    statistics = load_demo_statistics()
    return [
        f"Demo data: {counts['organisations']} organisations "
        f"({counts['organisations_created']} new), "
        f"{counts['contacts_created']} new contact persons, {counts['clusters']} clusters.",
        f"Demo data: {statistics['figures']} sample regional figures "
        f"({statistics['figures_created']} new) for {statistics['regions']} NUTS 2 regions, "
        "invented for the demo, not official statistics.",
    ]

"""Demo co-operation offers for `make run`: every status and kind, four source languages.

The offers belong to the demo organisations of companies/demo.py; every firm, figure
and text is invented. Forty offer texts are each used twice: once for an offer that
is live (or about to expire, renewed, past its date), once for an older or pending
one of the same organisation (a draft, submitted, rejected, withdrawn, expired or
archived offer). Five texts are translated into all eight languages, others into a
few or none; some translations are marked as machine-made, some made outdated by a
later change of the source text.

Each offer is keyed by a fixed reference (OF-2025-00001 …): a second run creates
nothing. Everything goes through offers.services, as in real use.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from companies.models import Cluster, Organisation
from offers import services
from offers.models import Offer

Kind = Offer.Kind
Status = Offer.Status
DAIRY = "dairy"
MACHINERY = "agricultural-machinery"
DAY = datetime.timedelta(days=1)
REFERENCE_PREFIX = "OF-2025-"
REFERENCE = REFERENCE_PREFIX + "{number:05d}"

# Appended to the source text of offers whose translations are to be outdated.
SOURCE_CHANGES = {
    "pl": " Oferta aktualna także w przyszłym sezonie.",
    "it": " Offerta valida anche per la prossima stagione.",
    "de": " Das Angebot gilt auch für die nächste Saison.",
    "cs": " Nabídka platí i pro příští sezónu.",
}

REJECTION_REASONS = [
    "Oferta powtarza wcześniejsze ogłoszenie tej samej organizacji.",
    "Opis nie mówi, jakiego partnera organizacja szuka.",
    "Oferta dotyczy sprzedaży detalicznej, a nie współpracy.",
    "Brak danych kontaktowych potwierdzających zgodę na publikację.",
]
WITHDRAWAL_REASONS = ["Firma znalazła partnera.", "Oferta nieaktualna."]

# Each text: the organisations (the live offer's, then the other's), kind,
# co-operation types, clusters, target countries, keywords, the source language,
# the texts {language: (title, summary, description, partner sought)}, the
# languages translated by machine, and whether the source changed after translation.
TEXTS = [
    {
        "organisations": ["proszkownia-zambrow", "spodzielnia-mleczarska-narew"],
        "kind": Kind.BUSINESS_OFFER,
        "cooperation": ["supplier", "commercial"],
        "clusters": [DAIRY],
        "countries": ["IT", "DE", "CZ", "HU", "RO", "BG"],
        "keywords": "mleko w proszku, SMP, WMP",
        "language": "pl",
        "machine": {"hu", "ro", "bg"},
        "texts": {
            "pl": (
                "Mleko w proszku odtłuszczone i pełne dla przetwórców",
                "Producent z Podlasia oferuje mleko w proszku odtłuszczone (SMP) i pełne (WMP) "
                "w workach 25 kg.",
                "Suszymy mleko z własnego skupu na dwóch liniach rozpyłowych, około 12 000 ton "
                "rocznie. Produkt ma certyfikaty IFS Food i halal, dostawy całoroczne na "
                "podstawie umów kwartalnych.",
                "Przetwórcy żywności, producenci czekolady i piekarnie przemysłowe oraz "
                "hurtownicy składników spożywczych.",
            ),
            "en": (
                "Skimmed and whole milk powder for food processors",
                "A producer from Podlaskie offers skimmed (SMP) and whole (WMP) milk powder in "
                "25 kg bags.",
                "We dry milk from our own collection on two spray-drying lines, about 12,000 "
                "tonnes a year. The product is IFS Food and halal certified; deliveries all year "
                "round under quarterly contracts.",
                "Food processors, chocolate makers and industrial bakeries, and wholesalers of "
                "food ingredients.",
            ),
            "de": (
                "Magermilch- und Vollmilchpulver für die Lebensmittelindustrie",
                "Ein Hersteller aus Podlachien bietet Magermilchpulver (SMP) und Vollmilchpulver "
                "(WMP) in 25-kg-Säcken an.",
                "Wir trocknen Milch aus eigener Erfassung auf zwei Sprühtrocknungslinien, rund "
                "12 000 Tonnen im Jahr. Das Produkt ist nach IFS Food und Halal zertifiziert; "
                "Lieferungen ganzjährig auf Grundlage von Quartalsverträgen.",
                "Lebensmittelverarbeiter, Schokoladenhersteller und Industriebäckereien sowie "
                "Großhändler für Lebensmittelzutaten.",
            ),
            "it": (
                "Latte in polvere scremato e intero per l'industria alimentare",
                "Un produttore della Podlachia offre latte in polvere scremato (SMP) e intero "
                "(WMP) in sacchi da 25 kg.",
                "Essicchiamo il latte della nostra raccolta su due linee di atomizzazione, circa "
                "12 000 tonnellate all'anno. Il prodotto è certificato IFS Food e halal; "
                "forniture tutto l'anno con contratti trimestrali.",
                "Industrie alimentari, produttori di cioccolato e panifici industriali, grossisti "
                "di ingredienti alimentari.",
            ),
            "cs": (
                "Sušené odstředěné a plnotučné mléko pro zpracovatele",
                "Výrobce z Podleského vojvodství nabízí sušené odstředěné (SMP) a plnotučné (WMP) "
                "mléko v pytlích po 25 kg.",
                "Mléko z vlastního výkupu sušíme na dvou rozprašovacích linkách, asi 12 000 tun "
                "ročně. Výrobek má certifikáty IFS Food a halal; dodávky po celý rok na základě "
                "čtvrtletních smluv.",
                "Zpracovatelé potravin, výrobci čokolády a průmyslové pekárny, velkoobchody "
                "s potravinářskými surovinami.",
            ),
            "hu": (
                "Sovány és teljes tejpor élelmiszer-feldolgozóknak",
                "Egy Podlasie vajdasági gyártó sovány (SMP) és teljes (WMP) tejport kínál 25 kg-os "
                "zsákokban.",
                "Saját felvásárlású tejet szárítunk két porlasztva szárító soron, évente mintegy "
                "12 000 tonnát. A termék IFS Food és halal tanúsítvánnyal rendelkezik; egész éves "
                "szállítás negyedéves szerződések alapján.",
                "Élelmiszer-feldolgozók, csokoládégyártók, ipari pékségek, valamint "
                "élelmiszer-alapanyag nagykereskedők.",
            ),
            "ro": (
                "Lapte praf degresat și integral pentru procesatori",
                "Un producător din Podlasia oferă lapte praf degresat (SMP) și integral (WMP) în "
                "saci de 25 kg.",
                "Uscăm laptele din colectarea proprie pe două linii de uscare prin pulverizare, "
                "aproximativ 12 000 de tone pe an. Produsul are certificare IFS Food și halal; "
                "livrări pe tot parcursul anului pe bază de contracte trimestriale.",
                "Procesatori de alimente, producători de ciocolată și brutării industriale, "
                "distribuitori angro de ingrediente alimentare.",
            ),
            "bg": (
                "Обезмаслено и пълномаслено мляко на прах за преработватели",
                "Производител от Подляско предлага обезмаслено (SMP) и пълномаслено (WMP) мляко "
                "на прах в чували по 25 кг.",
                "Сушим мляко от собствено изкупуване на две линии за разпрашително сушене, около "
                "12 000 тона годишно. Продуктът е сертифициран по IFS Food и халал; доставки през "
                "цялата година по тримесечни договори.",
                "Хранителни преработватели, производители на шоколад и индустриални пекарни, "
                "търговци на едро на хранителни съставки.",
            ),
        },
    },
    {
        "organisations": ["serowar-podlaski", "mleczarnia-piatnica-dolna"],
        "kind": Kind.BUSINESS_OFFER,
        "cooperation": ["commercial", "distribution"],
        "clusters": [DAIRY],
        "countries": ["DE", "IT", "CZ"],
        "keywords": "ser, gouda, edam, marka własna",
        "language": "pl",
        "texts": {
            "pl": (
                "Sery dojrzewające typu gouda i edamski dla sieci handlowych",
                "Serowarnia z Wysokiego Mazowieckiego oferuje sery dojrzewające w blokach, "
                "plastrach i pod marką klienta.",
                "Produkujemy 40 ton sera dziennie z mleka od rolników z naszego regionu. Oferujemy "
                "okres dojrzewania od 4 do 12 tygodni, pakowanie w atmosferze ochronnej i marki "
                "własne sieci.",
                "Sieci handlowe, importerzy i hurtownie nabiału w Niemczech, Włoszech i Czechach.",
            ),
            "en": (
                "Gouda and Edam type ripened cheese for retail chains",
                "A cheese dairy in Wysokie Mazowieckie offers ripened cheese in blocks, slices and "
                "under the customer's brand.",
                "We make 40 tonnes of cheese a day from the milk of farmers in our region. We "
                "offer ripening from 4 to 12 weeks, modified-atmosphere packaging and private "
                "labels.",
                "Retail chains, importers and dairy wholesalers in Germany, Italy and Czechia.",
            ),
            "de": (
                "Schnittkäse nach Gouda- und Edamer-Art für Handelsketten",
                "Eine Käserei aus Wysokie Mazowieckie bietet gereiften Käse am Block, in Scheiben "
                "und als Handelsmarke an.",
                "Wir stellen täglich 40 Tonnen Käse aus der Milch von Landwirten unserer Region "
                "her. Wir bieten Reifezeiten von 4 bis 12 Wochen, Verpackung unter "
                "Schutzatmosphäre und Eigenmarken.",
                "Handelsketten, Importeure und Molkereigroßhändler in Deutschland, Italien und "
                "Tschechien.",
            ),
            "it": (
                "Formaggi stagionati tipo gouda ed edam per la grande distribuzione",
                "Un caseificio di Wysokie Mazowieckie offre formaggi stagionati in blocchi, "
                "a fette e con il marchio del cliente.",
                "Produciamo 40 tonnellate di formaggio al giorno con il latte degli allevatori "
                "della nostra regione. Offriamo stagionature da 4 a 12 settimane, confezionamento "
                "in atmosfera protettiva e marchi privati.",
                "Catene della grande distribuzione, importatori e grossisti di latticini in "
                "Germania, Italia e Cechia.",
            ),
        },
    },
    {
        "organisations": ["maso-suwalskie", "mleczarnia-biebrza"],
        "kind": Kind.BUSINESS_OFFER,
        "cooperation": ["commercial"],
        "clusters": [DAIRY],
        "countries": [],
        "keywords": "masło, eksport",
        "language": "pl",
        "texts": {
            "pl": (
                "Masło ekstra 82% w blokach 25 kg na eksport",
                "Mleczarnia z Suwałk oferuje masło ekstra w blokach 25 kg i kostkach 200 g.",
                "Masło wyrabiamy ze śmietany z mleka od krów z pastwisk Suwalszczyzny. Mamy "
                "uprawnienia eksportowe i doświadczenie w dostawach do krajów UE i na Bliski "
                "Wschód.",
                "Importerzy masła, producenci ciast i przemysł cukierniczy.",
            ),
            "en": (
                "Extra butter 82% in 25 kg blocks for export",
                "A dairy in Suwałki offers extra butter in 25 kg blocks and 200 g packs.",
                "We churn butter from the cream of milk from cows grazing in the Suwałki region. "
                "We are approved for export and experienced in deliveries to EU countries and the "
                "Middle East.",
                "Butter importers, cake makers and the confectionery industry.",
            ),
        },
    },
    {
        "organisations": ["lody-kleosin"],
        "kind": Kind.BUSINESS_REQUEST,
        "cooperation": ["distribution"],
        "clusters": [DAIRY],
        "countries": ["IT", "AT"],
        "keywords": "lody, sorbety, dystrybucja",
        "language": "pl",
        "texts": {
            "pl": (
                "Szukamy dystrybutora lodów rzemieślniczych we Włoszech i Austrii",
                "Wytwórnia lodów z Kleosina szuka dystrybutora dla lodów na śmietance i sorbetów "
                "w opakowaniach 0,5–5 l.",
                "Nasze lody powstają z mleka i śmietany z Podlasia, bez olejów roślinnych. "
                "Zapewniamy transport chłodniczy do magazynu partnera i materiały promocyjne.",
                "Dystrybutorzy mrożonek i lodów obsługujący kawiarnie, hotele i sklepy "
                "delikatesowe.",
            ),
        },
    },
    {
        "organisations": ["kozi-ser-hajnowka", "gospodarstwo-mleczne-kowalczyk"],
        "kind": Kind.BUSINESS_OFFER,
        "cooperation": ["commercial"],
        "clusters": [DAIRY],
        "countries": ["IT", "AT", "DE"],
        "keywords": "ser kozi, produkt regionalny",
        "language": "pl",
        "machine": {"it"},
        "texts": {
            "pl": (
                "Ser kozi z okolic Puszczy Białowieskiej dla delikatesów",
                "Mała serowarnia oferuje sery kozie świeże i dojrzewające z mleka od własnego "
                "stada.",
                "Produkujemy ręcznie około 300 kg sera tygodniowo, z tradycyjnych receptur. Sery "
                "mają oznaczenie produktu regionalnego i termin przydatności do 60 dni.",
                "Sklepy delikatesowe, restauracje i importerzy serów rzemieślniczych.",
            ),
            "en": (
                "Goat cheese from the Białowieża Forest area for delicatessens",
                "A small cheese dairy offers fresh and ripened goat cheese from the milk of its "
                "own herd.",
                "We make about 300 kg of cheese a week by hand, to traditional recipes. The "
                "cheeses carry a regional product mark and keep for up to 60 days.",
                "Delicatessens, restaurants and importers of craft cheese.",
            ),
            "it": (
                "Formaggio di capra della zona della foresta di Białowieża per gastronomie",
                "Un piccolo caseificio offre formaggi di capra freschi e stagionati dal latte del "
                "proprio gregge.",
                "Produciamo a mano circa 300 kg di formaggio alla settimana, secondo ricette "
                "tradizionali. I formaggi hanno il marchio di prodotto regionale e una durata fino "
                "a 60 giorni.",
                "Gastronomie, ristoranti e importatori di formaggi artigianali.",
            ),
        },
    },
    {
        "organisations": ["spodzielnia-mleczarska-narew", "proszkownia-zambrow"],
        "kind": Kind.TECHNOLOGY_REQUEST,
        "cooperation": ["technical", "supplier"],
        "clusters": [DAIRY],
        "countries": ["DE", "AT", "IT"],
        "keywords": "serwatka, ultrafiltracja, WPC",
        "language": "pl",
        "machine": {"de"},
        "texts": {
            "pl": (
                "Technologia zagęszczania serwatki i produkcji WPC 80",
                "Spółdzielnia mleczarska szuka dostawcy technologii ultrafiltracji serwatki "
                "i suszenia koncentratu białek.",
                "Rocznie powstaje u nas 200 mln litrów serwatki słodkiej. Planujemy instalację "
                "ultrafiltracji i suszarni o wydajności 15 ton WPC 80 na dobę, z uruchomieniem "
                "w ciągu dwóch lat.",
                "Dostawcy linii membranowych i suszarni dla przemysłu mleczarskiego, "
                "z referencjami w Europie.",
            ),
            "en": (
                "Technology for whey concentration and WPC 80 production",
                "A dairy co-operative is looking for a supplier of whey ultrafiltration and "
                "protein concentrate drying technology.",
                "We produce 200 million litres of sweet whey a year. We plan an ultrafiltration "
                "plant and a dryer with a capacity of 15 tonnes of WPC 80 a day, to start within "
                "two years.",
                "Suppliers of membrane lines and dryers for the dairy industry with references in "
                "Europe.",
            ),
            "de": (
                "Technologie zur Molkenkonzentrierung und Herstellung von WPC 80",
                "Eine Molkereigenossenschaft sucht einen Lieferanten für Technologie zur "
                "Ultrafiltration von Molke und Trocknung von Proteinkonzentrat.",
                "Bei uns fallen jährlich 200 Millionen Liter Süßmolke an. Wir planen eine "
                "Ultrafiltrationsanlage und einen Trockner mit einer Leistung von 15 Tonnen "
                "WPC 80 pro Tag, mit Inbetriebnahme innerhalb von zwei Jahren.",
                "Lieferanten von Membrananlagen und Trocknern für die Milchindustrie mit "
                "Referenzen in Europa.",
            ),
        },
    },
    {
        "organisations": ["transmlek"],
        "kind": Kind.BUSINESS_OFFER,
        "cooperation": ["commercial"],
        "clusters": [DAIRY],
        "countries": ["DE", "CZ", "IT"],
        "keywords": "transport, cysterny, logistyka",
        "language": "pl",
        "texts": {
            "pl": (
                "Transport mleka i nabiału w cysternach izotermicznych",
                "Firma transportowa z Siemiatycz oferuje przewóz mleka surowego, śmietany "
                "i serwatki w całej Europie.",
                "Dysponujemy 45 cysternami ze stali nierdzewnej z myciem CIP i monitorowaniem "
                "temperatury. Prowadzimy też transport chłodniczy wyrobów gotowych "
                "w temperaturze 2–6°C.",
                "Mleczarnie i handlowcy nabiału, którzy potrzebują stałego przewoźnika na trasach "
                "do Niemiec, Czech i Włoch.",
            ),
        },
    },
    {
        "organisations": ["inox-mlek"],
        "kind": Kind.SUBCONTRACTING,
        "cooperation": ["subcontracting", "manufacturing"],
        "clusters": [DAIRY],
        "countries": ["IT", "AT", "DE"],
        "keywords": "stal nierdzewna, zbiorniki, spawanie",
        "language": "pl",
        "texts": {
            "pl": (
                "Zbiorniki i instalacje ze stali nierdzewnej dla mleczarni",
                "Wykonujemy zbiorniki procesowe, rurociągi i konstrukcje ze stali nierdzewnej "
                "według dokumentacji klienta.",
                "Spawamy w osłonie gazów metodami TIG i orbitalną, z certyfikatem EN ISO 3834. "
                "Wykonujemy też montaż na miejscu i próby ciśnieniowe.",
                "Producenci linii dla przemysłu spożywczego i mleczarnie szukające wykonawcy.",
            ),
            "en": (
                "Stainless-steel tanks and pipework for dairies",
                "We build process tanks, pipework and stainless-steel structures to the customer's "
                "drawings.",
                "We weld with TIG and orbital methods, certified to EN ISO 3834. We also install "
                "on site and run pressure tests.",
                "Makers of food-processing lines and dairies looking for a contractor.",
            ),
        },
    },
    {
        "organisations": ["laboratorium-mleka-lacto-test"],
        "kind": Kind.BUSINESS_OFFER,
        "cooperation": ["technical"],
        "clusters": [DAIRY],
        "countries": [],
        "keywords": "laboratorium, badania mleka, ISO 17025",
        "language": "pl",
        "texts": {
            "pl": (
                "Badania mleka surowego i produktów mlecznych – akredytowane laboratorium",
                "Laboratorium z Białegostoku wykonuje badania składu, jakości mikrobiologicznej "
                "i pozostałości w mleku i nabiale.",
                "Mamy akredytację PCA według ISO/IEC 17025 i wykonujemy ponad 200 metod "
                "badawczych. Wyniki podstawowych badań przekazujemy w ciągu 48 godzin, raporty "
                "także po angielsku.",
                "Mleczarnie, handlowcy i producenci, którzy potrzebują badań do certyfikacji lub "
                "eksportu.",
            ),
            "en": (
                "Testing of raw milk and dairy products – accredited laboratory",
                "A laboratory in Białystok tests the composition, microbiological quality and "
                "residues in milk and dairy products.",
                "We are accredited by PCA to ISO/IEC 17025 and run more than 200 test methods. "
                "Results of routine tests are ready within 48 hours; reports are also issued in "
                "English.",
                "Dairies, traders and producers who need tests for certification or export.",
            ),
        },
    },
    {
        "organisations": ["opakowania-mleczne-choroszcz"],
        "kind": Kind.TECHNOLOGY_OFFER,
        "cooperation": ["licence", "supplier"],
        "clusters": [DAIRY],
        "countries": ["DE", "AT", "IT", "CZ"],
        "keywords": "opakowania, PLA, kompostowalne",
        "language": "pl",
        "texts": {
            "pl": (
                "Kubki i wieczka z materiałów biodegradowalnych dla nabiału",
                "Opracowaliśmy kubki do jogurtów i serków z tworzywa PLA, które można kompostować "
                "przemysłowo.",
                "Kubki o pojemności 125–500 g pasują do typowych maszyn napełniających "
                "i wytrzymują pasteryzację. Oferujemy licencję na technologię lub dostawy gotowych "
                "opakowań.",
                "Producenci jogurtów i deserów mlecznych oraz producenci opakowań zainteresowani "
                "licencją.",
            ),
            "en": (
                "Biodegradable cups and lids for dairy products",
                "We have developed cups for yoghurt and soft cheese made of PLA that can be "
                "composted industrially.",
                "The 125–500 g cups fit common filling machines and withstand pasteurisation. We "
                "offer a licence for the technology or deliveries of finished packaging.",
                "Makers of yoghurt and dairy desserts, and packaging makers interested in a "
                "licence.",
            ),
        },
    },
    {
        "organisations": ["pasze-monki"],
        "kind": Kind.BUSINESS_REQUEST,
        "cooperation": ["supplier"],
        "clusters": [DAIRY],
        "countries": ["CZ", "HU", "RO", "BG"],
        "keywords": "pasze, bez GMO, śruta rzepakowa",
        "language": "pl",
        "texts": {
            "pl": (
                "Szukamy dostawców komponentów paszowych bez GMO",
                "Wytwórnia pasz z Moniek szuka dostawców śruty rzepakowej, soi bez GMO i premiksów "
                "mineralnych.",
                "Produkujemy 60 000 ton mieszanek paszowych rocznie dla gospodarstw mlecznych. "
                "Potrzebujemy stałych dostaw z certyfikatem VLOG lub równoważnym.",
                "Producenci i handlowcy surowców paszowych z Europy Środkowej.",
            ),
        },
    },
    {
        "organisations": ["agromet-sokoka"],
        "kind": Kind.BUSINESS_REQUEST,
        "cooperation": ["distribution"],
        "clusters": [MACHINERY],
        "countries": ["CZ", "HU"],
        "keywords": "przyczepy, wywrotki, dystrybucja",
        "language": "pl",
        "outdated": True,
        "texts": {
            "pl": (
                "Przyczepy rolnicze – szukamy dystrybutorów w Czechach i na Węgrzech",
                "Producent przyczep wywrotek i przyczep do bel o ładowności 6–18 t szuka "
                "dystrybutorów.",
                "Produkujemy przyczepy rolnicze od 1994 roku, rocznie około 900 sztuk, "
                "z homologacją UE. Zapewniamy szkolenie serwisu, części zamienne w 48 godzin "
                "i materiały w języku partnera.",
                "Dealerzy maszyn rolniczych z własnym serwisem, działający regionalnie lub w całym "
                "kraju.",
            ),
            "en": (
                "Agricultural trailers – distributors wanted in Czechia and Hungary",
                "A maker of tipping trailers and bale trailers with 6–18 t payload is looking for "
                "distributors.",
                "We have built agricultural trailers since 1994, about 900 a year, with EU type "
                "approval. We provide service training, spare parts within 48 hours and material "
                "in the partner's language.",
                "Agricultural machinery dealers with their own service workshop, working "
                "regionally or nationwide.",
            ),
            "de": (
                "Landwirtschaftliche Anhänger – Vertriebspartner in Tschechien und Ungarn gesucht",
                "Ein Hersteller von Kippanhängern und Ballenwagen mit 6–18 t Nutzlast sucht "
                "Vertriebspartner.",
                "Wir bauen seit 1994 landwirtschaftliche Anhänger, rund 900 Stück im Jahr, mit "
                "EU-Typgenehmigung. Wir bieten Serviceschulungen, Ersatzteile innerhalb von "
                "48 Stunden und Unterlagen in der Sprache des Partners.",
                "Landmaschinenhändler mit eigener Werkstatt, regional oder landesweit tätig.",
            ),
            "it": (
                "Rimorchi agricoli – cerchiamo distributori in Cechia e Ungheria",
                "Un produttore di rimorchi ribaltabili e portaballe con portata di 6–18 t cerca "
                "distributori.",
                "Costruiamo rimorchi agricoli dal 1994, circa 900 all'anno, con omologazione UE. "
                "Offriamo formazione per l'assistenza, ricambi entro 48 ore e materiali nella "
                "lingua del partner.",
                "Concessionari di macchine agricole con officina propria, attivi a livello "
                "regionale o nazionale.",
            ),
            "cs": (
                "Zemědělské přívěsy – hledáme distributory v Česku a Maďarsku",
                "Výrobce sklápěcích přívěsů a přívěsů na balíky s nosností 6–18 t hledá "
                "distributory.",
                "Zemědělské přívěsy vyrábíme od roku 1994, ročně asi 900 kusů, se schválením typu "
                "EU. Zajišťujeme školení servisu, náhradní díly do 48 hodin a podklady v jazyce "
                "partnera.",
                "Prodejci zemědělské techniky s vlastním servisem, působící regionálně nebo "
                "celostátně.",
            ),
            "hu": (
                "Mezőgazdasági pótkocsik – forgalmazókat keresünk Csehországban és Magyarországon",
                "Egy 6–18 t teherbírású billenő és bálaszállító pótkocsikat gyártó cég "
                "forgalmazókat keres.",
                "1994 óta gyártunk mezőgazdasági pótkocsikat, évente mintegy 900 darabot, uniós "
                "típusjóváhagyással. Szervizképzést, 48 órán belüli alkatrészellátást és "
                "a partner nyelvén készült anyagokat biztosítunk.",
                "Saját szervizzel rendelkező mezőgépkereskedők, regionális vagy országos "
                "lefedettséggel.",
            ),
            "ro": (
                "Remorci agricole – căutăm distribuitori în Cehia și Ungaria",
                "Un producător de remorci basculante și remorci pentru baloți cu sarcină utilă de "
                "6–18 t caută distribuitori.",
                "Construim remorci agricole din 1994, aproximativ 900 pe an, cu omologare UE. "
                "Asigurăm instruire pentru service, piese de schimb în 48 de ore și materiale în "
                "limba partenerului.",
                "Dealeri de utilaje agricole cu service propriu, activi la nivel regional sau "
                "național.",
            ),
            "bg": (
                "Селскостопански ремаркета – търсим дистрибутори в Чехия и Унгария",
                "Производител на самосвални ремаркета и ремаркета за бали с товароносимост 6–18 т "
                "търси дистрибутори.",
                "Произвеждаме селскостопански ремаркета от 1994 г., около 900 броя годишно, "
                "с одобрение на типа за ЕС. Осигуряваме обучение за сервиз, резервни части до "
                "48 часа и материали на езика на партньора.",
                "Търговци на селскостопанска техника със собствен сервиз, работещи регионално или "
                "в цялата страна.",
            ),
        },
    },
    {
        "organisations": ["prasy-rolnicze-metalbud"],
        "kind": Kind.BUSINESS_OFFER,
        "cooperation": ["distribution", "commercial"],
        "clusters": [MACHINERY],
        "countries": ["RO", "BG", "HU"],
        "keywords": "prasy zwijające, bele, słoma",
        "language": "pl",
        "machine": {"ro", "bg", "hu"},
        "texts": {
            "pl": (
                "Prasy zwijające do siana i słomy – szukamy importerów",
                "Producent z Bielska Podlaskiego oferuje prasy zwijające o stałej komorze "
                "z owijarką lub bez.",
                "Prasy formują bele o średnicy 1,2 m, mają automatyczne smarowanie łańcuchów "
                "i siatkowanie. Ceny są konkurencyjne wobec marek zachodnich przy porównywalnej "
                "trwałości.",
                "Importerzy i dealerzy maszyn rolniczych w Rumunii, Bułgarii i na Węgrzech.",
            ),
            "en": (
                "Round balers for hay and straw – importers wanted",
                "A maker from Bielsk Podlaski offers fixed-chamber round balers with or without "
                "a wrapper.",
                "The balers make bales of 1.2 m diameter and have automatic chain lubrication and "
                "net wrapping. Prices compete with Western brands at comparable durability.",
                "Importers and dealers of agricultural machinery in Romania, Bulgaria and Hungary.",
            ),
            "ro": (
                "Prese de balotat rotunde pentru fân și paie – căutăm importatori",
                "Un producător din Bielsk Podlaski oferă prese de balotat cu cameră fixă, cu sau "
                "fără înfoliator.",
                "Presele formează baloți cu diametrul de 1,2 m și au ungere automată a lanțurilor "
                "și legare cu plasă. Prețurile sunt competitive față de mărcile occidentale, la "
                "o durabilitate comparabilă.",
                "Importatori și dealeri de utilaje agricole din România, Bulgaria și Ungaria.",
            ),
            "bg": (
                "Рулонни преси за сено и слама – търсим вносители",
                "Производител от Белск Подляски предлага рулонни преси с фиксирана камера, със или "
                "без опаковачка.",
                "Пресите оформят бали с диаметър 1,2 м и имат автоматично смазване на веригите "
                "и обвиване с мрежа. Цените са конкурентни на западните марки при сравнима "
                "издръжливост.",
                "Вносители и търговци на селскостопанска техника в Румъния, България и Унгария.",
            ),
            "hu": (
                "Körbálázók szénához és szalmához – importőröket keresünk",
                "Egy bielsk podlaski gyártó fix kamrás körbálázókat kínál bálacsomagolóval vagy "
                "anélkül.",
                "A bálázók 1,2 m átmérőjű bálákat készítenek, automatikus láncolajozással és hálós "
                "kötözéssel. Áraik versenyképesek a nyugati márkákkal, hasonló tartósság mellett.",
                "Mezőgépimportőrök és -kereskedők Romániában, Bulgáriában és Magyarországon.",
            ),
        },
    },
    {
        "organisations": ["opryskiwacze-krukowski", "agro-handel-kolno"],
        "kind": Kind.BUSINESS_OFFER,
        "cooperation": ["distribution"],
        "clusters": [MACHINERY],
        "countries": ["CZ", "HU", "RO", "BG"],
        "keywords": "opryskiwacze, ochrona roślin, sadownictwo",
        "language": "pl",
        "texts": {
            "pl": (
                "Opryskiwacze polowe i sadownicze z belkami 12–24 m",
                "Producent opryskiwaczy z Zambrowa szuka partnerów handlowych na nowych rynkach.",
                "Oferujemy opryskiwacze zawieszane i przyczepiane o pojemności 400–4000 l, "
                "z komputerem dawkowania i sekcjami sterowanymi GPS. Maszyny mają atest JKI "
                "i spełniają normę EN ISO 16119.",
                "Dystrybutorzy maszyn rolniczych i sadowniczych, także jako przedstawiciele na "
                "wyłączność.",
            ),
            "en": (
                "Field and orchard sprayers with 12–24 m booms",
                "A sprayer maker from Zambrów is looking for trade partners in new markets.",
                "We offer mounted and trailed sprayers of 400–4,000 l with a rate controller and "
                "GPS section control. The machines are JKI tested and meet EN ISO 16119.",
                "Distributors of farm and orchard machinery, also as exclusive agents.",
            ),
        },
    },
    {
        "organisations": ["siewniki-podlasie"],
        "kind": Kind.TECHNOLOGY_REQUEST,
        "cooperation": ["technical", "research"],
        "clusters": [MACHINERY],
        "countries": ["DE", "AT", "CZ"],
        "keywords": "ISOBUS, siewniki, rolnictwo precyzyjne",
        "language": "pl",
        "texts": {
            "pl": (
                "Sterowanie wysiewem ISOBUS – szukamy partnera technologicznego",
                "Producent siewników chce wprowadzić sterowanie dawką i sekcjami przez ISOBUS.",
                "Budujemy siewniki mechaniczne i pneumatyczne o szerokości 3–6 m. Szukamy firmy, "
                "która dostarczy sterownik, oprogramowanie i wsparcie przy certyfikacji AEF.",
                "Firmy elektroniczne i integratorzy systemów rolnictwa precyzyjnego.",
            ),
        },
    },
    {
        "organisations": ["kuznia-augustow", "metal-spaw-omza"],
        "kind": Kind.SUBCONTRACTING,
        "cooperation": ["subcontracting", "supplier"],
        "clusters": [MACHINERY],
        "countries": ["DE", "AT", "IT"],
        "keywords": "odkuwki, kuźnia, zęby bron",
        "language": "pl",
        "texts": {
            "pl": (
                "Odkuwki i części kute do maszyn rolniczych",
                "Kuźnia z Augustowa produkuje odkuwki matrycowe od 0,2 do 25 kg, także z obróbką "
                "mechaniczną.",
                "Kujemy zęby bron, elementy zawieszeń, widły i zaczepy ze stali węglowych "
                "i stopowych. Prowadzimy obróbkę cieplną i dostarczamy części gotowe do montażu.",
                "Producenci maszyn rolniczych i budowlanych, którzy szukają stałego dostawcy "
                "odkuwek.",
            ),
            "en": (
                "Forgings and forged parts for agricultural machinery",
                "A forge in Augustów makes closed-die forgings from 0.2 to 25 kg, machined if "
                "needed.",
                "We forge harrow tines, suspension parts, forks and hitches of carbon and alloy "
                "steels. We heat-treat and deliver parts ready for assembly.",
                "Makers of agricultural and construction machinery looking for a regular supplier "
                "of forgings.",
            ),
        },
    },
    {
        "organisations": ["precyzja-cnc-kleosin"],
        "kind": Kind.SUBCONTRACTING,
        "cooperation": ["subcontracting", "manufacturing"],
        "clusters": [MACHINERY],
        "countries": ["DE", "AT", "IT", "CZ"],
        "keywords": "CNC, toczenie, frezowanie, obróbka skrawaniem",
        "language": "pl",
        "machine": {"bg"},
        "texts": {
            "pl": (
                "Obróbka CNC części maszyn – toczenie i frezowanie w seriach 50–5000 szt.",
                "Zakład z Kleosina przyjmie zlecenia na obróbkę CNC części ze stali, żeliwa "
                "i aluminium.",
                "Mamy 14 centrów obróbczych, w tym 5-osiowe, oraz maszynę współrzędnościową. "
                "Pracujemy według rysunku klienta, z atestem materiałowym i raportem pomiarowym "
                "dla każdej partii.",
                "Producenci maszyn rolniczych i spożywczych, którzy zlecają obróbkę części na "
                "zewnątrz.",
            ),
            "en": (
                "CNC machining of machine parts – turning and milling in batches of 50–5,000",
                "A workshop in Kleosin takes orders for CNC machining of steel, cast-iron and "
                "aluminium parts.",
                "We run 14 machining centres, 5-axis ones among them, and a coordinate measuring "
                "machine. We work to the customer's drawing, with a material certificate and an "
                "inspection report for every batch.",
                "Makers of agricultural and food-processing machinery who outsource the machining "
                "of parts.",
            ),
            "de": (
                "CNC-Bearbeitung von Maschinenteilen – Drehen und Fräsen in Serien von "
                "50–5000 Stück",
                "Ein Betrieb aus Kleosin übernimmt die CNC-Bearbeitung von Teilen aus Stahl, Guss "
                "und Aluminium.",
                "Wir betreiben 14 Bearbeitungszentren, darunter 5-Achs-Maschinen, und eine "
                "Koordinatenmessmaschine. Wir fertigen nach Kundenzeichnung, mit Materialzeugnis "
                "und Messprotokoll für jede Charge.",
                "Hersteller von Landmaschinen und Lebensmittelmaschinen, die die Teilefertigung "
                "auslagern.",
            ),
            "it": (
                "Lavorazioni CNC di parti meccaniche – tornitura e fresatura in lotti da 50 a "
                "5000 pezzi",
                "Un'officina di Kleosin accetta ordini di lavorazione CNC di parti in acciaio, "
                "ghisa e alluminio.",
                "Disponiamo di 14 centri di lavoro, anche a 5 assi, e di una macchina di misura "
                "a coordinate. Lavoriamo su disegno del cliente, con certificato del materiale "
                "e rapporto di misura per ogni lotto.",
                "Costruttori di macchine agricole e alimentari che affidano all'esterno la "
                "lavorazione dei pezzi.",
            ),
            "cs": (
                "CNC obrábění strojních dílů – soustružení a frézování v sériích 50–5000 kusů",
                "Firma z Kleosinu přijímá zakázky na CNC obrábění dílů z oceli, litiny a hliníku.",
                "Máme 14 obráběcích center, včetně pětiosých, a souřadnicový měřicí stroj. "
                "Pracujeme podle výkresu zákazníka, s materiálovým atestem a protokolem o měření "
                "ke každé dávce.",
                "Výrobci zemědělských a potravinářských strojů, kteří zadávají obrábění dílů "
                "externě.",
            ),
            "hu": (
                "Gépalkatrészek CNC-megmunkálása – esztergálás és marás 50–5000 darabos "
                "sorozatokban",
                "Egy kleosini üzem acél-, öntöttvas- és alumíniumalkatrészek CNC-megmunkálására "
                "vállal megrendelést.",
                "14 megmunkálóközponttal, köztük 5 tengelyesekkel, és koordináta-mérőgéppel "
                "dolgozunk. A megrendelő rajza alapján gyártunk, minden tételhez anyagbizonylattal "
                "és mérési jegyzőkönyvvel.",
                "Mezőgazdasági és élelmiszeripari gépek gyártói, akik külső partnerre bízzák "
                "az alkatrészek megmunkálását.",
            ),
            "ro": (
                "Prelucrare CNC a pieselor de mașini – strunjire și frezare în serii de 50–5000 "
                "de bucăți",
                "Un atelier din Kleosin preia comenzi de prelucrare CNC a pieselor din oțel, fontă "
                "și aluminiu.",
                "Avem 14 centre de prelucrare, inclusiv în 5 axe, și o mașină de măsurat în "
                "coordonate. Lucrăm după desenul clientului, cu certificat de material și raport "
                "de măsurare pentru fiecare lot.",
                "Producători de utilaje agricole și alimentare care externalizează prelucrarea "
                "pieselor.",
            ),
            "bg": (
                "CNC обработка на машинни части – струговане и фрезоване в серии от 50 до "
                "5000 броя",
                "Цех от Клеосин приема поръчки за CNC обработка на части от стомана, чугун "
                "и алуминий.",
                "Разполагаме с 14 обработващи центъра, включително петосни, и координатно-"
                "измервателна машина. Работим по чертеж на клиента, със сертификат за материала "
                "и протокол от измерване за всяка партида.",
                "Производители на селскостопански и хранително-вкусови машини, които възлагат "
                "обработката на части навън.",
            ),
        },
    },
    {
        "organisations": ["serwis-maszyn-rolniczych-agro-naprawa", "agro-handel-kolno"],
        "kind": Kind.BUSINESS_REQUEST,
        "cooperation": ["supplier"],
        "clusters": [MACHINERY],
        "countries": ["CZ", "RO", "BG"],
        "keywords": "części zamienne, ciągniki, Ursus, Zetor",
        "language": "pl",
        "texts": {
            "pl": (
                "Części zamienne do ciągników – szukamy producentów i hurtowni",
                "Serwis maszyn rolniczych z Moniek szuka bezpośrednich dostawców części do "
                "ciągników starszych typów.",
                "Obsługujemy ponad 1500 gospodarstw i naprawiamy ciągniki Ursus, Zetor i MTZ. "
                "Potrzebujemy filtrów, elementów układu hamulcowego, sprzęgieł i części "
                "hydrauliki.",
                "Producenci i hurtownie części zamiennych, w tym z Czech, Rumunii i Bułgarii.",
            ),
        },
    },
    {
        "organisations": ["hydraulika-siowa-hydro-pol"],
        "kind": Kind.TECHNOLOGY_OFFER,
        "cooperation": ["supplier", "manufacturing"],
        "clusters": [MACHINERY],
        "countries": ["DE", "AT", "IT", "HU"],
        "keywords": "siłowniki hydrauliczne, hydraulika siłowa",
        "language": "pl",
        "texts": {
            "pl": (
                "Siłowniki hydrauliczne na zamówienie dla producentów maszyn",
                "Projektujemy i wykonujemy siłowniki hydrauliczne o średnicy tłoka 32–200 mm.",
                "Każdy siłownik testujemy ciśnieniowo, a konstrukcję możemy dopasować do "
                "istniejącego mocowania. Krótkie serie realizujemy w 3 tygodnie.",
                "Producenci ładowaczy, przyczep i maszyn komunalnych.",
            ),
            "en": (
                "Custom hydraulic cylinders for machinery makers",
                "We design and make hydraulic cylinders with piston diameters of 32–200 mm.",
                "Every cylinder is pressure tested, and we can adapt the design to existing "
                "mountings. Short runs are delivered in 3 weeks.",
                "Makers of loaders, trailers and municipal machinery.",
            ),
        },
    },
    {
        "organisations": ["wozy-paszowe-suwaki"],
        "kind": Kind.BUSINESS_OFFER,
        "cooperation": ["distribution", "commercial"],
        "clusters": [MACHINERY, DAIRY],
        "countries": ["CZ", "HU", "RO", "AT"],
        "keywords": "wozy paszowe, TMR, bydło mleczne",
        "language": "pl",
        "texts": {
            "pl": (
                "Wozy paszowe z pionowym ślimakiem dla gospodarstw mlecznych",
                "Producent z Suwałk oferuje wozy paszowe o pojemności 8–24 m³ z wagą "
                "elektroniczną.",
                "Wozy mieszają kiszonki, siano i pasze treściwe w jednolitą dawkę TMR. Oferujemy "
                "wersje z rozładunkiem bocznym i przednim oraz szkolenie operatorów.",
                "Dealerzy maszyn dla hodowli bydła mlecznego i duże gospodarstwa.",
            ),
            "en": (
                "Vertical-auger feed mixer wagons for dairy farms",
                "A maker from Suwałki offers feed mixer wagons of 8–24 m³ with electronic "
                "weighing.",
                "The wagons mix silage, hay and concentrates into a uniform TMR ration. We offer "
                "side and front unloading versions and operator training.",
                "Machinery dealers for dairy cattle farming and large farms.",
            ),
        },
    },
    {
        "organisations": ["adowacze-czoowe-agro-lift"],
        "kind": Kind.BUSINESS_REQUEST,
        "cooperation": ["licence", "joint_venture"],
        "clusters": [MACHINERY],
        "countries": ["RO", "BG", "HU"],
        "keywords": "ładowacze czołowe, licencja",
        "language": "pl",
        "texts": {
            "pl": (
                "Szukamy partnera do produkcji ładowaczy czołowych na licencji",
                "Producent ładowaczy czołowych z Siemiatycz chce udzielić licencji lub podjąć "
                "wspólną produkcję za granicą.",
                "Nasze ładowacze pasują do ciągników o mocy 50–200 KM i mają opatentowany system "
                "szybkiego sprzęgania. Przekażemy dokumentację, przeszkolimy pracowników "
                "i dostarczymy kluczowe podzespoły.",
                "Producenci maszyn rolniczych z Rumunii, Bułgarii lub Węgier z własną spawalnią "
                "i lakiernią.",
            ),
        },
    },
    {
        "organisations": ["podlaska-wyzsza-szkoa-techniczna"],
        "kind": Kind.RESEARCH,
        "cooperation": ["research"],
        "clusters": [DAIRY],
        "countries": ["IT", "AT", "CZ"],
        "keywords": "probiotyki, Lactobacillus, Horyzont Europa",
        "language": "pl",
        "texts": {
            "pl": (
                "Badania nad szczepami probiotycznymi w serach dojrzewających",
                "Uczelnia szuka partnerów do projektu badawczego nad przeżywalnością bakterii "
                "probiotycznych w serach.",
                "Zespół technologii żywności bada szczepy Lactobacillus izolowane z tradycyjnych "
                "serów podlaskich. Planujemy wniosek do programu Horyzont Europa i próby w skali "
                "półtechnicznej w mleczarniach.",
                "Uczelnie, instytuty badawcze i mleczarnie z Włoch, Austrii lub Czech.",
            ),
            "en": (
                "Research on probiotic strains in ripened cheese",
                "A university is looking for partners in a research project on the survival of "
                "probiotic bacteria in cheese.",
                "The food technology team studies Lactobacillus strains isolated from traditional "
                "Podlaskie cheeses. We plan a Horizon Europe proposal and pilot-scale trials in "
                "dairies.",
                "Universities, research institutes and dairies from Italy, Austria or Czechia.",
            ),
            "it": (
                "Ricerca su ceppi probiotici nei formaggi stagionati",
                "Un'università cerca partner per un progetto di ricerca sulla sopravvivenza dei "
                "batteri probiotici nei formaggi.",
                "Il gruppo di tecnologia alimentare studia ceppi di Lactobacillus isolati da "
                "formaggi tradizionali della Podlachia. Prevediamo una proposta Horizon Europe "
                "e prove su scala pilota nei caseifici.",
                "Università, istituti di ricerca e caseifici di Italia, Austria o Cechia.",
            ),
        },
    },
    {
        "organisations": ["park-naukowo-technologiczny-podlasie"],
        "kind": Kind.RESEARCH,
        "cooperation": ["research", "technical"],
        "clusters": [MACHINERY],
        "countries": ["AT", "CZ", "HU"],
        "keywords": "czujniki, rolnictwo precyzyjne, prototyp",
        "language": "pl",
        "texts": {
            "pl": (
                "Czujniki do rolnictwa precyzyjnego – wspólny projekt badawczy",
                "Park technologiczny szuka partnerów do rozwoju czujników wilgotności gleby "
                "i plonu dla maszyn rolniczych.",
                "Oferujemy laboratorium elektroniki, pole doświadczalne i współpracę "
                "z producentami maszyn z regionu. Projekt ma zakończyć się prototypem gotowym do "
                "testów polowych.",
                "Firmy technologiczne, uczelnie techniczne i producenci maszyn rolniczych.",
            ),
        },
    },
    {
        "organisations": ["centrum-szkolen-mleczarskich"],
        "kind": Kind.BUSINESS_OFFER,
        "cooperation": ["technical"],
        "clusters": [DAIRY],
        "countries": ["RO", "BG", "HU", "CZ"],
        "keywords": "szkolenia, serowarstwo, HACCP",
        "language": "pl",
        "texts": {
            "pl": (
                "Szkolenia praktyczne dla serowarów i technologów mleczarskich",
                "Centrum szkoleń w Zambrowie prowadzi kursy z produkcji serów, higieny i systemów "
                "HACCP.",
                "Zajęcia odbywają się w serowarni szkoleniowej wyposażonej jak mała mleczarnia. "
                "Kursy dla grup zagranicznych prowadzimy po angielsku lub z tłumaczem.",
                "Mleczarnie, szkoły zawodowe i organizacje rolnicze z krajów partnerskich.",
            ),
            "en": (
                "Practical training for cheese makers and dairy technologists",
                "A training centre in Zambrów runs courses on cheese making, hygiene and HACCP.",
                "Classes take place in a training cheese dairy equipped like a small dairy. "
                "Courses for groups from abroad are held in English or with an interpreter.",
                "Dairies, vocational schools and farmers' organisations from the partner "
                "countries.",
            ),
        },
    },
    # Italian.
    {
        "organisations": ["parma-impianti-caseari"],
        "kind": Kind.TECHNOLOGY_OFFER,
        "cooperation": ["supplier", "technical"],
        "clusters": [DAIRY],
        "countries": ["PL", "CZ", "HU", "RO", "BG"],
        "keywords": "pasta filata, mozzarella, impianti",
        "language": "it",
        "texts": {
            "it": (
                "Impianti per la produzione di formaggi a pasta filata",
                "Progettiamo e costruiamo filatrici e formatrici per mozzarella e provola da 300 "
                "a 5000 kg/ora.",
                "Le nostre macchine in acciaio inox lavorano con acqua calda o vapore e si "
                "puliscono con sistemi CIP. Offriamo installazione, avviamento e formazione del "
                "personale presso il caseificio.",
                "Caseifici che vogliono avviare o ampliare la produzione di formaggi a pasta "
                "filata, e agenti nel settore lattiero-caseario.",
            ),
            "pl": (
                "Linie do produkcji serów typu pasta filata",
                "Projektujemy i budujemy maszyny do parzenia i formowania mozzarelli i provoli "
                "o wydajności od 300 do 5000 kg/h.",
                "Nasze maszyny ze stali nierdzewnej pracują z gorącą wodą lub parą i są myte "
                "w systemie CIP. Zapewniamy montaż, uruchomienie i szkolenie personelu w zakładzie "
                "klienta.",
                "Mleczarnie, które chcą uruchomić lub rozszerzyć produkcję serów parzonych, oraz "
                "agenci branży mleczarskiej.",
            ),
            "en": (
                "Plants for the production of pasta filata cheese",
                "We design and build stretching and moulding machines for mozzarella and provola, "
                "from 300 to 5,000 kg per hour.",
                "Our stainless-steel machines work with hot water or steam and are cleaned in "
                "place (CIP). We provide installation, start-up and staff training at the dairy.",
                "Dairies that want to start or expand pasta filata production, and agents in the "
                "dairy sector.",
            ),
            "de": (
                "Anlagen zur Herstellung von Filata-Käse",
                "Wir entwickeln und bauen Knet- und Formmaschinen für Mozzarella und Provola mit "
                "300 bis 5000 kg pro Stunde.",
                "Unsere Edelstahlmaschinen arbeiten mit Heißwasser oder Dampf und werden im "
                "CIP-Verfahren gereinigt. Wir übernehmen Montage, Inbetriebnahme und Schulung des "
                "Personals in der Käserei.",
                "Molkereien, die die Herstellung von Filata-Käse aufnehmen oder ausbauen wollen, "
                "sowie Handelsvertreter der Milchbranche.",
            ),
            "cs": (
                "Linky na výrobu sýrů typu pasta filata",
                "Navrhujeme a vyrábíme stroje na tažení a tvarování mozzarelly a provoly "
                "s výkonem 300 až 5000 kg za hodinu.",
                "Naše nerezové stroje pracují s horkou vodou nebo párou a čistí se systémem CIP. "
                "Zajišťujeme instalaci, uvedení do provozu a zaškolení personálu v mlékárně.",
                "Mlékárny, které chtějí zahájit nebo rozšířit výrobu pařených sýrů, a obchodní "
                "zástupci v mlékárenství.",
            ),
            "hu": (
                "Berendezések pasta filata sajtok gyártásához",
                "Mozzarella és provola nyújtására és formázására szolgáló gépeket tervezünk és "
                "gyártunk, óránként 300–5000 kg teljesítménnyel.",
                "Rozsdamentes acél gépeink forró vízzel vagy gőzzel működnek, és CIP-rendszerrel "
                "tisztíthatók. Vállaljuk a telepítést, az üzembe helyezést és a személyzet "
                "betanítását a sajtüzemben.",
                "Sajtüzemek, amelyek pasta filata sajtok gyártását kezdenék el vagy bővítenék, "
                "valamint tejipari kereskedelmi képviselők.",
            ),
            "ro": (
                "Instalații pentru producția de brânzeturi pasta filata",
                "Proiectăm și construim mașini de întindere și formare pentru mozzarella "
                "și provola, de la 300 la 5000 kg pe oră.",
                "Mașinile noastre din oțel inoxidabil lucrează cu apă fierbinte sau abur și se "
                "curăță prin sistem CIP. Asigurăm instalarea, punerea în funcțiune și instruirea "
                "personalului la fabrică.",
                "Fabrici de lactate care vor să înceapă sau să extindă producția de brânzeturi "
                "pasta filata și agenți din sectorul lactatelor.",
            ),
            "bg": (
                "Линии за производство на сирена тип паста филата",
                "Проектираме и произвеждаме машини за опъване и формоване на моцарела и проволоне "
                "с капацитет от 300 до 5000 кг на час.",
                "Нашите машини от неръждаема стомана работят с гореща вода или пара и се почистват "
                "със система CIP. Осигуряваме монтаж, пускане в експлоатация и обучение на "
                "персонала в мандрата.",
                "Мандри, които искат да започнат или разширят производството на сирена паста "
                "филата, и търговски агенти в млечния сектор.",
            ),
        },
    },
    {
        "organisations": ["caseificio-lodigiano", "latteria-cremonese"],
        "kind": Kind.BUSINESS_REQUEST,
        "cooperation": ["supplier"],
        "clusters": [DAIRY],
        "countries": ["PL", "AT", "CZ"],
        "keywords": "latte biologico, panna, fornitori",
        "language": "it",
        "texts": {
            "it": (
                "Cerchiamo fornitori di latte e panna biologici",
                "Caseificio lombardo cerca fornitori di latte vaccino biologico e panna per "
                "la produzione di formaggi freschi.",
                "Lavoriamo 150 000 litri di latte al giorno e vogliamo ampliare la linea "
                "biologica. Chiediamo certificazione biologica UE e trasporto refrigerato fino "
                "a Lodi.",
                "Caseifici e cooperative di allevatori con latte biologico certificato.",
            ),
            "pl": (
                "Szukamy dostawców ekologicznego mleka i śmietany",
                "Mleczarnia z Lombardii szuka dostawców ekologicznego mleka krowiego i śmietany do "
                "produkcji serów świeżych.",
                "Przerabiamy 150 000 litrów mleka dziennie i chcemy rozszerzyć linię ekologiczną. "
                "Wymagamy certyfikatu rolnictwa ekologicznego UE i transportu chłodniczego do "
                "Lodi.",
                "Mleczarnie i spółdzielnie hodowców z certyfikowanym mlekiem ekologicznym.",
            ),
            "en": (
                "Organic milk and cream suppliers wanted",
                "A Lombardy dairy is looking for suppliers of organic cow's milk and cream for "
                "fresh cheese production.",
                "We process 150,000 litres of milk a day and want to expand our organic line. We "
                "require EU organic certification and refrigerated transport to Lodi.",
                "Dairies and farmers' co-operatives with certified organic milk.",
            ),
        },
    },
    {
        "organisations": ["emilia-macchine-agricole"],
        "kind": Kind.BUSINESS_OFFER,
        "cooperation": ["distribution", "commercial"],
        "clusters": [MACHINERY],
        "countries": ["PL", "CZ", "HU"],
        "keywords": "falciatrici, ranghinatori, fienagione",
        "language": "it",
        "machine": {"pl"},
        "texts": {
            "it": (
                "Falciatrici e ranghinatori – cerchiamo importatori in Polonia",
                "Costruttore emiliano di macchine per la fienagione cerca importatori "
                "e rivenditori in Polonia e nei paesi vicini.",
                "Produciamo falciatrici a dischi, ranghinatori e voltafieno per aziende medie "
                "e grandi. Offriamo listini dedicati, ricambi in 24 ore e corsi tecnici a Reggio "
                "Emilia.",
                "Importatori e concessionari di macchine agricole con rete di assistenza.",
            ),
            "pl": (
                "Kosiarki i zgrabiarki – szukamy importerów w Polsce",
                "Producent maszyn do zbioru zielonek z Emilii szuka importerów i dealerów w Polsce "
                "i krajach sąsiednich.",
                "Produkujemy kosiarki dyskowe, zgrabiarki i przetrząsacze dla średnich i dużych "
                "gospodarstw. Oferujemy dedykowane cenniki, części zamienne w 24 godziny i kursy "
                "techniczne w Reggio Emilia.",
                "Importerzy i dealerzy maszyn rolniczych z siecią serwisową.",
            ),
        },
    },
    {
        "organisations": ["universita-adriatica-dipartimento-di-scienze-agrarie"],
        "kind": Kind.RESEARCH,
        "cooperation": ["research"],
        "clusters": [DAIRY],
        "countries": ["PL", "AT", "CZ", "HU"],
        "keywords": "batteri lattici, latte crudo, colture starter",
        "language": "it",
        "texts": {
            "it": (
                "Batteri lattici autoctoni per formaggi a latte crudo",
                "Il dipartimento cerca partner per studiare colture starter autoctone nei formaggi "
                "a latte crudo.",
                "Abbiamo una collezione di oltre 400 ceppi isolati da formaggi delle Marche "
                "e dell'Abruzzo. Cerchiamo caseifici e università per sperimentazioni comuni e un "
                "progetto europeo.",
                "Università, centri di ricerca e caseifici artigianali.",
            ),
            "en": (
                "Native lactic acid bacteria for raw-milk cheese",
                "The department is looking for partners to study native starter cultures in "
                "raw-milk cheese.",
                "We hold a collection of more than 400 strains isolated from cheeses of the Marche "
                "and Abruzzo. We seek dairies and universities for joint trials and a European "
                "project.",
                "Universities, research centres and craft cheese dairies.",
            ),
        },
    },
    {
        "organisations": ["latteria-cremonese"],
        "kind": Kind.BUSINESS_OFFER,
        "cooperation": ["commercial", "distribution"],
        "clusters": [DAIRY],
        "countries": ["PL", "CZ", "HU", "RO", "BG"],
        "keywords": "grana, formaggio stagionato, esportazione",
        "language": "it",
        "texts": {
            "it": (
                "Formaggio grana stagionato 24 mesi per importatori",
                "Latteria cremonese offre formaggio grana stagionato in forme intere, spicchi "
                "e grattugiato.",
                "Stagioniamo il formaggio nei nostri magazzini per 12, 18 o 24 mesi. Confezioniamo "
                "anche con marchio del cliente e forniamo la documentazione per l'esportazione.",
                "Importatori e distributori di formaggi in Europa centrale e orientale.",
            ),
        },
    },
    {
        "organisations": ["consorzio-latte-friuli"],
        "kind": Kind.RESEARCH,
        "cooperation": ["research", "technical"],
        "clusters": [DAIRY],
        "countries": ["PL", "AT", "RO"],
        "keywords": "latte di montagna, filiera, progetto europeo",
        "language": "it",
        "texts": {
            "it": (
                "Progetto europeo sulla filiera del latte di montagna",
                "Il consorzio cerca partner per un progetto sulla valorizzazione del latte di "
                "montagna e dei piccoli caseifici.",
                "Il progetto riguarda la tracciabilità, il benessere animale e la vendita diretta "
                "dei formaggi di malga. Cerchiamo consorzi, agenzie di sviluppo e università di "
                "regioni rurali.",
                "Consorzi di produttori, agenzie di sviluppo regionale e università.",
            ),
        },
    },
    {
        "organisations": ["emilia-macchine-agricole"],
        "kind": Kind.SUBCONTRACTING,
        "cooperation": ["subcontracting"],
        "clusters": [MACHINERY],
        "countries": ["PL", "CZ", "RO"],
        "keywords": "lamiera, taglio laser, saldatura, subfornitura",
        "language": "it",
        "outdated": True,
        "texts": {
            "it": (
                "Cerchiamo subfornitori di lamiere tagliate al laser e saldate",
                "Costruttore di macchine agricole cerca subfornitori per telai saldati "
                "e particolari in lamiera.",
                "Ci servono circa 800 tonnellate di particolari all'anno, verniciati a polvere. "
                "Forniamo disegni e pianificazione trimestrale; chiediamo certificazione EN 1090 "
                "o ISO 3834.",
                "Carpenterie metalliche con taglio laser, piegatura e saldatura robotizzata.",
            ),
            "pl": (
                "Szukamy podwykonawców elementów z blachy ciętych laserowo i spawanych",
                "Producent maszyn rolniczych szuka podwykonawców ram spawanych i detali z blachy.",
                "Potrzebujemy około 800 ton detali rocznie, malowanych proszkowo. Dostarczamy "
                "rysunki i plan kwartalny; wymagamy certyfikatu EN 1090 lub ISO 3834.",
                "Zakłady konstrukcji stalowych z cięciem laserowym, gięciem i spawaniem "
                "zrobotyzowanym.",
            ),
        },
    },
    # German (Austria).
    {
        "organisations": ["molkerei-innviertel"],
        "kind": Kind.BUSINESS_REQUEST,
        "cooperation": ["supplier", "commercial"],
        "clusters": [DAIRY],
        "countries": ["PL", "CZ", "HU"],
        "keywords": "Magermilchpulver, Butter, Lieferanten",
        "language": "de",
        "texts": {
            "de": (
                "Lieferanten von Magermilchpulver und Butter gesucht",
                "Eine Molkerei aus Oberösterreich sucht langfristige Lieferanten von "
                "Magermilchpulver und Blockbutter.",
                "Wir verarbeiten jährlich 180 Millionen Liter Milch zu Käse und Desserts und "
                "benötigen ergänzend rund 2000 Tonnen Magermilchpulver sowie 600 Tonnen Butter. "
                "Voraussetzungen sind IFS- oder BRC-Zertifizierung und gentechnikfreie Fütterung.",
                "Molkereien und Trocknungswerke mit IFS- oder BRC-Zertifikat, die ganzjährig "
                "liefern können.",
            ),
            "pl": (
                "Poszukujemy dostawców mleka w proszku odtłuszczonego i masła",
                "Mleczarnia z Górnej Austrii szuka stałych dostawców mleka w proszku "
                "odtłuszczonego i masła w blokach.",
                "Przetwarzamy rocznie 180 mln litrów mleka na sery i desery i potrzebujemy "
                "dodatkowo około 2000 ton mleka w proszku odtłuszczonego oraz 600 ton masła. "
                "Warunkiem jest certyfikat IFS lub BRC i żywienie bez GMO.",
                "Mleczarnie i proszkownie z certyfikatem IFS lub BRC, zdolne do dostaw przez cały "
                "rok.",
            ),
            "en": (
                "Suppliers of skimmed milk powder and butter wanted",
                "A dairy in Upper Austria is looking for long-term suppliers of skimmed milk "
                "powder and block butter.",
                "We process 180 million litres of milk a year into cheese and desserts and need "
                "about 2,000 tonnes of skimmed milk powder and 600 tonnes of butter on top. IFS or "
                "BRC certification and GMO-free feeding are required.",
                "Dairies and drying plants with IFS or BRC certification that can deliver all year "
                "round.",
            ),
            "it": (
                "Cerchiamo fornitori di latte scremato in polvere e burro",
                "Un caseificio dell'Alta Austria cerca fornitori stabili di latte scremato in "
                "polvere e burro in blocchi.",
                "Trasformiamo ogni anno 180 milioni di litri di latte in formaggi e dessert e ci "
                "servono in aggiunta circa 2000 tonnellate di latte scremato in polvere e 600 "
                "tonnellate di burro. Sono richiesti la certificazione IFS o BRC e "
                "un'alimentazione senza OGM.",
                "Caseifici e impianti di essiccazione con certificazione IFS o BRC in grado di "
                "fornire tutto l'anno.",
            ),
            "cs": (
                "Hledáme dodavatele sušeného odstředěného mléka a másla",
                "Mlékárna z Horního Rakouska hledá stálé dodavatele sušeného odstředěného mléka "
                "a blokového másla.",
                "Ročně zpracujeme 180 milionů litrů mléka na sýry a dezerty a navíc potřebujeme "
                "asi 2000 tun sušeného odstředěného mléka a 600 tun másla. Podmínkou je "
                "certifikace IFS nebo BRC a krmení bez GMO.",
                "Mlékárny a sušárny s certifikací IFS nebo BRC, které mohou dodávat po celý rok.",
            ),
            "hu": (
                "Sovány tejpor és vaj beszállítóit keressük",
                "Egy felső-ausztriai tejüzem hosszú távú beszállítókat keres sovány tejporra "
                "és tömbvajra.",
                "Évente 180 millió liter tejet dolgozunk fel sajttá és desszertekké, és emellett "
                "mintegy 2000 tonna sovány tejporra és 600 tonna vajra van szükségünk. Feltétel az "
                "IFS- vagy BRC-tanúsítvány és a GMO-mentes takarmányozás.",
                "IFS- vagy BRC-tanúsítvánnyal rendelkező tejüzemek és szárítóüzemek, amelyek egész "
                "évben tudnak szállítani.",
            ),
            "ro": (
                "Căutăm furnizori de lapte praf degresat și unt",
                "O fabrică de lactate din Austria Superioară caută furnizori pe termen lung de "
                "lapte praf degresat și unt în blocuri.",
                "Procesăm anual 180 de milioane de litri de lapte în brânzeturi și deserturi "
                "și avem nevoie în plus de circa 2000 de tone de lapte praf degresat și 600 de "
                "tone de unt. Sunt necesare certificarea IFS sau BRC și furajarea fără OMG.",
                "Fabrici de lactate și unități de uscare cu certificare IFS sau BRC, capabile "
                "să livreze tot anul.",
            ),
            "bg": (
                "Търсим доставчици на обезмаслено мляко на прах и масло",
                "Мандра от Горна Австрия търси дългосрочни доставчици на обезмаслено мляко на "
                "прах и масло в блокове.",
                "Преработваме годишно 180 милиона литра мляко в сирена и десерти и се нуждаем "
                "допълнително от около 2000 тона обезмаслено мляко на прах и 600 тона масло. "
                "Изискват се сертификат IFS или BRC и хранене без ГМО.",
                "Мандри и сушилни със сертификат IFS или BRC, които могат да доставят през цялата "
                "година.",
            ),
        },
    },
    {
        "organisations": ["steirische-landtechnik"],
        "kind": Kind.SUBCONTRACTING,
        "cooperation": ["subcontracting", "supplier"],
        "clusters": [MACHINERY],
        "countries": ["PL", "CZ", "HU"],
        "keywords": "Schweißbaugruppen, Rahmen, Zulieferer",
        "language": "de",
        "outdated": True,
        "texts": {
            "de": (
                "Zulieferer für geschweißte Rahmen und Baugruppen gesucht",
                "Ein steirischer Landtechnikhersteller sucht Zulieferer für geschweißte Rahmen, "
                "Achsen und Blechteile.",
                "Wir fertigen Mähwerke und Ladewagen und lagern die Stahlbaugruppen zunehmend aus. "
                "Gefragt sind Schweißen nach EN ISO 3834-2, Pulverbeschichtung und Lieferung im "
                "Wochentakt.",
                "Metallbaubetriebe mit Schweißrobotern in Polen, Tschechien oder Ungarn.",
            ),
            "pl": (
                "Poszukujemy poddostawców ram spawanych i zespołów",
                "Producent maszyn rolniczych ze Styrii szuka poddostawców ram spawanych, osi "
                "i detali z blachy.",
                "Produkujemy kosiarki i przyczepy zbierające i coraz częściej zlecamy wykonanie "
                "zespołów stalowych. Wymagamy spawania według EN ISO 3834-2, malowania "
                "proszkowego i dostaw co tydzień.",
                "Zakłady konstrukcji stalowych z robotami spawalniczymi w Polsce, Czechach lub na "
                "Węgrzech.",
            ),
            "en": (
                "Suppliers of welded frames and assemblies wanted",
                "A Styrian agricultural machinery maker is looking for suppliers of welded frames, "
                "axles and sheet-metal parts.",
                "We build mowers and loader wagons and increasingly outsource steel assemblies. We "
                "need welding to EN ISO 3834-2, powder coating and weekly deliveries.",
                "Metalworking firms with welding robots in Poland, Czechia or Hungary.",
            ),
        },
    },
    {
        "organisations": ["business-upper-austria-cluster-agentur"],
        "kind": Kind.RESEARCH,
        "cooperation": ["research"],
        "clusters": [MACHINERY],
        "countries": ["PL", "CZ", "HU", "RO"],
        "keywords": "Digitalisierung, Landtechnik, Interreg",
        "language": "de",
        "texts": {
            "de": (
                "Partner für Forschungsprojekt zur Digitalisierung der Landtechnik",
                "Die Clusteragentur sucht Unternehmen und Forschungseinrichtungen für ein "
                "Interreg-Projekt zu vernetzten Landmaschinen.",
                "Im Projekt werden Datenschnittstellen zwischen Traktoren, Anbaugeräten und "
                "Betriebssoftware erprobt. Wir koordinieren den Antrag und übernehmen das "
                "Projektmanagement.",
                "Landtechnikhersteller, Softwarefirmen und Hochschulen aus Mittel- und Osteuropa.",
            ),
            "en": (
                "Partners for a research project on digital farm machinery",
                "The cluster agency is looking for firms and research centres for an Interreg "
                "project on connected farm machines.",
                "The project tests data interfaces between tractors, implements and farm "
                "management software. We coordinate the proposal and run the project management.",
                "Agricultural machinery makers, software firms and universities from Central and "
                "Eastern Europe.",
            ),
        },
    },
    {
        "organisations": ["molkerei-innviertel"],
        "kind": Kind.TECHNOLOGY_OFFER,
        "cooperation": ["licence", "technical"],
        "clusters": [DAIRY],
        "countries": ["PL", "CZ", "HU", "RO", "BG"],
        "keywords": "laktosefrei, Enzym, Lizenz",
        "language": "de",
        "texts": {
            "de": (
                "Verfahren zur Laktosereduktion in Käse und Joghurt",
                "Wir bieten ein erprobtes enzymatisches Verfahren für laktosefreie Milchprodukte "
                "zur Lizenz an.",
                "Das Verfahren senkt den Laktosegehalt unter 0,1 g pro 100 g, ohne Geschmack und "
                "Textur zu verändern. Wir unterstützen bei der Umstellung der Produktion und bei "
                "der Kennzeichnung.",
                "Molkereien, die laktosefreie Produkte einführen wollen.",
            ),
        },
    },
    {
        "organisations": ["steirische-landtechnik"],
        "kind": Kind.BUSINESS_OFFER,
        "cooperation": ["distribution"],
        "clusters": [MACHINERY],
        "countries": ["PL", "RO", "BG"],
        "keywords": "Ersatzteile, Mähwerke, Händler",
        "language": "de",
        "texts": {
            "de": (
                "Ersatzteile für Mähwerke und Kreiselheuer – Vertriebspartner gesucht",
                "Wir suchen Händler, die Original-Ersatzteile für unsere Mähwerke und "
                "Heuwerbungsmaschinen führen.",
                "Unsere Maschinen sind in Mittel- und Osteuropa weit verbreitet. Händler erhalten "
                "Zugang zu unserem Online-Teilekatalog und Lieferung innerhalb von 48 Stunden.",
                "Landmaschinenhändler und Ersatzteilgroßhändler in Polen, Rumänien und Bulgarien.",
            ),
        },
    },
    # Czech.
    {
        "organisations": ["moravska-mlekarna-olomouc"],
        "kind": Kind.BUSINESS_OFFER,
        "cooperation": ["commercial", "distribution"],
        "clusters": [DAIRY],
        "countries": ["PL", "AT", "HU"],
        "keywords": "tvaroh, tvarůžky, privátní značka",
        "language": "cs",
        "texts": {
            "cs": (
                "Tvaroh a sýry z Moravy pro obchodní řetězce",
                "Mlékárna z Olomouce nabízí tvaroh, tvarůžky a měkké sýry pro obchodní řetězce "
                "a velkoobchody.",
                "Zpracováváme denně 300 000 litrů mléka od moravských farmářů. Dodáváme i pod "
                "privátní značkou a máme certifikace IFS a BRC.",
                "Obchodní řetězce a distributoři mléčných výrobků v Polsku, Rakousku a Maďarsku.",
            ),
            "en": (
                "Quark and cheese from Moravia for retail chains",
                "A dairy in Olomouc offers quark, Olomouc curd cheese and soft cheese to retail "
                "chains and wholesalers.",
                "We process 300,000 litres of milk a day from Moravian farmers. We also deliver "
                "under private labels and are IFS and BRC certified.",
                "Retail chains and dairy distributors in Poland, Austria and Hungary.",
            ),
            "pl": (
                "Twaróg i sery z Moraw dla sieci handlowych",
                "Mleczarnia z Ołomuńca oferuje twaróg, syrki ołomunieckie i sery miękkie dla sieci "
                "handlowych i hurtowni.",
                "Przetwarzamy dziennie 300 000 litrów mleka od morawskich rolników. Dostarczamy "
                "też pod marką własną klienta i mamy certyfikaty IFS i BRC.",
                "Sieci handlowe i dystrybutorzy nabiału w Polsce, Austrii i na Węgrzech.",
            ),
        },
    },
    {
        "organisations": ["agrostroj-jihlava"],
        "kind": Kind.SUBCONTRACTING,
        "cooperation": ["subcontracting", "manufacturing"],
        "clusters": [MACHINERY],
        "countries": ["PL", "AT", "DE"],
        "keywords": "obrábění, svařování, lakování",
        "language": "cs",
        "machine": {"de"},
        "texts": {
            "cs": (
                "Nabízíme obrábění a svařování dílů pro zemědělské stroje",
                "Strojírenská firma z Jihlavy nabízí volné kapacity pro obrábění, svařování "
                "a lakování dílů.",
                "Máme CNC obráběcí centra, svařovací roboty a práškovou lakovnu. Vyrábíme díly "
                "podle výkresů zákazníka v sériích od 10 do 10 000 kusů.",
                "Výrobci zemědělské techniky, kteří hledají spolehlivého subdodavatele.",
            ),
            "de": (
                "Wir bieten Bearbeitung und Schweißen von Teilen für Landmaschinen an",
                "Ein Maschinenbauunternehmen aus Jihlava bietet freie Kapazitäten für die "
                "Bearbeitung, das Schweißen und Lackieren von Teilen an.",
                "Wir verfügen über CNC-Bearbeitungszentren, Schweißroboter und eine "
                "Pulverbeschichtungsanlage. Wir fertigen Teile nach Kundenzeichnung in Serien von "
                "10 bis 10 000 Stück.",
                "Hersteller von Landtechnik, die einen zuverlässigen Zulieferer suchen.",
            ),
        },
    },
    {
        "organisations": ["jihomoravske-inovacni-centrum"],
        "kind": Kind.RESEARCH,
        "cooperation": ["research", "technical"],
        "clusters": [MACHINERY],
        "countries": ["PL", "AT", "HU"],
        "keywords": "senzory, chytré zemědělství, Interreg",
        "language": "cs",
        "texts": {
            "cs": (
                "Hledáme partnery pro výzkum senzorů pro chytré zemědělství",
                "Inovační centrum hledá firmy a univerzity pro společný projekt senzorů pro "
                "monitorování plodin.",
                "Projekt spojí vývoj levných senzorů, přenos dat a jejich vyhodnocení pro menší "
                "farmy. Připravujeme žádost do programu Interreg Střední Evropa.",
                "Technologické firmy, výrobci zemědělské techniky a univerzity.",
            ),
            "en": (
                "Partners wanted for research on sensors for smart farming",
                "An innovation centre is looking for firms and universities for a joint project on "
                "crop-monitoring sensors.",
                "The project combines the development of low-cost sensors, data transfer and "
                "analysis for smaller farms. We are preparing a proposal for the Interreg Central "
                "Europe programme.",
                "Technology firms, agricultural machinery makers and universities.",
            ),
        },
    },
    {
        "organisations": ["agrostroj-jihlava"],
        "kind": Kind.BUSINESS_REQUEST,
        "cooperation": ["supplier"],
        "clusters": [MACHINERY],
        "countries": ["PL", "DE", "IT"],
        "keywords": "nápravy, brzdy, přívěsy",
        "language": "cs",
        "texts": {
            "cs": (
                "Hledáme dodavatele náprav a brzd pro zemědělské přívěsy",
                "Výrobce přívěsů hledá dodavatele náprav, brzdových systémů a pneumatických "
                "ventilů.",
                "Ročně vyrobíme asi 400 přívěsů a návěsů s nosností do 24 tun. Potřebujeme nápravy "
                "s homologací EU a technickou podporu při montáži.",
                "Výrobci a distributoři podvozkových dílů pro zemědělské a užitkové přívěsy.",
            ),
        },
    },
]

# What becomes of the live offer of text i (by its index), when not plainly live.
EXPIRING_SOON = {3, 13, 23, 33}  # within the 14 days of the reminder
RENEWED = {7, 27}
PAST_ITS_DATE = {10, 35}  # published, but the expiry date has passed
# The other offer of each text, in turn.
OTHER_STATUSES = [
    "submitted",
    "draft",
    "rejected",
    "expired",
    "withdrawn",
    "archived",
    "submitted",
    "past_its_date",
    "expired",
    "archived",
]


def _fields(texts):
    title, summary, description, partner_sought = texts
    return {
        "title": title,
        "summary": summary,
        "description": description,
        "partner_sought": partner_sought,
    }


def _create(reference, text, organisation, clusters, *, anonymous):
    language = text["language"]
    return services.offer_create(
        reference=reference,
        organisation=organisation,
        kind=text["kind"],
        language=language,
        cooperation_types=text["cooperation"],
        target_countries=text["countries"],
        clusters=[clusters[slug] for slug in text["clusters"] if slug in clusters],
        activities=list(organisation.activities.all()),
        keywords=text["keywords"],
        is_anonymous=anonymous,
        **_fields(text["texts"][language]),
    )


def _translate(offer, text, languages):
    for language in languages:
        services.offer_set_translation(
            offer=offer,
            language=language,
            texts=_fields(text["texts"][language]),
            machine=language in text.get("machine", ()),
        )


def _live(offer, index, now):
    """Publish the main offer of text `index`: live, about to expire, renewed or past."""
    offer = services.offer_submit(offer=offer)
    if index in EXPIRING_SOON:
        return services.offer_publish(
            offer=offer, by=None, now=now - (352 + index % 5) * DAY, notify=False
        )
    if index in RENEWED:
        published_at = now - 380 * DAY
        offer = services.offer_publish(offer=offer, by=None, now=published_at, notify=False)
        return services.offer_renew(offer=offer, now=published_at + 360 * DAY)
    if index in PAST_ITS_DATE:
        return services.offer_publish(
            offer=offer, by=None, now=now - (370 + index) * DAY, notify=False
        )
    return services.offer_publish(
        offer=offer, by=None, now=now - (2 + index * 23 % 290) * DAY, notify=False
    )


def _other(offer, index, now):
    """Put the other offer of text `index` into its status, the way it would get there."""
    status = OTHER_STATUSES[index % len(OTHER_STATUSES)]
    if status == "draft":
        return offer
    offer = services.offer_submit(offer=offer)
    if status == "rejected":
        reason = REJECTION_REASONS[index % len(REJECTION_REASONS)]
        return services.offer_reject(offer=offer, by=None, reason=reason, notify=False)
    if status == "submitted":
        return offer
    published_at = {
        "withdrawn": now - 150 * DAY,
        "expired": now - (400 + index) * DAY,
        "past_its_date": now - (380 + index) * DAY,
        "archived": now - (800 + index) * DAY,
    }[status]
    offer = services.offer_publish(offer=offer, by=None, now=published_at, notify=False)
    if status == "withdrawn":
        reason = WITHDRAWAL_REASONS[index % len(WITHDRAWAL_REASONS)]
        return services.offer_withdraw(offer=offer, reason=reason)
    if status in {"expired", "archived"}:
        offer = services.offer_expire(offer=offer)
    if status == "archived":
        offer = services.offer_archive(offer=offer)
    return offer


@transaction.atomic
def load_demo_offers(now=None):
    """Create the demo offers that do not exist yet; a second run creates nothing."""
    now = now or timezone.now()
    clusters = {cluster.slug: cluster for cluster in Cluster.objects.all()}
    slugs = {slug for text in TEXTS for slug in text["organisations"]}
    organisations = {
        organisation.slug: organisation
        for organisation in Organisation.objects.filter(slug__in=slugs).prefetch_related(
            "activities"
        )
    }
    existing = set(
        Offer.objects.filter(reference__startswith=REFERENCE_PREFIX).values_list(
            "reference", flat=True
        )
    )
    total = created = 0
    for index, text in enumerate(TEXTS):
        main_slug, other_slug = text["organisations"][0], text["organisations"][-1]
        if main_slug not in organisations or other_slug not in organisations:
            continue  # the demo organisations are not loaded
        translations = [code for code in text["texts"] if code != text["language"]]
        for number, slug, is_main in (
            (2 * index + 1, main_slug, True),
            (2 * index + 2, other_slug, False),
        ):
            reference = REFERENCE.format(number=number)
            total += 1
            if reference in existing:
                continue
            anonymous = index % 6 == 4 if is_main else index % 5 == 2
            offer = _create(reference, text, organisations[slug], clusters, anonymous=anonymous)
            if is_main:
                _translate(offer, text, translations)
                if text.get("outdated"):
                    language = text["language"]
                    description = text["texts"][language][2] + SOURCE_CHANGES[language]
                    services.offer_update_source(offer=offer, texts={"description": description})
                _live(offer, index, now)
            else:
                # The older or pending offer: an English translation at most.
                if "en" in translations and index % 3 == 0:
                    services.offer_set_translation(
                        offer=offer,
                        language="en",
                        texts=_fields(text["texts"]["en"]),
                        machine=index % 2 == 0,
                    )
                _other(offer, index, now)
            created += 1
    return {"offers": total, "offers_created": created}


def load_demo():
    """The demo offers, as `load_demo` loads and reports them (registered with
    portal.common.demo from OffersConfig.ready(), to run after the organisations)."""
    counts = load_demo_offers()
    return [f"Demo offers: {counts['offers']} ({counts['offers_created']} new)."]

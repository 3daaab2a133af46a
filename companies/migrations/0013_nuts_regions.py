"""NUTS 2021 regions of Poland and the partner countries, the clusters' industries,
and the NUTS 2 region of the organisations whose address names one.

Each region's `name` is its national name as Eurostat's GISCO writes it (the
`na` of static/companies/nuts2-2021.geojson). Its name in a language is filled
only where that language has a name of its own for it, and in the country's own
language; a blank name shows the Polish one (the portal's fallback), so a region
whose Polish name differs from its national name gets the national name in every
language that has none of its own.
"""

from django.db import migrations

from companies.analysis.regions import name_key, nuts_code_for

LANGUAGES = ("pl", "en", "de", "it", "cs", "hu", "ro", "bg")

# code: (national name, names in the order of LANGUAGES)
# fmt: off
COUNTRIES = {
    "PL": ("Polska", ("Polska", "Poland", "Polen", "Polonia", "Polsko", "Lengyelország", "Polonia", "Полша")),
    "IT": ("Italia", ("Włochy", "Italy", "Italien", "Italia", "Itálie", "Olaszország", "Italia", "Италия")),
    "AT": ("Österreich", ("Austria", "Austria", "Österreich", "Austria", "Rakousko", "Ausztria", "Austria", "Австрия")),
    "HU": ("Magyarország", ("Węgry", "Hungary", "Ungarn", "Ungheria", "Maďarsko", "Magyarország", "Ungaria", "Унгария")),
    "RO": ("România", ("Rumunia", "Romania", "Rumänien", "Romania", "Rumunsko", "Románia", "România", "Румъния")),
    "BG": ("България", ("Bułgaria", "Bulgaria", "Bulgarien", "Bulgaria", "Bulharsko", "Bulgária", "Bulgaria", "България")),
    "CZ": ("Česko", ("Czechy", "Czechia", "Tschechien", "Cechia", "Česko", "Csehország", "Cehia", "Чехия")),
}
# The language each country writes its regions' names in.
NATIONAL_LANGUAGE = {"PL": "pl", "IT": "it", "AT": "de", "HU": "hu", "RO": "ro", "BG": "bg", "CZ": "cs"}

# code: (national name, {language: the language's own name for the region})
REGIONS = {
    "AT11": ("Burgenland", {"bg": "Бургенланд"}),
    "AT12": ("Niederösterreich", {"pl": "Dolna Austria", "en": "Lower Austria", "it": "Bassa Austria", "cs": "Dolní Rakousy", "hu": "Alsó-Ausztria", "ro": "Austria Inferioară", "bg": "Долна Австрия"}),
    "AT13": ("Wien", {"pl": "Wiedeń", "en": "Vienna", "it": "Vienna", "cs": "Vídeň", "hu": "Bécs", "ro": "Viena", "bg": "Виена"}),
    "AT21": ("Kärnten", {"pl": "Karyntia", "en": "Carinthia", "it": "Carinzia", "cs": "Korutany", "hu": "Karintia", "ro": "Carintia", "bg": "Каринтия"}),
    "AT22": ("Steiermark", {"pl": "Styria", "en": "Styria", "it": "Stiria", "cs": "Štýrsko", "hu": "Stájerország", "ro": "Stiria", "bg": "Щирия"}),
    "AT31": ("Oberösterreich", {"pl": "Górna Austria", "en": "Upper Austria", "it": "Alta Austria", "cs": "Horní Rakousy", "hu": "Felső-Ausztria", "ro": "Austria Superioară", "bg": "Горна Австрия"}),
    "AT32": ("Salzburg", {"it": "Salisburgo", "cs": "Salcbursko", "bg": "Залцбург"}),
    "AT33": ("Tirol", {"pl": "Tyrol", "en": "Tyrol", "it": "Tirolo", "cs": "Tyrolsko", "bg": "Тирол"}),
    "AT34": ("Vorarlberg", {"cs": "Vorarlbersko", "bg": "Форарлберг"}),
    "BG31": ("Severozapaden", {"en": "Northwestern", "bg": "Северозападен"}),
    "BG32": ("Severen tsentralen", {"en": "North Central", "bg": "Северен централен"}),
    "BG33": ("Severoiztochen", {"en": "Northeastern", "bg": "Североизточен"}),
    "BG34": ("Yugoiztochen", {"en": "Southeastern", "bg": "Югоизточен"}),
    "BG41": ("Yugozapaden", {"en": "Southwestern", "bg": "Югозападен"}),
    "BG42": ("Yuzhen tsentralen", {"en": "South Central", "bg": "Южен централен"}),
    "CZ01": ("Praha", {"pl": "Praga", "en": "Prague", "de": "Prag", "it": "Praga", "hu": "Prága", "ro": "Praga", "bg": "Прага"}),
    "CZ02": ("Střední Čechy", {"pl": "Czechy Środkowe", "en": "Central Bohemia", "de": "Mittelböhmen", "it": "Boemia Centrale"}),
    "CZ03": ("Jihozápad", {"en": "Southwest", "de": "Südwesten"}),
    "CZ04": ("Severozápad", {"en": "Northwest", "de": "Nordwesten"}),
    "CZ05": ("Severovýchod", {"en": "Northeast", "de": "Nordosten"}),
    "CZ06": ("Jihovýchod", {"en": "Southeast", "de": "Südosten"}),
    "CZ07": ("Střední Morava", {"pl": "Morawy Środkowe", "en": "Central Moravia", "de": "Mittelmähren", "it": "Moravia Centrale"}),
    "CZ08": ("Moravskoslezsko", {"en": "Moravia-Silesia", "de": "Mährisch-Schlesien", "it": "Moravia-Slesia"}),
    "HU11": ("Budapest", {"pl": "Budapeszt", "cs": "Budapešť", "ro": "Budapesta", "bg": "Будапеща"}),
    "HU12": ("Pest", {}),
    "HU21": ("Közép-Dunántúl", {"pl": "Zadunaj Środkowy", "en": "Central Transdanubia", "de": "Mitteltransdanubien", "it": "Transdanubio Centrale", "cs": "Střední Zadunají"}),
    "HU22": ("Nyugat-Dunántúl", {"pl": "Zadunaj Zachodni", "en": "Western Transdanubia", "de": "Westtransdanubien", "it": "Transdanubio Occidentale", "cs": "Západní Zadunají"}),
    "HU23": ("Dél-Dunántúl", {"pl": "Zadunaj Południowy", "en": "Southern Transdanubia", "de": "Südtransdanubien", "it": "Transdanubio Meridionale", "cs": "Jižní Zadunají"}),
    "HU31": ("Észak-Magyarország", {"pl": "Węgry Północne", "en": "Northern Hungary", "de": "Nordungarn", "it": "Ungheria Settentrionale", "cs": "Severní Maďarsko"}),
    "HU32": ("Észak-Alföld", {"pl": "Wielka Nizina Północna", "en": "Northern Great Plain", "de": "Nördliche Große Tiefebene", "it": "Grande Pianura Settentrionale", "cs": "Severní Velká rovina"}),
    "HU33": ("Dél-Alföld", {"pl": "Wielka Nizina Południowa", "en": "Southern Great Plain", "de": "Südliche Große Tiefebene", "it": "Grande Pianura Meridionale", "cs": "Jižní Velká rovina"}),
    "ITC1": ("Piemonte", {"pl": "Piemont", "en": "Piedmont", "de": "Piemont", "cs": "Piemont", "hu": "Piemont", "ro": "Piemont", "bg": "Пиемонт"}),
    "ITC2": ("Valle d’Aosta/Vallée d’Aoste", {"pl": "Dolina Aosty", "en": "Aosta Valley", "de": "Aostatal", "cs": "Údolí Aosty", "ro": "Valea Aostei"}),
    "ITC3": ("Liguria", {"de": "Ligurien", "cs": "Ligurie", "bg": "Лигурия"}),
    "ITC4": ("Lombardia", {"en": "Lombardy", "de": "Lombardei", "cs": "Lombardie", "bg": "Ломбардия"}),
    "ITF1": ("Abruzzo", {"pl": "Abruzja", "de": "Abruzzen", "bg": "Абруцо"}),
    "ITF2": ("Molise", {"bg": "Молизе"}),
    "ITF3": ("Campania", {"pl": "Kampania", "de": "Kampanien", "cs": "Kampánie", "bg": "Кампания"}),
    "ITF4": ("Puglia", {"pl": "Apulia", "en": "Apulia", "de": "Apulien", "cs": "Apulie", "ro": "Apulia", "bg": "Пулия"}),
    "ITF5": ("Basilicata", {"de": "Basilikata", "bg": "Базиликата"}),
    "ITF6": ("Calabria", {"pl": "Kalabria", "de": "Kalabrien", "cs": "Kalábrie", "bg": "Калабрия"}),
    "ITG1": ("Sicilia", {"pl": "Sycylia", "en": "Sicily", "de": "Sizilien", "cs": "Sicílie", "hu": "Szicília", "bg": "Сицилия"}),
    "ITG2": ("Sardegna", {"pl": "Sardynia", "en": "Sardinia", "de": "Sardinien", "cs": "Sardinie", "hu": "Szardínia", "ro": "Sardinia", "bg": "Сардиния"}),
    "ITH1": ("Provincia Autonoma di Bolzano/Bozen", {"en": "Autonomous Province of Bolzano/Bozen", "de": "Autonome Provinz Bozen – Südtirol"}),
    "ITH2": ("Provincia Autonoma di Trento", {"en": "Autonomous Province of Trento", "de": "Autonome Provinz Trient"}),
    "ITH3": ("Veneto", {"pl": "Wenecja Euganejska", "de": "Venetien", "cs": "Benátsko", "bg": "Венето"}),
    "ITH4": ("Friuli-Venezia Giulia", {"pl": "Friuli-Wenecja Julijska", "de": "Friaul-Julisch Venetien", "cs": "Furlánsko-Julské Benátsko", "ro": "Friuli-Veneția Giulia", "bg": "Фриули-Венеция Джулия"}),
    "ITH5": ("Emilia-Romagna", {"pl": "Emilia-Romania", "bg": "Емилия-Романя"}),
    "ITI1": ("Toscana", {"pl": "Toskania", "en": "Tuscany", "de": "Toskana", "cs": "Toskánsko", "hu": "Toszkána", "bg": "Тоскана"}),
    "ITI2": ("Umbria", {"de": "Umbrien", "cs": "Umbrie", "bg": "Умбрия"}),
    "ITI3": ("Marche", {"de": "Marken", "bg": "Марке"}),
    "ITI4": ("Lazio", {"pl": "Lacjum", "de": "Latium", "bg": "Лацио"}),
    "PL21": ("Małopolskie", {"en": "Lesser Poland", "de": "Kleinpolen", "it": "Piccola Polonia"}),
    "PL22": ("Śląskie", {"en": "Silesia", "de": "Schlesien", "it": "Slesia"}),
    "PL41": ("Wielkopolskie", {"en": "Greater Poland", "de": "Großpolen", "it": "Grande Polonia"}),
    "PL42": ("Zachodniopomorskie", {"en": "West Pomerania", "de": "Westpommern", "it": "Pomerania Occidentale"}),
    "PL43": ("Lubuskie", {"en": "Lubusz", "de": "Lebus", "it": "Lubusz"}),
    "PL51": ("Dolnośląskie", {"en": "Lower Silesia", "de": "Niederschlesien", "it": "Bassa Slesia"}),
    "PL52": ("Opolskie", {"en": "Opole", "de": "Oppeln", "it": "Opole"}),
    "PL61": ("Kujawsko-pomorskie", {"en": "Kuyavia-Pomerania", "de": "Kujawien-Pommern", "it": "Cuiavia-Pomerania"}),
    "PL62": ("Warmińsko-mazurskie", {"en": "Warmia-Masuria", "de": "Ermland-Masuren", "it": "Varmia-Masuria"}),
    "PL63": ("Pomorskie", {"en": "Pomerania", "de": "Pommern", "it": "Pomerania"}),
    "PL71": ("Łódzkie", {"en": "Łódź", "de": "Łódź", "it": "Łódź"}),
    "PL72": ("Świętokrzyskie", {"de": "Heiligkreuz", "it": "Santacroce"}),
    "PL81": ("Lubelskie", {"en": "Lublin", "de": "Lublin", "it": "Lublino"}),
    "PL82": ("Podkarpackie", {"en": "Subcarpathia", "de": "Karpatenvorland", "it": "Precarpazia"}),
    "PL84": ("Podlaskie", {"de": "Podlachien", "it": "Podlachia"}),
    "PL91": ("Warszawski stołeczny", {}),
    "PL92": ("Mazowiecki regionalny", {}),
    "RO11": ("Nord-Vest", {"en": "North-West", "de": "Nordwest", "it": "Nord-Ovest"}),
    "RO12": ("Centru", {"en": "Centre", "de": "Zentrum", "it": "Centro"}),
    "RO21": ("Nord-Est", {"en": "North-East", "de": "Nordost"}),
    "RO22": ("Sud-Est", {"en": "South-East", "de": "Südost"}),
    "RO31": ("Sud-Muntenia", {"en": "South-Muntenia", "de": "Süd-Muntenien"}),
    "RO32": ("Bucureşti-Ilfov", {"pl": "Bukareszt-Ilfov", "en": "Bucharest-Ilfov", "de": "Bukarest-Ilfov", "it": "Bucarest-Ilfov", "cs": "Bukurešť-Ilfov", "bg": "Букурещ-Илфов"}),
    "RO41": ("Sud-Vest Oltenia", {"en": "South-West Oltenia", "de": "Südwest-Oltenien", "it": "Sud-Ovest Oltenia"}),
    "RO42": ("Vest", {"en": "West", "de": "West", "it": "Ovest"}),
}
# fmt: on

# The clusters' industries, as the analysis reads them (slugs of 0003).
CLUSTER_ACTIVITIES = {"dairy": "10.5", "agricultural-machinery": "28.3"}


def region_names(national, own, country):
    """The values of name and name_<language> for a region called `national`
    in its country and `own[language]` where a language has a name of its own."""
    polish = own.get("pl", national)
    values = {"name": national, "name_pl": polish}
    for language in LANGUAGES[1:]:
        if language in own:
            values[f"name_{language}"] = own[language]
        elif language == NATIONAL_LANGUAGE[country] or polish != national:
            values[f"name_{language}"] = national
        else:
            values[f"name_{language}"] = None
    return values


def forwards(apps, schema_editor):
    Region = apps.get_model("companies", "Region")
    Activity = apps.get_model("companies", "Activity")
    Cluster = apps.get_model("companies", "Cluster")
    Organisation = apps.get_model("companies", "Organisation")

    countries = {}
    for code, (national, names) in COUNTRIES.items():
        values = {"name": national, "level": 0, "country": code}
        values.update({f"name_{lang}": name for lang, name in zip(LANGUAGES, names, strict=True)})
        countries[code], _created = Region.objects.get_or_create(code=code, defaults=values)
    for code, (national, own) in REGIONS.items():
        country = code[:2]
        Region.objects.get_or_create(
            code=code,
            defaults={
                "level": 2,
                "country": country,
                "parent": countries[country],
                **region_names(national, own, country),
            },
        )

    for slug, activity_code in CLUSTER_ACTIVITIES.items():
        activity = Activity.objects.filter(code=activity_code).first()
        if activity:
            Cluster.objects.filter(slug=slug, statistics_activity=None).update(
                statistics_activity=activity
            )

    names = {}
    for region in Region.objects.filter(level=2, code__in=REGIONS):
        for field in ["name"] + [f"name_{language}" for language in LANGUAGES]:
            key = name_key(getattr(region, field))
            if key:
                names.setdefault(str(region.country), {}).setdefault(key, region.code)
    regions = {region.code: region for region in Region.objects.filter(code__in=REGIONS)}
    for organisation in Organisation.objects.filter(nuts_region=None).exclude(region=""):
        country = str(organisation.country)
        code = nuts_code_for(
            country, organisation.region, organisation.town, names.get(country, {})
        )
        if code in regions:
            Organisation.objects.filter(pk=organisation.pk).update(nuts_region=regions[code])


def backwards(apps, schema_editor):
    Region = apps.get_model("companies", "Region")
    Cluster = apps.get_model("companies", "Cluster")
    Organisation = apps.get_model("companies", "Organisation")

    Cluster.objects.filter(
        slug__in=CLUSTER_ACTIVITIES, statistics_activity__code__in=CLUSTER_ACTIVITIES.values()
    ).update(statistics_activity=None)
    # What figures or regions added since use stays.
    unused = Region.objects.filter(code__in=REGIONS, figures=None, children=None)
    Organisation.objects.filter(nuts_region__in=unused).update(nuts_region=None)
    unused.delete()
    Region.objects.filter(code__in=COUNTRIES, figures=None, children=None).delete()
    if schema_editor.connection.vendor == "postgresql":
        # The deletions' deferred checks run now: migrating further back alters
        # these tables in the same transaction, which PostgreSQL refuses while
        # checks are pending.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


class Migration(migrations.Migration):
    dependencies = [("companies", "0012_cluster_analysis")]

    operations = [migrations.RunPython(forwards, backwards)]

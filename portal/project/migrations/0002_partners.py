"""The project's partners, as the source notice names them, each with its country, a map
position (its capital or seat) and its name in the portal's eight languages.

Running it on a database that already has a partner of that country and English name
changes nothing of that partner: staff may have edited it since. Reversing it keeps
the partners (they may have been edited); delete them in the admin if need be.
"""

from django.db import migrations

LANGUAGES = ["pl", "en", "de", "it", "cs", "hu", "ro", "bg"]

# (country, is_lead, latitude, longitude, names in LANGUAGES' order)
PARTNERS = [
    (
        "IT",
        True,
        "45.46680",
        "9.19050",
        [
            "Lombardia",
            "Lombardy",
            "Lombardei",
            "Lombardia",
            "Lombardie",
            "Lombardia",
            "Lombardia",
            "Ломбардия",
        ],
    ),
    (
        "IT",
        False,
        "44.49490",
        "11.34260",
        [
            "Emilia-Romania",
            "Emilia-Romagna",
            "Emilia-Romagna",
            "Emilia-Romagna",
            "Emilia-Romagna",
            "Emilia-Romagna",
            "Emilia-Romagna",
            "Емилия-Романя",
        ],
    ),
    (
        "IT",
        False,
        "46.15940",
        "13.01080",
        [
            "Obszar San Daniele del Friuli",
            "San Daniele del Friuli area",
            "Gebiet San Daniele del Friuli",
            "Area di San Daniele del Friuli",
            "Oblast San Daniele del Friuli",
            "San Daniele del Friuli térsége",
            "Zona San Daniele del Friuli",
            "Район Сан Даниеле дел Фриули",
        ],
    ),
    (
        "IT",
        False,
        "42.34980",
        "13.39950",
        [
            "Abruzja",
            "Abruzzo",
            "Abruzzen",
            "Abruzzo",
            "Abruzzo",
            "Abruzzo",
            "Abruzzo",
            "Абруцо",
        ],
    ),
    (
        "IT",
        False,
        "43.61580",
        "13.51890",
        ["Marche", "Marche", "Marken", "Marche", "Marche", "Marche", "Marche", "Марке"],
    ),
    (
        "AT",
        False,
        "48.20820",
        "16.37380",
        [
            "Austria",
            "Austria",
            "Österreich",
            "Austria",
            "Rakousko",
            "Ausztria",
            "Austria",
            "Австрия",
        ],
    ),
    (
        "HU",
        False,
        "47.49790",
        "19.04020",
        [
            "Węgry",
            "Hungary",
            "Ungarn",
            "Ungheria",
            "Maďarsko",
            "Magyarország",
            "Ungaria",
            "Унгария",
        ],
    ),
    (
        "RO",
        False,
        "44.42680",
        "26.10250",
        [
            "Rumunia",
            "Romania",
            "Rumänien",
            "Romania",
            "Rumunsko",
            "Románia",
            "România",
            "Румъния",
        ],
    ),
    (
        "BG",
        False,
        "42.69770",
        "23.32190",
        [
            "Bułgaria",
            "Bulgaria",
            "Bulgarien",
            "Bulgaria",
            "Bulharsko",
            "Bulgária",
            "Bulgaria",
            "България",
        ],
    ),
    (
        "CZ",
        False,
        "50.07550",
        "14.43780",
        ["Czechy", "Czechia", "Tschechien", "Cechia", "Česko", "Csehország", "Cehia", "Чехия"],
    ),
    (
        "PL",
        False,
        "53.13250",
        "23.16880",
        [
            "Województwo podlaskie",
            "Podlaskie Voivodeship",
            "Woiwodschaft Podlachien",
            "Voivodato della Podlachia",
            "Podleské vojvodství",
            "Podlasiei vajdaság",
            "Voievodatul Podlasia",
            "Подляско войводство",
        ],
    ),
]


def add_partners(apps, schema_editor):
    Partner = apps.get_model("project", "Partner")
    for order, (country, is_lead, latitude, longitude, names) in enumerate(PARTNERS, start=1):
        if Partner.objects.filter(country=country, name_en=names[1]).exists():
            continue
        Partner.objects.create(
            # The untranslated column holds the default language's text, as
            # modeltranslation keeps it.
            name=names[0],
            **{f"name_{code}": name for code, name in zip(LANGUAGES, names, strict=True)},
            country=country,
            is_lead=is_lead,
            latitude=latitude,
            longitude=longitude,
            order=order * 10,
        )


class Migration(migrations.Migration):
    dependencies = [("project", "0001_initial")]

    operations = [migrations.RunPython(add_partners, migrations.RunPython.noop)]

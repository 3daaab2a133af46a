"""Demo data for `make run`: the project's events, past and upcoming.

The dates are set from the day the demo is loaded, so that some events are over
and some to come. Every name and text here is invented for the demo, except the
places. The workshop `warsztaty-eksportowe` has two places and open registration:
the browser tests of registration use it.
"""

import datetime
import zoneinfo

from django.db import transaction
from django.utils import timezone

from companies.models import Cluster
from portal.documents.models import Document
from portal.events.models import Event

DAIRY = "dairy"
MACHINERY = "agricultural-machinery"
WORKSHOP = "warsztaty-eksportowe"
ORGANISER = {
    "organiser_pl": "Urząd Marszałkowski Województwa Podlaskiego",
    "organiser_en": "Marshal's Office of the Podlaskie Voivodeship",
}


def _at(days, hour, minute=0, zone="Europe/Warsaw"):
    """`days` from the demo's load, at `hour` in `zone`."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime(
        day.year, day.month, day.day, hour, minute, tzinfo=zoneinfo.ZoneInfo(zone)
    )


def _events():
    return [
        {
            "slug": "grupa-fokusowa-bialystok",
            "kind": Event.Kind.FOCUS_GROUP,
            "is_milestone": True,
            "clusters": [DAIRY, MACHINERY],
            "starts_at": _at(-45, 10),
            "ends_at": _at(-45, 14),
            "venue": "Podlaski Park Naukowo-Technologiczny",
            "street_address": "ul. Żurawia 71",
            "town": "Białystok",
            "country": "PL",
            "latitude": "53.11820",
            "longitude": "23.14410",
            "languages_spoken": "pl",
            "registration_open": False,
            "title_pl": "Grupa fokusowa: potrzeby klastrów mleczarskiego i maszyn rolniczych",
            "title_en": "Focus group: the needs of the dairy and agricultural machinery clusters",
            "description_pl": (
                "<p>Spotkanie przedsiębiorców, uczelni i instytucji otoczenia biznesu, "
                "na którym rozmawiamy o barierach rozwoju obu klastrów.</p>"
            ),
            "description_en": (
                "<p>Entrepreneurs, universities and business-support institutions discuss "
                "what holds the two clusters back.</p>"
            ),
            "programme_pl": (
                "<ul><li>10:00 Powitanie</li><li>10:30 Dyskusja w grupach</li>"
                "<li>13:00 Podsumowanie</li></ul>"
            ),
            "report_pl": (
                "<p>W grupie fokusowej wzięło udział 18 osób z 14 firm. Najczęściej "
                "wskazywane potrzeby to <strong>wspólne targi zagraniczne</strong> i szkolenia "
                "z eksportu.</p>"
            ),
            "report_en": (
                "<p>18 people from 14 firms took part. The needs named most often were "
                "<strong>joint trade fairs abroad</strong> and export training.</p>"
            ),
            **ORGANISER,
        },
        {
            "slug": "konferencja-miedzynarodowa-mediolan",
            "kind": Event.Kind.CONFERENCE,
            "is_milestone": True,
            "clusters": [DAIRY, MACHINERY],
            "starts_at": _at(60, 9, zone="Europe/Rome"),
            "ends_at": _at(61, 17, zone="Europe/Rome"),
            "time_zone": "Europe/Rome",
            "venue": "Palazzo delle Stelline",
            "street_address": "Corso Magenta 61",
            "town": "Milano",
            "country": "IT",
            "latitude": "45.46538",
            "longitude": "9.17321",
            "languages_spoken": "it,en,pl",
            "capacity": 120,
            "registration_deadline": _at(50, 23, 59, zone="Europe/Rome"),
            "title_pl": "Międzynarodowa konferencja klastrów przemysłowych",
            "title_en": "International conference of industrial clusters",
            "title_it": "Conferenza internazionale dei cluster industriali",
            "description_pl": (
                "<p>Partnerzy projektu z jedenastu regionów przedstawiają swoje klastry "
                "i szukają wspólnych przedsięwzięć.</p>"
            ),
            "description_en": (
                "<p>The project's partners from eleven regions present their clusters "
                "and look for joint ventures.</p>"
            ),
            "description_it": (
                "<p>I partner del progetto di undici regioni presentano i loro cluster "
                "e cercano iniziative comuni.</p>"
            ),
            "programme_pl": (
                "<h2>Dzień pierwszy</h2><ul><li>Klastry w Lombardii i na Podlasiu</li></ul>"
                "<h2>Dzień drugi</h2><ul><li>Spotkania B2B</li></ul>"
            ),
            "organiser_pl": "Regione Lombardia (partner wiodący)",
            "organiser_it": "Regione Lombardia (capofila)",
            "organiser_en": "Lombardy Region (lead partner)",
        },
        {
            "slug": "wizyta-studyjna-emilia-romania",
            "kind": Event.Kind.STUDY_VISIT,
            "clusters": [DAIRY],
            "starts_at": _at(30, 8, zone="Europe/Rome"),
            "ends_at": _at(32, 18, zone="Europe/Rome"),
            "time_zone": "Europe/Rome",
            "venue": "Consorzio del Formaggio Parmigiano Reggiano",
            "street_address": "Via Kennedy 18",
            "town": "Reggio Emilia",
            "country": "IT",
            "latitude": "44.69825",
            "longitude": "10.63125",
            "languages_spoken": "it,pl",
            "capacity": 20,
            "registration_deadline": _at(20, 23, 59),
            "title_pl": "Wizyta studyjna w mleczarniach Emilii-Romanii",
            "title_it": "Visita di studio ai caseifici dell'Emilia-Romagna",
            "description_pl": (
                "<p>Trzy dni w serowarniach i u producentów maszyn dla mleczarstwa "
                "w okolicach Reggio Emilia i Parmy.</p>"
            ),
            "description_it": (
                "<p>Tre giorni nei caseifici e presso i produttori di macchine per il "
                "settore lattiero-caseario tra Reggio Emilia e Parma.</p>"
            ),
            **ORGANISER,
        },
        {
            "slug": WORKSHOP,
            "kind": Event.Kind.WORKSHOP,
            "clusters": [DAIRY, MACHINERY],
            "starts_at": _at(21, 10),
            "ends_at": _at(21, 15),
            "venue": "Podlaska Fundacja Rozwoju Regionalnego",
            "street_address": "ul. Starobojarska 15",
            "town": "Białystok",
            "country": "PL",
            "latitude": "53.12842",
            "longitude": "23.15410",
            "languages_spoken": "pl,en",
            "capacity": 2,
            "registration_deadline": _at(19, 23, 59),
            "title_pl": "Warsztaty eksportowe: pierwszy kontrakt za granicą",
            "title_en": "Export workshop: your first contract abroad",
            "title_de": "Exportworkshop: der erste Vertrag im Ausland",
            "title_hu": "Exportműhely: az első külföldi szerződés",
            "description_pl": (
                "<p>Praktyczne warsztaty dla małych firm: umowa, płatności i dostawy "
                "w handlu z partnerami z Unii Europejskiej.</p>"
            ),
            "description_en": (
                "<p>A practical workshop for small firms: contracts, payments and deliveries "
                "with partners in the European Union.</p>"
            ),
            "description_hu": (
                "<p>Gyakorlati műhely kisvállalkozásoknak: szerződés, fizetés és szállítás "
                "az európai uniós partnerekkel.</p>"
            ),
            **ORGANISER,
        },
        {
            "slug": "szkolenie-online-bezpieczenstwo-zywnosci",
            "kind": Event.Kind.TRAINING,
            "clusters": [DAIRY],
            "starts_at": _at(10, 11),
            "ends_at": _at(10, 13),
            "is_online": True,
            "online_url": "https://spotkania.example/bezpieczenstwo-zywnosci",
            "languages_spoken": "pl,en",
            "capacity": 100,
            "title_pl": "Szkolenie online: bezpieczeństwo żywności w eksporcie",
            "title_en": "Online training: food safety in export",
            "description_pl": "<p>Wymagania HACCP i IFS w handlu z partnerami zagranicznymi.</p>",
            "description_en": "<p>HACCP and IFS requirements in trade with partners abroad.</p>",
            **ORGANISER,
        },
        {
            "slug": "spotkanie-robocze-lomza",
            "kind": Event.Kind.WORKING_MEETING,
            "status": Event.Status.CANCELLED,
            "clusters": [MACHINERY],
            "starts_at": _at(14, 12),
            "ends_at": _at(14, 14),
            "venue": "Starostwo Powiatowe",
            "town": "Łomża",
            "country": "PL",
            "languages_spoken": "pl",
            "registration_open": False,
            "title_pl": "Spotkanie robocze producentów maszyn rolniczych",
            "description_pl": "<p>Spotkanie zostało odwołane; nowy termin podamy wkrótce.</p>",
            **ORGANISER,
        },
    ]


@transaction.atomic
def load_demo():
    """The events' demo data, as `load_demo` loads and reports it (registered from
    EventsConfig.ready()); an event that exists is left as it is."""
    clusters = {cluster.slug: cluster for cluster in Cluster.objects.all()}
    created = 0
    now = timezone.now()
    for row in _events():
        values = dict(row)
        slugs = values.pop("clusters")
        values.setdefault("status", Event.Status.PUBLISHED)
        values["published_at"] = now
        event, is_new = Event.objects.get_or_create(slug=values.pop("slug"), defaults=values)
        if is_new:
            created += 1
            event.clusters.set(clusters[slug] for slug in slugs if slug in clusters)
    focus_group = Event.objects.get(slug="grupa-fokusowa-bialystok")
    study = Document.objects.filter(is_published=True).order_by("pk").first()
    if study is not None and not focus_group.documents.exists():
        focus_group.documents.add(study)
    return [f"Demo data: {len(_events())} events ({created} new), among them {WORKSHOP}."]

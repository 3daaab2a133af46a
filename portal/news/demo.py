"""Demo data for `make run`: the project's news, mostly in Polish, some translated.

The first item is the project's start as the office's notice tells it; one item is
scheduled a month ahead, so that the demo shows an item appearing at its time.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from companies.models import Cluster
from portal.news.models import NewsItem

START = datetime.datetime(2026, 1, 12, 9, 0, tzinfo=datetime.UTC)

# slug: (days after START, or None for "a month from now", clusters, texts by language)
NEWS = {
    "projekt-rozwoj-klastrow-przemyslowych": (
        0,
        ["dairy", "agricultural-machinery"],
        {
            "pl": (
                "Rusza projekt „Rozwój klastrów przemysłowych”",
                "Urząd Marszałkowski Województwa Podlaskiego bierze udział w "
                "międzynarodowym projekcie programu Interreg III B (CADSES), którego "
                "partnerem wiodącym jest Lombardia.",
                "<p>Celem projektu jest <strong>identyfikacja potencjalnych klastrów</strong> "
                "w wybranych krajach Europy Wschodniej i stworzenie warunków do ich "
                "rozwoju.</p><h2>Cztery grupy działań</h2><ul><li><p>analiza branż "
                "mogących tworzyć klastry,</p></li><li><p>baza danych firm i umowy o "
                "współpracy,</p></li><li><p>internetowy portal gospodarczy,</p></li>"
                "<li><p>szkolenia, konferencje, warsztaty i wizyty studyjne.</p></li></ul>",
                "",
            ),
            "en": (
                "The project “Development of Industrial Clusters” starts",
                "The Marshal's Office of the Podlaskie Voivodeship takes part in the "
                "international Interreg III B (CADSES) project led by Lombardy.",
                "<p>The project aims to <strong>identify potential clusters</strong> in "
                "selected Eastern European countries and to create the conditions for "
                "their development.</p>",
                "",
            ),
            "it": (
                "Parte il progetto “Sviluppo dei cluster industriali”",
                "L'Ufficio del Maresciallo del Voivodato della Podlachia partecipa al "
                "progetto internazionale Interreg III B (CADSES) guidato dalla Lombardia.",
                "<p>Il progetto mira a <strong>individuare i cluster potenziali</strong> "
                "in alcuni paesi dell'Europa orientale.</p>",
                "",
            ),
        },
    ),
    "dwie-wiodace-branze-regionu": (
        20,
        ["dairy", "agricultural-machinery"],
        {
            "pl": (
                "Dwie wiodące branże regionu",
                "Analiza wskazała przemysł mleczarski i produkcję maszyn rolniczych jako "
                "branże, które mogą tworzyć klastry.",
                "<p>Kolejnym krokiem jest międzynarodowy portal z danymi firm i ich "
                "ofertami współpracy.</p>",
                "",
            ),
            "en": (
                "Two leading industries of the region",
                "The analysis named the dairy industry and the production of agricultural "
                "machinery as the industries that could form clusters.",
                "<p>The next step is an international portal with the firms' data and "
                "their co-operation offers.</p>",
                "",
            ),
        },
    ),
    "grupa-fokusowa-bialystok": (
        35,
        ["dairy"],
        {
            "pl": (
                "Grupa fokusowa w Białymstoku",
                "Przedstawiciele firm mleczarskich oraz instytucji otoczenia biznesu "
                "spotkali się w Białymstoku.",
                "<p>Rozmawiano o potrzebach firm i o tym, jak uczelnie, banki i agencje "
                "rozwoju mogą je wspierać.</p>",
                "",
            ),
        },
    ),
    "wypelnij-ankiete": (
        50,
        ["agricultural-machinery"],
        {
            "pl": (
                "Wypełnij ankietę i wejdź do katalogu",
                "Firmy zainteresowane współpracą zapraszamy do wypełnienia ankiety.",
                "<p>Ankieta promuje firmę i otwiera drogę do współpracy z partnerami "
                "za granicą.</p>",
                "",
            ),
            "it": (
                "Compilate il questionario",
                "Le imprese interessate alla cooperazione sono invitate a compilare il "
                "questionario.",
                "<p>Il questionario promuove l'impresa e apre la strada alla cooperazione.</p>",
                "",
            ),
        },
    ),
    "studium-wykonalnosci-centrum-klastrowego": (
        None,
        ["dairy", "agricultural-machinery"],
        {
            "pl": (
                "Studium wykonalności centrum rozwoju klastrów",
                "Pilotażowe studium wykonalności centrum rozwoju klastrów zostanie "
                "przedstawione partnerom projektu.",
                "<p>Studium opisuje, jak centrum mogłoby wspierać firmy obu klastrów.</p>",
                "",
            ),
        },
    ),
}


def _publish_at(days, now):
    if days is None:
        return (now + datetime.timedelta(days=30)).replace(microsecond=0)
    return START + datetime.timedelta(days=days)


@transaction.atomic
def load_demo_data(now=None):
    """Create the demo news that do not exist yet; a second run creates nothing."""
    now = now or timezone.now()
    clusters = {cluster.slug: cluster for cluster in Cluster.objects.all()}
    created = 0
    for slug, (days, cluster_slugs, texts) in NEWS.items():
        if NewsItem.objects.filter(slug=slug).exists():
            continue
        fields = {}
        for code, (title, lead, body, alt) in texts.items():
            fields.update(
                {
                    f"title_{code}": title,
                    f"lead_{code}": lead,
                    f"body_{code}": body,
                    f"image_alt_{code}": alt,
                }
            )
        item = NewsItem.objects.create(
            slug=slug, is_published=True, publish_at=_publish_at(days, now), **fields
        )
        item.clusters.set(clusters[name] for name in cluster_slugs if name in clusters)
        created += 1
    return {"news": len(NEWS), "news_created": created}


def load_demo():
    """The news' demo data, as `load_demo` loads and reports it
    (registered with portal.common.demo from NewsConfig.ready())."""
    counts = load_demo_data()
    return [f"Demo data: {counts['news']} news items ({counts['news_created']} new)."]

"""A cluster's profile from the portal's own data: counts per cluster and region."""

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from companies.analysis.profile import kept_profile
from companies.models import Activity, Certification, Cluster, Organisation, Region
from offers.models import Offer
from portal.common import cluster_profile
from portal.common.cluster_profile import ProfilePart
from questionnaire.models import Submission, SurveyQuestion
from tests.factories import OrganisationFactory
from tests.offers.factories import OfferFactory, expired_offer
from tests.questionnaire.submissions import make_submission

pytestmark = pytest.mark.django_db

Kind = Organisation.Kind
Size = Organisation.SizeClass

DIRECTORY_TITLES = [
    "Organisations by kind",
    "Organisations by size class",
    "Most frequent NACE activities",
    "Export markets",
    "Certifications",
]


@pytest.fixture(autouse=True)
def _english():
    """The profile's titles, labels and country names in English."""
    with translation.override("en"):
        yield


def region(code, name, level, country):
    return Region.objects.update_or_create(
        code=code, defaults={"name": name, "level": level, "country": country}
    )[0]


@pytest.fixture
def regions():
    return {
        "PL": region("PL", "Polska", 0, "PL"),
        "PL84": region("PL84", "Podlaskie", 2, "PL"),
        "PL91": region("PL91", "Warszawski stołeczny", 2, "PL"),
        "ITH5": region("ITH5", "Emilia-Romagna", 2, "IT"),
    }


@pytest.fixture
def data(regions):
    """Five published dairy organisations (three in Podlaskie, one near Warsaw, one in
    Emilia-Romagna), an unpublished one and a machinery firm that are not counted, their
    offers, and five questionnaires answering the first yes-or-no question."""
    dairy = Cluster.objects.get(slug="dairy")
    machinery = Cluster.objects.get(slug="agricultural-machinery")
    dairies, ice_cream = Activity.objects.get(code="10.51"), Activity.objects.get(code="10.52")
    iso22000 = Certification.objects.get(slug="iso-22000")
    iso9001 = Certification.objects.get(slug="iso-9001")
    podlaskie, warsaw, emilia = regions["PL84"], regions["PL91"], regions["ITH5"]

    def organisation(name, **kwargs):
        kwargs.setdefault("clusters", [dairy])
        kwargs.setdefault("nuts_region", podlaskie)
        return OrganisationFactory(name=name, **kwargs)

    o1 = organisation(
        "Mleczarnia A",
        size_class=Size.MICRO,
        activities=[dairies, ice_cream],
        certifications=[iso22000, iso9001],
        export_markets=["DE", "IT"],
    )
    o2 = organisation(
        "Mleczarnia B",
        size_class=Size.SMALL,
        activities=[dairies],
        certifications=[iso22000],
        export_markets=["DE"],
    )
    organisation("Politechnika", kind=Kind.UNIVERSITY, size_class="")
    o4 = organisation(
        "Mleczarnia D",
        size_class=Size.MEDIUM,
        nuts_region=warsaw,
        activities=[dairies],
        export_markets=["CZ"],
    )
    organisation(
        "Caseificio E",
        size_class=Size.LARGE,
        country="IT",
        nuts_region=emilia,
        activities=[dairies],
        export_markets=["PL"],
    )
    organisation("Mleczarnia ukryta", is_published=False, activities=[dairies])
    o7 = organisation("Fabryka maszyn", clusters=[machinery], activities=[dairies])

    OfferFactory(organisation=o1)
    OfferFactory(organisation=o1)
    expired_offer(organisation=o1, kind=Offer.Kind.TECHNOLOGY_OFFER)
    OfferFactory(organisation=o2, kind=Offer.Kind.TECHNOLOGY_OFFER, published=False)
    OfferFactory(organisation=o4, kind=Offer.Kind.SUBCONTRACTING)
    OfferFactory(organisation=o7)

    question = SurveyQuestion.objects.filter(kind=SurveyQuestion.Kind.YES_NO).first()

    def submission(name, answer, *, linked=None, country="PL", clusters=(dairy,)):
        fields = {"name": name, "country": country}
        if country != "PL":
            fields |= {"nip": "", "vat_id": f"{country}123456789"}
        made = make_submission(
            organisation=fields, clusters=list(clusters), survey={question: answer}
        )
        Submission.objects.filter(pk=made.pk).update(organisation=linked)
        return made

    submission("A", 1, linked=o1)
    submission("D", 0, linked=o4)
    submission("Bez powiązania", 1)
    submission("Italiana", 0, country="IT")
    submission("Maszyny", 1, linked=o7, clusters=(machinery,))
    unconfirmed = submission("Niepotwierdzona", 1, linked=o2)
    Submission.objects.filter(pk=unconfirmed.pk).update(status=Submission.Status.UNCONFIRMED)
    return {"dairy": dairy, "question": question, **regions}


def table(part):
    return (part.title, part.rows, part.answered, part.total)


def by_title(parts):
    return {str(part.title): part for part in parts}


def test_the_directory_counts_the_clusters_published_organisations(data):
    parts = by_title(cluster_profile.parts(cluster=data["dairy"]))

    assert [str(title) for title in list(parts)[:5]] == DIRECTORY_TITLES
    kinds = parts["Organisations by kind"]
    assert [(str(label), n) for label, n in kinds.rows] == [
        (str(Kind.FIRM.label), 4),
        (str(Kind.UNIVERSITY.label), 1),
    ]
    assert (kinds.answered, kinds.total) == (5, 5)
    sizes = parts["Organisations by size class"]
    assert [n for _label, n in sizes.rows] == [1, 1, 1, 1]
    assert [str(label) for label, _n in sizes.rows] == [str(label) for _v, label in Size.choices]
    assert (sizes.answered, sizes.total) == (4, 5)
    activities = parts["Most frequent NACE activities"]
    assert [(label[:5], n) for label, n in activities.rows] == [("10.51", 4), ("10.52", 1)]
    assert (activities.answered, activities.total) == (4, 5)
    markets = parts["Export markets"]
    assert markets.rows == [("Germany", 2), ("Czechia", 1), ("Italy", 1), ("Poland", 1)]
    assert (markets.answered, markets.total) == (4, 5)
    certifications = parts["Certifications"]
    assert certifications.rows == [("ISO 22000", 2), ("ISO 9001", 1)]
    assert (certifications.answered, certifications.total) == (2, 5)


def test_a_nuts_2_region_counts_only_the_organisations_in_it(data):
    parts = by_title(cluster_profile.parts(cluster=data["dairy"], region=data["PL84"]))

    kinds = parts["Organisations by kind"]
    assert [n for _label, n in kinds.rows] == [2, 1]
    assert (kinds.answered, kinds.total) == (3, 3)
    assert table(parts["Organisations by size class"])[1:] == (
        [(Size.MICRO.label, 1), (Size.SMALL.label, 1)],
        2,
        3,
    )
    activities = parts["Most frequent NACE activities"]
    assert [(label[:5], n) for label, n in activities.rows] == [("10.51", 2), ("10.52", 1)]
    assert parts["Export markets"].rows == [("Germany", 2), ("Italy", 1)]
    assert (parts["Export markets"].answered, parts["Certifications"].answered) == (2, 2)
    assert "Podlaskie" in parts["Organisations by kind"].note


def test_a_country_counts_the_organisations_of_the_country(data):
    parts = by_title(cluster_profile.parts(cluster=data["dairy"], region=data["PL"]))

    assert parts["Organisations by kind"].total == 4
    assert [(label[:5], n) for label, n in parts["Most frequent NACE activities"].rows] == [
        ("10.51", 3),
        ("10.52", 1),
    ]
    assert "Poland" in parts["Organisations by kind"].note


def test_live_offers_are_counted_by_kind(data):
    everywhere = by_title(cluster_profile.parts(cluster=data["dairy"]))
    podlaskie = by_title(cluster_profile.parts(cluster=data["dairy"], region=data["PL84"]))

    offers = everywhere["Live co-operation offers by kind"]
    assert offers.rows == [
        (Offer.Kind.BUSINESS_OFFER.label, 2),
        (Offer.Kind.SUBCONTRACTING.label, 1),
    ]
    assert (offers.answered, offers.total) == (2, 5)
    offers = podlaskie["Live co-operation offers by kind"]
    assert offers.rows == [(Offer.Kind.BUSINESS_OFFER.label, 2)]
    assert (offers.answered, offers.total) == (1, 3)


def test_the_survey_counts_the_clusters_questionnaires_by_region(data):
    prompt = data["question"].prompt
    everywhere = by_title(cluster_profile.parts(cluster=data["dairy"]))[prompt]
    podlaskie = by_title(cluster_profile.parts(cluster=data["dairy"], region=data["PL84"]))[prompt]
    poland = by_title(cluster_profile.parts(cluster=data["dairy"], region=data["PL"]))[prompt]

    assert [n for _label, n in everywhere.rows] == [2, 2]  # yes, no
    assert (everywhere.answered, everywhere.total, everywhere.unit) == (4, 4, "questionnaires")
    # Podlaskie: only the questionnaire linked to an organisation there.
    assert [n for _label, n in podlaskie.rows] == [1, 0]
    assert (podlaskie.answered, podlaskie.total) == (1, 1)
    assert "Podlaskie" in podlaskie.note
    # Poland: linked to a Polish organisation, or sent from Poland without a link.
    assert [n for _label, n in poland.rows] == [2, 1]
    assert (poland.answered, poland.total) == (3, 3)


def test_text_questions_are_left_out_of_the_profile(data):
    titles = set(by_title(cluster_profile.parts(cluster=data["dairy"])))

    for question in SurveyQuestion.objects.filter(is_active=True):
        assert (question.prompt in titles) == (question.kind != SurveyQuestion.Kind.TEXT)


def test_the_profile_reads_a_fixed_number_of_queries(data, regions, django_assert_num_queries):
    dairy = data["dairy"]
    # The directory 7 (kinds and sizes, answers, markets, activities and their
    # names, certifications and their names), the offers 2, the survey 6.
    with django_assert_num_queries(15):
        cluster_profile.parts(cluster=dairy, region=regions["PL84"])

    activity = Activity.objects.get(code="10.51")
    certification = Certification.objects.get(slug="iso-22000")
    for number in range(20):
        organisation = OrganisationFactory(
            name=f"Mleczarnia {number:02d}",
            clusters=[dairy],
            nuts_region=regions["PL84"],
            activities=[activity],
            certifications=[certification],
            export_markets=["DE", "AT"],
        )
        OfferFactory(organisation=organisation)
        answered = make_submission(organisation={"name": f"S{number}"}, clusters=[dairy])
        Submission.objects.filter(pk=answered.pk).update(organisation=organisation)

    with django_assert_num_queries(15):
        parts = cluster_profile.parts(cluster=dairy, region=regions["PL84"])
    assert by_title(parts)["Organisations by kind"].total == 23


def test_the_kept_profile_is_read_from_the_cache_until_the_directory_changes(
    data, fragment_cache, django_assert_num_queries
):
    dairy = data["dairy"]
    first = kept_profile(cluster=dairy, region=data["PL84"])
    assert first == cluster_profile.parts(cluster=dairy, region=data["PL84"])
    with django_assert_num_queries(0):
        again = kept_profile(cluster=dairy, region=data["PL84"])
    assert by_title(again)["Organisations by kind"].total == 3
    # Another region, and another language, are kept apart.
    assert by_title(kept_profile(cluster=dairy))["Organisations by kind"].total == 5
    with translation.override("it"):
        assert "Organizzazioni per tipo" in by_title(kept_profile(cluster=dairy))

    OrganisationFactory(name="Nowa mleczarnia", clusters=[dairy], nuts_region=data["PL84"])

    assert (
        by_title(kept_profile(cluster=dairy, region=data["PL84"]))["Organisations by kind"].total
        == 4
    )


def test_a_registered_app_adds_its_parts_in_order(data):
    def extra(*, cluster, region):
        return [ProfilePart(title=f"Extra {cluster.slug}", rows=[("x", 1)], answered=1, total=1)]

    with cluster_profile.registered("extra", 0, extra):
        parts = cluster_profile.parts(cluster=data["dairy"])
    assert parts[0].title == "Extra dairy"
    assert "Extra dairy" not in by_title(cluster_profile.parts(cluster=data["dairy"]))


def test_the_include_renders_each_part_as_a_table():
    profile = [
        ProfilePart(
            title="Organisations by kind",
            rows=[("firm", 4), ("university", 1)],
            answered=5,
            total=6,
            note="Published organisations.",
        ),
        ProfilePart(title="Certifications", rows=[], answered=0, total=6),
        ProfilePart(
            title="Do you export?", rows=[("yes", 2)], answered=2, total=3, unit="questionnaires"
        ),
    ]
    with translation.override("en"):
        html = render_to_string("companies/analysis/_portal_data.html", {"profile": profile})

    assert html.count("<table") == 3
    assert "<caption" in html and "Organisations by kind</caption>" in html
    assert '<th scope="row" class="fw-normal">firm</th>' in html
    assert '<td class="text-end">4</td>' in html
    assert "5 of 6 organisations answered" in html
    assert "No answers yet." in html
    assert "2 of 3 questionnaires answered" in html
    assert "Published organisations." in html


def test_the_include_speaks_the_readers_language(data):
    with translation.override("it"):
        profile = cluster_profile.parts(cluster=data["dairy"])
        html = render_to_string("companies/analysis/_portal_data.html", {"profile": profile})

    assert "Germania" in html  # an export market, named in Italian
    assert "Organizzazioni per tipo" in html
    assert "4 su 5 organizzazioni hanno risposto" in html

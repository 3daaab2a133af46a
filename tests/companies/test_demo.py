import pytest
from django.core.management import call_command

from companies.models import Activity, Certification, Cluster, ContactPerson, Organisation
from portal.common.languages import LANGUAGE_CODES

pytestmark = pytest.mark.django_db


def test_reference_data_has_nace_in_every_language():
    assert Activity.objects.filter(level=Activity.Level.SECTION).count() == 21
    assert Activity.objects.filter(level=Activity.Level.DIVISION).count() == 88
    dairy = Activity.objects.get(code="10.51")
    assert dairy.parent.code == "10.5"
    assert dairy.parent.parent.code == "10"
    assert dairy.parent.parent.parent.code == "C"
    for activity in Activity.objects.all():
        for code in LANGUAGE_CODES:
            assert getattr(activity, f"name_{code}"), (activity.code, code)
    assert Certification.objects.count() == 10


def test_the_two_clusters_are_seeded_with_their_nace_codes_in_every_language():
    dairy = Cluster.objects.get(slug="dairy")
    machinery = Cluster.objects.get(slug="agricultural-machinery")

    assert {"10.51", "10.52"} <= set(dairy.activities.values_list("code", flat=True))
    assert "28.30" in set(machinery.activities.values_list("code", flat=True))
    for cluster in (dairy, machinery):
        for code in LANGUAGE_CODES:
            assert getattr(cluster, f"name_{code}")
            assert getattr(cluster, f"description_{code}")


def test_load_demo_is_idempotent_and_its_data_valid(capsys):
    call_command("load_demo")
    counts = (Organisation.objects.count(), ContactPerson.objects.count())
    call_command("load_demo", "--staff")

    output = capsys.readouterr().out
    assert (Organisation.objects.count(), ContactPerson.objects.count()) == counts
    assert counts[0] >= 55
    assert "(0 new)" in output
    assert "Demo staff account: demo / " in output
    countries = set(Organisation.objects.values_list("country", flat=True))
    assert countries == {"PL", "IT", "AT", "HU", "RO", "BG", "CZ"}
    for organisation in Organisation.objects.all():
        organisation.full_clean()
    for person in ContactPerson.objects.all():
        person.full_clean()


def test_demo_staff_account_can_sign_in(client, capsys):
    call_command("load_demo", "--staff")
    password = capsys.readouterr().out.split("Demo staff account: demo / ")[1].split()[0]

    assert client.login(username="demo", password=password)
    assert client.get("/pl/admin/companies/organisation/").status_code == 200


def test_demo_directory_reads_in_polish_and_italian(client):
    call_command("load_demo")

    polish = client.get("/pl/directory/", {"q": "sery dojrzewające"})
    italian = client.get("/it/directory/", {"q": "formaggi stagionati"})

    assert "Spółdzielnia Mleczarska Narew" in polish.content.decode()
    assert "Katalog firm i instytucji" in polish.content.decode()
    assert "Caseificio Lodigiano" in italian.content.decode() or (
        "Serowar Podlaski" in italian.content.decode()
    )
    assert "Elenco di imprese e istituzioni" in italian.content.decode()

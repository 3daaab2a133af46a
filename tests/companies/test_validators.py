import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from companies import validators
from tests.factories import OrganisationFactory


@pytest.mark.parametrize("value", ["5260250274", "526-025-02-74"])
def test_valid_nip(value):
    validators.validate_nip(value)


@pytest.mark.parametrize(
    ("value", "code"),
    [("5260250275", "nip_invalid"), ("52602502", "nip_length"), ("abcdefghij", "nip_invalid")],
)
def test_invalid_nip(value, code):
    with pytest.raises(ValidationError) as error:
        validators.validate_nip(value)
    assert error.value.code == code


def test_invalid_nip_message_is_in_the_readers_language():
    with translation.override("pl"), pytest.raises(ValidationError) as error:
        validators.validate_nip("5260250275")
    assert "NIP jest nieprawidłowy" in str(error.value.messages[0])


@pytest.mark.parametrize("value", ["123456785", "12345678512347"])
def test_valid_regon(value):
    validators.validate_regon(value)


@pytest.mark.parametrize("value", ["123456786", "1234"])
def test_invalid_regon(value):
    with pytest.raises(ValidationError):
        validators.validate_regon(value)


def test_krs_is_ten_digits():
    validators.validate_krs("0000123456")
    with pytest.raises(ValidationError):
        validators.validate_krs("123456")


@pytest.mark.parametrize(
    ("value", "country"),
    [
        ("IT00743110157", "IT"),
        ("ATU13585627", "AT"),
        ("CZ25123891", "CZ"),
        ("HU12892312", "HU"),
        ("RO18547290", "RO"),
        ("BG175074752", "BG"),
        ("PL5260250274", "PL"),
    ],
)
def test_vat_ids_of_partner_countries(value, country):
    assert validators.validate_vat_id(value, country) == value


def test_vat_id_of_another_country_is_refused():
    with pytest.raises(ValidationError) as error:
        validators.validate_vat_id("IT00743110157", "AT")
    assert error.value.code == "vat_country"


def test_vat_id_with_a_wrong_check_digit_is_refused():
    with pytest.raises(ValidationError) as error:
        validators.validate_vat_id("IT00743110158", "IT")
    assert error.value.code == "vat_invalid"


@pytest.mark.django_db
def test_organisation_clean_checks_the_vat_id_against_its_country():
    organisation = OrganisationFactory(country="AT", vat_id="it 0074 3110 157")
    with pytest.raises(ValidationError) as error:
        organisation.full_clean()
    assert "vat_id" in error.value.message_dict


@pytest.mark.django_db
def test_nip_only_for_polish_organisations():
    organisation = OrganisationFactory(country="CZ", nip="5260250274")
    with pytest.raises(ValidationError) as error:
        organisation.full_clean()
    assert "nip" in error.value.message_dict


def test_tax_ids_are_checked_against_the_organisation_s_country():
    assert validators.check_tax_ids(country_code="IT", nip="", vat_id="IT 00743110157") == (
        "IT00743110157",
        {},
    )
    assert validators.check_tax_ids(country_code="PL", nip="5260250274", vat_id="") == ("", {})

    _vat_id, errors = validators.check_tax_ids(
        country_code="AT", nip="5260250274", vat_id="IT00743110157"
    )

    assert list(errors) == ["vat_id", "nip"]
    assert errors["vat_id"].code == "vat_country"
    assert errors["nip"].code == "nip_country"

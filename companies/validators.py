"""Validators of organisation identifiers (python-stdnum does the checksums)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum import exceptions as stdnum_errors
from stdnum.eu import vat
from stdnum.pl import nip, regon

KRS_PATTERN = re.compile(r"^\d{10}$")


def validate_nip(value):
    try:
        nip.validate(value)
    except stdnum_errors.InvalidLength:
        raise ValidationError(
            _("A NIP has 10 digits; check that none is missing."), code="nip_length"
        ) from None
    except stdnum_errors.ValidationError:
        raise ValidationError(
            _("This NIP is not valid: check its digits (the last one is a checksum)."),
            code="nip_invalid",
        ) from None


def validate_regon(value):
    try:
        regon.validate(value)
    except stdnum_errors.InvalidLength:
        raise ValidationError(
            _("A REGON has 9 or 14 digits; check that none is missing."),
            code="regon_length",
        ) from None
    except stdnum_errors.ValidationError:
        raise ValidationError(
            _("This REGON is not valid: check its digits (the last one is a checksum)."),
            code="regon_invalid",
        ) from None


def validate_krs(value):
    if not KRS_PATTERN.match(value or ""):
        raise ValidationError(_("A KRS number has exactly 10 digits."), code="krs_invalid")


def validate_vat_id(value, country_code):
    """Check an EU VAT number for the given country; return it in compact form."""
    try:
        number = vat.validate(value)
    except stdnum_errors.ValidationError:
        raise ValidationError(
            _(
                "This EU VAT number is not valid: it starts with the country code, "
                "for example IT12345678901."
            ),
            code="vat_invalid",
        ) from None
    prefix = "GR" if number[:2] == "EL" else number[:2]
    if country_code and prefix != country_code:
        raise ValidationError(
            _("This EU VAT number belongs to another country than the organisation's."),
            code="vat_country",
        )
    return number


def check_tax_ids(*, country_code, nip, vat_id):
    """An organisation's NIP and EU VAT number checked against its country.

    A NIP belongs only to an organisation registered in Poland; a VAT number must be
    valid and of the organisation's country. Returns the VAT number in compact form
    and the errors by field, the VAT number's first.
    """
    errors = {}
    if vat_id:
        try:
            vat_id = validate_vat_id(vat_id, country_code)
        except ValidationError as error:
            errors["vat_id"] = error
    if nip and country_code and country_code != "PL":
        errors["nip"] = ValidationError(
            _("A NIP is given only for organisations registered in Poland."), code="nip_country"
        )
    return vat_id, errors

"""Contact persons whose address a questionnaire confirmed: their e-mail counts as confirmed.

A contact person is made from an accepted submission (questionnaire/services.py);
the submitter had followed the e-mailed link, which set `Submission.confirmed_at`.
Each contact person of an organisation that came from a confirmed submission sent
from the same address gets the earliest such confirmation as `email_confirmed_at`.
"""

from django.db import migrations


def confirm_contact_emails(apps, schema_editor):
    ContactPerson = apps.get_model("companies", "ContactPerson")
    Submission = apps.get_model("questionnaire", "Submission")
    confirmed = (
        Submission.objects.filter(confirmed_at__isnull=False, organisation__isnull=False)
        .exclude(email="")
        .values_list("organisation_id", "email", "confirmed_at")
    )
    earliest = {}
    for organisation_id, email, confirmed_at in confirmed:
        key = (organisation_id, email.lower())
        if key not in earliest or confirmed_at < earliest[key]:
            earliest[key] = confirmed_at
    organisations = {organisation_id for organisation_id, _email in earliest}
    for contact in ContactPerson.objects.filter(
        organisation_id__in=organisations, email_confirmed_at__isnull=True
    ).only("pk", "organisation_id", "email"):
        confirmed_at = earliest.get((contact.organisation_id, contact.email.lower()))
        if confirmed_at is not None:
            ContactPerson.objects.filter(pk=contact.pk).update(email_confirmed_at=confirmed_at)


class Migration(migrations.Migration):
    dependencies = [
        ("companies", "0011_contactperson_email_confirmed_at"),
        ("questionnaire", "0007_staff_roles"),
    ]

    operations = [
        migrations.RunPython(confirm_contact_emails, migrations.RunPython.noop, elidable=True),
    ]

"""Which staff member saw whose contact data, on which admin page, when.

The admin pages that show contact persons' names, e-mail addresses or phone
numbers call `log_contact_views` once they have rendered them for the signed-in
staff member: the contact person's own pages and history, the list of contact
persons, an organisation with its contact persons, an expression of interest
(the address it is forwarded to) and a questionnaire submission (its contact
details). A page refused to someone writes nothing.
"""

from companies.models import ContactDataView, ContactPerson

PATH_LENGTH = ContactDataView._meta.get_field("path").max_length


def log_contact_views(request, *, contacts=(), organisation=None, deleted_contact_id=None):
    """Log that `request.user` saw `contacts`: one row each.

    Without contacts, one row of the page: contact data of `organisation`, or of a
    contact person deleted since (`deleted_contact_id`), or, with the page's
    address, contact data sent in a questionnaire.
    """
    user = request.user
    common = {
        "user": user,
        "username": user.get_username(),
        "path": request.get_full_path()[:PATH_LENGTH],
    }
    rows = [
        ContactDataView(
            contact_person=contact,
            contact_person_ref=contact.pk,
            organisation_id=contact.organisation_id,
            **common,
        )
        for contact in contacts
    ]
    if not rows:
        rows = [
            ContactDataView(
                organisation=organisation, contact_person_ref=deleted_contact_id, **common
            )
        ]
    ContactDataView.objects.bulk_create(rows)
    return rows


def contacts_on_page(response):
    """The contact persons an admin change page's inlines showed."""
    formsets = (getattr(response, "context_data", None) or {}).get("inline_admin_formsets", [])
    return [
        form.instance
        for inline in formsets
        if inline.formset.model is ContactPerson
        for form in inline.formset.initial_forms
    ]

"""Writes to the directory of organisations."""

from django.db import transaction


@transaction.atomic
def organisation_set_published(*, organisation, published, by=None):
    """Publish or unpublish an organisation in the public directory."""
    organisation.is_published = published
    organisation.save(update_fields=["is_published", "updated_at"])
    return organisation


def organisations_set_published(*, queryset, published, by=None):
    """Publish or unpublish many organisations; return how many changed."""
    with transaction.atomic():
        changed = 0
        for organisation in queryset.select_for_update().exclude(is_published=published):
            organisation_set_published(organisation=organisation, published=published, by=by)
            changed += 1
    return changed

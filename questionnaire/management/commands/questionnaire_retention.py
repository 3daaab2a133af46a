from django.core.management.base import BaseCommand

from questionnaire import retention
from questionnaire.uploads import PrivateUploads


class Command(BaseCommand):
    help = (
        "Delete unconfirmed questionnaires and expired saved ones, and anonymise rejected "
        "ones after the retention period. Safe to run daily from cron."
    )

    def handle(self, *args, **options):
        deleted = retention.delete_unconfirmed()
        drafts = retention.delete_expired_drafts()
        anonymised = retention.anonymise_rejected()
        uploads = retention.delete_stale_uploads(PrivateUploads())
        self.stdout.write(
            f"Unconfirmed submissions deleted: {deleted}; saved questionnaires deleted: "
            f"{drafts}; rejected submissions anonymised: {anonymised}; stale uploads "
            f"deleted: {uploads}."
        )

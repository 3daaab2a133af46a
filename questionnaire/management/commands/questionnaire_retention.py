from django.core.management.base import BaseCommand

from portal.common.database import DAILY_ATTEMPTS, reconnecting
from questionnaire import retention
from questionnaire.uploads import PrivateUploads


class Command(BaseCommand):
    help = (
        "Delete unconfirmed questionnaires and expired saved ones, and anonymise rejected "
        "ones after the retention period. Safe to run daily from cron. Each step waits "
        "out a restart of the database and is tried again."
    )

    def handle(self, *args, **options):
        def step(work, what):
            return reconnecting(
                work, what=f"questionnaire_retention: {what}", attempts=DAILY_ATTEMPTS
            )

        deleted = step(retention.delete_unconfirmed, "unconfirmed submissions")
        drafts = step(retention.delete_expired_drafts, "saved questionnaires")
        anonymised = step(retention.anonymise_rejected, "rejected submissions")
        uploads = step(lambda: retention.delete_stale_uploads(PrivateUploads()), "stale uploads")
        self.stdout.write(
            f"Unconfirmed submissions deleted: {deleted}; saved questionnaires deleted: "
            f"{drafts}; rejected submissions anonymised: {anonymised}; stale uploads "
            f"deleted: {uploads}."
        )

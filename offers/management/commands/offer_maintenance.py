from django.core.management.base import BaseCommand

from companies.search import refresh_search_words as refresh_directory_words
from offers import search, services
from portal.common.database import DAILY_ATTEMPTS, reconnecting


class Command(BaseCommand):
    help = (
        "Daily upkeep of offers: mark those past their date expired, archive those "
        "published 24 months ago, and e-mail a renewal link 14 days before expiry "
        "(once per offer), then read the words of published offers and of published "
        "organisations again for the search of misspelt words. Safe to run more than "
        "once a day. Each step waits out a restart of the database and is tried again."
    )

    def handle(self, *args, **options):
        def step(work, what):
            return reconnecting(work, what=f"offer_maintenance: {what}", attempts=DAILY_ATTEMPTS)

        expired = step(services.offers_expire_due, "expiry")
        archived = step(services.offers_archive_due, "archiving")
        sent, skipped = step(services.offers_send_expiry_reminders, "renewal reminders")
        step(search.refresh_search_words, "search words")
        step(refresh_directory_words, "directory's search words")
        self.stdout.write(f"Offers expired: {expired}.")
        self.stdout.write(f"Offers archived: {archived}.")
        self.stdout.write(f"Expiry reminders sent: {sent}.")
        if skipped:
            self.stdout.write(
                self.style.WARNING(
                    f"Expiry reminders not sent (the organisation has no e-mail address): "
                    f"{skipped}."
                )
            )

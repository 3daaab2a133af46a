from django.core.management.base import BaseCommand

from portal.common.database import DAILY_ATTEMPTS, reconnecting
from portal.events import registration_services


class Command(BaseCommand):
    help = (
        "Daily reminders: e-mail each confirmed registrant of an event starting within "
        "EVENT_REMINDER_DAYS days (2 unless set), once, in the language they registered "
        "in, with the link to cancel. Safe to run more than once a day, and twice at once. "
        "Waits out a restart of the database and tries again."
    )

    def handle(self, *args, **options):
        run = reconnecting(
            registration_services.reminders_send,
            what="send_event_reminders",
            attempts=DAILY_ATTEMPTS,
        )
        self.stdout.write(f"Reminders sent: {run.sent}.")
        if run.failed:
            self.stdout.write(f"Reminders not sent (tried again next time): {run.failed}.")

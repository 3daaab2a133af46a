from django.core.management.base import BaseCommand

from offers.services import alerts
from portal.common.database import DAILY_ATTEMPTS, reconnecting


class Command(BaseCommand):
    help = (
        "Daily alerts: e-mail each confirmed alert the new offers matching its search "
        "(one digest per alert, none when nothing is new), and delete alerts never "
        "confirmed within their link's validity. Safe to run more than once a day. "
        "Each step waits out a restart of the database and is tried again."
    )

    def handle(self, *args, **options):
        def step(work, what):
            return reconnecting(work, what=f"offer_alerts: {what}", attempts=DAILY_ATTEMPTS)

        deleted = step(alerts.alerts_delete_unconfirmed, "unconfirmed alerts")
        run = step(alerts.alerts_send_digests, "digests")
        self.stdout.write(f"Alerts checked: {run.checked}.")
        self.stdout.write(f"Digests sent: {run.sent} (offers listed: {run.offers}).")
        self.stdout.write(f"Unconfirmed alerts deleted: {deleted}.")

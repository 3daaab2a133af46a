from django.core.management.base import BaseCommand

from offers import alerts


class Command(BaseCommand):
    help = (
        "Daily alerts: e-mail each confirmed alert the new offers matching its search "
        "(one digest per alert, none when nothing is new), and delete alerts never "
        "confirmed within their link's validity. Safe to run more than once a day."
    )

    def handle(self, *args, **options):
        deleted = alerts.alerts_delete_unconfirmed()
        run = alerts.alerts_send_digests()
        self.stdout.write(f"Alerts checked: {run.checked}.")
        self.stdout.write(f"Digests sent: {run.sent} (offers listed: {run.offers}).")
        self.stdout.write(f"Unconfirmed alerts deleted: {deleted}.")

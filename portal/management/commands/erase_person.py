import json

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from portal import privacy


class Command(BaseCommand):
    help = (
        "Erase a person's data from the portal on a request received by letter or "
        "e-mail (GDPR art. 17): shows what the portal holds about the address, asks "
        "for confirmation (unless --yes), erases it in one transaction, and e-mails "
        "the office and the person. A member account with the address is closed too."
    )

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True, help="The person's e-mail address.")
        parser.add_argument(
            "--by", default="", help="The username of the staff member answering the request."
        )
        parser.add_argument("--yes", action="store_true", help="Erase without asking.")

    def handle(self, *args, email, by, yes, **options):
        email = email.strip()
        if "@" not in email:
            raise CommandError(f"{email!r} is not an e-mail address.")
        users = get_user_model().objects
        staff = None
        if by:
            staff = users.filter(username=by, is_staff=True).first()
            if staff is None:
                raise CommandError(f"No staff account has the username {by!r}.")
        accounts = list(users.filter(email__iexact=email))
        if any(account.is_staff for account in accounts):
            raise CommandError(
                "A staff account has this address: close it in the admin, not with this command."
            )
        if len(accounts) > 1:
            raise CommandError(
                f"{len(accounts)} accounts have this address; erase them one by one."
            )
        user = accounts[0] if accounts else None

        export = privacy.person_export(email=email, user=user)
        if not privacy.holds_anything(export) and user is None:
            self.stdout.write(f"The portal holds nothing about {email}.")
            return
        self.stdout.write(f"The portal holds about {email}:")
        if user is not None:
            self.stdout.write(f"  account: {user.get_username()}")
        for part in privacy.PARTS:
            for kind, rows in export[part].items():
                if rows:
                    self.stdout.write(f"  {part}, {kind.replace('_', ' ')}: {len(rows)}")
        if not yes and input("Erase it? Type yes to go on: ").strip().lower() != "yes":
            raise CommandError("Nothing was erased.")

        record = privacy.person_erase(email=email, user=user, by=staff)
        self.stdout.write(f"Erased (erasure {record.erasure_id}); rows changed or deleted:")
        self.stdout.write(json.dumps(record.counts, indent=2, sort_keys=True))
        self.stdout.write("The office and the person have been told by e-mail.")

"""Demo data for `make run`: each app's, as it registers its loader with
portal.common.demo (run in the apps' order), and with --staff the demo staff accounts."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from portal.common import demo
from portal.roles import ROLES


class Command(BaseCommand):
    help = (
        "Load the demo organisations (a second run adds nothing); with --staff, a staff "
        "account and one account per staff role."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--staff",
            action="store_true",
            help=(
                "Create or update the staff account 'demo' (a superuser) and one account per "
                "role ('demo-moderator', 'demo-translator', …) with new passwords and print them."
            ),
        )

    def handle(self, *args, staff=False, **options):
        for line in demo.load_all():
            self.stdout.write(line)
        if staff:
            password = secrets.token_urlsafe(12)
            user, _created = get_user_model().objects.get_or_create(
                username="demo", defaults={"email": "demo@portal.example"}
            )
            user.is_staff = user.is_superuser = True
            user.set_password(password)
            user.save()
            self.stdout.write(f"Demo staff account: demo / {password}")
            for role in ROLES:
                username, password = self.role_account(role)
                self.stdout.write(f"Demo {role} account: {username} / {password}")
            self.stdout.write("Admin: http://127.0.0.1:8000/pl/admin/")

    @staticmethod
    def role_account(role):
        """A staff account in one role's group (made by portal's migrations), no superuser."""
        password = secrets.token_urlsafe(12)
        user, _created = get_user_model().objects.get_or_create(
            username=f"demo-{role}", defaults={"email": f"demo-{role}@portal.example"}
        )
        user.is_staff = True
        user.is_superuser = False
        user.set_password(password)
        user.save()
        user.groups.set([Group.objects.get_or_create(name=role)[0]])
        return user.username, password

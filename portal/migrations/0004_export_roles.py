"""Once the exports from the admin for the roles; it grants nothing now.

Each app's own staff-roles migration (companies 0008, offers 0008, questionnaire
0007) grants the export of organisations, offers and submissions to moderators and
administrators, so that no migration of the portal depends on an app. Databases
that applied this one keep its record.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("portal", "0003_history_roles")]

    operations = []

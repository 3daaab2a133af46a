"""Once the change history of records for the roles; it grants nothing now.

The roles' permissions on the apps' histories, and the administrators' log of who
viewed contact data, are granted by each app's own staff-roles migration
(companies 0008, offers 0008, questionnaire 0007), so that no migration of the
portal depends on an app. Databases that applied this one keep its record.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("portal", "0002_translation_workspace")]

    operations = []

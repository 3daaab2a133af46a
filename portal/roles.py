"""Staff roles: Django groups made by portal/migrations/0001_staff_roles.py.

A role is a group; what it may do is its permissions, and the admin checks only
permissions, never group names. The roles, least privilege first:

- moderator: reviews questionnaire submissions; views and edits offers and
  publishes, rejects and renews them (`offers.moderate_offer`); reads expressions
  of interest and forwards them (`offers.forward_interest`); views organisations
  and their contact persons, to broker contacts; accepts or rejects members'
  proposed changes to organisations (`companies.moderate_organisationrevision`);
  views members (who has an account, for which organisation), to answer them.
- translator: views offers, organisations, clusters and survey questions and edits
  only their translated texts (`<app>.translate_<model>`, see
  portal/common/translator_admin.py); no contact persons, submissions or expressions of
  interest, which hold personal data; no publishing.
- editor: the project's content: documents with their files, which they add,
  change, publish and delete (portal/documents/migrations/0002_staff_roles.py);
  news and events as their apps grant them; nothing of offers, organisations or
  the questionnaire.
- administrator: every permission of the portal's apps (so it deactivates and
  reactivates members, `members.change_member`, and invites a contact person to
  become one, `members.add_member`), and the staff accounts
  and groups, managed within its own permissions (portal/admin.py); it reads the
  sign-in records, lifts lockouts and removes lost authenticator apps, without
  ever seeing an app's key.

Superusers keep every permission. A new model's permissions reach a role only by a
migration that grants them, so a new model starts hidden from every role but the
superusers. Each app grants its own permissions in its own migrations (for instance
companies/migrations/0008_staff_roles.py), which depend on the groups' migration
and use the kernel's portal/common/roles_migrations.py, so that the portal's
migrations never wait for an app's.
"""

MODERATOR = "moderator"
TRANSLATOR = "translator"
EDITOR = "editor"
ADMINISTRATOR = "administrator"

ROLES = [MODERATOR, TRANSLATOR, EDITOR, ADMINISTRATOR]

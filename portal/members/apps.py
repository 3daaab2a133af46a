from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    """The signed-in member area: a firm's contact person or a partner abroad."""

    name = "portal.members"
    label = "members"
    verbose_name = _("Members")

    def ready(self):
        from portal.common import demo
        from portal.common.history import keep_history
        from portal.members.models import Member
        from portal.members.ratelimits import fail_open

        demo.register("portal.members.demo.load_demo", app=self.label)
        # Who joined, left or changed an organisation's membership, and who did it.
        keep_history(Member)
        # With the cache server down, sign-in is not refused for want of a count.
        fail_open()

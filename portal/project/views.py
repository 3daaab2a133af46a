"""The page about the project "Development of Industrial Clusters"."""

from django.urls import NoReverseMatch
from django.views.generic import TemplateView

from portal.project import selectors


def _link(event):
    """The event's page, once the events section has one."""
    try:
        return event.get_absolute_url()
    except NoReverseMatch:
        return ""


class ProjectView(TemplateView):
    """The programme, its aim, the four groups of activities with what the portal holds
    for each, the partners (a list, and a map drawn when the visitor asks) and the
    timeline of milestones."""

    template_name = "project/project.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        partners = list(selectors.partner_list())
        milestones = list(selectors.milestone_list())
        for event in milestones:
            event.page_url = _link(event)
        context.update(
            partners=partners,
            partner_points=selectors.map_points(partners),
            milestones=milestones,
        )
        return context

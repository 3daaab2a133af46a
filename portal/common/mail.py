"""E-mail subjects: plain text on one line, whatever the names and titles in them."""

from django.template import Context
from django.template.loader import get_template

from portal.common.text import one_line


def render_subject(template_name, context):
    """The subject rendered from `template_name`: escaped nowhere (it is not HTML),
    on one line, without the characters an e-mail header cannot carry."""
    template = get_template(template_name).template
    return one_line(template.render(Context(context, autoescape=False)))

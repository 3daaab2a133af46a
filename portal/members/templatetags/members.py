from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def code_minutes():
    """How many minutes an e-mailed sign-in code lasts (ACCOUNT_LOGIN_BY_CODE_TIMEOUT)."""
    return settings.ACCOUNT_LOGIN_BY_CODE_TIMEOUT // 60

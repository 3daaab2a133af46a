"""Feeds that never fail on what is stored: every text goes through `xml_safe()`."""

from django.utils.feedgenerator import Atom1Feed

from portal.common.text import xml_safe


def _xml_safe(value):
    if isinstance(value, str):
        return xml_safe(value)
    if isinstance(value, list | tuple):
        return type(value)(_xml_safe(item) for item in value)
    return value


class XmlSafeAtom1Feed(Atom1Feed):
    """Atom whose feed and entry texts drop the characters XML 1.0 cannot carry."""

    def __init__(self, *args, **kwargs):
        super().__init__(*[_xml_safe(arg) for arg in args], **_xml_safe_kwargs(kwargs))

    def add_item(self, *args, **kwargs):
        super().add_item(*[_xml_safe(arg) for arg in args], **_xml_safe_kwargs(kwargs))


def _xml_safe_kwargs(kwargs):
    return {name: _xml_safe(value) for name, value in kwargs.items()}

from modeltranslation.translator import TranslationOptions, register

from companies.models import Activity, Certification, Cluster, Organisation, Region


@register(Activity)
class ActivityTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Cluster)
class ClusterTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(Certification)
class CertificationTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Organisation)
class OrganisationTranslationOptions(TranslationOptions):
    fields = ("description", "products")


@register(Region)
class RegionTranslationOptions(TranslationOptions):
    # Blank where the name is the same in a language: the original name shows.
    fields = ("name",)

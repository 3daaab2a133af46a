from decimal import Decimal

import factory
from django.utils.text import slugify

from companies.models import Activity, Certification, Cluster, ContactPerson, Organisation


def update_or_create(model_class, key, values):
    """Create the row, or update the one with the same key (reference data is seeded)."""
    lookup = {key: values.pop(key)}
    return model_class.objects.update_or_create(**lookup, defaults=values)[0]


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return update_or_create(model_class, "code", kwargs)

    code = factory.Sequence(lambda n: f"99.{n % 100:02d}")
    level = Activity.Level.CLASS
    name = factory.LazyAttribute(lambda o: f"Activity {o.code}")
    name_pl = factory.LazyAttribute(lambda o: f"Działalność {o.code}")


class ClusterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cluster

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return update_or_create(model_class, "slug", kwargs)

    slug = factory.Sequence(lambda n: f"cluster-{n}")
    name_pl = factory.Sequence(lambda n: f"Klaster {n}")
    name_it = factory.Sequence(lambda n: f"Cluster {n}")
    description_pl = "Opis klastra."


class CertificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Certification

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return update_or_create(model_class, "slug", kwargs)

    slug = factory.Sequence(lambda n: f"cert-{n}")
    name_pl = factory.Sequence(lambda n: f"Certyfikat {n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    kind = Organisation.Kind.FIRM
    name = factory.Sequence(lambda n: f"Firma {n:03d}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    country = "PL"
    region = "Podlaskie"
    town = "Białystok"
    latitude = Decimal("53.13250")
    longitude = Decimal("23.16880")
    size_class = Organisation.SizeClass.SMALL
    description_pl = "Opis firmy."
    is_published = True

    @factory.post_generation
    def clusters(self, create, extracted, **kwargs):
        if create and extracted:
            self.clusters.set(extracted)

    @factory.post_generation
    def activities(self, create, extracted, **kwargs):
        if create and extracted:
            self.activities.set(extracted)

    @factory.post_generation
    def certifications(self, create, extracted, **kwargs):
        if create and extracted:
            self.certifications.set(extracted)


class ContactPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactPerson

    organisation = factory.SubFactory(OrganisationFactory)
    first_name = "Anna"
    last_name = factory.Sequence(lambda n: f"Kowalska{n}")
    email = factory.LazyAttribute(lambda o: f"{o.last_name.lower()}@firma.example")

import datetime
import zoneinfo

import factory
from django.utils import timezone

from portal.events.models import Event

WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")


def days_from_now(days, hour=9):
    """An aware moment `days` from today at `hour` o'clock in Warsaw."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=WARSAW)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"wydarzenie-{n}")
    kind = Event.Kind.WORKSHOP
    status = Event.Status.PUBLISHED
    title_pl = factory.Sequence(lambda n: f"Warsztaty {n}")
    description_pl = "<p>Opis wydarzenia.</p>"
    organiser_pl = "Urząd Marszałkowski Województwa Podlaskiego"
    starts_at = factory.LazyFunction(lambda: days_from_now(10))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    time_zone = "Europe/Warsaw"
    venue = "Podlaska Fundacja Rozwoju Regionalnego"
    street_address = "ul. Starobojarska 15"
    town = "Białystok"
    country = "PL"
    languages_spoken = "pl"
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def clusters(self, create, extracted, **kwargs):
        if create and extracted:
            self.clusters.set(extracted)

    @factory.post_generation
    def documents(self, create, extracted, **kwargs):
        if create and extracted:
            self.documents.set(extracted)

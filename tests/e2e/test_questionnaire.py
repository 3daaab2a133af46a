import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from companies.models import Organisation
from offers.models import Offer
from questionnaire.models import Submission
from tests.e2e.conftest import axe_violations
from tests.questionnaire.walk import VALID_NIP

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def next_step(page):
    page.get_by_role("button", name="Dalej").click()


def test_a_firm_fills_in_the_questionnaire_in_polish_and_staff_accept_it(
    browser, page, live_server, settings, django_user_model
):
    settings.PORTAL_URL = live_server.url
    django_user_model.objects.create_superuser(
        "urzednik", "urzednik@podlaskie.example", "Mleko-2026!"
    )
    violations = {}

    # Step 1, with a NIP mistyped first.
    page.goto(live_server.url + "/pl/questionnaire/")
    expect(page).to_have_url(re.compile(r"/pl/questionnaire/organisation/$"))
    page.get_by_label("Nazwa organizacji").fill("Serowarnia Narwiańska")
    page.get_by_label("Rodzaj organizacji").select_option("firm")
    page.get_by_label("Forma prawna").fill("sp. z o.o.")
    page.get_by_label("Kraj").select_option("PL")
    page.get_by_label("NIP").fill("526-025-02-75")
    page.get_by_label("Ulica i numer").fill("ul. Mleczna 5")
    page.get_by_label("Kod pocztowy").fill("18-400")
    page.get_by_label("Miejscowość").fill("Łomża")
    violations["organisation"] = axe_violations(page)
    next_step(page)

    expect(page.locator("#id_organisation-nip").locator("..")).to_contain_text(
        "Ten NIP jest nieprawidłowy"
    )
    expect(page.get_by_label("Nazwa organizacji")).to_have_value("Serowarnia Narwiańska")
    expect(page.get_by_label("Miejscowość")).to_have_value("Łomża")
    expect(page.get_by_label("NIP")).to_have_value("526-025-02-75")
    violations["organisation with an error"] = axe_violations(page)
    page.get_by_label("NIP").fill("526-025-02-74")
    next_step(page)

    # Step 2: activity.
    expect(page).to_have_url(re.compile(r"/questionnaire/activity/$"))
    page.get_by_label("Przemysł mleczarski").check()
    page.get_by_label("Produkty i usługi").fill("Sery dojrzewające i twarogi.")
    page.locator("input[name='activity-size_class'][value='small']").check()
    page.get_by_label("Liczba zatrudnionych osób").fill("24")
    violations["activity"] = axe_violations(page)
    next_step(page)

    # Step 3: one offer.
    expect(page).to_have_url(re.compile(r"/questionnaire/offers/$"))
    page.locator("#id_offers-0-kind").select_option("business_offer")
    page.locator("#id_offers-0-title").fill("Sery dojrzewające dla dystrybutorów")
    page.locator("#id_offers-0-summary").fill("Szukamy dystrybutorów we Włoszech.")
    violations["offers"] = axe_violations(page)
    next_step(page)

    # Step 4: the survey; back and next keep what was typed.
    expect(page).to_have_url(re.compile(r"/questionnaire/survey/$"))
    page.locator("input[type=radio][value='1']").first.check()
    violations["survey"] = axe_violations(page)
    page.get_by_role("button", name="Wstecz").click()
    expect(page.locator("#id_offers-0-title")).to_have_value("Sery dojrzewające dla dystrybutorów")
    next_step(page)
    expect(page.locator("input[type=radio][value='1']").first).to_be_checked()
    next_step(page)

    # Step 5: the contact person, the information clause and consents.
    expect(page).to_have_url(re.compile(r"/questionnaire/contact/$"))
    expect(page.locator(".privacy-clause")).to_contain_text("Urzędu Ochrony Danych Osobowych")
    expect(page.locator("#id_contact-publication_consent")).not_to_be_checked()
    expect(page.locator("#id_contact-alerts_consent")).not_to_be_checked()
    page.get_by_label("Imię").fill("Anna")
    page.get_by_label("Nazwisko").fill("Kowalska")
    page.get_by_label("Adres e-mail").fill("anna@serowarnia.example")
    page.locator("#id_contact-privacy_acknowledged").check()
    violations["contact"] = axe_violations(page)
    next_step(page)

    # Step 6: review, then send.
    expect(page).to_have_url(re.compile(r"/questionnaire/review/$"))
    expect(page.locator("main")).to_contain_text("Serowarnia Narwiańska")
    expect(page.locator("main")).to_contain_text("5260250274")
    violations["review"] = axe_violations(page)
    page.get_by_role("button", name="Wyślij ankietę").click()
    expect(page.locator("h1")).to_contain_text("potwierdź")
    assert Submission.objects.get().status == Submission.Status.UNCONFIRMED

    # The confirmation link from the e-mail.
    link = re.search(r"https?://\S+/confirm/\S+/", mail.outbox[-1].body)[0]
    page.goto(link)
    page.get_by_role("button", name="Potwierdź i wyślij do urzędu").click()
    expect(page.locator("h1")).to_contain_text("Dziękujemy")
    submission = Submission.objects.get()
    assert submission.status == Submission.Status.CONFIRMED

    # Staff accept it in the admin.
    staff = browser.new_context(locale="pl-PL")
    admin = staff.new_page()
    admin.goto(f"{live_server.url}/pl/admin/questionnaire/submission/{submission.pk}/change/")
    admin.locator("#id_username").fill("urzednik")
    admin.locator("#id_password").fill("Mleko-2026!")
    admin.locator("input[type=submit]").click()
    admin.get_by_role("button", name="Przyjmij").click()
    expect(admin.locator(".messagelist")).to_contain_text("Serowarnia Narwiańska")
    staff.close()

    # The firm is in the directory; its offer awaits publication.
    page.goto(live_server.url + "/pl/directory/?q=Serowarnia")
    page.get_by_role("link", name="Serowarnia Narwiańska").click()
    expect(page.locator("h1")).to_have_text("Serowarnia Narwiańska")
    organisation = Organisation.objects.get(nip=VALID_NIP)
    assert organisation.is_published
    offer = Offer.objects.get(organisation=organisation)
    assert offer.status == Offer.Status.SUBMITTED
    assert offer.title_pl == "Sery dojrzewające dla dystrybutorów"
    assert page.foreign_requests == []
    assert {step: found for step, found in violations.items() if found} == {}

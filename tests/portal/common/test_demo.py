"""The demo data's registry: every app's loader, run in the apps' order."""

from portal.common import demo


def test_the_apps_loaders_run_in_the_order_they_build_on_each_other():
    assert [(loader.app, loader.load) for loader in demo.loaders()] == [
        ("companies", "companies.demo.load_demo"),
        ("offers", "offers.demo.load_demo"),
        ("questionnaire", "questionnaire.demo.load_demo"),
        ("documents", "portal.documents.demo.load_demo"),
        ("events", "portal.events.demo.load_demo"),
        ("events", "portal.events.registration_demo.load_demo"),
        ("news", "portal.news.demo.load_demo"),
        ("members", "portal.members.demo.load_demo"),
    ]


def test_a_loader_runs_in_its_apps_place_whenever_it_was_registered(monkeypatch):
    ran = []

    def loader(name):
        def load():
            ran.append(name)
            return [f"{name} loaded."]

        return load

    monkeypatch.setattr(demo, "_loaders", [])
    demo.register(loader("questionnaire"), app="questionnaire")
    demo.register(loader("offers"), app="offers")
    late = demo.register(loader("companies"), app="companies")
    demo.register(late.load, app="companies")  # once only

    lines = demo.load_all()

    assert ran == []  # each loader runs when its lines are read
    assert list(lines) == ["companies loaded.", "offers loaded.", "questionnaire loaded."]
    assert ran == ["companies", "offers", "questionnaire"]
    demo.unregister(late)
    assert [loader.app for loader in demo.loaders()] == ["offers", "questionnaire"]

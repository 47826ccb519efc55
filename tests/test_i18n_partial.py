"""The message catalog looks a key up in its area's modules first (issue 17: ``atelier status``).

``t`` loads the modules of the key's area (``sessions.i18n.catalog._AREA_MODULES``)
before the whole catalog; a key not found there loads every module. That gives
the same text only while every key is defined once across the modules: both
are checked here, key by key, from a catalog that has loaded nothing yet.
"""

from __future__ import annotations

import importlib

import pytest

from sessions.i18n import catalog, messages


def _modules() -> dict[str, object]:
    return {
        name: importlib.import_module(f"{messages.__name__}.{name}")
        for name in catalog._module_names(messages.__path__)
    }


def _fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """The catalog as a new process finds it: nothing loaded."""
    monkeypatch.setattr(catalog, "_tables", None)
    monkeypatch.setattr(catalog, "_partial", {lang: {} for lang in catalog.LANGUAGES})
    monkeypatch.setattr(catalog, "_partial_areas", set())
    monkeypatch.setattr(catalog, "_partial_modules", set())
    monkeypatch.setattr(catalog, "_names", [])
    monkeypatch.setattr(catalog, "_spaced", {})


def test_every_key_is_defined_in_one_module_only() -> None:
    for lang in ("FR", "EN"):
        where: dict[str, list[str]] = {}
        for name, module in _modules().items():
            for key in getattr(module, lang):
                where.setdefault(key, []).append(name)
        twice = {key: names for key, names in where.items() if len(names) > 1}
        assert twice == {}, f"{lang} keys defined in several modules: {twice}"


def test_the_area_modules_name_modules_that_exist() -> None:
    names = set(_modules())
    for area, modules in catalog._AREA_MODULES.items():
        assert set(modules) <= names, area


@pytest.mark.parametrize("lang", catalog.LANGUAGES)
def test_each_key_read_first_gives_the_whole_catalogs_text(
    monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    whole = catalog._load()
    expected = {key: whole[lang].get(key) or whole["fr"][key] for key in whole["fr"]}
    assert len(expected) > 1000
    for key, text in expected.items():
        _fresh(monkeypatch)
        assert catalog.t(key, lang) == text, key
    _fresh(monkeypatch)
    assert catalog.t("no.such.key", lang) == "no.such.key"
    assert catalog._partial_modules == set(_modules())  # an unknown key reads every module
    assert catalog._tables is None  # and spaces none of the French messages it did not ask for
    assert catalog._spaced == {}


def test_the_status_line_reads_only_the_command_line_and_timer_modules(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _fresh(monkeypatch)
    assert catalog.t("cli.status.help", "fr").startswith("où en est le déroulé")
    assert catalog.t("argparse.options", "en") == "options"
    assert catalog.t("timer.strip_none", "en") == catalog._load()["en"]["timer.strip_none"]
    _fresh(monkeypatch)
    catalog.t("cli.status.help", "fr")
    catalog.t("timer.strip_none", "fr")
    assert catalog._tables is None  # found in the area modules: the rest never loaded
    assert catalog._partial_areas == {"cli", "timer"}


def test_french_spacing_applies_to_a_key_read_first(monkeypatch: pytest.MonkeyPatch) -> None:
    _fresh(monkeypatch)
    description = catalog.t("cli.description", "fr")
    assert description.startswith("atelier\u202f: ")  # narrow no-break space before the colon


def test_french_is_spaced_however_the_key_is_found(monkeypatch: pytest.MonkeyPatch) -> None:
    """In its area's modules, in another module, or as English's fallback; only keys read."""
    _fresh(monkeypatch)
    assert catalog.t("cli.description", "fr").startswith("atelier\u202f: ")  # its area's
    assert catalog.t("overview.total", "fr", minutes=7, slot="") == "Total prévu\u202f: 7 min"
    assert set(catalog._spaced) == {"cli.description", "overview.total"}
    monkeypatch.setitem(catalog._partial["en"], "cli.description", "")  # no English text
    assert catalog.t("cli.description", "en").startswith("atelier\u202f: ")  # the French one

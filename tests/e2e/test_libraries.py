"""The library switcher, driven for real: create a second library from the header's menu, see the window and the grid
change to it (and pick up what the CLI adds to it), switch back through the recent list."""

import subprocess
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import cli, make_fixtures


def tiles(app):
    return app.driver.find_elements(By.CSS_SELECTOR, "[data-testid=tile]")


def text_of(app, element) -> str:
    # textContent: WebKitWebDriver's visible-text algorithm returns "" for some of these elements.
    return app.driver.execute_script("return arguments[0].textContent", element).strip()


def header_name(app) -> str:
    return text_of(app, app.driver.find_element(By.CSS_SELECTOR, "[data-testid=library-name]"))


def x_window_titles() -> str:
    """The X windows' names: the title the shell sets, not only the page's document.title."""
    return subprocess.run(["xwininfo", "-root", "-tree"], capture_output=True, text=True, timeout=10).stdout


def open_menu(app):
    app.driver.find_element(By.CSS_SELECTOR, "[data-testid=library-name]").click()
    return app.wait(lambda: app.driver.find_element(By.CSS_SELECTOR, "[data-testid=library-menu]"), what="the menu")


def test_create_a_library_from_the_switcher_and_switch_back(library: Path, tmp_path: Path, app_on, monkeypatch):
    # A fresh recent list for this test (the app records the library it starts on).
    monkeypatch.setenv("TESSERA_CONFIG_DIR", str(tmp_path / "config"))
    make_fixtures(tmp_path / "first", 3, "first")
    assert len(cli(library, "ingest", str(tmp_path / "first"))["ingested"]) == 3
    app = app_on(library)
    app.wait(lambda: len(tiles(app)) == 3, what="the first library's three tiles")
    assert header_name(app) == "e2e"
    app.wait(lambda: app.driver.title == "e2e — Tessera", what="the page title")

    open_menu(app)
    app.driver.find_element(By.CSS_SELECTOR, "[data-testid=new-library]").click()
    name = app.wait(lambda: app.driver.find_element(By.CSS_SELECTOR, "[data-testid=new-library-name]"), what="dialog")
    location = app.driver.find_element(By.CSS_SELECTOR, "[data-testid=new-library-location]")
    location.send_keys(Keys.CONTROL, "a")
    location.send_keys(str(tmp_path / "nowhere"))
    name.send_keys("Brand 2026")
    app.driver.find_element(By.CSS_SELECTOR, "[data-testid=new-library-create]").click()
    error = app.wait(lambda: app.driver.find_element(By.CSS_SELECTOR, "[data-testid=new-library-error]"), what="error")
    assert "does not exist" in text_of(app, error), text_of(app, error)
    assert location.get_attribute("aria-invalid") == "true", "the refusal is shown at the location field"

    location.send_keys(Keys.CONTROL, "a")
    location.send_keys(str(tmp_path))
    app.screenshot("new-library-dialog")
    app.driver.find_element(By.CSS_SELECTOR, "[data-testid=new-library-create]").click()
    second = tmp_path / "Brand 2026.tessera"
    app.wait(lambda: header_name(app) == "Brand 2026", what="the header to name the new library")
    assert (second / "library.db").is_file(), "the library was created where the dialog said"
    app.wait(lambda: app.driver.title == "Brand 2026 — Tessera", what="the page title of the new library")
    app.wait(lambda: "Brand 2026 — Tessera" in x_window_titles(), what="the window's own title")
    app.wait(lambda: app.driver.find_elements(By.CSS_SELECTOR, "[data-testid=welcome]"), what="an empty library's welcome")

    # What the CLI adds to the new library shows: its change probe runs now, not the old one's.
    make_fixtures(tmp_path / "second", 2, "second")
    assert len(cli(second, "ingest", str(tmp_path / "second"))["ingested"]) == 2
    app.wait(lambda: len(tiles(app)) == 2, what="the new library's two tiles")
    app.screenshot("second-library")

    menu = open_menu(app)
    entries = app.wait(lambda: menu.find_elements(By.CSS_SELECTOR, "[data-testid=recent-library]"), what="recent list")
    assert [text_of(app, e.find_element(By.CSS_SELECTOR, ".lib-name")) for e in entries] == ["Brand 2026", "e2e"]
    app.screenshot("switcher-menu")
    entries[1].click()
    app.wait(lambda: header_name(app) == "e2e", what="the header to name the first library again")
    app.wait(lambda: len(tiles(app)) == 3, what="the first library's tiles again")
    app.wait(lambda: "e2e — Tessera" in x_window_titles(), what="the window's title back")
    recent = cli(library, "libraries")["libraries"]
    assert [r["name"] for r in recent][:2] == ["e2e", "Brand 2026"], recent

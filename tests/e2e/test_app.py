"""The desktop app, driven for real: grid, search, inspector, tagging, import, welcome screen."""

import time
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import cli, make_fixtures


def tiles(app):
    return app.driver.find_elements(By.CSS_SELECTOR, "[data-testid=tile]")


def loaded_thumbs(app):
    return app.driver.execute_script(
        "return [...document.querySelectorAll('[data-testid=thumb]')]"
        ".filter(i => i.complete && i.naturalWidth > 0).length"
    )


def result_count(app) -> str:
    return app.driver.find_element(By.CSS_SELECTOR, "[data-testid=result-count]").text


def test_grid_search_inspector_and_tagging(library: Path, tmp_path: Path, app_on):
    make_fixtures(tmp_path / "shoot", 6, "beach")
    make_fixtures(tmp_path / "studio", 4, "product")
    report = cli(library, "ingest", str(tmp_path / "shoot"), str(tmp_path / "studio"))
    assert len(report["ingested"]) == 10, report
    app = app_on(library)

    app.wait(lambda: len(tiles(app)) == 10, what="ten tiles in the grid")
    app.wait(lambda: loaded_thumbs(app) == 10, what="ten thumbnails really loaded (naturalWidth > 0)")
    app.screenshot("main")

    search = app.driver.find_element(By.CSS_SELECTOR, "[data-testid=search]")
    search.send_keys("product")
    app.wait(lambda: len(tiles(app)) == 4, what="the search to narrow the grid to 4")
    app.wait(lambda: "4" in result_count(app), what="a result count of 4")

    first = tiles(app)[0]
    asset_id = first.get_attribute("data-id")
    first.click()
    detail = cli(library, "show", asset_id)

    def inspector_text() -> str:
        # textContent: WebKitWebDriver's visible-text algorithm skips the inspector's value cells.
        return app.driver.execute_script("return document.querySelector('[data-testid=inspector]').textContent")

    app.wait(lambda: detail["name"] in inspector_text(), what=f"the inspector to show {detail['name']!r} (id {asset_id})")
    assert "image/jpeg" in inspector_text(), inspector_text()
    assert f"{detail['width']} × {detail['height']}" in inspector_text(), "the inspector shows the pixel size"

    tag_input = app.driver.find_element(By.CSS_SELECTOR, "[data-testid=tag-input]")
    tag_input.send_keys("approved-e2e", Keys.ENTER)
    app.wait(lambda: "approved-e2e" in cli(library, "show", asset_id)["tags"], what="the tag to reach the library")

    search.clear()
    search.send_keys(Keys.CONTROL, "a")
    search.send_keys(Keys.DELETE)
    search.send_keys("tag:approved-e2e")
    app.wait(lambda: len(tiles(app)) == 1, what="the tagged asset alone")


def test_import_folder_shows_progress_and_adds_tiles(library: Path, tmp_path: Path, app_on):
    make_fixtures(tmp_path / "first", 2, "first")
    cli(library, "ingest", str(tmp_path / "first"))
    make_fixtures(tmp_path / "incoming", 8, "incoming")
    app = app_on(library)
    app.wait(lambda: len(tiles(app)) == 2, what="the two seeded tiles")
    # The native folder dialog cannot be driven; call the same command the dialog's result goes to.
    app.driver.execute_script(
        "window.__TAURI_INTERNALS__.invoke('import_paths', { paths: [arguments[0]] })", str(tmp_path / "incoming")
    )
    app.wait(lambda: len(tiles(app)) == 10, what="ten tiles after the import")
    summary = app.wait(
        lambda: app.driver.find_element(By.CSS_SELECTOR, "[data-testid=import-summary]"), what="the import summary"
    )
    assert "8" in summary.text, summary.text
    assert cli(library, "stats")["assets"] == 10


def test_welcome_screen_adds_sample_assets(library: Path, app_on):
    app = app_on(library)
    button = app.wait(
        lambda: app.driver.find_element(By.CSS_SELECTOR, "[data-testid=add-samples]"), what="the welcome screen"
    )
    app.screenshot("welcome")
    button.click()
    app.wait(lambda: len(tiles(app)) == 12, timeout=60, what="twelve sample assets")
    app.wait(lambda: loaded_thumbs(app) == 12, what="sample thumbnails loaded")
    assert cli(library, "stats")["assets"] == 12
    time.sleep(0.3)
    app.screenshot("samples")

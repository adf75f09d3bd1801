"""Watched folders in the app: files copied into a folder watched through the CLI appear in the grid by themselves,
the panel shows the folder watching with its count, the activity feed lists the files, and the rule's tag is set."""

import shutil
from pathlib import Path

from selenium.webdriver.common.by import By

from conftest import cli, make_fixtures
from test_app import tiles


def text_of(app, selector: str) -> str:
    # textContent: WebKitWebDriver's visible text can skip parts of the panel.
    return app.driver.execute_script(
        "const e = document.querySelector(arguments[0]); return e ? e.textContent : ''", selector
    )


def test_files_dropped_into_a_watched_folder_appear_without_refresh(library: Path, tmp_path: Path, app_on):
    make_fixtures(tmp_path / "seed", 1, "seed")
    cli(library, "ingest", str(tmp_path / "seed"))
    drop = tmp_path / "dropbox"
    drop.mkdir()
    added = cli(library, "watch", "add", str(drop), "--tag", "dropped")
    assert added["tags"] == ["dropped"], added
    make_fixtures(tmp_path / "incoming", 3, "arrival")

    app = app_on(library)
    app.wait(lambda: len(tiles(app)) == 1, timeout=30, what="the seeded tile")
    folder = app.wait(
        lambda: app.driver.find_element(By.CSS_SELECTOR, "[data-testid=watch-sidebar] [data-state=watching]"),
        timeout=30, what="the sidebar to show the folder watching",
    )
    for f in sorted((tmp_path / "incoming").iterdir()):
        shutil.copy(f, drop / f.name)

    app.wait(lambda: len(tiles(app)) == 4, timeout=30, what="three new tiles without a refresh")

    folder.click()
    panel = app.wait(lambda: app.driver.find_element(By.CSS_SELECTOR, "[data-testid=watch-panel]"), what="the panel")
    row = panel.find_element(By.CSS_SELECTOR, "[data-testid=watch-folder]")
    app.wait(lambda: row.get_attribute("data-state") == "watching", timeout=30, what="the folder watching")
    app.wait(
        lambda: text_of(app, "[data-testid=watch-folder] [data-testid=watch-ingested]").strip() == "3",
        timeout=30, what="an ingested count of 3",
    )
    feed = lambda: text_of(app, "[data-testid=watch-activity]")  # noqa: E731
    app.wait(lambda: all(f"arrival-{i:02}.jpg" in feed() for i in range(3)), timeout=30, what="the files in the feed")
    app.screenshot("watch-panel")
    row.find_element(By.CSS_SELECTOR, "[data-testid=watch-edit]").click()
    app.wait(lambda: app.driver.find_element(By.CSS_SELECTOR, "[data-testid=watch-rules]"), what="the rules form")
    assert app.driver.find_element(By.CSS_SELECTOR, "[data-testid=watch-rule-tags]").get_attribute("value") == "dropped"
    app.screenshot("watch-rules")

    shown = cli(library, "watch", "ls")
    assert shown[0]["ingested"] == 3 and shown[0]["state"] == "active", shown
    tagged = cli(library, "search", "tag:dropped")
    names = sorted(a["name"] for a in tagged["assets"])
    assert names == [f"arrival-{i:02}.jpg" for i in range(3)], tagged


def test_another_process_watching_is_shown(library: Path, tmp_path: Path, app_on):
    import subprocess
    import time

    from conftest import CLI

    make_fixtures(tmp_path / "seed", 1, "seed")
    cli(library, "ingest", str(tmp_path / "seed"))
    drop = tmp_path / "shared"
    drop.mkdir()
    cli(library, "watch", "add", str(drop))
    headless = subprocess.Popen(
        [str(CLI), "--library", str(library), "watch", "run"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.time() + 30
        while cli(library, "watch", "ls")[0].get("status") != "watching":
            assert time.time() < deadline, "the headless watcher never started"
            time.sleep(0.2)
        app = app_on(library)
        app.wait(lambda: len(tiles(app)) == 1, timeout=30, what="the seeded tile")
        app.wait(
            lambda: app.driver.find_element(By.CSS_SELECTOR, "[data-testid=watch-sidebar] [data-state=watching]"),
            timeout=30, what="the folder watching (by the other process)",
        ).click()
        app.wait(
            lambda: "Another Tessera process is watching" in text_of(app, "[data-testid=watch-host]"),
            timeout=30, what="the panel to say another process watches",
        )
        make_fixtures(tmp_path / "incoming", 2, "shared")
        for f in sorted((tmp_path / "incoming").iterdir()):
            shutil.copy(f, drop / f.name)
        app.wait(lambda: len(tiles(app)) == 3, timeout=30, what="the other process's assets in the grid")
        app.screenshot("watch-elsewhere")
    finally:
        headless.terminate()
        headless.wait(timeout=10)

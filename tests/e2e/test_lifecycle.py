"""The lifecycle in the real window: status badges on tiles, moving an asset through the inspector, a new version
dropped onto the inspector's versions section, and the Activity view listing what happened."""

from pathlib import Path

from selenium.webdriver.common.by import By

from conftest import cli, make_fixtures

# The window's file drop as Tauri delivers it (the `tauri://drag-drop` event, physical pixels): WebDriver cannot start
# an OS drag, so the test emits the same event the shell does, at the middle of `target`.
DROP = """
const [target, path, done] = arguments;
target.scrollIntoView({ block: 'center' });
const box = target.getBoundingClientRect();
const ratio = window.devicePixelRatio;
const position = { x: (box.left + box.width / 2) * ratio, y: (box.top + box.height / 2) * ratio };
window.__TAURI_INTERNALS__
  .invoke('plugin:event|emit', { event: 'tauri://drag-drop', payload: { paths: [path], position } })
  .then(() => done('ok'), (e) => done(String(e)));
"""


def css(app, selector):
    return app.driver.find_elements(By.CSS_SELECTOR, selector)


def test_badges_status_moves_a_dropped_version_and_the_activity_view(library: Path, tmp_path: Path, app_on):
    make_fixtures(tmp_path / "shoot", 3, "life")
    report = cli(library, "ingest", str(tmp_path / "shoot"))
    ids = sorted(e["id"] for e in report["ingested"])
    assert len(ids) == 3, report
    cli(library, "status", "set", str(ids[1]), "in_review")
    make_fixtures(tmp_path / "next", 1, "life-v2")
    v2 = tmp_path / "next" / "life-v2-00.jpg"

    app = app_on(library)
    app.wait(lambda: len(css(app, "[data-testid=tile]")) == 3, what="three tiles")
    badges = lambda: {b.get_attribute("data-status") for b in css(app, "[data-testid=tile] [data-testid=status-badge]")}
    app.wait(lambda: badges() == {"in_review"}, what="one tile with the in-review badge (drafts carry none)")

    # Move the first asset to review and approve it from the inspector.
    css(app, f'[data-testid=tile][data-id="{ids[0]}"]')[0].click()
    app.wait(lambda: css(app, "[data-testid=status-section]"), what="the status section")
    for to in ("in_review", "approved"):
        app.wait(lambda: css(app, f'[data-testid=status-move][data-to="{to}"]'), what=f"the move to {to}")[0].click()
        app.wait(lambda: cli(library, "status", str(ids[0]))["state"] == to, what=f"the library to record {to}")
    app.wait(lambda: "approved" in badges(), what="the tile's badge to follow")
    app.screenshot("status")

    # A file dropped onto the versions section becomes the asset's next version (not an import).
    zone = app.wait(lambda: css(app, "[data-testid=versions-section]"), what="the versions section")[0]
    said = app.driver.execute_async_script(DROP, zone, str(v2))
    assert said == "ok", said
    app.wait(lambda: len(cli(library, "version", "ls", str(ids[0]))) == 2, what="the dropped file as version 2")
    app.wait(lambda: len(css(app, "[data-testid=version]")) == 2, what="the stack to show two versions")
    assert cli(library, "stats")["assets"] == 3, "the drop added a version, not an asset"
    current = cli(library, "show", str(ids[0]))["file"]["hash"]
    tile_img = lambda: css(app, f'[data-testid=tile][data-id="{ids[0]}"] img')[0].get_attribute("src")
    app.wait(lambda: current in tile_img(), what="the tile to show the new version's thumbnail")
    # Both versions' thumbnails load in the stack (the protocol serves any version of the asset by its hash).
    loaded = "return [...document.querySelectorAll('[data-testid=version] img')].map(i => i.complete && i.naturalWidth > 0)"
    app.wait(lambda: app.driver.execute_script(loaded) == [True, True], what="both versions' thumbnails")
    app.screenshot("versions")

    # The Activity view lists the moves and the version, newest first, and the chain checks out.
    css(app, "[data-testid=activity-open]")[0].click()
    app.wait(lambda: len(css(app, "[data-testid=activity-event]")) >= 4, what="the activity list")
    actions = [e.get_attribute("data-action") for e in css(app, "[data-testid=activity-event]")]
    assert actions[0] == "edit" and actions[1:3] == ["transition", "transition"], actions
    css(app, "[data-testid=audit-verify]")[0].click()
    check = app.wait(lambda: css(app, "[data-testid=audit-check]"), what="the chain check")[0]
    app.wait(lambda: "check out" in check.text, what="the chain to check out")
    app.screenshot("activity")

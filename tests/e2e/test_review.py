"""A review in the real window: an asset submitted, a comment pinned on a region of the picture, changes requested,
a new version added, the versions compared with the slider, then approved; export refused before, allowed after."""

import subprocess
from pathlib import Path

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import CLI, cli, make_fixtures


def css(app, selector):
    return app.driver.find_elements(By.CSS_SELECTOR, selector)


def export(library: Path, asset: int, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(CLI), "--library", str(library), "export", str(asset), "--out", str(out)], capture_output=True, text=True
    )


def test_submit_pin_request_changes_new_version_compare_approve(library: Path, tmp_path: Path, app_on):
    make_fixtures(tmp_path / "shoot", 2, "rev")
    report = cli(library, "ingest", str(tmp_path / "shoot"))
    ids = sorted(e["id"] for e in report["ingested"])
    asset = ids[0]
    cli(library, "review", "submit", str(asset), "--message", "hero for the spring launch")
    out = tmp_path / "out"
    refused = export(library, asset, out)
    assert refused.returncode == 3 and "in_review" in refused.stderr, (refused.returncode, refused.stderr)

    app = app_on(library)
    app.wait(lambda: len(css(app, "[data-testid=tile]")) == 2, what="two tiles")
    count = app.wait(lambda: css(app, "[data-testid=review-count]"), what="the review entry's count")[0]
    app.wait(lambda: count.text.strip().startswith("1"), what="one asset waiting in my queue")
    css(app, "[data-testid=review-open]")[0].click()
    app.wait(lambda: len(css(app, "[data-testid=review-queue-item]")) == 1, what="the queue with the asset")
    stage = app.wait(lambda: css(app, "[data-testid=review-stage]"), what="the large preview")[0]
    app.wait(
        lambda: app.driver.execute_script(
            "const i = arguments[0].querySelector('img'); return !!i && i.complete && i.naturalWidth > 0;", stage
        ),
        what="the preview picture loaded",
    )

    # Shift+drag pins a rectangle on the picture.
    box = stage.rect
    actions = ActionChains(app.driver)
    actions.move_to_element_with_offset(stage, -box["width"] // 8, -box["height"] // 8)
    actions.key_down(Keys.SHIFT).click_and_hold().move_by_offset(box["width"] // 5, box["height"] // 6)
    actions.release().key_up(Keys.SHIFT).perform()
    app.wait(lambda: css(app, "[data-testid=review-pin-pending]"), what="the rectangle waiting for its comment")
    field = css(app, "[data-testid=review-comment-input]")[0]
    field.send_keys("the logo clips here, @tester")
    css(app, "[data-testid=review-comment-add]")[0].click()
    app.wait(lambda: css(app, "[data-testid=review-pin]"), what="the pinned comment drawn on the picture")
    comments = cli(library, "comment", "ls", str(asset))
    comments = comments["comments"] if isinstance(comments, dict) else comments
    assert len(comments) == 1, comments
    c = comments[0]
    assert c["w"] and c["h"] and 0 < c["x"] < 1 and 0 < c["y"] < 1, f"a region in 0..1, not a point: {c}"
    assert 0.1 < c["w"] < 0.5, f"about the fifth of the width dragged: {c}"
    app.screenshot("review-pinned")

    # Request changes: the comment is required, then the asset moves.
    decision = lambda d: css(app, f'[data-testid=review-decision][data-decision="{d}"]')[0]
    css(app, "[data-testid=review-decision-comment]")[0].send_keys("tighter crop on the logo, please")
    decision("request_changes").click()
    app.wait(lambda: cli(library, "status", str(asset))["state"] == "changes_requested", what="changes requested")

    # The designer delivers a new version and submits it again; it comes back to the queue.
    make_fixtures(tmp_path / "next", 1, "rev-v2")
    cli(library, "version", "add", str(asset), str(tmp_path / "next" / "rev-v2-00.jpg"))
    cli(library, "review", "submit", str(asset))
    app.wait(lambda: len(css(app, "[data-testid=review-queue-item]")) == 1, what="the asset back in the queue", timeout=30)
    css(app, "[data-testid=review-queue-item]")[0].click()
    compare = app.wait(lambda: css(app, "[data-testid=review-compare]"), what="compare, now that there are two versions")[0]
    compare.click()
    app.wait(lambda: css(app, "[data-testid=review-compare-pane]"), what="the compare pane")
    css(app, '[data-testid=review-compare-mode][data-mode="wipe"]')[0].click()
    slider = app.wait(lambda: css(app, "[data-testid=review-wipe]"), what="the wipe slider")[0]
    app.driver.execute_script(
        "arguments[0].value = '0.3'; arguments[0].dispatchEvent(new Event('input', { bubbles: true }));", slider
    )
    app.wait(lambda: css(app, "[data-testid=review-stage-wipe]"), what="the wipe view")
    app.screenshot("review-wipe")
    css(app, '[data-testid=review-compare-mode][data-mode="side"]')[0].click()
    app.wait(lambda: css(app, "[data-testid=review-stage-b]"), what="side by side")
    app.screenshot("review-side-by-side")
    compare.click()

    decision("approve").click()
    app.wait(lambda: cli(library, "status", str(asset))["state"] == "approved", what="approved")
    app.wait(lambda: css(app, "[data-testid=review-empty]"), what="the queue's empty state")
    app.screenshot("review-done")
    allowed = export(library, asset, out)
    assert allowed.returncode == 0, allowed.stderr
    assert any(out.iterdir()), "the approved asset was exported"

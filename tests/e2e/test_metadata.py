"""Metadata in the real window: the tag tree in the sidebar (counts, folds, a click that searches what is beneath,
drag and drop to re-parent), and a required custom field filled in the inspector."""

from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from conftest import cli, make_fixtures

# HTML5 drag and drop as WebKit runs it: WebDriver's pointer actions do not start a native drag in WebKitGTK, so the
# test dispatches the same DragEvents (with one DataTransfer) that a drag from `source` onto `target` fires.
DRAG = """
const [source, target] = arguments;
const data = new DataTransfer();
const fire = (el, type) => el.dispatchEvent(new DragEvent(type, {bubbles: true, cancelable: true, dataTransfer: data}));
fire(source, 'dragstart');
fire(target, 'dragenter');
fire(target, 'dragover');
fire(target, 'drop');
fire(source, 'dragend');
"""


def tiles(app):
    return app.driver.find_elements(By.CSS_SELECTOR, "[data-testid=tile]")


def tag_row(app, path: str):
    return app.driver.find_element(By.CSS_SELECTOR, f'[data-testid=tag-row][data-path="{path}"]')


def row_text(app, path: str) -> str:
    return app.driver.execute_script("return arguments[0].querySelector('.row').textContent", tag_row(app, path))


def test_tag_tree_and_a_required_field(library: Path, tmp_path: Path, app_on):
    make_fixtures(tmp_path / "shoot", 4, "tree")
    report = cli(library, "ingest", str(tmp_path / "shoot"))
    ids = [str(e["id"]) for e in report["ingested"]]
    assert len(ids) == 4, report
    cli(library, "tag", ids[0], ids[1], "+Brand/Product/Sneaker")
    cli(library, "tag", ids[2], "+Brand/Logo")
    app = app_on(library)
    app.wait(lambda: len(tiles(app)) == 4, what="four tiles")

    # The tree: Brand holds three assets beneath it, Product two.
    app.wait(lambda: "3" in row_text(app, "Brand"), what="Brand with a total of 3")
    assert "2" in row_text(app, "Brand/Product"), row_text(app, "Brand/Product")
    app.screenshot("tag-tree")
    fold = app.driver.find_element(By.CSS_SELECTOR, '[aria-label="Fold Brand"]')
    fold.click()
    app.wait(lambda: not app.driver.find_elements(By.CSS_SELECTOR, '[data-testid=tag-row][data-path="Brand/Logo"]'),
             what="folding Brand hides its children")
    app.driver.find_element(By.CSS_SELECTOR, '[aria-label="Unfold Brand"]').click()
    tag_row(app, "Brand").find_element(By.CSS_SELECTOR, "button.item").click()
    app.wait(lambda: len(tiles(app)) == 3, what="a click on Brand to find the three beneath it")

    # Drag Logo onto Product: it moves beneath it, in the library.
    app.driver.execute_script(DRAG, tag_row(app, "Brand/Logo"), tag_row(app, "Brand/Product"))
    app.wait(lambda: "Brand/Product/Logo" in cli(library, "show", ids[2])["tags"], what="the drag to move the tag")
    app.wait(lambda: tag_row(app, "Brand/Product/Logo") and "3" in row_text(app, "Brand/Product"),
             what="the tree to show Logo beneath Product")
    app.screenshot("tag-moved")

    # A required field for images, defined in the library settings.
    app.driver.find_element(By.CSS_SELECTOR, "[data-testid=settings-open]").click()
    app.wait(lambda: app.driver.find_element(By.CSS_SELECTOR, "[data-testid=settings-field-name]"), what="settings")
    app.driver.find_element(By.CSS_SELECTOR, "[data-testid=settings-field-name]").send_keys("brief")
    app.driver.find_element(By.CSS_SELECTOR, "[data-testid=settings-field-required]").click()
    app.driver.find_element(By.CSS_SELECTOR, "[data-testid=settings-field-kind-image]").click()
    app.driver.find_element(By.CSS_SELECTOR, "[data-testid=settings-field-add]").click()
    app.wait(lambda: app.driver.find_elements(By.CSS_SELECTOR, "[data-testid=settings-field-brief]"), what="the new field listed")
    app.screenshot("settings")
    fields = cli(library, "field", "ls")
    brief_field = [f for f in (fields["fields"] if isinstance(fields, dict) else fields) if f["name"] == "brief"]
    assert brief_field and brief_field[0]["required"] and brief_field[0]["kinds"] == ["image"], fields
    app.driver.find_element(By.CSS_SELECTOR, "[data-testid=settings-close]").click()

    # The required field: marked and reported missing, filled in the inspector, stored.
    tiles(app)[0].click()
    asset_id = tiles(app)[0].get_attribute("data-id")
    app.wait(lambda: app.driver.find_element(By.CSS_SELECTOR, "[data-testid=field-brief-missing]"),
             what="the empty required field's message")
    brief = app.driver.find_element(By.CSS_SELECTOR, "[data-testid=field-brief]")
    brief.click()
    brief.send_keys("Hero shot for the spring launch", Keys.TAB)
    app.wait(lambda: cli(library, "show", asset_id)["fields"].get("brief") == "Hero shot for the spring launch",
             what="the field's value to reach the library")
    app.wait(lambda: not app.driver.find_elements(By.CSS_SELECTOR, "[data-testid=field-brief-missing]"),
             what="the missing message to go")
    assert cli(library, "search", "missing:required")["total"] == 3
    shown = cli(library, "show", asset_id)
    assert shown["rights"]["expires"] is None, "an untouched date input (WebKitGTK draws today in it) writes nothing"
    app.screenshot("required-field")


def test_tiles_dragged_onto_a_collection_join_it(library: Path, tmp_path: Path, app_on):
    make_fixtures(tmp_path / "shoot", 5, "coll")
    report = cli(library, "ingest", str(tmp_path / "shoot"))
    assert len(report["ingested"]) == 5, report
    app = app_on(library)
    app.wait(lambda: len(tiles(app)) == 5, what="five tiles")
    app.wait(lambda: app.driver.find_element(By.CSS_SELECTOR, "[data-testid=collections-empty]"),
             what="the collections' empty state")

    # A new collection, from the sidebar.
    app.driver.find_element(By.CSS_SELECTOR, "[data-testid=collection-new]").click()
    path_input = app.wait(lambda: app.driver.find_element(By.CSS_SELECTOR, "[data-testid=collection-input]"),
                          what="the new collection's form")
    path_input.send_keys("Spring 2027/Social", Keys.ENTER)
    target = '[data-testid="collection-Spring 2027/Social"]'
    app.wait(lambda: app.driver.find_element(By.CSS_SELECTOR, target), what="the new collection in the sidebar")

    # Two tiles selected, one of them dragged: both join, in the library.
    grid = tiles(app)
    grid[0].click()
    ActionChains(app.driver).key_down(Keys.CONTROL).click(grid[1]).key_up(Keys.CONTROL).perform()
    chosen = {grid[0].get_attribute("data-id"), grid[1].get_attribute("data-id")}
    app.driver.execute_script(DRAG, grid[1], app.driver.find_element(By.CSS_SELECTOR, target))
    def listed() -> set:
        return {str(a["id"]) for a in cli(library, "search", "--limit", "10", 'collection:"Spring 2027"')["assets"]}

    app.wait(lambda: listed() == chosen, what="the two dragged assets in the collection")
    app.wait(lambda: "2" in app.driver.find_element(By.CSS_SELECTOR, f"{target} [data-testid=collection-count]").text,
             what="the collection's count to show 2")
    shown = cli(library, "show", grid[0].get_attribute("data-id"))
    assert [c["path"] for c in shown["collections"]] == ["Spring 2027/Social"], shown
    app.screenshot("collection-drop")

    # A click on the parent searches it with what is beneath it.
    app.driver.find_element(By.CSS_SELECTOR, '[data-testid="collection-Spring 2027"] [data-testid=collection-item]').click()
    app.wait(lambda: len(tiles(app)) == 2, what="the parent collection's two assets")

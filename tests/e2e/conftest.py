"""End-to-end tests of the real Tessera window: tauri-driver + WebKitWebDriver, under the Xvfb that `make e2e`
starts. Each test module gets a fresh temporary library (TESSERA_LIBRARY) seeded through the real `tessera` CLI."""

import json
import os
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.common.options import ArgOptions

ROOT = Path(__file__).resolve().parents[2]
APP = Path(os.environ.get("TESSERA_APP", ROOT / "target/debug/tessera-desktop"))
CLI = Path(os.environ.get("TESSERA_CLI", ROOT / "target/debug/tessera"))
ARTIFACTS = Path(os.environ.get("E2E_ARTIFACTS", ROOT / "test-artifacts/e2e"))
FIXTURES = Path(__file__).parent / "fixtures"
# The recent-library list every app and CLI run here reads and writes: never the real user's.
os.environ.setdefault("TESSERA_CONFIG_DIR", tempfile.mkdtemp(prefix="tessera-e2e-config-"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cli(library: Path, *args: str) -> dict:
    out = subprocess.run([str(CLI), "--library", str(library), "--json", *args], capture_output=True, text=True)
    assert out.stdout.strip(), f"tessera {' '.join(args)} printed nothing: {out.stderr}"
    return json.loads(out.stdout)


def make_fixtures(folder: Path, count: int, prefix: str) -> None:
    """Real JPEGs with distinct content, drawn with ImageMagick."""
    folder.mkdir(parents=True, exist_ok=True)
    colours = ["red", "orange", "gold", "green", "teal", "blue", "purple", "pink"]
    salt = sum(map(ord, prefix)) % 97  # different prefixes draw different pictures
    for i in range(count):
        c1, c2 = colours[i % len(colours)], colours[(i * 3 + 1) % len(colours)]
        subprocess.run(
            ["convert", "-size", f"{320 + i * 7}x{240 + (i % 3) * 40}", f"gradient:{c1}-{c2}",
             "-fill", "white", "-draw", f"circle {40 + i * 5 + salt},{60 + salt} {60 + i * 5 + salt},{80 + salt}", str(folder / f"{prefix}-{i:02}.jpg")],
            check=True,
        )


def wait_for_port(port: int, timeout: float) -> bool:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return True
        except OSError:
            time.sleep(0.1)
    return False


class App:
    """One running app on one library, driven through WebDriver."""

    def __init__(self, library: Path, name: str):
        self.library = library
        self.name = name
        self.driver_proc = None
        # tauri-driver accepts connections before its WebKitWebDriver listens, and drops a session request it
        # cannot forward; so wait for both ports, and start afresh if the session still cannot be made.
        for attempt in range(3):
            try:
                self.driver = self._start(library)
                break
            except Exception:
                self._stop_driver()
                if attempt == 2:
                    raise
                time.sleep(1)
        self.driver.implicitly_wait(0)

    def _start(self, library: Path):
        port, native_port = free_port(), free_port()
        env = dict(os.environ, TESSERA_LIBRARY=str(library))
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        log = open(ARTIFACTS / f"{self.name}-tauri-driver.log", "ab")
        self.driver_proc = subprocess.Popen(
            ["tauri-driver", "--port", str(port), "--native-port", str(native_port)],
            env=env, stdout=log, stderr=log,
        )
        log.close()
        if not (wait_for_port(port, 30) and wait_for_port(native_port, 30)):
            raise RuntimeError("tauri-driver or WebKitWebDriver did not start listening")
        options = ArgOptions()
        options.set_capability("browserName", "wry")
        options.set_capability("tauri:options", {"application": str(APP)})
        return webdriver.Remote(f"http://127.0.0.1:{port}", options=options)

    def _stop_driver(self):
        if self.driver_proc is not None:
            self.driver_proc.terminate()
            self.driver_proc.wait(timeout=10)
            self.driver_proc = None

    def wait(self, predicate, timeout=20.0, what="condition"):
        deadline = time.time() + timeout
        last = None
        while time.time() < deadline:
            try:
                last = predicate()
                if last:
                    return last
            except Exception as e:  # the page may still be rendering
                last = e
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what} (last: {last!r})")

    def screenshot(self, label: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{self.name}-{label}.png"
        # The X display, not WebDriver's screenshot: WebKitWebDriver's never returns when WebKit paints without GPU
        # compositing (the app's default where there is no GPU, as under Xvfb).
        subprocess.run(["import", "-window", "root", str(path)], check=True, timeout=30)
        return path

    def close(self):
        try:
            self.driver.quit()
        finally:
            self._stop_driver()


@pytest.fixture
def library(tmp_path: Path) -> Path:
    lib = tmp_path / "e2e.tessera"
    subprocess.run([str(CLI), "init", str(lib)], check=True, capture_output=True)
    return lib


@pytest.fixture
def app_on(request):
    """Starts the app on a library; screenshots on failure."""
    apps = []

    def start(library: Path) -> App:
        app = App(library, request.node.name)
        apps.append(app)
        return app

    yield start
    failed = getattr(request.node, "rep_call", None) is not None and request.node.rep_call.failed
    for app in apps:
        if failed:
            print(f"screenshot on failure: {app.screenshot('failure')}")
        app.close()


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    rep = outcome.get_result()
    setattr(item, "rep_" + rep.when, rep)

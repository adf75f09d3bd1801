#!/usr/bin/env python3
"""Puts the benchmarks' tables into the docs, so the figures there are the ones a run printed.

    python3 bench/fill_tables.py ingest search   # after bench/ingest.sh and bench/search.sh (`make bench` does it)
    python3 bench/fill_tables.py edits           # after tessera-bench-edits (`make bench` does it)
    python3 bench/fill_tables.py review          # after tessera-bench-review (`make bench` does it)
    python3 bench/fill_tables.py app             # after tests/e2e/bench_app.py (`make bench-app`)
    python3 bench/fill_tables.py watch           # after bench/watch.sh
    python3 bench/fill_tables.py --check         # fails when README.md's summary is not what bench/README.md says

Each benchmark writes a Markdown report to bench-out/PART.md. This script replaces the text between
`<!-- bench:PART -->` and `<!-- /bench:PART -->` in bench/README.md with that report (its top heading made a plain
line: the section has its own), stamped with the date and the machine (CPU model, cores, RAM from /proc, and the load
average at the start, from bench-out/PART.load when the runner wrote it, and at the end).

README.md's short summary is then derived from the tables now in bench/README.md, never from bench-out/ directly: a run
of one benchmark updates its own part, and the summary always says what the full tables say. The summary's parts sit
between `<!-- bench:summary-PART -->` markers (core = ingest + search, app, watch, review). To add a figure to the
summary, add a row in `summary_core`, `summary_app`, `summary_watch` or `summary_review` that reads it from a table by
its row's first cell.
"""

from __future__ import annotations

import datetime
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_README = ROOT / "bench" / "README.md"
README = ROOT / "README.md"
OUT = Path(os.environ.get("BENCH_OUT", ROOT / "bench-out"))
PARTS = ("ingest", "search", "edits", "app", "watch", "review")


class FillError(Exception):
    pass


def load_at_start(part: str) -> str:
    """The load average `uptime` printed when the benchmark started (bench/run.sh writes bench-out/PART.load)."""
    path = OUT / f"{part}.load"
    m = re.search(r"load average: ([\d.]+), ([\d.]+), ([\d.]+)", path.read_text()) if path.is_file() else None
    return f"at the start {' / '.join(m.groups())}, " if m else ""


def machine(part: str) -> str:
    """CPU model, cores, RAM and load, as this machine reports them."""
    model = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = re.sub(r"\s+", " ", line.split(":", 1)[1]).strip()
            break
    kib = 0
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            kib = int(line.split()[1])
    load = " / ".join(Path("/proc/loadavg").read_text().split()[:3])
    cores = len(os.sched_getaffinity(0))
    return (
        f"{model}, {cores} cores, {kib / 2**20:.1f} GiB RAM; load average (1 / 5 / 15 min) {load_at_start(part)}"
        f"when filled {load}"
    )


def stamp(part: str) -> str:
    today = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")
    return f"Measured {today} on {machine(part)}."


def region(text: str, name: str) -> tuple[int, int]:
    """Start and end offsets of the text between the markers of region `name`."""
    start_marker, end_marker = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    start, end = text.find(start_marker), text.find(end_marker)
    if start < 0 or end < start:
        raise FillError(f"no {start_marker} … {end_marker} pair")
    return start + len(start_marker), end


def get_region(text: str, name: str) -> str:
    start, end = region(text, name)
    return text[start:end]


def put_region(text: str, name: str, body: str) -> str:
    start, end = region(text, name)
    return text[:start] + "\n" + body.strip("\n") + "\n" + text[end:]


def report(part: str) -> str:
    """bench-out/PART.md, stamped; its top heading becomes a plain line (the section in bench/README.md has its own)."""
    path = OUT / f"{part}.md"
    if not path.is_file():
        raise FillError(f"{path} is missing: run the {part} benchmark first")
    lines = path.read_text().strip("\n").splitlines()
    if lines and lines[0].startswith("#"):
        lines[0] = lines[0].lstrip("# ") + "."
    return stamp(part) + "\n\n" + "\n".join(lines)


def rows(text: str) -> dict[str, list[str]]:
    """Every table row in `text`, by its first cell (backquotes kept), as its cells."""
    out: dict[str, list[str]] = {}
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("|") and not line.startswith("|---"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            out.setdefault(cells[0], cells)
    return out


def row(table: dict[str, list[str]], starts: str, part: str, ends: str = "") -> list[str]:
    for first, cells in table.items():
        plain = first.replace("`", "")
        if (first.startswith(starts) or plain.startswith(starts)) and plain.endswith(ends):
            return cells
    raise FillError(f"bench/README.md's {part} table has no row starting with {starts!r} and ending with {ends!r}")


def stamp_of(text: str) -> str:
    m = re.search(r"Measured (\d{4}-\d\d-\d\d) on ([^;]*);", text)
    if not m:
        return "not measured yet"
    # The 1-minute load when the run started: the machine is shared, and a busy second core shows in 2-thread runs.
    load = re.search(r"at the start ([\d.]+) /", text)
    return f"{m.group(1)}, {m.group(2)}" + (f", load {load.group(1)} at the start" if load else "")


def summary_core(doc: str) -> str:
    ingest_text, search_text = get_region(doc, "ingest"), get_region(doc, "search")
    ingest, search = rows(ingest_text), rows(search_text)
    vips = row(ingest, "vipsthumbnail", "ingest")
    t1 = row(ingest, "tessera ingest --threads 1,", "ingest")
    t2 = row(ingest, "tessera ingest --threads 2", "ingest")
    during = row(ingest, "ingest with --previews minus", "ingest")[1]
    after = row(ingest, "`tessera thumbs --previews`", "ingest")[1]
    corpus = re.search(r"(\d+) JPEGs \(([\d.]+) MP\)", ingest_text)
    corpus_text = f" ({corpus.group(1)} real JPEGs, {corpus.group(2)} MP)" if corpus else ""
    edits_table = rows(get_region(doc, "edits"))
    edits_during = row(edits_table, "during the ingest", "edits")

    def edits_bulk(starts: str) -> str:
        return row(edits_table, starts, "edits")[1]

    assets = re.search(r"at ([\d,]+) assets", search_text)
    n = assets.group(1) if assets else "?"

    def shape_row(shape: str) -> list[str]:
        # "c. browse pages 401-600, sort name": the page range depends on --instances.
        starts, _, ends = shape.partition("*")
        return row(search, starts, "search", ends)

    def p99(shape: str) -> str:
        return shape_row(shape)[4]

    def cpu(shape: str) -> str:
        # The thread's mean CPU time per call: about what the wall time would be on a quiet machine.
        return shape_row(shape)[6]

    def both(*shapes: str) -> str:
        return f"{' / '.join(p99(s) for s in shapes)} ms (CPU mean {' / '.join(cpu(s) for s in shapes)})"

    browse = both(*(f"c. browse pages 401-*, sort {s}" for s in ("name", "size", "taken")))
    lines = [
        f"Ingest: {stamp_of(ingest_text)}. Search: {stamp_of(search_text)}. "
        f"Edits: {stamp_of(get_region(doc, 'edits'))}.",
        "",
        "| what | measured | goal |",
        "|---|--:|--:|",
        f"| ingest to searchable with grid thumbnail, 1 thread, vs `vipsthumbnail -s 256` on 1 core{corpus_text} "
        f"| {t1[4]}x ({t1[2]} vs {vips[2]} img/s) | ≥ 1.0 |",
        f"| the same with 2 threads, vs vips on 1 core | {t2[4]}x ({t2[2]} img/s) | ≥ 1.8 |",
        f"| 1024 px preview, extra per image when made during ingest / afterwards | {during} ms / {after} ms | |",
        f"| search p99 at {n} assets (the app's connection): 2-letter prefix / 3-letter prefix "
        f"| {both('a. prefix, 2 letters', 'a. prefix, 3 letters')} | < 30 ms |",
        f"| search p99: tag + date + word | {both('b. tag + date + word')} | < 30 ms |",
        f"| search p99: empty query / common word | {both('d. empty query', 'd. common word')} | < 30 ms |",
        f"| search p99: sorted browse around page 500 (name / size / taken) | {browse} | < 30 ms |",
        f"| tag edit while a 2-thread ingest writes (another process), p99 / max; failures "
        f"| {edits_during[4]} / {edits_during[5]} ms; {edits_during[2]} | p99 < 50 ms, none fails |",
        f"| select-all edit of 100,000 assets: rating / tag (one transaction, one undo step) "
        f"| {edits_bulk('rate every asset')} / {edits_bulk('tag every asset')} s | about 1 s |",
        f"| synthetic insert rate; database size per asset | {row(search, 'insert rate', 'search')[1]}; "
        f"{row(search, 'per asset', 'search')[1]} | |",
    ]
    return "\n".join(lines)


def summary_app(doc: str) -> str:
    text = get_region(doc, "app")
    app = rows(text)
    assets = re.search(r"([\d,]+) assets", text)
    n = assets.group(1) if assets else "?"
    after = row(app, "the same after scrolling", "app")
    # "the same after scrolling 20,011 rows of 4 (80,044 assets), in 37 s" (above 100,000 assets) or "… the whole grid …"
    how = re.match(r"the same (after scrolling .*?)(?:, in [\d.]+ s)?$", after[0])
    scrolled = how.group(1).strip() if how else "after scrolling"
    lines = [
        f"Desktop: {stamp_of(text)}.",
        "",
        "| desktop (release build, Xvfb) | measured | goal |",
        "|---|--:|--:|",
        f"| {n} assets: launch to first screen of thumbnails | {row(app, 'launch to first screen', 'app')[1]} | < 1.5 s |",
        f"| memory of app + WebKit processes {scrolled}, PSS / private "
        f"| {after[1]} | < 400 MB |",
        "| the sidebar's counts (`library_info` + `tag_counts`, as the UI asks), median "
        f"| {row(app, 'sidebar', 'app')[1].split(' (')[0]} | < 5 ms |",
        "| Enter in the search box to repainted grid, median / slowest "
        f"| {row(app, 'search to repainted grid, median', 'app')[1]} / "
        f"{row(app, 'search to repainted grid, slowest', 'app')[1]} | < 100 ms |",
    ]
    return "\n".join(lines)


def summary_watch(doc: str) -> str:
    text = get_region(doc, "watch")
    watch = rows(text)
    runs = [(first, cells) for first, cells in watch.items() if first.replace("`", "").startswith("watch run, settle")]
    ratios = [cells[2] for _, cells in runs]
    settles = [m.group(1) for first, _ in runs if (m := re.search(r"settle ([\d,]+ ms)", first))]
    idle = re.search(r"\(([\d.]+ %)\)", text)
    lines = [
        f"Watched folders: {stamp_of(text)}.",
        "",
        "| watched folders | measured | goal |",
        "|---|--:|--:|",
        f"| last of 1,000 files landed → all searchable, vs plain ingest (settle {' / '.join(settles)}) "
        f"| {' / '.join(ratios)} | ≤ 1.2x |",
        f"| watcher idle over 10,000 quiet files | {idle.group(1) if idle else '?'} CPU | ~0 |",
    ]
    return "\n".join(lines)


def summary_review(doc: str) -> str:
    text = get_region(doc, "review")
    review = rows(text)
    pending = re.search(r"review queue, (\d+) pending", text)
    cold, after = row(review, "first call", "review"), row(review, "the calls after it", "review")
    verify = row(review, "audit verify, first", "review")
    checks = [cells[1] for first, cells in review.items() if first.replace("`", "").startswith("ctx.require")]
    slowest = max(checks, key=lambda c: float(c.split()[0])) if checks else "?"
    searches = [(first, cells) for first, cells in review.items() if first.startswith("search ")]
    shares = [cells[2] for _, cells in searches]
    size = re.search(r"at (\d+) assets", searches[0][0]) if searches else None
    lines = [
        f"Review and audit: {stamp_of(text)}.",
        "",
        "| review and audit | measured | goal |",
        "|---|--:|--:|",
        f"| review queue of {pending.group(1) if pending else '?'} pending, limit 50, as its reviewer: "
        f"first call / p50 / p99 after it | {cold[2]} / {after[2]} / {after[3]} ms | < 200 ms |",
        f"| `audit verify` over {verify[1]} events | {verify[2]} s ({verify[3]} events/s) | < 5 s |",
        f"| the permission check (`ctx.require`, slowest kind); its share of a search at "
        f"{size.group(1) if size else '?'} assets (largest) | {slowest}; "
        f"{max(shares, key=lambda s: float(s.split()[0])) if shares else '?'} | < 1 % |",
    ]
    return "\n".join(lines)


SUMMARIES = {"core": summary_core, "app": summary_app, "watch": summary_watch, "review": summary_review}


def summaries(doc: str, readme: str) -> str:
    for name, make in SUMMARIES.items():
        readme = put_region(readme, f"summary-{name}", make(doc))
    return readme


def main(argv: list[str]) -> int:
    doc, readme = BENCH_README.read_text(), README.read_text()
    if argv == ["--check"]:
        if summaries(doc, readme) != readme:
            print("README.md's performance summary differs from bench/README.md's tables: "
                  "run python3 bench/fill_tables.py", file=sys.stderr)
            return 1
        return 0
    unknown = [a for a in argv if a not in PARTS]
    if unknown:
        print(f"unknown part(s) {unknown}; parts: {', '.join(PARTS)}", file=sys.stderr)
        return 2
    for part in argv:
        doc = put_region(doc, part, report(part))
    readme = summaries(doc, readme)  # before writing anything: a table that cannot be read changes neither file
    BENCH_README.write_text(doc)
    README.write_text(readme)
    print(f"filled {', '.join(argv) or 'the summary'} in bench/README.md and README.md", file=sys.stderr)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except FillError as e:
        print(f"fill_tables: {e}", file=sys.stderr)
        sys.exit(1)

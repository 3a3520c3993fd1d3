"""Benchmark of the fact sheet and statement commands, run by hand (pytest ignores it).

It builds a throwaway workspace (``SPOKES_HOME`` for the children; the user's own is never
touched) with one incident, its facts and ``--drafts`` unedited drafts that follow them, and a
news article of about ``--kb`` kilobytes. Then it times, as subprocesses, round-robin so every
command sees the same machine noise, against ``python -c "import typer"``:

- ``statement draft``: render one draft from the facts (Jinja2 imported, sandbox built);
- ``fact set``: one change, which re-renders every unedited draft in the same transaction;
- ``statement check`` of the article: the figure parser over the whole text.

It also times the parser in-process on the article (characters per second).

    .venv/bin/python tests/perf/bench_statements.py [--rounds 11] [--drafts 20] [--kb 100]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NOW = "2026-11-29T14:00:00+07:00"
PARAGRAPH = (
    "Theo thông tin ban đầu, vụ sạt lở xảy ra lúc 13 giờ 10 phút ngày 29/11/2026 tại bản"
    " Phiêng Lồm, xã Phúc Khoa, làm 2 người chết và năm người bị thương; 12 hộ phải di dời."
    " Lực lượng chức năng đang khắc phục hậu quả, thông tin sẽ được cập nhật lúc 17 giờ.\n"
)


def spokes(home: Path, *args: str, stdin: str | None = None) -> float:
    """Runs one command; returns its wall time in seconds. A failure stops the benchmark."""
    env = {**os.environ, "SPOKES_HOME": str(home), "SPOKES_NOW": NOW, "SPOKES_LANG": "en"}
    start = time.perf_counter()
    done = subprocess.run(
        [str(Path(sys.executable).parent / "spokes"), *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 3):  # 3: the check found conflicts, as it should here
        sys.exit(f"spokes {' '.join(args)} failed ({done.returncode}): {done.stderr}")
    return elapsed


def baseline() -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import typer"], check=True)
    return time.perf_counter() - start


def seed(home: Path, drafts: int) -> None:
    spokes(home, "unit", "add", "phuc-khoa", "UBND xã Phúc Khoa", "--kind", "commune")
    person = ["--name", "Lù Thị Mai", "--title", "Chủ tịch UBND xã", "--phone", "0912000108"]
    person += ["--email", "ltmai@phuckhoa.example.vn", "--from", "2026-11-01T08:00+07:00"]
    spokes(home, "spokesperson", "assign", "phuc-khoa", *person)
    spokes(home, "incident", "open", "Sạt lở đất", "-u", "phuc-khoa", "--occurred", "13:10")
    for key, value in (("deaths", "1"), ("injured", "5"), ("summary", "Sạt lở đất.")):
        spokes(home, "fact", "set", "2026-0001", key, value)
    for _ in range(drafts):
        spokes(home, "statement", "draft", "2026-0001", "--lang", "vi")


def parser_speed(article: str) -> float:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from spokes.core.figures import extract

    start = time.perf_counter()
    found = extract(article)
    elapsed = time.perf_counter() - start
    print(f"parser: {len(article):,} characters, {len(found):,} figures in {elapsed * 1000:.0f} ms")
    return len(article) / elapsed


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--rounds", type=int, default=11)
    options.add_argument("--drafts", type=int, default=20)
    options.add_argument("--kb", type=int, default=100)
    args = options.parse_args()
    print(f"load average: {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory(prefix="spokes-bench-") as folder:
        home = Path(folder) / "home"
        seed(home, args.drafts)
        article = PARAGRAPH * (args.kb * 1024 // len(PARAGRAPH.encode()))
        path = Path(folder) / "article.txt"
        path.write_text(article, encoding="utf-8")
        times: dict[str, list[float]] = {name: [] for name in ("typer", "draft", "set", "check")}
        for round_ in range(args.rounds):
            times["typer"].append(baseline())
            times["draft"].append(spokes(home, "statement", "draft", "2026-0001", "--lang", "en"))
            value = str(10 + round_)  # a new value every round: a real change, a new version
            times["set"].append(spokes(home, "fact", "set", "2026-0001", "injured", value))
            times["check"].append(spokes(home, "statement", "check", "2026-0001", str(path)))
        base = statistics.median(times["typer"])
        print(f"import typer: {base * 1000:.1f} ms (median of {args.rounds})")
        labels = {
            "draft": "statement draft",
            "set": f"fact set (re-renders {args.drafts}+ drafts)",
            "check": f"statement check ({len(article) // 1024} KB article)",
        }
        for name, label in labels.items():
            median = statistics.median(times[name])
            print(f"{label:<42} {median * 1000:7.1f} ms  {median / base:5.2f}x")
        print(f"parser throughput: {parser_speed(article) / 1e6:.2f} M characters/s")


if __name__ == "__main__":
    main()

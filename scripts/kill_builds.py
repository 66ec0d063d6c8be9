"""Kill real builds at random moments and check that nothing is ever lost or mixed.

    .venv/bin/python scripts/kill_builds.py WORKSPACE [--runs 20] [--seed 1]

WORKSPACE is a briefgen workspace (config/briefgen.yaml); it is copied to a
temporary folder, never changed. Two versions of its brief are made, A and B
(B with a different title). Then, again and again: with the folder holding
one version, a build of the other is started and killed with SIGKILL after a
random delay up to the time a whole build takes. The extraction cache is
off, so every build extracts (as one with new articles does) and, wanting a
PDF, forks its PDF worker. Checked after each kill:

* every output file, in every audience's folder, is byte for byte the old
  version's or the new one's;
* without a publish journal, the files are all of one version, the one the
  manifest names;
* no process the killed build started outlives it for more than a few seconds;
* the next build starts at once (it may wait at most ``LOCK_WAIT`` seconds for
  the output folder's lock: a killed build must never leave it locked),
  succeeds, leaves exactly the new version, and no temporary file or journal.

The unit test suite kills builds at exact points (tests/test_publish.py);
this script samples the moments in between.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

# Not outputs: the lock, the caches, a publish journal and temporary files are checked apart.
NOT_OUTPUTS = (".briefgen.lock", ".briefgen-publish.json")
LOCK_WAIT = 5
ORPHAN_GRACE = 5.0


def run_build(workspace: Path, title: str) -> subprocess.Popen[bytes]:
    config = workspace / "config" / f"{title}.yaml"
    return subprocess.Popen(
        [sys.executable, "-m", "briefgen", "-q", "build", "--config", str(config)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
    )


def snapshot(out: Path) -> dict[str, bytes]:
    """Every output file under ``out`` (each audience's folder too), by its path there."""
    files = {}
    for path in sorted(out.rglob("*")):
        name = path.relative_to(out).as_posix()
        if (
            path.is_file()
            and not name.startswith(".cache/")
            and name not in NOT_OUTPUTS
            and not path.name.endswith(".tmp")
        ):
            files[name] = path.read_bytes()
    return files


def descendants(pid: int) -> set[int]:
    """The processes ``pid`` started, and theirs (Linux: /proc)."""
    found: set[int] = set()
    todo = [pid]
    while todo:
        parent = todo.pop()
        for task in Path(f"/proc/{parent}/task").glob("*"):
            try:
                children = (task / "children").read_text().split()
            except OSError:
                continue
            for child in map(int, children):
                if child not in found:
                    found.add(child)
                    todo.append(child)
    return found


def alive(pids: set[int]) -> set[int]:
    """Those of ``pids`` still running (not zombies waiting to be reaped)."""
    running = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if state != "Z":
            running.add(pid)
    return running


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("workspace", type=Path)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    with tempfile.TemporaryDirectory() as tmp:
        ws = Path(tmp) / "ws"
        shutil.copytree(args.workspace, ws, ignore=shutil.ignore_patterns("build", ".venv", ".git"))
        config = yaml.safe_load((ws / "config" / "briefgen.yaml").read_text("utf-8"))
        config.setdefault("extraction", {})["cache"] = False
        config.setdefault("output", {})["lock_timeout"] = LOCK_WAIT
        versions: dict[str, dict[str, bytes]] = {}
        build_seconds = []
        for title in ("A", "B"):
            config.setdefault("brief", {})["title"] = f"Version {title}"
            (ws / "config" / f"{title}.yaml").write_text(yaml.safe_dump(config), "utf-8")
            start = time.monotonic()
            process = run_build(ws, title)
            _, err = process.communicate()
            build_seconds.append(time.monotonic() - start)
            if process.returncode:
                print(err.decode(), file=sys.stderr)
                return 1
            versions[title] = snapshot(ws / "build")
        briefs = [name for name in versions["A"] if name.endswith("/brief.html")]
        if not briefs or any(versions["A"][n] == versions["B"][n] for n in briefs):
            print("the two versions do not differ in every audience's brief", file=sys.stderr)
            return 1
        print(f"{len(versions['A'])} output files: {', '.join(sorted(versions['A']))}")
        longest = max(build_seconds)
        print(f"a whole build takes {min(build_seconds):.1f}-{longest:.1f} s")

        out = ws / "build"
        current, outcomes, failures = "B", {"before": 0, "midway": 0, "after": 0}, 0
        locked = orphaned = 0
        for run in range(args.runs):
            new = "A" if current == "B" else "B"
            delay = rng.uniform(0, longest * 1.1)
            process = run_build(ws, new)
            time.sleep(delay)
            children = descendants(process.pid)
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
            grace = time.monotonic() + ORPHAN_GRACE
            while alive(children) and time.monotonic() < grace:
                time.sleep(0.1)
            left = alive(children)
            problems_after_kill = []
            if left:
                orphaned += 1
                problems_after_kill = [f"processes {sorted(left)} outlived the killed build"]
            files = snapshot(out)
            problems = problems_after_kill + [
                name for name, data in files.items()
                if data not in (versions[current].get(name), versions[new].get(name))
            ]  # fmt: skip
            journal = (out / ".briefgen-publish.json").exists()
            if not journal:
                whole = [v for v in (current, new) if files == versions[v]]
                if not whole:
                    problems.append("no journal, but the files are not one whole version")
                which = whole[0] if whole else "?"
                outcomes["before" if which == current else "after"] += 1
            else:
                outcomes["midway"] += 1
            process = run_build(ws, new)
            _, err = process.communicate()
            if b"another briefgen run is writing" in err:
                locked += 1
                problems.append("the next build found the output folder locked")
            for pid in alive(left):  # after the next build, so they do not spoil the runs after
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGKILL)
            leftovers = [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
            if process.returncode or snapshot(out) != versions[new] or leftovers or (
                out / ".briefgen-publish.json"
            ).exists():  # fmt: skip
                problems.append(f"the next build did not finish cleanly: {err.decode()[-300:]}")
            manifest_path = out / ".briefgen-manifest.json"
            manifest = (
                json.loads(manifest_path.read_text())["files"] if manifest_path.exists() else {}
            )
            for name, digest in manifest.items():
                path = out / name
                if not path.exists() or hashlib.sha256(path.read_bytes()).hexdigest() != digest:
                    problems.append(f"{name} does not match the manifest")
            status = "ok" if not problems else "FAILED: " + "; ".join(problems)
            print(f"run {run + 1:2}: killed after {delay:4.2f} s, journal={journal}: {status}")
            failures += bool(problems)
            current = new
        print(
            f"{args.runs} kills: {outcomes['before']} before publishing, {outcomes['midway']}"
            f" between renames, {outcomes['after']} after; {locked} left the folder locked,"
            f" {orphaned} left processes behind; {failures} failures"
        )
        return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

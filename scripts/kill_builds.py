"""Kill real builds at random moments and check that nothing is ever lost or mixed.

    .venv/bin/python scripts/kill_builds.py WORKSPACE [--runs 20] [--seed 1]

WORKSPACE is a briefgen workspace (config/briefgen.yaml); it is copied to a
temporary folder, never changed. Two versions of its brief are made, A and B
(B with a different title). Then, again and again: with the folder holding
one version, a build of the other is started and killed with SIGKILL after a
random delay up to the time a whole build takes. Checked after each kill:

* every output file is byte for byte the old version's or the new one's;
* without a publish journal, the files are all of one version, the one the
  manifest names;
* the next build (run to the end) succeeds, leaves exactly the new version,
  and no temporary file or journal.

The unit test suite kills builds at exact points (tests/test_publish.py);
this script samples the moments in between.
"""

from __future__ import annotations

import argparse
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

OUTPUTS = ("brief.md", "brief.html", "brief.pdf", "digest.yaml", ".briefgen-manifest.json")


def run_build(workspace: Path, title: str) -> subprocess.Popen[bytes]:
    config = workspace / "config" / f"{title}.yaml"
    return subprocess.Popen(
        [sys.executable, "-m", "briefgen", "-q", "build", "--config", str(config)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
    )


def snapshot(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS if (out / name).exists()}


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
        assert versions["A"]["brief.html"] != versions["B"]["brief.html"]
        longest = max(build_seconds)
        print(f"a whole build takes {min(build_seconds):.1f}-{longest:.1f} s")

        out = ws / "build"
        current, outcomes, failures = "B", {"before": 0, "midway": 0, "after": 0}, 0
        for run in range(args.runs):
            new = "A" if current == "B" else "B"
            delay = rng.uniform(0, longest * 1.1)
            process = run_build(ws, new)
            time.sleep(delay)
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
            files = snapshot(out)
            problems = [
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
            leftovers = [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
            if process.returncode or snapshot(out) != versions[new] or leftovers or (
                out / ".briefgen-publish.json"
            ).exists():  # fmt: skip
                problems.append(f"the next build did not finish cleanly: {err.decode()[-300:]}")
            manifest = json.loads((out / ".briefgen-manifest.json").read_text())["files"]
            for name, digest in manifest.items():
                if hashlib.sha256((out / name).read_bytes()).hexdigest() != digest:
                    problems.append(f"{name} does not match the manifest")
            status = "ok" if not problems else "FAILED: " + "; ".join(problems)
            print(f"run {run + 1:2}: killed after {delay:4.2f} s, journal={journal}: {status}")
            failures += bool(problems)
            current = new
        print(
            f"{args.runs} kills: {outcomes['before']} before publishing, {outcomes['midway']}"
            f" between renames, {outcomes['after']} after; {failures} failures"
        )
        return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

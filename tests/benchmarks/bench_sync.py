"""数据同步 for a 100,000-member center: export, district import, re-import, incremental, memory.

    python tests/benchmarks/bench_sync.py [--members 100000] [--data-dir CENTER] [--quick]

Targets (issue 16 "Performance"): a full export under 20 s, its import into an SQLite district
database under 30 s, a re-import of the same package under 3 s, an incremental package after
100 changes under 1 s, and every step under 500 MB peak memory.

The center is the demo's: ``--data-dir`` names run.py's shared center when it holds one
(``dangqun demo --members N``); otherwise the center is made there (kept between runs) or in a
temporary folder, by the demo's generators for the members, the time bank and two years of base
bookings at that size, but not the minutes' (at 100,000 members its attendance lists outgrew
8 GB of memory in ``dangqun demo``). Either is copied, since the export writes its history into
the database. The keys are exchanged through the services (``sync keys``, ``district init``,
``register-center``, ``--install-district``), then each step runs in a fresh process of its
own, timing the service call only (:func:`dangqun.sync.export.export_package`,
:func:`dangqun.district.service.import_packages`), its peak RSS read from ``getrusage``. The
100 changes are edits of 100 members' work unit through :func:`dangqun.members.service.
update_member`, after the district's receipt is imported (so the next export is incremental).

Baseline, in the same run: a raw ``executemany`` of the same rows — every synced table's rows
read with the standard library's sqlite3 and inserted into a table of the same shape in a new
file, one transaction (and for the incremental step, the rows past the acknowledged counter).
The ratios say what the package format (JSON lines, zip, SHA-256, signature, deflate and
encryption) and the district's merge add to copying the rows. ``package_mib`` is the file,
``ndjson_mib`` the data it carries (the manifest's ``sizes``, format version 2).
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.common import PASSWORD, emit, run_cli

TARGETS = {"export_s": 20.0, "import_s": 30.0, "reimport_s": 3.0, "incremental_s": 1.0}
TARGET_MIB = 500
CHANGES = 100


def _admin(application: Any) -> Any:
    from sqlalchemy import select

    from dangqun.core.users import User

    with application.database.reading() as session:
        user = session.scalar(select(User).where(User.username == "admin"))
        return user.to_actor()


def _peak_mib() -> float:
    """This process's peak RSS: ``VmHWM`` on Linux (``ru_maxrss`` survives ``exec``, so a phase
    would report its parent's peak), else ``getrusage``."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def phase_setup(work: Path) -> dict[str, Any]:
    from dangqun.bootstrap import open_application
    from dangqun.core.paths import DataPaths
    from dangqun.district import service as district
    from dangqun.sync import keys

    application = open_application(DataPaths(work / "center"))
    try:
        admin = _admin(application)
        overview = keys.show_keys(application.database, application.paths.keys, admin)
        db = district.open_district(str(work / "district.sqlite3"), create=True)
        (work / "out").mkdir()
        setup = district.init_district(db, "五华区委组织部", work / "out", work / "district-keys")
        district.register_center(db, overview.public_key_path)
        db.dispose()
        keys.install_district_key(
            application.database, application.paths.keys, admin, setup.public_key_file
        )
    finally:
        application.close()
    return {}


def phase_export(work: Path) -> dict[str, Any]:
    from dangqun.bootstrap import open_application
    from dangqun.core.paths import DataPaths
    from dangqun.sync import export

    application = open_application(DataPaths(work / "center"))
    try:
        admin = _admin(application)
        started = time.perf_counter()
        result = export.export_package(
            application.database,
            application.paths.database,
            application.paths.keys,
            admin,
            work / "usb",
        )
        seconds = time.perf_counter() - started
    finally:
        application.close()
    with zipfile.ZipFile(result.path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    return {
        "seconds": seconds,
        "format_version": manifest["format_version"],
        "ndjson_bytes": sum(manifest.get("sizes", {}).values()),
        "file": str(result.path),
        "full": result.full,
        "rows": result.rows,
        "tombstones": result.tombstones,
        "bytes": result.size,
        "counter_from": result.counter_from,
        "counter_to": result.counter_to,
    }


def phase_import(work: Path, package: str) -> dict[str, Any]:
    from dangqun.district import service as district

    db = district.open_district(str(work / "district.sqlite3"))
    try:
        started = time.perf_counter()
        report = district.import_packages(
            db, [Path(package)], receipts=work / "receipts", keys_directory=work / "district-keys"
        )
        seconds = time.perf_counter() - started
    finally:
        db.dispose()
    return {"seconds": seconds, "counts": report.counts(), "receipts": report.receipts}


def phase_change(work: Path, receipt: str) -> dict[str, Any]:
    import dataclasses

    from sqlalchemy import select

    from dangqun.bootstrap import open_application
    from dangqun.core.paths import DataPaths
    from dangqun.members.models import Member
    from dangqun.members.service import member_form, update_member
    from dangqun.sync import receipts

    application = open_application(DataPaths(work / "center"))
    try:
        admin = _admin(application)
        outcome = receipts.import_receipt(
            application.database, application.paths.keys, admin, Path(receipt)
        )
        with application.database.reading() as session:
            ids = list(session.scalars(select(Member.id).order_by(Member.id.desc()).limit(CHANGES)))
        for number, member_id in enumerate(ids):
            form = member_form(application.database, admin, member_id)
            changed = dataclasses.replace(form, work_unit=f"同步测试单位{number}")
            update_member(application.database, admin, member_id, changed)
    finally:
        application.close()
    return {"acknowledged": outcome.acknowledged, "changed": len(ids)}


def phase_raw(work: Path, counter_from: int) -> dict[str, Any]:
    """The baseline: the same rows copied with sqlite3 and one ``executemany`` per table."""
    from dangqun.sync.package import synced_schema

    names = sorted(synced_schema())
    target = work / f"raw-{counter_from}.sqlite3"
    target.unlink(missing_ok=True)
    connection = sqlite3.connect(target)
    source = sqlite3.connect(f"file:{_database(work)}?mode=ro", uri=True)
    for name in names:
        (create,) = source.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
        ).fetchone()
        connection.execute(create)
    connection.commit()
    rows = 0
    started = time.perf_counter()
    for name in names:
        selected = source.execute(f'SELECT * FROM "{name}" WHERE change_seq > ?', (counter_from,))
        width = len(selected.description)
        batch = selected.fetchall()
        rows += len(batch)
        placeholders = ", ".join("?" * width)
        connection.executemany(f'INSERT INTO "{name}" VALUES ({placeholders})', batch)
    connection.commit()
    seconds = time.perf_counter() - started
    connection.close()
    source.close()
    target.unlink()
    return {"seconds": seconds, "rows": rows}


def center_without_minutes_demo(data_dir: Path, members: int) -> Path:
    """A center made as ``dangqun demo`` makes one, minus the minutes' demo: at 100,000 members
    its attendance lists (every member of a branch at every meeting) outgrew 8 GB of memory."""
    from dangqun import features
    from dangqun.bootstrap import open_application
    from dangqun.core.clock import local_today
    from dangqun.core.paths import DataPaths
    from dangqun.demo import DemoOptions

    marker = data_dir / f".sync-benchmark-{members}"
    if marker.exists():
        return data_dir
    run_cli(
        data_dir, "init", "--center-name", "翠湖社区党群服务中心", "--division-code",
        "530102001001", "--admin", "admin", "--password-stdin", stdin=PASSWORD + "\n",
    )  # fmt: skip
    application = open_application(DataPaths(data_dir))
    try:
        admin = _admin(application)
        options = DemoOptions(
            members, 20240701, local_today(), "翠湖社区党群服务中心", "530102001001"
        )
        with application.database.unit_of_work(admin) as work:
            for feature, generate in features.loaded("demo"):
                if feature.key != "minutes":
                    generate(work, options, None)
            work.commit()
    finally:
        application.close()
    marker.touch()
    return data_dir


def _database(work: Path) -> Path:
    from dangqun.core.paths import DataPaths

    return DataPaths(work / "center").database


PHASES = {
    "setup": phase_setup,
    "export": phase_export,
    "import": phase_import,
    "change": phase_change,
    "raw": phase_raw,
}


def run_phase(work: Path, name: str, *arguments: str) -> dict[str, Any]:
    """One step in a fresh process, so its peak memory is its own."""
    completed = subprocess.run(
        [sys.executable, __file__, "--phase", name, "--work", str(work), *arguments],
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise SystemExit(f"phase {name} failed:\n{completed.stderr}")
    result: dict[str, Any] = json.loads(completed.stdout.splitlines()[-1])
    return result


def measure(center: Path, members: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        shutil.copytree(center, work / "center", ignore=shutil.ignore_patterns("*.lock"))
        for sub in ("usb", "receipts"):
            (work / sub).mkdir()
        run_phase(work, "setup")
        raw = run_phase(work, "raw", "0")
        full = run_phase(work, "export")
        imported = run_phase(work, "import", full["file"])
        again = run_phase(work, "import", full["file"])
        assert imported["counts"]["imported"] == 1, imported
        assert again["counts"]["already"] == 1, again
        changed = run_phase(work, "change", imported["receipts"][0])
        assert changed["acknowledged"] == [1], changed
        raw_incremental = run_phase(work, "raw", str(full["counter_to"]))
        incremental = run_phase(work, "export")
        assert not incremental["full"], incremental
        incremental_import = run_phase(work, "import", incremental["file"])
        assert incremental_import["counts"]["imported"] == 1, incremental_import
        figures = {
            "export_s": full["seconds"],
            "import_s": imported["seconds"],
            "reimport_s": again["seconds"],
            "incremental_s": incremental["seconds"],
        }
        peaks = {
            "export_peak_mib": full["peak_mib"],
            "import_peak_mib": imported["peak_mib"],
            "reimport_peak_mib": again["peak_mib"],
            "incremental_peak_mib": incremental["peak_mib"],
            "incremental_import_peak_mib": incremental_import["peak_mib"],
        }
        emit(
            "sync",
            {
                "members": members,
                "rows": full["rows"],
                "format_version": full["format_version"],
                "package_mib": round(full["bytes"] / 2**20, 1),
                "ndjson_mib": round(full["ndjson_bytes"] / 2**20, 1),
                "incremental_rows": incremental["rows"],
                "raw_executemany_s": round(raw["seconds"], 3),
                "raw_incremental_s": round(raw_incremental["seconds"], 4),
                **{name: round(value, 3) for name, value in figures.items()},
                "incremental_import_s": round(incremental_import["seconds"], 3),
                "export_ratio": round(full["seconds"] / raw["seconds"], 1),
                "import_ratio": round(imported["seconds"] / raw["seconds"], 1),
                "reimport_ratio": round(again["seconds"] / raw["seconds"], 2),
                "incremental_ratio": round(incremental["seconds"] / raw_incremental["seconds"], 1),
                **peaks,
                "targets": {**TARGETS, "peak_mib": TARGET_MIB},
                "within_targets": all(figures[n] < limit for n, limit in TARGETS.items())
                and max(peaks.values()) < TARGET_MIB,
            },
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--data-dir", type=Path, help="a prepared center (run.py shares one)")
    parser.add_argument("--quick", action="store_true", help="a 5,000-member center")
    parser.add_argument("--phase", choices=sorted(PHASES), help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("arguments", nargs="*", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.phase:
        arguments: list[Any] = list(options.arguments)
        if options.phase == "raw":
            arguments = [int(arguments[0])]
        result = PHASES[options.phase](options.work, *arguments)
        print(json.dumps({**result, "peak_mib": _peak_mib()}, ensure_ascii=False))
        return 0
    if options.quick:
        options.members = 5000
    if options.data_dir is not None:
        shared = (options.data_dir / f".benchmark-{options.members}").exists()  # run.py's
        center = (
            options.data_dir
            if shared
            else center_without_minutes_demo(options.data_dir, options.members)
        )
        measure(center, options.members)
        return 0
    with tempfile.TemporaryDirectory() as folder:
        center = center_without_minutes_demo(Path(folder) / "center", options.members)
        measure(center, options.members)
    return 0


if __name__ == "__main__":
    sys.exit(main())

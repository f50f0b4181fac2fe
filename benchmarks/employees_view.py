"""Benchmark of the employee view: load time, filter time, memory and event-loop stalls, beside bare Qt.

Run: QT_QPA_PLATFORM=offscreen python benchmarks/employees_view.py [--employees 50000] [--repeat 5]

Starts a privserver (EmbeddedServer, demo identity provider) on a fresh SQLite
database seeded with privserver.seed.seed_demo, signs in as the customer
administrator whose organization has the most employees, and measures:

1. time until the organization's employees are shown in MainWindow, and the
   share spent building, sorting and showing the model once the pages are in;
   baseline: the same names in a QStringListModel behind a QSortFilterProxyModel
   (sorted) in a QTableView;
2. filter time per keystroke while typing a search; baseline: the proxy's
   setFilterFixedString on the QStringListModel;
3. resident memory added by each;
4. the longest event-loop stall (gap between ticks of a 5 ms QTimer) during a
   1,000-assignment bulk change through MainWindow.apply_plan; baseline: the
   same change sent with PrivilegesClient.run_batches alone, with no window.

Prints a Markdown report to stdout.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import PySide6
import qasync
from PySide6.QtCore import QSortFilterProxyModel, QStringListModel, Qt, QTimer
from PySide6.QtWidgets import QApplication, QTableView

from privadmin.api_client import PrivilegesClient, StaticTokenSource
from privadmin.config import Environment
from privadmin.context import AppContext
from privadmin.controllers.assignments import ChangePlan
from privadmin.views.main_window import MainWindow

TYPED = "jensen"


def rss_bytes() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError("VmRSS not found in /proc/self/status")


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


class StallMeter:
    """Records the longest gap between ticks of a 5 ms QTimer while started."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._tick)
        self.longest = 0.0
        self._last = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def start(self) -> None:
        self.longest = 0.0
        self._last = time.perf_counter()
        self.timer.start()

    def stop(self) -> float:
        self._tick()
        self.timer.stop()
        return self.longest


def drain(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


def ratio(value: float, baseline: float) -> str:
    return f"{value / baseline:.1f}×" if baseline > 0 else "n/a"


async def accept_preview(window: MainWindow) -> None:
    while window.preview_dialog is None or not window.preview_dialog.isVisible():
        await asyncio.sleep(0.005)
    window.preview_dialog.accept()


def pick_administrator(report: dict[str, Any]) -> dict[str, Any]:
    """The administrator of the customer organization listed first among single-organization customers."""
    kinds = {organization["tin"]: organization["kind"] for organization in report["organizations"]}
    for administrator in report["administrators"]:
        if (
            len(administrator["roles"]) == 1
            and kinds.get(administrator["organizationTin"]) == "customer"
        ):
            return administrator
    raise LookupError("the seed report lists no customer administrator")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--employees",
        type=int,
        default=250_000,
        help="employees to seed in total; the seed spreads them over five organizations, about 50,000 each",
    )
    parser.add_argument("--repeat", type=int, default=5, help="repetitions of each timed step")
    parser.add_argument("--changes", type=int, default=1000, help="assignments in the bulk change")
    args = parser.parse_args()

    from privserver.embedded import EmbeddedServer
    from privserver.seed import seed_demo
    from privserver.testing import LiveServer, sign_in_tokens

    app = QApplication.instance() or QApplication(sys.argv)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)

    def run(coroutine: Coroutine[Any, Any, Any]) -> Any:
        return loop.run_until_complete(coroutine)

    with tempfile.TemporaryDirectory() as directory:
        database_url = f"sqlite:///{Path(directory) / 'bench.sqlite'}"
        started = time.perf_counter()
        report = seed_demo(database_url, employees=args.employees)
        seed_seconds = time.perf_counter() - started
        server = EmbeddedServer(database_url)
        server.start()
        try:
            live = LiveServer(server=server, seed=report, database_url=database_url)
            administrator = pick_administrator(report)
            token = sign_in_tokens(live, administrator["idpIdentityId"])["access_token"]
            results = measure(app, run, live, administrator, token, args)
        finally:
            server.stop()

    print(render(results, args, seed_seconds))
    return 0


def measure(
    app: QApplication,
    run: Callable[[Coroutine[Any, Any, Any]], Any],
    live: Any,
    administrator: dict[str, Any],
    token: str,
    args: argparse.Namespace,
) -> dict[str, Any]:
    tin = administrator["organizationTin"]
    results: dict[str, Any] = {"tin": tin}

    def new_client() -> PrivilegesClient:
        return PrivilegesClient(live.api_base_url, StaticTokenSource(token))

    # Fetch the pages once for the baseline and for the build-only timings.
    async def fetch() -> list[Any]:
        client = new_client()
        try:
            return [identity async for page in client.identities(tin) for identity in page]
        finally:
            await client.aclose()

    started = time.perf_counter()
    identities = run(fetch())
    results["fetch_seconds"] = time.perf_counter() - started
    results["rows"] = len(identities)
    rows_text = [
        identity.name or identity.email or str(identity.idp_identity_id) for identity in identities
    ]

    # 1 and 3, baseline: QStringListModel behind a sorting QSortFilterProxyModel in a QTableView.
    baseline_build: list[float] = []
    baseline_memory: list[int] = []
    baseline_view: QTableView | None = None
    baseline_proxy: QSortFilterProxyModel | None = None
    for _ in range(args.repeat):
        memory_before = rss_bytes()
        started = time.perf_counter()
        model = QStringListModel(rows_text)
        proxy = QSortFilterProxyModel()
        proxy.setSourceModel(model)
        proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        proxy.sort(0)
        view = QTableView()
        view.setModel(proxy)
        view.resize(900, 700)
        view.show()
        drain(app)
        baseline_build.append(time.perf_counter() - started)
        baseline_memory.append(rss_bytes() - memory_before)
        if baseline_view is not None:
            baseline_view.close()
        baseline_view, baseline_proxy = view, proxy
    results["baseline_build"] = statistics.median(baseline_build)
    results["baseline_memory"] = statistics.median(baseline_memory)

    # 2, baseline: filter per keystroke.
    assert baseline_proxy is not None
    baseline_keys: list[float] = []
    for _ in range(args.repeat):
        for end in range(1, len(TYPED) + 1):
            started = time.perf_counter()
            baseline_proxy.setFilterFixedString(TYPED[:end])
            drain(app)
            baseline_keys.append(time.perf_counter() - started)
        baseline_proxy.setFilterFixedString("")
        drain(app)
    results["baseline_keystroke"] = statistics.median(baseline_keys)
    results["baseline_keystroke_max"] = max(baseline_keys)
    assert baseline_view is not None
    baseline_view.close()

    # 1 and 3, MainWindow: end to end (me, privileges, paged load, sort, show) and build only.
    environment = Environment(
        key="demo",
        issuer=live.issuer,
        api_base_url=live.api_base_url,
        client_id="privadmin-desktop",
    )
    end_to_end: list[float] = []
    build_only: list[float] = []
    memory: list[int] = []
    window: MainWindow | None = None
    for _ in range(args.repeat):
        if window is not None:
            window.close()
            run(window.tasks.wait_idle())
            run(window.context.client.aclose())
            window.deleteLater()
            drain(app)
        memory_before = rss_bytes()
        context = AppContext(
            environment=environment,
            client=new_client(),
            caller_name=administrator["name"],
            caller_identity_id=administrator["idpIdentityId"],
            language="da",
            sign_out=lambda: asyncio.sleep(0),
            switch_language=lambda language: None,
        )
        started = time.perf_counter()
        window = MainWindow(context)
        window.show()
        run(window.tasks.wait_idle())
        drain(app)
        end_to_end.append(time.perf_counter() - started)
        memory.append(rss_bytes() - memory_before)
        if window.employees.model.rowCount() != len(identities):
            raise RuntimeError(
                f"window shows {window.employees.model.rowCount()} employees, expected {len(identities)}"
            )

        started = time.perf_counter()
        window.employees.model.set_identities(identities)
        drain(app)
        build_only.append(time.perf_counter() - started)
    assert window is not None
    results["window_end_to_end"] = statistics.median(end_to_end)
    results["window_build"] = statistics.median(build_only)
    results["window_memory"] = statistics.median(memory)

    # 2, MainWindow: typing into the search field.
    keys: list[float] = []
    search = window.employees.search
    for _ in range(args.repeat):
        search.clear()
        drain(app)
        for end in range(1, len(TYPED) + 1):
            started = time.perf_counter()
            search.setText(TYPED[:end])
            drain(app)
            keys.append(time.perf_counter() - started)
    results["window_keystroke"] = statistics.median(keys)
    results["window_keystroke_max"] = max(keys)
    results["matches"] = window.employees.proxy.rowCount()
    search.clear()
    drain(app)

    # 4: the longest event-loop stall during a bulk change, window and client alone.
    privilege_ids = [
        str(privilege.id)
        for group in window.privileges.tree_model.groups()
        for privilege in group.privileges
    ]
    per_privilege = max(1, args.changes // max(1, len(privilege_ids[:4])))
    employees = [window.employees.proxy.employee_key(row) for row in range(per_privilege)]
    plan = ChangePlan.assign(employees, privilege_ids[:4])
    plan = ChangePlan(add=plan.add[: args.changes])
    results["changes"] = plan.size
    meter = StallMeter()

    window_stalls: list[float] = []
    baseline_stalls: list[float] = []
    window_seconds: list[float] = []
    baseline_seconds: list[float] = []
    for _ in range(args.repeat):

        async def window_change() -> None:
            accepting = asyncio.ensure_future(accept_preview(window))
            await window.apply_plan(plan)
            await accepting
            await window.undo_last()

        window.preview_dialog = None
        meter.start()
        started = time.perf_counter()
        run(window_change())
        window_seconds.append(time.perf_counter() - started)
        window_stalls.append(meter.stop())

        async def client_change() -> None:
            client = window.context.client
            await client.run_batches(tin, add=plan.add)
            await client.run_batches(tin, remove=plan.add)

        meter.start()
        started = time.perf_counter()
        run(client_change())
        baseline_seconds.append(time.perf_counter() - started)
        baseline_stalls.append(meter.stop())

    results["window_stall"] = statistics.median(window_stalls)
    results["window_stall_max"] = max(window_stalls)
    results["baseline_stall"] = statistics.median(baseline_stalls)
    results["window_change_seconds"] = statistics.median(window_seconds)
    results["baseline_change_seconds"] = statistics.median(baseline_seconds)

    window.close()
    run(window.tasks.wait_idle())
    run(window.context.client.aclose())
    return results


def render(results: dict[str, Any], args: argparse.Namespace, seed_seconds: float) -> str:
    megabyte = 1024 * 1024
    lines = [
        "# Employee view benchmark",
        "",
        f"- Machine: {os.cpu_count()} CPUs (nproc {len(os.sched_getaffinity(0))}), {cpu_model()}",
        f"- Python {platform.python_version()}, PySide6 {PySide6.__version__}, {platform.system()} {platform.release()}",
        (
            f"- Data: {args.employees} employees seeded in total ({seed_seconds:.0f} s); the benchmarked organization "
            f"{results['tin']} has {results['rows']} employees; medians of {args.repeat} runs"
        ),
        f"- Script: `QT_QPA_PLATFORM=offscreen python benchmarks/employees_view.py --employees {args.employees} --repeat {args.repeat}`",
        "",
        "| measure | MainWindow | bare Qt baseline | ratio |",
        "| --- | ---: | ---: | ---: |",
        (
            f"| time until {results['rows']} employees shown, from window creation (me, privileges, "
            f"paged load over HTTP, sort, paint) | {results['window_end_to_end'] * 1000:.0f} ms | "
            f"{(results['fetch_seconds'] + results['baseline_build']) * 1000:.0f} ms (same pages fetched, then built) | "
            f"{ratio(results['window_end_to_end'], results['fetch_seconds'] + results['baseline_build'])} |"
        ),
        (
            f"| model build, Danish collation sort and paint, pages already fetched | {results['window_build'] * 1000:.0f} ms | "
            f"{results['baseline_build'] * 1000:.0f} ms | {ratio(results['window_build'], results['baseline_build'])} |"
        ),
        (
            f'| filter per keystroke, typing "{TYPED}" (median; max) | {results["window_keystroke"] * 1000:.1f} ms; '
            f"{results['window_keystroke_max'] * 1000:.1f} ms | {results['baseline_keystroke'] * 1000:.1f} ms; "
            f"{results['baseline_keystroke_max'] * 1000:.1f} ms | {ratio(results['window_keystroke'], results['baseline_keystroke'])} |"
        ),
        (
            f"| resident memory added | {results['window_memory'] / megabyte:.0f} MB | {results['baseline_memory'] / megabyte:.0f} MB | "
            f"{ratio(results['window_memory'], results['baseline_memory'])} |"
        ),
        (
            f"| longest event-loop stall, {results['changes']}-assignment change and its undo (median; max) | "
            f"{results['window_stall'] * 1000:.0f} ms; {results['window_stall_max'] * 1000:.0f} ms | "
            f"{results['baseline_stall'] * 1000:.0f} ms (client alone) | {ratio(results['window_stall'], results['baseline_stall'])} |"
        ),
        (
            f"| duration of that change and undo | {results['window_change_seconds']:.2f} s | "
            f"{results['baseline_change_seconds']:.2f} s | {ratio(results['window_change_seconds'], results['baseline_change_seconds'])} |"
        ),
        "",
        (
            f"The baseline's model holds one string per row and sorts by code point; MainWindow's holds the full "
            f"records (five columns) and sorts with QCollator. {results['matches']} employees match the full search text."
        ),
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())

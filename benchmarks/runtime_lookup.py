"""Benchmark of the runtime lookup against a trivial JSON endpoint of the same server.

Run: python benchmarks/runtime_lookup.py [--employees 9992] [--assignments-per-employee 10]
     [--requests 4000] [--concurrency 16] [--rounds 3] [--output benchmarks/runtime_lookup.md]

Seeds a fresh SQLite database with privserver.seed.seed_demo (10,000 identities
and about 100,000 assignments by default), starts privserver's API in a
subprocess with uvicorn on 127.0.0.1 and a free port, and sends a fixed number
of requests per round from this process with httpx over loopback:

- GET /healthz, the trivial JSON endpoint of the same server and process;
- GET .../assignedIdentityPrivileges/mitid_erhverv/{uuid}/runtime with a
  provider's service token (ES256, validated on every request), for identities
  drawn from the seeded employees.

The first lookup round meets identities whose lastSeen is due to be written
(a write transaction each); later rounds look up the same identities within
a minute, which only reads. The report gives requests per second and client-side
p50/p99 latency per round, the medians of the read-only rounds, their ratio to
/healthz, and the machine. The load stops by itself after the fixed count.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
from joserfc import jwt
from joserfc.jwk import ECKey

ROOT = Path(__file__).resolve().parents[1]
ISSUER = "https://issuer.benchmark.invalid/op"
AUDIENCE = "https://netseidbroker.dk/privilegeapi"
PROVIDER_TIN = "DK31000001"
API_CLIENT_ID = "nordlys-api"

SERVER_SCRIPT = """
import json, sys
import uvicorn
from joserfc.jwk import KeySet
from privserver.api.app import create_app
from privserver.auth.tokens import StaticJwks
from privserver.config import Settings

database_url, port, jwks_path, issuer = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
keys = KeySet.import_key_set(json.load(open(jwks_path)))
app = create_app(Settings(database_url=database_url, issuer=issuer), jwks=StaticJwks(lambda: keys))
uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)
"""


@dataclass
class Round:
    label: str
    requests: int
    seconds: float
    latencies: list[float]

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds

    def percentile(self, fraction: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] * 1000


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def machine() -> dict[str, str]:
    model = "unknown"
    with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    import fastapi
    import sqlalchemy
    import uvicorn

    with open("/proc/loadavg", encoding="utf-8") as loadavg:
        load = " ".join(loadavg.read().split()[:3])
    return {
        "load": load,
        "nproc": str(os.cpu_count()),
        "cpu": model,
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "packages": f"fastapi {fastapi.__version__}, uvicorn {uvicorn.__version__}, sqlalchemy {sqlalchemy.__version__}",
    }


def service_token(key: ECKey) -> str:
    now = int(time.time())
    claims = {
        "iss": ISSUER,
        "aud": AUDIENCE,
        "iat": now,
        "nbf": now,
        "exp": now + 3600,
        "sub": API_CLIENT_ID,
        "client_id": API_CLIENT_ID,
        "scope": ["privilege_api"],
        "client_at_type": "service_token",
        "client_org_taxation_number": PROVIDER_TIN,
    }
    return jwt.encode({"alg": "ES256", "typ": "at+jwt", "kid": key.kid}, claims, key)


async def run_round(
    client: httpx.AsyncClient, label: str, paths: list[str], concurrency: int
) -> Round:
    latencies: list[float] = []
    queue = iter(paths)
    failures: list[str] = []

    async def worker() -> None:
        for path in queue:
            started = time.perf_counter()
            response = await client.get(path)
            latencies.append(time.perf_counter() - started)
            if response.status_code != 200:
                failures.append(f"{path}: {response.status_code} {response.text[:200]}")

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    elapsed = time.perf_counter() - started
    if failures:
        raise RuntimeError(f"{len(failures)} requests failed, e.g. {failures[0]}")
    return Round(label, len(paths), elapsed, latencies)


async def measure(
    base_url: str, token: str, identities: list[str], arguments: argparse.Namespace
) -> list[Round]:
    rng = random.Random(7)
    lookups = [
        f"/api/v1/organizations/{PROVIDER_TIN}/assignedIdentityPrivileges/mitid_erhverv/{rng.choice(identities)}/runtime"
        for _ in range(arguments.requests)
    ]
    health = ["/healthz"] * arguments.requests
    limits = httpx.Limits(
        max_connections=arguments.concurrency, max_keepalive_connections=arguments.concurrency
    )
    rounds: list[Round] = []
    async with httpx.AsyncClient(
        base_url=base_url, headers={"Authorization": f"Bearer {token}"}, limits=limits, timeout=60
    ) as client:
        await run_round(client, "warm-up", health[:200], arguments.concurrency)
        for number in range(1, arguments.rounds + 1):
            rounds.append(
                await run_round(client, f"healthz {number}", health, arguments.concurrency)
            )
            rounds.append(
                await run_round(client, f"runtime {number}", lookups, arguments.concurrency)
            )
    return rounds


def wait_listening(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with status {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("the server did not listen within 60 s")


def report(rounds: list[Round], counts: dict[str, int], arguments: argparse.Namespace) -> str:
    health = [item for item in rounds if item.label.startswith("healthz")]
    # Round 1 of the lookups writes lastSeen for most identities; later rounds only read.
    reads = [item for item in rounds if item.label.startswith("runtime")][1:]
    health_rate = statistics.median(item.per_second for item in health)
    lookup_rate = statistics.median(item.per_second for item in reads)
    info = machine()
    lines = [
        "# Runtime lookup benchmark",
        "",
        (
            f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} with `python benchmarks/runtime_lookup.py"
            f" --employees {arguments.employees} --assignments-per-employee {arguments.assignments_per_employee}"
            f" --requests {arguments.requests} --concurrency {arguments.concurrency} --rounds {arguments.rounds}`."
        ),
        "",
        (
            f"Data: SQLite (WAL), {counts['identities']:,} identities, {counts['assignments']:,} assignments, "
            f"{counts['privileges']} privileges. Server: privserver's API alone, one uvicorn process on 127.0.0.1; "
            f"client: httpx in a second process, {arguments.concurrency} concurrent keep-alive connections, "
            f"{arguments.requests:,} requests per round. Every lookup validates an ES256 service token and "
            "checks the caller's role in the database."
        ),
        "",
        (
            f"Machine: {info['nproc']} CPUs ({info['cpu']}), Python {info['python']}, SQLite {info['sqlite']}, "
            f"{info['packages']}. The server and the load generator share these CPUs; "
            f"load average (1, 5, 15 min) at the end of the run: {info['load']}, other work included."
        ),
        "",
        "| round | requests/s | p50 ms | p99 ms |",
        "| --- | ---: | ---: | ---: |",
    ]
    for item in rounds:
        lines.append(
            f"| {item.label} | {item.per_second:,.0f} | {item.percentile(0.5):.1f} | {item.percentile(0.99):.1f} |"
        )
    lines += [
        "",
        "Medians (runtime over the read-only rounds 2 and later, since round 1 also writes lastSeen):",
        "",
        "| endpoint | requests/s | p50 ms | p99 ms |",
        "| --- | ---: | ---: | ---: |",
        (
            f"| /healthz | {health_rate:,.0f} | {statistics.median(item.percentile(0.5) for item in health):.1f} | "
            f"{statistics.median(item.percentile(0.99) for item in health):.1f} |"
        ),
        (
            f"| runtime lookup | {lookup_rate:,.0f} | {statistics.median(item.percentile(0.5) for item in reads):.1f} | "
            f"{statistics.median(item.percentile(0.99) for item in reads):.1f} |"
        ),
        "",
        (
            f"Ratio: a runtime lookup sustains {lookup_rate / health_rate:.2f} times the request rate of /healthz "
            "on the same server in the same run."
        ),
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--employees", type=int, default=9992, help="seeded employees (plus 8 administrators)"
    )
    parser.add_argument(
        "--assignments-per-employee", type=int, default=10, help="average assignments each"
    )
    parser.add_argument(
        "--requests", type=int, default=4000, help="requests per round and endpoint"
    )
    parser.add_argument("--concurrency", type=int, default=16, help="concurrent connections")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per endpoint (at least 2)")
    parser.add_argument("--output", type=Path, default=ROOT / "benchmarks" / "runtime_lookup.md")
    arguments = parser.parse_args()
    arguments.rounds = max(arguments.rounds, 2)

    sys.path.insert(0, str(ROOT))
    from privserver.seed import seed_demo

    with tempfile.TemporaryDirectory(prefix="privserver-bench-") as directory:
        database = Path(directory) / "bench.sqlite"
        database_url = f"sqlite:///{database}"
        print(f"Seeding {arguments.employees} employees ...", file=sys.stderr)
        seed_demo(
            database_url,
            employees=arguments.employees,
            assignments_per_employee=arguments.assignments_per_employee,
        )
        with sqlite3.connect(database) as connection:
            counts = {
                table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("identities", "assignments", "privileges")
            }
            identities = [
                row[0]
                for row in connection.execute(
                    "SELECT idp_identity_id FROM identities WHERE employer_tin != ?",
                    (PROVIDER_TIN,),
                )
            ]

        key = ECKey.generate_key("P-256", parameters={"kid": "benchmark", "use": "sig"})
        jwks_path = Path(directory) / "jwks.json"
        jwks_path.write_text(json.dumps({"keys": [key.as_dict(private=False)]}), encoding="utf-8")
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-c", SERVER_SCRIPT, database_url, str(port), str(jwks_path), ISSUER],
            cwd=ROOT,
        )
        try:
            wait_listening(port, server)
            rounds = asyncio.run(
                measure(f"http://127.0.0.1:{port}", service_token(key), identities, arguments)
            )
        finally:
            server.terminate()
            server.wait(timeout=30)

    text = report(rounds, counts, arguments)
    arguments.output.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

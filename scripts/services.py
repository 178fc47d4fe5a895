"""Start throwaway PostgreSQL, Redis and osmem-server processes on free loopback ports.

Used by ``make test`` (``scripts/test.py``, throwaway) and ``make run`` (``scripts/run_local.py``,
data kept under ``var/``). Each ``start_*`` returns a handle with the URL to give Django and a
``stop()``; everything binds to 127.0.0.1 on a free port (or the port a previous run used, when it is
still free), so another PostgreSQL on 5432 or a second run never collides.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port(preferred: int | None = None) -> int:
    """``preferred`` when nothing listens there (so URLs stay stable between runs), else any free port."""
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", preferred or 0))
        except OSError:
            sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port} after {timeout} s")


@dataclass
class Service:
    name: str
    url: str
    stop: Callable[[], None]


def _as_postgres(cmd: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: drop to the ``postgres`` user when we are root."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


def _pg_bin(name: str) -> str:
    found = shutil.which(name) or next(
        iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None
    )
    if not found:
        raise RuntimeError(f"PostgreSQL's {name} not found: install the 'postgresql' package")
    return found


def start_postgres(data_dir: Path, port: int | None = None, database: str = "souk") -> Service:
    """A cluster in ``data_dir`` (kept between runs), with ``database`` created when missing."""
    data_dir.mkdir(parents=True, exist_ok=True)
    socket_dir = data_dir.parent / "pg-socket"
    socket_dir.mkdir(exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(data_dir, "postgres", "postgres")
        shutil.chown(socket_dir, "postgres", "postgres")
        shutil.chown(data_dir.parent, "postgres", "postgres")
    if not (data_dir / "PG_VERSION").exists():
        subprocess.run(
            _as_postgres(
                [
                    _pg_bin("initdb"),
                    "-D",
                    str(data_dir),
                    "-A",
                    "trust",
                    "-E",
                    "UTF8",
                    "--locale=C.UTF-8",
                    "-U",
                    "postgres",
                ]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
    port = free_port(port)
    options = (
        f"-p {port} -k {socket_dir} -c listen_addresses=127.0.0.1 -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
    )
    subprocess.run(
        _as_postgres(
            [
                _pg_bin("pg_ctl"),
                "-D",
                str(data_dir),
                "-w",
                "-l",
                str(data_dir.parent / "postgres.log"),
                "-o",
                options,
                "start",
            ]
        ),
        check=True,
        stdout=subprocess.DEVNULL,
    )

    def stop() -> None:
        subprocess.run(
            _as_postgres([_pg_bin("pg_ctl"), "-D", str(data_dir), "-m", "fast", "-w", "stop"]),
            check=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    _create_database(port, database)
    return Service("postgresql", f"postgres://postgres@127.0.0.1:{port}/{database}", stop)


def _create_database(port: int, name: str) -> None:
    """Django creates test databases itself, but ``make run`` needs its own one to exist."""
    create_if_missing = (
        "SELECT format('CREATE DATABASE %I', :'name') "
        "WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'name')\\gexec\n"
    )
    subprocess.run(
        [_pg_bin("psql"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-d", "postgres", "-q"]
        + ["-v", f"name={name}", "-v", "ON_ERROR_STOP=1"],
        input=create_if_missing,
        text=True,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def start_redis(data_dir: Path | None = None, port: int | None = None) -> Service:
    """Throwaway without ``data_dir``; with it, snapshots there every minute and on shutdown."""
    server = shutil.which("redis-server")
    if not server:
        raise RuntimeError("redis-server not found: install the 'redis-server' package")
    port = free_port(port)
    persistence = ["--save", "", "--appendonly", "no"]
    if data_dir:
        data_dir.mkdir(parents=True, exist_ok=True)
        persistence = ["--dir", str(data_dir), "--save", "60 1", "--appendonly", "no"]
    process = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", *persistence],
        stdout=subprocess.DEVNULL,
    )
    wait_for_port(port)

    def stop() -> None:
        process.terminate()
        process.wait(timeout=10)

    return Service("redis", f"redis://127.0.0.1:{port}/0", stop)


def start_search(port: int | None = None) -> Service:
    """osmem-server, an in-memory OpenSearch-compatible server; it exits with this process."""
    from osmem_server import OsmemServer

    server = OsmemServer.start(japanese=False, addr=f"127.0.0.1:{port or 0}")
    return Service("osmem-server", server.url, server.close)


CLAMAV_TEST_DATABASE = ROOT / "scripts" / "clamav"


def start_clamd(work_dir: Path, port: int | None = None) -> Service:
    """clamd on loopback with the project's own test signatures (scripts/clamav/*.ndb), never the
    official database (freshclam cannot reach its mirror here; clamd refuses an empty database).
    Files carrying the test string are reported as ``Souk.Test.Malware-1``, alone or inside archives."""
    server = shutil.which("clamd") or ("/usr/sbin/clamd" if Path("/usr/sbin/clamd").exists() else None)
    if not server:
        raise RuntimeError("clamd not found: install the 'clamav-daemon' package")
    port = free_port(port)
    work_dir.mkdir(parents=True, exist_ok=True)
    for signatures in CLAMAV_TEST_DATABASE.glob("*.ndb"):
        shutil.copy(signatures, work_dir / signatures.name)
    config = work_dir / "clamd.conf"
    config.write_text(
        f"DatabaseDirectory {work_dir}\nTCPSocket {port}\nTCPAddr 127.0.0.1\nForeground yes\n"
        f"LogFile {work_dir / 'clamd.log'}\nStreamMaxLength 600M\nMaxScanSize 600M\nMaxFileSize 600M\n"
    )
    process = subprocess.Popen(
        [server, "-c", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    wait_for_port(port, timeout=60)

    def stop() -> None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:  # a loaded machine: clamd unloads its engine slowly
            process.kill()
            process.wait(timeout=10)

    return Service("clamd", f"tcp://127.0.0.1:{port}", stop)


def start_turn(secret: str, port: int | None = None, log_dir: Path | None = None) -> Service:
    """Debian's coturn on loopback for the call tests: TURN REST credentials (``use-auth-secret``,
    HMACs of ``secret``), relays on 127.0.0.1, and loopback peers allowed — tests only, never in
    production (deploy/coturn/turnserver.conf is the production configuration). Started only by the
    tests that need it; its URL is ``turn:127.0.0.1:<port>``."""
    server = shutil.which("turnserver")
    if not server:
        raise RuntimeError("turnserver not found: install the 'coturn' package")
    port = free_port(port)
    log_dir = log_dir or Path(tempfile.gettempdir())
    process = subprocess.Popen(
        [server, "-n", "--listening-ip=127.0.0.1", "--relay-ip=127.0.0.1", f"--listening-port={port}"]
        + ["--use-auth-secret", f"--static-auth-secret={secret}", "--realm=souk.test"]
        + ["--allow-loopback-peers", "--no-cli", "--no-tls", "--no-dtls", "--fingerprint"]
        + ["--min-port=40000", "--max-port=40999", f"--pidfile={log_dir / f'turnserver-{port}.pid'}"]
        + ["--log-file=stdout", "--simple-log"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_for_port(port)

    def stop() -> None:
        process.terminate()
        process.wait(timeout=10)

    return Service("coturn", f"turn:127.0.0.1:{port}", stop)


class Server:
    """A site over ASGI (uvicorn, ``config.asgi:application`` unless told another) on a free loopback
    port: the benchmarks' and the browser tests' server (``make run`` serves with one worker and its
    access log instead). Django has no ASGI lifespan, so uvicorn is told not to ask."""

    def __init__(self, env: dict, workers: int = 2, app: str = "config.asgi:application"):
        self.port = free_port()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", app, "--host", "127.0.0.1"]
            + ["--port", str(self.port), "--workers", str(workers), "--lifespan", "off"]
            + ["--no-access-log", "--log-level", "warning"],
            env=env,
            cwd=ROOT,
        )
        wait_for_port(self.port, timeout=90)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()

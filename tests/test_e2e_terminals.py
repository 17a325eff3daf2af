"""The real `smplan` in real terminals: tmux at two sizes and four terminal setups, and ssh.

Each test opens a plan, goes to the Plan step, types into a field, saves with
ctrl+s, quits and reads the file back with ``tomllib``. The ssh tests start their
own sshd on 127.0.0.1 (keys, config and pid file in a temporary folder) and run
smplan through ``ssh -tt`` inside tmux; the last one cuts the connection with an
edit unsaved and looks for the recovery copy next to the plan.
"""

from __future__ import annotations

import getpass
import os
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import SAMPLES
from tests.terminal import AFTER_ESCAPE, ScreenTimeout, TmuxSession, app_env, needs_tmux

SSHD = Path("/usr/sbin/sshd")
pytestmark = [needs_tmux, pytest.mark.e2e]


def recovery_copies(plan: Path) -> list[Path]:
    """Where sessions keep unsaved edits: ``.plan.toml.<host>.<pid>.recovery`` (docs/recovery.md)."""
    return sorted(plan.parent.glob(f".{plan.name}.*.recovery"))


def new_plan(folder: Path) -> Path:
    plan = folder / "plan.toml"
    shutil.copy(SAMPLES / "minimal.toml", plan)
    return plan


def edit_organization(session: TmuxSession, value: str) -> None:
    """Go to the Plan step and type ``value`` into Organization (the field after Title)."""
    session.wait_for("Step 1", what="the app's first screen")
    session.send("0")
    session.wait_for("Organization", what="the Plan step")
    session.tab_to("▕ Organization")
    for _ in range(3):
        session.type(value)
        try:
            session.wait_for(lambda s: any(value in line for line in s.splitlines()), 6)
            break
        except ScreenTimeout:
            # A picker shows no cursor, so the terminal's stays on the field before
            # it: Tab may have gone one field too far. Close a menu the keys opened
            # and step back.
            session.send("Escape")
            time.sleep(AFTER_ESCAPE)
            session.send("BTab")
            time.sleep(0.5)
    session.wait_for(value, what="the typed text")
    session.wait_for("unsaved", what="the unsaved marker")


def save_and_quit(session: TmuxSession, plan: Path) -> None:
    session.send("C-s")
    session.wait_for(f"Saved {plan.name}", what="the save notice")
    session.send("C-q")
    session.wait_dead()


@dataclass(frozen=True)
class Terminal:
    width: int
    height: int
    term: str
    no_color: bool = False


TERMINALS = [
    Terminal(80, 24, "xterm-256color"),
    Terminal(200, 50, "xterm-256color"),
    Terminal(80, 24, "xterm"),
    Terminal(80, 24, "linux"),
    Terminal(80, 24, "xterm-256color", no_color=True),
]


@pytest.mark.parametrize(
    "terminal",
    TERMINALS,
    ids=[f"{t.width}x{t.height}-{t.term}{'-NO_COLOR' if t.no_color else ''}" for t in TERMINALS],
)
def test_edit_save_quit_in_a_real_terminal(
    tmp_path: Path, tmux_sessions: list[TmuxSession], terminal: Terminal
) -> None:
    plan = new_plan(tmp_path)
    extra = {"NO_COLOR": "1"} if terminal.no_color else {}
    session = TmuxSession(
        [sys.executable, "-m", "smplan", str(plan)],
        width=terminal.width,
        height=terminal.height,
        env=app_env(tmp_path, terminal.term, **extra),
    )
    tmux_sessions.append(session)
    value = f"Bakery {terminal.term} {terminal.width}"
    edit_organization(session, value)
    save_and_quit(session, plan)
    saved = tomllib.loads(plan.read_text())
    assert saved["plan"]["organization"] == value
    assert saved["plan"]["title"] == "Corner Bakery: first social media plan"
    assert len(saved["goals"]) == 2


def test_escapes_in_a_plan_do_not_reach_the_terminal(
    tmp_path: Path, tmux_sessions: list[TmuxSession]
) -> None:
    plan = new_plan(tmp_path)
    text = plan.read_text().replace(
        'title = "Corner Bakery: first social media plan"',
        'title = "Bakery\\u001b]2;HIJACKED\\u0007 \\u001b[2Jplan"',
    )
    plan.write_text(text)
    session = TmuxSession(
        [sys.executable, "-m", "smplan", str(plan)], env=app_env(tmp_path, "xterm-256color")
    )
    tmux_sessions.append(session)
    session.wait_for("Step 1")
    # The sequence would set the terminal's title and clear the screen: both stay visible text.
    screen = session.wait_for("Bakery␛]2;HIJACKED␇ ␛[2Jplan", what="the title, as symbols")
    assert "Step 1" in screen
    assert "HIJACKED" not in session.title()
    session.send("C-q")
    session.wait_dead()
    assert plan.read_text() == text


# -- over ssh ------------------------------------------------------------------


@dataclass(frozen=True)
class SshServer:
    port: int
    user: str
    key: Path
    folder: Path

    def command(self, remote: str) -> list[str]:
        return [
            shutil.which("ssh") or "ssh", "-tt", "-F", os.devnull,
            "-i", str(self.key), "-p", str(self.port),
            "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes",
            "-o", "StrictHostKeyChecking=no",
            "-o", f"UserKnownHostsFile={self.folder / 'known_hosts'}",
            "-o", "LogLevel=ERROR",
            f"{self.user}@127.0.0.1", remote,
        ]  # fmt: skip


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _privsep_dir() -> str | None:
    """sshd refuses to start without /run/sshd; make it when we may, else say why not."""
    run = Path("/run/sshd")
    if run.is_dir():
        return None
    if os.geteuid() == 0:
        run.mkdir(mode=0o755, parents=True, exist_ok=True)
        return None
    return "/run/sshd is missing and this user cannot create it (run `sudo mkdir -p /run/sshd`)"


@pytest.fixture(scope="module")
def sshd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SshServer]:
    if not SSHD.exists() or shutil.which("ssh") is None or shutil.which("ssh-keygen") is None:
        message = "sshd/ssh/ssh-keygen NOT installed: the ssh end-to-end tests are SKIPPED"
        print(message, file=sys.stderr)
        pytest.skip(message)
    problem = _privsep_dir()
    if problem:
        print(problem, file=sys.stderr)
        pytest.skip(problem)
    folder = tmp_path_factory.mktemp("sshd")
    folder.chmod(0o700)
    for name in ("host_key", "user_key"):
        subprocess.run(
            ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(folder / name)],
            check=True,
            capture_output=True,
        )
    shutil.copy(folder / "user_key.pub", folder / "authorized_keys")
    port = _free_port()
    config = folder / "sshd_config"
    config.write_text(
        f"Port {port}\nListenAddress 127.0.0.1\nHostKey {folder / 'host_key'}\n"
        f"AuthorizedKeysFile {folder / 'authorized_keys'}\nPidFile {folder / 'sshd.pid'}\n"
        "StrictModes no\nUsePAM no\nPasswordAuthentication no\nPubkeyAuthentication yes\n"
        "KbdInteractiveAuthentication no\nPermitRootLogin prohibit-password\n"
        "PrintMotd no\nPrintLastLog no\nLogLevel ERROR\n"
    )
    log = (folder / "sshd.log").open("w")
    server = subprocess.Popen(
        [str(SSHD), "-D", "-f", str(config), "-e"], stderr=log, stdout=log, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            if server.poll() is not None:
                pytest.fail(f"sshd exited: {(folder / 'sshd.log').read_text()}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"sshd did not listen: {(folder / 'sshd.log').read_text()}")
                time.sleep(0.05)
        yield SshServer(port, getpass.getuser(), folder / "user_key", folder)
    finally:
        server.terminate()
        try:
            server.wait(timeout=5)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def _remote(plan: Path, home: Path, pid_file: Path) -> str:
    """The command the remote shell runs: note its pid, then become smplan."""
    env = app_env(home, "xterm-256color")
    assignments = " ".join(shlex.quote(f"{k}={v}") for k, v in env.items())
    python = shlex.quote(sys.executable)  # absolute: the remote PATH may find another python
    return (
        f"echo $$ > {shlex.quote(str(pid_file))}; "
        f"exec env -i {assignments} {python} -m smplan {shlex.quote(str(plan))}"
    )


@pytest.fixture
def remote_pids() -> Iterator[list[Path]]:
    """Pid files of remote smplan processes; any still running at the end are stopped."""
    files: list[Path] = []
    yield files
    for pid_file in files:
        try:
            pid = int(pid_file.read_text())
            os.kill(pid, signal.SIGKILL)
        except (OSError, ValueError):
            pass


def test_edit_save_quit_over_ssh(
    tmp_path: Path, sshd: SshServer, tmux_sessions: list[TmuxSession], remote_pids: list[Path]
) -> None:
    plan = new_plan(tmp_path)
    pid_file = tmp_path / "remote.pid"
    remote_pids.append(pid_file)
    session = TmuxSession(
        sshd.command(_remote(plan, tmp_path, pid_file)),
        env=app_env(tmp_path, "xterm-256color"),
    )
    tmux_sessions.append(session)
    edit_organization(session, "Bakery over ssh")
    save_and_quit(session, plan)
    assert tomllib.loads(plan.read_text())["plan"]["organization"] == "Bakery over ssh"


def test_a_dropped_ssh_connection_leaves_a_recovery_copy(
    tmp_path: Path, sshd: SshServer, tmux_sessions: list[TmuxSession], remote_pids: list[Path]
) -> None:
    plan = new_plan(tmp_path)
    before = plan.read_text()
    pid_file = tmp_path / "remote.pid"
    remote_pids.append(pid_file)
    session = TmuxSession(
        sshd.command(_remote(plan, tmp_path, pid_file)),
        env=app_env(tmp_path, "xterm-256color"),
    )
    tmux_sessions.append(session)
    edit_organization(session, "Unsaved over ssh")
    # Cut the connection as a closed laptop lid would: the ssh client dies at once.
    os.kill(session.pane_pid(), signal.SIGKILL)
    session.wait_dead()
    deadline = time.monotonic() + 5
    while not recovery_copies(plan) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert plan.read_text() == before, "the plan itself must not change without a save"
    copies = recovery_copies(plan)
    assert len(copies) == 1, f"no recovery copy beside {plan}"
    assert tomllib.loads(copies[0].read_text())["plan"]["organization"] == "Unsaved over ssh"

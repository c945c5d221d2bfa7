"""Every ``integrity-flows`` shell command of README.md and docs/*.md runs on the demo
database (``integrity-flows demo --all``): exit 0 (or the status its doc promises) and
never a traceback.

The commands run in the documents' order (a plain one in this process through ``main``,
one that needs the shell through ``bash``) in one folder that
holds the demo database as ``cases.db`` and its key as ``cases.key``, so that a command
may use a file an earlier one made (a checkpoint, a tracking code). Placeholders are
filled from what came before: ``CASE_ID`` is the case the last command started or
filed, ``ROUND_ID`` a salary-step round of the demo. The few commands left out, and
why, are in :data:`EXCLUDED`.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shlex
import subprocess
import sys
import traceback
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

from integrity_flows import Engine
from integrity_flows.cli import main
from integrity_flows.cli.keys import read_key_file

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
SHELL_FENCES = frozenset({"```bash", "```sh", "```shell", "```console"})

#: Commands not run, each with its reason (matched as a substring of the command).
EXCLUDED = {
    # The demo made the database's key (cases.key); a key file is never overwritten, and
    # a new key would not open the demo's sealed data.
    "key new -o cases.key": "the demo database comes with its key, cases.key",
    # The command that made the database the others run on (the fixture runs it).
    "demo --all --db cases.db": "makes the demo database itself (the fixture)",
    # Server setup: needs a PostgreSQL server.
    'db migrate --db "postgresql://': "needs a PostgreSQL server (docs/deployment.md)",
    # A directory of the reader's own people and posts, which the doc only describes.
    "--directory people.yaml": "needs the reader's own directory file",
}
#: Commands whose documents promise another exit status than 0.
EXPECTED_STATUS = {
    "plan check  ": 1,  # the Lampang plan's own inconsistencies (docs/plan.md)
    "plan check --format json": 1,
}
#: Files a document assumes the reader has, made before the commands run.
COMPLAINT = {"complainant_name": "นางสาวมาลี ใจดี", "details": "ขอให้ตรวจสอบการจัดซื้อ"}


@attrs.frozen
class Command:
    """A shell command of a document: where it is written and its text."""

    where: str
    text: str


def shell_commands(path: Path) -> list[Command]:
    """The ``integrity-flows`` commands of the shell blocks of ``path``, continuation lines
    joined, with the body of a here-document that follows one."""
    found: list[Command] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    in_shell, buffer, start, heredoc = False, "", 0, None
    for number, line in enumerate(lines, start=1):
        if line.startswith("```"):
            in_shell = not in_shell and line.strip() in SHELL_FENCES
            continue
        if not in_shell:
            continue
        if heredoc is not None:
            buffer += "\n" + line
            if line.strip() == heredoc:
                found.append(Command(f"{path.name}:{start}", buffer))
                buffer, heredoc = "", None
            continue
        text = line.strip()
        if not buffer:
            if not text.startswith("integrity-flows "):
                continue
            start = number
        buffer = f"{buffer} {text}".strip() if buffer else text
        if buffer.endswith("\\"):
            buffer = buffer[:-1].rstrip() + " "
            continue
        marker = re.search(r"<<'?(\w+)'?", buffer)
        if marker:
            heredoc = marker.group(1)
            continue
        found.append(Command(f"{path.name}:{start}", buffer))
        buffer = ""
    return found


def test_the_documents_have_commands() -> None:
    """The extraction finds the README's commands, continuation lines joined."""
    readme = shell_commands(ROOT / "README.md")
    texts = [c.text for c in readme]
    assert any(t.startswith("integrity-flows case start asset_lending") for t in texts)
    assert all("\\\n" not in t for t in texts)
    assert len(readme) > 20


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the demo database of every procedure, as cases.db."""
    folder = tmp_path_factory.mktemp("doc-commands")
    results = folder / "build" / "cucumber.json"  # docs build --results reads it
    status = main(["demo", "--all", "--db", str(folder / "cases.db"), "--results", str(results)])
    assert status == 0
    (folder / "complaint.json").write_text(json.dumps(COMPLAINT, ensure_ascii=False), "utf-8")
    for sub in ("secure", "checkpoints"):
        (folder / sub).mkdir()
    (folder / "examples").symlink_to(ROOT / "examples")  # the docs run from a clone's root
    return folder


def _round_id(folder: Path) -> str:
    key = read_key_file(folder / "cases.key")
    with Engine.open(f"sqlite:///{folder / 'cases.db'}", key=key, read_only=True) as engine:
        rounds = engine.cases("salary_step_round")
    assert rounds, "the demo has a salary-step round"
    return rounds[0].id


def _prepared(command: Command, last_case: str | None, round_id: str) -> str:
    text = command.text.replace("/secure/", "secure/").replace("ROUND_ID", round_id)
    if "CASE_ID" in text:
        assert last_case, f"{command.where}: CASE_ID before any case was started"
        text = text.replace("CASE_ID", last_case)
    return text


def _environment(folder: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
        INTEGRITY_FLOWS_KEY_FILE=str(folder / "cases.key"),
        INTEGRITY_FLOWS_TRUST_ACTORS="1",
        COLUMNS="80",
    )
    env.pop("INTEGRITY_FLOWS_DB", None)
    return env


def _expected(text: str) -> int:
    padded = text + "  "
    return next((status for part, status in EXPECTED_STATUS.items() if part in padded), 0)


@attrs.frozen
class Done:
    """How a command ended: its exit status and what it printed."""

    status: int
    out: str
    err: str


_SHELL = ("&&", "|", "<<", "$", "`", ";")


def _in_process(text: str) -> Done | None:
    """Run a plain command (arguments, ``> FILE``, ``< FILE``, a comment) through
    ``main`` in this process, as the shell would; None when it needs the shell."""
    if any(mark in text for mark in _SHELL):
        return None
    words = shlex.split(text, comments=True)
    argv, stdout_to, stdin_from = [], None, None
    pairs = iter(words[1:])
    for word in pairs:
        if word == ">":
            stdout_to = next(pairs)
        elif word == "<":
            stdin_from = next(pairs)
        else:
            argv.append(word)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.ExitStack() as stack:
        if stdin_from:
            stack.enter_context(_stdin(Path(stdin_from)))
        stack.enter_context(contextlib.redirect_stdout(out))
        stack.enter_context(contextlib.redirect_stderr(err))
        try:
            status = main(argv)
        except Exception:  # a traceback a user would see
            err.write(traceback.format_exc())
            status = -1
    if stdout_to:
        Path(stdout_to).write_text(out.getvalue(), encoding="utf-8", newline="")
    return Done(status, out.getvalue(), err.getvalue())


@contextlib.contextmanager
def _stdin(path: Path) -> Iterator[None]:
    saved = sys.stdin
    with path.open(encoding="utf-8") as handle:
        sys.stdin = handle
        try:
            yield
        finally:
            sys.stdin = saved


def _run(text: str, folder: Path, env: dict[str, str]) -> Done:
    """The command run in-process when plain, else through bash."""
    done = _in_process(text)
    if done is not None:
        return done
    ran = subprocess.run(
        ["bash", "-c", text], cwd=folder, env=env, capture_output=True,
        stdin=subprocess.DEVNULL, text=True, timeout=300, check=False,
    )  # fmt: skip
    return Done(ran.returncode, ran.stdout, ran.stderr)


def test_every_documented_command_runs_on_the_demo_database(
    demo_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each command of README.md and docs/*.md exits as its document says, no traceback."""
    round_id = _round_id(demo_folder)
    env = _environment(demo_folder)
    for name in ("INTEGRITY_FLOWS_KEY_FILE", "INTEGRITY_FLOWS_TRUST_ACTORS", "COLUMNS"):
        monkeypatch.setenv(name, env[name])
    monkeypatch.delenv("INTEGRITY_FLOWS_DB", raising=False)
    monkeypatch.chdir(demo_folder)
    last_case: str | None = None
    failures = []
    ran = 0
    for document in DOCUMENTS:
        for command in shell_commands(document):
            if any(part in command.text for part in EXCLUDED):
                continue
            if "2024-09-30.txt" in command.text:  # the later checkpoint the doc keeps
                _run(
                    "integrity-flows audit checkpoint --db cases.db --signing-key "
                    "secure/audit-office.key -o checkpoints/2024-09-30.txt", demo_folder, env,
                )  # fmt: skip
            text = _prepared(command, last_case, round_id)
            done = _run(text, demo_folder, env)
            ran += 1
            if done.status != _expected(text) or "Traceback" in done.err + done.out:
                failures.append(f"{command.where}: {text}\n  exit {done.status}\n"
                                f"  {done.err.strip()[-600:]}")  # fmt: skip
            started = re.search(r"^เรื่อง / case: (\S+)", done.out, re.MULTILINE)
            if started and ("case start" in text or "complaint file" in text):
                last_case = started.group(1)
            found = re.search(r"tracking code: (\S+)", done.out)
            if found:
                (demo_folder / "code.txt").write_text(found.group(1) + "\n", "utf-8")
    assert ran > 60
    assert not failures, "\n".join(failures)

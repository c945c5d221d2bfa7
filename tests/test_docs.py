"""Documentation examples run as written."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from integrity_flows.cli import main
from integrity_flows.stores import open_store

DOCS = Path(__file__).resolve().parents[1] / "docs"


def python_blocks(page: str) -> list[str]:
    """The ```python blocks of a docs page, in order."""
    return re.findall(r"```python\n(.*?)```", (DOCS / page).read_text(encoding="utf-8"), re.S)


def test_concepts_examples_run() -> None:
    """Every Python example of docs/concepts.md runs, in order, in one namespace."""
    namespace: dict[str, object] = {}
    for index, block in enumerate(python_blocks("concepts.md")):
        exec(compile(block, f"concepts.md[{index}]", "exec"), namespace)  # our own docs


def test_hand_verification_script_matches_verify(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The by-hand checker of docs/audit-trail.md accepts an export and finds verify's digest."""
    script = next(b for b in python_blocks("audit-trail.md") if "import hashlib" in b)
    (tmp_path / "check.py").write_text(script, encoding="utf-8")
    db = tmp_path / "demo.db"
    assert main(["demo", "--db", str(db)]) == 0
    assert main(["audit", "export", "--db", str(db), "--output", str(tmp_path / "t.jsonl")]) == 0
    capsys.readouterr()
    done = subprocess.run(
        [sys.executable, str(tmp_path / "check.py"), str(tmp_path / "t.jsonl")],
        capture_output=True,
        text=True,
        check=True,
    )
    store = open_store(f"sqlite:///{db}")
    from integrity_flows.audit import verify

    report = verify(store.iter_events(), store.iter_cases())
    store.close()
    assert f"digest {report.digest}" in done.stdout


def test_complaints_examples_run() -> None:
    """The Python examples of docs/complaints.md run, in order, in one namespace."""
    namespace: dict[str, object] = {}
    for index, block in enumerate(python_blocks("complaints.md")):
        exec(compile(block, f"complaints.md[{index}]", "exec"), namespace)  # our own docs


def test_records_example_runs(tmp_path: Path) -> None:
    """The records example of docs/flow-definitions.md loads and its Python block runs."""
    page = (DOCS / "flow-definitions.md").read_text(encoding="utf-8")
    flow = re.search(r"<!-- records-example -->\n```yaml\n(.*?)```", page, re.S)
    assert flow is not None
    (tmp_path / "hearing.yaml").write_text(flow.group(1), encoding="utf-8")
    after = page[flow.end() :]
    block = re.search(r"```python\n(.*?)```", after, re.S)
    assert block is not None
    namespace: dict[str, object] = {"flows_folder": tmp_path}
    exec(compile(block.group(1), "flow-definitions.md[records]", "exec"), namespace)  # our own docs


def _bash_commands(block: str) -> list[list[str]]:
    """The integrity-flows commands of a ```bash block, continuations joined."""
    import shlex

    joined = block.replace("\\\n", " ")
    commands = []
    for line in joined.splitlines():
        words = shlex.split(line, comments=True)
        if words and words[0] == "integrity-flows":
            commands.append(words[1:])
    return commands


def test_plan_docs_tambon_commands_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The tambon walk-through of docs/plan.md runs as written, on data its own commands
    create, and the monitoring report shows what they did."""
    page = (DOCS / "plan.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```bash\n(.*?)```", page, re.S) if "tambon.db" in b)
    monkeypatch.chdir(DOCS.parent)
    for words in _bash_commands(block):
        args = [str(tmp_path / w) if w in ("tambon.db", "monitor.html") else w for w in words]
        assert main(args) == 0, words
    out = capsys.readouterr().out
    assert "รายงานการติดตามผลการดำเนินการตามแผนปฏิบัติการป้องกันการทุจริต รอบ ๖ เดือน" in out
    assert "ขั้นตอนที่ดำเนินการ 4/4 (5.1, 5.2, 5.3, 5.4)" in out
    assert "ตามแผน 20,000, อนุมัติ 20,000, ก่อหนี้ผูกพัน 0, เบิกจ่าย 18,500.50" in out
    assert (tmp_path / "monitor.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_proof_checker_of_the_docs_accepts_a_proof_and_refuses_a_forged_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The standard-library proof checker of docs/audit-trail.md, run exactly as written,
    accepts the proof ``audit prove`` prints against a signed checkpoint, and fails on a
    proof with a changed step or a changed event."""
    script = next(b for b in python_blocks("audit-trail.md") if "import base64" in b)
    (tmp_path / "check_proof.py").write_text(script, encoding="utf-8")
    db = str(tmp_path / "demo.db")
    key, cp, proof = (str(tmp_path / name) for name in ("s.key", "cp.txt", "proof.json"))
    assert main(["demo", "--db", db]) == 0
    assert main(["key", "new", "--for", "signing", "--name", "auditor", "-o", key]) == 0
    assert main(["audit", "checkpoint", "--db", db, "--signing-key", key, "-o", cp]) == 0
    store = open_store(f"sqlite:///{db}")
    case_id = next(iter(store.iter_cases())).id
    store.close()
    capsys.readouterr()
    assert main(["audit", "prove", case_id, "2", "--db", db, "--checkpoint", cp]) == 0
    printed = capsys.readouterr().out
    Path(proof).write_text(printed, encoding="utf-8")

    def check() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, str(tmp_path / "check_proof.py"), proof, cp],
            capture_output=True,
            text=True,
            check=False,
        )

    done = check()
    assert done.returncode == 0, done.stderr
    assert f"{case_id} #2 is event" in done.stdout
    data = json.loads(printed)
    data["proof"][0] = data["proof"][-1] if len(data["proof"]) > 1 else data["root"]
    Path(proof).write_text(json.dumps(data), encoding="utf-8")
    assert "not in the signed tree" in check().stderr
    data = json.loads(printed)
    data["event"]["actor"] = "someone else"
    Path(proof).write_text(json.dumps(data), encoding="utf-8")
    assert "does not match its hash" in check().stderr

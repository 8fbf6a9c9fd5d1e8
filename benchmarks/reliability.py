"""Issue #16's reproductions, each run again as the user runs it, one table row per case.

Issue #16 ("Never lose a file, never hang, never lie about which article is which") asks
for a closing table of every case with its result and time. This script builds each
reproduction in a temporary folder, runs the real command in a subprocess
(`python -m sidebyside ...`; the TUI in tmux), checks what the issue asks of it, and
prints one Markdown row per case, as soon as the case is done:

    python benchmarks/reliability.py [--quick]

Columns: the case, the verdict (`ok`, `FAIL`, `skip`, `ERROR` when the script itself
broke), the exit status (a signal's name when the command was killed by one), the wall
time, the peak resident set, and the one-line result (stderr's first line without the
"sidebyside: " prefix, or what was seen). The time is the command's whole run unless the
result says otherwise (after a signal or a key: from the signal or key to the end of the
process). The peak resident set is GNU time's `%M` (`/usr/bin/time`): the largest single
process of the command's tree (the command or one of its pool workers), not their sum.
Commands that get a signal run without it ("-"); for the TUI it is the app's VmHWM when
the key is sent.

A timing case passes when its run is at least 4 times faster than the issue measured
(the old passes grew quadratically, the fixed ones linearly: noise cannot fail a fixed
case, nor hide a return of the old behaviour), or, where the issue gave no figure, within
the budget its result names.

Times are noisy: the machine this was written on has 2 cores shared with other
engineers' test runs, so the load average is printed with the table, at the start and at
the end. `--quick` skips the cases that take more than about 10 s (2,000-article overlap
matrices, a 5 MB article, the TUI on 2,000 articles).

Needs Linux (/proc, /dev/full), and tmux for the TUI cases. Run as root, the
unwritable-folder case drops root's right to ignore file modes (CAP_DAC_OVERRIDE, through
prctl) for that one command, so chmod 0555 binds; the /dev/null case is the real
/dev/null, which a careless --force as root would replace. Standard library only: the
app is only ever run, never imported.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import json
import os
import random
import re
import shlex
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent / "seeds"
REUTERS = "000_141c9d3bbb55366e.txt"
AFP = "003_4d220cef3e03f249.txt"
#: Measures a command's peak memory (GNU time); without it the column shows "-".
TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None
ENV = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "100", "PYTHONHASHSEED": "0"}
#: A byte that would drive a terminal: C0 controls but tab and newline, DEL, C1 as UTF-8.
CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]")
#: The first line of every report the app writes (its mark, so it is never read back).
REPORT_MARK = "<!-- sidebyside report -->"
ARABIC_NAME = "محمد الأمين"
ARABIC_ARTICLE = f"""Militia leader vows to fight on

TRIPOLI (Reuters) - Fighting continued on the outskirts of the capital on Sunday.

“We will not stop,” said {ARABIC_NAME}. The commander spoke to reporters in the city centre.

Residents said the shelling had lasted all night, and José Núñez of the Red Crescent − an aid group − agreed.
"""
SIDECAR_ARTICLE = (
    "Strike halts trains across the north\n"
    "LONDON (Reuters) - Rail workers walked out on Tuesday in the biggest strike in three decades.\n"
    "The union said 40,000 members had joined the action, which is set to last 48 hours.\n"
)


# --- running the command ------------------------------------------------------------------


@dataclass(frozen=True)
class Ran:
    """A finished command: status (None: killed at the time limit), output, time, memory."""

    status: int | None
    out: bytes
    err: bytes
    seconds: float
    rss_mb: float | None  # None: not measured
    ended: float  # time.perf_counter() when it was reaped
    left: tuple[int, ...]  # processes of its session still running after it ended

    @property
    def line(self) -> str:
        """stderr's first line (what the user reads) without "sidebyside: ", or "" when none."""
        first = next((text for text in self.err.decode("utf-8", "replace").splitlines() if text.strip()), "")
        return first.removeprefix("sidebyside: ")

    @property
    def shown_status(self) -> str:
        return show_status(self.status)


def show_status(status: int | None) -> str:
    if status is None:
        return "timeout"
    if status < 0:
        with contextlib.suppress(ValueError):
            return signal.Signals(-status).name
    return str(status)


class Child:
    """`python -m sidebyside ARGS`, started now in a session of its own (so its pool workers
    can be found and signalled together).

    With `measure`, it runs under `/usr/bin/time -f %M`, which reports the peak resident
    set of the command's tree. (os.wait4 from here would not do: a forked child inherits
    this script's own peak as its floor, since Linux keeps the high-water mark across exec.)
    Commands that receive a signal run bare, so the signal reaches the command itself.
    """

    def __init__(
        self,
        args: Sequence[str],
        cwd: Path,
        *,
        env: dict[str, str] | None = None,
        stdout: int | None = None,
        preexec_fn: Callable[[], None] | None = None,
        argv: Sequence[str] | None = None,
        measure: bool = False,
    ) -> None:
        command = list(argv or [sys.executable, "-m", "sidebyside", *args])
        self._rss: str | None = None
        if measure and TIME:
            handle, self._rss = tempfile.mkstemp(prefix="sidebyside-rss-")
            os.close(handle)
            command = [TIME, "-f", "%M", "-o", self._rss, *command]
        # Files, not pipes: nothing is read while the command runs, so a pipe could fill up.
        # Open as long as the command runs; `wait` closes them.
        self._out = tempfile.TemporaryFile()  # noqa: SIM115
        self._err = tempfile.TemporaryFile()  # noqa: SIM115
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            command,
            cwd=cwd,
            env=env or ENV,
            stdin=subprocess.DEVNULL,
            stdout=self._out if stdout is None else stdout,
            stderr=self._err,
            preexec_fn=preexec_fn,
            start_new_session=True,
        )
        self.pid = self.process.pid

    def has_workers(self) -> bool:
        """True once the command has child processes (its pool is working)."""
        children = Path(f"/proc/{self.pid}/task/{self.pid}/children")
        with contextlib.suppress(OSError):
            return bool(children.read_text().split())
        return False

    def wait_for_workers(self, within: float) -> bool:
        deadline = time.perf_counter() + within
        while time.perf_counter() < deadline and not gone(self.pid):
            if self.has_workers():
                return True
            time.sleep(0.02)
        return False

    def send(self, signum: signal.Signals, *, group: bool = False) -> bool:
        """Send `signum` to the command (or its whole group, as a terminal does); False
        when the command had already ended."""
        if gone(self.pid):
            return False
        with contextlib.suppress(ProcessLookupError):
            (os.killpg if group else os.kill)(self.pid, signum)
        return True

    def wait(self, timeout: float) -> Ran:
        deadline = self.started + timeout
        timed_out = False
        while True:
            pid, status = os.waitpid(self.pid, 0 if timed_out else os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                timed_out = True
                kill_session(self.pid)
            time.sleep(0.005)
        ended = time.perf_counter()
        code = os.waitstatus_to_exitcode(status)
        self.process.returncode = code  # reaped here: Popen must not wait for it again
        left = running_in_session(self.pid)
        while left and time.perf_counter() - ended < 1.0:  # workers that are ending get a second
            time.sleep(0.05)
            left = running_in_session(self.pid)
        if left:
            kill_session(self.pid)
        with self._out, self._err:
            self._out.seek(0)
            self._err.seek(0)
            out, err = self._out.read(), self._err.read()
        rss_mb = None
        if self._rss is not None:
            code, rss_mb = self._measured(code)
        return Ran(None if timed_out else code, out, err, ended - self.started, rss_mb, ended, left)

    def _measured(self, code: int) -> tuple[int, float | None]:
        """The command's status and peak memory (MB), from /usr/bin/time's note."""
        assert self._rss is not None
        with open(self._rss, encoding="utf-8", errors="replace") as note:
            lines = note.read().split("\n")
        os.unlink(self._rss)
        killed = next((line for line in lines if "terminated by signal" in line), "")
        if killed:  # time itself exits with 128 + N then
            code = -int(killed.split()[-1])
        kib = next((line for line in reversed(lines) if line.strip().isdigit()), None)
        return code, None if kib is None else int(kib) / 1024


def sidebyside(
    *args: str,
    cwd: Path,
    timeout: float = 300.0,
    env: dict[str, str] | None = None,
    stdout: int | None = None,
    preexec_fn: Callable[[], None] | None = None,
) -> Ran:
    """Run the command to its end (killed after `timeout` s), measuring its peak memory."""
    return Child(args, cwd, env=env, stdout=stdout, preexec_fn=preexec_fn, measure=True).wait(timeout)


def running_in_session(sid: int) -> tuple[int, ...]:
    """Processes of session `sid` that are still running (zombies have ended)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[3]) == sid and fields[0] != "Z":
            found.append(int(entry.name))
    return tuple(found)


def kill_session(sid: int) -> None:
    """End what is left of a command this script started (its session is its group)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(sid, signal.SIGKILL)


def gone(pid: int) -> bool:
    """True once `pid` has ended (no longer listed, or a zombie waiting to be reaped)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except (OSError, IndexError):
        return True


def temporaries(folder: Path) -> list[str]:
    """Temporary files (`.NAME.*.tmp`) left in `folder`."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def short(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def has_traceback(err: bytes) -> bool:
    return b"Traceback" in err or b"ForkPoolWorker" in err


# --- the stories ----------------------------------------------------------------------------


def tiny_story(folder: Path, count: int, *, alike: bool = False) -> Path:
    """`count` one-sentence articles, each text distinct: random made-up words, or (`alike`)
    one template sentence with its numbers changed, so every pair looks related."""
    rng = random.Random(11)
    syllables = "ka lo mi ra tu sen dor bel vin qua zet pho gri nal os ter".split()
    words = sorted({"".join(rng.choices(syllables, k=3)) for _ in range(3000)})
    folder.mkdir(parents=True)
    for n in range(count):
        if alike:
            body = f"The harbour master counted {n} boats on pier {n % 17} this morning."
        else:
            body = " ".join(rng.choices(words, k=10)).capitalize() + "."
        (folder / f"{n:05d}.txt").write_text(f"Note {n}\n\n{body}\n", encoding="utf-8")
    return folder


#: From tests/test_linear_passes.py: the words of the small-vocabulary article.
WORDS = (
    "the minister said officials told reporters that Haftar Macron Salame village people were killed "
    "and injured in the attack on Tuesday while rescuers searched homes for survivors after floods "
    "according to police spokesman army council report least more than hundred"
).split()


def small_vocabulary(size: int, seed: int) -> str:
    """A page of sentences from ~50 words, a quarter of them quoted, some left open, some
    counts (tests/test_linear_passes.py's input, here at full size)."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    sentences: list[str] = []
    n = 0
    while n < size:
        words = [rng.choice(WORDS) for _ in range(rng.randint(6, 18))]
        sentence = " ".join(words).capitalize()
        r = rng.random()
        if r < 0.25:
            sentence = f"“{sentence},” {rng.choice(['Haftar', 'the minister', 'he', 'Salame'])} said."
        elif r < 0.35:
            sentence = f"{sentence}, said {rng.choice(['Macron', 'a spokesman'])}."
        elif r < 0.45:
            sentence = f"“{sentence}."
        elif r < 0.5:
            sentence = f"{sentence} {rng.randint(2, 900)} people were killed."
        else:
            sentence += "."
        sentences.append(sentence)
        n += len(sentence) + 1
        if rng.random() < 0.2:
            paragraphs.append(" ".join(sentences))
            sentences = []
    paragraphs.append(" ".join(sentences))
    return "Title of the page\n\n" + "\n\n".join(paragraphs) + "\n"


class Shared:
    """The big stories, made once (by benchmarks/make_story.py) for the cases that use them."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def made(self, count: int) -> Path:
        folder = self.root / f"story{count}"
        if not folder.exists():
            command = [sys.executable, str(HERE / "make_story.py"), str(folder), "--count", str(count)]
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=ENV)
        return folder


# --- the table -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    case: str
    title: str
    verdict: str  # ok, FAIL, skip, ERROR
    status: str
    seconds: float | None
    rss_mb: float | None
    result: str


def row(case: str, title: str, ok: bool, ran: Ran, result: str, seconds: float | None = None) -> Row:
    """A row for one command: its status, time (or `seconds`, when timed from a signal) and memory."""
    took = ran.seconds if seconds is None else seconds
    return Row(case, title, "ok" if ok else "FAIL", ran.shown_status, took, ran.rss_mb, result)


def skipped(case: str, title: str, why: str) -> Row:
    return Row(case, title, "skip", "-", None, None, why)


WIDTHS = (4, 50, 7, 8, 9, 8)
HEAD = ("#", "case", "verdict", "exit", "time", "peak RSS", "result")


def print_row(cells: Sequence[str]) -> None:
    padded = [cell.ljust(width) for cell, width in zip(cells, WIDTHS, strict=False)]
    print("| " + " | ".join([*padded, cells[-1].replace("|", "\\|")]) + " |", flush=True)


def print_result(r: Row) -> None:
    seconds = "-" if r.seconds is None else f"{r.seconds:.2f} s"
    rss = "-" if r.rss_mb is None else f"{r.rss_mb:.0f} MB"
    print_row([r.case, r.title, r.verdict, r.status, seconds, rss, r.result])


# --- 1-7: the report never loses a file -------------------------------------------------------


def case_unloaded_input(work: Path, shared: Shared) -> list[Row]:
    shutil.copyfile(SEEDS / REUTERS, work / "good.txt")
    (work / "scan.txt").write_bytes(b"%PDF-1.4")
    ran = sidebyside("report", "good.txt", "scan.txt", "-o", "scan.txt", "--force", cwd=work)
    kept = (work / "scan.txt").read_bytes() == b"%PDF-1.4"
    ok = ran.status == 2 and kept and "is one of the inputs" in ran.line and not temporaries(work)
    result = f"{short(ran.line, 70)}; scan.txt {'unchanged' if kept else 'CHANGED'}"
    return [row("1", "report good.txt scan.txt -o scan.txt --force", ok, ran, result)]


def case_two_reports(work: Path, shared: Shared) -> list[Row]:
    first = Child(["report", str(SEEDS), "-o", "r.md"], work, measure=True)
    second = Child(["report", str(SEEDS), "-o", "r.md"], work, measure=True)
    runs = [first.wait(120), second.wait(120)]
    said = [ran.line for ran in runs]
    wrote = sum("wrote" in line for line in said)
    refused = sum("exists; add --force" in line for line in said)
    ok = sorted(str(ran.status) for ran in runs) == ["0", "2"] and wrote == 1 and refused == 1
    ok = ok and (work / "r.md").read_text(encoding="utf-8").startswith(REPORT_MARK) and not temporaries(work)
    status = "/".join(ran.shown_status for ran in runs)
    result = f"{wrote} 'wrote', {refused} 'exists; add --force'; " + " / ".join(short(line, 45) for line in said)
    seconds = max(ran.ended for ran in runs) - first.started
    rss = max((ran.rss_mb for ran in runs if ran.rss_mb is not None), default=None)
    return [Row("2", "two reports to one new path at once", "ok" if ok else "FAIL", status, seconds, rss, result)]


def case_special_files(work: Path, shared: Shared) -> list[Row]:
    rows = []
    before = os.stat("/dev/null")
    ran = sidebyside("report", str(SEEDS), "-o", "/dev/null", "--force", cwd=work)
    after = os.stat("/dev/null")
    kept = stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev
    who = "as root" if os.geteuid() == 0 else "not root"
    ok = ran.status == 2 and kept and "not a regular file" in ran.line
    result = f"{short(ran.line, 70)}; /dev/null {'still the device' if kept else 'REPLACED'} ({who})"
    rows.append(row("3a", "report -o /dev/null --force", ok, ran, result))
    fifo = work / "out.md"
    os.mkfifo(fifo)
    ran = sidebyside("report", str(SEEDS), "-o", "out.md", "--force", cwd=work)
    kept = stat.S_ISFIFO(fifo.lstat().st_mode)
    ok = ran.status == 2 and kept and "not a regular file" in ran.line and not temporaries(work)
    result = f"{short(ran.line, 70)}; {'still a FIFO' if kept else 'REPLACED'}"
    rows.append(row("3b", "report -o FIFO --force", ok, ran, result))
    return rows


def case_private_mode(work: Path, shared: Shared) -> list[Row]:
    target = work / "private.md"
    target.write_text("old notes", encoding="utf-8")
    target.chmod(0o600)
    ran = sidebyside("report", str(SEEDS), "-o", "private.md", "--force", cwd=work)
    mode = stat.S_IMODE(target.stat().st_mode)
    replaced = target.read_text(encoding="utf-8").startswith(REPORT_MARK)
    ok = ran.status == 0 and mode == 0o600 and replaced
    result = f"{short(ran.line, 60)}; mode {mode:04o} (was 0600)"
    return [row("4", "report --force over a 0600 file", ok, ran, result)]


def case_report_in_story(work: Path, shared: Shared) -> list[Row]:
    story = work / "story"
    shutil.copytree(SEEDS, story)
    wrote = sidebyside("report", "story", "-o", "story/report.md", cwd=work)
    ran = sidebyside("articles", "story", "--format", "json", cwd=work)
    ids = [a["id"] for a in json.loads(ran.out)["articles"]] if ran.status == 0 else []
    ok = wrote.status == 0 and ran.status == 0 and "report.md" not in ids and len(ids) == 5 and not ran.err
    where = "among them" if "report.md" in ids else "not among them"
    result = f"report written ({short(wrote.line, 50)}); articles lists {len(ids)} ids, report.md {where}"
    return [row("5", "report into the story folder, then articles", ok, ran, result)]


#: Runs the command with its publishing step (`os.link`, `os.replace`) held for a minute,
#: after writing a note to argv[1]: the temporary file then exists, complete, and a signal
#: can be sent at the one moment it is on disk (as tests/test_report_safety.py does).
HELD_AT_PUBLISH = r"""
import os, runpy, sys, time

ready = sys.argv.pop(1)


def held(real):
    def publish(*args, **kwargs):
        with open(ready, "w") as note:
            note.write("publishing")
        time.sleep(60)
        return real(*args, **kwargs)

    return publish


os.link, os.replace = held(os.link), held(os.replace)
sys.argv[0] = "sidebyside"
runpy.run_module("sidebyside", run_name="__main__", alter_sys=True)
"""


def signal_during_analysis(work: Path, shared: Shared, case: str, signum: signal.Signals) -> Row:
    """SIGTERM as `kill PID` sends it (the command only); SIGHUP as a closed terminal does (its group)."""
    story = shared.made(300)
    out = work / f"out-{signum.name}"
    out.mkdir()
    child = Child(["report", str(story), "-o", f"{out.name}/report.md"], work)
    busy = child.wait_for_workers(within=30)
    time.sleep(0.3)
    sent = time.perf_counter()
    delivered = child.send(signum, group=signum == signal.SIGHUP)
    ran = child.wait(60)
    left = sorted(p.name for p in out.iterdir())
    whom = "its group" if signum == signal.SIGHUP else "the command"
    moment = "pool workers busy" if busy else "no workers seen"
    said = short(ran.line or "stderr empty", 40)
    if has_traceback(ran.err):
        said = "traceback on stderr: " + said
    ok = delivered and not left and not has_traceback(ran.err) and not ran.left and ran.status is not None
    if not delivered:
        moment = "ENDED BEFORE THE SIGNAL"
    result = f"300 articles, {signum.name} to {whom} ({moment}); folder after: {left or 'empty'}; {said}"
    if ran.left:
        result += f"; {len(ran.left)} processes left running"
    return row(case, f"{signum.name} during a report's analysis", ok, ran, result, ran.ended - sent)


def signal_at_publish(work: Path, shared: Shared, case: str, signum: signal.Signals) -> Row:
    out = work / f"held-{signum.name}"
    out.mkdir()
    ready = work / f"ready-{signum.name}"
    argv = [sys.executable, "-c", HELD_AT_PUBLISH, str(ready), "report", str(SEEDS), "-o", f"{out.name}/report.md"]
    child = Child([], work, argv=argv)
    deadline = time.perf_counter() + 60
    while not ready.exists() and time.perf_counter() < deadline and not gone(child.pid):
        time.sleep(0.02)
    during = temporaries(out)
    sent = time.perf_counter()
    child.send(signum)
    ran = child.wait(60)
    left = sorted(p.name for p in out.iterdir())
    ok = bool(during) and not left and ran.status == 128 + signum and "nothing written" in ran.line
    result = (
        f"seeds, {len(during)} temporary file on disk when sent; folder after: {left or 'empty'}; {short(ran.line, 50)}"
    )
    return row(case, f"{signum.name} while the report file is written", ok, ran, result, ran.ended - sent)


def case_signals(work: Path, shared: Shared) -> list[Row]:
    return [
        signal_during_analysis(work, shared, "6a", signal.SIGTERM),
        signal_during_analysis(work, shared, "6b", signal.SIGHUP),
        signal_at_publish(work, shared, "6c", signal.SIGTERM),
        signal_at_publish(work, shared, "6d", signal.SIGHUP),
    ]


def drop_root_override() -> None:
    """preexec_fn: give up CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH (prctl PR_CAPBSET_DROP),
    so after exec root obeys file modes as any user does."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # 24: PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def case_unwritable_folder(work: Path, shared: Shared) -> list[Row]:
    story = shared.made(300)  # its analysis takes a minute or more: a refusal after it shows
    locked = work / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    rows = []
    try:
        root = os.geteuid() == 0
        title = "report -o into a chmod 0555 folder"
        try:
            ran = sidebyside(
                "report", str(story), "-o", "locked/out.md", cwd=work, preexec_fn=drop_root_override if root else None
            )
        except subprocess.SubprocessError:  # prctl refused: this container may not drop capabilities
            rows.append(skipped("7a", title, "root here cannot give up CAP_DAC_OVERRIDE"))
        else:
            empty = not any(locked.iterdir())
            ok = ran.status == 2 and "cannot write in this folder" in ran.line and empty and ran.seconds < 5
            how = "root without CAP_DAC_OVERRIDE" if root else "as this user"
            result = f"300 articles, {how}; {short(ran.line, 60)}; budget 5 s (the analysis takes minutes)"
            rows.append(row("7a", title, ok, ran, result))
    finally:
        locked.chmod(0o755)
    (work / "notes.txt").write_text("notes\n", encoding="utf-8")
    ran = sidebyside("report", str(story), "-o", "notes.txt/out.md", cwd=work)
    ok = ran.status == 2 and "not a folder" in ran.line and ran.seconds < 5
    rows.append(row("7b", "report -o notes.txt/out.md (a file as folder)", ok, ran, short(ran.line, 70)))
    return rows


# --- 8: identity -------------------------------------------------------------------------------


def case_same_names(work: Path, shared: Shared) -> list[Row]:
    for folder, seed in (("d1", REUTERS), ("d2", AFP)):
        (work / folder).mkdir()
        shutil.copyfile(SEEDS / seed, work / folder / "x.txt")
    ran = sidebyside("overlap", "d1", "d2", "--format", "json", cwd=work)
    data = json.loads(ran.out) if ran.status == 0 else {"articles": [], "closest": []}
    ids = [(a["id"], a["outlet"]) for a in data["articles"]]
    closest = [c["id"] for c in data["closest"]]
    ok = [i for i, _ in ids] == ["d1/x.txt", "d2/x.txt"] and closest == ["d2/x.txt", "d1/x.txt"]
    result = "ids " + ", ".join(f"{i} ({outlet})" for i, outlet in ids) + f"; closest {closest}"
    return [row("8", "x.txt in d1 and d2: overlap d1 d2 --format json", ok, ran, result)]


# --- 9-14: never hang, never blow up ------------------------------------------------------------


def against_issue(ran: Ran, status: int, was: float, rss_was_mb: float | None = None) -> tuple[bool, str]:
    """Whether a timing case passes (at least 4 times faster, and lighter, than the issue
    measured) and the budget in words."""
    ok = ran.status == status and ran.seconds <= was / 4
    budget = f"budget {was / 4:.1f} s"
    if rss_was_mb is not None:
        ok = ok and (ran.rss_mb is None or ran.rss_mb <= rss_was_mb / 4)
        budget += f", {rss_was_mb / 4:.0f} MB"
    return ok, f"{budget} (was {was:g} s{f', {rss_was_mb:.0f} MB' if rss_was_mb else ''})"


def case_mixed_case_run(work: Path, shared: Shared) -> list[Row]:
    (work / "abab.txt").write_text("Some text here to start the page.\n\n" + "aB" * 20_000 + "\n", encoding="utf-8")
    ran = sidebyside("articles", "abab.txt", "--format", "json", cwd=work)
    ok, budget = against_issue(ran, 0, 55)
    sentences = len(json.loads(ran.out)["articles"][0]["sentences"]) if ran.status == 0 else 0
    result = f"{sentences} sentence(s) kept (the run is split at its seams, then dropped as not prose); {budget}"
    return [row("9", "40 KB of aBaB… : articles --format json", ok, ran, result)]


def case_big_story_toml(work: Path, shared: Shared) -> list[Row]:
    folder = tiny_story(work / "t1000", 1000)
    tables = "".join(f'["{n:05d}.txt"]\noutlet = "Outlet {n}"\n\n' for n in range(1000))
    (folder / "story.toml").write_text(tables, encoding="utf-8")
    ran = sidebyside("articles", str(folder), "--format", "json", cwd=work)
    articles = json.loads(ran.out)["articles"] if ran.status == 0 else []
    applied = sum(a["outlet_from"] == "sidecar" for a in articles)
    ok, budget = against_issue(ran, 0, 12.6)
    ok = ok and applied == 1000
    result = f"{len(articles)} articles, {applied} outlets from story.toml; {budget}"
    return [row("10", "1,000 files + 1,000-table story.toml: articles", ok, ran, result)]


def case_tiny_files(work: Path, shared: Shared) -> list[Row]:
    folder = tiny_story(work / "tiny", 2000)
    ran = sidebyside("articles", str(folder), "--format", "json", cwd=work)
    listed = len(json.loads(ran.out)["articles"]) if ran.status == 0 else 0
    ok, budget = against_issue(ran, 0, 73, 811)
    return [row("11a", "2,000 tiny files: articles --format json", ok, ran, f"{listed} articles; {budget}")]


def closest_of_tiny_files(work: Path, case: str, alike: bool) -> Row:
    """With --closest the command computes the overlap matrix, as every `articles --format
    json` did when the issue measured it. Budget: DESIGN.md's 1,000-article matrix (15 s,
    500 MB) for twice the articles: 4 times the pairs, twice the memory."""
    folder = tiny_story(work / ("alike" if alike else "distinct"), 2000, alike=alike)
    ran = sidebyside("articles", str(folder), "--format", "json", "--closest", cwd=work)
    articles = json.loads(ran.out)["articles"] if ran.status == 0 else []
    named = sum(a.get("closest") is not None for a in articles)
    ok = ran.status == 0 and named == 2000 and ran.seconds <= 60 and (ran.rss_mb is None or ran.rss_mb <= 1000)
    kind = "one template sentence, numbers changed" if alike else "random words"
    result = f"{kind}; {named} closest named; budget 60 s, 1000 MB (the issue: 73 s, 811 MB)"
    title = f"2,000 tiny files ({'alike' if alike else 'distinct'}): articles --closest"
    return row(case, title, ok, ran, result)


def case_tiny_files_closest(work: Path, shared: Shared) -> list[Row]:
    return [closest_of_tiny_files(work, "11b", alike=False)]


def case_alike_files_closest(work: Path, shared: Shared) -> list[Row]:
    return [closest_of_tiny_files(work, "11c", alike=True)]


def case_comma_numbers(work: Path, shared: Shared) -> list[Row]:
    rng = random.Random(0)
    items = [str(rng.randint(100, 999)) for _ in range(122_000 // 5 + 1)]
    (work / "counts.txt").write_text("Officials said the counts were " + ", ".join(items) + " people.\n")
    ran = sidebyside("quotes", "counts.txt", "--format", "json", cwd=work)
    figures = len(json.loads(ran.out)["articles"][0]["figures"]) if ran.status == 0 else 0
    ok, budget = against_issue(ran, 0, 75)
    return [row("12", "122 KB of comma-separated numbers: quotes", ok, ran, f"{figures} figures; {budget}")]


def case_small_vocabulary(work: Path, shared: Shared) -> list[Row]:
    (work / "vocab.txt").write_text(small_vocabulary(5_000_000, 0), encoding="utf-8")
    ran = sidebyside("quotes", "vocab.txt", "--format", "json", cwd=work, timeout=600)
    quotes = len(json.loads(ran.out)["articles"][0]["quotes"]) if ran.status == 0 else 0
    ok, budget = against_issue(ran, 0, 254, 7.8 * 1024)
    return [row("13", "5 MB small-vocabulary article: quotes", ok, ran, f"{quotes} quotes; {budget}")]


def case_proc_file(work: Path, shared: Shared) -> list[Row]:
    ran = sidebyside("articles", "/proc/self/status", cwd=work, timeout=10)
    lines = len(ran.err.splitlines())
    ok = ran.status == 2 and lines == 1 and "not a regular file" in ran.line
    return [row("14", "articles /proc/self/status (limit 10 s)", ok, ran, short(ran.line, 90))]


# --- 15: sidecars ------------------------------------------------------------------------------

#: name -> (sidecar file, its content or None for a 2 GB sparse file, what stderr must say;
#: "" for nothing). Beside a.txt and b.txt; a.txt keeps its detected outlet but for the BOM.
SIDECARS: dict[str, tuple[str, str | None, str]] = {
    "arrays nested 1,000 deep": ("a.txt.meta.toml", "x = " + "[" * 1000 + "]" * 1000 + "\n", "nested too deeply"),
    "a 5,001-digit integer": ("a.txt.meta.toml", "outlet = " + "1" * 5001 + "\n", "a number too long"),
    "a 200 KB dotted key (story.toml)": ("story.toml", ".".join(["a"] * 100_000) + " = 1\n", "a dotted key of"),
    "a 2 GB sparse story.toml": ("story.toml", None, "too large for a sidecar"),
    "a 20 MB outlet value": ("a.txt.meta.toml", 'outlet = "' + "x" * 20_000_000 + '"\n', "too large for a sidecar"),
    "a UTF-8 BOM sidecar": ("a.txt.meta.toml", '\ufeffoutlet = "Café Wire"\n', ""),
    "outlet = 5": ("a.txt.meta.toml", "outlet = 5\n", "'outlet' should be text"),
    'date = "yesterday"': ("a.txt.meta.toml", 'date = "yesterday"\n', "'date' should be a date"),
    "an unknown key": ("a.txt.meta.toml", 'colour = "red"\n', "unknown key 'colour'"),
    "a story.toml table naming a missing file": ("story.toml", '["gone.txt"]\noutlet = "X"\n', "names no file"),
}


def case_sidecars(work: Path, shared: Shared) -> list[Row]:
    rows = []
    for n, (title, (name, content, says)) in enumerate(SIDECARS.items()):
        folder = work / f"sidecar{n}"
        folder.mkdir()
        (folder / "a.txt").write_text(SIDECAR_ARTICLE, encoding="utf-8")
        (folder / "b.txt").write_text(SIDECAR_ARTICLE.replace("Rail", "Train"), encoding="utf-8")
        if content is None:
            with open(folder / name, "wb") as sparse:
                sparse.truncate(2 * 2**30)
        else:
            (folder / name).write_text(content, encoding="utf-8")
        ran = sidebyside("articles", folder.name, "--format", "json", cwd=work, timeout=120)
        articles = json.loads(ran.out)["articles"] if ran.status in (0, 2) else []
        listed = [a["id"] for a in articles] == ["a.txt", "b.txt"]
        lines = ran.err.decode("utf-8", "replace").splitlines()
        if says:
            ok = ran.status == 2 and len(lines) == 1 and says in lines[0] and listed
            result = short(ran.line.split(": ", 1)[-1], 80)
        else:
            applied = bool(articles) and articles[0]["outlet"] == "Café Wire"
            ok = ran.status == 0 and not lines and listed and applied
            result = "no problem line; outlet " + (repr(articles[0]["outlet"]) if articles else "?")
        result += "; both articles listed" if listed else "; ARTICLES MISSING"
        rows.append(row(f"15{chr(ord('a') + n)}", f"sidecar: {title}", ok, ran, result))
    return rows


# --- 16-19: output, signals, arguments --------------------------------------------------------


def case_output_errors(work: Path, shared: Shared) -> list[Row]:
    rows = []
    with open("/dev/full", "wb") as full:
        ran = sidebyside("articles", str(SEEDS), cwd=work, stdout=full.fileno())
    lines = ran.err.splitlines()
    ok = ran.status == 1 and len(lines) == 1 and "cannot write output" in ran.line
    rows.append(row("16a", "articles seeds > /dev/full", ok, ran, short(ran.line, 80)))
    (work / "ar").mkdir()
    (work / "ar" / "a.txt").write_text(ARABIC_ARTICLE, encoding="utf-8")
    env = {**ENV, "PYTHONIOENCODING": "cp1252"}
    ran = sidebyside("quotes", "ar", "--speaker", ARABIC_NAME, cwd=work, env=env)
    lines = ran.err.splitlines()
    ok = ran.status == 0 and len(lines) <= 1 and not has_traceback(ran.err)
    line = ran.err.decode("cp1252", "replace").strip().removeprefix("sidebyside: ")
    rows.append(row("16b", "PYTHONIOENCODING=cp1252, Arabic: quotes", ok, ran, short(line or "stderr empty", 90)))
    return rows


def case_ctrl_c_overlap(work: Path, shared: Shared) -> list[Row]:
    story = shared.made(300)
    child = Child(["overlap", str(story)], work)
    busy = child.wait_for_workers(within=30)
    time.sleep(0.3)
    sent = time.perf_counter()
    delivered = child.send(signal.SIGINT, group=True)  # as a terminal's Ctrl-C: the whole foreground group
    ran = child.wait(30)
    took = ran.ended - sent
    ok = delivered and ran.status == 130 and not has_traceback(ran.err) and not ran.left and took <= 2
    said = "traceback on stderr" if has_traceback(ran.err) else short(ran.line or "stderr empty", 40)
    moment = "pool workers busy" if busy else "no workers seen" if delivered else "ENDED BEFORE THE SIGNAL"
    result = f"300 articles, {moment}; {said}; "
    result += f"{len(ran.left)} processes left; time: Ctrl-C to exit (budget 2 s)"
    return [row("17", "Ctrl-C (SIGINT to the group) during overlap", ok, ran, result, took)]


def case_control_characters(work: Path, shared: Shared) -> list[Row]:
    rows = []
    ran = sidebyside("quotes", str(SEEDS), "--speaker", "\x1b]0;x\x07", cwd=work)
    clean = not CONTROL_BYTES.search(ran.out + ran.err)
    ok = clean and ran.line.startswith("--speaker '\\x1b]0;x\\x07'")
    rows.append(row("18a", "quotes --speaker $'\\e]0;x\\a'", ok, ran, short(ran.line, 90)))
    ran = sidebyside("report", str(SEEDS), "-o", "r\x1b[2J.md", cwd=work)
    clean = not CONTROL_BYTES.search(ran.out + ran.err)
    ok = clean and ran.status == 0 and "wrote r\\x1b[2J.md" in ran.line
    rows.append(row("18b", "report -o $'r\\e[2J.md'", ok, ran, short(ran.line, 90)))
    ran = sidebyside("report", str(SEEDS), "--speaker", "\x1b]0;x\x07", "-o", "speaker.md", cwd=work)
    written = (work / "speaker.md").read_bytes() if (work / "speaker.md").exists() else b""
    clean = not CONTROL_BYTES.search(ran.out + ran.err + written)
    result = f"{short(ran.line, 60)}; no control byte in stdout, stderr or the report: {clean}"
    rows.append(row("18c", "report --speaker $'\\e]0;x\\a'", clean, ran, result))
    return rows


def case_arabic_speaker(work: Path, shared: Shared) -> list[Row]:
    (work / "ar").mkdir()
    (work / "ar" / "a.txt").write_text(ARABIC_ARTICLE, encoding="utf-8")
    ran = sidebyside("quotes", "ar", "--speaker", ARABIC_NAME, "--format", "json", cwd=work)
    quotes = json.loads(ran.out)["articles"][0]["quotes"] if ran.status == 0 else []
    theirs = [q["text"] for q in quotes if q["speaker"] == ARABIC_NAME]
    ok = ran.status == 0 and bool(theirs)
    result = f"{len(theirs)} quote(s) for {ARABIC_NAME}: " + ", ".join(repr(t) for t in theirs)
    return [row("19", "quotes --speaker <Arabic name> --format json", ok, ran, result)]


# --- 20: the TUI -------------------------------------------------------------------------------


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=False).stdout


def quit_tui(work: Path, shared: Shared, case: str, key: str) -> Row:
    """Open the TUI on 2,000 articles in tmux, press `key` once the articles are loaded and
    the overlap matrix is computing, and time the app's end; nothing may be left running.

    The pane runs a shell that starts the app and writes its exit status when it ends (the
    app is the shell's one child; the shell's session holds anything the app started)."""
    title = f"TUI on 2,000 articles: {'q' if key == 'q' else 'one Ctrl-C'} during the matrix"
    if not shutil.which("tmux"):
        return skipped(case, title, "tmux is not installed")
    story = shared.made(2000)
    shell_pid, status_file = work / f"tui-{case}.pid", work / f"tui-{case}.status"
    session = f"rel{case}-{os.getpid()}"
    app = shlex.join([sys.executable, "-m", "sidebyside", str(story)])
    command = f"echo $$ > {shlex.quote(str(shell_pid))}; {app}; echo $? > {shlex.quote(str(status_file))}"
    tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40", "sh", "-c", command)
    tmux("set-option", "-w", "-t", session, "remain-on-exit", "on")  # keep the pane to read it after the end
    try:
        started = time.perf_counter()
        while "2000 articles ·" not in tmux("capture-pane", "-p", "-t", session):
            if time.perf_counter() - started > 300:
                return Row(case, title, "ERROR", "-", None, None, "the articles never finished loading in 300 s")
            time.sleep(0.2)
        loaded = time.perf_counter() - started
        time.sleep(1.0)
        sid = int(shell_pid.read_text())
        pid = int(Path(f"/proc/{sid}/task/{sid}/children").read_text().split()[0])
        computing = "…" in tmux("capture-pane", "-p", "-t", session)  # the Closest column waits for the matrix
        rss = peak_rss_of(pid)
        tmux("send-keys", "-t", session, key)
        sent = time.perf_counter()
        while not gone(pid) and time.perf_counter() - sent < 5:
            time.sleep(0.01)
        took = time.perf_counter() - sent
        if not gone(pid):
            said = [line for line in tmux("capture-pane", "-p", "-t", session).splitlines() if "quit" in line]
            tmux("send-keys", "-t", session, "q")  # end it the ordinary way
            shown = short(" ".join(dict.fromkeys(line.split("▌")[-1].strip() for line in said)), 70)
            result = f"still running 5 s after the key; the screen says: {shown or 'nothing'}"
            return Row(case, title, "FAIL", "running", took, rss, result)
        time.sleep(0.5)
        left = [p for p in running_in_session(sid) if p != sid]
        status = status_file.read_text().strip() if status_file.exists() else "?"
        screen = tmux("capture-pane", "-p", "-S", "-", "-t", session)
        traceback = "Traceback" in screen or "Error" in screen
        ok = took <= 2 and not left and not traceback and status == "0"
        result = f"loaded in {loaded:.0f} s, matrix {'computing' if computing else 'DONE (too late)'}; "
        result += f"time: key to exit (budget 2 s); {len(left)} processes left; "
        result += "traceback on screen" if traceback else "no traceback"
        return Row(case, title, "ok" if ok else "FAIL", status, took, rss, result)
    finally:
        tmux("kill-session", "-t", session)
        with contextlib.suppress(OSError, ValueError):
            sid = int(shell_pid.read_text())
            if running_in_session(sid):
                kill_session(sid)


def peak_rss_of(pid: int) -> float | None:
    """The peak resident set so far (VmHWM) of a process that is not our child, in MB."""
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return None


def case_tui_q(work: Path, shared: Shared) -> list[Row]:
    return [quit_tui(work, shared, "20a", "q")]


def case_tui_ctrl_c(work: Path, shared: Shared) -> list[Row]:
    return [quit_tui(work, shared, "20b", "C-c")]


# --- the list -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One of the issue's reproductions; its rows carry their own titles, `about` names it
    when it is skipped or the script fails on it."""

    name: str
    about: str
    run: Callable[[Path, Shared], list[Row]]
    slow: bool = False


CASES = (
    Case("1", "an input that did not load, as -o with --force", case_unloaded_input),
    Case("2", "two reports to one new path at once", case_two_reports),
    Case("3", "a device or a FIFO as -o", case_special_files),
    Case("4", "--force over a 0600 file", case_private_mode),
    Case("5", "a report in the story's folder", case_report_in_story),
    Case("6", "signals during a report", case_signals),
    Case("7", "an unwritable folder", case_unwritable_folder),
    Case("8", "x.txt in two folders", case_same_names),
    Case("9", "40 KB of aBaB…", case_mixed_case_run),
    Case("10", "1,000 files with a 1,000-table story.toml", case_big_story_toml),
    Case("11a", "2,000 tiny files: articles --format json", case_tiny_files),
    Case("11b", "2,000 tiny files (distinct): articles --closest", case_tiny_files_closest, slow=True),
    Case("11c", "2,000 tiny files (alike): articles --closest", case_alike_files_closest, slow=True),
    Case("12", "122 KB of comma-separated numbers", case_comma_numbers),
    Case("13", "5 MB small-vocabulary article: quotes", case_small_vocabulary, slow=True),
    Case("14", "articles /proc/self/status", case_proc_file),
    Case("15", "hostile sidecars", case_sidecars),
    Case("16", "a full disk, a cp1252 console", case_output_errors),
    Case("17", "Ctrl-C during overlap", case_ctrl_c_overlap),
    Case("18", "control characters in arguments", case_control_characters),
    Case("19", "an Arabic --speaker", case_arabic_speaker),
    Case("20a", "TUI on 2,000 articles: q during the matrix", case_tui_q, slow=True),
    Case("20b", "TUI on 2,000 articles: one Ctrl-C during the matrix", case_tui_ctrl_c, slow=True),
)


def load() -> str:
    return " ".join(f"{figure:.2f}" for figure in os.getloadavg())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the cases that take more than about 10 s")
    args = parser.parse_args()
    began = time.perf_counter()
    print(f"sidebyside issue #16 reliability cases; Python {sys.version.split()[0]}, {os.cpu_count()} cores, ", end="")
    print(f"{'root' if os.geteuid() == 0 else 'not root'}; load average (1, 5, 15 min) at the start: {load()}\n")
    print_row(HEAD)
    print_row(["-" * width for width in (*WIDTHS, 6)])
    results: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="sidebyside-reliability-") as root:
        shared = Shared(Path(root))
        for case in CASES:
            if args.quick and case.slow:
                results.append(skipped(case.name, case.about, "slow: skipped with --quick"))
                print_result(results[-1])
                continue
            work = Path(root) / f"case{case.name}"
            work.mkdir()
            try:
                rows = case.run(work, shared)
            except Exception as err:  # the script broke, not necessarily the app: say so, go on
                rows = [
                    Row(case.name, case.about, "ERROR", "-", None, None, "the script failed: " + short(repr(err), 90))
                ]
            for result in rows:
                print_result(result)
            results.extend(rows)
    failed = [r.case for r in results if r.verdict in ("FAIL", "ERROR")]
    print(f"\ntotal {time.perf_counter() - began:.0f} s; load average at the end: {load()}")
    print(f"{len(results)} rows: {len(results) - len(failed)} ok or skipped; failing: {', '.join(failed) or 'none'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

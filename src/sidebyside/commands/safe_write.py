"""Write the one file the program ever writes, the report, as carefully as an editor saves.

Why a module of its own: `sidebyside report -o FILE` is the only place the program writes,
and FILE may be anything: notes the user cares about, one of the articles being read, a
symlink, /dev/null, a path another report is writing at the same moment, a folder the
user cannot write in. Each rule below answers a way a careless save loses a file.

Checked by `prepare`, before the (long) analysis, so a mistake costs nothing:

- FILE is resolved once (`os.path.realpath`) and everything after uses that path. A
  symlink to a regular file is followed: the file it points to gets the report and the
  link stays a link, as editors save. A broken link is refused (we would not know whether
  to create its target or replace the link).
- Only a regular file or a new path is written, even with --force: a folder, a device, a
  FIFO or a socket is refused (as root, replacing /dev/null with a regular file breaks
  the system), and so is a name for an open descriptor (/dev/stdout, /dev/fd/N, anything
  under /proc or /sys): `-o -` prints the report.
- An input is never replaced, even with --force: every PATH the user named (whether it
  loaded or not, even if it does not exist), every file a named folder contributes (as
  `ingest.load.find_files` lists them, the program's own reports excepted: those are
  not read, and --force may replace them), their sidecars (`<file>.meta.toml`,
  `<stem>.meta.toml`, `story.toml`), and any other `*.meta.toml` or `story.toml` in
  a folder that holds inputs. A hard link to an input counts as the input.
- The folder must be writable: `os.access`, then a probe file created and removed at
  once (root passes `os.access` everywhere; the probe still catches a read-only mount).
- Without --force, an existing FILE is refused here already, so the user does not wait
  for an analysis that cannot be saved.

Decided by `publish`, at the atomic step, because the world may change during the analysis:

- Whether FILE exists. The report goes to a temporary file beside FILE, which is then
  published with `os.link` (it fails if anything appeared at FILE meanwhile: a file the
  user saved, another report racing to the same new path) and unlinked; where the file
  system has no hard links, FILE is created with O_EXCL and the text copied in. With
  --force, `os.replace`, after checking FILE is still a regular file and not an input.
- The mode: a replaced file keeps its permission bits (a 0600 file stays private) and,
  where allowed, its owner; a new file gets the ordinary 0666 & ~umask. The temporary file
  is 0600 until then, so private text is never briefly readable by others.
- The temporary file exists only during this short write (created after the analysis),
  and while it does SIGTERM, SIGHUP and SIGINT remove it (and a half-copied FILE) before
  the command exits with status 128 + the signal. A signal the parent set to be ignored
  (`nohup` and SIGHUP) stays ignored.

Messages (`Refused`) hold file names as the user typed them: print them through
`commands.say`, which escapes what would drive the terminal.
"""

from __future__ import annotations

import errno
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from types import FrameType, TracebackType

from sidebyside.ingest.load import SIDE_FILES, SIDE_SUFFIX, find_files
from sidebyside.ingest.own_output import is_own_report

#: The signals that end a write early; each removes the temporary file first.
SIGNALS: tuple[signal.Signals, ...] = tuple(
    sig for name in ("SIGTERM", "SIGHUP", "SIGINT") if (sig := getattr(signal, name, None)) is not None
)
#: errno values of `os.link` on a file system that has no hard links (FAT, some FUSE/SMB).
NO_HARD_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.ENOSYS, errno.EMLINK, errno.EXDEV}


class Refused(Exception):
    """FILE cannot or must not be written; the message is one line for the user."""


class Interrupted(BaseException):
    """A signal arrived while the report was being written; the temporary file is gone.

    A BaseException, like KeyboardInterrupt, so no `except Exception` swallows it.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
        #: True when FILE had already been published (complete) when the signal came.
        self.written = False

    @property
    def status(self) -> int:
        """The exit status a shell expects after this signal."""
        return 128 + self.signum


@dataclass(frozen=True)
class Inputs:
    """What the story reads, resolved: never to be replaced by the report."""

    files: frozenset[str]
    folders: frozenset[str]
    ids: frozenset[tuple[int, int]]  # (st_dev, st_ino) of those that exist

    def hold(self, path: str, info: os.stat_result | None) -> bool:
        """True when `path` (resolved; `info` its stat, None if absent) is one of the inputs."""
        if path in self.files or (info is not None and (info.st_dev, info.st_ino) in self.ids):
            return True
        name = os.path.basename(path)
        return os.path.dirname(path) in self.folders and (name in SIDE_FILES or name.endswith(SIDE_SUFFIX))


@dataclass(frozen=True)
class Target:
    """A checked FILE: where to write (`path`, resolved) and what to call it (`shown`)."""

    shown: str
    path: str
    force: bool
    inputs: Inputs


def input_files(paths: Sequence[str]) -> Inputs:
    """Every file a story over `paths` would read, and the folders they sit in, resolved."""
    files: set[str] = set()
    folders: set[str] = set()
    named: set[str] = set()
    for raw in paths:
        named.add(_real(raw))
        if os.path.isdir(raw):
            folders.add(_real(raw))
    found, _problems = find_files(list(paths))
    for path in found:
        resolved = _real(path)
        if resolved not in named and is_own_report(path):
            continue  # a report we wrote into a named folder: not read, so --force may replace it
        files.add(resolved)
        folders.add(_real(path.parent))
        # Where `ingest.sidecar.overrides_for` looks, beside the path as found (not resolved).
        sidecars = [path.parent / name for name in SIDE_FILES]
        sidecars += [path.with_name(path.name + SIDE_SUFFIX), path.with_name(path.stem + SIDE_SUFFIX)]
        files.update(_real(sidecar) for sidecar in sidecars)
    files |= named
    ids: set[tuple[int, int]] = set()
    for path_text in files:
        try:
            info = os.stat(path_text)
        except (OSError, ValueError):
            continue
        ids.add((info.st_dev, info.st_ino))
    return Inputs(frozenset(files), frozenset(folders), frozenset(ids))


def prepare(output: str, inputs: Sequence[str], *, force: bool) -> Target:
    """Check FILE before any analysis; raise Refused with the reason."""
    if output and os.path.isdir(output):
        raise Refused(f"{output}: is a folder")
    if not output or output.endswith(("/", os.sep)):
        shown = output or "''"
        raise Refused(f"{shown}: not a file name (the report is written to a file)")
    if _names_an_open_file(output):
        raise Refused(f"{output}: names an open file (such as standard output), not a file; use -o - to print")
    shown_parent = str(Path(output).parent)
    try:
        info: os.stat_result | None = os.stat(output)
    except FileNotFoundError:
        if os.path.lexists(output):
            raise Refused(f"{output}: is a broken symbolic link; name the file itself") from None
        info = None
    except NotADirectoryError:
        raise Refused(f"{shown_parent}: not a folder") from None
    except (OSError, ValueError) as err:
        raise Refused(f"{output}: cannot write ({_reason(err)})") from None
    if info is not None:
        _check_kind(output, info)
    path = os.path.realpath(output)
    folder = os.path.dirname(path)
    if info is None and not os.path.isdir(folder):
        raise Refused(f"{shown_parent}: no such folder")
    if info is not None:
        again = _stat(path)
        if again is None or (again.st_dev, again.st_ino) != (info.st_dev, info.st_ino):
            raise Refused(f"{output}: changed while being checked; try again")
    protected = input_files(inputs)
    if protected.hold(path, info):
        raise Refused(
            f"{output}: is one of the inputs (a PATH you named, a file in a named folder, or a sidecar);"
            " the report never replaces them"
        )
    if info is not None and not force:
        raise Refused(f"{output}: exists; add --force to replace it")
    _check_writable(folder if _real(shown_parent) != folder else shown_parent, folder)
    return Target(shown=output, path=path, force=force, inputs=protected)


def publish(target: Target, text: str) -> None:
    """Write `text` to the target in one step; raise Refused, OSError or Interrupted."""
    data = text.encode("utf-8")
    folder, name = os.path.split(target.path)
    published = False
    try:
        with _Scratch() as scratch:
            temporary = scratch.new_temporary(folder, f".{name}.", data)
            if target.force:
                mode, owner = _replacing(target)
                _finish(temporary, mode, owner)
                os.replace(temporary, target.path)
                published = True
                scratch.forget(temporary)
            else:
                _finish(temporary, 0o666 & ~_umask(), None)
                try:
                    os.link(temporary, target.path)
                except FileExistsError:
                    raise Refused(f"{target.shown}: exists; add --force to replace it") from None
                except OSError as err:
                    if err.errno not in NO_HARD_LINKS:
                        raise
                    _create_exclusive(scratch, target, data)
                published = True
                os.unlink(temporary)
                scratch.forget(temporary)
            _sync_folder(folder)
    except Interrupted as stop:
        stop.written = published
        raise


# --- the checks -----------------------------------------------------------------------


def _names_an_open_file(output: str) -> bool:
    """/dev/stdout, /dev/fd/N, /proc/self/fd/N, anything under /proc or /sys, or a link to one.

    Such a name resolves to whatever the descriptor is: a terminal or a pipe is refused
    as not a regular file, but a shell's `> notes.txt` is one, and renaming the report
    over it would cut the redirection off from the file.
    """
    path = os.path.abspath(output)
    for _ in range(40):  # as many links as the kernel follows
        path = os.path.join(_real(os.path.dirname(path)), os.path.basename(path))
        if path in ("/dev/stdin", "/dev/stdout", "/dev/stderr") or path.startswith(("/dev/fd/", "/proc/", "/sys/")):
            return True
        try:
            link = os.readlink(path)
        except (OSError, ValueError):
            return False
        path = os.path.normpath(os.path.join(os.path.dirname(path), link))
    return False


def _check_kind(shown: str, info: os.stat_result) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise Refused(f"{shown}: is a folder")
    if not stat.S_ISREG(info.st_mode):
        raise Refused(f"{shown}: is {_kind(info.st_mode)}, not a regular file; the report is written only to a file")


def _kind(mode: int) -> str:
    kinds = (
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a disk device"),
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISSOCK, "a socket"),
    )
    return next((what for test, what in kinds if test(mode)), "a special file")


def _check_writable(shown: str, folder: str) -> None:
    """Refuse a folder the report could not be saved in, before the analysis is run."""
    if not os.access(folder, os.W_OK | os.X_OK):
        raise Refused(f"{shown}: cannot write in this folder (permission denied)")
    try:
        with _Scratch() as scratch:
            probe = scratch.new_temporary(folder, ".sidebyside-probe.", b"")
            os.unlink(probe)
            scratch.forget(probe)
    except OSError as err:
        raise Refused(f"{shown}: cannot write in this folder ({_reason(err)})") from None


def _replacing(target: Target) -> tuple[int, tuple[int, int] | None]:
    """With --force, just before the rename: FILE's mode and owner to keep (a new file's if none)."""
    info = _stat(target.path, follow=False)
    if info is None:
        return 0o666 & ~_umask(), None
    if not stat.S_ISREG(info.st_mode):
        raise Refused(f"{target.shown}: is no longer a regular file; nothing written")
    if target.inputs.hold(target.path, info):
        raise Refused(f"{target.shown}: is now one of the inputs; nothing written")
    return stat.S_IMODE(info.st_mode) & 0o777, (info.st_uid, info.st_gid)


def _finish(temporary: str, mode: int, owner: tuple[int, int] | None) -> None:
    """Give the finished temporary file the owner (where allowed) and mode FILE will have."""
    if owner is not None and hasattr(os, "chown") and owner != (os.geteuid(), os.getegid()):
        # Before chmod: chown may clear mode bits. Not allowed (not root, not our group): the
        # new file is then the user's, like any file they save.
        with suppress(OSError):
            os.chown(temporary, *owner)
    os.chmod(temporary, mode)


def _create_exclusive(scratch: _Scratch, target: Target, data: bytes) -> None:
    """Publish without hard links: create FILE only if absent, then copy the text in."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        with scratch.held():
            handle = os.open(target.path, flags, 0o666)  # the umask applies
            scratch.remember(target.path)  # half-written until the copy is done
    except FileExistsError:
        raise Refused(f"{target.shown}: exists; add --force to replace it") from None
    _write_all(handle, data)
    scratch.forget(target.path)


def _write_all(handle: int, data: bytes) -> None:
    """Write `data` to the open file, make it durable, and close it."""
    with os.fdopen(handle, "wb") as out:
        if data:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())


def _sync_folder(folder: str) -> None:
    """Make the new name durable (best effort: not every system can fsync a folder)."""
    try:
        handle = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        with suppress(OSError):
            os.fsync(handle)
    finally:
        os.close(handle)


# --- the temporary file and the signals ---------------------------------------------------


class _Scratch:
    """Files this write created and has not handed over; removed on any error or signal.

    While it is open (in the main thread), SIGTERM, SIGHUP and SIGINT raise Interrupted, so
    the cleanup below runs; afterwards the previous handlers are back.
    """

    def __init__(self) -> None:
        self.paths: list[str] = []
        self.handlers: dict[int, signal._HANDLER] = {}

    def __enter__(self) -> _Scratch:
        if threading.current_thread() is threading.main_thread():
            for sig in SIGNALS:
                previous = signal.getsignal(sig)
                if previous is signal.SIG_IGN:
                    continue  # nohup: the user asked for this signal to be ignored
                self.handlers[sig] = previous
                signal.signal(sig, self._interrupt)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        with self.held():  # a second signal must not cut the cleanup short
            if error is not None:
                for path in reversed(self.paths):
                    with suppress(OSError):
                        os.unlink(path)
                self.paths.clear()
            for sig, previous in self.handlers.items():
                signal.signal(sig, previous)
        # A signal held off above now reaches the previous handler (by default: the end).

    @staticmethod
    def _interrupt(signum: int, frame: FrameType | None) -> None:
        raise Interrupted(signum)

    @contextmanager
    def held(self) -> Iterator[None]:
        """Hold our signals off, so a file is never created without being remembered."""
        if not self.handlers or not hasattr(signal, "pthread_sigmask"):
            yield
            return
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, set(self.handlers))
        try:
            yield
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)

    def new_temporary(self, folder: str, prefix: str, data: bytes) -> str:
        """A new private (0600) file in `folder` holding `data` (on disk: fsync), removed
        again unless `forget` is called."""
        with self.held():
            handle, path = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=folder)
            self.remember(path)
        _write_all(handle, data)
        return path

    def remember(self, path: str) -> None:
        self.paths.append(path)

    def forget(self, path: str) -> None:
        self.paths.remove(path)


# --- small helpers ------------------------------------------------------------------------


def _real(path: str | os.PathLike[str]) -> str:
    try:
        return os.path.realpath(path)
    except (OSError, ValueError):
        return os.path.abspath(path)


def _stat(path: str, *, follow: bool = True) -> os.stat_result | None:
    try:
        return os.stat(path, follow_symlinks=follow)
    except FileNotFoundError:
        return None


def _umask() -> int:
    """The process umask (reading it means setting it; set straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _reason(err: BaseException) -> str:
    return getattr(err, "strerror", None) or str(err)

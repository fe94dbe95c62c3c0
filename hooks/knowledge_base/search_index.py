"""Full-text search with Pagefind: one bundle per language, in that language's folder (pagefind/,
pl/pagefind/, nb/pagefind/), so a reader only ever loads and searches their own language.

static-i18n builds the languages one after another. As soon as a language's pages are written, they go
to Pagefind, which reads them and writes that language's bundle in its own process while Python renders
the next language: on two cores the indexing is then hidden behind the build, and after the last
language only that language's index remains to be made. (One bundle for all languages could only be
written after the last language, and writing is most of Pagefind's work: 3.5 s at the end of the
build against 1.3 s, at 3 × 300 pages.)

(Feeding Pagefind page by page from the build was measured slower: every page then crosses the
Python API's JSON and base64 encoding, 6.3 s against 4.0 s at 3 × 300 pages. A folder is one run.)
"""
from __future__ import annotations

import os
import re
import subprocess

# Letters that Unicode does not decompose, so Pagefind cannot fold them: a reader typing without
# Polish or Norwegian letters types these instead.
FOLD = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE"})
_SPECIAL = frozenset("łŁøØæÆ")
_WORDS = re.compile(r"[^\W\d_]+")
_TAG = re.compile(r"<[^>]+>")
EXCLUDE = [".headerlink", ".kb-checklist__link", ".md-source-file"]
BUNDLE = "pagefind"   # each language's bundle: <language prefix>pagefind/
# How much a word counts on a page of each type (Pagefind's data-pagefind-weight; 1 is the default):
# pages that gather other pages' words (checklists, handouts, the planner's procedures, the glossary)
# would otherwise outrank the guide a reader is looking for, as they repeat its words many times.
TYPE_WEIGHTS = {"checklist": 0.4, "handout": 0.3, "planner": 0.3, "self-assessment": 0.3, "glossary": 0.5,
                "workshop": 0.6, "topic": 0.6}
SUMMARY_WEIGHT = 4   # the page's summary, indexed beside its text: the words that say what it is about
TIMEOUT = 1800        # seconds for one language: far more than any site here needs


def type_weight(page_type: str) -> str:
    """The weight of a page's words for its type, as the attribute value ('' for the default)."""
    weight = TYPE_WEIGHTS.get(page_type)
    return "" if weight is None else str(weight)


def folded_terms(html: str) -> str:
    """Words of a page's content that contain ł, ø or æ, spelled without them, for the index only."""
    if _SPECIAL.isdisjoint(html):
        return ""
    # distinct whitespace-separated tokens first: most are not words with these letters
    tokens = [t for t in set(_TAG.sub(" ", html).split()) if not _SPECIAL.isdisjoint(t)]
    return " ".join(sorted({w.translate(FOLD).lower() for t in tokens for w in _WORDS.findall(t) if not _SPECIAL.isdisjoint(w)}))


def language_glob(site_dir: str, prefix: str, other_prefixes) -> str:
    """The HTML files of one language: its folder, or for the language at the site's root everything
    outside the other languages' folders (and outside Pagefind's own output)."""
    if prefix:
        return prefix.rstrip("/") + "/**/*.html"
    skip = {p.strip("/") for p in other_prefixes if p} | {"pagefind"}
    folders = sorted(e.name for e in os.scandir(site_dir) if e.is_dir() and e.name not in skip)
    return "{" + ",".join(["*.html"] + [f"{name}/**/*.html" for name in folders]) + "}"


class Indexer:
    """Pagefind's own program, run once per language in the background: add() starts indexing one
    language's pages into its bundle (<prefix>pagefind/) and returns at once; finish() waits for all of
    them and returns the number of pages indexed; close() stops them after a failed build.

    The command line rather than Pagefind's Python API: a Pagefind process that dies leaves the API
    waiting for an answer for ever, while a finished command always has an exit code."""

    def __init__(self, site_dir: str):
        from concurrent.futures import ThreadPoolExecutor

        self.site_dir = site_dir
        self._pool = ThreadPoolExecutor(2, thread_name_prefix="pagefind")
        self._jobs: list = []
        self._running: set = set()

    def add(self, glob: str, prefix: str = "") -> None:
        self._jobs.append(self._pool.submit(self._run, glob, os.path.join(self.site_dir, prefix, BUNDLE)))

    def _run(self, glob: str, output_path: str) -> int:
        from pagefind.service import get_executable   # the binary of pagefind[bin], or PAGEFIND_BINARY_PATH

        exe = get_executable()
        if exe is None:
            raise RuntimeError("the Pagefind program is not installed")
        args = [str(exe), "--site", self.site_dir, "--glob", glob, "--output-path", output_path]
        for selector in EXCLUDE:
            args += ["--exclude-selectors", selector]
        proc = subprocess.Popen(args, cwd=self.site_dir, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                text=True, encoding="utf-8", errors="replace")
        self._running.add(proc)
        try:
            out, _ = proc.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise RuntimeError(f"Pagefind did not finish in {TIMEOUT} s") from None
        finally:
            self._running.discard(proc)
        if proc.returncode != 0:
            last = " ".join(out.strip().splitlines()[-3:]) or "no output"
            raise RuntimeError(f"Pagefind stopped with exit code {proc.returncode} ({last})")
        found = re.search(r"Indexed (\d+) pages?", out)
        return int(found.group(1)) if found else 0

    def finish(self) -> int:
        try:
            return sum(job.result() for job in self._jobs)
        finally:
            self.close()

    def close(self) -> None:
        for proc in list(self._running):
            proc.kill()
        self._pool.shutdown(wait=False, cancel_futures=True)

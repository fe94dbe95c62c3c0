#!/usr/bin/env python3
"""make bench: build time at scale, hook overhead, page weight — measured side by side in one run.

    python tests/bench.py [--n 300] [--runs 2] [--keep DIR]

For N and 2N pages per language (BENCH_N or --n), a synthetic site is generated from the project's own
page templates (hooks/templates/), with text taken from the real guides, references by id, backlinks,
checklists and glossary terms, in every language of mkdocs.yml, with topic overviews and a case library
overview as on the real site, and translations stamped with their source's hash (one in twenty left
outdated). Each size is built --runs times with
two configurations, alternating:

  project   the real configuration: hooks, generated pages, exports, Pagefind, no Material search
  baseline  the same pages, theme features and Markdown extensions, static-i18n and Material's search
            plugin, and none of the project's hooks (so none of its generated pages)

It prints median wall time, the ratio project/baseline, the growth factor time(2N)/time(N), peak memory
(max RSS of the build process), `kb.py check` on the 2N site, and the compressed weight of a guide page's
first load and of the first Polish search.
"""
from __future__ import annotations

import argparse
import copy
import gzip
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from types import SimpleNamespace

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "hooks"))

import yaml  # noqa: E402

from knowledge_base import frontmatter  # noqa: E402
from knowledge_base import model  # noqa: E402
from knowledge_base import scaffold  # noqa: E402
from knowledge_base import site_config  # noqa: E402
from knowledge_base import translations  # noqa: E402

PHASES = ["initiation", "diagnosis", "drafting", "consultation", "adoption", "implementation", "monitoring"]


# --- synthetic content ---------------------------------------------------------------------------------

def real_paragraphs(registry, lang: str) -> list[str]:
    """Plain paragraphs of the real guides in one language: realistic words, lengths and inflections."""
    out = []
    for page in registry.pages:
        if page.type != "guide" or page.lang != lang:
            continue
        for block in page.body.split("\n\n"):
            # links of the real page (to its own anchors, to neighbouring files) would be broken here: their text
            text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", " ".join(block.split()))
            if len(text) > 200 and not text.startswith(("#", "-", "|", "!", "?", "<", "`")) and "[[" not in text:
                out.append(text)
    return out


def make_guide(page_id: str, topic: str, lang: str, source_lang: str, rnd: random.Random, paragraphs, guide_ids,
               term_ids, today) -> str:
    text = scaffold.render("guide", page_id=page_id, topic=topic, today=today, guide=rnd.choice(guide_ids))
    header, body = text.split("\n---\n", 1)
    meta = yaml.safe_load(header.lstrip("-\n"))
    meta.update(title=f"{page_id.replace('-', ' ').capitalize()} ({lang})", summary=rnd.choice(paragraphs)[:160],
                phase=rnd.sample(PHASES, 2), related=rnd.sample(guide_ids, 2))
    meta["sources"] = [{"title": "Source A", "url": "https://example.org/a"}, {"title": "Source B", "reference": "Publisher, 2024"}]
    for entries in meta["legal_basis"].values():
        for provision in entries:
            provision.update(ref="art. 1", title="An act")
    if lang != source_lang:
        meta["translated_from"] = source_lang
    refs = " ".join(f"[[{g}]]" for g in rnd.sample(guide_ids, 3))
    term = rnd.choice(term_ids)
    sections = [f"# {meta['title']}", "", '!!! summary "In short"', "    " + rnd.choice(paragraphs)[:300], ""]
    for anchor, title in (("why", "Why it matters"), ("how", "How to do it")):
        sections += [f"## {title} {{#{anchor}}}", ""] + [rnd.choice(paragraphs) + "\n" for _ in range(3)]
    sections += [f"See {refs} and [[glossary:{term}]].", ""]
    for n in range(1, 4):
        sections += [f"### Step {n} {{#step-{n}}}", "", rnd.choice(paragraphs), ""]
    sections += ["## Checklist {#checklist}", ""]
    for n in range(1, 9):
        sections += [f"- [ ] `item-{n}` {rnd.choice(paragraphs)[:120]}", f"    - phase: {PHASES[n % len(PHASES)]}",
                     f"    - why: {rnd.choice(paragraphs)[:100]}", "    - law PL: art. 8e u.p.z.p."]
    sections += ["", "## Pitfalls {#pitfalls}", "", rnd.choice(paragraphs), ""]
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" + "\n".join(sections) + "\n"


def make_case(page_id: str, topic: str, lang: str, source_lang: str, rnd: random.Random, paragraphs, guide_ids, today) -> str:
    text = scaffold.render("case", page_id=page_id, topic=topic, today=today, guide=rnd.choice(guide_ids))
    header, _ = text.split("\n---\n", 1)
    meta = yaml.safe_load(header.lstrip("-\n"))
    population = rnd.randint(5000, 150000)
    meta.update(title=f"{page_id.replace('-', ' ').capitalize()} ({lang})", summary=rnd.choice(paragraphs)[:140],
                municipality="Illustrative town", region="region", population=population,
                population_band=[b for b, lo, hi in (("under-10k", 0, 1e4), ("10k-20k", 1e4, 2e4), ("20k-50k", 2e4, 5e4),
                                                    ("50k-100k", 5e4, 1e5), ("over-100k", 1e5, 1e9)) if lo <= population < hi][0],
                methods=rnd.sample(guide_ids, 2), evidence="illustrative",
                location={"lat": round(rnd.uniform(50, 54), 3), "lon": round(rnd.uniform(15, 23), 3)},
                outcomes=["An illustrative outcome."], challenges=["depopulation"])
    meta["population_source"] = {"title": "Synthetic", "year": 2024, "url": "https://example.org/pop"}
    meta["sources"] = [{"title": "Source A", "url": "https://example.org/a"}, {"title": "Source B", "url": "https://example.org/b"}]
    if lang != source_lang:
        meta["translated_from"] = source_lang
    body = [f"# {meta['title']}", "", '!!! summary "In short"', "    This is an illustrative example.", ""]
    for anchor in ("context", "what-was-done", "results", "lessons", "transfer"):
        body += [f"## {anchor.replace('-', ' ').capitalize()} {{#{anchor}}}", "", rnd.choice(paragraphs), ""]
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" + "\n".join(body) + "\n"


def generate(dest: str, n: int, registry, seed: int = 1) -> None:
    """n pages per language: topic pages, guides (70%) and cases (30%), in every language of the site."""
    import datetime as dt
    config = registry.config
    codes, source_lang = config.codes, config.default_language
    topics = registry.vocab.keys("topics")
    paragraphs = {c: real_paragraphs(registry, c) or real_paragraphs(registry, source_lang) for c in codes}
    term_ids = sorted(registry.glossary.terms) or ["none"]
    n_guides = max(3, int(n * 0.7) - len(topics) - 1)
    n_cases = max(1, n - n_guides - len(topics) - 1)
    guides = [(f"guide-{i:04d}", topics[i % len(topics)]) for i in range(n_guides)]
    guide_ids = [g for g, _ in guides]
    today = dt.date(2026, 11, 29)
    docs = os.path.join(dest, "docs")
    pages: dict = {}
    for code in [source_lang] + [c for c in codes if c != source_lang]:
        extra = "" if code == source_lang else f"translated_from: {source_lang}\n"
        pages[f"index.{code}.md"] = f"---\nid: home\ntype: page\ntitle: Home\n{extra}---\n\nSynthetic site.\n"
        pages[f"cases/index.{code}.md"] = (   # the case library's overview: browser, map, index by topic
            f"---\nid: cases\ntype: page\ntitle: Cases\nlists: cases\n{extra}---\n\n# Cases\n\nSynthetic cases.\n")
        for topic in topics:
            pages[f"{topic}/index.{code}.md"] = f"---\nid: {topic}\ntype: topic\ntitle: {topic}\nsummary: Topic.\n{extra}---\n\nTopic.\n"
        for page_id, topic in guides:
            r = random.Random(f"{seed}-{page_id}-{code}")
            pages[f"{topic}/{page_id}.{code}.md"] = make_guide(page_id, topic, code, source_lang, r, paragraphs[code],
                                                               guide_ids, term_ids, today)
        for i in range(n_cases):
            r = random.Random(f"{seed}-case-{i}-{code}")
            pages[f"cases/case-{i:04d}.{code}.md"] = make_case(f"case-{i:04d}", topics[i % len(topics)], code, source_lang,
                                                               r, paragraphs[code], guide_ids, today)
    for rel, text in pages.items():
        write(docs, rel, stamp(rel, text, pages, source_lang))


def stamp(rel: str, text: str, pages: dict, source_lang: str) -> str:
    """Translations record the hash of their source, as `kb.py stamp` writes it; one in twenty is left
    outdated (a wrong hash), as on a real site where some sources have changed since translation."""
    if f"translated_from: {source_lang}\n" not in text:
        return text
    source_rel = re.sub(r"\.\w+\.md$", f".{source_lang}.md", rel)
    meta, body, _, _ = frontmatter.parse(source_rel, pages[source_rel])
    digest = translations.source_hash(SimpleNamespace(meta=meta, body=body))
    if zlib.crc32(rel.encode()) % 20 == 0:
        digest = "00000000"
    return translations.stamp_text(text, digest)


def write(docs: str, rel: str, text: str) -> None:
    path = os.path.join(docs, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)


# --- configurations ------------------------------------------------------------------------------------

def configs(dest: str) -> tuple[str, str]:
    with open(os.path.join(ROOT, "mkdocs.yml"), encoding="utf-8") as fh:
        cfg = yaml.load(fh, Loader=site_config._TolerantLoader)
    cfg["docs_dir"] = os.path.join(dest, "docs")
    cfg["theme"]["custom_dir"] = os.path.join(ROOT, "overrides")
    cfg["extra"]["kb"]["data_dir"] = os.path.join(ROOT, "data")
    cfg["strict"] = False
    project = copy.deepcopy(cfg)
    project["hooks"] = [os.path.join(ROOT, "hooks", "kb_hook.py")]
    baseline = copy.deepcopy(cfg)
    baseline.pop("hooks", None)
    plugins = []
    for plugin in baseline["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            plugins.append({"search": {"lang": ["en"]}})
            plugins.append({"i18n": dict(plugin["i18n"], reconfigure_search=True)})
        else:
            plugins.append(plugin)
    baseline["plugins"] = plugins
    paths = []
    for name, data in (("project", project), ("baseline", baseline)):
        path = os.path.join(dest, f"mkdocs.{name}.yml")
        with open(path, "w", encoding="utf-8") as fh:
            yaml.safe_dump(data, fh, allow_unicode=True, sort_keys=False)
        paths.append(path)
    return paths[0], paths[1]


def timed_build(config_path: str, site_dir: str) -> tuple[float, float]:
    """Wall time (s) and peak memory (MiB) of one `mkdocs build`."""
    shutil.rmtree(site_dir, ignore_errors=True)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q", "-f", config_path, "-d", site_dir],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    err = proc.stderr.read().decode("utf-8", "replace")
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build failed ({config_path}):\n{err[-3000:]}")
    return elapsed, usage.ru_maxrss / 1024


# --- page weight ---------------------------------------------------------------------------------------

def gz(path: str) -> int:
    with open(path, "rb") as fh:
        return len(gzip.compress(fh.read(), compresslevel=6))


def page_weight(site_dir: str, page_rel: str) -> tuple[int, dict]:
    """Compressed bytes of a page's first load: its HTML and the CSS, JS, images and fonts it references."""
    page_path = os.path.join(site_dir, page_rel)
    html = open(page_path, encoding="utf-8").read()
    parts = {"html": gz(page_path)}
    refs = re.findall(r'<(?:script|img)[^>]+src="([^"]+)"', html) + \
        re.findall(r'<link[^>]+rel="(?:stylesheet|icon|preload)"[^>]+href="([^"]+)"', html) + \
        re.findall(r'<link[^>]+href="([^"]+)"[^>]+rel="(?:stylesheet|icon)"', html)
    for ref in dict.fromkeys(refs):
        if re.match(r"^(https?:)?//", ref):
            continue
        path = os.path.normpath(os.path.join(os.path.dirname(page_path), ref.split("?")[0]))
        if os.path.isfile(path):
            parts[os.path.basename(path)] = gz(path)
    return sum(parts.values()), parts


def first_search_weight(site_dir: str, lang: str = "pl") -> tuple[int, str]:
    """Bytes of the first search: measured in Chromium when available, else estimated from the files."""
    try:
        from browser.conftest import CHROMIUM  # noqa: WPS433
        if not os.path.exists(CHROMIUM):
            raise ImportError
        return _measured_search(site_dir, lang, CHROMIUM), "measured in Chromium"
    except Exception:  # noqa: BLE001 - fall back to an estimate
        pf = os.path.join(site_dir, lang, "pagefind")
        files = ["pagefind.js", "pagefind-worker.js", f"wasm.{lang}.pagefind"]
        total = sum(gz(os.path.join(pf, f)) for f in files if os.path.exists(os.path.join(pf, f)))
        total += sum(os.path.getsize(os.path.join(pf, f)) for f in os.listdir(pf) if f.startswith(f"pagefind.{lang}") and f.endswith(".pf_meta"))
        return total, "estimated from files (no browser)"


def _measured_search(site_dir: str, lang: str, chromium: str) -> int:
    from playwright.sync_api import sync_playwright

    import static_server
    server, url = static_server.serve(site_dir)
    sizes = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=["--headless", "--no-sandbox", "--disable-gpu",
                                                                        "--disable-background-networking"])
            page = browser.new_page()
            page.on("requestfinished", lambda r: sizes.__setitem__(r.url, r.sizes()["responseBodySize"]) if "/pagefind/" in r.url else None)
            page.goto(f"{url}{lang}/")
            page.evaluate("""async () => { const pf = await import('/pl/pagefind/pagefind.js');
                const s = await pf.search('gminie'); await Promise.all(s.results.slice(0, 10).map(r => r.data())); }""")
            page.wait_for_timeout(300)
            browser.close()
    finally:
        server.shutdown()
    for url_, size in list(sizes.items()):
        if size == 0:   # worker requests are not measured: count the file, compressed
            sizes[url_] = gz(os.path.join(site_dir, url_.split("/", 3)[3].split("?")[0]))
    return sum(sizes.values())


# --- main ----------------------------------------------------------------------------------------------

def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=int(os.environ.get("BENCH_N", "300")))
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "2")))
    parser.add_argument("--keep", default=None, help="keep the synthetic sites in this folder")
    args = parser.parse_args(argv)
    registry, _ = model.load(site_config.load(os.path.join(ROOT, "mkdocs.yml")))
    work = args.keep or tempfile.mkdtemp(prefix="kb-bench-")
    languages = len(registry.config.codes)
    print(f"make bench: N = {args.n} pages per language, {languages} languages, {args.runs} runs per configuration, "
          f"{os.cpu_count()} cores, in {work}")
    results = {}
    for size in (args.n, 2 * args.n):
        dest = os.path.join(work, f"n{size}")
        shutil.rmtree(dest, ignore_errors=True)
        generate(dest, size, registry)
        project_cfg, baseline_cfg = configs(dest)
        times = {"project": [], "baseline": []}
        memory = {"project": 0.0, "baseline": 0.0}
        for run in range(args.runs):            # alternate, so that drift hits both alike
            for name, cfg in (("project", project_cfg), ("baseline", baseline_cfg)):
                elapsed, rss = timed_build(cfg, os.path.join(dest, f"site-{name}"))
                times[name].append(elapsed)
                memory[name] = max(memory[name], rss)
        results[size] = {k: statistics.median(v) for k, v in times.items()}
        results[size]["memory"] = memory
        results[size]["dest"] = dest
        p, b = results[size]["project"], results[size]["baseline"]
        print(f"  {languages} × {size} pages: project {p:6.2f} s   baseline {b:6.2f} s   ratio {p / b:4.2f}   "
              f"peak memory {memory['project']:.0f} / {memory['baseline']:.0f} MiB")
    n1, n2 = args.n, 2 * args.n
    for name in ("project", "baseline"):
        print(f"  growth time(2N)/time(N), {name}: {results[n2][name] / results[n1][name]:.2f}")
    dest = results[n2]["dest"]
    start = time.perf_counter()
    subprocess.run([sys.executable, os.path.join(ROOT, "hooks", "kb.py"), "--config", os.path.join(dest, "mkdocs.project.yml"),
                    "check"], capture_output=True, text=True)
    print(f"  kb.py check on {languages} × {n2} pages: {time.perf_counter() - start:.2f} s")
    site = os.path.join(dest, "site-project")
    topic = registry.vocab.keys("topics")[0]
    weight, parts = page_weight(site, f"pl/{topic}/guide-0000/index.html")
    print(f"  guide page, first load, gzip: {weight / 1024:.0f} KB ({', '.join(f'{k} {v // 1024} KB' for k, v in parts.items())})")
    search, how = first_search_weight(site)
    print(f"  first Polish search: {search / 1024:.0f} KB ({how})")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Which source each quote comes from — or none: structure and text evidence, combined.

First, when the titles pair quotes and sources one-to-one clearly and not in the list's
order (``podcaster.text.assignment``: each pair well ahead of every alternative), the quotes
are credited in that order, each article noted "credited out of the list's order". Else
sources are taken to be listed in the order the articles are quoted, and quotes are assigned
to sources by a monotonic alignment. Two kinds of evidence are combined:

- the post's structure: as many quote blocks as sources (one block each, the strongest prior),
  as many runs of quotes as sources (commentary between articles), the greeting's own count
  ("세 가지 소식") agreeing or not;
- the text (``podcaster.text.evidence``): title bigrams and words, figures, the outlet's name,
  the language of quote and title.

When the structure decides the articles, each gets the source of its rank unless a title
clearly says otherwise (then the structure is not trusted and the text decides). Otherwise a
dynamic programme aligns quote blocks to sources on the text alone
(``podcaster.text.alignment``); a block with no evidence of its own continues the article
before it only when the post shows the habit of quoting several blocks per article and the
next article's first block matches its title. Every article then gets a
confidence, ``1 - (1 - structure) * (1 - text)``, lowered when another title fits its quote
better, or when a Korean quote shares no word with a Korean title. Below ``MIN_CONFIDENCE``
the article keeps no source and a warning names the post, the paragraph, the quote's first
words, the source it fits best and what the author can change
(``podcaster.text.notices``): a quote read without an outlet is better than one credited
to the wrong outlet. The paragraphs of one quotation stay one article unless a paragraph fits
another source by several kinds of evidence (``podcaster.text.quotation``, with a warning);
the greeting's count settles how quotes group only when it joins no quotes pointing at
different sources, and a count the post does not bear out is a warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from podcaster.model import Post
from podcaster.text.alignment import align_in_order, match_in_order
from podcaster.text.assignment import clear_source, in_order, pair_clearly
from podcaster.text.evidence import Evidence, SourceEvidence, language
from podcaster.text.notices import AttributionWarning, first_words, warning_at
from podcaster.text.quotation import split_quotations
from podcaster.text.structure import QuoteBlock, greeting_count, quote_blocks

# Structure priors: how sure the post's shape alone makes an article's source.
PRIOR_BLOCKS = 0.9  # one quote block per source
PRIOR_RUNS = 0.8  # one run of quotes per source, the author's words between them
PRIOR_ALL_USED = 0.35  # the text alignment uses every source once, in order
GREETING_AGREES = 0.1  # added when the greeting counts as many articles
GREETING_DISAGREES = 0.5  # taken off when it counts another number: the text must decide
# A text score this high is full text evidence on its own.
TEXT_FULL = 0.5
# Another title fits better when its score beats the article's own by this much.
CONTRADICTION_MARGIN = 0.1
CLEAR_TITLE = 0.2
OTHER_FITS_BETTER = 0.3  # the most an article is trusted when another title fits it better
NO_SHARED_WORD = 0.15  # taken off when a Korean quote shares nothing with a Korean title
MIN_CONFIDENCE = 0.5
# A pairing of articles and sources well ahead of every alternative (``assignment``): as
# sure as the text makes it, and at least as sure as crediting needs.
PRIOR_ASSIGNED = MIN_CONFIDENCE
OUT_OF_ORDER = "credited out of the list's order"
# The warning for a post with quotes and no sources; ``segment`` completes it with what was
# left unread after the sign-off (``spoken.no_sources_message``).
NO_SOURCES = "the post lists no sources; articles are announced without an outlet"
_LANGUAGES = {"ko": "Korean", "en": "English", "ja": "Japanese"}


@dataclass
class Article:
    """A run of quote blocks that listeners hear as one article."""

    blocks: list[int]  # indices into post.blocks
    source: int | None = None  # index into post.sources
    confidence: float | None = None
    why: list[str] = field(default_factory=list)
    note: str | None = None  # how the source was found, when not the usual way


@dataclass
class Attribution:
    articles: list[Article]
    warnings: list[AttributionWarning]


def attribute(post: Post) -> Attribution:
    """Group the post's quotes into articles and credit each to a source, or to none."""
    units = quote_blocks(post.blocks)
    if not units:
        return Attribution([], [])
    first = units[0].blocks[0]
    count = greeting_count([b.text for b in post.blocks[:first]])
    unclosed = [warning_at(post, u.blocks[0], _unclosed_message(post, u))
                for u in units if post.blocks[u.blocks[0]].unclosed]
    if not post.sources:
        runs = _runs(units)
        groups = _by_unit(units) if count == len(units) != len(runs) else runs
        articles = [Article(_blocks(units, g), why=["the post lists no sources"]) for g in groups]
        none = AttributionWarning(post.path.name, NO_SOURCES)
        return Attribution(articles, [*unclosed, none])
    scorer = SourceEvidence(post.sources)
    units, split = split_quotations(post, units, scorer)
    attribution = _Attributor(post, units, _runs(units), count, scorer).run()
    attribution.warnings[:0] = [*unclosed, *split]
    return attribution


def _unclosed_message(post: Post, unit: QuoteBlock) -> str:
    last = post.blocks[unit.blocks[-1]]
    end = f" (line {last.line})" if last.line else ""
    return (f"the quote mark opened here is not closed; the quote is taken to end with "
            f"paragraph {unit.blocks[-1] + 1}{end}; add the closing mark where it ends")


def _articles(n: int) -> str:
    return f"{n} article" if n == 1 else f"{n} articles"


def _runs(units: list[QuoteBlock]) -> list[list[int]]:
    runs: list[list[int]] = []
    for u, unit in enumerate(units):
        if not runs or units[runs[-1][-1]].run != unit.run:
            runs.append([])
        runs[-1].append(u)
    return runs


def _by_unit(units: list[QuoteBlock]) -> list[list[int]]:
    return [[u] for u in range(len(units))]


def _blocks(units: list[QuoteBlock], group: list[int]) -> list[int]:
    return [i for u in group for i in units[u].blocks]


_UNCLEAR = object()  # a quote block whose title evidence points to no source clearly


class _Attributor:
    def __init__(self, post: Post, units: list[QuoteBlock], runs: list[list[int]],
                 count: int | None, scorer: SourceEvidence) -> None:
        self.post, self.units, self.runs, self.count = post, units, runs, count
        self.k = len(post.sources)
        self.scorer = scorer
        self.texts = [u.text(post.blocks) for u in units]
        self.ev: list[list[Evidence]] = [
            [self.scorer.evidence(text, source) for source in range(self.k)]
            for text in self.texts
        ]
        # per quote block: the source its title evidence clearly points to, None when it
        # has no title evidence, _UNCLEAR when it has some but no clear winner
        self.clear: list = [self._clear(row) for row in self.ev]
        self.warnings: list[AttributionWarning] = []
        self.odd: dict[int, int] = {}  # quote block -> the source whose title fits it better
        # warnings about articles left without a source, finished once every article is
        # known: (quote blocks, the source considered, message; "" when the quote fits a
        # source the order of sources rules out)
        self.pending: list[tuple[list[int], int | None, str]] = []
        self.candidates: set[int] = set()  # sources weakly matched and left uncredited
        self.detached: set[int] = set()  # blocks without evidence, not trusted to continue
        self.opened: set[int] = set()  # of these, those that may open the next article
        self.several = False  # the author quotes articles over several blocks

    @staticmethod
    def _clear(row: list[Evidence]):
        scores = [evidence.title_score for evidence in row]
        if not any(scores):
            return None
        source = clear_source(scores)
        return _UNCLEAR if source is None else source

    # --- the plan --------------------------------------------------------------------------

    def run(self) -> Attribution:
        assigned = self._assign()
        if assigned is not None:
            articles = assigned
        else:
            articles = self._in_order()
        self._warn_uncredited(articles)
        self._warn_count(articles)
        self._warn_unused(articles)
        return Attribution(articles, self.warnings)

    def _in_order(self) -> list[Article]:
        """Articles credited by the structure, or by aligning quotes and sources in order."""
        groups, prior, why = self._structure()
        if groups is not None and len(groups) == self.k:
            sources = list(range(self.k))
            broken = self._contradiction(groups, sources)
            if broken:
                why = [f"the structure suggested one source each, but {broken}"]
                groups = None
        if groups is None:
            groups, sources = self._split_doubtful(*self._align())
            prior, why = self._alignment_prior(sources, why)
        elif len(groups) != self.k:
            sources = self._match(groups)
            prior = 0.0
        return [self._judge(g, s, prior, why) for g, s in zip(groups, sources, strict=True)]

    def _structure(self) -> tuple[list[list[int]] | None, float, list[str]]:
        """Articles the post's shape gives, with the prior they carry, or None."""
        blocks, runs, count = len(self.units), len(self.runs), self.count
        if blocks == self.k:
            groups, prior = _by_unit(self.units), PRIOR_BLOCKS
            why = [f"one quote block per source ({blocks} blocks, {self.k} sources)"]
        elif runs == self.k:
            groups, prior = self.runs, PRIOR_RUNS
            why = [f"one run of quotes per source ({runs} runs, {self.k} sources)"]
        elif count is not None and count == blocks:
            return _by_unit(self.units), 0.0, [f"the greeting counts {count} articles"]
        elif count is not None and count == runs and not self._joins_apart(self.runs):
            # the count may settle how quotes group, never join quotes pointing apart
            return self.runs, 0.0, [f"the greeting counts {count} articles"]
        else:
            return None, 0.0, []
        if count is not None and count != len(groups):
            prior -= GREETING_DISAGREES
            why.append(f"but the greeting counts {count} articles")
        elif count is not None:
            prior += GREETING_AGREES
            why.append(f"the greeting counts {count} articles")
        return groups, prior, why

    def _joins_apart(self, groups: list[list[int]]) -> bool:
        """True when a group holds quote blocks whose titles clearly point to different
        sources."""
        return any(len({self.clear[u] for u in group} - {None}) > 1 for group in groups)

    # --- any order -------------------------------------------------------------------------

    def _assign(self) -> list[Article] | None:
        """Articles credited in any order, when the evidence pairs quotes and sources
        one-to-one clearly and not in the list's order (``podcaster.text.assignment``);
        None when it does not (the order of sources then decides)."""
        if any(unit is _UNCLEAR for unit in self.clear):
            return None
        groups: list[list[int]] = []
        may_continue = self._may_continue_any_order()
        for u, source in enumerate(self.clear):
            before = self.clear[groups[-1][0]] if groups else None
            same_run = bool(groups) and self.units[u].run == self.units[u - 1].run
            if same_run and before is not None and source in (before, None) and (
                    source is not None or may_continue):
                groups[-1].append(u)
            else:
                groups.append([u])
        scores = [[max(self.ev[u][source].title_score for u in group)
                   for source in range(self.k)] for group in groups]
        pairs = pair_clearly(scores)
        if pairs is None or in_order(pairs):
            return None
        why = ["each quote fits one source well ahead of every other, one to one"]
        articles = []
        for group, source in zip(groups, pairs, strict=True):
            article = self._judge(group, source, PRIOR_ASSIGNED, why)
            if article.source is not None:
                article.note = OUT_OF_ORDER
            articles.append(article)
        return articles

    def _alignment_prior(self, sources: list[int | None], why: list[str]):
        used = {s for s in sources if s is not None}
        if len(used) == self.k and self.count in (None, len(sources), len(sources) - len(self.opened)):
            prior = PRIOR_ALL_USED + (GREETING_AGREES if self.count else 0.0)
            return prior, [*why, f"every source quoted once, in order ({self.k} sources)"]
        return 0.0, why

    def _may_continue_any_order(self) -> bool:
        """Whether a quote block without title evidence may continue the article before it
        in its run, when quotes are credited in any order: every source is clearly quoted
        somewhere (none is left for the block to come from), and the author's habit of
        quoting an article over several blocks shows (two blocks in a row fit one source),
        or the greeting counts exactly the articles the evidence finds."""
        paired = [s for s in self.clear if s is not None and s is not _UNCLEAR]
        if len(set(paired)) != self.k:
            return False
        habit = any(a == b is not None and self.units[u].run == self.units[u + 1].run
                    for u, (a, b) in enumerate(zip(self.clear, self.clear[1:])))
        return habit or self.count == self.k

    # --- text ------------------------------------------------------------------------------

    def _best(self, group: list[int], j: int) -> Evidence:
        """The evidence of the quote block of ``group`` that fits source ``j`` best."""
        return max((self.ev[block][j] for block in group), key=lambda evidence: evidence.score)

    def _contradiction(self, groups: list[list[int]], sources: list[int]) -> str | None:
        """Why the text rejects crediting ``groups`` to ``sources``, or None."""
        for group, j in zip(groups, sources, strict=True):
            other = self._better_title(group, j)
            if other is not None:
                n = self.post.sources[other].n
                return f"the quote at paragraph {self.units[group[0]].blocks[0] + 1} fits source {n}"
        return None

    def _better_title(self, group: list[int], j: int) -> int | None:
        """Another source whose title clearly fits a quote block of ``group`` better than
        source ``j``'s, or None."""
        for block in group:
            own = self.ev[block][j].title_score
            scores = [(evidence.title_score, other)
                      for other, evidence in enumerate(self.ev[block]) if other != j]
            best, best_source = max(scores, default=(0.0, None))
            if best >= CLEAR_TITLE and best > own + CONTRADICTION_MARGIN:
                return best_source
        return None

    def _align(self) -> tuple[list[list[int]], list[int]]:
        """Quote blocks aligned to sources on the text: articles (split at runs) and sources."""
        sim = [[evidence.score for evidence in row] for row in self.ev]
        strong = [[evidence.title_score > 0 for evidence in row] for row in self.ev]
        starts = [u == 0 or self.units[u].run != self.units[u - 1].run
                  for u in range(len(self.units))]
        groups: list[list[int]] = []
        sources: list[int] = []
        for u, j in enumerate(align_in_order(sim, strong, starts)):
            if groups and sources[-1] == j and not starts[u]:
                groups[-1].append(u)
            else:
                groups.append([u])
                sources.append(j)
        return groups, sources

    def _split_doubtful(self, groups: list[list[int]], sources: list[int | None]):
        """Take out of each aligned article the quote blocks it cannot vouch for, to be
        judged alone: a block whose text clearly fits another source (the order of sources
        forbids going back: it gets no source), and a block without any evidence that merely
        follows the article when continuing is not expected (``_may_continue``)."""
        # The author shows the habit of quoting an article over several quote blocks when one
        # that continues an article has evidence of its own, or the greeting's count says so.
        self.several = self.count == self.k or any(
            self.ev[u][j].score > 0 for group, j in zip(groups, sources, strict=True)
            for u in group[1:])
        # A source the alignment leaves unquoted may be the one a block without evidence is from.
        self.several = self.several and len(set(sources)) == self.k
        next_article = {}  # quote block -> the next article's (first block, source) in its run
        for n, group in enumerate(groups[:-1]):
            after = groups[n + 1]
            if self.units[after[0]].run == self.units[group[0]].run:
                for u in group:
                    next_article[u] = (after[0], sources[n + 1])
        out_groups: list[list[int]] = []
        out_sources: list[int | None] = []
        for group, j in zip(groups, sources, strict=True):
            for n, u in enumerate(group):
                other = self._better_title([u], j) if j is not None else None
                silent = j is not None and self.ev[u][j].score == 0
                # the last of several blocks without evidence before the next article in the
                # run may as well open that article as end this one
                opens_next = (silent and u in next_article and n == len(group) - 1 and n >= 2
                              and self.ev[group[n - 1]][j].score == 0)
                if opens_next:
                    self.opened.add(u)
                alone = n == 0 or other is not None or opens_next or (
                    silent and not self._may_continue(next_article.get(u)))
                if other is not None:
                    self.odd[u] = other
                elif alone and n > 0:
                    self.detached.add(u)
                if alone or out_sources[-1] is None:
                    out_groups.append([u])
                    out_sources.append(None if other is not None else j)
                else:
                    out_groups[-1].append(u)
        return out_groups, out_sources

    def _may_continue(self, next_article: tuple[int, int] | None) -> bool:
        """Whether a quote block without evidence may continue the article before it.

        Only when continuing is expected — more quote blocks than sources, no greeting
        counting more articles than sources, every source credited somewhere, and the author's
        habit of quoting an article over several blocks shown elsewhere in the post — and, if
        another article follows in the same run, its first quote block matches its title
        (words or figures, not only an outlet's name, which may come anywhere in an article):
        else the block may as well open that next article."""
        if len(self.units) <= self.k or (self.count or 0) > self.k or not self.several:
            return False
        if next_article is None:
            return True
        first, j = next_article
        return self.ev[first][j].title_score > 0

    def _match(self, groups: list[list[int]]) -> list[int | None]:
        """Sources for articles whose number differs from the sources'."""
        return match_in_order([[self._best(group, source).score for source in range(self.k)]
                               for group in groups])

    # --- verdict ---------------------------------------------------------------------------

    def _judge(self, group: list[int], j: int | None, prior: float, why: list[str]) -> Article:
        blocks = _blocks(self.units, group)
        article = Article(blocks, why=list(why))
        if j is None:
            article.confidence = 0.0
            if group[0] in self.odd:
                n = self.post.sources[self.odd[group[0]]].n
                article.why = [f"its text fits source {n}, which the order of sources rules out"]
                self.pending.append((group, self.odd[group[0]], ""))
            else:
                article.why.append("no source's title matches the quote")
                problem = (f"no clear source for this quote ({len(self.units)} quote blocks, "
                           f"{self.k} sources)")
                self.pending.append((group, None, f"{problem}; it is read without an outlet"))
            return article
        evidence = self._best(group, j)
        against = self._against(group, j, evidence)
        if against is not None:
            source = self.post.sources[j]
            article.confidence = 0.0
            article.why.append(f"{against}: source {source.n} is not credited on the "
                               "structure alone")
            self.candidates.add(j)
            self.pending.append((group, j, f"{against}; it is read without an outlet"))
            return article
        text = min(1.0, evidence.score / TEXT_FULL)
        confidence = 1 - (1 - max(0.0, prior)) * (1 - text)
        article.why.extend(evidence.reasons)
        if group[0] in self.detached:
            article.why.append(f"it follows the article of source {self.post.sources[j].n}, "
                               "but nothing in it says it continues that article")
        if not evidence.reasons:
            foreign = self.scorer.foreign_title(j)
            article.why.append("title in another language: its words cannot be checked"
                               if foreign else "no title evidence in the quote")
        other = self._better_title(group, j)
        if other is not None:
            confidence = min(confidence, OTHER_FITS_BETTER)
            article.why.append(f"the title of source {self.post.sources[other].n} fits better")
        elif (evidence.title_score == 0 and not self.scorer.foreign_title(j)
              and language(" ".join(self.texts[u] for u in group)) == "ko"):
            confidence -= NO_SHARED_WORD
        confidence = round(max(0.0, min(1.0, confidence)), 2)
        article.confidence = confidence
        source = self.post.sources[j]
        if confidence >= MIN_CONFIDENCE:
            article.source = j
        else:
            article.why.append(f"too unsure to credit source {source.n}")
            self.candidates.add(j)
            if evidence.score == 0:
                problem = f"nothing in the quote points to source {source.n} ({source.title})"
            else:
                problem = f"the quote matches source {source.n} ({source.title}) only weakly"
            self.pending.append((group, j, f"{problem} (confidence {confidence:.2f}); "
                                           "it is read without an outlet"))
        return article

    def _against(self, group: list[int], j: int, evidence: Evidence) -> str | None:
        """What in the text speaks against source ``j`` when nothing in its title supports
        it, or None: the quote names another listed source's outlet and not its own, or
        quote and title are in the same language and share nothing (a translation cannot
        share words with a foreign title; an article in the title's own language would)."""
        if evidence.title_score > 0 or evidence.outlet_named:
            return None
        source = self.post.sources[j]
        named = sorted({other for block in group
                        for other, evidence in enumerate(self.ev[block]) if evidence.outlet_named})
        if named:
            other = self.post.sources[named[0]]
            return (f"the quote names {other.outlet} (source {other.n}), "
                    f"not {source.outlet} (source {source.n})")
        lang = language(" ".join(self.texts[u] for u in group))
        if lang and lang == self.scorer.languages[j]:
            return (f"the quote shares no word with the title of source {source.n} "
                    f"({source.title}), though both are in {_LANGUAGES.get(lang, lang)}")
        return None

    def _warn(self, block: int, message: str, advice: str = "") -> None:
        self.warnings.append(warning_at(self.post, block, message, advice))

    def _warn_uncredited(self, articles: list[Article]) -> None:
        """A warning for each article left without a source, naming the source its text
        fits best, why that source was not credited, and what the author can change."""
        credited = {a.source: a.blocks[0] for a in reversed(articles) if a.source is not None}
        for group, j, message in self.pending:
            block = self.units[group[0]].blocks[0]
            if not message:  # the quote fits source j, which the order of sources rules out
                self.candidates.add(j)  # named here: not also "credited to no quote"
                source = self.post.sources[j]
                fits = f"the quote fits source {source.n} ({first_words(source.title)})"
                if j in credited:
                    message = (f"{fits} but source {source.n} is credited to paragraph "
                               f"{credited[j] + 1}; it is read without an outlet")
                    advice = ("if both quotes come from it, put no quote of another article "
                              "between them; else list this quote's own source")
                else:
                    message = f"{fits}, out of the order of the sources; it is read " \
                              "without an outlet"
                    advice = "list the sources in the order of the quotes"
                self._warn(block, message, advice)
            elif group[0] in self.opened:
                self._warn(block, message, "it may end the article before it as well as open "
                           "the one after it: put a paragraph of your own where one ends")
            else:
                self._warn(block, message, self._advice(group, j, credited))

    def _advice(self, group: list[int], j: int | None, credited: dict[int, int]) -> str:
        """Which source the quote fits best and what would let it be credited."""
        scores = [self._best(group, source).score for source in range(self.k)]
        best = max(range(self.k), key=scores.__getitem__)
        if scores[best] == 0:
            return ("list the quote's source, or name its outlet or the words of its title "
                    "in the quote")
        source = self.post.sources[best]
        fits = f"it fits source {source.n} ({first_words(source.title)}) best"
        if best in credited and credited[best] != self.units[group[0]].blocks[0]:
            return (f"{fits}, but source {source.n} is credited to paragraph "
                    f"{credited[best] + 1}: if both come from it, put no quote of another "
                    "article between them; else list this quote's own source")
        if best != j and clear_source(scores) == best:
            return (f"{fits}, but the order of the sources rules it out: list the sources "
                    "in the order of the quotes")
        return (f"{fits}, but too weakly to credit: name its outlet or more words of its "
                "title in the quote")

    def _warn_count(self, articles: list[Article]) -> None:
        """Say once when the greeting counts another number of articles than the post
        quotes."""
        if self.count is None or self.count == len(articles):
            return
        first = self.units[0].blocks[0]
        said = next((i for i in range(first)
                     if greeting_count([self.post.blocks[i].text]) == self.count), None)
        message = (f"the greeting counts {_articles(self.count)}; the post quotes "
                   f"{len(articles)}")
        advice = "correct the count, or show where each article begins with a paragraph " \
                 "of your own between them"
        if said is None:
            self.warnings.append(AttributionWarning(self.post.path.name, message,
                                                    advice=advice))
        else:
            self.warnings.append(AttributionWarning(
                self.post.path.name, message, said + 1, self.post.blocks[said].line,
                advice=advice))

    def _warn_unused(self, articles: list[Article]) -> None:
        used = {a.source for a in articles}
        for j, source in enumerate(self.post.sources):
            if j not in used and j not in self.candidates:
                self.warnings.append(AttributionWarning(
                    self.post.path.name,
                    f"source {source.n} ({source.title}) is not credited to any quote"))

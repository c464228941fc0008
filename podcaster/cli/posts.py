"""``podcaster segments``, ``normalize`` and ``script``: how one post splits and is spoken."""

from __future__ import annotations

import json
from pathlib import Path

import click

from podcaster.cli.app import (
    main,
    verbosity,
)


@main.command()
@click.argument("post", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the post's segments as JSON.")
@click.option("--strict", is_flag=True,
              help="Exit with status 3 when a quote has no clear source (for CI).")
@verbosity
def segments(post: Path, as_json: bool, strict: bool) -> None:
    """Show how POST splits into greeting, articles, commentary and sign-off.

    A quote without a clear source is warned about; --strict makes that a failure."""

    from podcaster.text.read import read_post
    from podcaster.text.segment import analyse_post, describe_segments

    parsed = read_post(post)
    segmentation = analyse_post(parsed)
    doc = describe_segments(parsed, segmentation.segments, segmentation.warnings)
    if as_json:
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
        _fail_if_strict(strict, segmentation.warnings)
        return
    click.echo(f"{doc['title']}  ({doc['date']}, {doc['slug']}{', draft' if doc['draft'] else ''})")
    for i, seg in enumerate(doc["segments"], start=1):
        src = seg["source"]
        where = f"  [{src['n']}. {src['outlet'] or '-'}, {src['url'] or '-'}]" if src else ""
        sure = f"  (confidence {seg['confidence']:.2f})" if seg.get("confidence") is not None else ""
        click.echo(f"{i:2}. {seg['kind']:<10} {seg['title']}{where}{sure}")
        for reason in seg.get("why", []):
            click.echo(f"      why: {reason}")
        for para in seg["paragraphs"]:
            click.echo(f"      {para if len(para) <= 60 else para[:59] + '…'}")
    if not doc["sources"]:
        click.echo("(no sources)")
    for warning in segmentation.warnings:
        click.echo(f"warning: {warning}", err=True)
    _fail_if_strict(strict, segmentation.warnings)


def _fail_if_strict(strict: bool, warnings: list) -> None:
    if strict and warnings:
        from podcaster.errors import UnclearAttributionError

        raise UnclearAttributionError(warnings)


def _show_lines(parsed, segments) -> None:
    """Each line of the post and what it becomes (spoken as …, a source, not read)."""
    from podcaster.text.read import decode
    from podcaster.text.spoken import line_roles

    text = None if parsed.path.suffix.lower() in (".html", ".htm") else decode(parsed.raw,
                                                                                 parsed.path)
    for number, role, line in line_roles(parsed, segments, text):
        shown = line if len(line) <= 60 else line[:59] + "…"
        colour = "red" if "NOT THE POST" in role else None
        click.echo(f"{number:5} {click.style(role, fg=colour) if colour else role:<24} {shown}")
    click.echo("")


def _lexicon_option(values: tuple[str, ...]) -> dict[str, str]:
    lexicon = {}
    for value in values:
        text, sep, reading = value.partition("=")
        if not sep or not text:
            raise click.BadParameter(f"{value!r} is not TEXT=READING", param_hint="--lexicon")
        lexicon[text] = reading
    return lexicon


def _find_project(start: Path) -> Path | None:
    """The nearest folder from ``start`` upwards that holds a podcast.toml."""
    from podcaster.config import CONFIG_NAME

    for folder in (start.resolve(), *start.resolve().parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    return None


@main.command("normalize")
@click.argument("text", nargs=-1, required=True)
@click.option(
    "--project", "-p", type=click.Path(file_okay=False, path_type=Path),
    help="Also apply the [pronunciation] lexicon of this project's podcast.toml.",
)  # fmt: skip
@click.option("--lexicon", "-l", multiple=True, metavar="TEXT=READING", help="Extra reading.")
@click.option(
    "--language", type=click.Choice(["auto", "ko", "en", "ja"]), default="auto",
    show_default=True,
    help="Read TEXT in this language; auto gives each sentence the language of its letters "
    "(a foreign sentence is printed on a line of its own, after its language).",
)  # fmt: skip
@verbosity
def normalize_command(text: tuple[str, ...], project: Path | None, lexicon: tuple[str, ...],
                      language: str):
    """Print TEXT as the speech engine will say it (one line). "-" reads standard input."""
    from podcaster.text.languages import KOREAN, for_voice, split_by_language

    words = list(text)
    if words == ["-"]:
        words = [click.get_text_stream("stdin").read()]
    elif len(words) == 1 and _is_file(words[0]):
        click.echo(f"warning: {words[0]} is a file: this reads its name; for its text use "
                   f"'podcaster normalize - < {words[0]}' or 'podcaster script {words[0]}'",
                   err=True)
    readings = {}
    if project is not None:
        from podcaster.config import load_config

        readings.update(load_config(project).pronunciation)
    readings.update(_lexicon_option(lexicon))
    text = " ".join(words)
    if language != "auto":
        click.echo(for_voice(text, language, readings))
        return
    sentences = [(s, lang) for paragraph in text.split("\n\n")
                 for s, lang in split_by_language(paragraph)]
    if all(lang == KOREAN for _, lang in sentences):
        click.echo(for_voice(text, KOREAN, readings))  # Korean: as one line, as written
        return
    for sentence, lang in sentences:
        click.echo(f"[{lang}] {for_voice(sentence, lang, readings)}")


def _is_file(text: str) -> bool:
    try:
        return Path(text).is_file()
    except (OSError, ValueError):  # a name too long for the system, a NUL
        return False


@main.command("script")
@click.argument("post", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--project", "-p", type=click.Path(file_okay=False, path_type=Path),
    help="Project whose podcast.toml gives the lexicon and sounds "
    "(default: the nearest one above the post).",
)  # fmt: skip
@click.option("--changed", is_flag=True, help="Show only the cues whose spoken text differs.")
@click.option("--lines", "by_line", is_flag=True,
              help="Show every line of the post: whether it is spoken, and as what.")
@verbosity
def script_command(post: Path, project: Path | None, changed: bool, by_line: bool) -> None:
    """Print the spoken script of POST: each cue's kind, language and voice, what the author
    wrote and what the engine will say, with the changes highlighted."""
    from podcaster.config import load_config
    from podcaster.speech.voices import KOREAN, Voices
    from podcaster.text.normalize import (
        changed_spans,
        english_sentences,
        transliterations,
        unread_words,
    )
    from podcaster.text.read import read_post
    from podcaster.text.script import ScriptSettings, build_script
    from podcaster.text.segment import segment_post

    project = project or _find_project(post.parent)
    config = load_config(project) if project else None
    settings = ScriptSettings.from_config(config) if config else ScriptSettings()
    voices = Voices.from_config(config) if config else Voices()
    parsed = read_post(post)
    segments = segment_post(parsed)
    if by_line:
        _show_lines(parsed, segments)
    cues = build_script(parsed, segments, settings)

    def styled(spans, colour: str) -> str:
        return "".join(click.style(t, fg=colour, bold=True) if c else t for t, c in spans)

    unread: list[str] = []
    guessed: dict[str, str] = {}
    english: list[str] = []
    for number, cue in enumerate(cues, 1):
        if cue.is_sound:
            if not changed:
                click.echo(f"{number:4} {cue.kind:12} ♪ {cue.sound.name}")
            continue
        if cue.language == KOREAN:  # what the Korean readings did with Latin words
            unread.extend(unread_words(cue.spoken))
            guessed.update(transliterations(cue.text, settings.lexicon))
            english.extend(english_sentences(cue.text, settings.lexicon))
        voice = voices.concrete(cue.kind, cue.language)
        said_by = f"{cue.language} {voice.engine}/{voice.voice}"
        if cue.text == cue.spoken:
            if not changed:
                click.echo(f"{number:4} {cue.kind:12} {said_by:18} {cue.text}")
            continue
        written, spoken = changed_spans(cue.text, cue.spoken)
        click.echo(f"{number:4} {cue.kind:12} {said_by:18} {styled(written, 'red')}")
        click.echo(f"{'':4} {'':12} {'':18} → {styled(spoken, 'green')}")
    if guessed:
        readings = ", ".join(f"{word} → {reading}" for word, reading in guessed.items())
        click.echo(f"Read by pronunciation (override under [pronunciation]): {readings}")
    if unread:
        words = ", ".join(dict.fromkeys(unread))
        click.echo(f"Left in Latin letters (kept by [pronunciation]): {words}")
    if english:
        quoted = ", ".join(f'"{s}"' for s in dict.fromkeys(english))
        click.echo(f"English read word by word (give a Korean reading under [pronunciation]): {quoted}")

"""The command line's own rules from both sides, without building anything: -v/-q after a
command, how warnings are printed, a closed pipe, the errors' lines and exit codes, the
suggestions for a mistyped command, --lexicon, `script --lines`, and the .gitignore that
`init` extends."""

from __future__ import annotations

import errno
import logging
import os
import sys
import time

import click
import pytest
from click.testing import CliRunner

from podcaster.cli.app import (
    QUIET_HELP,
    VERBOSE_HELP,
    _LogFormat,
    _stop_quietly_on_broken_pipe,
    verbosity,
)
from podcaster.cli.posts import _is_file, _lexicon_option
from podcaster.cli.suggest import CUTOFF, nearest
from podcaster.errors import (
    ENVIRONMENT_ERRNOS,
    OutputError,
    UnclearAttributionError,
    UnexpectedError,
    output_error,
)
from podcaster.init import _extend_gitignore
from tests.helpers import invoke_cli

# --- -v and -q after a command --------------------------------------------------------------


def flag_command():
    """A command taking -v/-q as every podcaster command does (declared when the test runs)."""

    @click.command()
    @verbosity
    def show() -> None:
        obj = click.get_current_context().find_root().obj or {}
        level = logging.getLogger().level
        click.echo(f"verbose={obj.get('verbose', False)} quiet={obj.get('quiet', False)} "
                   f"debug={level == logging.DEBUG}")

    return show


@pytest.mark.parametrize(("args", "shown"), [
    ([], "verbose=False quiet=False debug=False"),
    (["-v"], "verbose=True quiet=False debug=True"),
    (["--verbose"], "verbose=True quiet=False debug=True"),
    (["-q"], "verbose=False quiet=True debug=False"),
    (["--quiet"], "verbose=False quiet=True debug=False"),
    (["-q", "-v"], "verbose=True quiet=True debug=True"),
])
def test_verbose_and_quiet_after_a_command(args, shown):
    root = logging.getLogger()
    before = root.level
    root.setLevel(logging.WARNING)
    try:
        result = CliRunner().invoke(flag_command(), args)
        assert result.exit_code == 0, result.output
        assert result.output == shown + "\n"
        assert root.level == logging.WARNING  # -v lasts as long as the command
    finally:
        root.setLevel(before)


def test_verbose_and_quiet_are_listed_in_a_commands_help():
    result = CliRunner().invoke(flag_command(), ["--help"])
    lines = [" ".join(line.split()) for line in result.output.splitlines()]
    assert f"-v, --verbose {VERBOSE_HELP}" in lines
    assert f"-q, --quiet {QUIET_HELP}" in lines
    assert VERBOSE_HELP == "Show debug logging and tracebacks."
    assert QUIET_HELP == "Only errors and warnings (for CI)."
    assert CliRunner().invoke(flag_command(), ["-v", "x"]).exit_code == 2  # a flag: no value


def test_the_real_commands_take_v_and_q_after_the_command():
    for command in ("build", "check", "script", "normalize", "segments"):
        result = invoke_cli(command, "--help")
        assert "-v, --verbose" in result.output and "-q, --quiet" in result.output, command


# --- how the library's warnings look ------------------------------------------------------

def test_a_warning_is_one_plain_line_and_with_v_names_its_level_and_logger():
    record = logging.LogRecord("podcaster.config", logging.WARNING, __file__, 1,
                               "%s: removed %d characters", ("show.title", 2), None)
    root = logging.getLogger()
    before = root.level
    try:
        root.setLevel(logging.WARNING)
        assert _LogFormat().format(record) == "warning: show.title: removed 2 characters"
        root.setLevel(logging.INFO)
        assert _LogFormat().format(record) == "warning: show.title: removed 2 characters"
        root.setLevel(logging.DEBUG)
        assert _LogFormat().format(record) == (
            "WARNING podcaster.config: show.title: removed 2 characters")
    finally:
        root.setLevel(before)


# --- a closed pipe ------------------------------------------------------------------------

def test_a_closed_pipe_ends_with_exit_0_and_sends_the_rest_nowhere(tmp_path, monkeypatch):
    out = (tmp_path / "out.txt").open("w+")
    saved = os.dup(out.fileno())
    monkeypatch.setattr(sys, "stdout", out)
    try:
        with pytest.raises(click.exceptions.Exit) as stopped:
            _stop_quietly_on_broken_pipe()
        assert stopped.value.exit_code == 0
        os.write(out.fileno(), "남은 글".encode())
    finally:
        os.dup2(saved, out.fileno())
        os.close(saved)
        out.close()
    assert (tmp_path / "out.txt").read_bytes() == b""


def test_a_closed_pipe_without_a_real_stdout_still_ends_with_exit_0(monkeypatch):
    class NoFile:
        def fileno(self):
            raise ValueError("no file")

    monkeypatch.setattr(sys, "stdout", NoFile())
    with pytest.raises(click.exceptions.Exit) as stopped:
        _stop_quietly_on_broken_pipe()
    assert stopped.value.exit_code == 0


# --- the errors' lines --------------------------------------------------------------------

@pytest.mark.parametrize(("number", "problem"), sorted(ENVIRONMENT_ERRNOS.items()))
def test_each_environment_error_is_one_line_naming_the_file(number, problem):
    error = output_error(OSError(number, os.strerror(number), "/show/public/feed.xml"))
    assert isinstance(error, OutputError) and error.exit_code == 8
    assert error.message == f"/show/public/feed.xml: cannot write: {problem}"


def test_a_rename_names_its_destination_and_no_file_says_output():
    exc = OSError(errno.ENOSPC, "No space", "/tmp/a.part", None, "/show/public/a.mp3")
    assert output_error(exc).message == (
        "/show/public/a.mp3: cannot write: no space left on the device (disk full)")
    assert output_error(OSError(errno.EROFS, "ro")).message == (
        "output: cannot write: read-only file system")
    assert output_error(OSError(errno.EACCES, "denied", b"/show/\xed\x95\x9c")).message == (
        "/show/한: cannot write: permission denied")


@pytest.mark.parametrize("number", [errno.ENOENT, errno.EINVAL, None])
def test_other_os_errors_are_not_the_environments(number):
    assert output_error(OSError(number, "x", "/a")) is None


def test_an_unclear_attribution_names_the_first_warning_and_how_many_more():
    one = UnclearAttributionError(["posts/a.txt ¶3: no source"])
    assert one.message == ("posts/a.txt ¶3: no source; --strict makes attribution warnings "
                           "fatal: fix the post's sources or drop --strict")
    assert one.exit_code == 3 and one.warnings == ["posts/a.txt ¶3: no source"]
    two = UnclearAttributionError(("posts/a.txt ¶3: no source", "posts/b.txt ¶1: no source",
                                   "posts/c.txt ¶2: no source"))
    assert two.message == ("posts/a.txt ¶3: no source (and 2 more); --strict makes "
                           "attribution warnings fatal: fix the post's sources or drop --strict")
    assert two.warnings == ["posts/a.txt ¶3: no source", "posts/b.txt ¶1: no source",
                            "posts/c.txt ¶2: no source"]
    pair = UnclearAttributionError(["posts/a.txt ¶3: no source", "posts/b.txt ¶1: no source"])
    assert pair.message.startswith("posts/a.txt ¶3: no source (and 1 more); --strict")


def test_an_unexpected_error_names_the_post_and_the_exception():
    cause = KeyError("title")
    error = UnexpectedError("posts/a.txt", cause)
    assert str(error) == "posts/a.txt: unexpected KeyError: 'title'"
    assert error.path == "posts/a.txt" and error.exc is cause
    assert not isinstance(error, click.ClickException)


# --- suggestions --------------------------------------------------------------------------

@pytest.mark.parametrize(("word", "choices", "near"), [
    ("biuld", ["build", "check", "init"], ["build"]),
    ("chek", ["check", "check", "build"], ["check"]),
    ("abcd", ["xbcd", "abcx", "zzzz"], ["abcx", "xbcd"]),  # ties are all kept, sorted
    ("zzzz", ["build", "check"], []),
    ("build", [], []),
    ("", ["build"], []),
])
def test_the_nearest_choices_or_none(word, choices, near):
    assert nearest(word, choices) == near


def test_a_choice_at_the_cutoff_is_suggested_and_one_below_is_not():
    assert CUTOFF == 0.6
    assert nearest("abcde", ["abcxy"]) == ["abcxy"]  # 6/10 alike
    assert nearest("abcde", ["abxyz"]) == []  # 4/10


# --- --lexicon and script --lines ---------------------------------------------------------

@pytest.mark.parametrize(("values", "lexicon"), [
    ((), {}),
    (("AI=에이아이",), {"AI": "에이아이"}),
    (("AI=에이아이", "GPU=지피유", "AI=인공지능"), {"AI": "인공지능", "GPU": "지피유"}),
    (("a=b=c",), {"a": "b=c"}),
    (("AI=",), {"AI": ""}),
])
def test_lexicon_entries_are_text_equals_reading(values, lexicon):
    assert _lexicon_option(values) == lexicon


@pytest.mark.parametrize("value", ["AI", "=에이아이", ""])
def test_a_lexicon_entry_without_text_or_equals_is_a_usage_error(value):
    with pytest.raises(click.BadParameter) as caught:
        _lexicon_option(("GPU=지피유", value))
    assert caught.value.format_message() == f"Invalid value for --lexicon: {value!r} is not " \
                                            "TEXT=READING"
    result = invoke_cli("normalize", "-l", value, "바다")
    assert result.exit_code == 2
    assert f"{value!r} is not TEXT=READING" in result.output + getattr(result, "stderr", "")


def test_a_lexicon_on_the_command_line_is_read(tmp_path):
    result = invoke_cli("normalize", "-l", "AI=에이 아이", "AI 바다")
    assert result.exit_code == 0 and result.output == "에이 아이 바다\n"


def test_a_file_name_given_to_normalize_is_warned_about(tmp_path):
    post = tmp_path / "a.txt"
    post.write_text("바다\n", encoding="utf-8")
    assert _is_file(str(post)) and not _is_file(str(tmp_path))
    assert not _is_file("\0") and not _is_file("a" * 5000) and not _is_file("")


POST = ("바다 소식\n\n안녕하세요 김바다입니다.\n\n“해양 연구소는 올해 여름 바닷물 온도가 평년보다 2도 "
        "높았다고 밝혔다. 연구진은 이 변화가 어장에 큰 영향을 줄 것이라고 내다봤다.”\n\n"
        "문의는 sea@example.net 으로 주세요.\n\n이상 김바다였습니다.\n\n"
        "1. 바닷물 온도 상승 -바다일보-\nhttps://news.example.com/sea\n")


def lines_of(post, exit_code: int = 0) -> list[str]:
    from podcaster.cli import main

    result = CliRunner().invoke(main, ["script", str(post), "--lines"], color=True)
    assert result.exit_code == exit_code, result.output
    return result.output.split("\n\n", 1)[0].splitlines()


def test_script_lines_shows_each_line_its_role_cut_at_60_characters(tmp_path):
    post = tmp_path / "2026-01-05-sea.txt"
    post.write_text(POST, encoding="utf-8")
    lines = lines_of(post, exit_code=3)  # the e-mail line is refused after the listing
    quote = POST.splitlines()[4]
    assert len(quote) > 60
    assert lines[0] == f"{1:5} {'title':<24} 바다 소식"
    assert lines[1] == f"{3:5} {'greeting':<24} 안녕하세요 김바다입니다."
    assert lines[2] == f"{5:5} {'quote':<24} {quote[:59]}…"
    red = click.style("commentary — NOT THE POST: an e-mail address", fg="red")
    assert lines[3] == f"{7:5} {red:<24} 문의는 sea@example.net 으로 주세요."
    assert lines[4] == f"{9:5} {'signoff':<24} 이상 김바다였습니다."
    assert lines[-1] == f"{12:5} {'source 1, its link':<24} https://news.example.com/sea"
    text = "바" * 60
    post.write_text(POST.replace("안녕하세요 김바다입니다.", "안녕하세요 김바다입니다. " + text),
                    encoding="utf-8")
    assert lines_of(post, exit_code=3)[1] == f"{3:5} {'greeting':<24} {('안녕하세요 김바다입니다. ' + text)[:59]}…"


@pytest.mark.parametrize(("extra", "cut"), [(60, False), (61, True)])
def test_script_lines_cuts_a_line_only_past_60_characters(tmp_path, extra, cut):
    post = tmp_path / "2026-01-05-sea.txt"
    line = "오늘은 파도 이야기를 합니다." + "바" * 60
    line = line[:extra]
    post.write_text(f"바다 소식\n\n안녕하세요 김바다입니다.\n\n{line}\n\n이상 김바다였습니다.\n",
                    encoding="utf-8")
    assert lines_of(post)[2] == f"{5:5} {'commentary':<24} " + (line[:59] + "…" if cut else line)


@pytest.mark.parametrize("suffix", [".HTML", ".htm"])
def test_script_lines_of_a_page_reads_the_page(tmp_path, suffix):
    page = tmp_path / f"2026-01-05-sea{suffix}"
    page.write_text("<html><head><title>바다 소식</title></head><body>\n<h1>바다 소식</h1>\n"
                    "<p>안녕하세요 김바다입니다.</p>\n<p>오늘은 파도 이야기를 합니다.</p>\n"
                    "<p>이상 김바다였습니다.</p>\n</body></html>\n", encoding="utf-8")
    assert lines_of(page) == [f"{3:5} {'greeting':<24} 안녕하세요 김바다입니다.",
                              f"{4:5} {'commentary':<24} 오늘은 파도 이야기를 합니다.",
                              f"{5:5} {'signoff':<24} 이상 김바다였습니다."]


# --- the .gitignore init extends ----------------------------------------------------------

OURS = b"# Made by the build.\n/public/\n\n# Speech, reused.\n/.podcaster-cache/\n"


@pytest.mark.parametrize(("before", "after", "added"), [
    (b"", b"# Made by the build.\n/public/\n\n# Speech, reused.\n/.podcaster-cache/\n",
     ["/public/", "/.podcaster-cache/"]),
    (b"*.log\n", b"*.log\n# Made by the build.\n/public/\n\n# Speech, reused.\n"
     b"/.podcaster-cache/\n", ["/public/", "/.podcaster-cache/"]),
    (b"*.log", b"*.log\n# Made by the build.\n/public/\n\n# Speech, reused.\n"
     b"/.podcaster-cache/\n", ["/public/", "/.podcaster-cache/"]),
    (b"public\n", b"public\n\n# Speech, reused.\n/.podcaster-cache/\n", ["/.podcaster-cache/"]),
    (b"/public\n.podcaster-cache/\n", b"/public\n.podcaster-cache/\n", []),
    (b"  public/  \n", b"  public/  \n\n# Speech, reused.\n/.podcaster-cache/\n",
     ["/.podcaster-cache/"]),
    (b"/.podcaster-cache/\n\xff\n", b"/.podcaster-cache/\n\xff\n# Made by the build.\n"
     b"/public/\n", ["/public/"]),
    (b"# /public/\n", b"# /public/\n# Made by the build.\n/public/\n\n# Speech, reused.\n"
     b"/.podcaster-cache/\n", ["/public/", "/.podcaster-cache/"]),
    (b"public/X\n", b"public/X\n# Made by the build.\n/public/\n\n# Speech, reused.\n"
     b"/.podcaster-cache/\n", ["/public/", "/.podcaster-cache/"]),  # only slashes are cut
])
def test_gitignore_gets_only_the_lines_it_lacks_with_their_comments(tmp_path, before, after,
                                                                    added):
    path = tmp_path / ".gitignore"
    path.write_bytes(before)
    mtime = path.stat().st_mtime_ns
    assert _extend_gitignore(path, OURS) == added
    assert path.read_bytes() == after
    if not added:
        assert path.stat().st_mtime_ns == mtime  # not written at all


def test_the_scaffolds_own_gitignore_is_what_init_adds(tmp_path):
    from podcaster.init import SCAFFOLD_DIR

    ours = (SCAFFOLD_DIR / "gitignore").read_bytes()
    path = tmp_path / ".gitignore"
    path.write_bytes(b"node_modules/\n")
    assert _extend_gitignore(path, ours) == ["/public/", "/.podcaster-cache/"]
    assert path.read_bytes() == b"node_modules/\n" + ours


# --- check and cache on the command line --------------------------------------------------

def test_check_lists_each_problem_then_one_line_naming_their_files(tmp_path):
    from tests.check.test_check_rules import project

    folder = project(tmp_path / "show", owner_email="you@example.com")
    result = invoke_cli("check", str(folder))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "podcast.toml: show.owner_email: still the example 'you@example.com'; set it to the "
        "address podcast directories may write to",
        "public/feed.xml: not found (run podcaster build first)"]
    assert result.stderr.splitlines()[-1] == (
        "Error: 2 problem(s) in podcast.toml, public/feed.xml")


def test_check_of_a_clean_project_says_ok_unless_quiet(tmp_path):
    from podcaster.config import default_asset
    from tests.check.test_check_feed_rules import write_project
    from tests.check.test_check_rules import UNCLEAR

    data = default_asset("cover.png").read_bytes()  # the show's own cover: one byte differs
    (tmp_path / "sea").mkdir()
    (tmp_path / "sea" / "art.png").write_bytes(data[:-1] + bytes([data[-1] ^ 1]))
    folder = write_project(tmp_path / "sea", 'cover = "art.png"\n')
    result = invoke_cli("check", str(folder))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{folder / 'public' / 'feed.xml'}: OK, 2 episode(s)\n"
    assert invoke_cli("check", str(folder), "-q").stdout == ""
    (folder / "posts" / "2025-03-01-first.txt").write_text(UNCLEAR, encoding="utf-8")
    (folder / "public" / "feed.xml").touch()  # built after that edit
    result = invoke_cli("check", str(folder))
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("warning: posts/2025-03-01-first.txt")
    strict = invoke_cli("check", str(folder), "--strict")
    assert strict.exit_code == 1
    assert strict.stdout.startswith("posts/2025-03-01-first.txt")


@pytest.mark.parametrize(("size", "shown"), [(0, "0.0 MB"), (1_234_567, "1.2 MB"),
                                              (1_250_001, "1.3 MB"), (999_999_999, "1000.0 MB")])
def test_cache_sizes_are_in_megabytes_of_a_million_bytes(size, shown):
    from podcaster.cli.build import _megabytes

    assert _megabytes(size) == shown


def test_cache_info_of_a_project_never_built(tmp_path):
    from tests.check.test_check_rules import project

    folder = project(tmp_path / "show")
    result = invoke_cli("cache", "info", str(folder))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:2] == ["clips: 0", "size: 0.0 MB"]


# --- how a command ends -------------------------------------------------------------------

def failing(exc: BaseException):
    @click.command("fail-now")
    @verbosity
    def fail_now() -> None:
        raise exc

    return fail_now


@pytest.mark.parametrize(("exc", "code", "said"), [
    (KeyboardInterrupt(), 130, "Interrupted.\n"),
    (__import__("podcaster.cli.app", fromlist=["Terminated"]).Terminated(), 143,
     "Terminated.\n"),
    (ValueError("boom"), 70, "Error: unexpected ValueError: boom (rerun with --verbose for the "
                             "traceback)\n"),
    (UnexpectedError("posts/a.txt", KeyError("title")), 70,
     "Error: posts/a.txt: unexpected KeyError: 'title' (rerun with --verbose for the "
     "traceback)\n"),
    (OutputError("public/feed.xml: cannot write: disk full"), 8,
     "Error: public/feed.xml: cannot write: disk full\n"),
    (BrokenPipeError(), 0, ""),
])
def test_each_way_a_command_ends_has_its_exit_code_and_one_line(monkeypatch, exc, code, said):
    from podcaster.cli import main

    monkeypatch.setitem(main.commands, "fail-now", failing(exc))
    monkeypatch.setattr(sys, "stdout", sys.stdout)  # the closed-pipe path may replace it
    result = invoke_cli("fail-now")
    assert result.exit_code == code
    assert result.stderr == said and result.stdout == ""


@pytest.mark.parametrize("where", ["before", "after"])
def test_with_verbose_an_unexpected_error_shows_its_traceback_and_no_hint(monkeypatch, where):
    from podcaster.cli import main

    monkeypatch.setitem(main.commands, "fail-now", failing(ValueError("boom")))
    args = ["-v", "fail-now"] if where == "before" else ["fail-now", "-v"]
    result = invoke_cli(*args)
    assert result.exit_code == 70
    assert "Traceback (most recent call last)" in result.stderr
    assert result.stderr.endswith("Error: unexpected ValueError: boom\n")


def test_with_verbose_a_podcaster_error_shows_its_traceback_too(monkeypatch):
    from podcaster.cli import main

    monkeypatch.setitem(main.commands, "fail-now", failing(OutputError("x: cannot write")))
    quiet = invoke_cli("fail-now")
    assert "Traceback" not in quiet.stderr and quiet.exit_code == 8
    loud = invoke_cli("fail-now", "--verbose")
    assert "Traceback (most recent call last)" in loud.stderr and loud.exit_code == 8
    assert loud.stderr.endswith("Error: x: cannot write\n")


def test_sigterm_inside_the_block_stops_it_cleanly_and_the_handler_comes_back():
    import signal

    from podcaster.cli.app import Terminated, sigterm_stops_cleanly

    before = signal.getsignal(signal.SIGTERM)
    cleaned = []
    with pytest.raises(Terminated):
        with sigterm_stops_cleanly():
            try:
                os.kill(os.getpid(), signal.SIGTERM)
                time.sleep(5)  # the signal ends the wait at once
            finally:
                cleaned.append(True)
    assert cleaned == [True] and signal.getsignal(signal.SIGTERM) == before
    assert issubclass(Terminated, KeyboardInterrupt)


def test_sigterm_handling_is_left_alone_outside_the_main_thread():
    import signal
    import threading

    from podcaster.cli.app import sigterm_stops_cleanly

    seen = []

    def run():
        with sigterm_stops_cleanly():
            seen.append(signal.getsignal(signal.SIGTERM))

    before = signal.getsignal(signal.SIGTERM)
    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert seen == [before]


@pytest.mark.parametrize(("args", "said"), [
    (["build", "--engine", "festival"], "unknown engine 'festival'; known engines: auto, "),
    (["cache", "prune", "--engine", "festival"], "unknown engine 'festival'; known engines: "
                                                 "auto, "),
    (["init", "--engine", "festival"], "unknown engine 'festival'; known engines: edge, "),
    (["init", "--engine", "auto"], "CI builds with a named engine, not auto: one of edge, "),
])
def test_an_unknown_engine_on_the_command_line_lists_the_known_ones(tmp_path, args, said):
    result = invoke_cli(*args[:-2], str(tmp_path / "show"), *args[-2:])
    assert result.exit_code == 2
    assert said in result.stderr


def test_check_names_the_feed_as_given_when_inside_the_working_folder(tmp_path, monkeypatch):
    from podcaster.cli.app import as_given

    monkeypatch.chdir(tmp_path)
    assert str(as_given(tmp_path.resolve() / "sea" / "public" / "feed.xml")) == \
        "sea/public/feed.xml"
    assert as_given(tmp_path.parent / "x") == tmp_path.parent / "x"


def test_warnings_are_printed_one_a_line(capsys):
    from podcaster.cli.app import print_warnings

    print_warnings(["posts/a.txt ¶3: no source", "posts/b.txt ¶1: no source"])
    assert capsys.readouterr().err == ("warning: posts/a.txt ¶3: no source\n"
                                       "warning: posts/b.txt ¶1: no source\n")

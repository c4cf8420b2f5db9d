"""CLI conventions of ruff and friends (issue 16): fix reporting, baselines that say what they
hide, selection that extends, the small ones (explain, celint.toml headers, CE305's fix) and
shell completion."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from clirun import run_celint
from samples import MISSING_COMMA_JSON, PLACEHOLDER_JSON, ROOT, WEBHOOKS_YAML

from celint.report import FORMATS

FIXTURES = Path(__file__).parent / "fixtures" / "fix"


@pytest.fixture
def bodies(tmp_path: Path) -> Path:
    """Two fixable bodies (CE219 in YAML, CE201 x2 and CE219 in a three-document YAML) and one
    with nothing to fix."""
    (tmp_path / "a.yaml").write_text(WEBHOOKS_YAML)
    (tmp_path / "b.yaml").write_bytes((FIXTURES / "ce219.yaml").read_bytes())
    (tmp_path / "c.json").write_text(PLACEHOLDER_JSON)
    return tmp_path


# --- 4. fix reporting ----------------------------------------------------------------------------


def test_show_fixes_lists_each_fix_before_the_findings(bodies: Path) -> None:
    result = run_celint("check", "--fix", "--show-fixes", "a.yaml", "b.yaml", cwd=bodies)
    assert result.returncode == 0
    assert result.stdout == (
        "a.yaml:9:22: CE219 fixed (vendor-type-alias): webhooks → webhook\n"
        "b.yaml:9:22: CE219 fixed (vendor-type-alias): webhooks → webhook\n"
        "b.yaml:16:140: CE201 fixed (vendor-type-invalid): 'Webhooks' → 'webhook'\n"
        'b.yaml:28:22: CE201 fixed (vendor-type-invalid): !!str "WEBHOOKS" → !!str "webhook"\n'
        "Fixed 4 problems. All checks passed (2 files checked).\n"
    )
    assert (bodies / "b.yaml").read_bytes() == (FIXTURES / "ce219.expected.yaml").read_bytes()


def test_show_fixes_goes_to_stderr_beside_a_machine_format(bodies: Path) -> None:
    result = run_celint("check", "--fix", "--show-fixes", "--format", "json", "a.yaml",
                        cwd=bodies)  # fmt: skip
    assert json.loads(result.stdout)["diagnostics"] == []
    assert result.stderr == "a.yaml:9:22: CE219 fixed (vendor-type-alias): webhooks → webhook\n"


def test_a_fix_in_a_later_pass_is_listed_where_it_was(tmp_path: Path) -> None:
    """CE207 then CE209 on one value: two passes, both listed, the second on the text the first
    produced."""
    body = WEBHOOKS_YAML.replace("webhooks", "polling").replace(
        "  event.notification.callback.url",
        "  event.poller.refresh_interval: 15\n  event.poller.urls: bils, invoices\n"
        "  event.notification.callback.url",
    )
    (tmp_path / "p.yaml").write_text(body)
    result = run_celint("check", "--fix", "--show-fixes", "p.yaml", cwd=tmp_path)
    assert result.stdout.splitlines()[:2] == [
        "p.yaml:11:22: CE207 fixed (poller-resource-unknown): bils, invoices → bills, invoices",
        "p.yaml:11:22: CE209 fixed (poller-urls-separator): bills, invoices → bills|invoices",
    ]


@pytest.mark.parametrize(
    ("files", "code"),
    [(["a.yaml"], 1), (["c.json"], 1), (["--select", "CE219", "c.json"], 0)],
    ids=["fixed, nothing left", "nothing fixed, findings left", "nothing fixed, clean"],
)
def test_exit_non_zero_on_fix(bodies: Path, files: list[str], code: int) -> None:
    result = run_celint("check", "--fix", "--exit-non-zero-on-fix", *files, cwd=bodies)
    assert result.returncode == code
    plain = run_celint("check", "--fix", "a.yaml", cwd=bodies)
    assert plain.returncode == 0  # what the flag changes: a fix alone does not fail the run


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--show-fixes"], "--show-fixes reports what --fix applied; add --fix"),
        (["--exit-non-zero-on-fix"],
         "--exit-non-zero-on-fix reports what --fix applied; add --fix"),
        (["--fix", "--exit-zero", "--exit-non-zero-on-fix"],
         "--exit-zero and --exit-non-zero-on-fix cannot be used together"),
    ],
)  # fmt: skip
def test_fix_flags_need_fix(bodies: Path, args: list[str], message: str) -> None:
    before = (bodies / "a.yaml").read_bytes()
    result = run_celint("check", *args, "a.yaml", cwd=bodies)
    assert (result.returncode, result.stderr) == (2, f"celint: error: {message}\n")
    assert (bodies / "a.yaml").read_bytes() == before


def test_fix_stdin_prints_the_fixed_text(bodies: Path) -> None:
    text = (FIXTURES / "ce219.yaml").read_text()
    result = run_celint("check", "--fix", "--show-fixes", "--stdin-filename", "in.yaml", "-",
                        stdin=text, cwd=bodies)  # fmt: skip
    assert result.returncode == 0
    assert result.stdout == (FIXTURES / "ce219.expected.yaml").read_text()
    assert result.stderr.splitlines() == [
        "in.yaml:9:22: CE219 fixed (vendor-type-alias): webhooks → webhook",
        "in.yaml:16:140: CE201 fixed (vendor-type-invalid): 'Webhooks' → 'webhook'",
        'in.yaml:28:22: CE201 fixed (vendor-type-invalid): !!str "WEBHOOKS" → !!str "webhook"',
        "Fixed 3 problems. All checks passed (1 file checked).",
    ]


def test_fix_stdin_passes_unfixable_text_through(bodies: Path) -> None:
    """A text that does not parse is never fixed: it comes out as it went in."""
    result = run_celint("check", "--fix", "--stdin-filename", "c.json", "-",
                        stdin=MISSING_COMMA_JSON, cwd=bodies)  # fmt: skip
    assert result.returncode == 1
    assert result.stdout == MISSING_COMMA_JSON
    assert result.stderr.startswith("c.json:2:13: CE001 [error] invalid JSON")


# --- 5. baselines --------------------------------------------------------------------------------


def test_baseline_summary_counts_what_it_hides(bodies: Path) -> None:
    run_celint("check", "--write-baseline", "bl.json", "a.yaml", "c.json", cwd=bodies)
    (bodies / "d.yaml").write_text(WEBHOOKS_YAML)
    result = run_celint("check", "--baseline", "bl.json", "a.yaml", "c.json", "d.yaml",
                        cwd=bodies)  # fmt: skip
    assert result.stdout.splitlines() == [
        "d.yaml:9:22: CE219 [warning] 'webhooks' is an accepted alias; the documented value is "
        "'webhook'",
        "Found 1 problem (1 warning) in 1 of 3 files; 1 fixable with --fix; 5 findings in the "
        "baseline not shown.",
    ]


def test_verbose_lists_stale_entries_and_prune_drops_them(bodies: Path) -> None:
    run_celint("check", "--write-baseline", "bl.json", "a.yaml", "c.json", cwd=bodies)
    (bodies / "a.yaml").write_text(WEBHOOKS_YAML.replace("webhooks", "webhook"))  # fixed by hand
    (bodies / "d.yaml").write_text(WEBHOOKS_YAML)  # new
    quiet = run_celint("check", "--baseline", "bl.json", ".", cwd=bodies)
    assert "stale" not in quiet.stderr
    verbose = run_celint("check", "-v", "--baseline", "bl.json", "a.yaml", "c.json", cwd=bodies)
    assert [line for line in verbose.stderr.splitlines() if "stale" in line] == [
        "celint: bl.json: stale entry a.yaml CE219 /configuration/event.vendor.type",
        "celint: 1 stale entry; prune with --baseline bl.json --write-baseline bl.json",
    ]
    # A run that does not lint a.yaml (a pre-commit batch) does not call its entry stale.
    partial = run_celint("check", "-v", "--baseline", "bl.json", "c.json", cwd=bodies)
    assert "stale" not in partial.stderr
    pruned = run_celint("check", "--baseline", "bl.json", "--write-baseline", "bl.json", ".",
                        cwd=bodies)  # fmt: skip
    assert pruned.stderr == (
        "celint: wrote 4 findings to the baseline bl.json (1 stale entry of bl.json pruned, "
        "no new finding added)\n"
    )
    assert pruned.returncode == 1  # d.yaml's finding is new: reported, not recorded
    entries = json.loads((bodies / "bl.json").read_text())["findings"]
    assert sorted({e["path"] for e in entries}) == ["c.json"]
    again = run_celint("check", "-v", "--baseline", "bl.json", "c.json", cwd=bodies)
    assert "stale" not in again.stderr


# --- 6. selection that extends -------------------------------------------------------------------


def codes(folder: Path, *args: str) -> list[str]:
    result = run_celint("check", "--format", "json", *args, "c.json", cwd=folder)
    assert result.returncode in (0, 1), result.stderr
    return sorted({d["code"] for d in json.loads(result.stdout)["diagnostics"]})


def test_extend_select_and_extend_ignore_on_the_command_line(bodies: Path) -> None:
    assert codes(bodies) == ["CE101", "CE217", "CE304", "CE402"]
    assert codes(bodies, "--select", "CE1", "--extend-select", "CE402") == ["CE101", "CE402"]
    assert codes(bodies, "--extend-select", "CE402") == ["CE101", "CE217", "CE304", "CE402"]
    assert codes(bodies, "--ignore", "CE1", "--extend-ignore", "CE217,CE304") == ["CE402"]


def test_extend_select_in_the_configuration(bodies: Path) -> None:
    (bodies / "celint.toml").write_text(
        'select = ["CE1"]\nextend-select = ["placeholder-unreplaced"]\nextend-ignore = ["CE101"]\n'
    )
    assert codes(bodies) == ["CE402"]
    assert codes(bodies, "--extend-select", "CE217") == ["CE217", "CE402"]
    # --select replaces the file's selection, its extend-select too (as ruff's does).
    assert codes(bodies, "--select", "CE3") == ["CE304"]
    # --ignore replaces the file's ignore lists; --extend-ignore adds to them.
    assert codes(bodies, "--ignore", "CE402") == ["CE101"]
    assert codes(bodies, "--extend-ignore", "CE402") == []


def test_extend_select_with_an_unknown_rule_names_the_key(bodies: Path) -> None:
    (bodies / "celint.toml").write_text('extend-select = ["placeholder-unreplace"]\n')
    result = run_celint("check", "c.json", cwd=bodies)
    assert result.returncode == 2
    assert result.stderr == (
        "celint: error: celint.toml: extend-select: unknown rule 'placeholder-unreplace'; did "
        "you mean 'placeholder-unreplaced'?\n"
    )


# --- 7. explain and celint.toml ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "message"),
    [
        ("vendor-type", "'vendor-type' names no single rule; did you mean CE201 "
         "vendor-type-invalid, CE202 vendor-type-missing or CE219 vendor-type-alias?"),
        ("weak", "'weak' names no single rule; did you mean CE403 weak-signature-key?"),
        ("CE2", "'CE2' names no single rule; did you mean CE201 vendor-type-invalid, CE202 "
         "vendor-type-missing, CE203 polling-interval-missing, CE204 polling-interval-invalid, "
         "CE205 polling-interval-range or one of 19 more (see `celint rules`)?"),
        ("vendr-type-alias", "unknown rule 'vendr-type-alias'; did you mean "
         "'vendor-type-alias'?"),
    ],
)  # fmt: skip
def test_explain_suggests_the_rules_a_word_matches(word: str, message: str) -> None:
    result = run_celint("explain", word)
    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        "",
        f"celint: error: {message}\n",
    )


@pytest.mark.parametrize(
    "text",
    ['[tool.celint]\nselect = ["CE2"]\n', '[tool.celint.per-file-ignores]\n"a.json" = ["CE2"]\n'],
)
def test_celint_toml_with_a_pyproject_header_is_explained(tmp_path: Path, text: str) -> None:
    (tmp_path / "celint.toml").write_text(text)
    result = run_celint("check", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        "celint: error: celint.toml: [tool.celint]: in celint.toml the keys go at the top level, "
        "without the tool.celint prefix (that table is for pyproject.toml)\n"
    )


# --- 7. CE305 is fixable by quoting --------------------------------------------------------------


def test_realm_id_number_is_quoted_by_fix(tmp_path: Path) -> None:
    source = FIXTURES / "ce305.yaml"
    (tmp_path / "r.yaml").write_bytes(source.read_bytes())
    result = run_celint("check", "--fix", "--show-fixes", "r.yaml", cwd=tmp_path)
    assert result.stdout.splitlines()[0] == (
        'r.yaml:6:12: CE305 fixed (realm-id-invalid): 123146096291789 → "123146096291789"'
    )
    assert (tmp_path / "r.yaml").read_bytes() == (FIXTURES / "ce305.expected.yaml").read_bytes()
    assert "CE305 [warning] realmId -5 is not a string of digits" in result.stdout  # no fix


# --- 12. shell completion, as the README documents it --------------------------------------------


def completion_lines() -> dict[str, str]:
    """The README's start-up lines, by the file each goes in."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Shell completion") :]
    start = section.index("```console\n") + len("```console\n")
    block = section[start : section.index("\n```", start)]
    found = {}
    for line in block.splitlines():
        command, _, where = line.partition("#")
        found[where.split(",")[0].strip()] = command.strip()
    return found


def test_readme_documents_bash_zsh_and_fish() -> None:
    assert completion_lines() == {
        "~/.bashrc": 'eval "$(_CELINT_COMPLETE=bash_source celint)"',
        "~/.zshrc": 'eval "$(_CELINT_COMPLETE=zsh_source celint)"',
        "once": "_CELINT_COMPLETE=fish_source celint > ~/.config/fish/completions/celint.fish",
    }


def test_bash_completion_from_the_readme_line(tmp_path: Path) -> None:
    """The ~/.bashrc line, then what bash does on TAB after ``celint check --format ``."""
    script = "\n".join(
        [
            completion_lines()["~/.bashrc"],
            'COMP_WORDS=(celint check --format ""); COMP_CWORD=3',
            "_celint_completion celint",
            'printf "%s\\n" "${COMPREPLY[@]}"',
            "complete -p celint",
        ]
    )
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run(["bash", "--norc", "-c", script], capture_output=True, text=True,
                          env=env, cwd=tmp_path, timeout=60)  # fmt: skip
    assert done.stdout.splitlines() == [
        *FORMATS,
        "complete -o nosort -F _celint_completion celint",
    ]


@pytest.mark.parametrize(
    ("shell", "words", "cword", "expected"),
    [
        ("zsh", "celint check --fail-on", "3",
         "plain\nerror\n_\nplain\nwarning\n_\nplain\ninfo\n_\n"),
        ("fish", "celint check --fail-on ", "", "plain,error\nplain,warning\nplain,info\n"),
    ],
)  # fmt: skip
def test_zsh_and_fish_completion(shell: str, words: str, cword: str, expected: str) -> None:
    """What the zsh and fish scripts ask celint for (the shells themselves may be missing)."""
    source = run_celint(env={"_CELINT_COMPLETE": f"{shell}_source"})
    assert source.returncode == 0 and "_celint_completion" in source.stdout
    env = {"_CELINT_COMPLETE": f"{shell}_complete", "COMP_WORDS": words, "COMP_CWORD": cword}
    assert run_celint(env=env).stdout == expected

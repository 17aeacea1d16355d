"""The figures line the benches print with --json, and how bench/against.py reads and compares
them (no timing: the figures here are made up)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench._figures import figure, json_line, parse
from bench.against import Side, table, verdict


def test_the_figures_line_is_found_after_the_human_table() -> None:
    line = json_line("diff_scale", {"compare() 200 services": figure(41.25, "ms"),
                                    "throughput": figure(900, "req/s", "higher")})
    out = f"in-process compare()\n     20 services:  4.1 ms\n{line}\n"
    bench, figures = parse(out)
    assert bench == "diff_scale"
    assert figures["compare() 200 services"] == {"value": 41.25, "unit": "ms", "better": "lower",
                                                 "reference": False}
    assert figures["throughput"]["better"] == "higher"


def test_the_last_figures_line_wins() -> None:
    first = json_line("scrub", {"a": figure(1, "ms")})
    last = json_line("scrub", {"a": figure(2, "ms")})
    assert parse(f"{first}\ntext\n{last}\n")[1]["a"]["value"] == 2


@pytest.mark.parametrize("out", [
    "no figures here\n",
    '{"bench": "x"}\n',
    '{"bench": "x", "figures": {"a": {"value": "12 ms", "unit": "ms", "better": "lower"}}}\n',
    '{"bench": "x", "figures": {"a": {"value": 1, "unit": "ms", "better": "faster"}}}\n',
    '{"bench": "x", "figures": {"a": {"value": 1, "unit": "ms", "better": "lower", '
    '"reference": "yes"}}}\n',
])
def test_a_missing_or_malformed_line_is_an_error(out: str) -> None:
    with pytest.raises(ValueError):
        parse(out)


def test_verdict_reads_the_direction_of_each_figure() -> None:
    assert verdict(100, 80, "lower", 0.05) == ("0.80", "better")
    assert verdict(100, 120, "lower", 0.05) == ("1.20", "worse")
    assert verdict(100, 120, "higher", 0.05) == ("1.20", "better")
    assert verdict(100, 103, "lower", 0.05) == ("1.03", "same")


def test_table_puts_both_sides_of_a_figure_on_one_line_and_names_failures() -> None:
    rev, head = Side("REV x", Path("/r"), Path("/r/py")), Side("HEAD", Path("/h"), Path("/h/py"))
    for side, values, typer in ((rev, [30.0, 10.0, 20.0], 100.0), (head, [5.0, 6.0, 7.0], 120.0)):
        side.figures["diff_scale"] = {"compare() 20 services": figure(values[0], "ms"),
                                      "import typer": figure(typer, "ms", reference=True)}
        side.values["diff_scale"] = {"compare() 20 services": values, "import typer": [typer]}
    head.figures["scrub"] = {"Redactor.scrub, whole snapshot": figure(9, "ms")}
    head.values["scrub"] = {"Redactor.scrub, whole snapshot": [9.0]}
    rev.errors["scrub"] = "exit 1: ImportError: cannot import name 'Redactor'"
    lines = table(rev, head, ["diff_scale", "scrub"], {"scrub"}, 0.05)
    row = next(line for line in lines if "compare() 20 services" in line)
    assert "20.0 (10.0-30.0)" in row and "6.00 (5.00-7.00)" in row and "0.30" in row
    assert row.endswith("better")
    assert any("not in REV's bench/" in line for line in lines)
    assert any(line.strip().startswith("REV x failed: exit 1: ImportError") for line in lines)
    scrub_row = next(line for line in lines if "Redactor.scrub" in line)
    assert scrub_row.split()[-1] == "-"  # no REV value: no verdict
    typer_row = next(line for line in lines if "import typer" in line)
    assert typer_row.endswith("(reference)")  # no verdict on what is not envsync's code
    assert lines[-1] == "envsync's figures: 1 better, 0 same, 0 worse"
    assert "diff_scale  (references moved up to 20%)" in lines


def test_worse_figures_are_listed_under_the_summary() -> None:
    rev, head = Side("REV x", Path("/r"), Path("/r/py")), Side("HEAD", Path("/h"), Path("/h/py"))
    for side, rps in ((rev, 1000.0), (head, 800.0)):
        side.figures["services_market_data"] = {"throughput": figure(rps, "req/s", "higher")}
        side.values["services_market_data"] = {"throughput": [rps]}
    lines = table(rev, head, ["services_market_data"], set(), 0.05)
    assert lines[-2].startswith("envsync's figures: 0 better, 0 same, 1 worse")
    assert lines[-1] == ("  worse: services_market_data: throughput x0.80 "
                         "(its references moved up to 0%)")

#!/usr/bin/env python3
"""Check the hand labels in this directory against the report texts.

Usage: python3 check_labels.py [REPORTS_DIR]

REPORTS_DIR defaults to ../shared/reports-dev/provinces-2026/ next to the repository
(that is, <repo>/../shared/reports-dev/provinces-2026/). Standard library only.

Errors (exit status 1): a quote not found on its stated line, a value or range end not
printed as a number in its quote, a unit not in its quote, a qualifier whose word is not in
the quote, malformed or inconsistent columns, a reports.tsv field that does not match its file.
Warnings: a quote that occurs more than once on its line, or is long.
"""

import collections
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_REPORTS = HERE.parents[2].parent / "shared" / "reports-dev" / "provinces-2026"

LABEL_COLUMNS = ["file", "indicator", "value", "high", "unit", "kind", "period",
                 "aggregation", "qualifier", "quote", "line"]
REPORT_COLUMNS = ["file", "place", "place_code", "year", "delivered",
                  "gdp_growth_target", "gdp_growth_2025"]

KINDS = {"target", "actual", "baseline"}
AGGREGATIONS = {"per_year", "total", "end"}
QUALIFIERS = {"exact", "about", "at_least", "at_most", "nearly", "range"}
# Words that must appear in the quote for each qualifier.
QUALIFIER_WORDS = {
    "about": ["左右", "约"],
    "at_least": ["以上", "超过", "超", "突破", "不低于", "不少于", "迈上", "跨越"],
    "at_most": ["以内", "以下", "不超过", "不高于"],
    "nearly": ["近", "接近"],
    "range": ["—", "-", "－", "～", "~", "至", "到"],
}
# GB/T 2260 codes of the provincial-level places used here.
PLACE_CODES = {
    "北京市": "110000", "山西省": "140000", "浙江省": "330000",
    "河南省": "410000", "甘肃省": "620000", "西藏自治区": "540000",
}
CN_DIGITS = {"〇": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4",
             "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}

NUMBER = re.compile(r"\d+(?:\.\d+)?")
DECIMAL = re.compile(r"^\d+(?:\.\d+)?$")
SPAN = re.compile(r"^(\d{4})-(\d{4})$")
YEAR = re.compile(r"^\d{4}$")


def read_tsv(path, columns):
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    rows = [line.split("\t") for line in text.split("\n") if line != ""]
    if not rows or rows[0] != columns:
        raise SystemExit(f"{path}: header must be {columns}, found {rows[0] if rows else None}")
    out = []
    for n, r in enumerate(rows[1:], start=2):
        if len(r) != len(columns):
            raise SystemExit(f"{path}:{n}: {len(r)} columns, expected {len(columns)}")
        out.append((n, dict(zip(columns, r))))
    return out


def cn_date(s):
    """二〇二六年一月二十七日 or 2026年1月25日 -> 2026-01-27."""
    m = re.search(r"(\d{4})年(\d{1,2})月(\d{1,2})日", s)
    if m:
        return f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}"
    m = re.search(r"([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日", s)
    if not m:
        return None

    def small(t):  # 1..31 in Chinese numerals
        if t == "十":
            return 10
        if t.startswith("十"):
            return 10 + int(CN_DIGITS[t[1]])
        if t.endswith("十"):
            return int(CN_DIGITS[t[0]]) * 10
        if "十" in t:
            a, b = t.split("十")
            return int(CN_DIGITS[a]) * 10 + int(CN_DIGITS[b])
        return int(CN_DIGITS[t])

    year = "".join(CN_DIGITS[c] for c in m[1])
    return f"{year}-{small(m[2]):02d}-{small(m[3]):02d}"


def part(row):
    """Which part of the brief a row belongs to: a, b or c."""
    if SPAN.match(row["period"]) or row["kind"] == "baseline":
        return "b"
    if row["kind"] == "target":
        return "a"
    return "c"


def main():
    reports_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_REPORTS
    errors, warnings = [], []
    texts = {}

    def lines_of(name):
        if name not in texts:
            p = reports_dir / name
            if not p.is_file():
                texts[name] = None
            else:
                texts[name] = p.read_text(encoding="utf-8").split("\n")
        return texts[name]

    labels = read_tsv(HERE / "labels.tsv", LABEL_COLUMNS)
    reports = read_tsv(HERE / "reports.tsv", REPORT_COLUMNS)
    seen = set()

    for n, r in labels:
        where = f"labels.tsv:{n} ({r['file']} L{r['line']} {r['indicator']})"
        lines = lines_of(r["file"])
        if lines is None:
            errors.append(f"{where}: no such report file")
            continue
        if not r["line"].isdigit() or not 1 <= int(r["line"]) <= len(lines):
            errors.append(f"{where}: bad line number")
            continue
        text = lines[int(r["line"]) - 1]
        q = r["quote"]
        if not q or q not in text:
            errors.append(f"{where}: quote {q!r} not on line {r['line']}")
            continue
        if text.count(q) > 1:
            warnings.append(f"{where}: quote {q!r} occurs {text.count(q)} times on its line")
        if len(q) > 25:
            warnings.append(f"{where}: quote is {len(q)} characters long")
        numbers = NUMBER.findall(q)
        if not DECIMAL.match(r["value"]):
            errors.append(f"{where}: value {r['value']!r} is not a plain decimal")
        elif r["value"] not in numbers:
            errors.append(f"{where}: value {r['value']} not printed as a number in {q!r}")
        if r["high"]:
            if not DECIMAL.match(r["high"]):
                errors.append(f"{where}: high {r['high']!r} is not a plain decimal")
            elif r["high"] not in numbers:
                errors.append(f"{where}: high {r['high']} not printed in {q!r}")
            elif float(r["high"]) <= float(r["value"]):
                errors.append(f"{where}: high is not above value")
        if (r["qualifier"] == "range") != bool(r["high"]):
            errors.append(f"{where}: qualifier range iff high is set")
        if r["unit"] and r["unit"] not in q:
            errors.append(f"{where}: unit {r['unit']!r} not in quote {q!r}")
        if r["kind"] not in KINDS:
            errors.append(f"{where}: bad kind {r['kind']!r}")
        if r["qualifier"] not in QUALIFIERS:
            errors.append(f"{where}: bad qualifier {r['qualifier']!r}")
        elif r["qualifier"] != "exact" and not any(
                w in q for w in QUALIFIER_WORDS[r["qualifier"]]):
            errors.append(f"{where}: qualifier {r['qualifier']} but no such word in {q!r}")
        span = SPAN.match(r["period"])
        if span:
            if int(span[1]) >= int(span[2]):
                errors.append(f"{where}: bad span {r['period']}")
            if r["aggregation"] not in AGGREGATIONS:
                errors.append(f"{where}: a span needs aggregation per_year, total or end")
        elif YEAR.match(r["period"]):
            if r["aggregation"]:
                errors.append(f"{where}: a single year takes no aggregation")
        else:
            errors.append(f"{where}: bad period {r['period']!r}")
        if r["kind"] == "baseline" and span:
            errors.append(f"{where}: a baseline is for a single year")
        key = (r["file"], r["line"], r["indicator"], r["value"], r["period"], r["kind"])
        if key in seen:
            errors.append(f"{where}: duplicate row")
        seen.add(key)

    report_files = set()
    for n, r in reports:
        where = f"reports.tsv:{n} ({r['file']})"
        report_files.add(r["file"])
        lines = lines_of(r["file"])
        if lines is None:
            errors.append(f"{where}: no such report file")
            continue
        text = "\n".join(lines)
        if r["place"] not in text[:2000]:
            errors.append(f"{where}: place {r['place']} not in the report's opening")
        if PLACE_CODES.get(r["place"]) != r["place_code"]:
            errors.append(f"{where}: place_code {r['place_code']} does not match {r['place']}")
        if r["year"] != "2026":
            errors.append(f"{where}: year should be 2026")
        delivery = next((l for l in lines[:20] if "在" in l and "会议上" in l), "")
        if cn_date(delivery) != r["delivered"]:
            errors.append(f"{where}: delivered {r['delivered']} but the delivery line says "
                          f"{delivery!r}")
        target_rows = [lr for _, lr in labels if lr["file"] == r["file"]
                       and lr["indicator"] == "地区生产总值增长" and lr["period"] == "2026"
                       and lr["kind"] == "target"]
        if len(target_rows) != 1:
            errors.append(f"{where}: expected one 2026 GDP growth target row in labels.tsv")
        else:
            t = target_rows[0]
            tline = lines[int(t["line"]) - 1]
            if r["gdp_growth_target"] not in tline:
                errors.append(f"{where}: gdp_growth_target {r['gdp_growth_target']!r} not on the "
                              f"targets line {t['line']}")
            if NUMBER.findall(r["gdp_growth_target"])[:1] != [t["value"]]:
                errors.append(f"{where}: gdp_growth_target disagrees with labels.tsv")
        if r["gdp_growth_2025"]:
            actual = [lr for _, lr in labels if lr["file"] == r["file"]
                      and lr["indicator"] == "地区生产总值增长" and lr["period"] == "2025"]
            if not actual or r["gdp_growth_2025"] != actual[0]["value"] + actual[0]["unit"]:
                errors.append(f"{where}: gdp_growth_2025 disagrees with labels.tsv")
            if r["gdp_growth_2025"] not in text:
                errors.append(f"{where}: gdp_growth_2025 not in the report")

    label_files = {lr["file"] for _, lr in labels}
    for f in sorted(label_files - report_files):
        errors.append(f"labels.tsv names {f}, which reports.tsv lacks")

    counts = collections.defaultdict(collections.Counter)
    for _, lr in labels:
        counts[lr["file"]][part(lr)] += 1
    print(f"{'file':<34} {'a':>4} {'b':>4} {'c':>4} {'all':>5}")
    for f in sorted(counts):
        c = counts[f]
        print(f"{f:<34} {c['a']:>4} {c['b']:>4} {c['c']:>4} {sum(c.values()):>5}")
    print(f"{len(labels)} label rows, {len(reports)} reports")
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("error:", e)
    if errors:
        print(f"{len(errors)} error(s)")
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())

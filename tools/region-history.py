#!/usr/bin/env python3
"""Extracts the retired GB/T 2260 codes from yescallop/areacodes result.csv (CC0 1.0) into
src/main/resources/reference/regions/history.csv.

Usage: python3 tools/region-history.py result.csv > src/main/resources/reference/regions/history.csv

Keeps, for every county- or prefecture-level code whose latest record is not 在用 (in use): the code, its name,
the name of its prefecture at the time, the year it was changed or retired (the source is exact to the year only),
and the successor codes (the codes the retired area went to; area transfers of earlier years, marked "[year]" in
the source, are dropped when the code has a successor of its own retirement). Province-level codes are all in use.
"""
import csv
import re
import sys

rows = {}
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    for r in csv.DictReader(f):
        code = r["代码"]
        # the latest record of a code decides its status (a code can be retired and later reused)
        if code not in rows or int(r["启用时间"]) >= int(rows[code]["启用时间"]):
            rows[code] = r

print("# GB/T 2260 county- and prefecture-level codes no longer in use, with their successors.")
print("# Source: yescallop/areacodes result.csv (https://github.com/yescallop/areacodes), licence CC0 1.0 Universal;")
print("# compiled from 民政部 中华人民共和国县级以上行政区划代码 and 县级以上行政区划变更情况. Extracted by")
print("# tools/region-history.py. retiredYear: the year of the change (the source is exact to the year);")
print("# successors: ';'-separated codes the area went to (may themselves be retired: resolve transitively).")
print("code,name,prefectureName,level,retiredYear,successors")
out = csv.writer(sys.stdout, lineterminator="\n")
n = 0
for code in sorted(rows):
    r = rows[code]
    if r["状态"] == "在用" or r["级别"] == "省级":
        continue
    succ = [s for s in r["新代码"].split(";") if s]
    own = [s for s in succ if "[" not in s]
    keep = own if own else [re.sub(r"\[\d+\]", "", s) for s in succ]
    level = "county" if r["级别"] == "县级" else "prefecture"
    out.writerow([code, r["名称"], r["二级行政区"], level, r["变更/弃用时间"], ";".join(keep)])
    n += 1
print(f"# {n} codes", file=sys.stderr)

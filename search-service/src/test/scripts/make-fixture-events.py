#!/usr/bin/env python3
"""Builds the report.validated test events in src/test/resources/events/ from the shared fixtures.

Run once by hand (python3 make-fixture-events.py /path/to/shared/fixtures); the tests read only the
generated JSON, never the shared folder. Metadata and cells come from expected.json, section texts are
cut from the page text at the expected headings, findings are written by hand below from the
knownErrors of each fixture (what validate-service is expected to report)."""
import hashlib, html, json, re, sys, pathlib

FIX = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/fixtures")
OUT = pathlib.Path(__file__).resolve().parent.parent / "resources" / "events"

META = {
    "pingtan-syq-2012": dict(version=1, region=("福建省", "福州市", "平潭县", "350128"), level="county", kind="government"),
    "pingtan-syq-2018": dict(version=1, region=("福建省", "福州市", "平潭县", "350128"), level="county", kind="government"),
    "pingtan-syq-2019": dict(version=1, region=("福建省", "福州市", "平潭县", "350128"), level="county", kind="government"),
    "pingtan-syq-2021": dict(version=2, region=("福建省", "福州市", "平潭县", "350128"), level="county", kind="government"),
    "pingtan-syq-2023": dict(version=1, region=("福建省", "福州市", "平潭县", "350128"), level="county", kind="government"),
    "shanghai-bgt-2019": dict(version=1, region=("上海市", None, None, "310000"), level="province", kind="department"),
}

FINDINGS = {
    "shanghai-bgt-2019": [
        dict(code="S3.ROW_TOTAL", severity="error",
             message="（一）予以公开 的总计栏为空，六类申请人之和为 272",
             cells=["s3.granted.total", "s3.granted.natural", "s3.granted.commercial", "s3.granted.legal", "s3.granted.other"],
             expected=272, actual=None, span=None),
        dict(code="S3.ROW_TOTAL", severity="error",
             message="（四）无法提供 1 的总计栏为空，六类申请人之和为 265",
             cells=["s3.unavailable_1.total", "s3.unavailable_1.natural", "s3.unavailable_1.commercial", "s3.unavailable_1.legal"],
             expected=265, actual=None, span=None),
        dict(code="TEXT.NARRATIVE_MISMATCH", severity="warning",
             message="总体情况称“予以公开及部分公开258件”，表三为 275 件",
             cells=["s3.granted.total", "s3.partial.total"], expected=275, actual=258, span="予以公开及部分公开258件"),
        dict(code="CELL.BLANK", severity="warning", message="表三有空白单元格（应填 0）",
             cells=["s3.new.research", "s3.new.social"], expected=None, actual=None, span=None),
    ],
    "pingtan-syq-2023": [
        dict(code="TEXT.NARRATIVE_MISMATCH", severity="warning",
             message="总体情况称现行有效行政规范性文件393件，表二为 470 件",
             cells=["s2.normative.in_force"], expected=470, actual=393, span="现行有效行政规范性文件393件"),
    ],
    "pingtan-syq-2012": [
        dict(code="TEXT.NARRATIVE_MISMATCH", severity="warning",
             message="主动公开信息 1913 条与分项之和 1931 条不一致",
             cells=[], expected=1931, actual=1913, span="主动公开政府信息1913条"),
    ],
}


def page_text(case):
    d = FIX / case
    if (d / "page.txt").exists():
        t = (d / "page.txt").read_text(encoding="utf-8")
        return t.split("正文 ====================", 1)[-1]
    raw = (d / "page.html").read_text(encoding="utf-8")
    raw = re.sub(r"<br\s*/?>|</p>|</tr>", "\n", raw)
    return html.unescape(re.sub(r"<[^>]+>", "", raw))


def sections(case, headings):
    text = page_text(case)
    out, pos = [], 0
    found = []
    for i, h in enumerate(headings):
        k = text.find(h, pos)
        if k < 0:
            continue
        found.append((i + 1, h, k))
        pos = k + len(h)
    if found and found[0][2] > 0:
        out.append(dict(number=0, heading="", text=text[:found[0][2]].strip()[:1500]))
    for j, (n, h, k) in enumerate(found):
        end = found[j + 1][2] if j + 1 < len(found) else len(text)
        body = re.sub(r"\s+", " ", text[k + len(h):end]).strip()
        out.append(dict(number=n, heading=h, text=body[:4000]))
    return out


def status(findings):
    if any(f["severity"] == "error" for f in findings):
        return "noncompliant"
    if any(f["severity"] == "warning" for f in findings):
        return "warnings"
    return "compliant"


for case, m in META.items():
    e = json.loads((FIX / case / "expected.json").read_text(encoding="utf-8"))
    findings = FINDINGS.get(case, [])
    counts = {s: sum(1 for f in findings if f["severity"] == s) for s in ("error", "warning", "info")}
    province, city, county, code = m["region"]
    report = dict(
        schemaVersion=1, reportId=case,
        source=dict(version=m["version"], sha256=hashlib.sha256(page_text(case).encode("utf-8")).hexdigest(),
                    fileName=None, sourceUrl="https://example.gov.cn/" + case, sourceKind="html", draft=False,
                    fetchedAt=e["publishedAt"] + "T08:00:00Z", firstSeenAt=e["publishedAt"] + "T08:00:00Z"),
        parsedAt=e["publishedAt"] + "T08:01:00Z", inputType="html", title=e["title"], agency=e["agency"],
        agencyKind=m["kind"], agencyLevel=m["level"], year=e["year"], publishedAt=e["publishedAt"],
        formatVersion=e["formatVersion"], region=dict(province=province, city=city, county=county, code=code),
        sections=sections(case, e["sections"]), cells=e["cells"], cellDetails={}, warnings=[])
    event = dict(schemaVersion=1, reportId=case, validatedAt=e["publishedAt"] + "T09:00:00Z", report=report,
                 status=status(findings), counts=counts, late=False, deadline=None,
                 agencyKey=e["agency"], findings=findings)
    (OUT / (case + ".json")).write_text(json.dumps(event, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(case, status(findings), len(report["sections"]), len(e["cells"]))

#!/usr/bin/env python3
"""Makes the fixtures of Tests/LintTests/Fixtures/ (committed; the Swift tests only read them).

    pip install python-docx
    python3 Tests/Fixtures/make_lint_fixtures.py

Each .docx comes with the .txt that has the same content (one paragraph per line, a table row as
one tab-separated line), which is what FormatEquivalenceTests compares it with:

  longer.docx / longer.txt   headings, prose with a 其中 slip, a Word table (w:tbl) of budget and
                             spending with a 合计 row, a score, a figure of another year;
  runs.docx / runs.txt       the same kind of text with every paragraph cut into many runs, in the
                             middle of numbers and units, some bold or colored, with a run of
                             full-width digits; a table whose cells hold two runs each;
  merged.docx / merged.txt   a table whose first column is merged vertically (vMerge), whose
                             title row spans every column (gridSpan), and whose 合计 does not add up.

python-docx writes its default template; the parts no test reads (thumbnail, theme, fonts,
stylesWithEffects, customXml) are dropped to keep the files small. Paragraph text is typed, so "一、" headings are plain paragraphs.
"""
import io
import os
import re
import zipfile

import docx
from docx.shared import RGBColor

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "LintTests", "Fixtures")

LONGER = [
    "2022年度部门整体支出绩效自评报告",
    "一、部门基本情况",
    "（一）预算情况",
    "2022年全年预算数1200.00万元，其中，基本支出预算数400.00万元，项目支出预算数700.00万元。",
    "2022年资金总支出1150.00万元，其中，基本支出395.00万元，项目支出755.00万元。",
    "预算执行率为95.83%。",
    "（二）绩效目标完成情况",
    ["项目", "预算数（万元）", "执行数（万元）", "执行率"],
    ["基本支出", "400.00", "395.00", "98.75%"],
    ["项目支出", "700.00", "755.00", "107.86%"],
    ["合计", "1100.00", "1150.00", "104.55%"],
    "二、自评结论",
    "自评得分95分，等级为优。",
    "2021年部门支出1000.00万元。",
]

RUNS = [
    "2022年度项目支出绩效自评报告",
    "一、项目资金情况",
    "2022年全年预算数33463.78万元，其中，基本支出预算数822.24万元，项目支出预算数32542.73万元。",
    "年度资金总额２９５８６．８６万元，预算执行率为98.81%。",
    ["项目", "预算数（万元）", "执行数（万元）"],
    ["基本支出", "822.24", "822.24"],
    ["项目支出", "32542.73", "32542.73"],
    ["合计", "33364.97", "33364.97"],
    "二、绩效目标完成情况",
    "完成项目数量12个，资金到位率100%。",
]

MERGED_TITLE = "2022年度预算执行情况表（单位：万元）"
MERGED = [
    ["类别", "项目", "预算数", "执行数"],
    ["基本支出", "人员经费", "300.00", "290.00"],
    ["", "公用经费", "100.00", "95.00"],
    ["项目支出", "专项一", "500.00", "480.00"],
    ["", "专项二", "200.00", "210.00"],
    ["合计", "", "1200.00", "1075.00"],
]


def cuts(text, step):
    """Cuts text into runs of `step` characters: numbers and units are split across runs."""
    return [text[i:i + step] for i in range(0, len(text), step)] or [""]


def add_paragraph(document, text, split=0):
    p = document.add_paragraph()
    if not split:
        p.add_run(text)
        return
    for k, piece in enumerate(cuts(text, split)):
        run = p.add_run(piece)
        if k % 3 == 1:
            run.bold = True
        if k % 4 == 2:
            run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)


def add_table(document, rows, split=False):
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = table.cell(r, c)
            paragraph = cell.paragraphs[0]
            if split and len(text) > 1:
                half = len(text) // 2
                paragraph.add_run(text[:half])
                paragraph.add_run(text[half:]).italic = True
            else:
                paragraph.add_run(text)
    return table


def build(content, split=0):
    document = docx.Document()
    rows = []
    for item in content + [None]:
        if isinstance(item, list):
            rows.append(item)
            continue
        if rows:
            add_table(document, rows, split=bool(split))
            rows = []
        if item is not None:
            add_paragraph(document, item, split)
    return document


def build_merged():
    document = docx.Document()
    document.add_paragraph("2022年度部门整体支出绩效自评报告")
    document.add_paragraph("一、预算执行情况")
    cols = len(MERGED[0])
    table = document.add_table(rows=len(MERGED) + 1, cols=cols)
    title = table.cell(0, 0).merge(table.cell(0, cols - 1))
    title.paragraphs[0].add_run(MERGED_TITLE)
    for r, row in enumerate(MERGED, start=1):
        for c, text in enumerate(row):
            if text:
                table.cell(r, c).paragraphs[0].add_run(text)
    # vertical merges of the first column: 基本支出 over two rows, 项目支出 over two rows
    table.cell(2, 0).merge(table.cell(3, 0))
    table.cell(4, 0).merge(table.cell(5, 0))
    document.add_paragraph("二、自评结论")
    document.add_paragraph("部门整体支出执行率为89.58%。")
    return document


def merged_text():
    lines = ["2022年度部门整体支出绩效自评报告", "一、预算执行情况", MERGED_TITLE]
    lines += ["\t".join(row) for row in MERGED]
    lines += ["二、自评结论", "部门整体支出执行率为89.58%。"]
    return lines


def text_lines(content):
    return ["\t".join(item) if isinstance(item, list) else item for item in content]


# Parts of python-docx's template that no test reads: dropped (with their relationships and
# content-type overrides) to keep the fixtures small.
DROPPED = ("docProps/thumbnail.jpeg", "word/stylesWithEffects.xml", "word/webSettings.xml", "word/fontTable.xml",
           "word/theme/theme1.xml", "customXml/item1.xml", "customXml/_rels/item1.xml.rels", "customXml/itemProps1.xml")


def drop_references(xml):
    """Removes <Relationship …Target="…"/> and <Override PartName="…"/> elements naming a dropped part."""
    for part in DROPPED:
        name = part.split("/")[-1].encode()
        xml = re.sub(rb'<Relationship [^>]*Target="[^"]*/?' + re.escape(name) + rb'"[^>]*/>', b"", xml)
        xml = re.sub(rb'<Override PartName="/' + re.escape(part.encode()) + rb'"[^>]*/>', b"", xml)
    return xml


def save(document, name):
    base = io.BytesIO()
    document.save(base)
    source = zipfile.ZipFile(io.BytesIO(base.getvalue()))
    path = os.path.join(OUT, name)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for item in source.infolist():
            if item.filename in DROPPED:
                continue
            data = source.read(item.filename)
            if item.filename.endswith(".rels") or item.filename == "[Content_Types].xml":
                data = drop_references(data)
            # fixed timestamps: the same bytes on every run
            info = zipfile.ZipInfo(item.filename, date_time=(2023, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(info, data)


def write_text(lines, name):
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    save(build(LONGER), "longer.docx")
    write_text(text_lines(LONGER), "longer.txt")
    save(build(RUNS, split=3), "runs.docx")
    write_text(text_lines(RUNS), "runs.txt")
    save(build_merged(), "merged.docx")
    write_text(merged_text(), "merged.txt")
    for name in sorted(os.listdir(OUT)):
        print(name, os.path.getsize(os.path.join(OUT, name)))

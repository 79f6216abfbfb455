#!/usr/bin/env python3
"""Makes the Office fixtures of Tests/LoadTests/Fixtures/ (committed; the Swift tests only read them).

    pip install python-docx openpyxl lxml
    python3 Tests/Fixtures/make_office_fixtures.py            # report.docx, budget.xlsx
    python3 Tests/Fixtures/make_office_fixtures.py --pdf      # also report.pdf (needs LibreOffice)

report.docx: python-docx makes the package (styles, settings, theme); its word/document.xml,
word/numbering.xml and word/footnotes.xml are then written here by hand, because python-docx
cannot make generated list numbers, tracked changes, text boxes or footnotes:
  - headings numbered by Word ("一、", "（一）" come from numbering.xml through the Heading 1/2
    styles, not typed), a decimal level-3 list ("1."), a ① list with direct numPr;
  - a deleted (w:del) and an inserted (w:ins) revision, a SEQ field (code skipped, result kept);
  - a table with a gridSpan title row and a vMerge column;
  - a text box (mc:AlternateContent: the wps Choice and the VML Fallback both hold the text);
  - a footnote; an empty paragraph; a heading by direct outline level.
budget.xlsx: openpyxl makes the workbook (shared strings, number formats, a merged header, a
hidden sheet); the sheet XML is then edited for an inline string, a cached formula result, a
boolean and an error cell, and sharedStrings.xml for a rich-text item with a phonetic run.
"""
import io
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

import docx
import openpyxl
from lxml import etree
from openpyxl.styles import Alignment

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "LoadTests", "Fixtures")

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'mc:Ignorable="wps"'
)


def run(text, extra=""):
    return f'<w:r>{extra}<w:t xml:space="preserve">{text}</w:t></w:r>'


def para(content, style=None, numpr=None, outline=None):
    ppr = ""
    if style or numpr or outline is not None:
        ppr = "<w:pPr>"
        if style:
            ppr += f'<w:pStyle w:val="{style}"/>'
        if numpr:
            ppr += f'<w:numPr><w:ilvl w:val="{numpr[1]}"/><w:numId w:val="{numpr[0]}"/></w:numPr>'
        if outline is not None:
            ppr += f'<w:outlineLvl w:val="{outline}"/>'
        ppr += "</w:pPr>"
    return f"<w:p>{ppr}{content}</w:p>"


def cell(text, width=1800, span=None, vmerge=None):
    tcpr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span:
        tcpr += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        tcpr += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        tcpr += "<w:vMerge/>"
    return f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{para(run(text) if text else '')}</w:tc>"


def row(*cells):
    return "<w:tr>" + "".join(cells) + "</w:tr>"


TEXT_BOX_BODY = para(run("注：数据来源于财务决算报表。"))
TEXT_BOX = (
    "<w:r><mc:AlternateContent>"
    '<mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
    'relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
    '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
    '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
    '<wp:extent cx="2400000" cy="400000"/><wp:wrapNone/><wp:docPr id="1" name="文本框 1"/>'
    '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
    "<wps:wsp><wps:cNvSpPr txBox=\"1\"/><wps:spPr/>"
    f"<wps:txbx><w:txbxContent>{TEXT_BOX_BODY}</w:txbxContent></wps:txbx><wps:bodyPr/>"
    "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
    '<mc:Fallback><w:pict><v:shape id="TextBox1" style="width:189pt;height:31.5pt">'
    f"<v:textbox><w:txbxContent>{TEXT_BOX_BODY}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
    "</mc:AlternateContent></w:r>"
)

BODY = "".join([
    # 1: "一、部门基本情况" — the label comes from the Heading 1 style's numbering.
    para(run("部门基本情况"), style="Heading1"),
    # 2: "（一）主要职能"
    para(run("主要职能"), style="Heading2"),
    # 3: a body paragraph with a footnote reference after the first amount.
    para(run("2022年全年预算数33463.78万元") + '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
         '<w:footnoteReference w:id="1"/></w:r>'
         + run("，其中，基本支出预算数822.24万元，项目支出预算数32542.73万元。")),
    # 4: tracked changes and a field: "本年度部门完成全部绩效目标，详见表1。"
    para(run("本年度部门")
         + '<w:del w:id="11" w:author="审核人" w:date="2023-03-01T00:00:00Z"><w:r><w:delText>未</w:delText></w:r></w:del>'
         + run("完成")
         + '<w:ins w:id="12" w:author="审核人" w:date="2023-03-01T00:00:00Z">' + run("全部") + "</w:ins>"
         + run("绩效目标，详见表")
         + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> SEQ 表 \\* ARABIC </w:instrText></w:r>'
         + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("1") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
         + run("。")),
    # 5–9: the table.
    '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="9000" w:type="dxa"/></w:tblPr>'
    '<w:tblGrid><w:gridCol w:w="1800"/><w:gridCol w:w="1800"/><w:gridCol w:w="1800"/><w:gridCol w:w="1800"/>'
    '<w:gridCol w:w="1800"/></w:tblGrid>'
    + row(cell("2022年度预算执行情况", width=9000, span=5))
    + row(cell("项目"), cell("预算数（万元）"), cell("执行数（万元）"), cell("执行率"), cell("备注"))
    + row(cell("基本支出"), cell("822.24"), cell("822.24"), cell("100.00%"), cell("均已完成", vmerge="restart"))
    + row(cell("项目支出"), cell("32542.73"), cell("32542.73"), cell("100.00%"), cell("", vmerge="continue"))
    + row(cell("合计"), cell("33364.97"), cell("33364.97"), cell("100.00%"), cell("", vmerge="continue"))
    + "</w:tbl>",
    # 10: anchors a text box; 11: the text box's paragraph.
    para(run("单位：万元") + TEXT_BOX),
    # 12: empty paragraph.
    para(""),
    # 13, 14: numbering continues ("二、") and the sub-level restarts ("（一）").
    para(run("绩效目标完成情况"), style="Heading1"),
    para(run("产出指标"), style="Heading2"),
    # 15, 16: level 3 of the same list: "1. ", "2. ".
    para(run("完成项目数量12个。"), numpr=(1, 2)),
    para(run("资金到位率100%。"), numpr=(1, 2)),
    # 17: a ① list by direct numPr.
    para(run("预算执行率100.00%。"), numpr=(2, 0)),
    # 18: a heading by direct outline level, its number typed.
    para(run("三、下一步工作"), outline=0),
])

DOCUMENT = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {NS}><w:body>{BODY}'
            '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" '
            'w:left="1440" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>')


def level(ilvl, fmt, text, suff=None):
    s = f'<w:suff w:val="{suff}"/>' if suff else ""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{s}'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>')


NUMBERING = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="{W}">'
    '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>'
    + level(0, "chineseCounting", "%1、", "nothing")
    + level(1, "chineseCounting", "（%2）", "nothing")
    + level(2, "decimal", "%3.")
    + level(3, "decimal", "（%4）", "nothing")
    + "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="singleLevel"/>'
    + level(0, "decimalEnclosedCircle", "%1", "nothing")
    + "</w:abstractNum>"
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    "</w:numbering>"
)

FOOTNOTES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{W}">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>'
    '<w:r><w:t xml:space="preserve"> 数据来源：2022年度部门决算。</w:t></w:r></w:p></w:footnote>'
    "</w:footnotes>"
)


def style_numbering(styles_xml):
    """Gives Heading 1 and Heading 2 the list's levels 0 and 1 (numbering through the style)."""
    root = etree.fromstring(styles_xml)
    for style_id, ilvl in (("Heading1", 0), ("Heading2", 1)):
        style = root.find(f'{{{W}}}style[@{{{W}}}styleId="{style_id}"]')
        ppr = style.find(f"{{{W}}}pPr")
        if ppr is None:
            ppr = etree.SubElement(style, f"{{{W}}}pPr")
        numpr = etree.Element(f"{{{W}}}numPr")
        if ilvl:
            etree.SubElement(numpr, f"{{{W}}}ilvl").set(f"{{{W}}}val", str(ilvl))
        etree.SubElement(numpr, f"{{{W}}}numId").set(f"{{{W}}}val", "1")
        ppr.insert(0, numpr)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def make_docx(path):
    document = docx.Document()
    document.add_heading("placeholder", level=1)
    document.add_heading("placeholder", level=2)
    base = io.BytesIO()
    document.save(base)
    source = zipfile.ZipFile(io.BytesIO(base.getvalue()))
    out = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED)
    for item in source.infolist():
        data = source.read(item.filename)
        if item.filename == "docProps/thumbnail.jpeg":
            continue
        if item.filename == "word/document.xml":
            data = DOCUMENT.encode("utf-8")
        elif item.filename == "word/numbering.xml":
            data = NUMBERING.encode("utf-8")
        elif item.filename == "word/styles.xml":
            data = style_numbering(data)
        elif item.filename == "word/_rels/document.xml.rels":
            data = data.replace(b"</Relationships>",
                                b'<Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/officeDocument/'
                                b'2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>')
        elif item.filename == "[Content_Types].xml":
            data = data.replace(b"</Types>",
                                b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                                b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>')
            data = data.replace(b'<Override PartName="/docProps/thumbnail.jpeg" ContentType="image/jpeg"/>', b"")
        elif item.filename == "_rels/.rels":
            root = etree.fromstring(data)
            for rel in list(root):
                if rel.get("Target", "").endswith("thumbnail.jpeg"):
                    root.remove(rel)
            data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        out.writestr(item, data, compress_type=zipfile.ZIP_DEFLATED)
    out.writestr("word/footnotes.xml", FOOTNOTES.encode("utf-8"), compress_type=zipfile.ZIP_DEFLATED)
    out.close()


SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def make_xlsx(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "预算执行"
    ws["A1"] = "2022年度预算执行情况表"
    ws.merge_cells("A1:D1")
    ws["A1"].alignment = Alignment(horizontal="center")
    for col, text in zip("ABCD", ["项目", "预算数（万元）", "执行数（万元）", "执行率"]):
        ws[f"{col}2"] = text
    rows = [("基本支出", 822.24, 822.2400000000001, 1), ("项目支出", 32542.73, 32542.73, 1)]
    for r, (name, budget, spent, rate) in enumerate(rows, start=3):
        ws[f"A{r}"] = name
        ws[f"B{r}"] = budget
        ws[f"B{r}"].number_format = "0.00"
        ws[f"C{r}"] = spent  # General: shown with 15 significant digits, "822.24"
        ws[f"D{r}"] = rate
        ws[f"D{r}"].number_format = "0.00%"
    ws["A5"] = "合计"
    ws["B5"] = 33364.97
    ws["B5"].number_format = "#,##0.00"
    ws["C5"] = "=SUM(C3:C4)"  # the cached value is added below
    ws["C5"].number_format = "#,##0.00"
    ws["D5"] = 1
    ws["D5"].number_format = "0.00%"
    # row 6 left empty
    ws["A7"] = "资金总额"
    ws["B7"] = 29586.86
    ws["B7"].number_format = "#,##0.00"
    ws["C7"] = 0.9881
    ws["C7"].number_format = "0.00%"
    ws["D7"] = 0.5
    ws["D7"].number_format = "0%"
    ws["A8"] = "INLINE"  # becomes an inline string below
    ws["B8"] = True
    ws["C8"] = "#DIV/0!"  # becomes an error cell below
    ws["D8"] = -1234.5
    ws["D8"].number_format = "#,##0.00;(#,##0.00)"
    ws["A9"] = "备注"
    ws.merge_cells("A9:A10")
    ws["B9"] = "RICH"  # becomes a rich-text shared string below
    ws["B10"] = "说明二"
    ws["C10"] = openpyxl.utils.datetime.from_excel(44926)  # 2022-12-31
    ws["C10"].number_format = "yyyy-mm-dd"
    ws["D10"] = 0.125
    ws["D10"].number_format = "0.00"
    hidden = wb.create_sheet("隐藏表")
    hidden["A1"] = "隐藏内容"
    hidden.sheet_state = "hidden"
    base = io.BytesIO()
    wb.save(base)

    # openpyxl writes every string inline; Excel writes shared strings. Move all strings but
    # A8's into xl/sharedStrings.xml, as Excel would, and make B9 a rich-text item.
    source = zipfile.ZipFile(io.BytesIO(base.getvalue()))
    out = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED)
    strings = etree.Element(f"{{{SHEET_NS}}}sst", nsmap={None: SHEET_NS})
    index = {}

    def shared(text):
        if text not in index:
            index[text] = len(index)
            si = etree.SubElement(strings, f"{{{SHEET_NS}}}si")
            if text == "RICH":
                for part in ("说明", "一"):
                    r = etree.SubElement(si, f"{{{SHEET_NS}}}r")
                    etree.SubElement(etree.SubElement(r, f"{{{SHEET_NS}}}rPr"), f"{{{SHEET_NS}}}b")
                    etree.SubElement(r, f"{{{SHEET_NS}}}t").text = part
                rph = etree.SubElement(si, f"{{{SHEET_NS}}}rPh", sb="0", eb="2")
                etree.SubElement(rph, f"{{{SHEET_NS}}}t").text = "ショウメイ"
            else:
                etree.SubElement(si, f"{{{SHEET_NS}}}t").text = text
        return index[text]

    parts = {}
    for item in source.infolist():
        data = source.read(item.filename)
        if item.filename.startswith("xl/worksheets/sheet"):
            root = etree.fromstring(data)
            for c in root.iter(f"{{{SHEET_NS}}}c"):
                ref = c.get("r")
                if ref == "A8":
                    for child in list(c):
                        c.remove(child)
                    inline = etree.SubElement(c, f"{{{SHEET_NS}}}is")
                    etree.SubElement(inline, f"{{{SHEET_NS}}}t").text = "内联文本"
                elif c.get("t") == "inlineStr":
                    text = "".join(c.itertext())
                    for child in list(c):
                        c.remove(child)
                    c.set("t", "s")
                    etree.SubElement(c, f"{{{SHEET_NS}}}v").text = str(shared(text))
                elif ref == "C5" and item.filename.endswith("sheet1.xml"):
                    etree.SubElement(c, f"{{{SHEET_NS}}}v").text = "33364.97"
                elif ref == "C8" and item.filename.endswith("sheet1.xml"):
                    for child in list(c):
                        c.remove(child)
                    c.set("t", "e")
                    etree.SubElement(c, f"{{{SHEET_NS}}}v").text = "#DIV/0!"
            data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        elif item.filename == "xl/_rels/workbook.xml.rels":
            data = data.replace(b"</Relationships>",
                                b'<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                                b'sharedStrings" Target="sharedStrings.xml" Id="rIdStrings"/></Relationships>')
        elif item.filename == "[Content_Types].xml":
            data = data.replace(b"</Types>",
                                b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                                b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
        parts[item.filename] = (item, data)
    for name, (item, data) in parts.items():
        out.writestr(item, data, compress_type=zipfile.ZIP_DEFLATED)
    strings.set("count", str(len(index)))
    strings.set("uniqueCount", str(len(index)))
    out.writestr("xl/sharedStrings.xml", etree.tostring(strings, xml_declaration=True, encoding="UTF-8", standalone=True),
                 compress_type=zipfile.ZIP_DEFLATED)
    out.close()


def make_pdf(docx_path, pdf_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("--pdf needs LibreOffice (apt-get install libreoffice-writer-nogui)")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", tmp, docx_path],
                       check=True, capture_output=True)
        shutil.copy(os.path.join(tmp, "report.pdf"), pdf_path)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    make_docx(os.path.join(OUT, "report.docx"))
    make_xlsx(os.path.join(OUT, "budget.xlsx"))
    if "--pdf" in sys.argv:
        make_pdf(os.path.join(OUT, "report.docx"), os.path.join(OUT, "report.pdf"))
    for name in sorted(os.listdir(OUT)):
        print(name, os.path.getsize(os.path.join(OUT, name)))

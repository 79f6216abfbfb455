/// Reads a .docx package into a `Document`.
///
/// - Each body paragraph is one line: its runs' text (`w:tab` → tab, `w:br`/`w:cr` → space,
///   `w:noBreakHyphen` → "-"), with Word's generated list label ("一、", "（一）", "1.") prepended.
///   Field codes are skipped and field results kept; deleted revisions are skipped and inserted
///   ones kept (changes read as accepted); hidden text (`w:vanish`) is skipped; of an
///   `mc:AlternateContent` only the first `mc:Choice` is read.
/// - Each table row is one line: its cells joined by tabs (a cell's paragraphs joined by spaces,
///   nested tables flattened into their cell), with a `SourceTable` giving each cell's offsets,
///   grid column, span and vertical merge.
/// - Text-box paragraphs are lines of their own right after the line that anchors them.
/// - Footnotes, then endnotes, in the order of their references, follow the body.
/// - Headers, footers and comments are not read.
///
/// Places: "第N段" (N counts body paragraphs), "表T 第R行" and "表T 第R行 第C列" (C = grid column,
/// 1-based), "文本框K 第J段", "脚注N", "尾注N" (with " 第J段" from a note's second paragraph on).
enum DocxReader {
    /// Subtrees the reader never looks into (section, table and table-grid properties).
    static let skipped: Set<Int> = [W.sectPr.rawValue, W.tblPr.rawValue, W.tblGrid.rawValue]
    /// Of run properties only `w:vanish` (hidden text) matters; fonts, sizes and colours are dropped.
    static let onlyChildren: [Int: Set<Int>] = [W.rPr.rawValue: [W.vanish.rawValue]]

    static func read(archive: inout ZipArchive, mainPart: String, path: String) throws(LoadError) -> Document {
        let relationships = try OfficePackage.relationships(of: mainPart, in: &archive)
        func partName(_ kind: String, _ fallback: String) -> String? {
            if let r = relationships.first(where: { $0.kind == kind && !$0.external }) {
                let name = OfficePackage.resolve(r.target, from: mainPart)
                if archive.contains(name) { return name }
            }
            return archive.contains(fallback) ? fallback : nil
        }
        var styles = DocxStyles()
        if let name = partName("styles", "word/styles.xml"), let bytes = try archive.data(named: name) {
            styles = try DocxStyles(bytes: bytes, part: name)
        }
        var numbering = DocxNumbering()
        if let name = partName("numbering", "word/numbering.xml"), let bytes = try archive.data(named: name) {
            numbering = try DocxNumbering(bytes: bytes, part: name)
        }
        guard let documentBytes = try archive.data(named: mainPart) else {
            throw LoadError("a .docx without its main part \(mainPart)")
        }
        let tree = try XMLTree(bytes: documentBytes, part: mainPart, names: W.table, textParents: [W.t.rawValue],
                               skipped: DocxReader.skipped, onlyChildren: DocxReader.onlyChildren)
        guard tree.root >= 0, let body = tree.child(tree.root, W.body.rawValue) else {
            throw LoadError("\(mainPart): no w:body element (not a Word document body)")
        }
        var builder = DocxBuilder(styles: styles, numbering: numbering)
        var counter = 0
        builder.blocks(tree, body, context: .body, counter: &counter)
        if let failure = builder.failure { throw failure }

        var footnoteCount = 0, endnoteCount = 0
        for (kind, fallback, refs) in [("footnotes", "word/footnotes.xml", builder.footnoteReferences),
                                       ("endnotes", "word/endnotes.xml", builder.endnoteReferences)] where !refs.isEmpty {
            guard let name = partName(kind, fallback), let bytes = try archive.data(named: name) else { continue }
            let notes = try XMLTree(bytes: bytes, part: name, names: W.table, textParents: [W.t.rawValue],
                                    skipped: DocxReader.skipped, onlyChildren: DocxReader.onlyChildren)
            guard notes.root >= 0 else { continue }
            var byID: [Int: Int] = [:]
            for node in notes.children(notes.root) where notes[node].name == W.footnote.rawValue || notes[node].name == W.endnote.rawValue {
                let type = notes.attribute(node, "type") ?? "normal"
                guard type == "normal", let id = notes.attribute(node, "id").flatMap(FileNumbers.int32) else { continue }
                if byID[id] == nil { byID[id] = node }
            }
            for (n, id) in refs.enumerated() {
                guard let node = byID[id] else { continue }
                var k = 0
                builder.fields.removeAll()
                builder.blocks(notes, node, context: kind == "footnotes" ? .footnote(n + 1) : .endnote(n + 1), counter: &k)
                if let failure = builder.failure { throw failure }
                if kind == "footnotes" { footnoteCount += 1 } else { endnoteCount += 1 }
            }
        }

        var notes: [String] = []
        if builder.deletedRevisions > 0 {
            notes.append("\(builder.deletedRevisions) deleted revision(s) skipped (tracked changes read as accepted)")
        }
        if builder.insertedRevisions > 0 { notes.append("\(builder.insertedRevisions) inserted revision(s) kept") }
        if builder.textBoxes > 0 {
            notes.append("\(builder.textBoxes) text box(es): their paragraphs follow the paragraph that anchors them")
        }
        if footnoteCount + endnoteCount > 0 {
            notes.append("\(footnoteCount) footnote(s) and \(endnoteCount) endnote(s) appended after the body")
        }
        if builder.hiddenRuns > 0 { notes.append("\(builder.hiddenRuns) run(s) of hidden text skipped") }
        for format in builder.numbering.unknownFormats.sorted() {
            notes.append("list numbering format \(format) shown as decimal numbers")
        }
        return Document(path: path, format: .docx, encoding: "zip/xml", lines: builder.lines,
                        tables: builder.tables, notes: notes)
    }
}

struct DocxBuilder {
    enum Context {
        case body, textBox(Int), footnote(Int), endnote(Int)
    }

    let styles: DocxStyles
    var numbering: DocxNumbering
    var lines: [SourceLine] = []
    var tables: [SourceTable] = []
    var bodyParagraphs = 0
    var textBoxes = 0
    var deletedRevisions = 0
    var insertedRevisions = 0
    var hiddenRuns = 0
    /// Open complex fields: true once past `separate` (showing the result), false in the code.
    var fields: [Bool] = []
    var footnoteReferences: [Int] = []
    var endnoteReferences: [Int] = []
    private var seenFootnotes: Set<Int> = []
    private var seenEndnotes: Set<Int> = []
    /// The document's text and table cells against `Limits`; the first limit passed stops the
    /// reading and is the file's error.
    var textBudget = Limits.TextBudget()
    var cellSlots = 0
    var failure: LoadError?

    init(styles: DocxStyles, numbering: DocxNumbering) {
        self.styles = styles
        self.numbering = numbering
    }

    /// Whether a node is a WordprocessingML (or markup-compatibility) element, whose name means
    /// what the reader thinks: DrawingML has its own `a:p`, `a:t`, `a:tbl`, `a:tr`, `a:tc`.
    static func isStructural(_ node: XMLTree.Node) -> Bool {
        node.namespace == .word || node.namespace == .markupCompatibility
    }

    // MARK: - Block content

    /// Paragraphs and tables of a container (body, text box, note, content control).
    mutating func blocks(_ tree: XMLTree, _ container: Int, context: Context, counter: inout Int) {
        for child in tree.children(container) {
            let node = tree[child]
            guard node.name != XMLTree.textNode else { continue }
            if node.name < 0 || !DocxBuilder.isStructural(node) {
                blocks(tree, child, context: context, counter: &counter)
                continue
            }
            switch W(rawValue: node.name)! {
            case .p:
                paragraph(tree, child, context: context, counter: &counter)
            case .tbl:
                table(tree, child)
            case .del, .moveFrom:
                deletedRevisions += 1
            case .ins, .moveTo:
                insertedRevisions += 1
                blocks(tree, child, context: context, counter: &counter)
            case .AlternateContent:
                if let chosen = alternative(tree, child) { blocks(tree, chosen, context: context, counter: &counter) }
            case .sdt, .sdtContent:
                blocks(tree, child, context: context, counter: &counter)
            case .sectPr, .sdtPr, .pPr, .rPr, .tblPr:
                continue
            default:
                blocks(tree, child, context: context, counter: &counter)
            }
        }
    }

    /// The `mc:Choice` to read (the first), or the `mc:Fallback` when there is no choice.
    private func alternative(_ tree: XMLTree, _ node: Int) -> Int? {
        var fallback: Int? = nil
        for child in tree.children(node) {
            if tree[child].name == W.Choice.rawValue { return child }
            if tree[child].name == W.Fallback.rawValue && fallback == nil { fallback = child }
        }
        return fallback
    }

    private mutating func paragraph(_ tree: XMLTree, _ p: Int, context: Context, counter: inout Int) {
        if failure != nil { return }
        var boxes: [Int] = []
        var (text, level) = paragraphText(tree, p, boxes: &boxes)
        counter += 1
        if case .footnote = context, counter == 1 { text = String(text.drop(while: { $0 == " " })) }
        if case .endnote = context, counter == 1 { text = String(text.drop(while: { $0 == " " })) }
        let place: String
        switch context {
        case .body:
            bodyParagraphs += 1
            place = "第\(bodyParagraphs)段"
        case .textBox(let k):
            place = "文本框\(k) 第\(counter)段"
        case .footnote(let n):
            place = counter == 1 ? "脚注\(n)" : "脚注\(n) 第\(counter)段"
        case .endnote(let n):
            place = counter == 1 ? "尾注\(n)" : "尾注\(n) 第\(counter)段"
        }
        do { try textBudget.add(text, what: "document's text") } catch { failure = error; return }
        lines.append(SourceLine(number: lines.count + 1, text: text, place: place, headingLevel: level))
        emitTextBoxes(tree, boxes)
    }

    private mutating func emitTextBoxes(_ tree: XMLTree, _ boxes: [Int]) {
        for box in boxes {
            textBoxes += 1
            var k = 0
            blocks(tree, box, context: .textBox(textBoxes), counter: &k)
        }
    }

    /// A paragraph's text with its list label, and its heading level. Text boxes found in it are
    /// added to `boxes`.
    private mutating func paragraphText(_ tree: XMLTree, _ p: Int, boxes: inout [Int]) -> (String, Int?) {
        var styleID: String? = nil
        var numID: Int? = nil, ilvl: Int? = nil, outline: Int? = nil
        if let pPr = tree.child(p, W.pPr.rawValue) {
            for child in tree.children(pPr) {
                switch tree[child].name {
                case W.pStyle.rawValue: styleID = tree.attribute(child, "val")
                case W.outlineLvl.rawValue: outline = tree.attribute(child, "val").flatMap(FileNumbers.int32)
                case W.numPr.rawValue:
                    if let n = tree.child(child, W.numId.rawValue) { numID = tree.attribute(n, "val").flatMap(FileNumbers.int32) }
                    if let l = tree.child(child, W.ilvl.rawValue) { ilvl = tree.attribute(l, "val").flatMap(FileNumbers.int32) }
                default: break
                }
            }
        }
        let style = styleID ?? styles.defaultParagraphStyle
        var text = ""
        inline(tree, p, text: &text, boxes: &boxes, hidden: false)
        // A field whose code is still open at the paragraph's end (malformed, or a begin inside a
        // deleted run) would hide the rest of the document: from here on its text is shown.
        for i in fields.indices where !fields[i] { fields[i] = true }

        var label: String? = nil
        if let numID {
            let level = ilvl ?? style.flatMap { styles.numbering($0)?.1 } ?? 0
            label = numbering.label(numId: numID, ilvl: level, styles: styles)
        } else if ilvl == nil, let style, let (styleNum, _) = styles.numbering(style) {
            let level = numbering.level(forStyle: style, numId: styleNum, styles: styles)
            label = numbering.label(numId: styleNum, ilvl: level, styles: styles)
        }
        var headingLevel: Int? = nil
        if let outline {
            headingLevel = (0...8).contains(outline) ? outline + 1 : nil
        } else if let style {
            headingLevel = styles.headingLevel(style)
        }
        return ((label ?? "") + text, headingLevel)
    }

    // MARK: - Inline content

    private var showingText: Bool {
        for inResult in fields where !inResult { return false }
        return true
    }

    private mutating func inline(_ tree: XMLTree, _ node: Int, text: inout String, boxes: inout [Int], hidden: Bool) {
        for child in tree.children(node) {
            let n = tree[child]
            if n.name == XMLTree.textNode { continue }
            if n.name == W.t.rawValue && n.namespace == .math {
                // Equation text (m:t) reads like run text.
                if !hidden && showingText { text += tree.text(child) }
                continue
            }
            if n.name < 0 || !DocxBuilder.isStructural(n) {
                inline(tree, child, text: &text, boxes: &boxes, hidden: hidden)
                continue
            }
            switch W(rawValue: n.name)! {
            case .t:
                if !hidden && showingText { text += tree.text(child) }
            case .tab, .ptab:
                if !hidden && showingText { text += "\t" }
            case .br, .cr:
                if !hidden && showingText { text += " " }
            case .noBreakHyphen:
                if !hidden && showingText { text += "-" }
            case .softHyphen, .instrText, .delText, .delInstrText, .sym, .pPr, .rPr, .sectPr, .sdtPr, .commentReference:
                continue
            case .fldChar:
                switch tree.attribute(child, "fldCharType") {
                case "begin": if fields.count < 64 { fields.append(false) }
                case "separate": if !fields.isEmpty { fields[fields.count - 1] = true }
                case "end": if !fields.isEmpty { fields.removeLast() }
                default: break
                }
            case .del, .moveFrom:
                deletedRevisions += 1
            case .ins, .moveTo:
                insertedRevisions += 1
                inline(tree, child, text: &text, boxes: &boxes, hidden: hidden)
            case .r:
                var runHidden = hidden
                if let rPr = tree.child(child, W.rPr.rawValue), let v = tree.child(rPr, W.vanish.rawValue),
                   !["0", "false", "off"].contains(tree.attribute(v, "val") ?? "true") {
                    if !hidden { hiddenRuns += 1 }
                    runHidden = true
                }
                inline(tree, child, text: &text, boxes: &boxes, hidden: runHidden)
            case .AlternateContent:
                if let chosen = alternative(tree, child) { inline(tree, chosen, text: &text, boxes: &boxes, hidden: hidden) }
            case .txbxContent:
                boxes.append(child)
            case .footnoteReference:
                if let id = tree.attribute(child, "id").flatMap(FileNumbers.int32), seenFootnotes.insert(id).inserted {
                    footnoteReferences.append(id)
                }
            case .endnoteReference:
                if let id = tree.attribute(child, "id").flatMap(FileNumbers.int32), seenEndnotes.insert(id).inserted {
                    endnoteReferences.append(id)
                }
            case .p:
                // A paragraph where runs are expected (malformed, or inside an unknown wrapper).
                if !text.isEmpty && !text.hasSuffix(" ") { text += " " }
                inline(tree, child, text: &text, boxes: &boxes, hidden: hidden)
            case .tbl:
                let flat = flattenedTable(tree, child, boxes: &boxes)
                if !flat.isEmpty {
                    if !text.isEmpty && !text.hasSuffix(" ") { text += " " }
                    text += flat
                }
            default:
                inline(tree, child, text: &text, boxes: &boxes, hidden: hidden)
            }
        }
    }

    // MARK: - Tables

    /// The rows of a table, looking through content controls, custom XML and inserted revisions;
    /// deleted rows are skipped.
    private mutating func rows(_ tree: XMLTree, _ node: Int, into result: inout [Int]) {
        for child in tree.children(node) {
            let name = tree[child].name
            if name == W.tr.rawValue && tree[child].namespace == .word {
                if let trPr = tree.child(child, W.trPr.rawValue), tree.child(trPr, W.del.rawValue) != nil {
                    deletedRevisions += 1
                    continue
                }
                result.append(child)
            } else if name == W.sdt.rawValue || name == W.sdtContent.rawValue || name == W.ins.rawValue
                        || name == W.moveTo.rawValue || (name < 0 && name != XMLTree.textNode) {
                rows(tree, child, into: &result)
            }
        }
    }

    private func cells(_ tree: XMLTree, _ node: Int, into result: inout [Int]) {
        for child in tree.children(node) {
            let name = tree[child].name
            if name == W.tc.rawValue && tree[child].namespace == .word {
                result.append(child)
            } else if name == W.sdt.rawValue || name == W.sdtContent.rawValue || name == W.ins.rawValue
                        || name == W.moveTo.rawValue || (name < 0 && name != XMLTree.textNode) {
                cells(tree, child, into: &result)
            }
        }
    }

    private mutating func table(_ tree: XMLTree, _ tbl: Int) {
        if failure != nil { return }
        let tableIndex = tables.count
        tables.append(SourceTable(rows: []))
        let tableNumber = tableIndex + 1
        var rowNodes: [Int] = []
        rows(tree, tbl, into: &rowNodes)
        for (r, row) in rowNodes.enumerated() where failure == nil {
            var gridColumn = 0
            if let trPr = tree.child(row, W.trPr.rawValue), let before = tree.child(trPr, W.gridBefore.rawValue) {
                gridColumn = max(0, min(tree.attribute(before, "val").flatMap(FileNumbers.int32) ?? 0, 1000))
            }
            var cellNodes: [Int] = []
            cells(tree, row, into: &cellNodes)
            var boxes: [Int] = []
            var text = ""
            var offset = 0
            var cells: [SourceTableCell] = []
            for (c, tc) in cellNodes.enumerated() {
                var span = 1
                var continues = false
                if let tcPr = tree.child(tc, W.tcPr.rawValue) {
                    if let g = tree.child(tcPr, W.gridSpan.rawValue) {
                        span = max(1, min(tree.attribute(g, "val").flatMap(FileNumbers.int32) ?? 1, 1000))
                    }
                    if let v = tree.child(tcPr, W.vMerge.rawValue) {
                        continues = (tree.attribute(v, "val") ?? "continue") != "restart"
                    }
                }
                let cellText = cellContent(tree, tc, boxes: &boxes)
                if c > 0 {
                    text += "\t"
                    offset += 1
                }
                let length = cellText.unicodeScalars.count
                text += cellText
                cells.append(SourceTableCell(start: offset, length: length, gridColumn: gridColumn, columnSpan: span,
                                             continuesMerge: continues,
                                             place: "表\(tableNumber) 第\(r + 1)行 第\(gridColumn + 1)列"))
                offset += length
                gridColumn += span
                // a row wider than any table, or too many cells in all: refused before the grid is built
                if gridColumn > Limits.tableColumns {
                    failure = LoadError("refused: row \(r + 1) of table \(tableNumber) spans more than \(Limits.tableColumns) grid columns")
                    return
                }
            }
            cellSlots += gridColumn
            if cellSlots > Limits.cells {
                failure = LoadError("refused: the document's tables have more than \(Limits.cells) cells")
                return
            }
            do { try textBudget.add(text, what: "document's text") } catch { failure = error; return }
            let lineIndex = lines.count
            lines.append(SourceLine(number: lineIndex + 1, text: text, place: "表\(tableNumber) 第\(r + 1)行",
                                    tableRow: TableRowReference(table: tableIndex, row: r)))
            tables[tableIndex].rows.append(SourceTableRow(lineIndex: lineIndex, cells: cells))
            emitTextBoxes(tree, boxes)
        }
    }

    /// A cell's text: its paragraphs joined by spaces, nested tables flattened; no tabs or newlines.
    private mutating func cellContent(_ tree: XMLTree, _ container: Int, boxes: inout [Int]) -> String {
        var parts: [String] = []
        cellParts(tree, container, parts: &parts, boxes: &boxes)
        var text = parts.filter { !$0.isEmpty }.joined(separator: " ")
        if text.contains("\t") || text.contains("\n") {
            text = String(text.map { $0 == "\t" || $0 == "\n" ? " " : $0 })
        }
        return text
    }

    private mutating func cellParts(_ tree: XMLTree, _ container: Int, parts: inout [String], boxes: inout [Int]) {
        for child in tree.children(container) {
            let node = tree[child]
            guard node.name != XMLTree.textNode else { continue }
            if node.name < 0 || !DocxBuilder.isStructural(node) {
                cellParts(tree, child, parts: &parts, boxes: &boxes)
                continue
            }
            switch W(rawValue: node.name)! {
            case .p:
                parts.append(paragraphText(tree, child, boxes: &boxes).0)
            case .tbl:
                parts.append(flattenedTable(tree, child, boxes: &boxes))
            case .del, .moveFrom:
                deletedRevisions += 1
            case .ins, .moveTo:
                insertedRevisions += 1
                cellParts(tree, child, parts: &parts, boxes: &boxes)
            case .AlternateContent:
                if let chosen = alternative(tree, child) { cellParts(tree, chosen, parts: &parts, boxes: &boxes) }
            case .sdt, .sdtContent:
                cellParts(tree, child, parts: &parts, boxes: &boxes)
            case .tcPr, .sdtPr:
                continue
            default:
                cellParts(tree, child, parts: &parts, boxes: &boxes)
            }
        }
    }

    /// A nested table's text, all cells joined by spaces.
    private mutating func flattenedTable(_ tree: XMLTree, _ tbl: Int, boxes: inout [Int]) -> String {
        var rowNodes: [Int] = []
        rows(tree, tbl, into: &rowNodes)
        var parts: [String] = []
        for row in rowNodes {
            var cellNodes: [Int] = []
            cells(tree, row, into: &cellNodes)
            for tc in cellNodes { parts.append(cellContent(tree, tc, boxes: &boxes)) }
        }
        return parts.filter { !$0.isEmpty }.joined(separator: " ")
    }
}

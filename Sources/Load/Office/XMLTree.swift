/// A compact element tree of one XML part, built with `XMLScanner`, for the .docx reader (whose
/// paragraphs, tables, fields and text boxes are easier to walk as a tree than as a stream).
///
/// Nodes live in one array and link by index. Elements whose local name is in the name table keep
/// their attributes; other elements keep only their place in the tree. Text is kept only inside
/// elements named in `textParents` (w:t and the like), where white space matters.
struct XMLTree {
    struct Node {
        /// Index into the name table, or -1 (unknown element), or -2 (text node).
        var name: Int
        var namespace: XMLNamespace
        var firstChild = -1
        var nextSibling = -1
        var attributes: [(String, String)] = []
        var text = ""
    }

    private(set) var nodes: [Node] = []
    /// Index of the root element, or -1 for an empty document.
    private(set) var root = -1

    static let textNode = -2
    /// A part with more nodes than this is refused (a long report has a few hundred thousand;
    /// this bounds the tree's memory to a few hundred MB whatever the part holds).
    static let maximumNodes = 4_000_000

    /// Parses `bytes`; `names` is the name table (`nameID`s), `textParents` the IDs whose text is
    /// kept, `skipped` the IDs whose whole subtree is left out, and `onlyChildren[parent]` the
    /// only child elements kept under that parent (run properties: only `w:vanish` matters).
    init(bytes: [UInt8], part: String, names: [String], textParents: Set<Int>, skipped: Set<Int> = [],
         onlyChildren: [Int: Set<Int>] = [:]) throws(LoadError) {
        var nodes: [Node] = []
        nodes.reserveCapacity(min(bytes.count / 32, 1 << 20))
        var root = -1
        try XMLScanner.withScanner(bytes, part: part, names: names) { (scanner: inout XMLScanner) throws(LoadError) in
            // Per open element: its node index and the index of its last child so far.
            var stack: [(Int, Int)] = []
            func append(_ node: Node) -> Int {
                let index = nodes.count
                nodes.append(node)
                if let (parent, lastChild) = stack.last {
                    if lastChild < 0 { nodes[parent].firstChild = index } else { nodes[lastChild].nextSibling = index }
                    stack[stack.count - 1].1 = index
                }
                return index
            }
            while true {
                switch try scanner.next() {
                case .start:
                    if skipped.contains(scanner.nameID) {
                        try scanner.skipElement()
                        continue
                    }
                    if let (parent, _) = stack.last, let only = onlyChildren[nodes[parent].name], !only.contains(scanner.nameID) {
                        try scanner.skipElement()
                        continue
                    }
                    if nodes.count >= XMLTree.maximumNodes {
                        throw LoadError("refused: \(part) has more than \(XMLTree.maximumNodes) XML nodes")
                    }
                    var node = Node(name: scanner.nameID, namespace: scanner.namespace)
                    if scanner.nameID >= 0 { node.attributes = scanner.allAttributes() }
                    let index = append(node)
                    if root < 0 && stack.isEmpty { root = index }
                    stack.append((index, -1))
                case .end:
                    stack.removeLast()
                case .text:
                    if let (parent, _) = stack.last, textParents.contains(nodes[parent].name) {
                        if nodes.count >= XMLTree.maximumNodes {
                            throw LoadError("refused: \(part) has more than \(XMLTree.maximumNodes) XML nodes")
                        }
                        var node = Node(name: XMLTree.textNode, namespace: .none)
                        node.text = try scanner.text()
                        _ = append(node)
                    }
                case .eof:
                    return
                }
            }
        }
        self.nodes = nodes
        self.root = root
    }

    subscript(_ index: Int) -> Node { nodes[index] }

    /// The children of a node, in order.
    func children(_ index: Int) -> ChildSequence { ChildSequence(tree: self, first: nodes[index].firstChild) }

    struct ChildSequence: Sequence, IteratorProtocol {
        let tree: XMLTree
        var current: Int
        init(tree: XMLTree, first: Int) { self.tree = tree; self.current = first }
        mutating func next() -> Int? {
            guard current >= 0 else { return nil }
            defer { current = tree.nodes[current].nextSibling }
            return current
        }
    }

    /// The first child element with this name ID (any namespace unless given).
    func child(_ index: Int, _ name: Int, namespace: XMLNamespace? = nil) -> Int? {
        var c = nodes[index].firstChild
        while c >= 0 {
            if nodes[c].name == name && (namespace == nil || nodes[c].namespace == namespace) { return c }
            c = nodes[c].nextSibling
        }
        return nil
    }

    func attribute(_ index: Int, _ localName: String) -> String? {
        for (name, value) in nodes[index].attributes where name == localName { return value }
        return nil
    }

    /// The concatenated text of all text nodes below `index`.
    func text(_ index: Int) -> String {
        var result = ""
        var c = nodes[index].firstChild
        while c >= 0 {
            if nodes[c].name == XMLTree.textNode { result += nodes[c].text } else { result += text(c) }
            c = nodes[c].nextSibling
        }
        return result
    }
}

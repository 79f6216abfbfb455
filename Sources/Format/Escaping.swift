/// Escaping for HTML, URIs and CSV, and visible forms of invisible controls.
enum Escape {
    /// Characters of a report that must not act on the display: C0 controls (but tab and
    /// newline), DEL, C1 controls, the bidirectional embeddings, overrides, isolates and marks
    /// (U+202E would show a finding reversed), and the line and paragraph separators.
    static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 { return v != 0x09 && v != 0x0A }
        if v < 0x7F { return false }
        if v < 0xA0 { return true }  // DEL and C1
        switch v {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// "\u202E": the visible form of a hidden character.
    static func visibleForm(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// `s` with every hidden character shown as its `\uXXXX` form.
    static func visible(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: isHidden) else { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            if isHidden(scalar) { out.append(contentsOf: visibleForm(scalar).unicodeScalars) } else { out.append(scalar) }
        }
        return String(out)
    }

    /// HTML text and attribute values: & < > " ' escaped; control characters other than
    /// tab and newline (not allowed in HTML) become a space.
    static func html(_ s: String) -> String {
        var needs = false
        // 0xC2 leads C1 controls, 0xD8 U+061C, 0xE2 the U+20xx marks and separators
        for byte in s.utf8 where byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
            || (byte < 0x20 && byte != 0x09 && byte != 0x0A) || byte == 0x7F || byte == 0xC2 || byte == 0xD8 || byte == 0xE2 {
            needs = true
            break
        }
        guard needs else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        appendHTML(s.unicodeScalars, to: &out)
        return out
    }

    static func appendHTML<S: Sequence>(_ scalars: S, to out: inout String) where S.Element == Unicode.Scalar {
        var run = String.UnicodeScalarView()
        for scalar in scalars {
            switch scalar {
            case "&": run.append(contentsOf: "&amp;".unicodeScalars)
            case "<": run.append(contentsOf: "&lt;".unicodeScalars)
            case ">": run.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": run.append(contentsOf: "&quot;".unicodeScalars)
            case "'": run.append(contentsOf: "&#39;".unicodeScalars)
            case "\t", "\n": run.append(scalar)
            default:
                if isHidden(scalar) {
                    run.append(contentsOf: visibleForm(scalar).unicodeScalars)
                } else {
                    run.append(scalar)
                }
            }
        }
        out += String(run)
    }

    /// A file path as a URI reference (RFC 3986): "\" becomes "/", leading "./" segments are
    /// dropped, and every byte other than unreserved characters and "/" is percent-encoded
    /// (UTF-8, upper-case hex). Absolute paths become `file://` URIs.
    static func uri(forPath path: String) -> String {
        var p = path.replacingAll("\\", with: "/")
        var prefix = ""
        if p.hasPrefix("/") {
            prefix = "file://"
        } else if p.utf8.count >= 2, let first = p.unicodeScalars.first, first.isASCIILetter,
                  p.unicodeScalars.dropFirst().first == ":" {
            // A Windows drive path: C:/dir/file → file:///C:/dir/file
            prefix = "file:///" + String(first) + ":"
            p = String(p.unicodeScalars.dropFirst(2))
        } else {
            while p.hasPrefix("./") { p.removeFirst(2) }
        }
        return prefix + percentEncode(p, keepSlash: true)
    }

    static func percentEncode(_ s: String, keepSlash: Bool) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count * 3)
        let hex: [Character] = Array("0123456789ABCDEF")
        for byte in s.utf8 {
            let keep = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E || (keepSlash && byte == 0x2F)
            if keep {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out.append("%")
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            }
        }
        return out
    }

    /// One CSV field (RFC 4180): quoted when it contains a comma, a quote, CR or LF, or
    /// begins or ends with a space; quotes doubled. A field that a spreadsheet would take for a
    /// formula (it starts with = + - @, or a tab or CR before one) gets a leading apostrophe, so
    /// that it is shown as text and never evaluated; hidden controls are shown as `\uXXXX`.
    static func csv(_ raw: String) -> String {
        var s = visible(raw)
        if let first = s.unicodeScalars.first, s != "-", ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            s = "'" + s
            return "\"" + s.replacingAll("\"", with: "\"\"") + "\""
        }
        var needs = false
        for byte in s.utf8 where byte == 0x2C || byte == 0x22 || byte == 0x0D || byte == 0x0A {
            needs = true
            break
        }
        if !needs, let first = s.utf8.first, let last = s.utf8.last, first == 0x20 || last == 0x20 { needs = true }
        guard needs else { return s }
        return "\"" + s.replacingAll("\"", with: "\"\"") + "\""
    }
}

extension String {
    /// Replaces every occurrence of a one-scalar string (Foundation-free).
    func replacingAll(_ target: Unicode.Scalar, with replacement: String) -> String {
        guard unicodeScalars.contains(target) else { return self }
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if scalar == target { out.append(contentsOf: replacement.unicodeScalars) } else { out.append(scalar) }
        }
        return String(out)
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A) }
}

/// Escaping for HTML, URIs and CSV.
enum Escape {
    /// HTML text and attribute values: & < > " ' escaped; control characters other than
    /// tab and newline (not allowed in HTML) become a space.
    static func html(_ s: String) -> String {
        var needs = false
        for byte in s.utf8 where byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
            || (byte < 0x20 && byte != 0x09 && byte != 0x0A) || byte == 0x7F {
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
                if scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0) {
                    run.append(" ")
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
    /// begins or ends with a space; quotes doubled.
    static func csv(_ s: String) -> String {
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

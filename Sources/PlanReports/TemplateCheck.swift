/// Checks a user's Mustache template against the report model before rendering, so mistakes
/// are reported in words with their line instead of rendering blanks: a section opened and never
/// closed, a closing tag that does not match, a field the report does not have, and a field used
/// where it does not exist (`{{commentary}}` outside `{{#exceptions}}`…`{{/exceptions}}`).
struct TemplateCheck: Sendable {
    /// What a value of the report model is: an object with fields, a list of entries, or text,
    /// a number or a flag.
    indirect enum Shape: Sendable {
        case object([String: Shape])
        case list(Shape)
        case scalar

        init(_ value: Any) {
            if let object = value as? [String: Any] {
                self = .object(object.mapValues(Shape.init))
            } else if let array = value as? [Any] {
                self = .list(array.map(Shape.init).reduce(.scalar) { $0.merged(with: $1) })
            } else {
                self = .scalar
            }
        }

        /// The fields of both (entries of one list may differ: one group has actions, another none).
        func merged(with other: Shape) -> Shape {
            switch (self, other) {
            case (.object(let a), .object(let b)): .object(a.merging(b) { $0.merged(with: $1) })
            case (.list(let a), .list(let b)): .list(a.merged(with: b))
            case (.scalar, _): other
            default: self
            }
        }

        func field(_ name: String) -> Shape? {
            if case .object(let fields) = self { return fields[name] }
            return nil
        }

        /// Where a field name occurs, as paths people can read ("exceptions[].commentary").
        func paths(of name: String, prefix: String = "") -> [String] {
            switch self {
            case .object(let fields):
                return fields.keys.sorted().flatMap { key -> [String] in
                    let path = prefix.isEmpty ? key : prefix + "." + key
                    return (key == name ? [path] : []) + fields[key]!.paths(of: name, prefix: path)
                }
            case .list(let element): return element.paths(of: name, prefix: prefix + "[]")
            case .scalar: return []
            }
        }
    }

    let root: Shape

    /// Every problem found, one line each ("line 4: …"); empty when the template is sound.
    func problems(in source: String) -> [String] {
        var problems: [String] = []
        var open: [(name: String, line: Int, context: Shape)] = []
        var line = 1
        var rest = source[...]
        func lookup(_ name: String) -> Shape? {
            let parts = name.split(separator: ".").map(String.init)
            guard let first = parts.first else { return nil }
            let scopes = [root] + open.map(\.context)
            guard var shape = scopes.reversed().lazy.compactMap({ $0.field(first) }).first else { return nil }
            for part in parts.dropFirst() {
                guard let next = shape.field(part) else { return nil }
                shape = next
            }
            return shape
        }
        while let start = rest.range(of: "{{") {
            line += rest[..<start.lowerBound].filter(\.isNewline).count
            let triple = rest[start.upperBound...].hasPrefix("{")
            let closing = triple ? "}}}" : "}}"
            guard let end = rest[start.upperBound...].range(of: closing) else {
                problems.append("line \(line): a tag is opened with {{ and never closed with \(closing)")
                return problems
            }
            var tag = String(rest[start.upperBound..<end.lowerBound])
            line += tag.filter(\.isNewline).count
            rest = rest[end.upperBound...]
            if triple { tag.removeFirst() }
            tag = tag.trimmingSpaces()
            guard let sigil = tag.first else { continue }
            if sigil == "=" { return problems }  // new delimiters: the rest is the renderer's to read
            if sigil == ">" || sigil == "<" {
                // The renderer has no other templates to find, and would put nothing in its place.
                let name = tag.dropFirst().trimmingSpaces()
                problems.append("line \(line): {{\(sigil) \(name)}} brings in another template; dplan renders one file, so write that part here")
                continue
            }
            if "!%$".contains(sigil) { continue }
            let name = ("#^/&".contains(sigil) ? String(tag.dropFirst()) : tag).trimmingSpaces()
            guard !name.isEmpty else { problems.append("line \(line): a tag {{\(tag)}} has no field name"); continue }
            if sigil == "/" {
                guard let last = open.last else {
                    problems.append("line \(line): {{/\(name)}} closes a section that was never opened")
                    continue
                }
                if last.name == name {
                    open.removeLast()
                } else if let index = open.lastIndex(where: { $0.name == name }) {
                    for unclosed in open[(index + 1)...].reversed() {
                        problems.append("line \(unclosed.line): the section {{#\(unclosed.name)}} is not closed before {{/\(name)}} on line \(line); add {{/\(unclosed.name)}}")
                    }
                    open.removeSubrange(index...)
                } else {
                    problems.append("line \(line): {{/\(name)}} closes a section that is not open (the open section is {{#\(last.name)}} from line \(last.line))")
                }
                continue
            }
            let shape: Shape?
            if name == "." {
                shape = .scalar
            } else {
                shape = lookup(name)
                if shape == nil { problems.append(unknown(name, line: line, inSection: open.last?.name)) }
            }
            guard sigil == "#" || sigil == "^" else { continue }
            var context = Shape.scalar
            if sigil == "#", let shape {
                if case .list(let element) = shape { context = element } else { context = shape }
            }
            open.append((name, line, context))
        }
        for unclosed in open.reversed() {
            problems.append("line \(unclosed.line): the section {{#\(unclosed.name)}} is never closed; add {{/\(unclosed.name)}}")
        }
        return problems
    }

    /// Words for a field that is not there: unknown to the report, or known only elsewhere.
    private func unknown(_ name: String, line: Int, inSection section: String?) -> String {
        let last = String(name.split(separator: ".").last ?? "")
        let places = root.paths(of: last)
        guard !places.isEmpty else {
            return "line \(line): unknown field {{\(name)}}; see docs/templates.md for the fields a report has"
        }
        let here = section.map { "inside {{#\($0)}}" } ?? "at the top level"
        return "line \(line): {{\(name)}} is not a field \(here); the report has it as \(places.prefix(4).joined(separator: ", ")) (open that section first)"
    }
}

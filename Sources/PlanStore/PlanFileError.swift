/// Why a plan file could not be read or written, with where: file, line and column for syntax
/// errors, a JSON path (`actions[3].status`) for content errors.
public struct PlanFileError: Error, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var path: String?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, path: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
    }

    /// `file:line:column: message`, `file: path: message` or `file: message`.
    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        if let path, !path.isEmpty { text += ": \(path)" }
        return text + ": " + message
    }
}

/// Where things go on a screen of one size, worked out once and used by both `render` (to draw)
/// and `update` (to map a click to a row, to page by a screenful).
public struct Layout: Equatable, Sendable {
    public let width: Int
    public let height: Int

    /// Smaller screens show a message instead of the layout.
    public static let minimum = (width: 60, height: 16)

    public init(width: Int, height: Int) {
        self.width = max(1, width)
        self.height = max(1, height)
    }

    public var isTooSmall: Bool { width < Self.minimum.width || height < Self.minimum.height }

    /// The action list's column header row; the rows start under it.
    let listHeaderRow = 2
    var listTop: Int { listHeaderRow + 1 }
    /// Rows for the action list (below title, filter line and column header; above message and hints).
    var listHeight: Int { max(1, height - 5) }
    var messageRow: Int { height - 2 }
    var hintRow: Int { height - 1 }
    /// The detail screen's scrolled text, under the title bar.
    var detailTop: Int { 1 }
    var detailHeight: Int { max(1, height - 4) }
    /// The what-changed screen's scrolled text, under its heading line.
    var changesTop: Int { 3 }
    var changesHeight: Int { max(1, height - 5) }
    /// The help overlay, under the title bar.
    var helpTop: Int { 1 }
    var helpHeight: Int { max(1, height - 3) }

    /// The box the multi-line text editor is drawn in: the screen's width, above the message row.
    var textArea: Box {
        let boxHeight = max(3, min(max(8, height / 2), height - 4))
        return Box(x: 0, y: max(0, messageRow - boxHeight), width: width, height: boxHeight)
    }

    /// The list row shown at screen row `y` when the list is scrolled to `scroll`, if any.
    func listRow(atScreenRow y: Int, scroll: Int) -> Int? {
        guard y >= listTop, y < listTop + listHeight else { return nil }
        return scroll + (y - listTop)
    }
}

/// A rectangle of the screen with a one-cell border.
struct Box: Equatable, Sendable {
    var x: Int
    var y: Int
    var width: Int
    var height: Int

    var innerWidth: Int { max(1, width - 2) }
    var innerHeight: Int { max(1, height - 2) }
}

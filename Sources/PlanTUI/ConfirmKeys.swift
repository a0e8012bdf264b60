/// What a key answers to a question on the message row.
public enum ConfirmCommand: Hashable, Sendable {
    case yes, keepOurs, takeTheirs, recover, discard, compare, saveAndQuit, discardAndQuit, cancel
}

extension Keymap {
    private static func ch(_ c: Character) -> Key { .character(c) }

    /// The keys each question takes, named in the question itself (`confirmHint`), the help and
    /// the README. A key not in the table answers "no" where the question says so.
    static func confirmKeys(for purpose: ConfirmPurpose) -> [Binding<ConfirmCommand>] {
        switch purpose {
        case .delete: confirmDelete
        case .overwrite: confirmOverwrite
        case .quitUnsaved: confirmQuit
        case .recoverSwap: confirmRecovery
        case .resolveConflicts: confirmConflict
        }
    }

    static let confirmDelete: [Binding<ConfirmCommand>] = [
        Binding([ch("y")], .yes, "deletes it (u undoes); any other key keeps it"),
    ]
    static let confirmOverwrite: [Binding<ConfirmCommand>] = [
        Binding([ch("y")], .yes, "replaces it; any other key keeps it (nothing exported)"),
    ]
    static let confirmQuit: [Binding<ConfirmCommand>] = [
        Binding([ch("s")], .saveAndQuit, "save and quit"),
        Binding([ch("d")], .discardAndQuit, "discard and quit"),
        Binding([.escape], .cancel, "keep working"),
    ]
    static let confirmRecovery: [Binding<ConfirmCommand>] = [
        Binding([ch("r")], .recover, "recover"),
        Binding([ch("d")], .discard, "discard"),
        Binding([ch("c")], .compare, "compare (list the edits)"),
    ]
    static let confirmConflict: [Binding<ConfirmCommand>] = [
        Binding([ch("m")], .keepOurs, "keeps yours"),
        Binding([ch("t")], .takeTheirs, "takes theirs"),
        Binding([.escape], .cancel, "cancels the save"),
    ]

    /// "s save and quit · d discard and quit · Esc keep working".
    static func confirmHint(_ bindings: [Binding<ConfirmCommand>]) -> String {
        bindings.map { "\($0.keys.map(\.description).joined(separator: "/")) \($0.help)" }.joined(separator: " · ")
    }

    static func confirmCommand(for key: Key, in purpose: ConfirmPurpose) -> ConfirmCommand? {
        confirmKeys(for: purpose).first { $0.keys.contains(key) }?.command
    }

    /// The questions' key tables with their titles, for the help and the README.
    static var confirmSections: [(title: String, bindings: [Binding<ConfirmCommand>])] {
        [("Question: delete an action", confirmDelete),
         ("Question: replace an existing export", confirmOverwrite),
         ("Question: quit with unsaved changes", confirmQuit),
         ("Question: unsaved edits from an earlier session", confirmRecovery),
         ("Question: a field changed here and on disk", confirmConflict)]
    }
}

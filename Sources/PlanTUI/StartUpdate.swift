import PlanApp
import PlanModel
import TerminalText

/// What a key does on the start screen.
public enum StartCommand: Hashable, Sendable {
    case moveUp, moveDown, choose, portfolio, newPlan, importTracker, sample, help, quit
}

extension Keymap {
    /// The start screen's keys (`dplan` alone).
    public static let start: [Binding<StartCommand>] = [
        Binding([.enter, .character("l"), .right], .choose, "open the plan, or begin what the line says", hint: "open"),
        Binding([.character("k"), .up], .moveUp, "previous line"),
        Binding([.character("j"), .down], .moveDown, "next line"),
        Binding([.character("n")], .newPlan, "new plan: title, partnership, period, group names, owners", hint: "new"),
        Binding([.character("i")], .importTracker, "import a tracker (.xlsx or .csv): see the column mapping, then confirm", hint: "import"),
        Binding([.character("o")], .sample, "open a sample plan", hint: "sample"),
        Binding([.character("p")], .portfolio, "the plans of this folder as a portfolio"),
        Binding([.character("?")], .help, "show or hide this help", hint: "help"),
        Binding([.character("q"), .control("c")], .quit, "quit", hint: "quit"),
    ]
}

extension StartState {
    /// Applies one event; returns the work to do, if any. Pure.
    public mutating func update(_ event: Event) -> Effect? {
        switch event {
        case .resized(let width, let height):
            layout = Layout(width: width, height: height)
        case .listed(let listing):
            self.listing = listing
            selection = min(selection, rows.count - 1)
            retry = nil
        case .previewed(let path, let mapping, let title):
            flow = .preview(ImportAnswers(tracker: path, mapping: mapping, trackerTitle: title))
        case .failed(let text):
            // The first two lines say what is wrong; the command line gives every detail.
            message = Message(text: sanitizedForTerminal(text.split(separator: "\n").prefix(2).joined(separator: " ")), isError: true)
            // Making the plan failed: its last question again, the other answers kept.
            flow = retry
            retry = nil
        case .key(let key):
            if help != nil {
                help = nil
                return nil
            }
            if flow != nil { return flowKey(key) }
            message = nil
            return listKey(key)
        }
        return nil
    }

    private mutating func listKey(_ key: Key) -> Effect? {
        switch Keymap.start.first(where: { $0.keys.contains(key) })?.command {
        case .moveUp?: selection = max(0, selection - 1)
        case .moveDown?: selection = min(rows.count - 1, selection + 1)
        case .choose?: return choose(rows[selection])
        case .portfolio?: return choose(.portfolio)
        case .newPlan?: return choose(.newPlan)
        case .importTracker?: return choose(.importTracker)
        case .sample?: return choose(.sample)
        case .help?: help = Help()
        case .quit?: return .quit
        case nil:
            if case .character(let c) = key { message = Message(text: "\(c) does nothing here; ? lists the keys", isError: true) }
        }
        return nil
    }

    private mutating func choose(_ row: StartRow) -> Effect? {
        switch row {
        case .plan(let entry), .recent(let entry): return .open(path: entry.path)
        case .portfolio:
            guard !listing.plans.isEmpty else {
                message = Message(text: "There are no plans in this folder", isError: true)
                return nil
            }
            return .portfolio
        case .newPlan:
            let answers = NewPlanAnswers(today: today)
            flow = .newPlan(.title, answers, TextEditor(answers.answer(.title)))
        case .importTracker:
            let options = listing.trackers.map { Picker.Option(id: $0, label: $0) } + [Picker.Option(id: "", label: "Type a path…")]
            flow = .pickTracker(Picker(title: "Import which tracker?", options: options))
        case .sample:
            guard !listing.samples.isEmpty else {
                message = Message(text: "No sample plans are installed", isError: true)
                return nil
            }
            flow = .pickSample(Picker(title: "Open which sample plan?", options: listing.samples.map { Picker.Option(id: $0.path, label: $0.label) }))
        }
        return nil
    }

    private mutating func flowKey(_ key: Key) -> Effect? {
        switch flow {
        case .newPlan(let step, var answers, var editor)?:
            switch editor.handle(key, width: layout.width) {
            case .cancelled: flow = nil
            case .confirmed:
                if let problem = answers.take(editor.text, for: step) {
                    message = Message(text: problem, isError: true)
                    flow = .newPlan(step, answers, editor)
                } else if let next = step.next {
                    message = nil
                    flow = .newPlan(next, answers, TextEditor(answers.answer(next)))
                } else {
                    flow = nil
                    retry = .newPlan(step, answers, TextEditor(answers.file))
                    return .createPlan(answers)
                }
            case .editing, .external: flow = .newPlan(step, answers, editor)
            }
        case .pickTracker(var picker)?:
            switch picker.handle(key) {
            case .cancelled: flow = nil
            case .chosen:
                let path = picker.chosenID ?? ""
                flow = path.isEmpty ? .trackerPath(TextEditor()) : nil
                if !path.isEmpty { return .previewTracker(path: path) }
            case .picking: flow = .pickTracker(picker)
            }
        case .trackerPath(var editor)?:
            switch editor.handle(key, width: layout.width) {
            case .cancelled: flow = nil
            case .confirmed:
                flow = nil
                let path = editor.text.trimmingCharacters(in: .whitespaces)
                if !path.isEmpty { return .previewTracker(path: path) }
            case .editing, .external: flow = .trackerPath(editor)
            }
        case .preview(let answers)?:
            if key == .enter {
                flow = .importPlan(.partnership, answers, TextEditor())
            } else if key == .escape {
                flow = nil
            }
        case .importPlan(let step, let answers, let editor)?:
            return importKey(key, step: step, answers: answers, editor: editor)
        case .pickSample(var picker)?:
            switch picker.handle(key) {
            case .cancelled: flow = nil
            case .chosen:
                flow = nil
                if let path = picker.chosenID { return .open(path: path) }
            case .picking: flow = .pickSample(picker)
            }
        case nil:
            break
        }
        return nil
    }

    private mutating func importKey(_ key: Key, step: ImportAnswers.Step, answers: ImportAnswers, editor: TextEditor) -> Effect? {
        var answers = answers
        var editor = editor
        switch editor.handle(key, width: layout.width) {
        case .cancelled: flow = nil
        case .editing, .external: flow = .importPlan(step, answers, editor)
        case .confirmed:
            let text = editor.text.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else {
                message = Message(text: "This cannot be empty", isError: true)
                return nil
            }
            message = nil
            switch step {
            case .partnership:
                answers.partnership = text
                if answers.trackerTitle == nil {
                    flow = .importPlan(.title, answers, TextEditor())
                } else {
                    flow = .importPlan(.file, answers, TextEditor(NewPlanAnswers.fileName(for: answers.trackerTitle ?? "")))
                }
            case .title:
                answers.title = text
                flow = .importPlan(.file, answers, TextEditor(NewPlanAnswers.fileName(for: text)))
            case .file:
                answers.file = text.hasSuffix(".json") ? text : text + ".json"
                flow = nil
                retry = .importPlan(.file, answers, TextEditor(answers.file))
                return .importTracker(answers)
            }
        }
        return nil
    }
}

import PlanApp
import PlanModel

extension AppState {
    /// `E`: the export dialog, or a word that one is already running.
    mutating func openExportForm() {
        if let exporting {
            message = Message(text: "\(exporting.label) first", isError: true)
            return
        }
        modal = .exportForm(ExportForm(plan: plan, planPath: session.path, today: today))
    }

    /// Keys in the export dialog (`Keymap.exportForm`).
    mutating func handleExportForm(_ form: ExportForm, _ key: Key) -> [Effect] {
        var form = form
        switch Keymap.exportFormCommand(for: key) {
        case .up?: form.move(by: -1)
        case .down?: form.move(by: 1)
        case .previous?: form.cycle(form.selection, by: -1)
        case .next?: form.cycle(form.selection, by: 1)
        case .choose?:
            if form.selection == .export { return startExport(form) }
            if form.selection.isText {
                modal = .prompt(.exportField(form, form.selection), form.editableText(form.selection))
                return []
            }
            form.cycle(form.selection, by: 1)
        case .export?: return startExport(form)
        case .cancel?:
            modal = nil
            message = Message(text: "Cancelled: nothing exported", isError: false)
            return []
        case nil: break
        }
        modal = .exportForm(form)
        return []
    }

    /// A typed field's prompt closed with Enter: the value goes into the form, which reopens (the
    /// prompt stays, with why, when the text is not a value the field takes).
    mutating func confirmExportField(_ form: ExportForm, _ field: ExportForm.Field, _ text: String) {
        var form = form
        if let problem = form.set(field, to: text) {
            modal = .prompt(.exportField(form, field), text)
            message = Message(text: problem, isError: true)
            return
        }
        modal = .exportForm(form)
    }

    /// Checks the request as the command line would and starts the export in the background.
    private mutating func startExport(_ form: ExportForm) -> [Effect] {
        do {
            try form.request.validate(plans: 1)
            _ = try form.request.reportOptions(for: plan, now: now)
        } catch {
            modal = .exportForm(form)
            message = Message(text: error.message, isError: true)
            return []
        }
        modal = nil
        return startExport(form.request, to: form.path, overwrite: false)
    }

    /// Starts an export; the message row says so until `.exported` or `.exportFailed` comes back.
    mutating func startExport(_ request: ExportRequest, to path: String, overwrite: Bool) -> [Effect] {
        exporting = RunningExport(request: request, path: path)
        message = nil
        return [.export(request, path: path, overwrite: overwrite)]
    }

    /// Ctrl-X: stops the running export.
    mutating func cancelExport() -> [Effect] {
        guard exporting != nil else {
            message = Message(text: "No export is running", isError: false)
            return []
        }
        return [.cancelExport]
    }
}

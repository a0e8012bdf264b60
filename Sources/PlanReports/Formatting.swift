import TerminalText

/// Plan text made safe for a report: no control characters or escape sequences, one line.
func clean(_ text: String) -> String { sanitizedForTerminal(text) }

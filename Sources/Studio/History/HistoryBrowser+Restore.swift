import TerminalUI

extension HistoryBrowser {
    /// What a restart brings back (`StudioSnapshot`): the search, the view, stacks, the selected
    /// job; read again at once when the screen was up.
    mutating func restore(query text: String, list: Bool, stacked: Bool, selected: Int, selectedID: Int64?, shown: Bool) {
        query = LineEditor(text)
        mode = list ? .list : .sheet
        self.stacked = stacked
        restoreSelection(index: selected, id: selectedID)
        if shown { reload(keepSelection: true) }
    }
}

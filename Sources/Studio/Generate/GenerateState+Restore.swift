extension GenerateState {
    /// What a restart brings back (`StudioSnapshot`): the focused field, the form's scroll and
    /// the strip of results (whose files are still there), the selection within it.
    mutating func restore(focus path: JSONPath, formScroll: Int, results: [RecentResult], selectedResult: Int) {
        focus(path: path)
        self.formScroll = max(0, formScroll)
        self.results = results
        self.selectedResult = results.isEmpty ? 0 : min(max(0, selectedResult), results.count - 1)
        lastSeed = results.first?.seed
    }
}

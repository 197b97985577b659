import Foundation
import Preview

extension HistoryBrowser {
    /// Keeps the selected job on screen.
    package mutating func keepSelectionVisible(_ layout: HistoryLayout) {
        let row = selected / layout.perRow(mode), visible = layout.visibleRows(mode)
        if row < scroll { scroll = row }
        if row >= scroll + visible { scroll = row - visible + 1 }
    }

    /// Pages the screen needs that are neither loaded nor asked for; far pages are dropped. While
    /// the selected job is being looked for, the pages around where it was are needed too.
    package mutating func neededPages(_ layout: HistoryLayout) -> [HistoryEffect] {
        guard queryError == nil else { return [] }
        let first = scroll * layout.perRow(mode)
        let last = first + layout.pageCount(mode)
        var wanted = Set((first / Self.pageSize)...(max(first, last) / Self.pageSize))
        if selectionUnresolved { wanted.formUnion(neighbourPages) }
        let keep = (wanted.min()! - Self.keptPages)...(wanted.max()! + Self.keptPages)
        for page in pages.keys where !keep.contains(page) {
            pages[page] = nil
            stalePages.remove(page)
        }
        pagesRequested = pagesRequested.filter { keep.contains($0) }
        var effects: [HistoryEffect] = []
        for page in wanted.sorted() where (pages[page] == nil || stalePages.contains(page)) && !pagesRequested.contains(page) {
            if let total, page * Self.pageSize >= max(total, 1) { continue }
            pagesRequested.insert(page)
            effects.append(.load(query: query.text, generation: generation, page: page, stacked: showsStacks))
        }
        return effects
    }

    /// The first image of every job on screen, at contact-sheet size; the open pane's pictures.
    package func wantedThumbnails(_ layout: HistoryLayout, pixelPreview: Bool) -> [ThumbnailKey] {
        switch pane {
        case .sweep:
            guard let sweep else { return [] }
            let size = layout.sweepCell(sweep)
            return sweep.cells(ofPage: sweep.page).compactMap { $0.path.map { ThumbnailKey(path: $0, columns: size.width, rows: size.height) } }
        case .compare(let comparison):
            let (left, right) = layout.comparePictures
            return [(comparison.a, left), (comparison.b, right)].compactMap { job, box in
                job.results.first.map { ThumbnailKey(path: $0.path, columns: box.width, rows: box.height) }
            }
        case .loupe:
            guard let path = selectedJob?.results.first?.path, !pixelPreview else { return [] }
            let box = layout.loupePicture
            return [ThumbnailKey(path: path, columns: box.width, rows: box.height)]
        case .detail(let detail):
            guard let path = detail.row.job.results.first?.path, !pixelPreview else { return [] }
            let box = layout.detailPicture
            return [ThumbnailKey(path: path, columns: box.width, rows: box.height)]
        case .lineage:
            return []
        case .browse, .search:
            guard mode == .sheet else { return [] }
            let first = scroll * layout.perRow(mode)
            return (first..<(first + layout.pageCount(mode))).compactMap { i in
                job(at: i)?.results.first.map {
                    ThumbnailKey(path: $0.path, columns: HistoryLayout.thumbWidth, rows: HistoryLayout.thumbHeight)
                }
            }
        }
    }
}

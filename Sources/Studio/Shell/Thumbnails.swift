import Preview

extension StudioState {
    /// The thumbnails the current screen and pop-up show.
    package var wantedThumbnails: [ThumbnailKey] {
        var keys: [ThumbnailKey] = switch screen {
        case .generate: generate.wantedThumbnails(generate.layout(columns: columns, rows: rows), pixelPreview: pixelPreview)
        case .history: history.wantedThumbnails(HistoryLayout(columns: columns, rows: rows), pixelPreview: pixelPreview)
        }
        if case .files(let picker)? = overlay, let path = picker.selectedPath {
            let box = OverlayLayout(columns: columns, rows: rows).filePickerThumbnail
            keys.append(ThumbnailKey(path: path, columns: box.width, rows: box.height))
        }
        return keys
    }

    /// Where a pixel-protocol picture goes on the current screen, and which file: the Generate
    /// preview, or the picture of an open History detail.
    package var pixelTarget: (GenerateLayout.Rect, String)? {
        guard overlay == nil else { return nil }
        switch screen {
        case .generate:
            guard let rect = generate.layout(columns: columns, rows: rows).preview, let selected = generate.selected else { return nil }
            return (rect, selected.path)
        case .history:
            if history.pane == .loupe, let path = history.selectedJob?.results.first?.path {
                return (HistoryLayout(columns: columns, rows: rows).loupePicture, path)
            }
            guard case .detail(let detail) = history.pane, let path = detail.row.job.results.first?.path else { return nil }
            return (HistoryLayout(columns: columns, rows: rows).detailPicture, path)
        }
    }
}

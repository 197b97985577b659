import Foundation
import History
import Preview
import TerminalUI

/// The loupe: the selected job's picture as large as the screen allows (a pixel picture is
/// placed over blank cells by the app), its prompt and key parameters in one line under it.
struct HistoryLoupeView {
    var theme: Theme

    func draw(_ h: HistoryBrowser, layout: HistoryLayout, thumbnails: [ThumbnailKey: CellGrid], pixelPreview: Bool,
              into frame: inout Frame) {
        let box = layout.loupePicture
        guard let job = h.selectedJob else {
            frame.putClipped("loading…", x: box.x + 1, y: box.y + box.height / 2, style: theme.style("hint"), maxWidth: box.width)
            return
        }
        if let path = job.results.first?.path {
            if !pixelPreview {
                if let grid = thumbnails[ThumbnailKey(path: path, columns: box.width, rows: box.height)] {
                    frame.place(grid, x: box.x + max(0, (box.width - grid.width) / 2), y: box.y + max(0, (box.height - grid.height) / 2))
                } else {
                    frame.putClipped("loading…", x: box.x + box.width / 2 - 4, y: box.y + box.height / 2, style: theme.style("hint"),
                                     maxWidth: box.width)
                }
            }
        } else {
            let why = job.status == .done ? "no image" : job.status.rawValue + (job.reason.map { ": \($0)" } ?? "")
            frame.putClipped(why, x: box.x + 1, y: box.y + box.height / 2, style: theme.style("field.error"), maxWidth: box.width - 2)
        }
        let y = box.y + box.height
        frame.putClipped(Self.caption(job, marked: h.markAll || h.marks.contains(job.id)), x: box.x, y: y,
                         style: theme.style("field.value"), maxWidth: box.width)
        let place = h.total.map { "\(h.selected + 1) of \($0)" } ?? ""
        frame.putClipped("left/right: the previous/next job · 0-5 rate and on · space marks · esc closes", x: box.x, y: y + 1,
                         style: theme.style("hint"), maxWidth: max(0, box.width - DisplayWidth.of(place) - 1))
        frame.put(place, x: box.x + box.width - DisplayWidth.of(place), y: y + 1, style: theme.style("hint"))
    }

    /// "#12 ★★★★☆ ♥  1024x1024  seed 5  28 steps  CFG 3.5  runware:111@1  a lighthouse at dusk"
    static func caption(_ job: HistoryJob, marked: Bool) -> String {
        let object = job.taskObject ?? [:]
        var parts = ["#\(job.id)" + (marked ? " ✓" : ""),
                     job.rating > 0 ? String(repeating: "★", count: job.rating) + String(repeating: "☆", count: 5 - job.rating) : "unrated"]
        if job.favourite { parts.append("♥") }
        if let w = job.results.first?.width ?? job.width, let hgt = job.results.first?.height ?? job.height { parts.append("\(w)x\(hgt)") }
        if let seed = job.results.first?.seed ?? job.seed { parts.append("seed \(seed)") }
        if let steps = object["steps"]?.intValue { parts.append("\(steps) steps") }
        if let cfg = object["CFGScale"] { parts.append("CFG " + GenerateForm.display(cfg)) }
        parts.append(job.model)
        parts.append(job.positivePrompt)
        return parts.joined(separator: "  ")
    }
}

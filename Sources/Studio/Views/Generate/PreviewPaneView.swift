import Foundation
import Preview
import TerminalUI

/// The right pane: jobs in flight with progress and elapsed time, the selected result, and the
/// strip of recent results.
struct PreviewPaneView {
    var theme: Theme

    func draw(_ state: StudioState, layout: GenerateLayout, title: String = "Preview", into frame: inout Frame) {
        guard let right = layout.right else { return }
        frame.box(right, style: theme.style("border"), title: title, titleStyle: theme.style("title"))
        if let jobs = layout.jobs { drawJobs(state, jobs, into: &frame) }
        if let preview = layout.preview { drawPreview(state, preview, layoutZoomed: layout.zoomed, into: &frame) }
        if let strip = layout.strip { drawStrip(state, strip, layout.stripCount, into: &frame) }
    }

    private func drawJobs(_ state: StudioState, _ r: GenerateLayout.Rect, into frame: inout Frame) {
        let shown = Array(state.jobs.lines.suffix(r.height).reversed())
        if shown.isEmpty {
            // Results kept from the last session are in the strip; no job of this one yet.
            let hint = state.generate.results.isEmpty ? "No jobs yet. Write a prompt, then ctrl-g to generate."
                : "No job running yet; the strip holds earlier results."
            frame.putClipped(hint, x: r.x, y: r.y, style: theme.style("hint"), maxWidth: r.width)
            return
        }
        for (row, job) in shown.enumerated() {
            let elapsed = String(format: "%.1fs", job.elapsed(now: state.now))
            let (phase, role): (String, String) = switch job.phase {
            case .starting: ("starting", "field.value")
            case .uploading: ("uploading inputs", "field.value")
            case .waiting: ("waiting", "field.value")
            case .processing: (job.images?.marks ?? "\(job.finished)/\(job.total)", "field.value")
            case .done: ("done \(job.finished)/\(job.total)", "field.label")
            case .failed(let why): ("failed: \(why)", "field.error")
            case .cancelled: ("cancelled", "hint")
            }
            let marker = job.inFlight ? "▶" : " "
            let head = "\(marker) #\(job.number) \(elapsed) \(phase)"
            let used = frame.putClipped(head, x: r.x, y: r.y + row, style: theme.style(role), maxWidth: r.width)
            if used + 3 < r.width {
                frame.putClipped("  " + job.summary, x: r.x + used, y: r.y + row, style: theme.style("hint"), maxWidth: r.width - used)
            }
        }
    }

    private func drawPreview(_ state: StudioState, _ r: GenerateLayout.Rect, layoutZoomed: Bool, into frame: inout Frame) {
        guard let selected = state.generate.selected else {
            frame.putClipped("Results appear here.", x: r.x, y: r.y + r.height / 2, style: theme.style("hint"), maxWidth: r.width)
            return
        }
        let key = ThumbnailKey(path: selected.path, columns: r.width, rows: r.height)
        if state.pixelPreview {
            // The app places the picture over these blank cells.
        } else if let grid = state.thumbnails[key] {
            frame.place(grid, x: r.x + max(0, (r.width - grid.width) / 2), y: r.y + max(0, (r.height - grid.height) / 2))
        } else {
            frame.putClipped("loading preview…", x: r.x, y: r.y + r.height / 2, style: theme.style("hint"), maxWidth: r.width)
        }
        // Zoomed there is no strip: the caption says where in the results this one is.
        let place = layoutZoomed ? "#\(selected.job)\(selected.index > 0 ? ".\(selected.index + 1)" : "")  "
            + "result \(state.generate.selectedResult + 1) of \(state.generate.results.count)  " : ""
        let caption = place + "\((selected.path as NSString).lastPathComponent)" + (selected.seed.map { "  seed \($0)" } ?? "")
            + (selected.flagged ? "  flagged NSFW" : "")
        frame.putClipped(caption, x: r.x, y: r.y + r.height, style: theme.style("hint"), maxWidth: r.width)
    }

    private func drawStrip(_ state: StudioState, _ r: GenerateLayout.Rect, _ count: Int, into frame: inout Frame) {
        let w = GenerateLayout.stripThumbWidth, h = GenerateLayout.stripThumbHeight
        for (i, result) in state.generate.results.prefix(count).enumerated() {
            let x = r.x + i * (w + 1)
            if let grid = state.thumbnails[ThumbnailKey(path: result.path, columns: w, rows: h)] {
                frame.place(grid, x: x + (w - grid.width) / 2, y: r.y)
            } else {
                frame.put("…", x: x + w / 2, y: r.y + h / 2, style: theme.style("hint"))
            }
            // A job's later images by number: #5, #5.2, #5.3.
            let label = (i == state.generate.selectedResult ? "▲ #" : "#") + result.job + (result.index > 0 ? ".\(result.index + 1)" : "")
            frame.putClipped(label, x: x, y: r.y + h, style: theme.style(i == state.generate.selectedResult ? "selection" : "hint"), maxWidth: w)
        }
    }
}

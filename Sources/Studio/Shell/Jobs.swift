import Generation
import History
import Foundation
import RunwareAPI

/// A job to send, as a screen asks for it; the shell numbers it and starts it.
package struct JobOrder: Sendable, Equatable {
    package var request: ImageInferenceRequest
    package var parent: JobParent?
    package var summary: String
    /// The sweep cell the job fills, when it is one.
    package var sweepCell: Int?

    package init(request: ImageInferenceRequest, parent: JobParent?, summary: String, sweepCell: Int? = nil) {
        self.request = request
        self.parent = parent
        self.summary = summary
        self.sweepCell = sweepCell
    }
}

/// One generation as the studio shows it: what it is doing, how far it got, how long it took.
package struct JobLine: Sendable, Equatable {
    package enum Phase: Sendable, Equatable {
        case starting, uploading, waiting, processing, done, failed(String), cancelled
    }

    /// The studio's handle for the job's events until History has recorded it.
    package var id: Int
    /// History's id for the job once it is recorded; from then on the only number shown.
    package var historyID: Int64?
    package var summary: String
    package var started: Date
    package var ended: Date?
    package var phase: Phase = .starting
    package var finished = 0
    package var total: Int
    /// Each image's state as the last answer told (saved, failed, its progress while made).
    package var images: ImagesProgress?
    package var cost: Double = 0
    package var sweepCell: Int?
    /// How the job was sent, once it was (async jobs go on at the API after a quit).
    package var delivery: DeliveryMethod?

    package init(id: Int, summary: String, started: Date, total: Int) {
        self.id = id
        self.summary = summary
        self.started = started
        self.total = total
    }

    package var inFlight: Bool { ended == nil }

    /// The number the user sees: History's id, or "new" for the moment before History records it.
    package var number: String { historyID.map(String.init) ?? "new" }

    package func elapsed(now: Date) -> TimeInterval { (ended ?? now).timeIntervalSince(started) }
}

/// The jobs of this session, newest last (the last 20 are kept).
package struct JobsState: Sendable, Equatable {
    package private(set) var lines: [JobLine] = []
    private var nextID = 1

    package init() {}

    package var inFlight: Int { lines.filter(\.inFlight).count }
    package var newestInFlight: JobLine? { lines.last(where: \.inFlight) }
    package var last: JobLine? { lines.last }
    package var count: Int { lines.count }

    /// Adds a line for the order and returns its handle.
    package mutating func start(_ order: JobOrder, now: Date) -> Int {
        let id = nextID
        nextID += 1
        var line = JobLine(id: id, summary: order.summary.replacingOccurrences(of: "\n", with: " "), started: now,
                           total: order.request.resultCount)
        line.sweepCell = order.sweepCell
        lines.append(line)
        if lines.count > 20 { lines.removeFirst(lines.count - 20) }
        return id
    }

    package func line(_ id: Int) -> JobLine? { lines.first { $0.id == id } }

    /// Changes the line of a job, when it is still listed.
    package mutating func update(_ id: Int, _ change: (inout JobLine) -> Void) {
        guard let i = lines.firstIndex(where: { $0.id == id }) else { return }
        change(&lines[i])
    }

    /// History recorded the job under `historyID`: that is its number from now on.
    package mutating func recorded(_ id: Int, historyID: Int64) {
        update(id) { $0.historyID = historyID }
    }
}

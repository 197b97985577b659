import Generation
import History
import Foundation
import RunwareAPI

/// A job to send, as a screen asks for it; the shell numbers it and starts it.
public struct JobOrder: Sendable, Equatable {
    public var request: ImageInferenceRequest
    public var parent: JobParent?
    public var summary: String
    /// The sweep cell the job fills, when it is one.
    public var sweepCell: Int?

    public init(request: ImageInferenceRequest, parent: JobParent?, summary: String, sweepCell: Int? = nil) {
        self.request = request
        self.parent = parent
        self.summary = summary
        self.sweepCell = sweepCell
    }
}

/// One generation as the studio shows it: what it is doing, how far it got, how long it took.
public struct JobLine: Sendable, Equatable {
    public enum Phase: Sendable, Equatable {
        case starting, uploading, waiting, processing, done, failed(String), cancelled
    }

    /// The studio's handle for the job's events until History has recorded it.
    public var id: Int
    /// History's id for the job once it is recorded; from then on the only number shown.
    public var historyID: Int64?
    public var summary: String
    public var started: Date
    public var ended: Date?
    public var phase: Phase = .starting
    public var finished = 0
    public var total: Int
    /// Each image's state as the last answer told (saved, failed, its progress while made).
    public var images: ImagesProgress?
    public var cost: Double = 0
    public var sweepCell: Int?
    /// How the job was sent, once it was (async jobs go on at the API after a quit).
    public var delivery: DeliveryMethod?

    public init(id: Int, summary: String, started: Date, total: Int) {
        self.id = id
        self.summary = summary
        self.started = started
        self.total = total
    }

    public var inFlight: Bool { ended == nil }

    /// The number the user sees: History's id, or "new" for the moment before History records it.
    public var number: String { historyID.map(String.init) ?? "new" }

    public func elapsed(now: Date) -> TimeInterval { (ended ?? now).timeIntervalSince(started) }
}

/// The jobs of this session, newest last (the last 20 are kept).
public struct JobsState: Sendable, Equatable {
    public private(set) var lines: [JobLine] = []
    private var nextID = 1

    public init() {}

    public var inFlight: Int { lines.filter(\.inFlight).count }
    public var newestInFlight: JobLine? { lines.last(where: \.inFlight) }
    public var last: JobLine? { lines.last }
    public var count: Int { lines.count }

    /// Adds a line for the order and returns its handle.
    public mutating func start(_ order: JobOrder, now: Date) -> Int {
        let id = nextID
        nextID += 1
        var line = JobLine(id: id, summary: order.summary.replacingOccurrences(of: "\n", with: " "), started: now,
                           total: order.request.resultCount)
        line.sweepCell = order.sweepCell
        lines.append(line)
        if lines.count > 20 { lines.removeFirst(lines.count - 20) }
        return id
    }

    public func line(_ id: Int) -> JobLine? { lines.first { $0.id == id } }

    /// Changes the line of a job, when it is still listed.
    public mutating func update(_ id: Int, _ change: (inout JobLine) -> Void) {
        guard let i = lines.firstIndex(where: { $0.id == id }) else { return }
        change(&lines[i])
    }

    /// History recorded the job under `historyID`: that is its number from now on.
    public mutating func recorded(_ id: Int, historyID: Int64) {
        update(id) { $0.historyID = historyID }
    }
}

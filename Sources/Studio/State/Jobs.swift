import Foundation

/// One generation as the studio shows it: what it is doing, how far it got, how long it took.
public struct JobLine: Sendable, Equatable {
    public enum Phase: Sendable, Equatable {
        case starting, uploading, waiting, processing, done, failed(String), cancelled
    }

    public var id: Int
    public var summary: String
    public var started: Date
    public var ended: Date?
    public var phase: Phase = .starting
    public var finished = 0
    public var total: Int
    public var progress: Int?
    public var cost: Double = 0

    public init(id: Int, summary: String, started: Date, total: Int) {
        self.id = id
        self.summary = summary
        self.started = started
        self.total = total
    }

    public var inFlight: Bool { ended == nil }

    public func elapsed(now: Date) -> TimeInterval { (ended ?? now).timeIntervalSince(started) }
}

/// A result image in the recent strip.
public struct RecentResult: Sendable, Equatable {
    public var path: String
    public var seed: UInt64?
    public var jobID: Int
    public var index: Int
    public init(path: String, seed: UInt64?, jobID: Int, index: Int) {
        self.path = path
        self.seed = seed
        self.jobID = jobID
        self.index = index
    }
}

/// A thumbnail request: which file, at what cell size.
public struct ThumbnailKey: Sendable, Hashable {
    public var path: String
    public var columns: Int
    public var rows: Int
    public init(path: String, columns: Int, rows: Int) {
        self.path = path
        self.columns = columns
        self.rows = rows
    }
}

/// What a comparable past job cost: same model, size and steps.
public struct EstimateKey: Sendable, Hashable {
    public var model: String
    public var width: Int?
    public var height: Int?
    public var steps: Int?
    public init(model: String, width: Int?, height: Int?, steps: Int?) {
        self.model = model
        self.width = width
        self.height = height
        self.steps = steps
    }
}

public enum CostEstimate: Sendable, Equatable {
    case unknown
    case perImage(Double, samples: Int)
}

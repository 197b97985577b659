import Foundation
import Generation
import History
import Imaging
import Preview
import RunwareAPI
import Studio
import TerminalUI

/// Ports that answer at once with nothing (no job runs, no History, no picture), so a test or
/// the bench measures the studio itself: its reducers, its drawing, its loop.
public enum QuietPorts {
    public struct NoFile: Error {}

    public static var all: StudioPorts {
        StudioPorts(generate: Generate(), history: History(), pickers: Pickers(), shell: Shell())
    }

    public struct Generate: GeneratePort {
        public init() {}
        public func estimate(_ key: EstimateKey) async throws -> CostEstimate { .unknown }
        public func promptHistory() throws -> [String] { [] }
        public func taskObject(fromImage path: String) throws -> (object: [String: JSONValue], note: String?)? { nil }
    }

    public struct History: HistoryPort {
        public init() {}
        public func page(query: String, page: Int, stacked: Bool) throws -> (total: Int, jobs: [HistoryJob], matching: Int?) { (0, [], nil) }
        public func apply(_ batch: HistoryBatch) throws -> BatchOutcome { BatchOutcome(said: "") }
        public func measure(_ target: HistoryBatch.Target) throws -> (ids: [Int64], files: Int, userFiles: [String]) { ([], 0, []) }
        public func lineage(of id: Int64) throws -> LineageTree { throw NoFile() }
        public func saveSweep(_ sweep: SweepGrid) throws -> [String] { throw NoFile() }
        public func savedSearches() throws -> [String: String] { [:] }
        public func saveSearch(name: String, query: String) throws {}
        public func version() throws -> Int { 0 }
    }

    public struct Pickers: PickerPort {
        public init() {}
        public func searchModels(query: String, kind: ModelKind, architecture: String?) async throws -> (results: [ModelEntry], skipped: Int) {
            ([], 0)
        }
        public func listFolder(_ path: String) throws -> [FileEntry] { [] }
    }

    public struct Shell: ShellPort {
        public init() {}
        public func run(_ request: ImageInferenceRequest, parent: JobParent?, events: @escaping @Sendable (JobEvent) -> Void) async throws {}
        /// The bench's state carries its own thumbnails.
        public func thumbnail(_ key: ThumbnailKey) throws -> CellGrid { throw NoFile() }
        public func spendToday() throws -> Double { 0 }
        public func balance() async throws -> Double? { nil }
    }
}

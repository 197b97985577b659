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
package enum QuietPorts {
    package struct NoFile: Error {}

    package static var all: StudioPorts {
        StudioPorts(generate: Generate(), history: History(), pickers: Pickers(), shell: Shell())
    }

    package struct Generate: GeneratePort {
        package init() {}
        package func estimate(_ key: EstimateKey) async throws -> CostEstimate { .unknown }
        package func promptHistory() throws -> [String] { [] }
        package func taskObject(fromImage path: String) throws -> (object: [String: JSONValue], note: String?)? { nil }
    }

    package struct History: HistoryPort {
        package init() {}
        package func page(query: String, page: Int, stacked: Bool) throws -> (total: Int, jobs: [HistoryJob], matching: Int?) { (0, [], nil) }
        package func apply(_ batch: HistoryBatch) throws -> BatchOutcome { BatchOutcome(said: "") }
        package func measure(_ target: HistoryBatch.Target) throws -> (ids: [Int64], files: Int, userFiles: [String]) { ([], 0, []) }
        package func lineage(of id: Int64) throws -> LineageTree { throw NoFile() }
        package func saveSweep(_ sweep: SweepGrid) throws -> [String] { throw NoFile() }
        package func savedSearches() throws -> [String: String] { [:] }
        package func saveSearch(name: String, query: String) throws {}
        package func version() throws -> Int { 0 }
    }

    package struct Pickers: PickerPort {
        package init() {}
        package func searchModels(query: String, kind: ModelKind, architecture: String?) async throws -> (results: [ModelEntry], skipped: Int) {
            ([], 0)
        }
        package func listFolder(_ path: String) throws -> [FileEntry] { [] }
    }

    package struct Shell: ShellPort {
        package init() {}
        package func run(_ request: ImageInferenceRequest, parent: JobParent?, events: @escaping @Sendable (JobEvent) -> Void) async throws {}
        /// The bench's state carries its own thumbnails.
        package func thumbnail(_ key: ThumbnailKey) throws -> CellGrid { throw NoFile() }
        package func spendToday() throws -> Double { 0 }
        package func balance() async throws -> Double? { nil }
    }
}

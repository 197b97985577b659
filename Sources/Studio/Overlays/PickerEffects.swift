import Foundation
import Generation
import Imaging
import RunwareAPI
import TerminalUI

/// Work the pickers ask for.
package enum PickerEffect: Sendable, Equatable {
    case searchModels(query: String, kind: ModelKind, architecture: String?)
    case listFolder(String)
}

/// What comes back to the picker that is open (answers for another query or folder are dropped).
package enum PickerAnswer: Sendable, Equatable {
    case models(query: String, results: [ModelEntry], error: String?)
    case folder(path: String, entries: [FileEntry], error: String?)
}

/// What the pickers need from outside: the API's model search and the file system.
package protocol PickerPort: Sendable {
    /// Models of `kind` matching `query`, made for `architecture` when it is given, and how many
    /// entries of the answer were malformed and left out.
    func searchModels(query: String, kind: ModelKind, architecture: String?) async throws -> (results: [ModelEntry], skipped: Int)
    func listFolder(_ path: String) throws -> [FileEntry]
}

package struct PickerRunner: Sendable {
    package let port: any PickerPort
    package init(port: any PickerPort) { self.port = port }

    package func perform(_ effect: PickerEffect, answer: @Sendable (PickerAnswer) -> Void) async {
        switch effect {
        case .searchModels(let query, let kind, let architecture):
            do {
                let found = try await port.searchModels(query: query, kind: kind, architecture: architecture)
                // Said where the count of results is, over it: the entries kept can still be chosen.
                let skipped = found.skipped == 0 ? nil
                    : "\(found.results.count) found; \(found.skipped) malformed \(found.skipped == 1 ? "entry" : "entries") of the answer left out"
                answer(.models(query: query, results: found.results, error: skipped))
            } catch {
                answer(.models(query: query, results: [], error: SafeText.line("modelSearch failed: \(error)")))
            }
        case .listFolder(let path):
            do { answer(.folder(path: path, entries: try port.listFolder(path), error: nil)) } catch {
                answer(.folder(path: path, entries: [], error: SafeText.line("cannot read \(path): \(error.localizedDescription)")))
            }
        }
    }
}

/// The pickers' port on the API and the file system.
package struct LivePickerPort: PickerPort {
    package let client: RunwareClient
    package init(client: RunwareClient) { self.client = client }

    package func searchModels(query: String, kind: ModelKind, architecture: String?) async throws -> (results: [ModelEntry], skipped: Int) {
        guard let request = kind.search(query, architecture: architecture) else { return (ModelKind.ipAdapters(matching: query), 0) }
        let found = try await client.modelSearch(request)
        return (found.results, found.skipped)
    }

    package func listFolder(_ path: String) throws -> [FileEntry] { try ImageFolder.list(path) }
}

extension Overlay {
    /// An answer for the picker that is open; anything else has closed since and drops it.
    func receive(_ answer: PickerAnswer) -> Overlay {
        switch (self, answer) {
        case (.models(var picker), .models(let query, let results, let error)):
            picker.receive(query: query, results: results, error: error)
            return .models(picker)
        case (.files(var picker), .folder(let path, let entries, let error)):
            picker.receive(folder: path, entries: entries, error: error)
            return .files(picker)
        default:
            return self
        }
    }
}

import BlockingWork
import Foundation
import Generation
import History
import Imaging
import RunwareAPI
import TerminalUI

/// Work the Generate screen asks for.
package enum GenerateEffect: Sendable, Equatable {
    /// A cost for the form's model, size and steps.
    case estimate(EstimateKey)
    /// The prompts sent before, for recall (asked once, at start).
    case loadPromptHistory
    /// An image file's recorded parameters, into the form.
    case readImage(String)
}

/// What comes back to the Generate screen.
package enum GenerateAnswer: Sendable, Equatable {
    case estimate(EstimateKey, CostEstimate)
    case promptHistory([String])
    /// The task object read from an image file's metadata, or why there is none.
    case imageRequest(path: String, [String: JSONValue]?, error: String?)
    case failed(String)
}

/// What the Generate screen needs from outside: History's figures, the API's prices, image files.
package protocol GeneratePort: Sendable {
    /// From comparable jobs in History, else the model's published price.
    func estimate(_ key: EstimateKey) async throws -> CostEstimate
    func promptHistory() throws -> [String]
    /// The task object an image file's metadata holds (ours or another tool's `parameters`).
    /// Local file paths, webhook and upload URLs it names are left out, and said so in `note`.
    func taskObject(fromImage path: String) throws -> (object: [String: JSONValue], note: String?)?
}

/// Maps the Generate screen's effects to calls of its port and their outcomes to answers.
package struct GenerateRunner: Sendable {
    package let port: any GeneratePort
    package init(port: any GeneratePort) { self.port = port }

    package func perform(_ effect: GenerateEffect, answer: @Sendable (GenerateAnswer) -> Void) async {
        let port = self.port
        switch effect {
        case .estimate(let key):
            answer(.estimate(key, (try? await port.estimate(key)) ?? .unknown))
        case .loadPromptHistory:
            do { answer(.promptHistory(try await BlockingWorker.shared.run { try port.promptHistory() })) } catch {
                answer(.failed("History: past prompts: \(error)"))
            }
        case .readImage(let path):
            do {
                let found = try await BlockingWorker.shared.run { try port.taskObject(fromImage: path) }
                answer(.imageRequest(path: path, found?.object, error: found?.note.map { SafeText.line($0) }))
            } catch {
                answer(.imageRequest(path: path, nil, error: SafeText.line("cannot read \(path): \(error)")))
            }
        }
    }
}

/// The Generate screen's port on the real things: History in SQLite, the API's pricing, files.
package struct LiveGeneratePort: GeneratePort {
    package let client: RunwareClient
    package let history: HistoryStore?
    /// Each model's published price, asked of the content service once.
    private let prices = PriceCache()

    package init(client: RunwareClient, history: HistoryStore?) {
        self.client = client
        self.history = history
    }

    package func estimate(_ key: EstimateKey) async throws -> CostEstimate {
        // History's figures are a SQLite read: on the bounded worker, as every blocking call.
        let history = self.history
        let comparable = try await BlockingWorker.shared.run {
            try history?.costPerImage(model: key.model, width: key.width, height: key.height, steps: key.steps)
        }
        if let found = comparable {
            return .perImage(found.cost, samples: found.jobs)
        }
        let client = self.client, model = key.model
        guard let price = try await prices.price(of: model, asking: { try await client.pricing(model: model)?.pricePerImage }) else {
            return .unknown
        }
        return .published(price)
    }

    package func promptHistory() throws -> [String] {
        try history?.recentPrompts() ?? []
    }

    package func taskObject(fromImage path: String) throws -> (object: [String: JSONValue], note: String?)? {
        let data = try ImageFile.read(path)
        let (texts, cut) = ImageText.readNotingCuts(data)
        guard let request = ImageMetadata.request(fromTexts: texts) else { return nil }
        let (safe, dropped) = OutsideRequest.defused(request)
        let notes = [ImageText.cutNote(cut), OutsideRequest.note(dropped), ImageMetadata.outsideModelNote(safe)].compactMap { $0 }
        return (GenerateForm.document(from: safe), notes.isEmpty ? nil : notes.joined(separator: "; "))
    }
}

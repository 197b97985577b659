import Foundation
import RunwareAPI

/// What a job ended with: the images saved, the images that failed and why, and notes on
/// answers that could not be read in full.
struct JobOutcome: Sendable {
    var status = 200
    var saved: [SavedImage] = []
    var failures: [APIErrorObject] = []
    var notes: [String] = []

    /// The reason recorded with a `done` job: nil when every image arrived and nothing was odd.
    func summary(total: Int) -> String? {
        var parts: [String] = []
        if saved.count < total {
            let reasons = failures.map(\.description)
            parts.append("\(saved.count) of \(total) images" + (reasons.isEmpty ? "" : "; " + reasons.joined(separator: "; ")))
        }
        parts += notes.map { "note: \($0)" }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }
}

/// Gathers one task's answers as they come (the submit answer, then each getResponse), saving
/// every new finished image at once. Failed images are counted per image; a failure of the
/// task as a whole ends the wait. An image that cannot be fetched or is refused (wrong format,
/// too large) is a failure of that image alone.
final class ResultCollector {
    /// The code of a failure Darkroom itself gave an image it would not keep.
    static let refusedCode = "resultRefused"

    let runner: JobRunner
    let request: ImageInferenceRequest
    let folder: URL
    let jobID: Int64?
    let stamp: String
    let events: @Sendable (JobStep) -> Void
    private var seen = Set<String>()
    private var imageFailures: [APIErrorObject] = []
    private var ownFailures: [APIErrorObject] = []
    private var taskFailed = false
    private(set) var outcome = JobOutcome()

    /// Images History already holds for this job (collecting a job again after a crash).
    private let alreadySaved: Int
    private let knownImages: Set<String>

    init(runner: JobRunner, request: ImageInferenceRequest, folder: URL, jobID: Int64?, createdAt: Date,
         known: [(imageUUID: String?, index: Int)] = [], events: @escaping @Sendable (JobStep) -> Void) {
        self.alreadySaved = known.count
        self.knownImages = Set(known.compactMap(\.imageUUID))
        self.runner = runner
        self.request = request
        self.folder = folder
        self.jobID = jobID
        self.stamp = JobRunner.stamp(createdAt)
        self.events = events
    }

    var saved: [SavedImage] { outcome.saved }

    /// The images so far, and the progress of those `answer` says are still being made.
    func progress(_ answer: InferenceAnswer) -> ImagesProgress {
        let pending = answer.results.filter { !$0.isFinished && $0.status != "error" }.map(\.progress)
        return ImagesProgress(saved: alreadySaved + outcome.saved.count, failed: imageFailures.count + ownFailures.count,
                              total: request.resultCount, pending: pending)
    }

    /// Every image has arrived or failed, or the task failed as a whole.
    var isComplete: Bool {
        taskFailed || alreadySaved + outcome.saved.count + imageFailures.count + ownFailures.count >= request.resultCount
    }

    func take(_ answer: InferenceAnswer) async throws {
        outcome.status = answer.status
        for note in answer.notes where !outcome.notes.contains(note) {
            outcome.notes.append(note)
            events(.note(note))
        }
        // getResponse answers are cumulative: the longest list of failed images seen is the current one.
        if answer.imageFailures.count > imageFailures.count {
            for failure in answer.imageFailures.dropFirst(imageFailures.count) { events(.imageFailed(failure.description)) }
            imageFailures = answer.imageFailures
        }
        if !answer.taskFailures.isEmpty {
            taskFailed = true
            ownFailures += answer.taskFailures
        }
        for result in answer.results where result.isFinished && !knownImages.contains(result.imageUUID ?? "")
            && seen.insert(result.resultKey).inserted {
            do {
                let stored = try await runner.saveOne(result, of: request, into: folder, jobID: jobID,
                                                      index: alreadySaved + outcome.saved.count, stamp: stamp)
                outcome.saved.append(stored.image)
                events(.saved(stored.image))
                for note in stored.notes {
                    outcome.notes.append(note)
                    events(.note(note))
                }
            } catch let e as ResultFetcher.FetchError {
                refuse(result, e.description)
            } catch RunwareError.transport(let t) where t != .cancelled {
                refuse(result, t.description)
            } catch RunwareError.api(let status, let errors) {
                refuse(result, "downloading it failed (HTTP \(status)): " + errors.map(\.description).joined(separator: "; "))
            } catch RunwareError.badResponse(_, let reason) {
                refuse(result, reason)
            }
        }
        outcome.failures = imageFailures + ownFailures
    }

    private func refuse(_ result: ImageResult, _ reason: String) {
        let failure = APIErrorObject(code: Self.refusedCode, message: reason, taskUUID: request.taskUUID)
        ownFailures.append(failure)
        events(.imageFailed("image \(result.imageUUID.map { String($0.prefix(8)) } ?? "?"): \(reason)"))
    }
}

import Foundation
import Imaging
import RunwareAPI

extension SandboxEngine {
    func imageInference(_ task: [String: JSONValue], key: String) async -> TaskOutcome {
        let type = ImageInferenceRequest.taskType
        let uuid = task["taskUUID"]?.stringValue
        let (request, decodeIssues) = ImageInferenceRequest.decode(task)
        // The API reports the first violation of a task.
        if let issue = (decodeIssues + request.validate()).first {
            return .failure(400, .from(issue, taskType: type, taskUUID: uuid))
        }
        guard ModelCatalogue.serves(request.model) else {
            return .failure(400, APIErrorObject(code: "invalidModel",
                                                message: "Model \"\(request.model)\" is not available on this server.",
                                                parameters: ["model"], taskType: type, taskUUID: uuid,
                                                documentation: APIErrorObject.docs))
        }
        let inputs: InputCompositor.Inputs
        do { inputs = try await resolveInputs(request) } catch let e as APIErrorObject {
            var e = e
            e.taskType = type
            e.taskUUID = uuid
            return .failure(400, e)
        } catch {
            return .failure(400, APIErrorObject(code: "invalidImage", message: "\(error)", taskType: type, taskUUID: uuid))
        }
        let recordKey = key + "/" + request.taskUUID
        let now = settings.now()
        let expires = now.addingTimeInterval(TimeInterval(settings.limits.taskRecordLifetime))
        let conflict = state.withLock { s -> Bool in
            if s.tasks.value(for: recordKey, now: now) != nil { return true }
            s.tasks.insert(TaskRecord(created: now), for: recordKey, expires: expires, now: now)
            return false
        }
        if conflict {
            return .failure(409, APIErrorObject(code: "conflictTaskUUID",
                                                message: "A task with taskUUID \(request.taskUUID) already exists.",
                                                parameters: ["taskUUID"], taskType: type, taskUUID: uuid))
        }
        if request.effectiveDelivery == .async {
            let latency = settings.asyncLatency
            Task.detached { [self] in
                try? await Task.sleep(for: latency)
                _ = await self.complete(recordKey, request, inputs)
            }
            return TaskOutcome(data: [.object(["taskType": .string(type), "taskUUID": .string(request.taskUUID)])])
        }
        // Answered from what was made, not from the record, which may be evicted by then.
        switch await complete(recordKey, request, inputs) {
        case .success(let items): return TaskOutcome(data: items)
        case .failure(let failure): return .failure(500, failure)
        }
    }

    /// Makes every result, stores URL outputs, records the task as finished (while its record is
    /// kept), starts deliveries. Returns the result items, or the task's error.
    func complete(_ recordKey: String, _ request: ImageInferenceRequest,
                  _ inputs: InputCompositor.Inputs) async -> Result<[JSONValue], APIErrorObject> {
        do {
            let made = try makeResults(request, inputs)
            let items = made.map(\.json)
            state.withLock {
                $0.tasks.update(recordKey) { record in
                    record.items = items
                    record.finished = true
                }
            }
            deliverer.deliver(made.map { ($0.json, $0.bytes) }, format: request.effectiveOutputFormat.rawValue,
                              webhookURL: request.webhookURL, uploadEndpoint: request.uploadEndpoint)
            return .success(items)
        } catch {
            let failure = APIErrorObject(code: "inferenceError", message: "Generation failed: \(error)",
                                         taskType: ImageInferenceRequest.taskType, taskUUID: request.taskUUID)
            state.withLock {
                $0.tasks.update(recordKey) { record in
                    record.failure = failure
                    record.finished = true
                }
            }
            return .failure(failure)
        }
    }

    struct MadeResult {
        var json: JSONValue
        var bytes: Data
    }

    func makeResults(_ request: ImageInferenceRequest, _ inputs: InputCompositor.Inputs) throws -> [MadeResult] {
        let format = ImageFormat(name: request.effectiveOutputFormat.rawValue) ?? .jpeg
        let (width, height) = (request.width ?? 1024, request.height ?? 1024)
        let digest = Self.parameterDigest(request)
        var random = SplitMix64(seed: Digest.fnv1a(request.taskUUID))
        var results: [MadeResult] = []
        for index in 0..<request.resultCount {
            let seed = request.seed.map { $0 &+ UInt64(index) } ?? (random.next() & 0xFFFF_FFFF)
            let recipe = PictureRecipe(width: width, height: height, seed: seed, prompt: request.positivePrompt,
                                       parameterDigest: digest, transparent: request.advancedFeatures?.layerDiffuse == true)
            let picture = InputCompositor.apply(PictureMaker.make(recipe), inputs)
            let bytes = try ImageEncoder.encode(picture, as: format, quality: request.outputQuality ?? 95)
            let imageUUID = TaskID.make()
            var item: [String: JSONValue] = [
                "taskType": .string(ImageInferenceRequest.taskType), "taskUUID": .string(request.taskUUID),
                "imageUUID": .string(imageUUID), "seed": .int(Int64(bitPattern: seed)), "status": .string("success"),
            ]
            switch request.effectiveOutputType {
            case .base64Data: item["imageBase64Data"] = .string(bytes.base64EncodedString())
            case .dataURI: item["imageDataURI"] = .string("data:\(format.mimeType);base64," + bytes.base64EncodedString())
            default:
                let ttl = request.ttl ?? settings.defaultTTL
                store(imageUUID, bytes, format, ttl: ttl)
                item["imageURL"] = .string(baseURL.withLock { $0 } + "/image/\(imageUUID).\(format.fileExtension)")
            }
            if request.includeCost == true { item["cost"] = .double(Self.cost(request)) }
            if request.safety?.checkContent == true || request.safety?.mode?.rawValue == "fast" {
                item["NSFWContent"] = .bool(false)
            }
            results.append(MadeResult(json: .object(item), bytes: bytes))
        }
        return results
    }

    func getResponse(uuid: String?, key: String) -> TaskOutcome {
        let type = GetResponseRequest.taskType
        let now = settings.now()
        guard let uuid, let record = state.withLock({ $0.tasks.value(for: key + "/" + uuid, now: now) }) else {
            return .failure(404, APIErrorObject(code: "taskFailedOrNotFound",
                                                message: "No task with taskUUID \(uuid ?? "(missing)") was found.",
                                                parameters: ["taskUUID"], taskType: type, taskUUID: uuid))
        }
        if var failure = record.failure {
            failure.status = "error"
            return TaskOutcome(data: [], errors: [failure], status: 200)
        }
        if record.finished { return TaskOutcome(data: record.items) }
        let elapsed = now.timeIntervalSince(record.created)
        let total = Double(settings.asyncLatency.components.seconds) + Double(settings.asyncLatency.components.attoseconds) / 1e18
        let progress = total > 0 ? min(99, Int(elapsed / total * 100)) : 50
        return TaskOutcome(data: [.object([
            "taskType": .string(ImageInferenceRequest.taskType), "taskUUID": .string(uuid),
            "status": .string("processing"), "progress": .int(Int64(progress)),
        ])])
    }

    /// A fixed price list: $0.0038 for 1024x1024 at 28 steps, scaled by pixels and steps, plus extras.
    static func cost(_ r: ImageInferenceRequest) -> Double {
        let pixels = Double((r.width ?? 1024) * (r.height ?? 1024)) / 1_048_576
        let steps = Double(r.steps ?? 28) / 28
        var c = 0.0038 * pixels * steps
        c += 0.0005 * Double(r.lora?.count ?? 0) + 0.001 * Double(r.controlNet?.count ?? 0)
        if r.hiresFix != nil && r.hiresFix != .off { c *= 2 }
        return (c * 1_000_000).rounded() / 1_000_000
    }

    /// Everything but identity and delivery fields, so each parameter changes the picture.
    static func parameterDigest(_ r: ImageInferenceRequest) -> UInt64 {
        var copy = r
        copy.taskUUID = ""
        copy.seed = nil
        copy.positivePrompt = ""
        copy.numberResults = nil
        copy.deliveryMethod = nil
        copy.outputType = nil
        copy.outputFormat = nil
        copy.outputQuality = nil
        copy.webhookURL = nil
        copy.uploadEndpoint = nil
        copy.ttl = nil
        copy.includeCost = nil
        copy.inputs = nil
        let bytes = (try? RunwareJSON.encode(copy)) ?? Data()
        return Digest.fnv1a([UInt8](bytes))
    }
}

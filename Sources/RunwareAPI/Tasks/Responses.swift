/// One generated image as the API reports it (a `data` item of an imageInference task).
package struct ImageResult: Sendable, Hashable, Codable {
    package var taskType: String
    package var taskUUID: String
    package var imageUUID: String?
    package var imageURL: String?
    package var imageBase64Data: String?
    package var imageDataURI: String?
    package var seed: UInt64?
    package var nsfwContent: Bool?
    package var cost: Double?
    package var status: String?
    package var progress: Int?
    package var resultIndex: Int?

    package init(taskUUID: String) {
        self.taskType = ImageInferenceRequest.taskType
        self.taskUUID = taskUUID
    }

    /// Optional fields the server sent with the wrong type: each is ignored, named here, and the
    /// image is kept. Not part of the JSON.
    package var notes: [String] = []

    enum CodingKeys: String, CodingKey {
        case taskType, taskUUID, imageUUID, imageURL, imageBase64Data, imageDataURI, seed, cost, status, progress, resultIndex
        case nsfwContent = "NSFWContent"
    }

    /// Each optional field is read on its own: one of the wrong type (`cost:"free"`,
    /// `seed:"abc"`) is noted and left out instead of failing the image.
    package init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        taskUUID = try c.decode(String.self, forKey: .taskUUID)
        var notes: [String] = []
        func optional<T: Decodable>(_ type: T.Type, _ key: CodingKeys, _ what: String) -> T? {
            guard c.contains(key), (try? c.decodeNil(forKey: key)) == false else { return nil }
            if let value = try? c.decode(T.self, forKey: key) { return value }
            let shown = (try? c.decode(JSONValue.self, forKey: key)).flatMap { try? RunwareJSON.encode($0) }
                .map { String(decoding: $0.prefix(40), as: UTF8.self) } ?? "?"
            notes.append("\(key.stringValue) \(shown) is not \(what); ignored")
            return nil
        }
        taskType = optional(String.self, .taskType, "text") ?? ImageInferenceRequest.taskType
        imageUUID = optional(String.self, .imageUUID, "text")
        imageURL = optional(String.self, .imageURL, "text")
        imageBase64Data = optional(String.self, .imageBase64Data, "text")
        imageDataURI = optional(String.self, .imageDataURI, "text")
        seed = optional(UInt64.self, .seed, "a whole number")
        nsfwContent = optional(Bool.self, .nsfwContent, "true or false")
        cost = optional(Double.self, .cost, "a number")
        status = optional(String.self, .status, "text")
        progress = optional(Int.self, .progress, "a whole number")
        resultIndex = optional(Int.self, .resultIndex, "a whole number")
        self.notes = notes
    }

    /// The SDK's rule: a success status or any image payload means the item is finished.
    package var isFinished: Bool {
        status == "success" || imageURL != nil || imageBase64Data != nil || imageDataURI != nil
    }

    /// The identity used to count distinct results while polling.
    package var resultKey: String {
        if let resultIndex { return "#\(resultIndex)" }
        return imageUUID ?? taskUUID
    }
}

package struct UploadResult: Sendable, Hashable, Codable {
    package var taskType: String
    package var taskUUID: String
    package var imageUUID: String
    package var imageURL: String?
    package init(taskUUID: String, imageUUID: String, imageURL: String?) {
        self.taskType = ImageUploadRequest.taskType
        self.taskUUID = taskUUID
        self.imageUUID = imageUUID
        self.imageURL = imageURL
    }
}

package struct ModelSearchResult: Sendable, Hashable, Codable {
    package var taskType: String
    package var taskUUID: String
    package var totalResults: Int
    package var results: [ModelEntry]
    /// Entries of the answer that could not be read (`"air": 5`, a string for an entry) and were
    /// left out; the others are kept. Not part of the JSON.
    package var skipped = 0

    package init(taskUUID: String, totalResults: Int, results: [ModelEntry]) {
        self.taskType = ModelSearchRequest.taskType
        self.taskUUID = taskUUID
        self.totalResults = totalResults
        self.results = results
    }

    enum CodingKeys: String, CodingKey { case taskType, taskUUID, totalResults, results }

    /// Each entry is read on its own, so one malformed entry never takes the others with it; a
    /// `totalResults` that is not a whole number counts the entries kept.
    package init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        taskType = (try? c.decodeIfPresent(String.self, forKey: .taskType)) ?? ModelSearchRequest.taskType
        taskUUID = try c.decode(String.self, forKey: .taskUUID)
        let entries = (try? c.decodeIfPresent([Entry].self, forKey: .results)) ?? []
        results = entries.compactMap(\.model)
        skipped = entries.count - results.count
        totalResults = (try? c.decodeIfPresent(Int.self, forKey: .totalResults)) ?? results.count
    }

    /// One entry of `results`, nil when it is not a readable model.
    private struct Entry: Decodable {
        var model: ModelEntry?
        init(from decoder: Decoder) throws { model = try? ModelEntry(from: decoder) }
    }
}

package struct ModelEntry: Sendable, Hashable, Codable {
    package var air: String
    package var name: String
    package var version: String?
    package var category: String?
    package var architecture: String?
    package var type: String?
    package var tags: [String]?
    package var heroImage: String?
    package var comment: String?
    package var conditioning: String?
    package var defaultWidth: Int?
    package var defaultHeight: Int?
    package var defaultSteps: Int?
    package var defaultScheduler: String?
    package var defaultCFG: Double?
    package var defaultStrength: Double?
    package var defaultWeight: Double?
    package var positiveTriggerWords: String?
    package var negativeTriggerWords: String?
    /// What the model does (`controlnet`, `canny`, `io:text-to-image`, ...), per the 2026 schemas.
    package var capabilities: [String]?
    /// `official` or `community` (`featured` in the TypeScript SDK).
    package var source: String?
    package var shortDescription: String?
    package var isFavorite: Bool?

    package init(air: String, name: String) {
        self.air = air
        self.name = name
    }

    enum CodingKeys: String, CodingKey {
        case air, name, version, category, architecture, type, tags, heroImage, comment, conditioning,
            defaultWidth, defaultHeight, defaultSteps, defaultScheduler, defaultCFG, defaultStrength,
            defaultWeight, positiveTriggerWords, negativeTriggerWords, capabilities, source, shortDescription, isFavorite
    }

    package init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        air = try c.decode(String.self, forKey: .air)
        name = try c.decode(String.self, forKey: .name)
        version = try? c.decodeIfPresent(String.self, forKey: .version)
        category = try? c.decodeIfPresent(String.self, forKey: .category)
        architecture = try? c.decodeIfPresent(String.self, forKey: .architecture)
        type = try? c.decodeIfPresent(String.self, forKey: .type)
        // Drop non-string tags rather than failing the whole entry.
        tags = (try? c.decodeIfPresent([JSONValue].self, forKey: .tags))?.compactMap { $0.stringValue }
        heroImage = try? c.decodeIfPresent(String.self, forKey: .heroImage)
        comment = try? c.decodeIfPresent(String.self, forKey: .comment)
        conditioning = try? c.decodeIfPresent(String.self, forKey: .conditioning)
        defaultWidth = try? c.decodeIfPresent(Int.self, forKey: .defaultWidth)
        defaultHeight = try? c.decodeIfPresent(Int.self, forKey: .defaultHeight)
        defaultSteps = try? c.decodeIfPresent(Int.self, forKey: .defaultSteps)
        defaultScheduler = try? c.decodeIfPresent(String.self, forKey: .defaultScheduler)
        defaultCFG = try? c.decodeIfPresent(Double.self, forKey: .defaultCFG)
        defaultStrength = try? c.decodeIfPresent(Double.self, forKey: .defaultStrength)
        defaultWeight = try? c.decodeIfPresent(Double.self, forKey: .defaultWeight)
        positiveTriggerWords = Self.words(c, .positiveTriggerWords)
        negativeTriggerWords = Self.words(c, .negativeTriggerWords)
        capabilities = (try? c.decodeIfPresent([JSONValue].self, forKey: .capabilities))?.compactMap { $0.stringValue }
        source = try? c.decodeIfPresent(String.self, forKey: .source)
        shortDescription = try? c.decodeIfPresent(String.self, forKey: .shortDescription)
        isFavorite = try? c.decodeIfPresent(Bool.self, forKey: .isFavorite)
    }

    /// Trigger words as a string, or a list of them joined with commas.
    private static func words(_ c: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) -> String? {
        if let text = try? c.decodeIfPresent(String.self, forKey: key) { return text }
        return (try? c.decodeIfPresent([JSONValue].self, forKey: key))?.compactMap(\.stringValue).joined(separator: ", ")
    }
}

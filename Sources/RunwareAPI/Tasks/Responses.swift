/// One generated image as the API reports it (a `data` item of an imageInference task).
public struct ImageResult: Sendable, Hashable, Codable {
    public var taskType: String
    public var taskUUID: String
    public var imageUUID: String?
    public var imageURL: String?
    public var imageBase64Data: String?
    public var imageDataURI: String?
    public var seed: UInt64?
    public var nsfwContent: Bool?
    public var cost: Double?
    public var status: String?
    public var progress: Int?
    public var resultIndex: Int?

    public init(taskUUID: String) {
        self.taskType = ImageInferenceRequest.taskType
        self.taskUUID = taskUUID
    }

    enum CodingKeys: String, CodingKey {
        case taskType, taskUUID, imageUUID, imageURL, imageBase64Data, imageDataURI, seed, cost, status, progress, resultIndex
        case nsfwContent = "NSFWContent"
    }

    /// The SDK's rule: a success status or any image payload means the item is finished.
    public var isFinished: Bool {
        status == "success" || imageURL != nil || imageBase64Data != nil || imageDataURI != nil
    }

    /// The identity used to count distinct results while polling.
    public var resultKey: String {
        if let resultIndex { return "#\(resultIndex)" }
        return imageUUID ?? taskUUID
    }
}

public struct UploadResult: Sendable, Hashable, Codable {
    public var taskType: String
    public var taskUUID: String
    public var imageUUID: String
    public var imageURL: String?
    public init(taskUUID: String, imageUUID: String, imageURL: String?) {
        self.taskType = ImageUploadRequest.taskType
        self.taskUUID = taskUUID
        self.imageUUID = imageUUID
        self.imageURL = imageURL
    }
}

public struct ModelSearchResult: Sendable, Hashable, Codable {
    public var taskType: String
    public var taskUUID: String
    public var totalResults: Int
    public var results: [ModelEntry]

    public init(taskUUID: String, totalResults: Int, results: [ModelEntry]) {
        self.taskType = ModelSearchRequest.taskType
        self.taskUUID = taskUUID
        self.totalResults = totalResults
        self.results = results
    }
}

public struct ModelEntry: Sendable, Hashable, Codable {
    public var air: String
    public var name: String
    public var version: String?
    public var category: String?
    public var architecture: String?
    public var type: String?
    public var tags: [String]?
    public var heroImage: String?
    public var comment: String?
    public var conditioning: String?
    public var defaultWidth: Int?
    public var defaultHeight: Int?
    public var defaultSteps: Int?
    public var defaultScheduler: String?
    public var defaultCFG: Double?
    public var defaultStrength: Double?
    public var defaultWeight: Double?
    public var positiveTriggerWords: String?

    public init(air: String, name: String) {
        self.air = air
        self.name = name
    }

    enum CodingKeys: String, CodingKey {
        case air, name, version, category, architecture, type, tags, heroImage, comment, conditioning,
            defaultWidth, defaultHeight, defaultSteps, defaultScheduler, defaultCFG, defaultStrength,
            defaultWeight, positiveTriggerWords
    }

    public init(from decoder: Decoder) throws {
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
        positiveTriggerWords = try? c.decodeIfPresent(String.self, forKey: .positiveTriggerWords)
    }
}

/// `getResponse`: asks for the state of an async task by its original taskUUID.
public struct GetResponseRequest: Sendable, Hashable, Encodable {
    public static let taskType = "getResponse"
    public var taskUUID: String
    public init(taskUUID: String) { self.taskUUID = taskUUID }

    enum CodingKeys: String, CodingKey { case taskType, taskUUID }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.taskType, forKey: .taskType)
        try c.encode(taskUUID, forKey: .taskUUID)
    }
}

/// `imageUpload`: stores an image (data URI, raw base64 or public URL) and returns its imageUUID.
public struct ImageUploadRequest: Sendable, Hashable, Encodable {
    public static let taskType = "imageUpload"
    public var taskUUID: String
    public var image: String
    public init(taskUUID: String = TaskID.make(), image: String) {
        self.taskUUID = taskUUID
        self.image = image
    }

    enum CodingKeys: String, CodingKey { case taskType, taskUUID, image }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.taskType, forKey: .taskType)
        try c.encode(taskUUID, forKey: .taskUUID)
        try c.encode(image, forKey: .image)
    }
}

/// `modelSearch`: the catalogue behind the LoRA and ControlNet pickers.
public struct ModelSearchRequest: Sendable, Hashable, Encodable {
    public static let taskType = "modelSearch"
    public var taskUUID: String
    public var search: String?
    public var tags: [String]?
    public var category: String?
    public var type: String?
    public var architecture: String?
    public var conditioning: String?
    public var visibility: String?
    public var limit: Int?
    public var offset: Int?

    public init(taskUUID: String = TaskID.make(), search: String? = nil, category: String? = nil) {
        self.taskUUID = taskUUID
        self.search = search
        self.category = category
    }

    public static let categories = ["checkpoint", "lora", "lycoris", "controlnet", "vae", "embeddings"]

    public func validate() -> [ValidationIssue] {
        var list = IssueList()
        list.range("limit", limit, 1, 100)
        list.atLeast("offset", offset, 0)
        if let category, !Self.categories.contains(category) {
            list.add(.invalid("category", "\"\(category)\"", "must be one of " + Self.categories.joined(separator: ", ")))
        }
        return list.issues
    }

    enum CodingKeys: String, CodingKey {
        case taskType, taskUUID, search, tags, category, type, architecture, conditioning, visibility, limit, offset
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.taskType, forKey: .taskType)
        try c.encode(taskUUID, forKey: .taskUUID)
        try c.encodeIfPresent(search, forKey: .search)
        try c.encodeIfPresent(tags, forKey: .tags)
        try c.encodeIfPresent(category, forKey: .category)
        try c.encodeIfPresent(type, forKey: .type)
        try c.encodeIfPresent(architecture, forKey: .architecture)
        try c.encodeIfPresent(conditioning, forKey: .conditioning)
        try c.encodeIfPresent(visibility, forKey: .visibility)
        try c.encodeIfPresent(limit, forKey: .limit)
        try c.encodeIfPresent(offset, forKey: .offset)
    }
}

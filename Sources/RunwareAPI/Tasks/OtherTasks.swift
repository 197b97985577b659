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

/// `modelSearch` with the filters of Runware's current schemas (runware-sdk 1.8.0's
/// `ModelSearchParams`, October 2026): `search`, `category`, `architecture`, `capabilities`,
/// `source`, `visibility`, `sort`, `limit`, `offset`. The 2025 `tags`, `type`, `conditioning` and
/// `category: "controlnet"` are gone.
public struct ModelSearchRequest: Sendable, Hashable, Encodable {
    public static let taskType = "modelSearch"
    public var taskUUID: String
    public var search: String?
    public var category: String?
    public var architecture: String?
    public var capabilities: [String]?
    public var source: String?
    public var visibility: String?
    public var sort: String?
    public var limit: Int?
    public var offset: Int?

    public init(taskUUID: String = TaskID.make(), search: String? = nil, category: String? = nil) {
        self.taskUUID = taskUUID
        self.search = search
        self.category = category
    }

    public static let categories = ["checkpoint", "lora", "lycoris", "vae", "embeddings"]
    public static let visibilities = ["public", "private", "favorite", "owned"]
    public static let sources = ["official", "community"]
    public static let sorts = ["_score", "popularity", "-popularity", "name", "-name", "addedUnixTimestamp", "-addedUnixTimestamp",
                               "updatedDateUnixTimestamp", "-updatedDateUnixTimestamp"]

    public func validate() -> [ValidationIssue] {
        var list = IssueList()
        list.range("limit", limit, 1, 100)
        list.atLeast("offset", offset, 0)
        for (key, value, allowed) in [("category", category, Self.categories), ("visibility", visibility, Self.visibilities),
                                      ("source", source, Self.sources), ("sort", sort, Self.sorts)] {
            if let value, !allowed.contains(value) {
                list.add(.invalid(key, "\"\(value)\"", "must be one of " + allowed.joined(separator: ", ")))
            }
        }
        return list.issues
    }

    enum CodingKeys: String, CodingKey {
        case taskType, taskUUID, search, category, architecture, capabilities, source, visibility, sort, limit, offset
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.taskType, forKey: .taskType)
        try c.encode(taskUUID, forKey: .taskUUID)
        try c.encodeIfPresent(search, forKey: .search)
        try c.encodeIfPresent(category, forKey: .category)
        try c.encodeIfPresent(architecture, forKey: .architecture)
        try c.encodeIfPresent(capabilities, forKey: .capabilities)
        try c.encodeIfPresent(source, forKey: .source)
        try c.encodeIfPresent(visibility, forKey: .visibility)
        try c.encodeIfPresent(sort, forKey: .sort)
        try c.encodeIfPresent(limit, forKey: .limit)
        try c.encodeIfPresent(offset, forKey: .offset)
    }
}

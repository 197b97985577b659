/// `getResponse`: asks for the state of an async task by its original taskUUID.
package struct GetResponseRequest: Sendable, Hashable, Encodable {
    package static let taskType = "getResponse"
    package var taskUUID: String
    package init(taskUUID: String) { self.taskUUID = taskUUID }

    enum CodingKeys: String, CodingKey { case taskType, taskUUID }
    package func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.taskType, forKey: .taskType)
        try c.encode(taskUUID, forKey: .taskUUID)
    }
}

/// `imageUpload`: stores an image (data URI, raw base64 or public URL) and returns its imageUUID.
package struct ImageUploadRequest: Sendable, Hashable, Encodable {
    package static let taskType = "imageUpload"
    package var taskUUID: String
    package var image: String
    package init(taskUUID: String = TaskID.make(), image: String) {
        self.taskUUID = taskUUID
        self.image = image
    }

    enum CodingKeys: String, CodingKey { case taskType, taskUUID, image }
    package func encode(to encoder: Encoder) throws {
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
package struct ModelSearchRequest: Sendable, Hashable, Encodable {
    package static let taskType = "modelSearch"
    package var taskUUID: String
    package var search: String?
    package var category: String?
    package var architecture: String?
    package var capabilities: [String]?
    package var source: String?
    package var visibility: String?
    package var sort: String?
    package var limit: Int?
    package var offset: Int?

    package init(taskUUID: String = TaskID.make(), search: String? = nil, category: String? = nil) {
        self.taskUUID = taskUUID
        self.search = search
        self.category = category
    }

    package static let categories = ["checkpoint", "lora", "lycoris", "vae", "embeddings"]
    package static let visibilities = ["public", "private", "favorite", "owned"]
    package static let sources = ["official", "community"]
    package static let sorts = ["_score", "popularity", "-popularity", "name", "-name", "addedUnixTimestamp", "-addedUnixTimestamp",
                               "updatedDateUnixTimestamp", "-updatedDateUnixTimestamp"]

    package func validate() -> [ValidationIssue] {
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
    package func encode(to encoder: Encoder) throws {
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

/// An entry of the API's `errors` array.
package struct APIErrorObject: Sendable, Hashable, Codable, CustomStringConvertible {
    package var code: String
    package var message: String
    /// One field name, or several for a cross-field rule.
    package var parameters: [String]
    package var taskType: String?
    package var taskUUID: String?
    package var documentation: String?
    package var allowedValues: [String]?
    package var status: String?
    /// The JSON type the parameter should have had (`"string"`), when the server says.
    package var type: String?

    package init(code: String, message: String, parameters: [String] = [], taskType: String? = nil,
                taskUUID: String? = nil, documentation: String? = nil, allowedValues: [String]? = nil) {
        self.code = code
        self.message = message
        self.parameters = parameters
        self.taskType = taskType
        self.taskUUID = taskUUID
        self.documentation = documentation
        self.allowedValues = allowedValues
    }

    enum CodingKeys: String, CodingKey {
        case code, message, parameter, taskType, taskUUID, documentation, allowedValues, status, error, type
    }

    package init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        // Also `{"status":"error","error":{code,message}}` as the SDK tolerates.
        if let inner = try? c.decodeIfPresent(APIErrorObject.self, forKey: .error) {
            self = inner
            taskUUID = taskUUID ?? (try? c.decodeIfPresent(String.self, forKey: .taskUUID)) ?? nil
            taskType = taskType ?? (try? c.decodeIfPresent(String.self, forKey: .taskType)) ?? nil
            status = try? c.decodeIfPresent(String.self, forKey: .status)
            return
        }
        code = (try? c.decodeIfPresent(String.self, forKey: .code)) ?? nil ?? "unknownError"
        message = TextCap.cut((try? c.decodeIfPresent(String.self, forKey: .message)) ?? nil ?? "", limit: Self.messageLimit)
        if let one = try? c.decodeIfPresent(String.self, forKey: .parameter) {
            parameters = [one]
        } else {
            parameters = ((try? c.decodeIfPresent([String].self, forKey: .parameter)) ?? nil) ?? []
        }
        taskType = (try? c.decodeIfPresent(String.self, forKey: .taskType)) ?? nil
        taskUUID = (try? c.decodeIfPresent(String.self, forKey: .taskUUID)) ?? nil
        documentation = (try? c.decodeIfPresent(String.self, forKey: .documentation)) ?? nil
        allowedValues = (try? c.decodeIfPresent([String].self, forKey: .allowedValues)) ?? nil
        status = (try? c.decodeIfPresent(String.self, forKey: .status)) ?? nil
        type = (try? c.decodeIfPresent(String.self, forKey: .type)) ?? nil
    }

    /// The most of a server's message kept: a 100 MB message must not fill memory and History.
    package static let messageLimit = 8192

    package func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(message, forKey: .message)
        if parameters.count == 1 {
            try c.encode(parameters[0], forKey: .parameter)
        } else if !parameters.isEmpty {
            try c.encode(parameters, forKey: .parameter)
        }
        try c.encodeIfPresent(taskType, forKey: .taskType)
        try c.encodeIfPresent(taskUUID, forKey: .taskUUID)
        try c.encodeIfPresent(documentation, forKey: .documentation)
        try c.encodeIfPresent(allowedValues, forKey: .allowedValues)
        try c.encodeIfPresent(status, forKey: .status)
        try c.encodeIfPresent(type, forKey: .type)
    }

    package var description: String {
        let field = parameters.isEmpty ? "" : " (\(parameters.joined(separator: ", ")))"
        let expected = type.map { " (expected \($0))" } ?? ""
        return "\(code)\(field): \(message)\(expected)"
    }

    /// The SDK's buckets for raw codes.
    package enum Kind: String, Sendable { case validation, auth, quota, rateLimit, timeout, serverError, provider, safety, notFound, conflict, other }

    package var kind: Kind {
        let c = code
        if c == "conflictTaskUUID" { return .conflict }
        if c.contains("ApiKey") { return .auth }
        if c.contains("Credits") || c.contains("Quota") || c.contains("Balance") { return .quota }
        if c == "rateLimitExceeded" { return .rateLimit }
        if c.contains("Timeout") { return .timeout }
        if c == "internalServerError" || c == "unknownError" { return .serverError }
        if c == "inferenceError" || c == "noAvailableServer" { return .provider }
        if c == "contentPolicyViolation" || c == "nsfwContentDetected" { return .safety }
        if c == "taskFailedOrNotFound" || c == "unknownModel" || c.hasSuffix("NotFound") || c.hasSuffix("Expired") {
            return .notFound
        }
        for p in ["invalid", "missing", "conflict", "duplicate", "unsupported", "value", "array", "max",
                  "unknownParameter", "incompatibleParameters"] where c.hasPrefix(p) {
            return .validation
        }
        return .other
    }
}

import Foundation

/// `accountManagement` with `operation: "getDetails"`: the organisation and its balance.
package struct AccountDetailsRequest: Sendable, Hashable, Encodable {
    package static let taskType = "accountManagement"
    package var taskUUID: String
    package init(taskUUID: String = TaskID.make()) { self.taskUUID = taskUUID }

    enum CodingKeys: String, CodingKey { case taskType, taskUUID, operation }
    package func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.taskType, forKey: .taskType)
        try c.encode(taskUUID, forKey: .taskUUID)
        try c.encode("getDetails", forKey: .operation)
    }
}

/// What `getDetails` answers that Darkroom shows. `balance` is a number in the 2025 docs and an
/// object in the 2026 schemas; both are read (the object's `amount`, `value`, `credits`, `total`
/// or `balance`).
package struct AccountDetails: Sendable, Hashable, Decodable {
    package var organizationName: String?
    package var organizationUUID: String?
    /// In USD.
    package var balance: Double?

    package init(organizationName: String? = nil, organizationUUID: String? = nil, balance: Double? = nil) {
        self.organizationName = organizationName
        self.organizationUUID = organizationUUID
        self.balance = balance
    }

    enum CodingKeys: String, CodingKey { case organizationName, organizationUUID, balance }

    package init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        organizationName = try? c.decodeIfPresent(String.self, forKey: .organizationName)
        organizationUUID = try? c.decodeIfPresent(String.self, forKey: .organizationUUID)
        if let number = try? c.decodeIfPresent(Double.self, forKey: .balance) {
            balance = number
        } else if let object = (try? c.decodeIfPresent(JSONValue.self, forKey: .balance))?.objectValue {
            balance = ["amount", "value", "credits", "total", "balance"].lazy.compactMap { object[$0]?.doubleValue }.first
        }
    }
}

/// A model's published price from Runware's content service (`GET /models/<id>/pricing`, no
/// key needed): a sentence and priced example configurations.
package struct ModelPricing: Sendable, Hashable, Decodable {
    package struct Example: Sendable, Hashable, Decodable {
        package var configuration: String?
        package var price: String?
    }
    package var air: String?
    package var name: String?
    package var pricingOverview: String?
    package var pricingExamples: [Example]?

    /// The first example's price in USD (`"$0.0038"` reads 0.0038), from the first example
    /// that has one (`price(in:)`).
    package var pricePerImage: Double? {
        for example in pricingExamples ?? [] {
            if let value = example.price.flatMap(Self.price(in:)) { return value }
        }
        return nil
    }

    /// The first number in a published price text (`"$0.0038 per image"`, `"from 0.0038"`) when
    /// it is a price: not negative (`"-$5"`), at most 24 characters of digits and point, finite.
    /// One pass over at most `priceTextLimit` characters (the regex it replaces backtracked over
    /// runs of spaces: 20,000 of them took 57 s).
    package static func price(in text: String) -> Double? {
        let scalars = Array(text.unicodeScalars.prefix(priceTextLimit))
        guard let first = scalars.firstIndex(where: isDigit) else { return nil }
        var end = first
        while end < scalars.count, isDigit(scalars[end]) { end += 1 }
        if end + 1 < scalars.count, scalars[end] == ".", isDigit(scalars[end + 1]) {
            end += 1
            while end < scalars.count, isDigit(scalars[end]) { end += 1 }
        }
        // What comes before the number, past a `$` and blanks, must not be a minus sign.
        var before = first - 1
        while before >= 0, scalars[before] == "$" || scalars[before].properties.isWhitespace { before -= 1 }
        if before >= 0, scalars[before] == "-" || scalars[before] == "\u{2212}" { return nil }
        guard end - first <= 24, let value = Double(String(String.UnicodeScalarView(scalars[first..<end]))), value.isFinite else {
            return nil
        }
        return value
    }

    /// The most of a price text that is read: a price is a few words.
    package static let priceTextLimit = 200

    private static func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }

    /// The content service's id of a model (its slug), as the official SDK's registry maps it.
    package static let contentIDs: [String: String] = ["runware:111@1": "flux-1-dev-srpo", "runware:101@1": "bfl-flux-1-dev",
                                                      "runware:100@1": "bfl-flux-1-schnell"]

    /// Where the content service is for an API endpoint: Runware's own beside Runware's API,
    /// else the same server (the sandbox serves both).
    package static func contentBase(forEndpoint endpoint: String) -> String {
        guard let url = URL(string: endpoint), let host = url.host else { return "https://content.runware.ai" }
        if host.hasSuffix("runware.ai") { return "https://content.runware.ai" }
        return "\(url.scheme ?? "http")://\(host.contains(":") ? "[\(host)]" : host)" + (url.port.map { ":\($0)" } ?? "")
    }
}

import Foundation
import History
import RunwareAPI
import TerminalUI

/// What `darkroom account` says: where requests go, the organisation and its balance (the API's
/// `accountManagement`), what today cost by History, and the default model's published price.
package enum AccountReport {
    package static func lines(session: Session, json: Bool) async -> [ReportLine] {
        var details: AccountDetails?
        var problems: [ReportLine] = []
        do { details = try await session.client.accountDetails() } catch {
            problems.append(.error("the balance could not be read: \(SafeText.line("\(error)"))"))
        }
        let today = try? session.history?.spend(since: Calendar.current.startOfDay(for: Date()))
        let price = (try? await session.client.pricing(model: ImageInferenceRequest.defaultModel)) ?? nil
        if json {
            var o: [String: JSONValue] = ["target": .string(session.target.displayName), "endpoint": .string(session.target.endpoint)]
            if let name = details?.organizationName { o["organization"] = .string(name) }
            if let balance = details?.balance { o["balance"] = .double(JSONValue.money(balance)) }
            if let today { o["spendToday"] = .double(JSONValue.money(today)) }
            if let each = price?.pricePerImage { o["pricePerImage"] = .double(JSONValue.money(each)) }
            let text = (try? RunwareJSON.encode(JSONValue.object(o))).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
            return [.json(text)] + problems
        }
        func row(_ label: String, _ value: String?) -> ReportLine? {
            value.map { .out(label.padding(toLength: 14, withPad: " ", startingAt: 0) + SafeText.line($0)) }
        }
        return [
            row("target", "\(session.target.displayName) (\(session.target.endpoint))"),
            row("organization", details?.organizationName),
            row("balance", details?.balance.map { String(format: "$%.4f", $0) }),
            row("spend today", today.map { String(format: "$%.4f (from History)", $0) }),
            row("price", price?.pricePerImage.map { String(format: "$%.4f an image of %@ (published)", $0, ImageInferenceRequest.defaultModel) }),
        ].compactMap { $0 } + problems
    }
}

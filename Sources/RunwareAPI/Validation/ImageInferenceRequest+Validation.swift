import Foundation

extension ImageInferenceRequest {
    /// The highest seed the API takes (2^63 - 1), from the `seed` row.
    package static var maxSeed: UInt64 {
        guard case .integers(_, let max?)? = Parameters["seed"]?.range else { return UInt64(Int64.max) }
        return UInt64(max)
    }
    /// The model ACE++ requires (FLUX Fill).
    package static let acePlusPlusModel = "runware:102@1"

    /// Every documented limit, enum and cross-field rule; all violations at once. Rules between
    /// fields come first; then every value is held to its row of `Parameters` (a field already
    /// named by a rule of its own gets no second issue).
    package func validate() -> [ValidationIssue] {
        var list = IssueList()
        validateOptions(&list)
        validateGeneration(&list)
        validateStacks(&list)
        validateFeatures(&list)
        let named = Set(list.issues.filter { $0.parameters.count == 1 }.flatMap(\.parameters))
        list.checkRows(of: validationView, skipping: named)
        return list.issues
    }

    /// The task object as sent, with non-finite numbers spelled `nan`, `inf`, `-inf` so that
    /// validation can name them (JSON itself has no spelling for them).
    var validationView: JSONValue {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        guard let data = try? encoder.encode(self), let view = try? JSONValue.parse(data) else {
            preconditionFailure("an ImageInferenceRequest always encodes")
        }
        return view
    }

    private func validateOptions(_ list: inout IssueList) {
        // `ttl` with base64Data or dataURI output is accepted and has no effect, as Runware
        // documents ("It has no effect on other output types").
        if let a = acceleratorOptions {
            list.stepWindow(prefix: "acceleratorOptions.", startStep: ("cacheStartStep", a.cacheStartStep),
                            endStep: ("cacheEndStep", a.cacheEndStep),
                            startPercent: ("cacheStartStepPercentage", a.cacheStartStepPercentage),
                            endPercent: ("cacheEndStepPercentage", a.cacheEndStepPercentage), steps: steps)
        }
        if inputs?.maskImage != nil && inputs?.seedImage == nil {
            list.add(.incompatible(["inputs.maskImage", "inputs.seedImage"], nil,
                                   "a mask image needs a seed image to edit"))
        }
    }

    private func validateGeneration(_ list: inout IssueList) {
        if (width == nil) != (height == nil) {
            let given = width == nil ? "height" : "width"
            list.add(.incompatible(["width", "height"], "only \(given) given", "give both width and height, or neither"))
        }
        if outpaint != nil, inputs?.seedImage == nil {
            list.add(.incompatible(["outpaint", "inputs.seedImage"], nil, "outpainting extends a seed image; give one"))
        }
    }

    private func validateStacks(_ list: inout IssueList) {
        for (i, c) in (controlNet ?? []).enumerated() {
            list.stepWindow(prefix: "controlNet[\(i)].", startStep: ("startStep", c.startStep), endStep: ("endStep", c.endStep),
                            startPercent: ("startStepPercentage", c.startStepPercentage),
                            endPercent: ("endStepPercentage", c.endStepPercentage), steps: steps)
        }
    }

    private func validateFeatures(_ list: inout IssueList) {
        if let ace = acePlusPlus {
            let editing = ace.type == .localEditing
            if editing && ace.masks == nil {
                list.add(.incompatible(["acePlusPlus.masks", "acePlusPlus.type"], "local_editing",
                                       "type local_editing needs exactly 1 mask"))
            }
            if !editing, ace.masks != nil {
                list.add(.incompatible(["acePlusPlus.masks", "acePlusPlus.type"], ace.type?.rawValue ?? "portrait",
                                       "masks are allowed only with type local_editing"))
            }
            if model != Self.acePlusPlusModel {
                list.add(.incompatible(["acePlusPlus", "model"], "\"\(model)\"",
                                       "ACE++ needs model \(Self.acePlusPlusModel) (FLUX Fill)"))
            }
        }
        if case .custom(let upscaler, _, _) = hiresFix, upscaler.isEmpty {
            list.add(.missing("hiresFix.model", "is required in the object form"))
        }
        if advancedFeatures?.layerDiffuse == true, !effectiveOutputFormat.supportsAlpha {
            list.add(.incompatible(["advancedFeatures.layerDiffuse", "outputFormat"], effectiveOutputFormat.rawValue,
                                   "transparency needs outputFormat PNG or WEBP"))
        }
        if let p = pulid {
            if let s = p.cfgStartStep, let steps, s >= steps {
                list.add(.incompatible(["pulid.CFGstartStep", "steps"], "\(s) >= \(steps)", "must be less than steps"))
            }
            if p.cfgStartStep != nil && p.cfgStartStepPercentage != nil {
                list.add(.incompatible(["pulid.CFGstartStep", "pulid.CFGstartStepPercentage"], nil,
                                       "use either CFGstartStep or CFGstartStepPercentage, not both"))
            }
        }
    }
}

/// Task identifiers: fresh UUID v4s, lower case as the SDKs send them.
package enum TaskID {
    package static func make() -> String { UUID().uuidString.lowercased() }

    package static func isV4(_ s: String) -> Bool {
        guard UUID(uuidString: s) != nil, s.count == 36 else { return false }
        let chars = Array(s.lowercased())
        return chars[14] == "4" && "89ab".contains(chars[19])
    }
}

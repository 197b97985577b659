import RunwareAPI

extension GenerateState {
    /// Why an action with this rule cannot run on the Generate screen now, or nil.
    func unavailable(_ rule: Availability) -> String? {
        switch rule {
        case .whileFormValid: return form.issues.isEmpty ? "the form has no problem" : nil
        case .whileFormInvalid:
            let n = form.issues.count
            return n == 0 ? nil : "fix the \(counted(n, "problem")) shown in the form first"
        case .withoutPromptHistory: return recall.prompts.isEmpty ? "no prompts sent yet" : nil
        case .whileNotRecalling: return recall.position == nil ? "already at the newest prompt" : nil
        case .withoutLastSeed: return lastSeed == nil ? "no result with a seed yet" : nil
        case .outsideStack: return focusedField?.stackName == nil ? "move to LoRA, ControlNet or IP-Adapters" : nil
        case .outsideStackItem: return focusedField?.stackIndex == nil ? "move to a stack item" : nil
        case .withoutResult: return results.isEmpty ? "no results yet" : nil
        default: return nil
        }
    }
}

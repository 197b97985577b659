import Foundation
import RunwareAPI

extension GenerateReducer {
    /// Answers to the Generate screen's effects.
    func receive(_ answer: GenerateAnswer, _ g: inout GenerateState) -> [Command] {
        switch answer {
        case .estimate(let key, let estimate):
            g.estimates[key] = estimate
        case .promptHistory(let prompts):
            g.recall.learn(prompts)
        case .imageRequest(let path, let object, let error):
            let name = (path as NSString).lastPathComponent
            guard let object else { return [.notice(error ?? "\(name) carries no generation parameters")] }
            let notice = "loaded the parameters of \(name) into the form" + (error.map { "; \($0)" } ?? "")
            return apply(.load(object, parent: nil, notice: notice), &g) + [.show(.generate)]
        case .failed(let why):
            return [.error(why)]
        }
        return []
    }

    /// Work the screen's new state implies: the focused field kept on screen, and an estimate for
    /// a model, size or steps not priced yet.
    func followUps(_ g: inout GenerateState, _ context: ScreenContext) -> [Command] {
        g.keepFocusVisible(GenerateLayout(columns: context.columns, rows: context.rows))
        let key = g.estimateKey
        guard g.estimates[key] == nil else { return [] }
        g.estimates[key] = .unknown
        return [.effect(.generate(.estimate(key)))]
    }
}

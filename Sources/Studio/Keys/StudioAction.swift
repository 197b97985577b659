import RunwareAPI
import TerminalUI

/// Everything a key can do in the studio, by stable name (used in `keys.toml`).
package enum StudioAction: String, Sendable, CaseIterable {
    case generate, cancel, quit, help
    case focusNext = "focus.next", focusPrevious = "focus.previous", focusProblem = "focus.problem"
    case sectionPrompt = "section.prompt", sectionParameters = "section.parameters", sectionLoRA = "section.lora"
    case sectionControlNet = "section.controlnet", sectionIPAdapters = "section.ip-adapters", sectionInputs = "section.inputs"
    case sectionFeatures = "section.features", sectionDelivery = "section.delivery"
    case promptPrevious = "prompt.previous", promptNext = "prompt.next", promptSearch = "prompt.search"
    case seedRandom = "seed.random", seedReuse = "seed.reuse"
    case stackAdd = "stack.add", stackRemove = "stack.remove", stackUp = "stack.up", stackDown = "stack.down"
    case copyPrompt = "copy.prompt", copySeed = "copy.seed", copyPath = "copy.path"
    case resultPrevious = "result.previous", resultNext = "result.next"
    case previewZoom = "preview.zoom", previewClose = "preview.close", previewNewer = "preview.newer", previewOlder = "preview.older"
    case previewLoupe = "preview.loupe"
    case previewRate0 = "preview.rate-0", previewRate1 = "preview.rate-1", previewRate2 = "preview.rate-2"
    case previewRate3 = "preview.rate-3", previewRate4 = "preview.rate-4", previewRate5 = "preview.rate-5"
    case suspend, redraw
    case showHistory = "screen.history", showGenerate = "screen.generate"
    case historySearch = "history.search", historyMode = "history.mode", historyOpen = "history.open"
    case historyFork = "history.fork", historyRerun = "history.rerun", historyVariations = "history.variations"
    case historyFavourite = "history.favourite", historyDelete = "history.delete"
    case historyTag = "history.tag", historyExport = "history.export", historyOpenFile = "history.open-file"
    case historyLineage = "history.lineage", historyCompare = "history.compare", historySweep = "history.sweep"
    case sweepSave = "sweep.save"
    case historyRate0 = "history.rate-0", historyRate1 = "history.rate-1", historyRate2 = "history.rate-2"
    case historyRate3 = "history.rate-3", historyRate4 = "history.rate-4", historyRate5 = "history.rate-5"
    case historyMark = "history.mark", historyMarkAll = "history.mark-search", historyLoupe = "history.loupe"
    case historySaveSearch = "history.save-search", historySavedSearches = "history.saved-searches"
    case loupeClose = "loupe.close"
    case historyOpenStack = "history.open-stack", historyStacks = "history.stacks"
    case historyUseSeedImage = "history.use-as-seed-image", historyUseMask = "history.use-as-mask"
    case historyUseGuide = "history.use-as-guide-image"
    // Moving the History selection, and its panes.
    case historyLeft = "history.left", historyRight = "history.right", historyUp = "history.up", historyDown = "history.down"
    case historyPageUp = "history.page-up", historyPageDown = "history.page-down"
    case historyFirst = "history.first", historyLast = "history.last"
    case historySearchDone = "history.search-done"
    case detailClose = "detail.close", detailUp = "detail.up", detailDown = "detail.down"
    case detailPageUp = "detail.page-up", detailPageDown = "detail.page-down"
    case lineageClose = "lineage.close", lineageWalk = "lineage.walk"
    case compareClose = "compare.close", sweepClose = "sweep.close"
    case sweepNextPage = "sweep.next-page", sweepPreviousPage = "sweep.previous-page"
    // The focused form field.
    case fieldActivate = "field.activate", fieldDecrease = "field.decrease", fieldIncrease = "field.increase"
    case fieldToggle = "field.toggle"
    case promptNewline = "prompt.newline"
    // Pop-ups.
    case listUp = "list.up", listDown = "list.down", listPageUp = "list.page-up", listPageDown = "list.page-down"
    case dialogAccept = "dialog.accept", dialogCancel = "dialog.cancel"
    case filesImagesFolder = "files.images-folder"
    case helpClose = "help.close"
    case messageShow = "message.show", messageClose = "message.close"
    case confirmYes = "confirm.yes", confirmNo = "confirm.no", confirmWithFiles = "confirm.with-files"
    case promptSearchOlder = "prompt-search.older"
    // Line editing, the same in every text field and the prompt.
    case editLeft = "edit.left", editRight = "edit.right", editHome = "edit.home", editEnd = "edit.end"
    case editWordLeft = "edit.word-left", editWordRight = "edit.word-right"
    case editDeleteBackward = "edit.delete-backward", editDeleteForward = "edit.delete-forward"
    case editDeleteWord = "edit.delete-word", editDeleteToStart = "edit.delete-to-start", editDeleteToEnd = "edit.delete-to-end"
    case editUndo = "edit.undo"

    /// The line-editing command an `edit.*` action runs.
    package var editCommand: EditCommand? {
        switch self {
        case .editLeft: .left
        case .editRight: .right
        case .editHome: .home
        case .editEnd: .end
        case .editWordLeft: .wordLeft
        case .editWordRight: .wordRight
        case .editDeleteBackward: .deleteBackward
        case .editDeleteForward: .deleteForward
        case .editDeleteWord: .deleteWordBackward
        case .editDeleteToStart: .deleteToLineStart
        case .editDeleteToEnd: .deleteToLineEnd
        case .editUndo: .undo
        default: nil
        }
    }
}

extension StudioAction {
    /// The form section a `section.*` action jumps to.
    package var section: FormSection? {
        switch self {
        case .sectionPrompt: .prompt
        case .sectionParameters: .parameters
        case .sectionLoRA: .lora
        case .sectionControlNet: .controlNet
        case .sectionIPAdapters: .ipAdapters
        case .sectionInputs: .inputs
        case .sectionFeatures: .features
        case .sectionDelivery: .delivery
        default: nil
        }
    }

    /// The rating 0-5 a `history.rate-N` or `preview.rate-N` action gives.
    package var rating: Int? {
        switch self {
        case .historyRate0, .previewRate0: 0
        case .historyRate1, .previewRate1: 1
        case .historyRate2, .previewRate2: 2
        case .historyRate3, .previewRate3: 3
        case .historyRate4, .previewRate4: 4
        case .historyRate5, .previewRate5: 5
        default: nil
        }
    }
}

import Foundation
import RunwareAPI

/// What the engine keeps now; each figure stays within its `SandboxLimits` budget.
package struct SandboxStorage: Sendable, Equatable {
    package var images: Int
    package var imageBytes: Int
    package var taskRecords: Int
    package var taskRecordBytes: Int
}

extension SandboxEngine {
    package var storage: SandboxStorage {
        state.withLock { s in
            SandboxStorage(images: s.images.count, imageBytes: s.images.bytes,
                           taskRecords: s.tasks.count, taskRecordBytes: s.tasks.bytes)
        }
    }
}

/// What one kept entry costs beyond its payload: the dictionary slot, key and links.
private let entryOverhead = 256

extension SandboxEngine.StoredImage {
    var estimatedBytes: Int { entryOverhead + bytes.count }
}

extension SandboxEngine.TaskRecord {
    var estimatedBytes: Int {
        let images = self.images.reduce(0) { sum, image -> Int in
            switch image {
            case .success(let item): sum + item.estimatedBytes
            case .failure(let e): sum + e.message.utf8.count + e.code.utf8.count
            }
        }
        return entryOverhead + images + (failure.map { $0.message.utf8.count + $0.code.utf8.count } ?? 0)
    }
}

extension JSONValue {
    /// Roughly the memory a parsed value holds: its strings and keys, plus a little per node.
    var estimatedBytes: Int {
        switch self {
        case .string(let s): return 16 + s.utf8.count
        case .array(let a): return 16 + a.reduce(0) { $0 + $1.estimatedBytes }
        case .object(let o): return 16 + o.reduce(0) { $0 + 16 + $1.key.utf8.count + $1.value.estimatedBytes }
        default: return 16
        }
    }
}

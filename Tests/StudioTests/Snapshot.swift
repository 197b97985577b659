import Foundation
import Testing

/// Text snapshots kept next to the tests in `Snapshots/NAME.txt`. A missing snapshot, or
/// RECORD_SNAPSHOTS=1, writes the current text (and the test fails so a person looks at it).
enum Snapshot {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    static func check(_ lines: [String], named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let text = lines.map { line in
            var l = Substring(line)
            while l.hasSuffix(" ") { l = l.dropLast() }
            return String(l)
        }.joined(separator: "\n") + "\n"
        let file = folder.appendingPathComponent("\(name).txt")
        let recorded = try? String(contentsOf: file, encoding: .utf8)
        if recorded == nil || ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? text.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("recorded snapshot \(name); run again to compare", sourceLocation: sourceLocation)
            return
        }
        if recorded != text {
            let old = recorded!.components(separatedBy: "\n"), new = text.components(separatedBy: "\n")
            let firstDiff = zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)
            Issue.record("""
                snapshot \(name) differs at line \(firstDiff + 1):
                  recorded: \(firstDiff < old.count ? old[firstDiff] : "(end)")
                  now:      \(firstDiff < new.count ? new[firstDiff] : "(end)")
                (RECORD_SNAPSHOTS=1 rewrites it)
                """, sourceLocation: sourceLocation)
        }
    }
}

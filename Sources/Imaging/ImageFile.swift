import Foundation

/// Reading an image file with the guards a viewer needs: a size limit before reading, and a
/// message that names the file.
package enum ImageFile {
    package static let defaultMaxBytes = 64 << 20

    package struct LoadError: Error, CustomStringConvertible, Sendable {
        package var path: String
        package var reason: String
        package init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
        package var description: String { "\(path): \(reason)" }
    }

    package static func read(_ path: String, maxBytes: Int = defaultMaxBytes) throws -> Data {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { throw LoadError(path: path, reason: "no such file") }
        if isDir.boolValue { throw LoadError(path: path, reason: "is a folder, not an image file") }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        if size > maxBytes {
            throw LoadError(path: path, reason: "\(size) bytes is over the limit of \(maxBytes) bytes")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw LoadError(path: path, reason: "cannot be read") }
        if data.isEmpty { throw LoadError(path: path, reason: "is empty") }
        return data
    }

    /// The picture's size from its header (the file is read, not decoded).
    package static func dimensions(_ path: String, maxBytes: Int = defaultMaxBytes) throws -> (width: Int, height: Int) {
        let data = try read(path, maxBytes: maxBytes)
        do { return try ImageDecoder.dimensions(data) } catch { throw LoadError(path: path, reason: "\(error)") }
    }

    /// Reads, checks and decodes to a thumbnail, every failure naming the file.
    package static func thumbnail(_ path: String, fitting width: Int, _ height: Int,
                                 maxBytes: Int = defaultMaxBytes, maxPixels: Int = ImageDecoder.defaultMaxPixels) throws -> RGBAImage {
        let data = try read(path, maxBytes: maxBytes)
        do { return try ImageDecoder.thumbnail(data, fitting: width, height, maxPixels: maxPixels) } catch {
            throw LoadError(path: path, reason: "\(error)")
        }
    }
}

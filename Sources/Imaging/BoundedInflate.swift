import CSpng
import Foundation

/// zlib data inflated only as far as it is wanted: a text chunk of a few hundred kilobytes can
/// inflate to gigabytes, and reading its start must cost its start.
enum BoundedInflate {
    /// The first `limit` bytes `compressed` (a zlib stream) inflates to, or all of them when there
    /// are fewer; `cut` says the stream held more. Nil when the stream is damaged or ends early.
    static func prefix(of compressed: ArraySlice<UInt8>, limit: Int) -> (bytes: [UInt8], cut: Bool)? {
        guard limit > 0, !compressed.isEmpty, compressed.count <= Int(UInt32.max) else { return nil }
        var stream = z_stream()
        guard shim_inflate_init(&stream) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var out = [UInt8](repeating: 0, count: limit)
        let rc = compressed.withUnsafeBufferPointer { input -> Int32 in
            out.withUnsafeMutableBufferPointer { output -> Int32 in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = UInt32(input.count)
                stream.next_out = output.baseAddress
                stream.avail_out = UInt32(output.count)
                // One call inflates until the output is full, the stream ends or the input runs out.
                return inflate(&stream, Z_SYNC_FLUSH)
            }
        }
        let produced = limit - Int(stream.avail_out)
        if rc == Z_STREAM_END { return (Array(out[..<produced]), false) }
        // The output is full before the stream ended: its start is what was wanted.
        if (rc == Z_OK || rc == Z_BUF_ERROR) && stream.avail_out == 0 { return (out, true) }
        return nil
    }
}

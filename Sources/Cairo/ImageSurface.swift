import CCairo

/// An in-memory ARGB32 raster surface. Owns its Cairo surface and destroys it on deinit.
public final class ImageSurface: Surface, @unchecked Sendable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int

    /// Creates a transparent surface of the given pixel size.
    public init(width: Int, height: Int) throws(CairoError) {
        guard width > 0, height > 0, width <= 32_767, height <= 32_767 else { throw .invalidSize(width: width, height: height) }
        guard let pointer = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)) else {
            throw .invalidSize(width: width, height: height)
        }
        self.width = width
        self.height = height
        try super.init(owning: pointer, operation: "create image surface")
    }

    /// Reads a PNG (for tests and checks that look at pixels).
    public init(png bytes: [UInt8]) throws(CairoError) {
        final class Reader { var bytes: [UInt8]; var offset = 0; init(_ b: [UInt8]) { bytes = b } }
        let reader = Reader(bytes)
        let context = Unmanaged.passRetained(reader)
        defer { context.release() }
        let pointer = cairo_image_surface_create_from_png_stream({ closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
            let reader = Unmanaged<Reader>.fromOpaque(closure).takeUnretainedValue()
            let count = Int(length)
            guard reader.offset + count <= reader.bytes.count else { return CAIRO_STATUS_READ_ERROR }
            reader.bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                data.update(from: base + reader.offset, count: count)
            }
            reader.offset += count
            return CAIRO_STATUS_SUCCESS
        }, context.toOpaque())
        guard let pointer else { throw .invalidPNG("cairo returned no surface") }
        width = Int(cairo_image_surface_get_width(pointer))
        height = Int(cairo_image_surface_get_height(pointer))
        try super.init(owning: pointer, operation: "read PNG")
    }

    /// Bytes per row of pixel data (may exceed width × 4).
    public var stride: Int { Int(cairo_image_surface_get_stride(pointer)) }

    /// The pixel at (x, y) as straight (non-premultiplied) RGBA bytes.
    public func pixel(x: Int, y: Int) -> (r: UInt8, g: UInt8, b: UInt8, a: UInt8)? {
        guard x >= 0, y >= 0, x < width, y < height, let data = cairo_image_surface_get_data(pointer) else { return nil }
        cairo_surface_flush(pointer)
        // ARGB32 is native-endian 32-bit: on little-endian machines the bytes are B, G, R, A.
        let p = data + y * stride + x * 4
        let a = p[3]
        func straight(_ c: UInt8) -> UInt8 { a == 0 ? 0 : UInt8(min(255, (Int(c) * 255 + Int(a) / 2) / Int(a))) }
        return (straight(p[2]), straight(p[1]), straight(p[0]), a)
    }

    /// Calls `body` with each row's premultiplied BGRA bytes (the surface flushed first).
    public func withRows<T>(_ body: (_ data: UnsafePointer<UInt8>, _ stride: Int) throws -> T) throws -> T {
        cairo_surface_flush(pointer)
        guard let data = cairo_image_surface_get_data(pointer) else {
            throw CairoError.status(operation: "read pixels", code: -1, message: "no pixel data")
        }
        return try body(UnsafePointer(data), stride)
    }
}

import CCairo

/// A vector surface that writes SVG (in px) into memory.
public final class SVGSurface: Surface, @unchecked Sendable {
    /// Collects what Cairo writes.
    final class Sink { var bytes: [UInt8] = [] }

    private let sink: Sink
    private let retained: Unmanaged<Sink>
    private var finished = false

    /// Creates an SVG surface of the given size in CSS pixels.
    public init(width: Double, height: Double) throws(CairoError) {
        let sink = Sink()
        let retained = Unmanaged.passRetained(sink)
        let pointer = cairo_svg_surface_create_for_stream({ closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            let sink = Unmanaged<Sink>.fromOpaque(closure).takeUnretainedValue()
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }, retained.toOpaque(), width, height)
        guard let pointer else {
            retained.release()
            throw .invalidSize(width: Int(width), height: Int(height))
        }
        self.sink = sink
        self.retained = retained
        do {
            try super.init(owning: pointer, operation: "create SVG surface")
        } catch {
            retained.release()
            throw error
        }
        cairo_svg_surface_restrict_to_version(pointer, CAIRO_SVG_VERSION_1_1)
        cairo_svg_surface_set_document_unit(pointer, CAIRO_SVG_UNIT_PX)
    }

    deinit {
        if !finished { CairoFonts.withLock { cairo_surface_finish(pointer) } }
        retained.release()
    }

    /// Ends the document and returns its bytes; the surface cannot be drawn on afterwards.
    public func finish() throws(CairoError) -> [UInt8] {
        if !finished {
            // Finishing writes the glyphs drawn (see `CairoFonts`).
            CairoFonts.withLock { cairo_surface_finish(pointer) }
            finished = true
        }
        try CairoError.check(cairo_surface_status(pointer), "finish SVG")
        return sink.bytes
    }
}

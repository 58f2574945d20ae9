import CCairo

/// A Cairo surface: owns the C pointer and destroys it on deinit.
public class Surface {
    let pointer: OpaquePointer

    init(owning pointer: OpaquePointer, operation: String) throws(CairoError) {
        self.pointer = pointer
        do {
            try CairoError.check(cairo_surface_status(pointer), operation)
        } catch {
            CairoFonts.withLock { cairo_surface_destroy(pointer) }
            throw error
        }
    }

    // A surface can hold glyphs of the fonts drawn on it (see `CairoFonts`).
    deinit { CairoFonts.withLock { cairo_surface_destroy(pointer) } }

    /// Finishes pending drawing and checks the surface for errors.
    public func flush() throws(CairoError) {
        cairo_surface_flush(pointer)
        try CairoError.check(cairo_surface_status(pointer), "flush surface")
    }
}

import CCairo
import Foundation

/// A font loaded straight from its file through FreeType, skipping fontconfig's start-up
/// (about 3.5 ms a process, a tenth of a chart's time). Owns its Cairo font face; the
/// FreeType face is released by Cairo when the font face is destroyed.
public final class FontFace: @unchecked Sendable {
    let pointer: OpaquePointer

    /// Loads the first face of a TrueType or OpenType file.
    public init(file: String) throws(CairoError) {
        guard let face = FreeType.shared.face(file) else {
            throw .status(operation: "load font \(file)", code: -1, message: "FreeType cannot read the file")
        }
        guard let fontFace = cairo_ft_font_face_create_for_ft_face(face, 0) else {
            FreeType.shared.done(face)
            throw .status(operation: "load font \(file)", code: -1, message: "out of memory")
        }
        // Cairo keeps the FreeType face until the font face dies; it then calls FT_Done_Face.
        let status = cairo_font_face_set_user_data(fontFace, FontFace.key, UnsafeMutableRawPointer(face)) { pointer in
            if let pointer { FreeType.shared.done(pointer.assumingMemoryBound(to: FT_FaceRec_.self)) }
        }
        if status != CAIRO_STATUS_SUCCESS {
            cairo_font_face_destroy(fontFace)
            FreeType.shared.done(face)
        }
        try CairoError.check(status, "attach font \(file)")
        pointer = fontFace
    }

    deinit { CairoFonts.withLock { cairo_font_face_destroy(pointer) } }

    nonisolated(unsafe) private static let key = UnsafeMutablePointer<cairo_user_data_key_t>.allocate(capacity: 1)
}

/// The process's FreeType library: faces are created and freed under a lock (FreeType's rule).
final class FreeType: @unchecked Sendable {
    static let shared = FreeType()
    private var library: FT_Library?
    private let lock = NSLock()

    private init() {
        var library: FT_Library?
        if FT_Init_FreeType(&library) == 0 { self.library = library }
    }

    func face(_ path: String) -> FT_Face? {
        lock.lock()
        defer { lock.unlock() }
        guard let library else { return nil }
        var face: FT_Face?
        return FT_New_Face(library, path, 0, &face) == 0 ? face : nil
    }

    func done(_ face: FT_Face) {
        lock.lock()
        FT_Done_Face(face)
        lock.unlock()
    }
}

/// One lock for every use of Cairo's fonts in the process. Cairo 1.16 (Debian 12) takes a scaled
/// font's mutex and its global glyph-cache mutex in opposite orders on different paths: two threads
/// drawing text at once (or one drawing while another releases a context) can deadlock for good.
/// Seen as a test run that hung in `cairo_scaled_font_text_to_glyphs` and `cairo_scaled_font_destroy`.
/// Every call of this module that can touch a scaled font (setting a font, measuring, showing
/// text, finding glyphs and their outlines, releasing a surface or a context) holds this lock for that call only, so
/// that shapes are still rasterised, and PNG rows filtered and compressed, on every core.
public enum CairoFonts {
    private static let lock = NSLock()

    public static func withLock<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}

import Cairo
import Charts
import Foundation
import PNGEncoding

/// A scene's PNG cut into horizontal slices that can be drawn and compressed independently,
/// on as many cores as there are slices, and joined into one image.
///
/// Each slice is drawn in bands of rows (a 2400 × 1350 chart never needs its full-size surface)
/// and deflated as it goes; a slice below the first also draws the row above it, which PNG's
/// "up" filter needs. The caller runs `renderSlice` for every index, in any order or at once,
/// then takes `bytes()`.
public final class PNGRendering: @unchecked Sendable {
    public let sliceCount: Int
    private let scene: Scene
    private let typeface: Typeface
    private let scale: Int
    private let width: Int, height: Int
    private let bandHeight: Int
    private let opaque: Bool
    private let bounds: [Int]
    private let parts: [PNGSlice]
    /// Band surfaces that finished slices hand on to the next (each new one is 75 fresh pages at 2400 pixels wide).
    private var spareSurfaces: [ImageSurface] = []
    private let lock = NSLock()

    /// Rows drawn at once: a 2400-pixel-wide band of 32 rows is 300 KiB.
    public static let defaultBandHeight = 32
    /// A fixed number of slices, not one per core: where the slices start decides the bytes of the
    /// PNG, which must not depend on the machine. On 2 cores, with an SVG beside them, 4 keep
    /// both cores busy to the end.
    public static let defaultSlices = 4

    /// - Parameters:
    ///   - slices: how many parts to cut the image into (at most one per band).
    public init(_ scene: Scene, typeface: Typeface, scale: Int,
                bandHeight: Int = defaultBandHeight, slices: Int = defaultSlices) throws {
        try SceneRenderer.checkDrawable(scene)
        self.scene = scene; self.typeface = typeface; self.scale = scale
        width = Int((scene.width * Double(scale)).rounded())
        height = Int((scene.height * Double(scale)).rounded())
        self.bandHeight = max(2, bandHeight)
        sliceCount = max(1, min(slices, height / self.bandHeight))
        bounds = (0...sliceCount).map { [height, sliceCount] in height * $0 / sliceCount }
        let opaque = scene.background.alpha >= 1
        self.opaque = opaque
        parts = (0..<sliceCount).map { [width, sliceCount] in
            PNGSlice(width: width, opaque: opaque, isLast: $0 == sliceCount - 1)
        }
    }

    /// Draws and compresses slice `index`, band by band.
    public func renderSlice(_ index: Int) throws {
        let rows = bounds[index]..<bounds[index + 1], part = parts[index]
        let extra = rows.lowerBound > 0 ? 1 : 0
        let band = min(rows.count + extra, bandHeight)
        let surface = try takeSurface(height: band)
        defer { giveBack(surface) }
        var top = rows.lowerBound - extra
        var first = true
        while top < rows.upperBound {
            let context = try Context(surface)
            // The surface is reused from band to band: a background that is not opaque would blend with the last one.
            if !opaque { context.clear() }
            context.translate(0, -Double(top))
            context.scale(Double(scale), Double(scale))
            // Only the marks that reach this band, with a pixel to spare for anti-aliasing.
            let pixel = 1 / Double(scale)
            let visible = (Double(top) * pixel - pixel)...(Double(top + band) * pixel + pixel)
            SceneRenderer.draw(scene, on: context, typeface: typeface, rows: visible)
            try context.check("draw \(scene.id) as PNG")
            try surface.flush()
            let available = min(band, rows.upperBound - top)
            let final = top + available >= rows.upperBound, setPrevious = first && extra == 1
            try surface.withRows { pixels, stride in
                if setPrevious { part.setPreviousRow(pixels) }
                part.add(rows: (setPrevious ? 1 : 0)..<available, pixels: pixels, stride: stride, final: final)
            }
            first = false
            top += available
        }
    }

    private func takeSurface(height: Int) throws -> ImageSurface {
        lock.lock()
        let spare = spareSurfaces.firstIndex { $0.height == height }.map { spareSurfaces.remove(at: $0) }
        lock.unlock()
        return try spare ?? ImageSurface(width: width, height: height)
    }

    private func giveBack(_ surface: ImageSurface) {
        lock.lock()
        spareSurfaces.append(surface)
        lock.unlock()
    }

    /// The PNG, once every slice is rendered, recording 72 × scale pixels per inch.
    public func bytes() -> [UInt8] {
        PNGEncoder.assemble(slices: parts, width: width, height: height, pixelsPerInch: 72 * Double(scale))
    }
}

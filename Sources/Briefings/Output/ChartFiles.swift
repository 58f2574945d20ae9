import Foundation
import ChartRendering
import Charts
import ExchangeModel
import ExchangeStore

/// The files of one chart: SVG and/or PNG, alt text, the data shown (CSV) and its provenance (JSON).
public enum ChartFiles {
    /// Image formats a chart is written in.
    public enum Format: String, CaseIterable, Sendable { case svg, png }

    /// Renders `content` and returns file name → bytes.
    ///
    /// - Parameters:
    ///   - scale: PNG pixel density (2 gives 2400 × 1350 for the article size).
    ///   - options: recorded in the provenance as given (size, theme, language, period).
    public static func render(_ content: ChartContent, theme: Theme, typeface: Typeface, formats: [Format], scale: Int,
                              options: [(String, String)], measurer: some TextMeasuring) throws -> [(path: String, bytes: [UInt8])] {
        let spec = content.spec
        let scene = Self.scene(spec, width: content.width, height: content.height, theme: theme, measurer: measurer)
        // The data files (8 MB of provenance over 100,000 exchanges) are made beside the images.
        let data = DataFiles()
        let images = try renderImages(scene, typeface: typeface, formats: formats, scale: scale) {
            let csv = content.table.map { CSVWriter.line($0) }.joined()
            data.files = [("\(spec.id).alt.txt", Array((spec.description + "\n").utf8)),
                          ("\(spec.id).csv", Array(csv.utf8)),
                          ("\(spec.id).json", provenance(content, csv: csv, options: options))]
        }
        return zip(formats, images).map { ("\(spec.id).\($0.rawValue)", $1) } + data.files
    }

    /// The scene of `spec`, its id made from everything it draws (chart, language, period, size, theme):
    /// any set of Homecoming SVGs can share one page without sharing an id.
    public static func scene(_ spec: ChartSpec, width: Double, height: Double, theme: Theme, measurer: some TextMeasuring,
                             textScale: Double? = nil) -> Scene {
        var scene = ChartEngine.scene(spec, width: width, height: height, theme: theme, measurer: measurer, textScale: textScale)
        scene.id = "\(spec.id)-\(SHA256.hex(Array(scene.dump().utf8)).prefix(12))"
        return scene
    }

    private final class DataFiles: @unchecked Sendable { var files: [(String, [UInt8])] = [] }

    /// `alongside`, the SVG and the PNG's slices are independent: all of them go to the cores at
    /// once, in one flat list (the data files first, long only at 100,000 exchanges; the SVG, the
    /// longest piece otherwise; then the PNG cut finer than the cores), so that no core idles.
    private static func renderImages(_ scene: Scene, typeface: Typeface, formats: [Format], scale: Int,
                                     alongside: @escaping () -> Void) throws -> [[UInt8]] {
        final class SVGResult: @unchecked Sendable { var bytes: [UInt8] = [] }
        let svg = SVGResult()
        var work: [() throws -> Void] = [alongside]
        if formats.contains(.svg) {
            work.append { svg.bytes = try SceneRenderer.svgBytes(scene, typeface: typeface) }
        }
        var png: PNGRendering?
        if formats.contains(.png) {
            let rendering = try PNGRendering(scene, typeface: typeface, scale: scale)
            png = rendering
            work += (0..<rendering.sliceCount).map { index in { try rendering.renderSlice(index) } }
        }
        try ParallelWork.run(work)
        return formats.map { $0 == .svg ? svg.bytes : png?.bytes() ?? [] }
    }

    /// Title, period, sources, options and a SHA-256 of the data, as Our World in Data publishes beside a chart.
    static func provenance(_ content: ChartContent, csv: String, options: [(String, String)]) -> [UInt8] {
        let spec = content.spec
        var out = "{\n"
        out += "  \"chart\": \(DataExport.jsonString(spec.id)),\n"
        out += "  \"title\": \(DataExport.jsonString(spec.title)),\n"
        out += "  \"subtitle\": \(DataExport.jsonString(spec.subtitle)),\n"
        out += "  \"period\": {\"from\": \(DataExport.jsonString(content.start.iso)), \"to\": \(DataExport.jsonString(content.end.iso))},\n"
        out += "  \"options\": {" + options.map { "\(DataExport.jsonString($0.0)): \(DataExport.jsonString($0.1))" }.joined(separator: ", ") + "},\n"
        out += "  \"data\": {\"file\": \(DataExport.jsonString("\(spec.id).csv")), \"rows\": \(max(0, content.table.count - 1)), \"sha256\": \(DataExport.jsonString(SHA256.hex(Array(csv.utf8))))},\n"
        out += "  \"source_line\": \(DataExport.jsonString(spec.source)),\n"
        out += "  \"sources\": [\n"
        // Written as bytes: over 100,000 exchanges this list is most of the file (8 MB).
        var bytes = Array(out.utf8)
        bytes.reserveCapacity(bytes.count + content.sources.reduce(0) { $0 + $1.name.utf8.count + $1.url.utf8.count + 28 } + 64)
        let first = Array("    {\"name\": ".utf8), next = Array(",\n    {\"name\": ".utf8), url = Array(", \"url\": ".utf8)
        for (i, source) in content.sources.enumerated() {
            bytes += i == 0 ? first : next
            DataExport.appendJSONString(source.name, to: &bytes)
            bytes += url
            DataExport.appendJSONString(source.url, to: &bytes)
            bytes.append(UInt8(ascii: "}"))
        }
        bytes += "\n  ],\n  \"generated_by\": \"homecoming\"\n}\n".utf8
        return bytes
    }
}

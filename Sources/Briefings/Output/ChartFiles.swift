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
                          ("\(spec.id).json", try provenance(content, csv: csv, options: options))]
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
                                     alongside: @escaping () throws -> Void) throws -> [[UInt8]] {
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
    static func provenance(_ content: ChartContent, csv: String, options: [(String, String)]) throws(EncodingError) -> [UInt8] {
        let spec = content.spec
        return try JSONOutput.encode(Provenance(
            chart: spec.id, title: spec.title, subtitle: spec.subtitle,
            period: .init(from: content.start.iso, to: content.end.iso),
            options: Dictionary(options, uniquingKeysWith: { first, _ in first }),
            data: .init(file: "\(spec.id).csv", rows: max(0, content.table.count - 1), sha256: SHA256.hex(Array(csv.utf8))),
            sourceLine: spec.source,
            sources: Provenance.Source.grouped(content.sources)))
    }

    /// What `NAME.json` holds.
    struct Provenance: Codable, Equatable {
        struct Period: Codable, Equatable { var from: String; var to: String }
        struct DataFile: Codable, Equatable { var file: String; var rows: Int; var sha256: String }
        /// A publication and the addresses of it the chart draws on, each once, in order of first use.
        struct Source: Codable, Equatable {
            var name: String
            var urls: [String]

            /// Addresses grouped by publication, publications in order of first use: over 100,000
            /// exchanges a list of strings encodes in a fraction of the time of one object per address.
            static func grouped(_ sources: [(name: String, url: String)]) -> [Source] {
                var out: [Source] = [], place: [String: Int] = [:]
                for source in sources {
                    if let i = place[source.name] { out[i].urls.append(source.url); continue }
                    place[source.name] = out.count
                    out.append(Source(name: source.name, urls: [source.url]))
                }
                return out
            }
        }

        var chart: String
        var title: String
        var subtitle: String
        var period: Period
        /// The options as given (size, scale, theme, language, period, formats).
        var options: [String: String]
        var data: DataFile
        var sourceLine: String
        var sources: [Source]
        var generatedBy = "homecoming"

        enum CodingKeys: String, CodingKey {
            case chart, title, subtitle, period, options, data, sources
            case sourceLine = "source_line"
            case generatedBy = "generated_by"
        }
    }
}

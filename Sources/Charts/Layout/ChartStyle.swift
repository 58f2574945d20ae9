/// A theme at one scale: fonts and lengths for a chart of a given size.
struct ChartStyle {
    let theme: Theme
    /// 1 at the reference size of 1200 × 675.
    let scale: Double

    var title: Font { Font(family: theme.fontFamily, size: theme.titleSize * scale, bold: true) }
    var subtitle: Font { Font(family: theme.fontFamily, size: theme.subtitleSize * scale) }
    var label: Font { Font(family: theme.fontFamily, size: theme.labelSize * scale) }
    var labelBold: Font { Font(family: theme.fontFamily, size: theme.labelSize * scale, bold: true) }
    var footer: Font { Font(family: theme.fontFamily, size: theme.footerSize * scale) }

    /// A length of `px` at the reference size.
    func px(_ px: Double) -> Double { px * scale }

    /// Line height for a font.
    func lineHeight(_ font: Font) -> Double { font.size * 1.25 }
}

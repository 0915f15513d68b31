import Report

/// Breaks text into lines for a width. The pager depends only on this, so it can be tested with
/// a fixed-width fake and used for real with Pango.
public protocol TextMeasurer {
    /// The lines `text` wraps to at `width` points in `style`, in order.
    func lines(of text: StyledText, style: FontStyle, width: Double) -> [MeasuredLine]
}

/// One laid-out line: its text, size and where its baseline sits below its top.
public struct MeasuredLine: Sendable, Equatable {
    public var text: String
    public var width: Double
    public var height: Double
    public var baseline: Double

    public init(text: String, width: Double, height: Double, baseline: Double) {
        self.text = text
        self.width = width
        self.height = height
        self.baseline = baseline
    }
}

import ClaimLedger

/// Turns articles into proposed claims; the pipeline arrives with the extractor.
public enum Extractor {
  /// The hedge table the extractor reads confidences from: the one `--hedge` uses.
  public static let hedges = HedgeScale.standard
}

/// The kind of event a forecast names, the same in Chinese and English, so that "OpenAI 收购
/// Pinterest" and "OpenAI acquires Pinterest" name one event.
public enum ForecastEvent: String, Sendable, CaseIterable {
  case acquisition
  case merger
  case listing
  case launch
  case figure
  case regulation
  case departure

  /// The words of each kind, lower-case; a text names the first kind whose word it holds.
  public static let words: [(kind: ForecastEvent, words: [String])] = [
    (
      .acquisition,
      [
        "acquire", "acquisition", "buys", "buy ", "takeover", "take over", "收购", "收購", "买下",
        "買下", "拿下",
      ]
    ),
    (.merger, ["merge", "merger", "合并", "合併"]),
    (.listing, ["ipo", "go public", "goes public", "lists on", "上市"]),
    (
      .launch,
      [
        "launch", "release", "ships", "ship ", "unveil", "debut", "introduce", "发布", "發布",
        "推出", "上线", "上線", "亮相", "问世", "問世",
      ]
    ),
    (
      .figure,
      [
        "revenue", "sales", "users", "valuation", "market cap", "worth", "price", "营收", "營收",
        "收入", "用户", "用戶", "估值", "市值", "销量", "銷量", "价格", "價格",
      ]
    ),
    (
      .regulation,
      ["ban", "approve", "regulat", "fine", "禁止", "批准", "监管", "監管", "罚款", "罰款"]
    ),
    (.departure, ["resign", "step down", "steps down", "leave", "辞职", "辭職", "卸任", "离职", "離職"]),
  ]

  /// Every word of every kind, and the kind each belongs to, for one pass over the text.
  private static let list = WordList(words.flatMap(\.words))
  /// The kind of each word of `list`, by its index.
  public static let kinds = words.flatMap { row in row.words.map { _ in row.kind } }

  /// The first kind of event `text` names, in the order of the cases; nil when it names none.
  public init?(text: String) {
    guard let index = ForecastEvent.list.firstInListOrder(in: Array(text.utf8)) else {
      return nil
    }
    self = ForecastEvent.kinds[index]
  }
}

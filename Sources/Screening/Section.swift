/// A titled group of items, asked together.
public struct Section: Sendable, Hashable {
    public var id: String
    public var title: String
    public var items: [Item]

    public init(id: String, title: String, items: [Item]) {
        self.id = id
        self.title = title
        self.items = items
    }
}

extension Array {
    /// The elements `isIncluded` accepts, in order, like `filter`; but each
    /// element is lent to `isIncluded` where it lies and copied only when
    /// kept. `filter` copies every element it tests: for fact structs of a
    /// dozen strings, retaining and releasing them was most of the cost of
    /// picking each installation method's facts out of thousands.
    func selecting(_ isIncluded: (borrowing Element) throws -> Bool) rethrows -> [Element] {
        try withUnsafeBufferPointer { elements in
            var kept: [Element] = []
            for index in elements.indices where try isIncluded(elements[index]) { kept.append(elements[index]) }
            return kept
        }
    }

    /// The elements `isIncluded` accepts, given each with its index.
    func selecting(_ isIncluded: (Int, borrowing Element) throws -> Bool) rethrows -> [Element] {
        try withUnsafeBufferPointer { elements in
            var kept: [Element] = []
            for index in elements.indices where try isIncluded(index, elements[index]) { kept.append(elements[index]) }
            return kept
        }
    }
}

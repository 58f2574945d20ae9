import ExchangeModel

/// Remembers strings to answer "seen before?": an open-addressing table over their UTF-8 bytes
/// (FNV-1a). A chart over 100,000 exchanges lists every distinct source address; `Set<String>`
/// spent most of that time hashing (SipHash).
struct DistinctStrings {
    private var values: [String] = []
    private var hashes: [UInt64] = []
    /// Index into `values` + 1, or 0 for an empty slot; the table is kept at most half full.
    private var slots: [Int32]

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [Int32](repeating: 0, count: size)
        values.reserveCapacity(capacity)
        hashes.reserveCapacity(capacity)
    }

    /// Adds `text` unless it is already there; true when it was new.
    mutating func insert(_ text: String) -> Bool {
        let found = text.utf8.withContiguousStorageIfAvailable { lookUp($0) } ?? Array(text.utf8).withUnsafeBufferPointer { lookUp($0) }
        guard case let .empty(slot, hash) = found else { return false }
        if values.count * 2 >= slots.count {
            grow()
            return insert(text)
        }
        slots[slot] = Int32(values.count + 1)
        values.append(text)
        hashes.append(hash)
        return true
    }

    private enum Found { case present, empty(slot: Int, hash: UInt64) }

    private func lookUp(_ bytes: UnsafeBufferPointer<UInt8>) -> Found {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ hash >> 29) & mask
        while slots[slot] != 0 {
            let index = Int(slots[slot] - 1)
            if hashes[index] == hash, values[index].utf8.elementsEqual(bytes) { return .present }
            slot = (slot + 1) & mask
        }
        return .empty(slot: slot, hash: hash)
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash ^ hash >> 29) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index + 1)
        }
    }
}

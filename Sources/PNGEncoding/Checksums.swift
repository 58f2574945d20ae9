/// Adler-32 (RFC 1950), the checksum that ends a zlib stream, kept incrementally; runs of zeros
/// are added in constant time, and the checksums of consecutive slices combine into the whole's.
struct Adler32: Equatable {
    private static let modulus: UInt32 = 65_521
    /// The most bytes that can be summed before `b` could overflow 32 bits (zlib's NMAX).
    private static let chunk = 5552
    private(set) var a: UInt32 = 1
    private(set) var b: UInt32 = 0

    init() {}

    init(value: UInt32) {
        a = value & 0xFFFF
        b = value >> 16
    }

    var value: UInt32 { b << 16 | a }

    mutating func add(_ bytes: UnsafePointer<UInt8>, count: Int) {
        var a = self.a, b = self.b, offset = 0
        while offset < count {
            let stop = min(count, offset + Self.chunk)
            while offset < stop {
                a &+= UInt32(bytes[offset])
                b &+= a
                offset += 1
            }
            a %= Self.modulus
            b %= Self.modulus
        }
        self.a = a
        self.b = b
    }

    /// `count` zero bytes leave `a` as it is and add `a` to `b` once per byte.
    mutating func addZeros(_ count: Int) {
        b = UInt32((UInt64(b) + UInt64(count % Int(Self.modulus)) * UInt64(a)) % UInt64(Self.modulus))
    }

    /// The checksum of this one's bytes followed by `length` bytes whose checksum is `next`.
    func followed(by next: Adler32, length: Int) -> Adler32 {
        // Each of the `length` bytes adds the current `a` to `b` once: the first part's `a` is
        // added `length` times, and its 1 (the initial `a`) counted twice must come off once.
        let m = UInt64(Self.modulus), n = UInt64(length) % m
        var joined = Adler32()
        joined.a = UInt32((UInt64(a) + UInt64(next.a) + m - 1) % m)
        joined.b = UInt32((UInt64(b) + UInt64(next.b) + n * UInt64(a) + m - n) % m)
        return joined
    }
}

/// CRC-32 (ISO 3309, as PNG chunks use it), table-driven.
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { byte in
        var c = UInt32(byte)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum<Bytes: Sequence<UInt8>>(_ parts: Bytes...) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for part in parts {
            for byte in part { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        }
        return crc ^ 0xFFFF_FFFF
    }
}

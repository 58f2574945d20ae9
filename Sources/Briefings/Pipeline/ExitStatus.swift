import ExchangeStore

/// The documented exit codes (BSD sysexits), so scripts and cron can tell failures apart.
public enum ExitStatus {
    public static let ok: Int32 = 0
    /// A command line that makes no sense.
    public static let usage: Int32 = 64
    /// Input data (a file, the options of `add`, the database) is wrong.
    public static let dataError: Int32 = 65
    /// An input file is missing or unreadable.
    public static let noInput: Int32 = 66
    /// An output file or the database cannot be created.
    public static let cannotCreate: Int32 = 73
    /// Reading or writing failed.
    public static let ioError: Int32 = 74
    /// Another run holds the lock, or a resource is busy: try again later.
    public static let temporary: Int32 = 75
    /// A configuration or theme file is wrong.
    public static let config: Int32 = 78

    public static func code(for error: StoreError) -> Int32 {
        switch error {
        case .invalidData, .unusableDatabase: dataError
        case .missingInput, .missingSeed: noInput
        case .cannotWrite: cannotCreate
        case .database: ioError
        case .busy: temporary
        }
    }

    public static func code(for error: PublishError) -> Int32 {
        switch error {
        case .locked: temporary
        case .cannotCreate, .missingParent, .notOurs: cannotCreate
        case .io: ioError
        }
    }
}

// libFuzzer's driver, as SwiftPM links an executable: each target's entry (`NAME_main`) calls
// `runFuzzer`, which hands control to libFuzzer with the target's test function.

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// The test of the running target (one per process; libFuzzer calls it from one thread).
nonisolated(unsafe) private var test: ([UInt8]) -> Void = { _ in }

/// Runs libFuzzer over `body` with the process's arguments.
public func runFuzzer(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ body: @escaping ([UInt8]) -> Void) -> Int32 {
    test = body
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
        test(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
        return 0
    }
}

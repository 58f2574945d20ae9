import Foundation

/// An exclusive lock on an output directory, held through `flock(2)` on a file beside it.
///
/// The kernel releases a `flock` when its process dies, however it dies, so the lock of a
/// killed run is simply taken over; the holder's pid is written into the file to be named.
public final class OutputLock {
    public let path: String
    private let descriptor: Int32

    /// Takes the lock, retrying for up to `wait` seconds.
    public init(path: String, wait: Int, checkInterval: Double = 0.1) throws(PublishError) {
        self.path = path
        // Never through a link, never a device or a pipe, never a second name of another file:
        // the pid written into it must land in a lock file of Homecoming's and nowhere else.
        let fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let code = errno
            if code == ELOOP { throw .notOurs(path: path, reason: "the lock path is a symbolic link, which Homecoming never follows") }
            throw .cannotCreate(path: path, reason: String(cString: strerror(code)))
        }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_nlink == 1 else {
            close(fd)
            throw .notOurs(path: path, reason: "the lock path is not a plain file of its own (a device, a pipe, or a hard link to another file)")
        }
        // A file of someone else's at that name (anything but a pid) is never overwritten.
        if info.st_size > 0 {
            var head = [UInt8](repeating: 0, count: 64)
            let count = pread(fd, &head, 64, 0)
            let text = count > 0 ? head[0..<count] : []
            guard info.st_size <= 32, text.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 32 || $0 == 10 }) else {
                close(fd)
                throw .notOurs(path: path, reason: "a file that is not Homecoming's lock is at the lock path")
            }
        }
        let deadline = Date().addingTimeInterval(Double(max(0, wait)))
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                let code = errno
                close(fd)
                throw .io(path: path, reason: String(cString: strerror(code)))
            }
            if Date() >= deadline {
                // The holder writes its pid just after it takes the lock: give it a moment to.
                var holder = OutputLock.holder(fd)
                for _ in 0..<10 where holder == nil {
                    Thread.sleep(forTimeInterval: 0.02)
                    holder = OutputLock.holder(fd)
                }
                close(fd)
                throw .locked(holder: holder, waited: max(0, wait), lockPath: path)
            }
            Thread.sleep(forTimeInterval: checkInterval)
        }
        descriptor = fd
        // Name ourselves as the holder, in one write of a fixed width, so that a reader never sees it half done.
        let pid = String(getpid()).padding(toLength: 11, withPad: " ", startingAt: 0) + "\n"
        _ = pid.withCString { pwrite(fd, $0, strlen($0), 0) }
        _ = ftruncate(fd, 12)
    }

    deinit {
        _ = flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    private static func holder(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(fd, &buffer, 31, 0)
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

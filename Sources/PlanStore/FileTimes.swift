import Foundation

extension stat {
    /// When the file was last written. glibc names the field `st_mtim`, Darwin `st_mtimespec`.
    var lastWritten: timespec {
        #if canImport(Darwin)
        st_mtimespec
        #else
        st_mtim
        #endif
    }
}

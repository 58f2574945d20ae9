import ExchangeModel
import Foundation
import Testing

@Suite("Now: --now, SOURCE_DATE_EPOCH, Kyiv's day")
struct ReferenceTimeTests {
    @Test func aDayIsNoonInKyiv() throws {
        // Winter: Kyiv is UTC+2; summer: UTC+3.
        let winter = try #require(ReferenceTime(parsing: "2026-11-26"))
        #expect(winter.today.iso == "2026-11-26")
        #expect(winter.timestamp == "2026-11-26T10:00:00Z")
        let summer = try #require(ReferenceTime(parsing: "2025-07-01"))
        #expect(summer.today.iso == "2025-07-01")
        #expect(summer.timestamp == "2025-07-01T09:00:00Z")
    }

    @Test func anInstantIsTakenOnKyivsCalendar() throws {
        // 23:30 UTC on 26 November is already 27 November in Kyiv.
        let late = try #require(ReferenceTime(parsing: "2026-11-26T23:30:00Z"))
        #expect(late.today.iso == "2026-11-27")
        #expect(late.timestamp == "2026-11-26T23:30:00Z")
        #expect(ReferenceTime(parsing: "2026-11-26T23:30:00.250Z")?.today.iso == "2026-11-27")
        #expect(ReferenceTime(parsing: "26.11.2026") == nil)
    }

    @Test func theOptionComesBeforeTheEnvironment() throws {
        let environment = ["SOURCE_DATE_EPOCH": "1735603200"] // 2024-12-31T00:00:00Z
        #expect(try ReferenceTime.resolve(option: "2026-11-26", environment: environment).today.iso == "2026-11-26")
        let fromEpoch = try ReferenceTime.resolve(option: nil, environment: environment)
        #expect(fromEpoch.today.iso == "2024-12-31")
        #expect(fromEpoch.timestamp == "2024-12-31T00:00:00Z")
        #expect(throws: ReferenceTime.Invalid.self) { try ReferenceTime.resolve(option: nil, environment: ["SOURCE_DATE_EPOCH": "soon"]) }
        #expect(throws: ReferenceTime.Invalid.self) { try ReferenceTime.resolve(option: "tomorrow", environment: [:]) }
    }
}

import Briefings
import ExchangeModel
import Testing

@Suite("Numbers, dates and plurals in English and Ukrainian")
struct LocalisationTests {
    @Test func numbers() {
        #expect(Language.en.number(1358) == "1,358")
        #expect(Language.uk.number(1358) == "1\u{00A0}358")
        #expect(Language.en.number(952) == "952")
        #expect(Language.uk.number(1_000_000) == "1\u{00A0}000\u{00A0}000")
        #expect(Language.en.signed(-141) == "−141")
        #expect(Language.en.signed(13) == "+13")
    }

    @Test func dates() {
        let day = Day(iso: "2024-12-30")!
        #expect(Language.en.longDate(day) == "30 December 2024")
        #expect(Language.uk.longDate(day) == "30 грудня 2024 р.")
        #expect(Language.uk.monthYear(day) == "груд. 2024")
        #expect(Language.en.shortDate(day) == "30 Dec 2024")
    }

    @Test(arguments: [(1, "1 обмін"), (2, "2 обміни"), (4, "4 обміни"), (5, "5 обмінів"), (11, "11 обмінів"), (12, "12 обмінів"),
                      (14, "14 обмінів"), (21, "21 обмін"), (22, "22 обміни"), (25, "25 обмінів"), (101, "101 обмін"), (111, "111 обмінів")])
    func ukrainianPlurals(n: Int, expected: String) {
        #expect(Language.uk.count(n, .exchange) == expected)
    }

    @Test func englishPlurals() {
        #expect(Language.en.count(1, .exchange) == "1 exchange")
        #expect(Language.en.count(11, .exchange) == "11 exchanges")
        #expect(Language.en.count(1358, .person) == "1,358 people")
        #expect(Language.uk.count(1358, .person) == "1\u{00A0}358 людей")
        #expect(Language.uk.count(2, .person) == "2 людини")
    }

    @Test func ukrainianChartsCarryNoEnglishInterfaceWords() {
        for kind in ChartRequest.Kind.allCases {
            let spec = Fixtures.content(kind, language: .uk).spec
            let interface = [spec.title, spec.subtitle, spec.note ?? "", spec.description] + spec.legend.map(\.label)
            for text in interface {
                for word in ["the", "and", "people", "exchange", "record", "to ", "Source", "Chart"] {
                    #expect(!text.contains(word), "\(kind.rawValue): \"\(word)\" in \(text)")
                }
            }
            #expect(spec.source.hasPrefix("Джерело: "))
            #expect(spec.byline == "Графік: Homecoming")
        }
    }
}

extension LocalisationTests {
    @Test func militaryAndCiviliansAgreeWithTheirNumber() {
        #expect(Language.en.count(1, .civilian) == "1 civilian")
        #expect(Language.en.count(6, .civilian) == "6 civilians")
        #expect(Language.uk.count(1, .civilian) == "1 цивільний")
        #expect(Language.uk.count(21, .military) == "21 військовий")
        #expect(Language.uk.count(12, .civilian) == "12 цивільних")
    }
}

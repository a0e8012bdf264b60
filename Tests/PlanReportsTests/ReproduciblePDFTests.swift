import Foundation
import PlanModel
@testable import PlanReports
import Testing

/// Two prints of one paper differ only where Chromium stamps the time and numbers structure
/// elements after DOM nodes; `reproducible(pdf:madeAt:)` makes them the same bytes, at the same
/// offsets, with the id tree still sorted.
@Suite struct ReproduciblePDFTests {
    /// A PDF fragment as Chromium writes one, with its node numbers and print time.
    private func printed(_ a: Int, _ b: Int, at time: String) -> Data {
        func node(_ n: Int) -> String { "node" + String(format: "%08d", n) }
        let ids = [(node(a), 46), (node(b), 51)].sorted { $0.0 < $1.0 }
        return Data("""
            %PDF-1.4
            46 0 obj <</S /TH /ID (\(node(a)))>> endobj
            51 0 obj <</S /TD /Headers [(\(node(a)))] /ID (\(node(b)))>> endobj
            60 0 obj <</Limits [(\(ids[0].0)) (\(ids[1].0))]
            /Names [\(ids.map { "(\($0.0)) \($0.1) 0 R" }.joined(separator: " "))]>> endobj
            <</CreationDate (D:\(time)+00'00')
            /ModDate (D:\(time)+00'00')>>
            """.utf8)
    }

    @Test func twoPrintsOfOnePaperBecomeTheSameBytes() throws {
        let madeAt = Timestamp(iso: "2027-01-20T10:00:00Z")!
        let first = reproducible(pdf: printed(17, 20, at: "20270203090001"), madeAt: madeAt)
        let second = reproducible(pdf: printed(33, 3, at: "20270203090107"), madeAt: madeAt)
        #expect(first == second)
        #expect(first.count == printed(17, 20, at: "20270203090001").count)
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.contains("46 0 obj <</S /TH /ID (node00000046)>>"))
        #expect(text.contains("/Headers [(node00000046)] /ID (node00000051)"))
        #expect(text.contains("/Limits [(node00000046) (node00000051)]"))
        #expect(text.contains("/Names [(node00000046) 46 0 R (node00000051) 51 0 R]"))
        #expect(text.contains("/CreationDate (D:20270120100000+00'00')") && text.contains("/ModDate (D:20270120100000+00'00')"))
    }
}

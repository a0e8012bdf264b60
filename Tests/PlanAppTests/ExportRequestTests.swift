import Testing
@testable import PlanApp

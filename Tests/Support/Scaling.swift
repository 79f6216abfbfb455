/// How the cost of some work grows with its input: the least thread CPU time of a small and a
/// large run.
///
/// Tests run in parallel on two shared cores, so one run can be slowed several times over by its
/// neighbours (CPU time too: caches and the core's frequency are shared). Small and large are
/// measured in alternating turns so that both see the same neighbours, and more turns are taken
/// while the ratio is over the bound: the least of more runs only comes nearer the work's own
/// cost, while quadratic work stays over the bound on every turn.
public struct Scaling: CustomStringConvertible {
    public let small: Double
    public let large: Double
    /// CPU seconds under which the small run counts as this much (a run of a few ms is mostly noise).
    public let floor: Double
    public let turns: Int

    /// `large` over `small`, with `small` floored.
    public var ratio: Double { large / max(small, floor) }

    public var description: String {
        "small \(small) s, large \(large) s: \(ratio)× over \(turns) turns"
    }

    /// Measures `small` and `large` until `large ≤ bound × max(small, floor)`, with at least
    /// `minTurns` and at most `maxTurns` turns.
    public static func measure(bound: Double, floor: Double = 0.005, minTurns: Int = 2, maxTurns: Int = 9,
                               small: () -> Void, large: () -> Void) -> Scaling {
        var a = Double.infinity, b = Double.infinity
        var turns = 0
        while turns < maxTurns && (turns < minTurns || b > bound * max(a, floor)) {
            a = min(a, CPUTime.best(of: 1, small))
            b = min(b, CPUTime.best(of: 1, large))
            turns += 1
        }
        return Scaling(small: a, large: b, floor: floor, turns: turns)
    }

    public func holds(_ bound: Double) -> Bool { ratio <= bound }
}

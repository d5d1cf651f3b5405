import Foundation

/// Latency figures for answering questions, in milliseconds.
public struct LatencyStats: Sendable, CustomStringConvertible {
    public var samples: [Double]

    public init(samples: [Double]) { self.samples = samples.sorted() }

    public var median: Double { percentile(50) }
    public var p95: Double { percentile(95) }
    public var max: Double { samples.last ?? 0 }

    public func percentile(_ p: Double) -> Double {
        guard !samples.isEmpty else { return 0 }
        let rank = Int((p / 100 * Double(samples.count - 1)).rounded())
        return samples[Swift.min(Swift.max(rank, 0), samples.count - 1)]
    }

    public var description: String {
        String(format: "median %.3f ms, p95 %.3f ms, max %.3f ms (%d samples)", median, p95, max, samples.count)
    }
}

public enum AnswerBenchmark {
    /// Questions from a tab-separated file (id, question, ...); `#` lines are comments.
    public static func questions(fromTSV path: String) throws -> [String] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            return columns.count > 1 ? String(columns[1]) : nil
        }
    }

    /// Answers every question `repetitions` times in this process (rendering
    /// included, as `dockb ask` does) and times each answer.
    public static func inProcess(_ engine: AnswerEngine, questions: [String], repetitions: Int) -> LatencyStats {
        let renderer = AnswerRenderer()
        var samples: [Double] = []
        for _ in 0..<Swift.max(repetitions, 1) {
            for question in questions {
                let start = DispatchTime.now().uptimeNanoseconds
                _ = renderer.render(engine.answer(question), as: .text)
                samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
            }
        }
        return LatencyStats(samples: samples)
    }

    /// Runs `executable arguments... QUESTION` once per question and times
    /// each whole process, output discarded.
    public static func wholeProcess(executable: String, arguments: [String], questions: [String]) throws -> LatencyStats {
        var samples: [Double] = []
        for question in questions {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments + [question]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let start = DispatchTime.now().uptimeNanoseconds
            try process.run()
            process.waitUntilExit()
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        }
        return LatencyStats(samples: samples)
    }
}

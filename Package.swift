// swift-tools-version:6.0
// jxlint: a consistency auditor for Chinese budget performance-evaluation reports.
// One target per pipeline stage; each imports only the stages before it:
//   Load → Normalize → Structure → Extract → Check → Format → Lint (driver) → jxlint (CLI)
// Rules (the rule-file parser, the lexicon and the vocabulary) is data, used by Structure, Extract and Check.
import PackageDescription

let package = Package(
    name: "jxlint",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "jxlint", targets: ["jxlint"]),
        .library(name: "JXLint", targets: ["JXLint"]),
    ],
    targets: [
        // System zlib, for inflating .docx/.xlsx (ZIP) entries.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        // Shared vocabulary: source positions and exact decimal intervals.
        .target(name: "JXCore", path: "Sources/Core"),
        // bytes → Document (text decoding, .docx, .xlsx, .pdf)
        .target(name: "JXLoad", dependencies: ["JXCore", "CZlib"], path: "Sources/Load"),
        // Document → normalized lines with a source map
        .target(name: "JXNormalize", dependencies: ["JXCore", "JXLoad"], path: "Sources/Normalize"),
        // normalized lines → headings, paragraphs, sentences, clauses, table grids
        .target(name: "JXStructure", dependencies: ["JXCore", "JXLoad", "JXNormalize", "JXRules"], path: "Sources/Structure"),
        // the TOML-subset parser of rule files, and the snapshot of a parsed file the build embeds
        .target(name: "JXTOML", dependencies: ["JXCore"], path: "Sources/TOML"),
        // rules/*.toml: the rule and lexicon models, the embedded default set (parsed at build time)
        .executableTarget(name: "EmbedRulesTool", dependencies: ["JXTOML"], path: "Sources/EmbedRulesTool"),
        .plugin(name: "EmbedRules", capability: .buildTool(), dependencies: ["EmbedRulesTool"], path: "Plugins/EmbedRules"),
        .target(name: "JXRules", dependencies: ["JXCore", "JXTOML"], path: "Sources/Rules", plugins: ["EmbedRules"]),
        // structure → facts: quantities, labels, concepts, years, stated relations
        .target(name: "JXExtract", dependencies: ["JXCore", "JXLoad", "JXNormalize", "JXStructure", "JXRules"], path: "Sources/Extract"),
        // facts + rules → findings
        .target(name: "JXCheck", dependencies: ["JXCore", "JXLoad", "JXStructure", "JXExtract", "JXRules"], path: "Sources/Check"),
        // findings → text | json | sarif | html | csv
        .target(name: "JXFormat", dependencies: ["JXCore", "JXLoad", "JXStructure", "JXExtract", "JXRules", "JXCheck"], path: "Sources/Format"),
        // the driver: file discovery, batch and parallel runs, config, baseline, command line
        .target(name: "JXLint", dependencies: ["JXCore", "JXLoad", "JXNormalize", "JXStructure", "JXRules", "JXExtract", "JXCheck", "JXFormat"], path: "Sources/Lint"),
        .executableTarget(name: "jxlint", dependencies: ["JXLint"], path: "Sources/jxlint"),

        // helpers shared by the test targets (CPU time, pathological text shapes); no product uses it
        .target(name: "TestSupport", path: "Tests/Support"),
        .testTarget(name: "CoreTests", dependencies: ["TestSupport", "JXCore"], path: "Tests/CoreTests"),
        .testTarget(name: "LoadTests", dependencies: ["TestSupport", "JXCore", "JXLoad"], path: "Tests/LoadTests", exclude: ["Fixtures"]),
        .testTarget(name: "NormalizeTests", dependencies: ["TestSupport", "JXCore", "JXLoad", "JXNormalize"], path: "Tests/NormalizeTests"),
        .testTarget(name: "StructureTests", dependencies: ["TestSupport", "JXCore", "JXLoad", "JXNormalize", "JXStructure"], path: "Tests/StructureTests"),
        .testTarget(name: "RulesTests", dependencies: ["JXCore", "JXTOML", "JXRules"], path: "Tests/RulesTests"),
        .testTarget(name: "ExtractTests", dependencies: ["TestSupport", "JXCore", "JXLoad", "JXNormalize", "JXStructure", "JXRules", "JXExtract"], path: "Tests/ExtractTests"),
        // the interval evaluation of formulas lives in JXCheck (FormulaEvaluator)
        .testTarget(name: "CheckTests", dependencies: ["TestSupport", "JXCore", "JXLoad", "JXNormalize", "JXStructure", "JXRules", "JXExtract", "JXCheck"], path: "Tests/CheckTests"),
        .testTarget(name: "PipelineTests", dependencies: ["TestSupport", "JXCore", "JXLoad", "JXNormalize", "JXStructure", "JXRules", "JXExtract", "JXCheck"], path: "Tests/PipelineTests"),
        .testTarget(name: "LintTests", dependencies: ["TestSupport", "JXLint", "JXFormat", "JXCheck", "JXRules", "JXLoad"], path: "Tests/LintTests", exclude: ["Fixtures"]),
    ]
)

// Release builds skip the run-time exclusivity checks (swift_beginAccess on every access to a
// class's or a global's stored property, a few per cent of a batch); debug builds and tests keep them.
// They also reach generic types' metadata through accessor functions rather than by mangled name:
// the runtime demangled each name on first use and searched every conformance record for its
// requirements (a tenth of the instructions of checking one report, −0.8 ms of its 17 ms).
for target in package.targets where target.type == .regular || target.type == .executable {
    target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-enforce-exclusivity=unchecked", "-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors", "-cross-module-optimization"], .when(configuration: .release))]
}

// Embeds the default rule set (rules/*.toml at the package root) into the JXRules module.
import Foundation
import PackagePlugin

@main
struct EmbedRules: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rulesDirectory = context.package.directoryURL.appending(path: "rules")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: rulesDirectory.path)) ?? []
        let inputs = names.filter { $0.hasSuffix(".toml") }.sorted().map { rulesDirectory.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedRules.swift")
        return [
            .buildCommand(
                displayName: "Embedding the default rule set",
                executable: try context.tool(named: "EmbedRulesTool").url,
                arguments: [rulesDirectory.path, output.path],
                // the folder too: adding a rule file changes its modification time
                inputFiles: [rulesDirectory] + inputs,
                outputFiles: [output])
        ]
    }
}

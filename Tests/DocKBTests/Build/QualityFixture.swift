import Foundation
import XCTest
@testable import DocKB

/// A small documentation set made to contradict itself (written for these
/// tests, not taken from the corpus): two articles give .NET Framework
/// different minimum versions, two port tables disagree on the transport of
/// port 4011, plus an unclassified table, a dangling link and a dangling
/// anchor. Everything else in it agrees, so any other finding is wrong.
enum QualityFixture {
    static let windows = "clients/windows-prerequisites.md"
    static let upgrade = "clients/upgrade-prerequisites.md"
    static let clientPorts = "network/client-ports.md"
    static let serverPorts = "network/server-ports.md"

    static let files: [String: String] = [
        windows: """
            ---
            title: Windows client prerequisites
            ---
            # Windows client prerequisites

            ## Dependencies external to the product

            | Component | Description |
            |-----------|-------------|
            |Microsoft .NET Framework version 4.5.2 or later (`ndp452.exe`)|Required to support client operations.|
            |Windows Imaging APIs 6.0.6001.18000 or later (`wimgapi.msi`)|Required to manage image files.|

            See [the ports](../network/client-ports.md#ports-for-push) and [the old guide](old-guide.md).

            """,
        // Line 7: .NET 4.6.2 against 4.5.2 above; the imaging APIs agree.
        upgrade: """
            # Upgrade prerequisites

            ## Dependencies external to the product

            | Component | Description |
            |-----------|-------------|
            |Microsoft .NET Framework version 4.6.2 or later|Required to support client operations.|
            |Windows Imaging APIs 6.0.6001.18000 or later (`wimgapi.msi`)|Required to manage image files.|

            | Colour | Shade |
            |--------|-------|
            | red | dark |

            Back to [the prerequisites](windows-prerequisites.md#no-such-section).

            """,
        // 135 is TCP and UDP here and TCP only in the server ports: they agree
        // on TCP. 4011 is TCP here (line 9) and UDP there (line 8): a conflict.
        clientPorts: """
            # Client ports

            ## Ports for push

            |Description|UDP|TCP|
            |-----------|---|---|
            |RPC endpoint mapper between the site server and the client computer.|135|135|
            |Server Message Block (SMB) between the site server and the client computer.|--|445|
            |Boot Information Negotiation Layer (BINL) between the client and the distribution point.|--|4011|

            """,
        serverPorts: """
            # Server ports

            ## Ports between servers

            |Description|UDP|TCP|
            |-----------|---|---|
            |RPC endpoint mapper between the site server and the site system.|--|135|
            |Boot Information Negotiation Layer (BINL) between the client and the distribution point.|4011|--|
            |Server Message Block (SMB) between the site server and the site system.|445|445|

            """,
    ]

    /// Writes the sources into a scratch folder and builds them; returns the
    /// output folder.
    static func build(for test: XCTestCase) throws -> URL {
        try build(in: ScratchFolder.make(for: test))
    }

    /// Writes the sources to `root/docs` and builds them into `root/out`
    /// (with the site when `site` is true); returns the output folder.
    static func build(in root: URL, site: Bool = false) throws -> URL {
        let source = root.appendingPathComponent("docs")
        for (path, text) in files { try ScratchFolder.write(text, to: path, in: source) }
        let output = root.appendingPathComponent("out")
        try BuildPipeline(source: source, output: output, sitePublisher: site ? StaticSitePublisher() : nil).run()
        return output
    }
}

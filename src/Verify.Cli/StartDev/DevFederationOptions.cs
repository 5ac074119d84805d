using Verify.MatchingService.Matching;

namespace Verify.Cli.StartDev;

/// <summary>How <c>verify start-dev</c> runs the federation on one machine.</summary>
public sealed record DevFederationOptions
{
    /// <summary>The default hub port (HTTPS on hub.test).</summary>
    public const int DefaultHubPort = 50443;

    /// <summary>The default stub IDP port (HTTPS on idp.test).</summary>
    public const int DefaultIdpPort = 50444;

    /// <summary>The default test RP port (HTTPS on rp.test).</summary>
    public const int DefaultRpPort = 50445;

    /// <summary>The default matching service port (plain http on 127.0.0.1: only the hub calls it).</summary>
    public const int DefaultMsPort = 50446;

    /// <summary>The federation configuration folder (<c>federation.json</c> and metadata files).</summary>
    public string ConfigDirectory { get; init; } = "config";

    /// <summary>The sample keys (development only).</summary>
    public string CertsDirectory { get; init; } = "certs-sample";

    /// <summary>The SQLite file of the federation store.</summary>
    public string DatabasePath { get; init; } = "verify-dev.db";

    /// <summary>Plain http on 127.0.0.1 instead of HTTPS on hub.test, idp.test and rp.test.</summary>
    public bool PlainHttp { get; init; }

    /// <summary>The hub's port; 0 picks a free one.</summary>
    public int HubPort { get; init; } = DefaultHubPort;

    /// <summary>The stub IDP's port; 0 picks a free one.</summary>
    public int IdpPort { get; init; } = DefaultIdpPort;

    /// <summary>The test RP's port; 0 picks a free one.</summary>
    public int RpPort { get; init; } = DefaultRpPort;

    /// <summary>The test RP's matching service's port; 0 picks a free one.</summary>
    public int MsPort { get; init; } = DefaultMsPort;

    /// <summary>
    /// Wraps the matching service's logic (the reference engine): tests only, e.g. a department that hangs. Not
    /// reachable from the command line.
    /// </summary>
    internal Func<ILocalMatchingService, ILocalMatchingService>? MatchingLogic { get; init; }

    /// <summary>The clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}

using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;

using Verify.Matching.Engine;
using Verify.Matching.Import;
using Verify.Matching.Storage;
using Verify.MatchingService;
using Verify.MatchingService.Hosting;
using Verify.MatchingService.Matching;
using Verify.MatchingService.Matching.Reference;
using Verify.Web.Hosting;

namespace Verify.Cli.StartDev;

/// <summary>
/// The test RP's matching service in the development federation (ADR 0020): <see cref="MatchingServiceApp"/> with the
/// reference engine over a SQLite file of departmental records, seeded at every start from
/// <c>config/matching-records.jsonl</c> (so each scenario is where the README says), on its own port. It listens on
/// plain http on 127.0.0.1 in both layouts: only the hub calls it, server to server on the loopback, and every
/// assertion it exchanges is encrypted for its reader. A test may stop and start it again.
/// </summary>
public sealed class DevMatchingService : IAsyncDisposable
{
    /// <summary>Its entity ID (the hashing entity of the hashed PIDs it computes).</summary>
    public const string EntityId = "https://ms.test/matching-service";

    /// <summary>The records file in the configuration folder.</summary>
    public const string RecordsFileName = "matching-records.jsonl";

    private readonly MatchingServiceOptions _options;
    private readonly ILocalMatchingService _logic;
    private readonly string _recordsPath;
    private WebApplication? _app;

    private DevMatchingService(MatchingServiceOptions options, WebAppEndpoint endpoint, ILocalMatchingService logic, string recordsPath)
    {
        _options = options;
        Endpoint = endpoint;
        _logic = logic;
        _recordsPath = recordsPath;
        Paths = new MatchingServicePaths(endpoint);
    }

    /// <summary>Its base URL.</summary>
    public Uri Url => Endpoint.PublicBaseUrl;

    /// <summary>Its endpoints (the SOAP URLs the hub registers).</summary>
    public MatchingServicePaths Paths { get; }

    /// <summary>Whether it is listening.</summary>
    public bool IsRunning => _app is not null;

    internal WebAppEndpoint Endpoint { get; }

    /// <summary>Seeds the records (a fresh file every start) and builds the service; <see cref="StartAsync"/> starts it.</summary>
    internal static async Task<DevMatchingService> CreateAsync(
        DevFederationOptions options, MatchingServiceOptions serviceOptions, WebAppEndpoint endpoint, CancellationToken cancellationToken)
    {
        var source = Path.Combine(options.ConfigDirectory, RecordsFileName);
        if (!File.Exists(source))
        {
            throw new DevFederationException($"No {RecordsFileName} in '{Path.GetFullPath(options.ConfigDirectory)}'. Run from the repository root, or give --config.");
        }

        // Seeded afresh at every start: links and accounts made while it runs last until it stops, and the scenarios
        // the README lists are reproducible.
        var recordsPath = options.DatabasePath + ".records";
        DeleteRecords(recordsPath);
        var database = MatchingDatabase.Create(MatchingProvider.Sqlite, $"Data Source={recordsPath}");
        await database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        var matching = new MatchingOptions();
        var imported = await new RecordImporter(database, matching, options.TimeProvider).ImportAsync(source, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (imported.Errors.Count > 0)
        {
            throw new DevFederationException($"{source} was refused:" + Environment.NewLine + string.Join(Environment.NewLine, imported.Errors));
        }

        ILocalMatchingService logic = new ReferenceLocalMatchingService(ReferenceMatchingEngine.Create(database, matching, options.TimeProvider));
        return new DevMatchingService(serviceOptions, endpoint, options.MatchingLogic?.Invoke(logic) ?? logic, recordsPath);
    }

    /// <summary>Starts it (again, after <see cref="StopAsync"/>) on the same port, with the same records.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_app is not null)
        {
            return;
        }

        var app = MatchingServiceApp.Build(_options, Endpoint, _logic, "Development");
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        _app = app;
    }

    /// <summary>Stops it: its port refuses connections until <see cref="StartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_app is not { } app)
        {
            return;
        }

        _app = null;
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Its metadata, as it publishes it at <c>/SAML2/metadata</c> (what the operator registers).</summary>
    internal async Task<byte[]> MetadataAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient();
        return await client.GetByteArrayAsync(new Uri(Paths.MetadataUrl), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        SqliteConnection.ClearAllPools();
        DeleteRecords(_recordsPath);
    }

    private static void DeleteRecords(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" }.Where(File.Exists))
        {
            File.Delete(file);
        }
    }
}

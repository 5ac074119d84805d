using Verify.Federation.Registration;

namespace Verify.Federation.Import;

/// <summary>
/// Imports a config folder (<c>federation.json</c> plus the metadata files it names; format in README.md) into the
/// store, all or nothing: every entry is checked first and every problem reported with its file and entry; only a
/// folder without problems is written, in one transaction. Re-importing the same folder changes nothing (parties are
/// matched by entity ID); parties the file does not list are left alone.
/// </summary>
public sealed class FederationImporter
{
    /// <summary>The file the importer reads in the folder.</summary>
    public const string FileName = "federation.json";

    private readonly FederationStore _store;
    private readonly bool _allowLoopbackHttp;

    /// <summary>Creates an importer into <paramref name="store"/>.</summary>
    /// <param name="store">The federation store.</param>
    /// <param name="allowLoopbackHttp">Accept <c>http</c> URLs on loopback hosts (development only).</param>
    public FederationImporter(FederationStore store, bool allowLoopbackHttp = false)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _allowLoopbackHttp = allowLoopbackHttp;
    }

    /// <summary>Checks the folder without writing anything: the errors an import would report.</summary>
    public FederationImportResult Check(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var reader = new ConfigReader(folder, _allowLoopbackHttp);
        reader.Read();
        return new FederationImportResult { Errors = reader.Errors, PartyCount = reader.PartyCount };
    }

    /// <summary>Checks the folder and, when it has no problem, writes every party in one transaction.</summary>
    public async Task<FederationImportResult> ImportAsync(string folder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var reader = new ConfigReader(folder, _allowLoopbackHttp);
        reader.Read();
        if (reader.Errors.Count > 0)
        {
            return new FederationImportResult { Errors = reader.Errors, PartyCount = reader.PartyCount };
        }

        try
        {
            var changes = await _store.AddOrUpdateAsync(reader.RelyingParties, reader.IdentityProviders, reader.OidcIdentityProviders, reader.OidcRelyingParties, cancellationToken).ConfigureAwait(false);
            return new FederationImportResult { Changes = changes, PartyCount = reader.PartyCount };
        }
        catch (RegistrationRefusedException ex)
        {
            // Conflicts with what is already stored (an entity ID registered in the other role).
            return new FederationImportResult { Errors = [$"{FileName}: {ex.Message}"], PartyCount = reader.PartyCount };
        }
    }
}

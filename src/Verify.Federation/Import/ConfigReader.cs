using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

using Verify.Federation.Registration;

namespace Verify.Federation.Import;

/// <summary>
/// Reads a config folder: <c>federation.json</c> and the metadata files it names, each entry checked as a
/// registration. Every problem is collected with its file and entry, so an operator can fix them all in one go.
/// </summary>
internal sealed class ConfigReader(string folder, bool allowLoopbackHttp)
{
    private const long MaxConfigBytes = 1024 * 1024;
    private const long MaxMetadataBytes = 16 * 1024 * 1024;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private readonly string _folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));

    public List<string> Errors { get; } = [];

    public List<RelyingPartyRegistration> RelyingParties { get; } = [];

    public List<IdentityProviderRegistration> IdentityProviders { get; } = [];

    public List<OidcIdentityProviderRegistration> OidcIdentityProviders { get; } = [];

    public List<OidcRelyingPartyRegistration> OidcRelyingParties { get; } = [];

    public int PartyCount { get; private set; }

    public void Read()
    {
        var path = Path.Combine(_folder, FederationImporter.FileName);
        if (!File.Exists(path))
        {
            Errors.Add($"{FederationImporter.FileName}: not found in '{_folder}'; give the folder that holds it.");
            return;
        }

        FederationConfig? config;
        try
        {
            using var stream = File.OpenRead(path);
            config = stream.Length <= MaxConfigBytes
                ? JsonSerializer.Deserialize<FederationConfig>(stream, Json)
                : throw new JsonException($"larger than {MaxConfigBytes / 1024} KiB");
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? string.Create(CultureInfo.InvariantCulture, $" line {line + 1}") : "";
            Errors.Add($"{FederationImporter.FileName}{where}: not valid configuration JSON ({ex.Message}). Fix it and import again.");
            return;
        }

        config ??= new FederationConfig();
        PartyCount = config.RelyingParties.Count + config.IdentityProviders.Count + config.OidcIdentityProviders.Count + config.OidcRelyingParties.Count;
        for (var i = 0; i < config.RelyingParties.Count; i++)
        {
            var entry = config.RelyingParties[i];
            Entry($"relyingParties[{i}]", entry?.Metadata, xml => RelyingParties.Add(RelyingPartyRegistration.FromMetadata(xml, ConfigSettings.For(entry, ReadMetadata), allowLoopbackHttp)));
        }

        for (var i = 0; i < config.IdentityProviders.Count; i++)
        {
            var entry = config.IdentityProviders[i];
            Entry($"identityProviders[{i}]", entry?.Metadata, xml => IdentityProviders.Add(IdentityProviderRegistration.FromMetadata(xml, ConfigSettings.For(entry), allowLoopbackHttp)));
        }

        for (var i = 0; i < config.OidcIdentityProviders.Count; i++)
        {
            var entry = config.OidcIdentityProviders[i];
            Entry($"oidcIdentityProviders[{i}]", entry?.Jwks, jwks => OidcIdentityProviders.Add(OidcIdentityProviderRegistration.Create(
                ConfigSettings.For(entry, jwks.Length == 0 ? null : System.Text.Encoding.UTF8.GetString(jwks)), allowLoopbackHttp)), optional: true);
        }

        for (var i = 0; i < config.OidcRelyingParties.Count; i++)
        {
            var entry = config.OidcRelyingParties[i];
            Entry($"oidcRelyingParties[{i}]", entry?.Jwks, jwks => OidcRelyingParties.Add(OidcRelyingPartyRegistration.Create(
                ConfigSettings.For(entry, jwks.Length == 0 ? null : System.Text.Encoding.UTF8.GetString(jwks), ReadMetadata), allowLoopbackHttp)), optional: true);
        }

        // One entity ID, one entry: otherwise which settings win would depend on file order.
        var entries = RelyingParties.Select(r => r.EntityId).Concat(IdentityProviders.Select(i => i.EntityId)).Concat(OidcIdentityProviders.Select(i => i.Issuer))
            .Concat(OidcRelyingParties.Select(r => r.ClientId));
        foreach (var twice in entries.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            Errors.Add($"{FederationImporter.FileName}: entity '{twice.Key}' is listed {twice.Count()} times; list each party once.");
        }
    }

    private void Entry(string entry, string? metadata, Action<byte[]> register, bool optional = false)
    {
        var label = $"{FederationImporter.FileName} {entry}" + (metadata is null ? "" : $" ({metadata})");
        try
        {
            register(optional && metadata is null ? [] : ReadMetadata(metadata));
        }
        catch (RegistrationRefusedException ex)
        {
            Errors.Add($"{label}: {ex.Message}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Errors.Add($"{label}: the metadata file could not be read ({ex.Message}).");
        }
    }

    private byte[] ReadMetadata(string? relative)
    {
        if (string.IsNullOrWhiteSpace(relative))
        {
            throw new RegistrationRefusedException("\"metadata\" is missing; give the party's metadata file, relative to the config folder.");
        }

        // Metadata paths stay inside the config folder, so a config cannot pick up files from elsewhere on the host.
        var full = Path.GetFullPath(Path.Combine(_folder, relative));
        if (Path.IsPathRooted(relative) || !full.StartsWith(_folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new RegistrationRefusedException("the metadata path must be relative to the config folder and stay inside it.");
        }

        var file = new FileInfo(full);
        return !file.Exists ? throw new RegistrationRefusedException($"the metadata file '{relative}' does not exist in '{_folder}'.")
            : file.Length > MaxMetadataBytes ? throw new RegistrationRefusedException($"the metadata file is larger than {MaxMetadataBytes / (1024 * 1024)} MiB.")
            : File.ReadAllBytes(full);
    }
}

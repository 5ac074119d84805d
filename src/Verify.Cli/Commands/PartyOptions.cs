using System.CommandLine;

using Verify.Federation.Parties;
using Verify.Saml.Trust;

namespace Verify.Cli.Commands;

/// <summary>The options <c>verify rp add</c> and <c>verify idp add</c> share, and their checks (exit 2 when wrong).</summary>
internal sealed class PartyOptions(string defaultTrust)
{
    private const long MaxMetadataBytes = 16 * 1024 * 1024;

    public Option<FileInfo?> Metadata { get; } = new("--metadata") { Description = "The party's SAML metadata (one md:EntityDescriptor).", HelpName = "FILE" };

    public Option<string[]> Levels { get; } = new("--loa") { Description = "A level of assurance, LEVEL_1 to LEVEL_4 (repeat for several).", HelpName = "LEVEL" };

    public Option<string?> Trust { get; } = new("--trust") { Description = $"How its keys are trusted: pinned or pkix (default: {defaultTrust}).", HelpName = "KIND" };

    public Option<string?> Name { get; } = new("--name") { Description = "Display name in English (default: the metadata's organization display name).", HelpName = "TEXT" };

    public Option<string?> NameCy { get; } = new("--name-cy") { Description = "Display name in Welsh (needs --name).", HelpName = "TEXT" };

    public Option<bool> Disabled { get; } = new("--disabled") { Description = "Register it disabled (enable later with 'enable')." };

    public Option<bool> AllowLoopbackHttp { get; } = new("--allow-loopback-http") { Description = "Accept http:// endpoints on localhost/127.0.0.1 (development only)." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Metadata, Levels, Trust, Name, NameCy, Disabled, AllowLoopbackHttp })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The metadata file's bytes.</summary>
    public byte[] ReadMetadata(ParseResult parseResult) =>
        ReadFile(parseResult.GetValue(Metadata) ?? throw new CliUsageException("--metadata FILE is required: the party's SAML metadata."), "--metadata", "the party's metadata");

    /// <summary>A metadata file's bytes, refused when missing or too large to be metadata.</summary>
    public static byte[] ReadFile(FileInfo file, string option, string what)
    {
        if (!file.Exists)
        {
            throw new CliUsageException($"'{file.FullName}' does not exist; give the path of {what} with {option}.");
        }

        return file.Length <= MaxMetadataBytes
            ? File.ReadAllBytes(file.FullName)
            : throw new CliUsageException($"'{file.Name}' is larger than {MaxMetadataBytes / (1024 * 1024)} MiB; that is not party metadata.");
    }

    /// <summary>The levels given with --loa.</summary>
    public IReadOnlyList<string> ReadLevels(ParseResult parseResult) =>
        parseResult.GetValue(Levels) is { Length: > 0 } levels
            ? levels
            : throw new CliUsageException("give at least one level of assurance: --loa LEVEL_2 (repeat --loa for several).");

    /// <summary>The trust kind given with --trust, or null for the role's default.</summary>
    public TrustKind? ReadTrust(ParseResult parseResult) => ParseTrust(parseResult.GetValue(Trust), "--trust");

    /// <summary>A trust kind given with <paramref name="option"/>, or null for the role's default.</summary>
    public static TrustKind? ParseTrust(string? value, string option) => value?.Trim().ToUpperInvariant() switch
    {
        null => null,
        "PINNED" => TrustKind.Pinned,
        "PKIX" => TrustKind.Pkix,
        var other => throw new CliUsageException($"{option} {other?.ToLowerInvariant()}: use {option} pinned or {option} pkix."),
    };

    /// <summary>The display name given with --name and --name-cy, or null to take it from the metadata.</summary>
    public BilingualText? ReadName(ParseResult parseResult) => (parseResult.GetValue(Name), parseResult.GetValue(NameCy)) switch
    {
        (null, null) => null,
        (null, _) => throw new CliUsageException("--name-cy needs --name: the English name is required, the Welsh one optional."),
        ({ } en, _) when string.IsNullOrWhiteSpace(en) => throw new CliUsageException("--name is empty."),
        ({ } en, var cy) => new BilingualText(en, cy),
    };
}

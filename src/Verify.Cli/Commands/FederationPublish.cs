using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text;

using Verify.Federation;
using Verify.Federation.Publishing;
using Verify.Saml.Metadata;
using Verify.Saml.Xml;

namespace Verify.Cli.Commands;

/// <summary>
/// <c>verify federation publish</c>: builds the federation metadata (the hub and every enabled IDP), signs it with the
/// metadata-signing key given on the command line, verifies the signature back against that certificate, and stores
/// it for the hub to serve. The key is the operator's, never the hub's (ARCHITECTURE.md): a hub key is refused.
/// </summary>
internal sealed class FederationPublish(FederationStoreOptions store)
{
    /// <summary>How long published metadata stays valid without <c>--valid-for</c>.</summary>
    public const string DefaultValidFor = "7d";

    private static readonly TimeSpan MaxValidFor = TimeSpan.FromDays(365);

    public Command Create()
    {
        var key = new Option<FileInfo?>("--key") { Description = "The metadata-signing private key (PEM).", HelpName = "KEY.pem" };
        var cert = new Option<FileInfo?>("--cert") { Description = "Its certificate (PEM), written into KeyInfo.", HelpName = "CERT.pem" };
        var hub = new Option<FileInfo?>("--hub-metadata") { Description = "The hub's own metadata (one md:EntityDescriptor).", HelpName = "HUB.xml" };
        var validFor = new Option<string>("--valid-for") { Description = "How long the metadata is valid: 7d, 12h, 90m (at most 365d).", HelpName = "DURATION", DefaultValueFactory = _ => DefaultValidFor };
        var outFile = new Option<FileInfo?>("--out") { Description = "Also write the signed metadata here.", HelpName = "FILE" };
        var allowLoopbackHttp = new Option<bool>("--allow-loopback-http") { Description = "Accept http:// endpoints (development only)." };
        var command = new Command("publish", "Build, sign (metadata-signing key), verify and store the federation metadata the hub serves.") { key, cert, hub, validFor, outFile, allowLoopbackHttp };
        store.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => FederationStoreOptions.RunAsync("federation publish", parseResult.InvocationConfiguration.Error, async () =>
        {
            var keyFile = Required(parseResult.GetValue(key), "--key KEY.pem (the metadata-signing private key)");
            var certFile = Required(parseResult.GetValue(cert), "--cert CERT.pem (the metadata-signing certificate)");
            var hubFile = Required(parseResult.GetValue(hub), "--hub-metadata HUB.xml (the hub's own metadata)");
            var lifetime = ParseDuration(parseResult.GetRequiredValue(validFor));
            var readerOptions = new MetadataReaderOptions { RequireHttps = !parseResult.GetValue(allowLoopbackHttp) };
            var hubEntity = new MetadataReader(readerOptions).Read(SecureXml.Load(File.ReadAllBytes(hubFile.FullName), SecureXmlOptions.Metadata)) as EntityDescriptor
                ?? throw new CliUsageException("--hub-metadata must hold exactly one md:EntityDescriptor: the hub's own.");

            using var certificate = X509Certificate2.CreateFromPemFile(certFile.FullName, keyFile.FullName);
            RequireNotAHubKey(certificate, hubEntity);
            var opened = await store.OpenAsync(parseResult, cancellationToken).ConfigureAwait(false);
            var snapshot = await opened.LoadSnapshotAsync(cancellationToken).ConfigureAwait(false);
            var validUntil = store.TimeProvider.GetUtcNow() + lifetime;
            var document = FederationMetadataBuilder.Build(hubEntity, snapshot, validUntil);
            using (var credential = SigningCredential.FromCertificate(certificate))
            {
                MetadataSigner.Sign(document, credential, validUntil);
            }

            var signed = Encoding.UTF8.GetBytes(document.OuterXml);
            using var publicOnly = X509CertificateLoader.LoadCertificate(certificate.RawData);
            var verifier = MetadataVerifier.Pinned([publicOnly], store.TimeProvider, new MetadataVerifierOptions { Reader = readerOptions });
            var published = await opened.PublishMetadataAsync(signed, verifier, cancellationToken).ConfigureAwait(false);
            if (parseResult.GetValue(outFile) is { } target)
            {
                await File.WriteAllBytesAsync(target.FullName, signed, cancellationToken).ConfigureAwait(false);
            }

            var idps = snapshot.IdentityProviders.Count(i => i.Enabled);
            await parseResult.InvocationConfiguration.Output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"Published federation metadata: the hub and {idps} identity provider(s), signed by {certificate.Subject}, valid until {published.ValidUntil:yyyy-MM-dd'T'HH:mm:ss'Z'} (SHA-256 {published.Sha256}).")).ConfigureAwait(false);
            foreach (var problem in snapshot.Problems)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"warning: left out: {problem}").ConfigureAwait(false);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>"7d", "12h", "90m"; a bare number is days.</summary>
    internal static TimeSpan ParseDuration(string value)
    {
        var text = value.Trim().ToUpperInvariant();
        var (number, unit) = text.Length > 0 && char.IsLetter(text[^1]) ? (text[..^1], text[^1]) : (text, 'D');
        TimeSpan? duration = int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? unit switch { 'D' => TimeSpan.FromDays(n), 'H' => TimeSpan.FromHours(n), 'M' => TimeSpan.FromMinutes(n), _ => null }
            : null;
        return duration is { } valid && valid <= MaxValidFor
            ? valid
            : throw new CliUsageException($"--valid-for '{value}': give a positive duration of at most 365d, such as 7d, 12h or 90m.");
    }

    private static FileInfo Required(FileInfo? file, string what) =>
        file is null ? throw new CliUsageException($"{what} is required.")
        : file.Exists ? file
        : throw new CliUsageException($"'{file.FullName}' does not exist (for {what}).");

    /// <summary>ARCHITECTURE.md: the metadata-signing key never sits on the hub, so that a compromised hub cannot publish a key of its own.</summary>
    private static void RequireNotAHubKey(X509Certificate2 signing, EntityDescriptor hub)
    {
        var key = signing.PublicKey.EncodedKeyValue.RawData;
        if (hub.Roles.SelectMany(r => r.KeyDescriptors).SelectMany(k => k.Certificates).Any(c => c.PublicKey.EncodedKeyValue.RawData.AsSpan().SequenceEqual(key)))
        {
            throw new Federation.Registration.RegistrationRefusedException("The signing key is one of the hub's own keys. Sign federation metadata with the metadata-signing key (e.g. certs-sample/metadata-signing.*), which must never sit on the hub.");
        }
    }
}

using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

using Verify.Saml.Errors;
using Verify.Saml.Metadata;
using Verify.Saml.Trust;
using Verify.Saml.Xml;

namespace Verify.Cli.Commands;

/// <summary>
/// <c>verify metadata</c>: the operator's offline metadata signer. <c>sign</c> checks the federation metadata strictly,
/// sets its <c>validUntil</c> and signs it with the metadata-signing key; <c>verify</c> checks a signed document
/// against the metadata-signing certificate (<c>--cert</c>, pinned) or under PKIX (<c>--root</c> and <c>--ca</c>, the
/// metadata CA: the KeyInfo certificate must chain through it) and lists the entities. Exit 0 only when valid and in date.
/// </summary>
internal sealed class MetadataCommand(TimeProvider timeProvider) : ICommandFactory
{
    /// <summary>How long signed metadata stays valid when the document has no <c>validUntil</c> and no <c>--valid-for</c> is given.</summary>
    public const int DefaultValidForDays = 14;

    private readonly TimeProvider _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));

    /// <inheritdoc />
    public Command Create()
    {
        var metadata = new Command("metadata", "Sign and verify federation metadata.");
        metadata.Subcommands.Add(CreateSign());
        metadata.Subcommands.Add(CreateVerify());
        return metadata;
    }

    private Command CreateSign()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The federation metadata (md:EntitiesDescriptor or md:EntityDescriptor), unsigned." };
        var key = new Option<FileInfo>("--key") { Description = "The metadata-signing private key (PEM).", HelpName = "PEM", Required = true };
        var cert = new Option<FileInfo>("--cert") { Description = "Its certificate (PEM), written into KeyInfo.", HelpName = "PEM", Required = true };
        var validFor = new Option<int?>("--valid-for") { Description = $"Set validUntil to now + DAYS (default when absent: {DefaultValidForDays}).", HelpName = "DAYS" };
        var output = new Option<FileInfo?>("--out") { Description = "Write here instead of standard output.", HelpName = "FILE" };
        var command = new Command("sign", "Check FILE strictly, set validUntil and sign it with the metadata-signing key.") { file, key, cert, validFor, output };
        command.SetAction(r => Run("sign", r.InvocationConfiguration.Error, () => Sign(
            r.GetRequiredValue(file), r.GetRequiredValue(key), r.GetRequiredValue(cert), r.GetValue(validFor), r.GetValue(output), r.InvocationConfiguration.Output)));
        return command;
    }

    private Command CreateVerify()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The signed federation metadata." };
        var certs = new Option<FileInfo[]>("--cert") { Description = "A trusted metadata-signing certificate (PEM, repeatable; pinned: dates not checked).", HelpName = "PEM" };
        var root = new Option<FileInfo?>("--root") { Description = "The federation root (PEM): verify under PKIX instead of --cert.", HelpName = "PEM" };
        var ca = new Option<FileInfo?>("--ca") { Description = "With --root: the metadata CA (PEM) the signing certificate must be issued by.", HelpName = "PEM" };
        var crls = new Option<FileInfo[]>("--crl") { Description = "With --root: a CRL (DER or PEM) of the root or metadata CA (repeatable).", HelpName = "FILE" };
        var command = new Command("verify", "Verify FILE's signature and validUntil and list its entities. Exit 0 only when valid and in date.") { file, certs, root, ca, crls };
        command.SetAction(r => Run("verify", r.InvocationConfiguration.Error, () => Verify(
            r.GetRequiredValue(file), r.GetValue(certs) ?? [], r.GetValue(root), r.GetValue(ca), r.GetValue(crls) ?? [], r.InvocationConfiguration.Output, r.InvocationConfiguration.Error)));
        return command;
    }

    private int Sign(FileInfo file, FileInfo key, FileInfo cert, int? validForDays, FileInfo? outFile, TextWriter output)
    {
        if (validForDays is <= 0)
        {
            throw new ArgumentException("--valid-for must be a positive number of days.");
        }

        var document = SecureXml.Load(File.ReadAllBytes(file.FullName), SecureXmlOptions.Metadata);
        var metadata = MetadataReader.Default.Read(document);
        DateTimeOffset? validUntil = validForDays is not null || metadata.ValidUntil is null
            ? _timeProvider.GetUtcNow().AddDays(validForDays ?? DefaultValidForDays)
            : null;
        using var certificate = X509Certificate2.CreateFromPemFile(cert.FullName, key.FullName);
        using var credential = SigningCredential.FromCertificate(certificate);
        MetadataSigner.Sign(document, credential, validUntil);
        if (outFile is null)
        {
            output.WriteLine(document.OuterXml);
            return ExitCodes.Success;
        }

        File.WriteAllText(outFile.FullName, document.OuterXml, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        output.WriteLine($"Signed {metadata.Entities.Count()} entities, valid until {Format(validUntil ?? metadata.ValidUntil!.Value)}, to '{outFile.FullName}'.");
        return ExitCodes.Success;
    }

    private int Verify(FileInfo file, FileInfo[] certs, FileInfo? root, FileInfo? ca, FileInfo[] crls, TextWriter output, TextWriter error)
    {
        if ((certs.Length > 0) == (root is not null) || (root is null) != (ca is null) || (crls.Length > 0 && root is null))
        {
            error.WriteLine("verify metadata verify: give --cert PEM (pinned), or --root PEM with --ca PEM (PKIX, optionally --crl), not both.");
            return ExitCodes.Usage;
        }

        var verifier = root is null
            ? MetadataVerifier.Pinned([.. certs.SelectMany(Certificates)], _timeProvider)
            : MetadataVerifier.Pkix(
                new FederationTrustAnchors(Certificates(root).Single(), metadataCa: Certificates(ca!).Single(), revocationLists: crls.Select(c => CertificateRevocationList.Load(File.ReadAllBytes(c.FullName)))),
                _timeProvider);
        var verified = verifier.Verify(File.ReadAllBytes(file.FullName));
        output.WriteLine($"Signature: valid ({(root is null ? "pinned certificate" : "PKIX via the metadata CA")}), signed by {verified.SignerCertificate?.Subject}.");
        output.WriteLine($"Valid until: {(verified.ValidUntil is { } until ? Format(until) : "(none)")}");
        foreach (var entity in verified.Entities)
        {
            output.WriteLine($"  {entity.EntityId}  [{string.Join(", ", entity.Roles.Select(r => r.GetType().Name.Replace("Descriptor", "", StringComparison.Ordinal)))}]");
        }

        return ExitCodes.Success;
    }

    private static int Run(string name, TextWriter error, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (SamlException ex)
        {
            error.WriteLine($"{ex.Error.Id} {ex.Error.Code}: {ex.Error.Message}");
            return ExitCodes.Failure;
        }
        catch (Exception ex) when (ex is IOException or CryptographicException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            error.WriteLine($"verify metadata {name}: {ex.Message}");
            return ExitCodes.Failure;
        }
    }

    private static X509Certificate2Collection Certificates(FileInfo pem)
    {
        var collection = new X509Certificate2Collection();
        collection.ImportFromPemFile(pem.FullName);
        return collection.Count > 0 ? collection : throw new ArgumentException($"No certificate in '{pem.Name}'.");
    }

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Trust;
using Verify.Saml.Xml;

namespace Verify.Cli.Commands;

/// <summary>
/// <c>verify saml</c>: what integrators need to see what is on the wire. <c>decode</c> turns a Redirect
/// query string or a POST value into readable XML, <c>verify</c> checks every signature under our
/// profile, <c>sign</c> signs a document (for fixtures and peers).
/// </summary>
internal sealed class SamlCommand : ICommandFactory
{
    /// <inheritdoc />
    public Command Create()
    {
        var saml = new Command("saml", "Decode, verify and sign SAML messages.");
        saml.Subcommands.Add(SamlDecodeCommand.Create());
        saml.Subcommands.Add(CreateVerify());
        saml.Subcommands.Add(CreateSign());
        saml.Subcommands.Add(SamlCryptoCommands.CreateEncrypt());
        saml.Subcommands.Add(SamlCryptoCommands.CreateDecrypt());
        return saml;
    }

    private static Command CreateVerify()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The SAML message or metadata (XML)." };
        var certs = new Option<FileInfo[]>("--cert") { Description = "A PEM certificate trusted for the signer (repeatable).", HelpName = "PEM", AllowMultipleArgumentsPerToken = false };
        var metadata = new Option<FileInfo?>("--metadata") { Description = "SAML metadata whose signing keys are trusted for the signer.", HelpName = "XML" };
        var command = new Command("verify", "Check every signature in FILE under Verify's signature profile. Exit 0 only when every signature is valid and the root, or each assertion, is signed.")
        {
            file, certs, metadata,
        };
        command.SetAction(result => RunVerify(
            result.GetRequiredValue(file), result.GetValue(certs) ?? [], result.GetValue(metadata), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    private static int RunVerify(FileInfo file, FileInfo[] certs, FileInfo? metadata, TextWriter output, TextWriter error)
    {
        if (certs.Length == 0 == (metadata is null))
        {
            error.WriteLine("verify saml verify: give the signer's keys with --cert PEM (one or more) or --metadata XML, not both.");
            return ExitCodes.Usage;
        }

        try
        {
            var keys = metadata is null ? TrustedKeys.FromPemFiles(certs) : TrustedKeys.FromMetadata(metadata);
            var document = SecureXml.Load(File.ReadAllBytes(file.FullName), SecureXmlOptions.Metadata);
            var report = SignatureReport.Check(document, keys);
            report.WriteTo(output);
            if (!report.Acceptable)
            {
                error.WriteLine(report.Problem);
                return ExitCodes.Failure;
            }

            return ExitCodes.Success;
        }
        catch (SamlException ex)
        {
            error.WriteLine($"{ex.Error.Id} {ex.Error.Code}: {ex.Error.Message}");
            return ExitCodes.Failure;
        }
        catch (Exception ex) when (ex is IOException or CryptographicException or UnauthorizedAccessException)
        {
            error.WriteLine($"verify saml verify: {ex.Message}");
            return ExitCodes.Failure;
        }
    }

    private static Command CreateSign()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The XML to sign; its root element needs an ID attribute." };
        var key = new Option<FileInfo>("--key") { Description = "The private key (PEM, PKCS#8 or PKCS#1).", HelpName = "PEM", Required = true };
        var cert = new Option<FileInfo>("--cert") { Description = "The certificate of that key (PEM), written into KeyInfo.", HelpName = "PEM", Required = true };
        var assertions = new Option<bool>("--assertions") { Description = "Also sign every saml:Assertion child of the root (before the root)." };
        var rootOnly = new Option<bool>("--no-root") { Description = "Do not sign the root element (with --assertions: sign the assertions only)." };
        var hash = new Option<string>("--hash") { Description = "sha256 (default), sha384 or sha512 (RSA only).", DefaultValueFactory = _ => "sha256" };
        hash.AcceptOnlyFromAmong("sha256", "sha384", "sha512");
        var output = new Option<FileInfo?>("--out") { Description = "Write here instead of standard output.", HelpName = "FILE" };
        var command = new Command("sign", "Sign FILE with an enveloped signature (exclusive c14n, RSA-SHA256 or ECDSA-SHA256).")
        {
            file, key, cert, assertions, rootOnly, hash, output,
        };
        command.SetAction(result => RunSign(
            result.GetRequiredValue(file),
            result.GetRequiredValue(key),
            result.GetRequiredValue(cert),
            result.GetValue(assertions),
            !result.GetValue(rootOnly),
            new HashAlgorithmName(result.GetValue(hash)!.ToUpperInvariant()),
            result.GetValue(output),
            result.InvocationConfiguration.Output,
            result.InvocationConfiguration.Error));
        return command;
    }

    private static int RunSign(FileInfo file, FileInfo key, FileInfo cert, bool assertions, bool root, HashAlgorithmName hash, FileInfo? outFile, TextWriter output, TextWriter error)
    {
        try
        {
            using var certificate = X509Certificate2.CreateFromPemFile(cert.FullName, key.FullName);
            using var credential = SigningCredential.FromCertificate(certificate, hash);
            var document = SecureXml.Load(File.ReadAllBytes(file.FullName), SecureXmlOptions.Metadata);
            if (assertions)
            {
                foreach (var assertion in document.DocumentElement!.ChildNodes.OfType<XmlElement>().Where(e => e is { LocalName: "Assertion", NamespaceURI: XmlNames.Saml }).ToList())
                {
                    XmlSigner.Sign(assertion, credential);
                }
            }

            if (root)
            {
                XmlSigner.Sign(document.DocumentElement!, credential);
            }

            var xml = document.OuterXml;
            if (outFile is null)
            {
                output.WriteLine(xml);
            }
            else
            {
                File.WriteAllText(outFile.FullName, xml, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }

            return ExitCodes.Success;
        }
        catch (SamlException ex)
        {
            error.WriteLine($"{ex.Error.Id} {ex.Error.Code}: {ex.Error.Message}");
            return ExitCodes.Failure;
        }
        catch (Exception ex) when (ex is IOException or CryptographicException or UnauthorizedAccessException)
        {
            error.WriteLine($"verify saml sign: {ex.Message}");
            return ExitCodes.Failure;
        }
    }
}

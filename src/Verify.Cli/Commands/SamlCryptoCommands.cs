using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Xml;
using Verify.Saml.Xml.Encryption;

namespace Verify.Cli.Commands;

/// <summary>
/// <c>verify saml encrypt</c> and <c>verify saml decrypt</c>: XML Encryption of assertions the way the
/// hub does it (AES-GCM, RSA-OAEP-MGF1P), for fixtures, peers and looking inside a captured message.
/// </summary>
internal static class SamlCryptoCommands
{
    /// <summary><c>verify saml encrypt FILE --cert PEM [--aes128] [--out F]</c>.</summary>
    internal static Command CreateEncrypt()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The SAML message whose root's saml:Assertion children are encrypted." };
        var cert = new Option<FileInfo>("--cert") { Description = "The recipient's encryption certificate (PEM, RSA of at least 2048 bits).", HelpName = "PEM", Required = true };
        var aes128 = new Option<bool>("--aes128") { Description = "Encrypt the data with AES-128-GCM instead of AES-256-GCM." };
        var output = new Option<FileInfo?>("--out") { Description = "Write here instead of standard output.", HelpName = "FILE" };
        var command = new Command("encrypt", "Encrypt every saml:Assertion child of the root for one recipient (AES-GCM, key wrapped with RSA-OAEP-MGF1P). Sign the assertions before, and the root after.")
        {
            file, cert, aes128, output,
        };
        command.SetAction(result => RunEncrypt(
            result.GetRequiredValue(file),
            result.GetRequiredValue(cert),
            result.GetValue(aes128) ? DataEncryptionAlgorithm.Aes128Gcm : DataEncryptionAlgorithm.Aes256Gcm,
            result.GetValue(output),
            result.InvocationConfiguration.Output,
            result.InvocationConfiguration.Error));
        return command;
    }

    /// <summary><c>verify saml decrypt FILE --key PEM [--key PEM…] [--out F]</c>.</summary>
    internal static Command CreateDecrypt()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The SAML message holding saml:EncryptedAssertion elements." };
        var keys = new Option<FileInfo[]>("--key") { Description = "A private key (PEM) the assertions may be encrypted for; repeat for a key rollover.", HelpName = "PEM", Required = true, AllowMultipleArgumentsPerToken = false };
        var output = new Option<FileInfo?>("--out") { Description = "Write here instead of standard output.", HelpName = "FILE" };
        var command = new Command("decrypt", "Decrypt every saml:EncryptedAssertion in FILE, in place. Check the root's signature before: decrypting changes what it covered.")
        {
            file, keys, output,
        };
        command.SetAction(result => RunDecrypt(
            result.GetRequiredValue(file), result.GetValue(keys) ?? [], result.GetValue(output), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    private static int RunEncrypt(FileInfo file, FileInfo cert, DataEncryptionAlgorithm algorithm, FileInfo? outFile, TextWriter output, TextWriter error) =>
        Guard("encrypt", error, () =>
        {
            using var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(cert.FullName));
            using var recipient = EncryptionRecipient.FromCertificate(certificate);
            var document = SecureXml.Load(File.ReadAllBytes(file.FullName), SecureXmlOptions.Metadata);
            var root = document.DocumentElement!;
            var assertions = root.ChildNodes.OfType<XmlElement>().Where(e => e is { LocalName: "Assertion", NamespaceURI: XmlNames.Saml }).ToList();
            if (assertions.Count == 0)
            {
                return Fail(error, "verify saml encrypt: the root has no saml:Assertion child to encrypt.");
            }

            assertions.ForEach(assertion => XmlEncryptor.EncryptAssertion(assertion, recipient, algorithm));

            if (root.ChildNodes.OfType<XmlElement>().Any(e => e is { LocalName: "Signature", NamespaceURI: XmlNames.DSig }))
            {
                // SAML Core 6.2: the Response is signed after its assertions are encrypted.
                error.WriteLine("verify saml encrypt: warning: the root's signature covered the plaintext and no longer verifies; sign the root again.");
            }

            return Write(document, outFile, output);
        });

    private static int RunDecrypt(FileInfo file, FileInfo[] keyFiles, FileInfo? outFile, TextWriter output, TextWriter error)
    {
        var rsaKeys = new List<RSA>();
        try
        {
            return Guard("decrypt", error, () =>
            {
                foreach (var keyFile in keyFiles)
                {
                    rsaKeys.Add(RSA.Create());
                    rsaKeys[^1].ImportFromPem(File.ReadAllText(keyFile.FullName));
                }

                var keys = rsaKeys.ConvertAll(rsa => DecryptionKey.FromPrivateKey(rsa));
                var document = SecureXml.Load(File.ReadAllBytes(file.FullName), SecureXmlOptions.Metadata);
                var encrypted = document.GetElementsByTagName("EncryptedAssertion", XmlNames.Saml).OfType<XmlElement>().ToList();
                encrypted.ForEach(element => XmlDecryptor.DecryptAssertion(element, keys, SecureXmlOptions.Metadata));
                return encrypted.Count > 0
                    ? Write(document, outFile, output)
                    : Fail(error, "verify saml decrypt: FILE has no saml:EncryptedAssertion.");
            });
        }
        finally
        {
            rsaKeys.ForEach(rsa => rsa.Dispose());
        }
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        return ExitCodes.Failure;
    }

    private static int Guard(string verb, TextWriter error, Func<int> run)
    {
        try
        {
            return run();
        }
        catch (SamlException ex)
        {
            return Fail(error, $"{ex.Error.Id} {ex.Error.Code}: {ex.Error.Message}");
        }
        catch (Exception ex) when (ex is IOException or CryptographicException or UnauthorizedAccessException or ArgumentException)
        {
            return Fail(error, $"verify saml {verb}: {ex.Message}");
        }
    }

    /// <summary>
    /// Writes the document without re-indenting, with line breaks inside attribute values as character
    /// references, so every signature in it still verifies when the file is read again.
    /// </summary>
    private static int Write(XmlDocument document, FileInfo? outFile, TextWriter output)
    {
        var settings = new XmlWriterSettings { OmitXmlDeclaration = true, NewLineHandling = NewLineHandling.Entitize };
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, settings))
        {
            document.WriteTo(writer);
        }

        if (outFile is null)
        {
            output.WriteLine(text.ToString());
        }
        else
        {
            File.WriteAllText(outFile.FullName, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }

        return ExitCodes.Success;
    }
}

namespace Verify.Pki;

/// <summary>
/// A generated sample federation PKI: its credentials in issuing order and the files that represent it.
/// Dispose it to release the keys.
/// </summary>
public sealed class SamplePki : IDisposable
{
    /// <summary>The development TLS certificate followed by its intermediate, for servers that send the chain.</summary>
    public const string TlsChainFileName = "tls-chain.pem";

    /// <summary>The generated description of every file and the warning that none of it is for production.</summary>
    public const string ReadmeFileName = "README.md";

    private readonly Dictionary<string, SampleCredential> _byName;

    internal SamplePki(DateTimeOffset generatedAt, IReadOnlyList<SampleCredential> credentials)
    {
        GeneratedAt = generatedAt;
        Credentials = credentials;
        _byName = credentials.ToDictionary(credential => credential.Name, StringComparer.Ordinal);
    }

    /// <summary>When the PKI was generated (UTC, whole seconds); validity windows are relative to it.</summary>
    public DateTimeOffset GeneratedAt { get; }

    /// <summary>Every credential, issuers before what they issue.</summary>
    public IReadOnlyList<SampleCredential> Credentials { get; }

    /// <summary>The credential with the given file stem, e.g. <c>stub-idp-signing</c>.</summary>
    /// <exception cref="KeyNotFoundException">No credential has that name.</exception>
    public SampleCredential this[string name] => _byName[name];

    /// <summary>
    /// The files that represent this PKI: <c>{name}.crt</c> and <c>{name}.key</c> for every credential,
    /// <see cref="TlsChainFileName"/>, and <see cref="ReadmeFileName"/>.
    /// </summary>
    public IReadOnlyList<SamplePkiFile> ToFiles()
    {
        var files = new List<SamplePkiFile>();
        foreach (var credential in Credentials)
        {
            files.Add(new SamplePkiFile(credential.CertificateFileName, credential.ExportCertificatePem() + "\n", IsPrivateKey: false));
            files.Add(new SamplePkiFile(credential.KeyFileName, credential.ExportPrivateKeyPem() + "\n", IsPrivateKey: true));
        }

        var tls = this["tls"];
        var tlsChain = tls.ExportCertificatePem() + "\n" + this[tls.IssuerName!].ExportCertificatePem() + "\n";
        files.Add(new SamplePkiFile(TlsChainFileName, tlsChain, IsPrivateKey: false));
        files.Add(new SamplePkiFile(ReadmeFileName, SamplePkiReadme.Render(this), IsPrivateKey: false));
        return files;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var credential in Credentials)
        {
            credential.Dispose();
        }
    }
}

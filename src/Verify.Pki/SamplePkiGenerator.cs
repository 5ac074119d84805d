namespace Verify.Pki;

/// <summary>
/// Generates the sample federation PKI in memory: a root CA, one intermediate CA per role (hub, IDP,
/// RP and matching service, metadata, TLS), the parties' signing and encryption certificates, a
/// development TLS certificate, and negative-test material (expired, not yet valid, RSA-1024, and an
/// impostor clone of the stub IDP's signing certificate). Every certificate is marked as sample
/// material (<see cref="SampleCertificates.IsSample"/>). For development and tests only.
/// </summary>
/// <param name="timeProvider">The clock that validity windows are measured from.</param>
public sealed class SamplePkiGenerator(TimeProvider timeProvider)
{
    private readonly TimeProvider _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));

    /// <summary>
    /// The names of the files <see cref="SamplePki.ToFiles"/> produces, known before generating, so a
    /// caller can refuse to overwrite without spending the time to make keys.
    /// </summary>
    public static IReadOnlyList<string> FileNames { get; } =
    [
        .. SamplePkiPlan.Credentials.SelectMany(spec => new[] { spec.Name + ".crt", spec.Name + ".key" }),
        SamplePki.TlsChainFileName,
        SamplePki.ReadmeFileName,
    ];

    /// <summary>Generates every credential of the plan; the caller disposes the result.</summary>
    public SamplePki Generate()
    {
        // Certificates hold whole seconds; truncating keeps the README's dates equal to the files'.
        var now = _timeProvider.GetUtcNow();
        var generatedAt = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

        var created = new Dictionary<string, SampleCredential>(StringComparer.Ordinal);
        var ordered = new List<SampleCredential>();
        try
        {
            foreach (var spec in SamplePkiPlan.Credentials)
            {
                var issuer = spec.IssuerName is null ? null : created[spec.IssuerName];
                var original = spec.CloneOf is null ? null : created[spec.CloneOf];
                var credential = SampleCertificateFactory.Create(spec, issuer, original, generatedAt);
                created.Add(spec.Name, credential);
                ordered.Add(credential);
            }
        }
        catch
        {
            foreach (var credential in ordered)
            {
                credential.Dispose();
            }

            throw;
        }

        return new SamplePki(generatedAt, ordered);
    }
}

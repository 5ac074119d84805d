namespace Verify.Pki;

/// <summary>A certificate with its private key: PEM files, or a PKCS#12 file with its password in a file.</summary>
public sealed class KeyFileSettings
{
    /// <summary>The certificate (PEM).</summary>
    public string? Certificate { get; set; }

    /// <summary>Its private key (PEM, PKCS#8 or PKCS#1).</summary>
    public string? Key { get; set; }

    /// <summary>Or: a PKCS#12 file holding both.</summary>
    public string? Pkcs12 { get; set; }

    /// <summary>The file holding the PKCS#12 password.</summary>
    public string? PasswordFile { get; set; }
}

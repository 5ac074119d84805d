namespace Verify.Saml.Xml.Encryption;

/// <summary>
/// The XML Encryption identifiers the encryption layer reads and writes: element types, the algorithms
/// we use, and the ones we recognise only in order to refuse them with a precise error.
/// </summary>
/// <remarks>
/// Namespaces themselves (<c>xenc</c>, <c>xenc11</c>, <c>ds</c>) are in <see cref="XmlNames"/>.
/// </remarks>
public static class XmlEncryptionNames
{
    /// <summary>XML Encryption 1.1 §3.1: EncryptedData whose plaintext is one whole element.</summary>
    public const string ElementType = "http://www.w3.org/2001/04/xmlenc#Element";

    /// <summary>XML Encryption 1.1 §3.1: EncryptedData whose plaintext is element content (refused for SAML).</summary>
    public const string ContentType = "http://www.w3.org/2001/04/xmlenc#Content";

    /// <summary>XML Encryption 1.1 (ds:RetrievalMethod): the Type of a RetrievalMethod that points at an EncryptedKey.</summary>
    public const string EncryptedKeyType = "http://www.w3.org/2001/04/xmlenc#EncryptedKey";

    /// <summary>XML Encryption 1.1, AES-GCM: AES-128 in Galois/Counter Mode.</summary>
    public const string Aes128Gcm = "http://www.w3.org/2009/xmlenc11#aes128-gcm";

    /// <summary>XML Encryption 1.1, AES-GCM: AES-192-GCM (recognised, not on our allow-list).</summary>
    public const string Aes192Gcm = "http://www.w3.org/2009/xmlenc11#aes192-gcm";

    /// <summary>XML Encryption 1.1, AES-GCM: AES-256 in Galois/Counter Mode (our default).</summary>
    public const string Aes256Gcm = "http://www.w3.org/2009/xmlenc11#aes256-gcm";

    /// <summary>XML Encryption 1.1 §5.2.2 (AES-CBC): AES-128-CBC (refused: malleable, padding oracles).</summary>
    public const string Aes128Cbc = "http://www.w3.org/2001/04/xmlenc#aes128-cbc";

    /// <summary>XML Encryption 1.1 §5.2.2 (AES-CBC): AES-192-CBC (refused).</summary>
    public const string Aes192Cbc = "http://www.w3.org/2001/04/xmlenc#aes192-cbc";

    /// <summary>XML Encryption 1.1 §5.2.2 (AES-CBC): AES-256-CBC (refused).</summary>
    public const string Aes256Cbc = "http://www.w3.org/2001/04/xmlenc#aes256-cbc";

    /// <summary>XML Encryption 1.1 §5.2.1: Triple DES in CBC mode (refused).</summary>
    public const string TripleDesCbc = "http://www.w3.org/2001/04/xmlenc#tripledes-cbc";

    /// <summary>XML Encryption 1.1 §5.5.2: RSA-OAEP with MGF1-SHA1 ("mgf1p"), what xmlsec1 1.2.37 accepts.</summary>
    public const string RsaOaepMgf1p = "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p";

    /// <summary>XML Encryption 1.1 §5.5.2: RSA-OAEP with an explicit mask generation function.</summary>
    public const string RsaOaep = "http://www.w3.org/2009/xmlenc11#rsa-oaep";

    /// <summary>XML Encryption 1.1 §5.5.1: RSA PKCS#1 v1.5 key transport (refused: Bleichenbacher oracles).</summary>
    public const string Rsa15 = "http://www.w3.org/2001/04/xmlenc#rsa-1_5";

    /// <summary>XML Encryption 1.1 §5.5.2: MGF1 with SHA-1 (the default of xmlenc11#rsa-oaep).</summary>
    public const string Mgf1Sha1 = "http://www.w3.org/2009/xmlenc11#mgf1sha1";

    /// <summary>XML Encryption 1.1 §5.5.2: MGF1 with SHA-256.</summary>
    public const string Mgf1Sha256 = "http://www.w3.org/2009/xmlenc11#mgf1sha256";

    /// <summary>XML Encryption 1.1 §5.5.2: MGF1 with SHA-384.</summary>
    public const string Mgf1Sha384 = "http://www.w3.org/2009/xmlenc11#mgf1sha384";

    /// <summary>XML Encryption 1.1 §5.5.2: MGF1 with SHA-512.</summary>
    public const string Mgf1Sha512 = "http://www.w3.org/2009/xmlenc11#mgf1sha512";
}

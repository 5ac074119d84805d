namespace Verify.Saml.Xml.Encryption;

/// <summary>
/// The block encryption algorithms we encrypt with and accept (XML Encryption 1.1, AES-GCM). Only
/// authenticated encryption is on the list: a changed ciphertext fails its tag instead of decrypting to
/// something an attacker chose, which is what broke AES-CBC in XML Encryption 1.0.
/// </summary>
public enum DataEncryptionAlgorithm
{
    /// <summary>AES-256-GCM, <c>http://www.w3.org/2009/xmlenc11#aes256-gcm</c>. The default.</summary>
    Aes256Gcm = 0,

    /// <summary>AES-128-GCM, <c>http://www.w3.org/2009/xmlenc11#aes128-gcm</c>.</summary>
    Aes128Gcm = 1,
}

using System.Security.Cryptography;

namespace Verify.Saml.Xml.Encryption;

/// <summary>One xenc:EncryptedKey that passed the algorithm allow-list, ready to be unwrapped.</summary>
/// <param name="Padding">The RSA-OAEP padding its EncryptionMethod names.</param>
/// <param name="CipherValue">The wrapped content-encryption key.</param>
/// <param name="RecipientCertificate">
/// The DER of the certificate its ds:KeyInfo/X509Data names, when there is one: a hint which of our
/// keys to try first, never a reason to trust anything.
/// </param>
internal sealed record EncryptedKeyParts(RSAEncryptionPadding Padding, byte[] CipherValue, byte[]? RecipientCertificate);

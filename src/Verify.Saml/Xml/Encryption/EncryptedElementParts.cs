namespace Verify.Saml.Xml.Encryption;

/// <summary>What a SAML encrypted element holds once its structure and algorithms have been accepted.</summary>
/// <param name="Algorithm">The data encryption algorithm (GCM only).</param>
/// <param name="CipherValue">IV ‖ ciphertext ‖ tag.</param>
/// <param name="Keys">The EncryptedKeys that may carry the content key: inline ones first, then siblings.</param>
internal sealed record EncryptedElementParts(DataEncryptionAlgorithm Algorithm, byte[] CipherValue, IReadOnlyList<EncryptedKeyParts> Keys);

using System.Security.Cryptography.X509Certificates;

using Verify.Saml.Trust;

namespace Verify.MatchingService;

/// <summary>
/// An identity provider whose assertions the matching service accepts, with its registered signing certificates
/// (from the federation metadata or the IDP's own metadata). End-to-end trust: the IDP's signature is checked here
/// with these keys, so the hub cannot forge who the IDP said the citizen is.
/// </summary>
/// <param name="EntityId">The IDP's entity ID: the Issuer of its assertions.</param>
/// <param name="SigningCertificates">Its signing certificates (several during a key rollover).</param>
/// <param name="Trust">
/// <see cref="TrustKind.Pinned"/> (the keys, taken from signed federation metadata, are trusted as keys) or
/// <see cref="TrustKind.Pkix"/> (each certificate must chain to the federation root through <c>idp-ca</c>; needs
/// <see cref="MatchingServiceOptions.TrustAnchors"/>).
/// </param>
public sealed record TrustedIdp(string EntityId, IReadOnlyList<X509Certificate2> SigningCertificates, TrustKind Trust = TrustKind.Pinned);

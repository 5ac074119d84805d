namespace Verify.StubIdp;

/// <summary>
/// One identity provider the stub presents itself as (white-labelling): its own entity ID, name and URL prefix,
/// sharing the stub's signing key. The hub sees each as a separate certified IDP.
/// </summary>
/// <param name="Slug">The URL prefix, e.g. <c>stub-idp-one</c>: lowercase letters, digits and hyphens.</param>
/// <param name="EntityId">The SAML entity ID, e.g. <c>https://idp.test/stub-idp-one</c>.</param>
/// <param name="DisplayName">The name shown to the citizen, e.g. <c>Stub IDP One</c>.</param>
public sealed record WhiteLabelIdp(string Slug, string EntityId, string DisplayName);

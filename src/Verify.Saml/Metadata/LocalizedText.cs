namespace Verify.Saml.Metadata;

/// <summary>
/// A string with its language (SAML Metadata 2.2.4 <c>localizedNameType</c> and 2.2.5 <c>localizedURIType</c>):
/// organization names, display names and URLs, each tagged with a required <c>xml:lang</c>.
/// </summary>
/// <param name="Language">The <c>xml:lang</c> value, e.g. <c>en</c> or <c>cy</c>.</param>
/// <param name="Value">The name, or the absolute URL for <c>md:OrganizationURL</c>.</param>
public sealed record LocalizedText(string Language, string Value);

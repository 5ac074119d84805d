using System.Text.RegularExpressions;
using System.Xml;

using Verify.Saml.Errors;

namespace Verify.Saml.Samlp;

/// <summary>
/// An OpenID Connect IDP's evidence for a matching service (ADR 0025): the IDP's signed ID token exactly as the hub
/// received it from the IDP's token endpoint (a compact JWS), the IDP's issuer, and the identity claims the hub took
/// from userinfo rather than the ID token, with their values (<see cref="VouchedByHub"/>: the hub vouches for those,
/// not the IDP; ADR 0025 addendum).
/// In a matching query it travels as <c>verify:OidcEvidence</c>, encrypted for the matching service inside
/// <c>verify:EncryptedOidcEvidence</c>, in the hub-signed query's SubjectConfirmationData.
/// </summary>
public sealed partial record MatchingQueryOidcEvidence
{
    /// <summary>The namespace of Verify's OIDC evidence elements.</summary>
    public const string Namespace = "urn:uk:gov:verify:matching:oidc-evidence";

    /// <summary>The plaintext element's local name.</summary>
    public const string ElementName = "OidcEvidence";

    /// <summary>The encrypted wrapper's local name (SAML Core 2.2.4 EncryptedElementType).</summary>
    public const string EncryptedElementName = "EncryptedOidcEvidence";

    /// <summary>The largest ID token carried (the hub's own limit on what it accepts from an IDP).</summary>
    public const int MaxIdTokenLength = 32 * 1024;

    /// <summary>The most hub-vouched claims listed.</summary>
    public const int MaxVouchedClaims = 16;

    /// <summary>The IDP's issuer identifier (OIDC Core 2 <c>iss</c>).</summary>
    public required string Issuer { get; init; }

    /// <summary>The IDP's ID token, a compact JWS, as the IDP signed it: relayed, never re-signed.</summary>
    public required string IdToken { get; init; }

    /// <summary>
    /// Identity claims that came only through userinfo (OIDC Core 5.3), name and value: vouched for by the hub (its
    /// signature on the query covers them), not signed by the IDP.
    /// </summary>
    public IReadOnlyList<MatchingQueryVouchedClaim> VouchedByHub { get; init; } = [];

    /// <summary>
    /// Whether every part is within Verify's limits: an absolute issuer, a compact JWS, and at most
    /// <see cref="MaxVouchedClaims"/> vouched claims, each a known claim name, once, with a value within the limit.
    /// </summary>
    public bool IsWellFormed =>
        Uri.IsWellFormedUriString(Issuer, UriKind.Absolute) && Issuer.Length <= 1024
        && IdToken is { Length: > 0 and <= MaxIdTokenLength } && IdToken.Count(c => c == '.') == 2 && IdToken.All(IsJwsCharacter)
        && VouchedByHub is { Count: <= MaxVouchedClaims } && VouchedByHub.All(claim => claim is { IsWellFormed: true } && ClaimName().IsMatch(claim.Name))
        && VouchedByHub.Select(claim => claim.Name).Distinct(StringComparer.Ordinal).Count() == VouchedByHub.Count;

    /// <summary>The plaintext <c>verify:OidcEvidence</c> element, in a new document.</summary>
    /// <exception cref="ArgumentException">The evidence is not well formed.</exception>
    public XmlElement ToElement()
    {
        if (!IsWellFormed)
        {
            throw new ArgumentException("The OIDC evidence needs an absolute issuer, a compact JWS and vouched claims within the limits.");
        }

        var document = new XmlDocument { PreserveWhitespace = true };
        var root = document.CreateElement("verify", ElementName, Namespace);
        root.SetAttribute("Issuer", Issuer);
        document.AppendChild(root);
        root.AppendChild(Text(document, "IdToken", IdToken));
        foreach (var claim in VouchedByHub)
        {
            var vouched = Text(document, "VouchedByHub", claim.Value);
            vouched.SetAttribute("Name", claim.Name);
            root.AppendChild(vouched);
        }

        return root;
    }

    /// <summary>
    /// Reads a decrypted <c>verify:OidcEvidence</c> element: one IdToken, then any VouchedByHub (a <c>Name</c> attribute and
    /// the value as text, nothing else), within the limits of <see cref="IsWellFormed"/>.
    /// </summary>
    /// <exception cref="SamlException">The element is not Verify's OIDC evidence or breaks a limit.</exception>
    public static MatchingQueryOidcEvidence Read(XmlElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (element is not { LocalName: ElementName, NamespaceURI: Namespace })
        {
            throw new SamlException(SamlErrorCode.MessageUnexpectedElement, "Expected verify:OidcEvidence.");
        }

        var children = element.ChildNodes.Cast<XmlNode>().Where(n => n is not XmlWhitespace and not XmlSignificantWhitespace).ToList();
        if (children.Count == 0 || children.Any(n => n is not XmlElement { NamespaceURI: Namespace })
            || children[0].LocalName != "IdToken" || children.Skip(1).Any(n => n.LocalName != "VouchedByHub" || !IsVouchedShape((XmlElement)n)))
        {
            throw new SamlException(SamlErrorCode.MessageUnexpectedElement, "verify:OidcEvidence holds one IdToken and then named VouchedByHub values only.");
        }

        var evidence = new MatchingQueryOidcEvidence
        {
            Issuer = element.GetAttribute("Issuer"),
            IdToken = children[0].InnerText.Trim(),
            VouchedByHub = [.. children.Skip(1).Select(n => new MatchingQueryVouchedClaim(((XmlElement)n).GetAttribute("Name"), n.InnerText))],
        };
        return evidence.IsWellFormed
            ? evidence
            : throw new SamlException(SamlErrorCode.MessageInvalidValue, "verify:OidcEvidence breaks a limit (issuer, ID token or vouched claims).");
    }

    // A VouchedByHub element carries one attribute, its claim's Name, and its value as text.
    private static bool IsVouchedShape(XmlElement element) =>
        element.Attributes.Cast<XmlAttribute>().Count(a => a.NamespaceURI != XmlnsNamespace) == 1 && element.HasAttribute("Name")
        && element.ChildNodes.Cast<XmlNode>().All(c => c is XmlText);

    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    private static XmlElement Text(XmlDocument document, string name, string value)
    {
        var element = document.CreateElement("verify", name, Namespace);
        element.InnerText = value;
        return element;
    }

    // RFC 7515 7.1: three base64url parts joined by dots.
    private static bool IsJwsCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';

    // OIDC Core 5.1 claim names (and Verify's): lower-case ASCII with underscores.
    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex ClaimName();
}

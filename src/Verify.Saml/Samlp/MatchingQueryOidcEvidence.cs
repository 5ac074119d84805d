using System.Text.RegularExpressions;
using System.Xml;

using Verify.Saml.Errors;

namespace Verify.Saml.Samlp;

/// <summary>
/// An OpenID Connect IDP's evidence for a matching service (ADR 0025): the IDP's signed ID token exactly as the hub
/// received it from the IDP's token endpoint (a compact JWS), the IDP's issuer, and the identity claims the hub took
/// from userinfo rather than the ID token (<see cref="VouchedByHub"/>: the hub vouches for those, not the IDP).
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

    /// <summary>The most hub-vouched claim names listed.</summary>
    public const int MaxVouchedClaims = 16;

    /// <summary>The IDP's issuer identifier (OIDC Core 2 <c>iss</c>).</summary>
    public required string Issuer { get; init; }

    /// <summary>The IDP's ID token, a compact JWS, as the IDP signed it: relayed, never re-signed.</summary>
    public required string IdToken { get; init; }

    /// <summary>Identity claims that came only through userinfo (OIDC Core 5.3): vouched for by the hub, not signed by the IDP.</summary>
    public IReadOnlyList<string> VouchedByHub { get; init; } = [];

    /// <summary>Whether every part is within Verify's limits (an absolute issuer, a compact JWS, claim names).</summary>
    public bool IsWellFormed =>
        Uri.IsWellFormedUriString(Issuer, UriKind.Absolute) && Issuer.Length <= 1024
        && IdToken is { Length: > 0 and <= MaxIdTokenLength } && IdToken.Count(c => c == '.') == 2 && IdToken.All(IsJwsCharacter)
        && VouchedByHub is { Count: <= MaxVouchedClaims } && VouchedByHub.All(name => ClaimName().IsMatch(name));

    /// <summary>The plaintext <c>verify:OidcEvidence</c> element, in a new document.</summary>
    /// <exception cref="ArgumentException">The evidence is not well formed.</exception>
    public XmlElement ToElement()
    {
        if (!IsWellFormed)
        {
            throw new ArgumentException("The OIDC evidence needs an absolute issuer, a compact JWS and claim names within the limits.");
        }

        var document = new XmlDocument { PreserveWhitespace = true };
        var root = document.CreateElement("verify", ElementName, Namespace);
        root.SetAttribute("Issuer", Issuer);
        document.AppendChild(root);
        root.AppendChild(Text(document, "IdToken", IdToken));
        foreach (var claim in VouchedByHub)
        {
            root.AppendChild(Text(document, "VouchedByHub", claim));
        }

        return root;
    }

    /// <summary>Reads a decrypted <c>verify:OidcEvidence</c> element: one IdToken, then any VouchedByHub, nothing else.</summary>
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
            || children[0].LocalName != "IdToken" || children.Skip(1).Any(n => n.LocalName != "VouchedByHub"))
        {
            throw new SamlException(SamlErrorCode.MessageUnexpectedElement, "verify:OidcEvidence holds one IdToken and then VouchedByHub names only.");
        }

        var evidence = new MatchingQueryOidcEvidence
        {
            Issuer = element.GetAttribute("Issuer"),
            IdToken = children[0].InnerText.Trim(),
            VouchedByHub = [.. children.Skip(1).Select(n => n.InnerText.Trim())],
        };
        return evidence.IsWellFormed
            ? evidence
            : throw new SamlException(SamlErrorCode.MessageInvalidValue, "verify:OidcEvidence breaks a limit (issuer, ID token or claim names).");
    }

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

using System.Xml;

using Verify.Saml.Bindings;
using Verify.Saml.Samlp;

namespace Verify.TestRp.Tests.Support;

/// <summary>An AuthnRequest the test RP sent the browser off with, as the hub would receive it.</summary>
internal sealed record SentRequest(
    AuthnRequest Request,
    XmlDocument Document,
    string RelayState,
    Uri? RedirectLocation,
    string? PostPage,
    RedirectMessage? Redirect,
    IReadOnlyList<string> SetCookies)
{
    public string? ContentSecurityPolicy { get; init; }
}
